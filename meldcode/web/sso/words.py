"""The words of single sign-on: why a sign-in was refused, in the user's terms."""

from meldcode.kader.i18n import _l

# Code -> (HTTP status, title, what happened and what to do). The codes go into the audit
# trail as the result of a failed login, so they stay short.
REFUSALS = {
    "state": (
        400,
        _l("Dit inlogverzoek is verlopen of al gebruikt"),
        _l(
            "Het antwoord van je inlogdienst hoort niet bij een inlogpoging die hier net "
            "begon, of is al eens gebruikt. Dat gebeurt als je een oude pagina of de "
            "terugknop gebruikt. Begin opnieuw bij Inloggen."
        ),
    ),
    "provider": (
        400,
        _l("Je inlogdienst heeft het inloggen niet afgerond"),
        _l(
            "De inlogdienst van je organisatie gaf een fout of weigerde de aanmelding. "
            "Probeer het opnieuw. Blijft dit gebeuren, vraag dan de beheerder om hulp."
        ),
    ),
    "token": (
        400,
        _l("Het bewijs van je inlogdienst klopt niet"),
        _l(
            "Het bewijs dat je bent ingelogd kon niet worden gecontroleerd: het is verlopen, "
            "niet voor deze toepassing bedoeld of niet goed ondertekend. Je bent daarom niet "
            "ingelogd. Probeer het opnieuw; blijft dit gebeuren, meld het dan aan de beheerder."
        ),
    ),
    "network": (
        503,
        _l("De inlogdienst is nu niet bereikbaar"),
        _l("Probeer het over een paar minuten opnieuw, of log in met je wachtwoord als dat kan."),
    ),
    "config": (
        503,
        _l("Inloggen via deze inlogdienst is niet goed ingesteld"),
        _l("Meld dit aan de beheerder van deze installatie. Je bent niet ingelogd."),
    ),
    "organisation": (
        403,
        _l("Je organisatie is niet aangesloten"),
        _l(
            "Je bent ingelogd bij je inlogdienst, maar je organisatie gebruikt deze "
            "toepassing (nog) niet via die inlogdienst. Vraag de beheerder van je "
            "organisatie om hulp. Er is niets over jou bewaard."
        ),
    ),
    "no_account": (
        403,
        _l("Je hebt hier nog geen account"),
        _l(
            "Je organisatie laat alleen collega's met een uitnodiging binnen. Vraag de "
            "beheerder van je organisatie om een uitnodiging en open de link daaruit. Er is "
            "niets over jou bewaard."
        ),
    ),
    "invitation": (
        403,
        _l("Deze uitnodiging werkt niet (meer)"),
        _l(
            "De uitnodiging is al gebruikt, verlopen, of hoort bij een andere organisatie "
            "dan die van je inlogdienst. Vraag de beheerder om een nieuwe uitnodiging."
        ),
    ),
    "email_taken": (
        403,
        _l("Er is al een account met je e-mailadres"),
        _l(
            "Log in met dat e-mailadres en je wachtwoord, en koppel daarna op je "
            "accountpagina je inlogdienst. Daarna kun je via je organisatie inloggen."
        ),
    ),
    "inactive": (
        403,
        _l("Je account staat uit"),
        _l("Vraag de beheerder van je organisatie om het weer aan te zetten."),
    ),
    "org_changed": (
        403,
        _l("Je inlogdienst hoort bij een andere organisatie"),
        _l(
            "Volgens je inlogdienst hoor je bij een andere organisatie dan je account hier. "
            "Vraag de beheerder om hulp."
        ),
    ),
    "linked": (
        403,
        _l("Dit account van je inlogdienst is al gekoppeld"),
        _l("Het is gekoppeld aan een ander account hier. Vraag de beheerder om hulp."),
    ),
}
