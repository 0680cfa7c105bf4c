"""Strict, safe YAML for kaders, scenarios and answers files.

Built from the parser's event stream (libyaml when present), so nothing is ever
constructed that the file did not spell out: no tags, no anchors or aliases, no duplicate
keys, no YAML 1.1 booleans such as ``yes``/``no``/``on``/``off`` (Dutch ``ja``/``nee`` are
what a kader means), and dates stay text until the schema reads them. Every mapping key and
list item gets its line number, so later errors can point at the line.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from meldcode.kader.errors import Issue
from meldcode.kader.errors import KaderError
from meldcode.kader.errors import dotted
from meldcode.kader.errors import shown
from meldcode.kader.files import check_size
from meldcode.kader.files import read_capped
from meldcode.kader.i18n import _

MAX_DEPTH = 40  # a kader nests about eight levels, a case file five

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_TRAPS = {"yes", "no", "on", "off"}
_NUMBER_START = frozenset("0123456789+-.")


@dataclass
class Loaded:
    """A parsed document with the line of every key path in it."""

    data: object
    lines: dict[tuple, int]
    file: str


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read and parse one YAML file strictly; raise KaderError naming file and line."""
    name = display or str(path)
    try:
        raw = read_capped(path, name)
    except OSError as exc:
        reason = _("bestand niet te lezen: {reason}").format(reason=exc.strerror or exc)
        raise KaderError([Issue(name, None, "", reason)]) from None
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> Loaded:
    """Parse YAML bytes strictly; ``name`` is used in error messages."""
    check_size(raw, name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise KaderError([Issue(name, None, "", _("bestand is geen UTF-8-tekst"))]) from None
    return _Builder(name).build(text)


class _Builder:
    """Turns parser events into plain dicts, lists and scalars, recording lines."""

    def __init__(self, name: str):
        """Start a builder for one file; lines are remembered per key path."""
        self.name = name
        self.lines: dict[tuple, int] = {}

    def fail(self, line: int | None, path: tuple, message: str):
        """Stop with one issue that names the file, line and key path."""
        raise KaderError([Issue(self.name, line, dotted(path), message)])

    def build(self, text: str) -> Loaded:
        """Parse the text into events and build plain dicts, lists and strings from them."""
        try:
            events = self.events_of(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            problem = exc.problem or exc.context or "?"
            self.fail(line, (), _("geen geldige YAML: {problem}").format(problem=problem))
        except yaml.YAMLError as exc:
            self.fail(None, (), _("geen geldige YAML: {problem}").format(problem=exc))
        documents = [e for e in events if isinstance(e, yaml.DocumentStartEvent)]
        if len(documents) > 1:
            line = documents[1].start_mark.line + 1
            self.fail(line, (), _("één document per bestand; haal de tweede '---' weg"))
        if not documents:
            return Loaded(None, {}, self.name)
        self.events = events
        self.pos = events.index(documents[0]) + 1
        data = self.node(())
        return Loaded(data, self.lines, self.name)

    def events_of(self, text: str) -> list:
        """Return the parser's events, stopping at once when nesting goes too deep.

        The parser is read event by event: 100,000 opening brackets are refused at the
        41st, not after the parser has spent a minute on them (or the builder ran out of
        stack).
        """
        events, depth = [], 0
        for event in yaml.parse(text, Loader=_Parser):
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    self.fail(
                        event.start_mark.line + 1,
                        (),
                        _("te diep genest: hoogstens {limit} niveaus").format(limit=MAX_DEPTH),
                    )
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
            events.append(event)
        return events

    def next(self):
        """Return the next parser event."""
        event = self.events[self.pos]
        self.pos += 1
        return event

    def node(self, path: tuple):
        """Build the value that starts at the next event, refusing anchors, aliases and tags."""
        event = self.next()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.fail(
                line,
                path,
                _("ankers en verwijzingen (& en *) zijn niet toegestaan; schrijf de waarde uit"),
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.fail(line, path, _("YAML-tags zoals '{tag}' zijn niet toegestaan").format(tag=tag))
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path, line)
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(self.events[self.pos], yaml.SequenceEndEvent):
                item_path = path + (len(items),)
                self.lines[item_path] = self.events[self.pos].start_mark.line + 1
                items.append(self.node(item_path))
            self.pos += 1
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path)
        self.fail(line, path, _("onverwacht YAML-element"))

    def mapping(self, path: tuple) -> dict:
        """Build a mapping, refusing duplicate keys and YAML 1.1 booleans as keys."""
        result: dict = {}
        while not isinstance(self.events[self.pos], yaml.MappingEndEvent):
            key_event = self.events[self.pos]
            line = key_event.start_mark.line + 1
            if not isinstance(key_event, yaml.ScalarEvent):
                self.fail(line, path, _("een sleutel moet een eenvoudige tekst zijn"))
            key = self.node(path)
            if not isinstance(key, str):
                self.fail(line, path, _("sleutel '{key}' moet tekst zijn").format(key=shown(key)))
            if key == "<<":
                self.fail(line, path, _("samenvoegsleutel '<<' is niet toegestaan"))
            if key in result:
                self.fail(
                    line,
                    path + (key,),
                    _(
                        "sleutel '{key}' staat twee keer in deze mapping (eerder op regel {first})"
                    ).format(key=shown(key), first=self.lines.get(path + (key,), "?")),
                )
            self.lines[path + (key,)] = line
            result[key] = self.node(path + (key,))
        self.pos += 1
        return result

    def scalar(self, event, path: tuple, line: int):
        """Return a plain scalar as text, int or bool, refusing yes/no/on/off."""
        value = event.value
        if event.style or len(value) > 24:
            return value  # quoted, block or long text is always text
        if len(value) <= 5:
            if value.lower() in _TRAPS:
                self.fail(
                    line,
                    path,
                    _(
                        "'{value}' is in YAML 1.1 een ja/nee-waarde en wordt verkeerd gelezen; "
                        "schrijf ja of nee (of zet de tekst tussen aanhalingstekens)"
                    ).format(value=value),
                )
            if value in _NULL:
                return None
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
        if value and value[0] in _NUMBER_START:
            if _INT.fullmatch(value):
                return int(value)
            if _FLOAT.fullmatch(value):
                return float(value)
        return value
