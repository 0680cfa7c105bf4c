"""Check resolved kader data against the schema and explain every error in plain words.

Pydantic's messages are written for programmers; a trainer needs the file, the line, the
key path, what is wrong and what is allowed instead.
"""

import types
import typing

from pydantic import BaseModel
from pydantic import ValidationError

from meldcode.kader.errors import KaderError
from meldcode.kader.errors import shown
from meldcode.kader.i18n import _
from meldcode.kader.inherit import Merged
from meldcode.kader.model import Kader


def to_model(merged: Merged, model: type[BaseModel] = Kader) -> BaseModel:
    """Validate merged data into ``model``; raise KaderError with one issue per problem."""
    if not isinstance(merged.data, dict):
        raise KaderError(
            [merged.issue((), _("het bestand moet een mapping (sleutel: waarde) zijn"))]
        )
    try:
        return model.model_validate(merged.data)
    except ValidationError as exc:
        issues = [merged.issue(tuple(err["loc"]), explain(err, model)) for err in exc.errors()]
        raise KaderError(issues) from None


def explain(err: dict, model: type[BaseModel]) -> str:
    """Turn one pydantic error into a sentence that says what is allowed."""
    # Values and keys from the file are only quoted when they look like the vocabulary.
    kind, loc, value = err["type"], tuple(err["loc"]), shown(err.get("input"))
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, loc[:-1])
        return _("onbekende sleutel '{key}'. Toegestaan: {allowed}").format(
            key=shown(loc[-1]), allowed=", ".join(allowed)
        )
    if kind == "missing":
        return _("verplichte sleutel '{key}' ontbreekt").format(key=loc[-1])
    if kind == "literal_error":
        return _("waarde '{value}' is niet toegestaan. Toegestaan: {allowed}").format(
            value=value, allowed=err["ctx"]["expected"].replace("'", "").replace(" or ", ", ")
        )
    if kind == "string_pattern_mismatch":
        return _("waarde '{value}' heeft niet de juiste vorm ({pattern})").format(
            value=value, pattern=_pattern_words(err["ctx"]["pattern"])
        )
    if kind in ("string_type",):
        return _(
            "verwacht tekst, maar kreeg '{value}'; zet de waarde tussen aanhalingstekens"
        ).format(value=value)
    if kind.startswith("date"):
        return _(
            "'{value}' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld \"2019-01-01\""
        ).format(value=value)
    if kind.startswith("bool"):
        return _("verwacht true of false, maar kreeg '{value}'").format(value=value)
    if kind.startswith("int"):
        return _("verwacht een geheel getal, maar kreeg '{value}'").format(value=value)
    if kind == "dict_type":
        return _("verwacht een mapping (sleutel: waarde), maar kreeg '{value}'").format(value=value)
    if kind == "list_type":
        return _("verwacht een lijst (- item), maar kreeg '{value}'").format(value=value)
    if kind == "string_too_short":
        return _("mag niet leeg zijn")
    if kind == "string_too_long":
        return _("is te lang (hoogstens {max} tekens)").format(max=err["ctx"]["max_length"])
    if kind in ("greater_than_equal", "less_than_equal"):
        return _("waarde '{value}' valt buiten het toegestane bereik").format(value=value)
    if kind == "value_error":
        return _(str(err["ctx"]["error"]))
    return err["msg"]


def _pattern_words(pattern: str) -> str:
    """Describe a regular expression of the schema in plain words for the error message."""
    if "https?" in pattern:
        return _("een webadres dat begint met https:// of http://")
    if "a-z0-9_" in pattern:
        return _("kleine letters, cijfers en _, beginnend met een letter")
    return _("kleine letters, cijfers en -, beginnend met een letter")


def allowed_keys(model: type, loc: tuple) -> list[str]:
    """Return the keys a mapping at ``loc`` may have, by walking the schema's types."""
    current = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(current.model_fields)
    return []


def _step(tp, part):
    """Return the type one key deeper in the schema, to name what is allowed there."""
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field = tp.model_fields.get(part)
        return field.annotation if field else None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is dict and args:
        return args[1]
    if origin is list and args:
        return args[0]
    return None


def _unwrap(tp):
    """Strip ``X | None`` and ``Annotated[X, ...]`` down to X."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = members[0]
        else:
            return tp
