"""The dossier says what the kader says: norm kinds, informing exceptions, a failed help path."""

from tests.dossier.conftest import load_case


def case_with(name: str, **answers):
    """Return an example case file with some answers replaced."""
    case = load_case(name)
    return case.model_copy(update={"antwoorden": {**case.antwoorden, **answers}})


def test_honour_based_violence_prints_the_informing_exception(print_case):
    case = case_with("disclosure", vormen=["kindermishandeling", "eergerelateerd_geweld"])
    printed = print_case(case)
    assert [label for label, _cite in printed.view.after.by_rule] == [
        "Eergerelateerd geweld, huwelijksdwang of achterlating: de familie informeren brengt "
        "het slachtoffer in gevaar"
    ]
    text = printed.text()
    assert "Volgens het afwegingskader geldt hier een uitzondering op vooraf informeren" in text
    # advice from Veilig Thuis and no conversation with the family come before the melding
    assert text.index("Direct advies vragen aan Veilig Thuis") < text.index(
        "Melden bij Veilig Thuis. Doe een melding"
    )


def test_a_failed_help_path_says_what_no_help_means(print_case):
    case = case_with(
        "onderwijs",
        disclosure="nee",
        vermoeden="ja",
        veiligheid="nee",
        hulp="ja",
        acceptatie="ja",
        resultaat="nee",
    )
    printed = print_case(case)
    assert printed.view.engine.hulp == "nee"
    text = printed.text()
    assert "Beslissing 2 wordt 'nee': je eigen hulp is niet genoeg" in text
    assert "De hulp afstemmen met Veilig Thuis" in text
    assert "Hulp bieden of organiseren. Bied zelf hulp" not in text


def test_a_statutory_duty_is_printed_as_one(print_case):
    text = print_case("meldplicht").text()
    assert "(wettelijke plicht)" in text
    assert "(professionele norm)" not in text
