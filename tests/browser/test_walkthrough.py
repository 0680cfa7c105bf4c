"""A whole case, walked through the five steps in a real browser, in Dutch and in English.

An aandachtsfunctionaris signs in, starts a case and works it through the UI only: the
signals and what they set off, a consultation and a colleague (another
aandachtsfunctionaris, in a browser of their own) who thinks along independently, the
conversation, the afwegingen, the decision with its trace, what follows it, the
check-your-answers page and the case list. axe-core checks every page on the way (walk.py),
error states and the colleague's pages included; nothing leaves 127.0.0.1.
"""

import datetime

import pytest
from babel.dates import format_date

from meldcode.web.registry import KEY as REGISTRY_KEY
from tests.browser.walk import COLLEAGUE
from tests.browser.walk import COLLEAGUE_NAME
from tests.browser.walk import Walker
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD

pytestmark = pytest.mark.browser

OWNER = EMAILS["af"]
LABELS = {"nl": "J.B., 2016", "en": "A.K., 2015"}
TODAY = datetime.date.today()
# The owner's afwegingen and the colleague's independent ones: they differ on two.
OWNER_SAYS = {q: "ja" for q in ("vermoeden", "veiligheid", "hulp", "acceptatie", "resultaat")}
COLLEAGUE_SAYS = {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja", "acceptatie": "nee"}


def days_ago(days: int) -> str:
    """Return a date ``days`` before today, as a date field takes it."""
    return (TODAY - datetime.timedelta(days=days)).isoformat()


@pytest.fixture(scope="module")
def kader(browser_app):
    """The kader the walk uses: onderwijs, a basismodel with a meldplicht route."""
    return browser_app.extensions[REGISTRY_KEY].get("onderwijs")


class Case:
    """What the walk needs to know about the case: its kader and texts in the walk's language."""

    def __init__(self, walker: Walker, kader, label: str):
        self.w = walker
        self.kader = kader
        self.label = label
        self.steps = {step.number: step for _sid, step in kader.model.ordered_steps()}

    def t(self, text) -> str:
        """Return a kader text in the walk's language."""
        return text.get(self.w.language)

    def question(self, qid: str):
        """Return a question of the kader."""
        return self.kader.model.questions[qid]

    def step_link(self, number: int) -> str:
        """Return the name of the overview's link to a step."""
        return f"{self.w._('Stap')} {number}: {self.t(self.steps[number].title)}"

    def afweging(self, qid: str) -> str:
        """Return an afweging's title: ``Afweging 1: Vermoeden``."""
        question = self.question(qid)
        return self.w._(
            "Afweging %(number)s: %(label)s", number=question.number, label=self.t(question.label)
        )

    def yes_no(self, value: str) -> str:
        """Return the label of a ja/nee radio button."""
        return self.w._("Ja") if value == "ja" else self.w._("Nee")

    def to_overview(self) -> None:
        """Go to the case's overview through the name plate on every case page."""
        self.w.link(f"{self.w._('Casus')} {self.label}")


def start(w: Walker, case: Case) -> None:
    """Start a new case from the case list: kader, label, the date the worry started."""
    assert w.heading() == w._("Casussen")
    w.link(w._("Nieuwe casus"))
    w.select(w._("Afwegingskader"), case.t(case.kader.model.title))
    w.fill(w._("Label van de casus"), case.label)
    w.fill(w._("Sinds wanneer maak je je zorgen?"), days_ago(40))
    w.button(w._("Casus aanmaken"))
    assert w.heading() == f"{w._('Casus')} {case.label}"
    assert w._("De casus is aangemaakt. Begin met stap 1: de signalen.") in w.text()


def answer_question(w: Walker, case: Case, qid: str, choices: list[str], note: str) -> None:
    """Answer one of stap 1's questions about the suspicion, with a note."""
    question = case.question(qid)
    w.link(f"{w._('Beantwoorden')} ({case.t(question.label)})")
    for choice in choices:
        label = case.t(question.choices[choice].label) if question.choices else case.yes_no(choice)
        w.choose(case.t(question.text), label)
    w.fill(w._("Toelichting"), note)
    w.button(w._("Antwoord opslaan"))


def stap1(w: Walker, case: Case) -> None:
    """Record a signal (after one empty try), the kenmerken and any checks; close stap 1."""
    w.link(case.step_link(1))
    w.link(w._("Signaal toevoegen"))
    w.button(w._("Signaal opslaan"), status=400)  # empty: the error summary, checked by axe
    summary = w.page.locator(".error-summary")
    assert summary.get_by_role("heading").inner_text() == w._("Er is een probleem")
    assert w._("Vul dit veld in.") in summary.inner_text()
    assert w.page.title().startswith(w._("Fout:"))
    w.fill(w._("Datum van de waarneming"), days_ago(30))
    w.fill(w._("Wat is er gezien of gehoord? (feiten)"), "Blauwe plek op de bovenarm, 3 cm.")
    w.fill(w._("Jouw interpretatie"), "Mogelijk vastgepakt.")
    w.fill(w._("Waargenomen door"), "mentor")
    categories = case.kader.model.signal_categories
    w.select(w._("Soort signaal"), case.t(categories["lichamelijk"].label))
    w.fill(w._("Wat spreekt het vermoeden tegen?"), "Leerling zit op judo.")
    w.tick(w._("Er is letsel gezien"))
    w.fill(w._("Waar op het lichaam?"), "linker bovenarm")
    w.fill(w._("Wat voor letsel (kleur, vorm, grootte)?"), "blauw, ovaal, 3 cm")
    w.button(w._("Signaal opslaan"))
    assert "Blauwe plek op de bovenarm" in w.text()

    answer_question(w, case, "vormen", ["kindermishandeling"], "Letsel en wat de leerling zei.")
    answer_question(w, case, "disclosure", ["ja"], "'Papa knijpt hard', tegen de mentor.")
    answer_question(w, case, "pleger_medewerker", ["nee"], "Geen medewerker betrokken.")
    # A disclosure always counts as unsafety: stap 1 says so at once, with what to do.
    assert case.t(case.kader.model.norms["disclosure"].title) in w.text()
    for cid in case.steps[1].checks:
        check = case.kader.model.checks[cid]
        w.link(f"{w._('Check doen')} ({case.t(check.label)})")
        w.choose(
            w._("Zijn er kinderen of volwassenen die afhankelijk zijn van de zorg van je cliënt?"),
            w._("Nee"),
        )
        w.button(w._("Check opslaan"))
    w.button(w._("Stap %(n)d is klaar", n=1))
    assert w._("Stap %(n)d is afgerond.", n=1) in w.text()


def stap2(w: Walker, case: Case) -> None:
    """Record a consultation with Veilig Thuis and share the case with a colleague."""
    w.link(case.step_link(2))
    w.link(w._("Overleg toevoegen"))
    w.fill(w._("Datum van het overleg"), days_ago(20))
    w.choose(w._("Met wie heb je overlegd?"), w._("Veilig Thuis (advies, kan anoniem)"))
    w.fill(w._("Wie precies?"), "adviseur")
    w.tick(w._("Het overleg was anoniem: zonder namen of gegevens waaraan iemand te herkennen is"))
    w.fill(w._("Welk advies heb je gekregen?"), "Gesprek voeren met de ouders, dan wegen.")
    w.button(w._("Overleg opslaan"))
    assert "Gesprek voeren met de ouders" in w.text()
    w.link(w._("Delen met een collega om mee te denken"))
    who = f"{COLLEAGUE_NAME} ({w._('Aandachtsfunctionaris')})"  # by name and role, not e-mail
    w.select(w._("Met welke collega wil je de casus delen?"), who)
    w.button(w._("Casus delen"))
    shared = w._(
        "De casus is gedeeld. Laat je collega zelf weten dat de casus klaarstaat: deze "
        "installatie verstuurt geen e-mail."
    )
    assert shared in w.text()  # no SMTP in this test: the owner is told to pass it on
    assert COLLEAGUE_NAME in w.text()
    w.link(w._("Terug naar stap 2"))


def consult(w: Walker, case: Case) -> None:
    """As the colleague: read the case, give advice and own afwegingen, then compare."""
    assert w.heading() == w._("Casussen")
    w.link(case.label)
    assert w._("Jouw rol") in w.text()
    w.link(w._("Jouw advies en afwegingen vastleggen"))
    assert "Blauwe plek op de bovenarm" in w.text()  # the colleague reads the signals
    w.fill(w._("Jouw advies"), "Melden; de onthulling weegt zwaar.")
    for qid, value in COLLEAGUE_SAYS.items():
        question = case.question(qid)
        w.choose(case.t(question.text), case.yes_no(value))
        w.fill(w._("Motivatie bij afweging %(n)d", n=question.number), f"Collega over {qid}.")
    w.tick(w._("Ik ben klaar met meedenken. Laat me nu de afwegingen van de eigenaar zien."))
    w.button(w._("Opslaan"))
    assert w.heading() == w._("Afwegingen naast elkaar")
    assert "Collega over veiligheid." in w.text()


def stap3(w: Walker, case: Case) -> None:
    """Record the conversation with a parent."""
    w.link(case.step_link(3))
    w.link(w._("Gesprek toevoegen"))
    w.fill(w._("Datum van het gesprek"), days_ago(10))
    w.fill(w._("Met wie heb je gesproken?"), "moeder")
    w.fill(w._("Wat heb je verteld en wat is er gezegd?"), "De plek besproken; moeder schrok.")
    w.fill(w._("Hoe reageerde de ander?"), "Geschrokken, wil hulp.")
    w.fill(w._("Welke afspraken hebben jullie gemaakt?"), "Over een week weer spreken.")
    w.button(w._("Gesprek opslaan"))
    assert "moeder schrok" in w.text()
    w.button(w._("Stap %(n)d is klaar", n=3))


def weigh_here(w: Walker, case: Case) -> str:
    """Answer the afweging whose page is open, with a motivation; return its id."""
    qid = next(q for q in OWNER_SAYS if w.heading() == case.afweging(q))
    w.choose(case.t(case.question(qid).text), case.yes_no(OWNER_SAYS[qid]))
    w.fill(w._("Motivering"), f"Eigenaar over {qid}: zie signaal en gesprek.")
    w.button(w._("Opslaan en verder"))
    return qid


def weigh(w: Walker, case: Case) -> None:
    """Stap 4 and 5's afwegingen, each page leading to the next the kader needs."""
    w.link(case.step_link(4))
    w.link(f"{w._('Beantwoorden')} ({case.afweging('vermoeden')})")
    assert weigh_here(w, case) == "vermoeden"  # veiligheid counts as ja by a norm
    # The disclosure decided melden: the decision page comes first, Beslissing 2 stays open
    # and afwegingen 3 to 5 are walked after the melding, with Veilig Thuis.
    assert w.heading() == w._("Beslissen")
    assert w._("nog te bepalen samen met Veilig Thuis") in w.text()
    case.to_overview()
    w.link(case.step_link(5))
    w.link(f"{w._('Beantwoorden')} ({case.afweging('hulp')})")
    assert w._("Deze afweging beantwoord je na de melding, samen met Veilig Thuis.") in w.text()
    answered = [weigh_here(w, case)]
    while any(w.heading() == case.afweging(q) for q in OWNER_SAYS):
        answered.append(weigh_here(w, case))
    assert answered == ["hulp", "acceptatie", "resultaat"]
    assert w.heading() == f"{w._('Casus')} {case.label}"  # the last one leads to the task list
    w.link(case.step_link(4))
    w.link(f"{w._('Beantwoorden')} ({case.afweging('veiligheid')})")
    assert w._("Een norm gaat voor je antwoord.") in w.text()
    assert weigh_here(w, case) == "veiligheid"
    # Its afwegingen answered, stap 4 is done by itself; saving leads back to the task list.
    assert w.heading() == f"{w._('Casus')} {case.label}"
    assert w.page.locator("#status-4").inner_text() == w._("Klaar")


def compare(w: Walker, case: Case) -> None:
    """As the owner: see where the colleague's afwegingen differ from one's own."""
    w.link(case.step_link(2))
    w.link(w._("Jouw afwegingen naast die van je collega's"))
    warning = w.page.locator(".notice--warning")
    differ = w.ngettext(
        "De antwoorden verschillen bij %(num)d afweging",
        "De antwoorden verschillen bij %(num)d afwegingen",
        2,
    )
    assert differ in warning.inner_text()
    for qid in ("veiligheid", "acceptatie"):
        assert warning.get_by_role("link", name=case.afweging(qid)).count() == 1
    assert "Melden; de onthulling weegt zwaar." in w.text()
    case.to_overview()


def decide(w: Walker, case: Case) -> None:
    """Stap 5: the outcome with its trace, norms and sources; follow it, or depart from it."""
    w.link(case.step_link(5))
    w.link(w._("Uitkomst bekijken en beslissen"))
    assert not w.page.locator("#spoor").is_visible()  # the trace waits behind "Waarom?"
    w.page.locator("#waarom > summary").click()
    trace = w.page.locator("section:has(#spoor)").inner_text()
    for qid in OWNER_SAYS:
        assert case.afweging(qid) in trace
    assert w._("Regel-id in het kader") in trace and w._("Bron:") in trace
    norms = w.page.locator("section:has(#normen)").inner_text()
    assert case.t(case.kader.model.norms["disclosure"].title) in norms
    versie = w.page.locator("section:has(#kader-versie)").inner_text()
    assert case.kader.version in versie
    if w.language == "nl":
        w.choose(w._("Wat is je beslissing?"), w._("Ik volg de uitkomst van het afwegingskader"))
    else:
        w.choose(w._("Wat is je beslissing?"), w._("Ik wijk af van de uitkomst"))
        w.page.get_by_text(w._("Als je afwijkt: je eigen beslissing en motivering")).click()
        w.choose(w._("Beslissing 1: is melden noodzakelijk?"), w._("Ja"))
        w.choose(w._("Beslissing 2: is hulp bieden of organiseren (ook) mogelijk?"), w._("Nee"))
        w.fill(w._("Motivering"), "Hulp loopt al via het wijkteam; eerst melden.")
    w.button(w._("Beslissing vastleggen"))
    if w.language == "nl":
        assert w._("Je volgt de uitkomst van het afwegingskader.") in w.text()
    else:
        assert w._("Je wijkt af van de uitkomst van het afwegingskader.") in w.text()


def follow_up(w: Walker, case: Case) -> None:
    """Informing, the melding, help, and the evaluation date of afweging 5; close stap 5."""
    w.link(f"{w._('Vastleggen')} ({w._('informeren')})")
    informed = w._("Heb je de betrokkene(n) vooraf verteld dat je gaat melden?")
    if w.language == "nl":
        w.choose(informed, w._("Ja"))
        w.fill(w._("Wanneer?"), days_ago(1))
        w.fill(w._("Wie heb je geïnformeerd?"), "moeder")
        w.fill(w._("Hoe?"), "in een gesprek")
    else:
        w.choose(informed, w._("Nee"))
        exception = case.kader.model.informeren.exceptions["veiligheid_kind_of_gezin"]
        w.choose(w._("Waarom heb je niet vooraf geïnformeerd?"), case.t(exception.label))
        w.fill(w._("Toelichting bij de uitzondering"), "Vader dreigde het kind te straffen.")
    w.button(w._("Opslaan en verder"))
    w.link(f"{w._('Vastleggen')} ({w._('melding')})")
    w.fill(w._("Datum van de melding"), TODAY.isoformat())
    w.fill(w._("Veilig Thuis-regio"), "Veilig Thuis Utrecht")
    w.fill(w._("Kenmerk of referentie van Veilig Thuis"), "VT-2026-042")
    w.button(w._("Opslaan en verder"))
    w.link(w._("Hulp toevoegen"))
    w.fill(w._("Welke hulp?"), "Schoolmaatschappelijk werk begeleidt het gezin.")
    w.fill(w._("Door wie?"), "schoolmaatschappelijk werk")
    w.button(w._("Hulp opslaan"))
    w.link(f"{w._('Plannen')} ({w._('evaluatie')})")
    w.fill(w._("Wanneer evalueer je afweging 5?"), TODAY.isoformat())
    w.fill(w._("Afspraken"), "Met moeder en het wijkteam.")
    w.button(w._("Opslaan en verder"))
    assert "VT-2026-042" in w.text()
    w.button(w._("Stap %(n)d is klaar", n=5))


def check_answers(w: Walker, case: Case) -> None:
    """The check-your-answers page holds every step; a change link opens the saved answer."""
    w.link(w._("Alle antwoorden controleren"))
    text = w.text()
    for expected in (
        "Blauwe plek op de bovenarm",
        "Gesprek voeren met de ouders",
        "moeder schrok",
        "Eigenaar over veiligheid",
        "Veilig Thuis Utrecht",
        "Schoolmaatschappelijk werk",
        "Met moeder en het wijkteam.",
    ):
        assert expected in text, expected
    w.link(f"{w._('Wijzigen')} ({w._('Melding bij Veilig Thuis')})")
    assert w.field(w._("Veilig Thuis-regio")).input_value() == "Veilig Thuis Utrecht"
    w.link(w._("Terug"))


def case_list(w: Walker, case: Case) -> None:
    """The case list shows every step done and the evaluation date that is due."""
    w.link(w._("Casussen"), within=w.page.get_by_role("navigation", name=w._("Hoofdmenu")))
    row = w.page.locator(".case-card").filter(has=w.page.get_by_role("link", name=case.label))
    text = row.inner_text()
    assert text.count(w._("Klaar")) == 5, text
    when = format_date(TODAY, "d MMMM y", locale=w.language)
    due = w._("Evaluatie van afweging 5 op %(date)s", date=when)
    assert row.locator(".status--due").count() == 1 and due in row.inner_text()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_whole_case_through_the_five_steps(open_page, base_url, colleague, kader, language):
    owner = Walker(open_page(language, "desktop"), base_url, language)
    case = Case(owner, kader, LABELS[language])
    owner.sign_in(OWNER, PASSWORD)  # the sign-in page speaks the browser's language
    start(owner, case)
    if language == "en":  # the English walk does see English: the UI's and the kader's
        assert owner._("Nieuwe casus") != "Nieuwe casus"
        assert "Map the signals" in owner.text()
    stap1(owner, case)
    stap2(owner, case)

    thinker = Walker(open_page(language, "desktop"), base_url, language)  # own cookies
    thinker.sign_in(COLLEAGUE, PASSWORD)
    consult(thinker, Case(thinker, kader, case.label))
    thinker.assert_clean()

    owner.button(owner._("Stap %(n)d is klaar", n=2))
    stap3(owner, case)
    weigh(owner, case)
    compare(owner, case)
    decide(owner, case)
    follow_up(owner, case)
    check_answers(owner, case)
    case_list(owner, case)
    owner.assert_clean()
    assert any(status == 400 for status, _path in owner.visited)  # the error state was checked
    assert len(owner.visited) > 40, owner.visited
