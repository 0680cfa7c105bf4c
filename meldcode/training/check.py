"""Check the training cases against the kaders: schema, citations, and the engine's decision.

``meldcode kaders check`` calls :func:`check_cases`: every case in the shipped folder and, if
given, a trainers' folder is loaded, its kader resolved, its model answers run through the
engine and compared with the expected decision. Problems are printed like the kader checks:
file, line, key path, what is wrong and what is allowed.
"""

import json
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

import click

from meldcode import paths
from meldcode.kader import AnswerError
from meldcode.kader import Issue
from meldcode.kader import KaderError
from meldcode.kader import Registry
from meldcode.kader import ResolvedKader
from meldcode.kader import UnknownKader
from meldcode.kader import evaluate
from meldcode.kader.answers import check_answers
from meldcode.kader.i18n import _
from meldcode.training.cites import check_cites
from meldcode.training.library import LoadedCase
from meldcode.training.library import load_case

ALWAYS = ("route", "melden", "hulp", "afsluiten", "acties", "nog_nodig")
OPTIONAL = ("normen", "pad", "bijzondere_situaties")


@dataclass
class Checked:
    """The cases of one or more folders: those that passed, how many files, and the issues."""

    cases: list[LoadedCase] = field(default_factory=list)
    files: int = 0
    issues: list[Issue] = field(default_factory=list)


def check_cases(registry: Registry, folder=None, *, shipped=paths.OEFENCASUSSEN_DIR) -> int:
    """Check the ``shipped`` cases (None: skip) and a trainers' ``folder``; print problems."""
    folders = [(Path(shipped), False)] if shipped is not None else []
    if folder:
        folders.append((Path(folder), True))
    result = check_folders(registry, folders)
    for issue in result.issues:
        click.echo(str(issue), err=True)
    problems = len(result.issues)
    summary = _("{count} oefencasussen: {problems} probleem/problemen") if problems else None
    summary = summary or _("{count} oefencasussen: in orde")
    click.echo(summary.format(count=result.files, problems=problems), err=bool(problems))
    return problems


def check_folders(registry: Registry, folders: list[tuple[Path, bool]]) -> Checked:
    """Load and check every ``*.yaml`` of each folder; a required folder must exist."""
    result = Checked()
    seen: dict[str, str] = {}
    for folder, required in folders:
        if not folder.is_dir():
            if required:
                result.issues.append(Issue(str(folder), None, "", _("map bestaat niet")))
            continue
        for path in sorted(folder.glob("*.yaml")):
            result.files += 1
            try:
                loaded = load_case(path, _display(path))
            except KaderError as exc:
                result.issues += exc.issues
                continue
            problems = check_case(registry, loaded)
            case_id = loaded.case.id
            if case_id in seen:
                text = _("oefencasus '{id}' staat ook in {other}")
                problems.append(loaded.issue(("id",), text.format(id=case_id, other=seen[case_id])))
            seen.setdefault(case_id, loaded.file)
            result.issues += problems
            if not problems:
                result.cases.append(loaded)
    return result


def check_case(registry: Registry, loaded: LoadedCase) -> list[Issue]:
    """Return every problem of one loaded case that needs the kader or the engine to see."""
    case = loaded.case
    issues: list[Issue] = []
    if case.id != loaded.path.stem:
        message = _("id '{id}' moet gelijk zijn aan de bestandsnaam zonder .yaml ('{stem}')")
        issues.append(loaded.issue(("id",), message.format(id=case.id, stem=loaded.path.stem)))
    try:
        kader = kader_for(registry, case)
    except UnknownKader as exc:
        known = case.kader.id in registry.ids()
        key = "id" if not known else "version" if case.kader.version else "date"
        return issues + [loaded.issue(("kader", key), str(exc))]
    issues += check_cites(kader, loaded)
    for index, question in enumerate(case.step_questions):
        if question.id in kader.kinds:
            text = _("'{id}' is een vraag van het kader; geef je eigen vraag een andere id")
            issues.append(
                loaded.issue(("step_questions", index, "id"), text.format(id=question.id))
            )
    for question, model in case.model_answers.items():
        try:
            check_answers(kader, {question: model.answer})
        except AnswerError as exc:
            where = ("model_answers", question) + (("answer",) if question in kader.kinds else ())
            issues.append(loaded.issue(where, str(exc)))
    if issues:
        return issues
    decision = evaluate(kader, case.answers())
    return _compare(loaded, decision) + _unused(loaded, decision) + _casusbestand(loaded, kader)


def _unused(loaded: LoadedCase, decision) -> list[Issue]:
    """Refuse model answers the engine does not use, or overrules with a norm."""
    issues = []
    for question in decision.ongebruikt():
        message = _(
            "het modelantwoord op '{question}' telt niet mee voor de beslissing (het staat niet "
            "op het pad); haal het weg of pas de andere modelantwoorden aan"
        )
        issues.append(loaded.issue(("model_answers", question), message.format(question=question)))
    for step in decision.pad:
        if step.overruled_by and step.gegeven is not None:
            message = _(
                "de norm '{norm}' laat '{question}' als '{answer}' tellen; geef dat als "
                "modelantwoord en bespreek het verschil in de lesnotities"
            )
            text = message.format(norm=step.overruled_by, question=step.vraag, answer=step.antwoord)
            issues.append(loaded.issue(("model_answers", step.vraag, "answer"), text))
    return issues


def kader_for(registry: Registry, case) -> ResolvedKader:
    """Return the kader version a case names: by version, by date, or the newest."""
    ref = case.kader
    if ref.version:
        return registry.get(ref.id, ref.version)
    if ref.date:
        return registry.valid_on(ref.id, ref.date)
    return registry.get(ref.id)


def _compare(loaded: LoadedCase, decision) -> list[Issue]:
    """List every key of the expected decision that the engine does not give."""
    expected = loaded.case.expected
    got = decision.summary()
    issues = []
    for key in ALWAYS + OPTIONAL:
        want = getattr(expected, key)
        if (key in ALWAYS or want is not None) and want != got[key]:
            message = _(
                "het kader geeft {got} bij deze modelantwoorden, maar de casus verwacht {want}"
            )
            text = message.format(got=_json(got[key]), want=_json(want))
            issues.append(loaded.issue(("expected", key), text))
    return issues


def _casusbestand(loaded: LoadedCase, kader: ResolvedKader) -> list[Issue]:
    """Check that the example case file is a training case with the same kader and answers."""
    example = loaded.case.casusbestand
    if example is None:
        return []
    issues = []
    if not example.casus.oefencasus:
        text = _("een voorbeelddossier van een oefencasus heeft 'oefencasus: true'")
        issues.append(loaded.issue(("casusbestand", "casus", "oefencasus"), text))
    ref = example.casus.kader
    if (ref.id, ref.versie) != (kader.id, kader.version):
        text = _("het voorbeelddossier gebruikt {got}; de casus gebruikt {want}").format(
            got=f"{ref.id} {ref.versie}", want=kader.label()
        )
        issues.append(loaded.issue(("casusbestand", "casus", "kader"), text))
    answers = loaded.case.answers()
    for question in sorted(set(answers) | set(example.antwoorden)):
        if answers.get(question) != example.antwoorden.get(question):
            text = _("het voorbeelddossier antwoordt {got}; het modelantwoord is {want}").format(
                got=_json(example.antwoorden.get(question)), want=_json(answers.get(question))
            )
            issues.append(loaded.issue(("casusbestand", "antwoorden", question), text))
    return issues


def _json(value) -> str:
    """Write a value as in the decision contract: true, false, null, lists in brackets."""
    return json.dumps(value, ensure_ascii=False)


def _display(path: Path) -> str:
    """Name a file relative to the project's data folder when it lies inside it."""
    resolved = path.resolve()
    if resolved.is_relative_to(paths.DATA_ROOT):
        return str(resolved.relative_to(paths.DATA_ROOT))
    return str(path)
