"""Every section of the dossier, read back from the PDF with pdftotext.

Dutch for the four example cases; with ``--taal en`` the kader's texts and the dossier's
own words (Dutch message ids, English from translations/en) are checked in English.
"""

import pytest

COMMON = [
    # cover
    "Vertrouwelijk",
    "Dossier meldcode huiselijk geweld en kindermishandeling",
    "Organisatie",
    "Eigenaar van de casus",
    "Afwegingskader",
    "Geldig vanaf ",
    "Bevestiging gedeeltelijk bevestigd",
    "niet in een bron bevestigd",
    "Afgedrukt op 23 november 2026",
    "De beslissing in één zin",
    # steps
    "Stap 1. ",
    "Stap 2. ",
    "Stap 3. ",
    "Stap 4. ",
    "Stap 5. ",
    # the decision
    "Wat het afwegingskader concludeert",
    "Beslissing 1: is melden noodzakelijk?",
    "Beslissing 2: is hulp bieden of organiseren (ook) mogelijk?",
    "Wat de professional besliste",
    # after the decision
    "Na de beslissing",
    "Informeren van de betrokkene(n)",
    "Melding bij Veilig Thuis",
    "Hulp die is geboden of georganiseerd",
    "Vervolgafspraken en evaluatie",
    "Telefoonnummers",
    "Veilig Thuis 0800-2000",
    "Alarmnummer 112",
    # timeline, provenance, signature
    "Tijdlijn",
    "Herkomst en ondertekening",
    "sha256 van het gebruikte kader",
    "Versie van meldcode 0.1.0",
    "De tool ondersteunt; de professional beslist.",
    "Bronnen",
    "Handtekening",
]
VT_NEXT = [
    "Wat Veilig Thuis hierna doet",
    "binnen 5 werkdagen na ontvangst van de melding een veiligheidsbeoordeling",
    "Antwoorden op Kamervragen over de stijging van huiselijk geweld, Antwoord op vraag 11",
]
CASES = {
    "onderwijs": [
        "J.B., 2016",
        "OBS De Linde",
        "mentor@delinde.nl",
        "Afwegingskader meldcode onderwijs en leerplicht",
        "Zorg sinds 14 september 2026",
        "Op 12 november 2026 besloten, volgens de uitkomst van het afwegingskader",
        "Stap 1. Signalen in kaart brengen",
        # facts apart from interpretation, what contradicts, injuries
        "Wat is er gezien of gehoord? (feiten) Blauwe plek op de linker bovenarm",
        "Interpretatie Lijkt op een greep; de vorm past niet bij een val.",
        "Wat spreekt het vermoeden tegen? J. voetbalt twee keer per week bij een club.",
        "Letsel linker bovenarm, blauw-paars, ovaal, ongeveer 3 cm",
        # consultations: who, when, advice; colleagues' answers and differences
        "De aandachtsfunctionaris 23 september 2026",
        "Veilig Thuis (advies, kan anoniem) 24 september 2026",
        "Verschil met de eigenaar bij: Afweging 2: Veiligheid",
        "directeur@delinde.nl afgerond",
        "Twee keer letsel in drie weken is structureel; ik zou direct melden.",
        "Afweging 2: Veiligheid nee ja anders",
        "Motivatie – Afweging 2: Veiligheid Herhaald letsel: structureel onveilig.",
        # conversation
        "Gesprek met moeder 29 september 2026",
        "Aanmelding bij het wijkteam; over zes weken een nieuw gesprek.",
        # afwegingen, answer and motivation
        "Afweging 1: Vermoeden",
        "Antwoord: ja",
        "De uitleg van moeder (vallen bij het voetballen) past niet bij de plek van het letsel.",
        "Anders beantwoord door: directeur@delinde.nl: ja",
        # the rule trace with sources
        "onderwijs:vermoeden.ja",
        "onderwijs:resultaat.nee",
        "Meldnorm 3: onveiligheid stopt niet",
        "Afweging 5 · bevestigd",
        "https://www.rijksoverheid.nl/documenten/richtlijnen/2017/07/28/afwegingskader",
        "Melden bij Veilig Thuis",
        # after the decision
        "De betrokkene(n) zijn vooraf geïnformeerd 12 november 2026",
        "Wie: moeder",
        "Bang dat J. uit huis wordt geplaatst",
        "Veilig Thuis-regio: Veilig Thuis Rotterdam Rijnmond",
        "Kenmerk: VT-2026-04417",
        "Opvoedondersteuning via het wijkteam, wekelijks thuis.",
        "Evaluatiedatum: 15 januari 2027",
        "uiterlijk op 20 november 2026",
        # the event log in Dutch local time (the file holds UTC)
        "14 september 2026, 12:02 mentor@delinde.nl Casus aangemaakt",
        "Antwoord gewijzigd: Afweging 5: Resultaat",
        "Inhoud",
    ]
    + VT_NEXT,
    "knmg": [
        "M.K., 34 jaar",
        "KNMG-meldcode kindermishandeling en huiselijk geweld, met afwegingskader",
        # a case stored as version 2019.1 opens the first KNMG version, valid from 2 July 2018
        "Versie 2018.1 (vastgelegd als 2019.1)",
        "Geldig vanaf 2 juli 2018",
        "(professionele norm)",
        "Status van de casus gesloten",
        "Dossier gearchiveerd op 30 juni 2026",
        "Zo nodig overleg met betrokken professionals en een signaal aan de Verwijsindex",
        "Signaal in de Verwijsindex: nee",
        "Kindcheck",
        "Leeftijden: 3 en 6 jaar",
        "Een deskundige letselduiding 4 maart 2026",
        "Advies van Veilig Thuis gevraagd Antwoord: ja",
        "Gesprek met patiënte 6 maart 2026",
        "artsen:veiligheid.ja",
        "Meldnorm 1: acute of structurele onveiligheid",
        "De betrokkene(n) zijn niet vooraf geïnformeerd",
        "Uitzondering: Ik heb de betrokkene na meerdere pogingen niet bereikt",
        "Pogingen om de betrokkene te bereiken Op 8 en 9 maart twee keer gebeld",
        "Na deze beslissing zijn antwoorden gewijzigd",
        "Kenmerk: U-2026-1184",
    ]
    + VT_NEXT,
    "disclosure": [
        "S.A., 2014",
        "Basismodel meldcode huiselijk geweld en kindermishandeling, met afwegingskader",
        "afwijkend van de uitkomst van het afwegingskader",
        "Onthulling (disclosure) Antwoord: ja",
        "Letterlijk: 'Papa slaat me als ik te laat thuis ben.'",
        "Het gesprek is overgeslagen",
        "Reden: De veiligheid van de cliënt of het kind komt in gevaar",
        "Een gesprek met vader kan S. in gevaar brengen",
        "Geldig vanaf 1 januari 2019",
        "Telt als: ja (door de norm Onthulling: altijd melden, met top-tot-teen onderzoek bij",
        "gegeven: nee",
        "Top-tot-teen onderzoek laten doen",
        "Volgt de uitkomst van het afwegingskader nee, wijkt af",
        "Het afwegingskader: nee; de professional: ja.",
        "Motivering van de professional We melden, en blijven S. wekelijks zien",
        "Uitzondering: De veiligheid van het kind of van gezinsleden komt in gevaar",
        "Geen hulp vastgelegd.",
    ]
    + VT_NEXT,
    "meldplicht": [
        "L.V., 2012",
        "OEFENEN",
        "Oefencasus: dit dossier hoort bij een oefening",
        "Route Meldplicht (vermoeden tegen een medewerker)",
        "niet van toepassing op deze route",
        "De stappen van de route",
        "1. Meteen het bevoegd gezag informeren 10 februari 2026 Gedaan: ja",
        "Direct gemeld bij het bestuur",
        "3. Aangifte bij een redelijk vermoeden Gedaan: nee",
        "4. Vastleggen Gedaan: niet vastgelegd",
        "Wettelijke meldplicht: zedendelict tegen een minderjarige leerling of student",
        "(wettelijke plicht)",
        "onderwijs:route.meldplicht",
        "hoort bij de meldcode en telt niet op deze route",
        "Vertrouwensinspecteur 0900-1113111",
        "De professional heeft (nog) geen beslissing vastgelegd.",
        "Er is geen melding vastgelegd.",
    ],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_section_is_printed(print_case, case):
    text = print_case(case).text()
    missing = [phrase for phrase in COMMON + CASES[case] if phrase not in text]
    assert missing == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_weasyprint_warnings(print_case, case):
    assert print_case(case).warnings == []
    assert print_case(case, "en").warnings == []


def test_steps_come_in_order_and_signals_in_time_order(print_case):
    pages = print_case("onderwijs").pages()
    assert "Inhoud" in pages[1]  # the contents, on the page after the cover, name them too
    text = " ".join(pages[2:])
    steps = [text.index(f"Stap {n}. ") for n in range(1, 6)]
    assert steps == sorted(steps)
    signals = [
        text.index(d)
        for d in (
            "Signaal 1 14 september",
            "Signaal 2 18 september",
            "Signaal 3 22 september",
            "Signaal 4 5 oktober",
        )
    ]
    assert signals == sorted(signals)
    decided = [
        text.index(s)
        for s in (
            "Wat het afwegingskader concludeert",
            "Na de beslissing",
            "Wanneer Wie Wat",
            "Herkomst en ondertekening",
        )
    ]
    assert decided == sorted(decided)


def test_knmg_weighs_every_afweging_in_step_5(print_case):
    text = print_case("knmg").text()
    start = text.index("Stap 5. Beslis over melden met het afwegingskader")
    assert text.index("Afweging 1: Vermoeden", text.index("Stap 2. ")) > start


def test_no_vt_next_steps_without_a_melding(print_case):
    assert "Wat Veilig Thuis hierna doet" not in print_case("meldplicht").text()


ENGLISH = {
    "onderwijs": [
        "Contents",
        "What Veilig Thuis does next",
        "within 5 working days",
        "Reporting code decision framework for education and compulsory schooling",
        "Map the signals",
        "Consult a colleague and if needed Veilig Thuis",
        "Consideration 1: Suspicion",
        "Based on what I saw, heard and discussed in steps 1 to 3",
        "Report to Veilig Thuis",
        "Reporting norm 3: unsafety does not stop",
        "Free of charge, day and night",
        "14 September 2026",
    ],
    "knmg": [
        "KNMG reporting code for child abuse and domestic violence, with decision framework",
        "Where needed, consult the professionals involved and signal the Referral Index",
        "I could not reach the person after several attempts",
        "Child check",
        "2 March 2026",
    ],
    "disclosure": [
        "Disclosure: always report, with a head-to-toe examination",
        "The safety of the client or child is endangered",
        "Have a head-to-toe examination done",
        "The safety of the child or of family members is endangered",
    ],
    "meldplicht": [
        "Duty to report (suspicion against a staff member)",
        "Inform the school board at once",
        "Confidential inspector",
        "Working days from 08:00 to 17:00.",
    ],
}


# The dossier's own words in English, in every case.
ENGLISH_COMMON = [
    "Confidential",
    "Printed on 23 November 2026",
    "The decision in one sentence",
    "Step 1. ",
    "Step 5. ",
    "What the decision framework concludes",
    "What the professional decided",
    "After the decision",
    "Informing the person(s) involved",
    "Phone numbers",
    "Timeline",
    "Provenance and signature",
    "sha256 of the framework used",
    "The tool supports; the professional decides.",
    "Sources",
    "Signature",
    "page 1 of",
]


@pytest.mark.parametrize("case", sorted(ENGLISH))
def test_english_dossier_uses_the_english_kader(print_case, case):
    printed = print_case(case, "en")
    text = printed.text()
    assert [phrase for phrase in ENGLISH_COMMON + ENGLISH[case] if phrase not in text] == []
    # the Dutch kader text must not be there instead
    dutch = print_case(case).view
    assert dutch.steps[0].title not in text
    assert printed.view.language == "en"
