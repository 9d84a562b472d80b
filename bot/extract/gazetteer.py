"""Find countries, bodies, places and office holders in news text.

The data lives in ``config/gazetteer/`` (JSON and TOML, edited by hand or
generated); this module only compiles it, once, into a single prefix-factored
regular expression plus dictionaries, so that ``find`` is pure and fast enough
for the 1,000 stories/s budget of the whole extractor.

Resolution rules that the data alone cannot carry:

- Names are case-sensitive: only the capitalised (or ALL-CAPS) form matches,
  so "may", "china" or "baker" never do.
- A person's full name matches at any date (with no role outside the person's
  terms); a short alias (surname) matches only within a year of one of the
  person's terms, and only where the neighbouring words do not make it part of
  another name ("Howard Baker", "Baker Hughes"). A story that names another
  person with the same surname ("Ross Wilson") loses its bare surnames.
  Surnames that are also common words ("May", "Major") need a title in front
  ("Prime Minister May") or the person's full name elsewhere in the story.
- Entries may carry validity dates ("Kremlin" is SU until 1991-12-25, RU after).
"""

from __future__ import annotations

import calendar
import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "BODY_CODES",
    "HISTORICAL_CODES",
    "Gazetteer",
    "Mention",
    "body_labels",
    "default_gazetteer",
]

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "config" / "gazetteer"


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def body_labels(directory: Path | None = None) -> dict[str, str]:
    """SPEC participant codes of bodies and their short display names, from ``bodies.toml``
    (the one list of body codes: titles, filters and the extractor all derive from it)."""
    data = _read_toml((directory or DEFAULT_DIRECTORY) / "bodies.toml")
    return {
        body["code"]: body.get("label", body["code"])
        for body in data["bodies"]
        if body.get("participant", True)
    }


# Participant codes for bodies allowed by SPEC.md; other group codes (G5, G10) only
# carry ``members`` for the event layer to expand.
BODY_CODES: frozenset[str] = frozenset(body_labels())
# Codes of states that no longer exist but appear in 1980s news.
HISTORICAL_CODES: frozenset[str] = frozenset({"SU", "DD", "YU", "CS", "YD"})


@cache
def summit_hosts(
    directory: Path | None = None,
) -> dict[int, tuple[tuple[str, frozenset[str]], ...]]:
    """By year, the towns hosting a body's leaders' summit with the codes that body gives
    (bodies.toml ``summits``): a SPEC body's own code, a group's members. A town and year two
    bodies share (Johannesburg 2023, Rio 2024-25) name neither."""
    data = _read_toml((directory or DEFAULT_DIRECTORY) / "bodies.toml")
    hosts: dict[tuple[int, str], list[frozenset[str]]] = {}
    for body in data["bodies"]:
        codes = (
            frozenset({body["code"]})
            if body.get("participant", True)
            else frozenset(body.get("members", []))
        )
        for year, town in body.get("summits", []):
            hosts.setdefault((int(year), str(town)), []).append(codes)
    by_year: dict[int, list[tuple[str, frozenset[str]]]] = {}
    for (year, town), found in hosts.items():
        if len(found) == 1:
            by_year.setdefault(year, []).append((town, found[0]))
    return {year: tuple(towns) for year, towns in by_year.items()}


def successor_codes(directory: Path | None = None) -> dict[str, str]:
    """The code an event carries for a state that no longer exists (SPEC: "the Soviet Union
    is RU"), from ``countries.json``; the gazetteer itself keeps the code of the time."""
    path = (directory or DEFAULT_DIRECTORY) / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))["countries"]
    return {c["code"]: c["successor"] for c in countries if "successor" in c}


SUCCESSOR_CODES: dict[str, str] = successor_codes()

SURNAME_SLACK = timedelta(days=366)
_WORD_CHAR = re.compile(r"\w")
_SPACE_RUN = re.compile(r"\s+")
_PREV_WORD = re.compile(r"([^\s]+)(\s+)$")
_NEXT_WORD = re.compile(r"^(\s+)([^\s]+)")
# After a name: a capitalised word and what follows it ("Jordan Bardella said").
_NEXT_TWO_WORDS = re.compile(r"[ \t]+([A-Z][\w'\u2019-]*)(?:[ \t]+(\S+)|[,.;:])?")
_CUE_WINDOW = 150
# Three or more words without a lower-case letter: a headline or a shouted line.
_CAPS_RUN = re.compile(
    r"[A-Z][A-Z0-9.'\u2019&-]*(?:[ \t,;:/\"()-]+[A-Z0-9][A-Z0-9.'\u2019&-]*){2,}"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One gazetteer hit: a span of the text and what it refers to."""

    start: int
    end: int
    text: str
    kind: str  # "country" | "demonym" | "capital" | "city" | "region" | "body" | "person"
    code: str  # ISO alpha-2 or body code (for persons: their country/body code)
    name: str  # canonical name
    role: str | None = None  # persons: "leader" | "foreign" | "trade" | "finance" | ...
    members: tuple[str, ...] = ()  # groups such as G5/G7/G10: member country codes


@dataclass(frozen=True, slots=True)
class _Term:
    role: str
    office: str
    start: date
    end: date | None
    code: str


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    code: str
    terms: tuple[_Term, ...]

    def term_at(self, on: date | None, slack: timedelta = timedelta(0)) -> _Term | None:
        """The term covering ``on`` (leader terms first), else None."""
        if on is None:
            return None
        best: _Term | None = None
        for term in self.terms:
            end = term.end or date.max
            covers = term.start - slack <= on and (end == date.max or on <= end + slack)
            if covers and (best is None or (term.role == "leader" and best.role != "leader")):
                best = term
        return best

    def latest_term(self) -> _Term:
        return max(self.terms, key=lambda t: t.start)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One meaning of one surface form."""

    kind: str
    code: str
    name: str
    members: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None
    person: _Person | None = None
    short: bool = False  # a person's surname-only alias: date- and context-limited
    weak: bool = False  # a short alias that is also a common word: needs a title
    hyphen: bool = False  # a combining form ("Sino-") that must be followed by "-"
    ignore: bool = False  # a blocker ("Paris Club"): swallows the span, yields nothing

    def valid_on(self, on: date | None) -> bool:
        if on is None:
            return self.valid_until is None
        if self.valid_from is not None and on < self.valid_from:
            return False
        return not (self.valid_until is not None and on > self.valid_until)


@dataclass(slots=True)
class _Rules:
    titles: frozenset[str] = frozenset()
    neutral_before: frozenset[str] = frozenset()
    neutral_after: frozenset[str] = frozenset()
    weak_surnames: frozenset[str] = frozenset()
    word_markers: frozenset[str] = frozenset()
    caps_ambiguous: frozenset[str] = frozenset()
    name_like: frozenset[str] = frozenset()
    place_before: frozenset[str] = frozenset()
    # surface -> [(code, cue pattern)]: the reading of that code wins when a cue is near
    cues: dict[str, list[tuple[str, re.Pattern[str]]]] = field(default_factory=dict)


@dataclass(slots=True)
class _Builder:
    """Collects surface forms while the data files are read."""

    table: dict[str, list[_Entry]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    body_names: dict[str, str] = field(default_factory=dict)
    lookup_names: list[tuple[str, str, str]] = field(default_factory=list)  # (folded, code, name)
    anaphors: dict[str, list[str]] = field(default_factory=dict)  # "the bloc" -> body codes

    def add(self, surface: str, entry: _Entry) -> None:
        for form in _variants(surface):
            bucket = self.table.setdefault(form, [])
            if entry not in bucket:
                bucket.append(entry)


_UNDECOMPOSABLE = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O"})


def _fold(text: str) -> str:
    """Strip accents: "Côte d'Ivoire" -> "Cote d'Ivoire", "Yılmaz" -> "Yilmaz"."""
    if text.isascii():  # most names: nothing to strip, and NFKD leaves ASCII as it is
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _variants(surface: str) -> set[str]:
    """The written forms of one name: as given, without accents, German transliteration,
    straight and curly apostrophes. (ALL-CAPS text is title-cased before matching.)"""
    surface = _SPACE_RUN.sub(" ", surface.strip())
    forms = {surface, _fold(surface), surface.translate(_GERMAN)}
    forms |= {f.replace("'", "\u2019") for f in forms if "'" in f}
    return {f for f in forms if f}


def _parse_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _aliases(items: Iterable[Any]) -> Iterator[tuple[str, date | None, date | None]]:
    """Alias items are strings or tables ``{text, from, until}``."""
    for item in items:
        if isinstance(item, str):
            yield item, None, None
        else:
            yield item["text"], _parse_date(item.get("from")), _parse_date(item.get("until"))


def _read(path: Path) -> dict[str, Any]:
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    return _read_toml(path)


def _data_files(directory: Path, stem: str) -> list[Path]:
    return sorted(
        p for p in directory.iterdir() if p.stem.startswith(stem) and p.suffix in {".json", ".toml"}
    )


def _load_countries(builder: _Builder, data: dict[str, Any]) -> None:
    for country in data["countries"]:
        code, name = country["code"], country["name"]
        builder.country_names[code] = name
        valid_until = _parse_date(country.get("until"))
        builder.lookup_names.append((_fold(name).casefold(), code, name))
        for text, since, until in _aliases(country.get("aliases", [])):
            builder.lookup_names.append((_fold(text).casefold(), code, name))
            builder.add(
                text,
                _Entry("country", code, name, valid_from=since, valid_until=until or valid_until),
            )
        for text, since, until in _aliases(country.get("demonyms", [])):
            hyphen = text.endswith("-")
            builder.add(
                text.rstrip("-"),
                _Entry("demonym", code, name, valid_from=since, valid_until=until, hyphen=hyphen),
            )
        for item in country.get("capitals", []):
            # {text = "Peking", name = "Beijing"}: an old spelling keeps the modern name.
            canonical = item if isinstance(item, str) else item.get("name", item["text"])
            for text, since, until in _aliases([item]):
                entry = _Entry("capital", code, canonical, valid_from=since, valid_until=until)
                builder.add(text, entry)


def _load_places(builder: _Builder, data: dict[str, Any]) -> None:
    for kind in ("city", "region"):
        for place in data.get(kind, []):
            for text, since, until in _aliases([place["name"], *place.get("aliases", [])]):
                entry = _Entry(
                    kind,
                    place["code"],
                    place["name"],
                    valid_from=since or _parse_date(place.get("from")),
                    valid_until=until or _parse_date(place.get("until")),
                )
                builder.add(text, entry)
    for text in data.get("ignore", []):
        builder.add(text, _Entry("ignore", "", text, ignore=True))


def _load_bodies(builder: _Builder, data: dict[str, Any]) -> None:
    for body in data["bodies"]:
        code, name = body["code"], body["name"]
        members = tuple(sorted(body.get("members", [])))
        if body.get("participant", True):
            builder.body_names[code] = name
            builder.lookup_names.append((name.casefold(), code, name))
        for text, since, until in _aliases([name, *body.get("aliases", [])]):
            builder.add(text, _Entry("body", code, name, members, since, until))
        for phrase in body.get("anaphors", []):
            for form in {phrase, phrase[:1].upper() + phrase[1:]}:
                builder.anaphors.setdefault(form, []).append(code)


def _term(row: list[Any], default_code: str) -> _Term:
    role, office, start, end = row[:4]
    code = row[4] if len(row) > 4 else default_code
    return _Term(role, office, date.fromisoformat(start), _parse_date(end), code)


def _short_forms(person: dict[str, Any]) -> list[str]:
    """Surname aliases: explicit ``surname`` (str or list), else the last word of the name."""
    if person.get("no_surname"):
        return []
    explicit = person.get("surname")
    if explicit is not None:
        return [explicit] if isinstance(explicit, str) else list(explicit)
    words = [w for w in person["name"].split() if w not in {"Jr.", "Jr", "Sr.", "II", "III"}]
    return [words[-1]] if len(words) > 1 else []


_GIVEN_NAME_HYPHEN = re.compile(r"-([a-z])")


def _hyphen_variants(name: str) -> list[str]:
    """Korean given names are written "Tae-woo", "Tae-Woo" and "Tae Woo"."""
    if not _GIVEN_NAME_HYPHEN.search(name):
        return []
    return [
        _GIVEN_NAME_HYPHEN.sub(lambda m: "-" + m.group(1).upper(), name),
        _GIVEN_NAME_HYPHEN.sub(lambda m: " " + m.group(1).upper(), name),
    ]


def _load_people(builder: _Builder, data: dict[str, Any], weak: frozenset[str]) -> None:
    for raw in data.get("people", []):
        code = raw.get("code", "")
        terms = tuple(_term(row, code) for row in raw["terms"])
        person = _Person(raw["name"], code or terms[0].code, terms)
        fulls = [raw["name"], *(a for a in raw.get("aliases", []) if " " in a.strip())]
        fulls += [v for text in fulls for v in _hyphen_variants(text)]
        shorts = [*_short_forms(raw), *(a for a in raw.get("aliases", []) if " " not in a.strip())]
        for text in fulls:
            builder.add(text, _Entry("person", person.code, person.name, person=person))
        for text in shorts:
            # ``weak = true``: a surname no one vetted against ordinary words needs a title.
            is_weak = text in weak or bool(raw.get("weak"))
            entry = _Entry(
                "person", person.code, person.name, person=person, short=True, weak=is_weak
            )
            builder.add(text, entry)


def _load_rules(data: dict[str, Any]) -> _Rules:
    def words(key: str) -> frozenset[str]:
        return frozenset(data.get(key, []))

    return _Rules(
        titles=words("titles"),
        neutral_before=words("neutral_before"),
        neutral_after=words("neutral_after"),
        weak_surnames=words("weak_surnames"),
        word_markers=frozenset(w.casefold() for w in data.get("word_markers", [])),
        caps_ambiguous=words("caps_ambiguous"),
        name_like=words("name_like"),
        place_before=words("place_before"),
        cues=_load_cues(data.get("context", [])),
    )


def _load_cues(rows: list[dict[str, Any]]) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """``[[context]]`` rows: a reading of an ambiguous name and the words that point to it."""
    cues: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for row in rows:
        words = "|".join(re.escape(w) for w in sorted(row["near"], key=len, reverse=True))
        pattern = re.compile(r"(?<!\w)(?:" + words + r")(?!\w)")
        for form in _variants(row["text"]):
            cues.setdefault(form, []).append((row["code"], pattern))
    return cues


def _trie_pattern(words: Iterable[str]) -> str:
    """A prefix-factored alternation: fast in ``re`` because every position is
    rejected after one character test, and greedy, so the longest form wins."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [_atom(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return emit(trie)


@cache  # a few hundred distinct characters, asked for ~40k times while the trie is written
def _atom(ch: str) -> str:
    # Aliases written with one space also match across line breaks and double spaces.
    return r"\s+" if ch == " " else re.escape(ch)


class Gazetteer:
    """Compiled gazetteer; build with ``Gazetteer.load()`` (or ``default_gazetteer()``)."""

    def __init__(
        self,
        table: dict[str, list[_Entry]],
        rules: _Rules,
        country_names: dict[str, str],
        body_names: dict[str, str],
        lookup_names: list[tuple[str, str, str]],
        people: tuple[_Person, ...],
        anaphors: dict[str, list[str]] | None = None,
    ) -> None:
        self._table = table
        self._rules = rules
        self._country_names = country_names
        self._body_names = body_names
        self._lookup_names = sorted(set(lookup_names))
        self.people = people  # every office holder, sorted by name (for data checks)
        self._person_codes = sorted(
            {(_fold(p.name).casefold(), p.latest_term().code) for p in people}
        )
        alternation = _trie_pattern(sorted(table))
        # No look-behind in front: a pattern that starts with a literal branch lets
        # ``re`` skip impossible positions in C. The left word boundary is checked in Python.
        self._pattern = re.compile("(?:" + alternation + r")(?!\w)")
        self._anaphors = anaphors or {}
        self._anaphor_pattern = (
            re.compile("(?:" + _trie_pattern(sorted(self._anaphors)) + r")(?![\w-])")
            if self._anaphors
            else None
        )

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        """Read every data file of ``directory`` (default ``config/gazetteer/``)."""
        directory = directory or DEFAULT_DIRECTORY
        builder = _Builder()
        rules = _Rules()
        rules_files = _data_files(directory, "rules")
        if rules_files:
            rules = _load_rules(_read(rules_files[0]))
        for path in _data_files(directory, "countries"):
            _load_countries(builder, _read(path))
        for path in _data_files(directory, "places"):
            _load_places(builder, _read(path))
        for path in _data_files(directory, "bodies"):
            _load_bodies(builder, _read(path))
        for path in _data_files(directory, "people"):
            _load_people(builder, _read(path), rules.weak_surnames)
        people = {e.person.name: e.person for es in builder.table.values() for e in es if e.person}
        return cls(
            builder.table,
            rules,
            builder.country_names,
            builder.body_names,
            builder.lookup_names,
            tuple(sorted(people.values(), key=lambda p: p.name)),
            builder.anaphors,
        )

    # -- queries -------------------------------------------------------------------

    def country_name(self, code: str) -> str | None:
        """Common name of a country or body code ("JP" -> "Japan", "G7" -> "Group of Seven")."""
        code = code.upper()
        return self._country_names.get(code) or self._body_names.get(code)

    def lookup_country(self, query: str) -> list[tuple[str, str]]:
        """Autocomplete: ``(code, name)`` of countries and SPEC bodies whose code or any
        name starts with ``query`` (case- and accent-insensitive): exact code first, then
        codes, names, words of names; failing those, the countries of office holders."""
        folded = _fold(query.strip()).casefold()
        if not folded:
            return []
        found: dict[str, str] = {}
        exact = folded.upper()
        if exact in self._country_names:
            found[exact] = self._country_names[exact]
        if exact in self._body_names:
            found[exact] = self._body_names[exact]
        for code, name in sorted({**self._country_names, **self._body_names}.items()):
            if code.casefold().startswith(folded):
                found.setdefault(code, name)
        for alias, code, name in self._lookup_names:
            if alias.startswith(folded):
                found.setdefault(code, name)
        for alias, code, name in self._lookup_names:
            if any(word.startswith(folded) for word in alias.split()):
                found.setdefault(code, name)
        if not found and len(folded) >= 3:
            # No place or body by that name: office holders ("trump" -> United States).
            for person_name, code in self._person_codes:
                if any(word.startswith(folded) for word in person_name.split()):
                    name = self.country_name(code)
                    if name is not None:
                        found.setdefault(code, name)
        return list(found.items())

    def find(self, text: str, on: date | None) -> list[Mention]:
        """All non-overlapping mentions in ``text``, sorted by start, longest first.

        ``on`` is the article's date: it picks office holders and period names
        ("Kremlin" -> SU in 1987). With ``on=None`` only full names of people match.
        """
        doc = _Document()
        if _lower_case_story(text):
            # A wire story sent in lower case ("venezuela will supply ecuador ..."): its names
            # are read with capitals put back, as an all-caps headline's are.
            source = _WORD_START.sub(lambda m: m.group().upper(), text)
            mentions = self._scan(source, text, 0, len(text), on, doc, caps=True)
        else:
            mentions = self._scan(text, text, 0, len(text), on, doc, caps=False)
        runs = [m.span() for m in _CAPS_RUN.finditer(text)]
        if runs:
            mentions = self._add_caps_mentions(text, runs, mentions, on, doc)
        if doc.short:
            mentions = self._drop_doubtful_surnames(mentions, doc)
        if self._anaphor_pattern is not None and any(m.kind == "body" for m in mentions):
            mentions = self._add_anaphors(text, mentions)
        return [_seat_acting(text, m) for m in mentions]

    def _add_anaphors(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "The Commission", "the alliance", "the bloc" after the story has named the body:
        the body named last before the phrase among those the phrase can stand for."""
        assert self._anaphor_pattern is not None
        bodies = [m for m in mentions if m.kind == "body"]
        taken = [(m.start, m.end) for m in mentions]
        extra = []
        for match in self._anaphor_pattern.finditer(text, bodies[0].end):
            start, end = match.span()
            if start and _WORD_CHAR.match(text, start - 1):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            if not match.group().lower().startswith("the ") and _NAME_BEFORE.search(
                text, max(0, start - 30), start
            ):
                continue  # "the East African Community": another body's name, not the anaphor
            codes = self._anaphors[_SPACE_RUN.sub(" ", match.group())]
            named = [m for m in bodies if m.end <= start and m.code in codes]
            if named:
                body = named[-1]
                extra.append(Mention(start, end, match.group(), "body", body.code, body.name))
        if not extra:
            return mentions
        return sorted([*mentions, *extra], key=lambda m: m.start)

    def _add_caps_mentions(
        self,
        text: str,
        runs: list[tuple[int, int]],
        mentions: list[Mention],
        on: date | None,
        doc: _Document,
    ) -> list[Mention]:
        """Match ALL-CAPS runs (headlines: "JAPAN TELLS US TO CUT TARIFFS") in
        title case; acronyms were already found as written."""
        pieces: list[str] = []
        done = 0
        for a, b in runs:
            titled = text[a:b].title()
            pieces += [text[done:a], titled if len(titled) == b - a else text[a:b]]
            done = b
        pieces.append(text[done:])
        source = "".join(pieces)
        taken = [(m.start, m.end) for m in mentions]
        extra = []
        for a, b in runs:
            for mention in self._scan(source, text, a, b, on, doc, caps=True):
                if not any(s < mention.end and mention.start < e for s, e in taken):
                    extra.append(mention)
        if not extra:
            return mentions
        return sorted([*mentions, *extra], key=lambda m: m.start)

    def _scan(
        self,
        source: str,
        text: str,
        pos: int,
        endpos: int,
        on: date | None,
        doc: _Document,
        *,
        caps: bool,
    ) -> list[Mention]:
        """Mentions found in ``source[pos:endpos]`` (``text`` itself or its title-cased
        shadow), reported with the spans and spelling of ``text``."""
        mentions: list[Mention] = []
        table = self._table
        for match in self._pattern.finditer(source, pos, endpos):
            start, end = match.span()
            if start and _WORD_CHAR.match(source, start - 1):
                continue
            surface = match.group()
            entries = table.get(surface)
            if entries is None:
                entries = table.get(_SPACE_RUN.sub(" ", surface))
                if entries is None:
                    continue
            entry, context = self._resolve(entries, source, start, end, surface, on, doc, caps)
            if entry is None or entry.ignore:
                continue
            if entry.kind == "demonym" and not caps and self._given_name_before(source, start):
                continue  # "Volker Turk said": a surname after a given name, no demonym
            mention = self._mention(entry, start, end, text[start:end], on)
            if entry.person is not None and entry.short:
                doc.short.append((mention, entry, surface, context or _FREE))
            elif entry.person is not None:
                doc.named.add(entry.person.name)
            mentions.append(mention)
        return mentions

    # -- resolution ------------------------------------------------------------------

    def _drop_doubtful_surnames(self, mentions: list[Mention], doc: _Document) -> list[Mention]:
        """Second look at surnames once the whole story is read: "Wilson" after
        "Ross Wilson" is Ross Wilson; "May" counts only with a title or the full name."""
        drop: set[int] = set()
        for mention, entry, surface, context in doc.short:
            person = entry.person
            assert person is not None
            named = person.name in doc.named
            if entry.weak:
                # "Prime Minister May"; or "May said" once "Theresa May" was named,
                # but never "in May" or "May 5".
                keep = context.titled or (named and not context.wordlike)
            else:
                keep = named or surface.casefold() not in doc.other_names
            if not keep:
                drop.add(id(mention))
        return [m for m in mentions if id(m) not in drop]

    def _mention(
        self, entry: _Entry, start: int, end: int, surface: str, on: date | None
    ) -> Mention:
        if entry.person is not None:
            person = entry.person
            term = person.term_at(on) or person.term_at(on, SURNAME_SLACK)
            if term is None:
                # Known, but not in office then ("Donald Trump" in 1987): no role.
                latest = person.latest_term()
                role = latest.role if on is None else None
                return Mention(start, end, surface, "person", latest.code, person.name, role)
            return Mention(start, end, surface, "person", term.code, person.name, term.role)
        return Mention(start, end, surface, entry.kind, entry.code, entry.name, None, entry.members)

    def _resolve(
        self,
        entries: list[_Entry],
        text: str,
        start: int,
        end: int,
        surface: str,
        on: date | None,
        doc: _Document,
        caps: bool = False,
    ) -> tuple[_Entry | None, _Context | None]:
        """The meaning of one span, and for a surname the words around it."""
        if surface in self._rules.caps_ambiguous and _caps_context(text, start, end):
            return None, None
        places: list[_Entry] = []
        people: list[tuple[tuple[bool, bool, bool, bool], _Entry]] = []
        context: _Context | None = None
        for entry in entries:
            if entry.person is not None:
                if entry.short:
                    context = context or self._context(text, start, end, caps)
                    if not context.free and not (
                        entry.person.name in doc.named and _after_sentence_opener(text, start)
                    ):
                        doc.other_names.add(surface.casefold())
                        continue
                ranked = self._rank_person(entry, on, doc)
                if ranked is not None:
                    people.append((ranked, entry))
            elif entry.hyphen:
                if text.startswith("-", end):
                    places.append(entry)
            elif entry.valid_on(on):
                places.append(entry)
        name_like = places and surface in self._rules.name_like and not caps
        if name_like and self._in_person_name(text, start, end):
            return None, None  # "Jordan Bardella", "Michael Jordan", "Chad Wolf"
        if len(places) > 1:
            places = self._by_cues(places, surface, text, start, end, doc)
        if people:
            people.sort(key=lambda item: item[0], reverse=True)
            best = people[0][1]
            tied = len(people) > 1 and people[0][0] == people[1][0]
            if tied and best.person is not people[1][1].person:
                return (places[0] if places else None), None
            titled = context is not None and context.titled
            assert best.person is not None
            if places and best.short and not (titled or best.person.name in doc.named):
                # "Montenegro" is the country unless the story is about Luis Montenegro.
                return places[0], None
            return best, context
        if places:
            return places[0], None
        # A period name used outside its dates ("Zaire" in 2005) still names the place.
        for entry in entries:
            if entry.person is None and not entry.hyphen:
                return entry, None
        return None, None

    def _by_cues(
        self, places: list[_Entry], surface: str, text: str, start: int, end: int, doc: _Document
    ) -> list[_Entry]:
        """Readings of an ambiguous name, the one its neighbourhood points to first:
        "Georgia" near "Atlanta" is the US state; once decided, the whole story keeps it."""
        cues = self._rules.cues.get(surface)
        if not cues:
            return places
        code = doc.readings.get(surface)
        if code is None:
            window = (max(0, start - _CUE_WINDOW), min(len(text), end + _CUE_WINDOW))
            code = next((c for c, cue in cues if cue.search(text, *window)), None)
            if code is not None:
                doc.readings[surface] = code
        if code is None:
            return places
        return sorted(places, key=lambda entry: entry.code != code)

    def _in_person_name(self, text: str, start: int, end: int) -> bool:
        """Whether a country name that is also a given name or surname is part of a
        person's name here: a capitalised word right before it ("Michael Jordan") or a
        name right after it ("Jordan Bardella said", "Chad Wolf, the ...")."""
        rules = self._rules
        prev = _PREV_WORD.search(text, max(0, start - 40), start)
        prev_word = prev.group(1) if prev else ""
        if (
            prev_word[:1].isupper()
            and prev_word.isalpha()
            and not {prev_word, prev_word.title()} & (rules.titles | rules.neutral_before)
            and prev_word not in rules.place_before
            and not self._pattern.fullmatch(prev_word)
        ):
            return True
        following = _NEXT_TWO_WORDS.match(text, end, min(len(text), end + 60))
        if following is None:
            return False
        name, after = following.group(1), following.group(2) or ""
        return (
            name.isalpha()
            and name not in rules.neutral_after
            and not self._pattern.fullmatch(name)
            and not after[:1].isupper()
        )

    def _rank_person(
        self, entry: _Entry, on: date | None, doc: _Document
    ) -> tuple[bool, bool, bool, bool] | None:
        """Score a person reading of a span: (named in full earlier in the story, in
        office exactly, is leader, full name); None when ruled out (a surname far
        from the person's terms)."""
        person = entry.person
        assert person is not None
        exact = person.term_at(on)
        near = exact or person.term_at(on, SURNAME_SLACK)
        if entry.short and near is None:
            return None
        term = near or person.latest_term()
        named = person.name in doc.named
        return (named, exact is not None, term.role == "leader", not entry.short)

    def _given_name_before(self, text: str, start: int) -> bool:
        """Whether a capitalised word that is no title, date word or sentence opener stands
        right before: "Volker Turk", "Jamal English" are names, "the Japanese" is none."""
        prev = _PREV_WORD.search(text, max(0, start - 40), start)
        if prev is None or prev.group(2) != " ":
            return False
        word = prev.group(1)
        if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            return False
        if word in self._rules.titles or word in _DATE_WORDS or word in _OPENERS:
            return False
        before = text[max(0, prev.start() - 3) : prev.start()]
        return bool(before.strip()) and not re.search(r"[.!?:;\"'\u201c(]\s*$", before)

    def _context(self, text: str, start: int, end: int, caps: bool) -> _Context:
        """Whether a surname stands alone: not part of another name ("Howard Baker",
        "Baker Hughes"), and whether a title precedes it ("Prime Minister May")."""
        rules = self._rules
        prev = _PREV_WORD.search(text, max(0, start - 40), start)
        prev_word = prev.group(1) if prev else ""
        titled = prev_word.rstrip(".").title() in rules.titles or prev_word in rules.titles
        if text.startswith("-", end) and not self._pattern.match(text, end + 1):
            # "Fischer-Watt Gold": a compound name; "Reagan-Nakasone talks" is fine.
            return _NOT_A_NAME
        nxt = _NEXT_WORD.match(text[end : end + 40])
        next_word = nxt.group(2).rstrip(",.;:!?)'\"") if nxt else ""
        # "in May", "May 5": the ordinary word, whoever the story is about. After a word that
        # also opens a clause or a person's phrase ("since Lee took office", "talks between
        # Lee and Xi") only a month's name is the ordinary word ("since May").
        marker = prev_word.casefold()
        wordlike = next_word[:1].isdigit() or (
            marker in rules.word_markers
            and (marker not in _PERSON_MARKERS or text[start:end] in _MONTH_NAMES)
        )
        if caps:
            # In a headline every word is capitalised: neighbours say nothing more.
            return _Context(free=True, titled=titled, wordlike=wordlike)
        possessive = prev_word.endswith(("'s", "\u2019s"))
        if (
            prev_word
            and prev_word[0].isupper()
            and prev_word[-1].isalpha()
            and not (titled or possessive or prev_word in rules.neutral_before)
        ):
            return _NOT_A_NAME
        if next_word[:1].isupper() and next_word not in rules.neutral_after:
            return _NOT_A_NAME
        return _Context(free=True, titled=titled, wordlike=wordlike)


_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<![.!?])\b[A-Z][\w'-]*\s+$")
_DATE_WORDS = frozenset(
    [*calendar.month_name[1:], *calendar.day_name, "Today", "Yesterday", "Tomorrow"]
)
_OPENERS = frozenset("The A An And But Or In On At For By From With As If When While".split())
_PERSON_MARKERS = frozenset(
    "since until till by from to for between before after through during at".split()
)
_MONTH_NAMES = frozenset(calendar.month_name[1:])


_OPENER_BEFORE = re.compile(r"(?:^|[.!?][\"')\]\u201d]?\s+|\n\s*)([A-Z][a-z]+)\s+$")


# "Brussels" acting is the EU whose seat it is ("Brussels on Thursday slapped duties on",
# "which Brussels says is a barrier"); in a place ("talks in Brussels", "flights to
# Brussels", "police in London and Brussels are investigating") it stays the city.
_SEATS: dict[str, tuple[str, str]] = {"Brussels": ("EU", "European Union")}
_SEAT_NOT_ACTING = re.compile(
    r"(?:\b(?:in|to|from|at|near|via|of|for|between|or|the|a|outside|into|around|through)"
    r"|(?<!,)\s+and|[&/-]|(?<!However)(?<!Meanwhile)(?<!Instead)(?<!Separately)(?<!Still),)\s*$",
    re.IGNORECASE,
)
_SEAT_VERB = re.compile(
    r"(?:\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+week"
    r"|this\s+week|also|now|then|still|already|has|have|had|will|would|[a-z]+ly))*"
    r"\s+(?:has|have|had|is|was|will|would|could|should|may|might|must|can|did|does|says|said"
    r"|wants|faces|insists|argues|plans|proposes|threatens|imposes|slaps|warns|fears|hopes"
    r"|seeks|accuses|rejects|demands|urges|agrees|approves|adopts|considers|launches|expects"
    r"|refuses|believes|maintains|calls|[a-z]+ed)\b"
)


def _seat_acting(text: str, mention: Mention) -> Mention:
    """A body's seat named as the one who acts stands for the body (see ``_SEATS``)."""
    seat = _SEATS.get(mention.text)
    if seat is None or mention.kind != "capital":
        return mention
    if _SEAT_NOT_ACTING.search(text, max(0, mention.start - 12), mention.start):
        return mention
    if not _SEAT_VERB.match(text, mention.end):
        return mention
    return Mention(mention.start, mention.end, mention.text, "body", seat[0], seat[1])


def _after_sentence_opener(text: str, start: int) -> bool:
    """Whether the one word before ``start`` opens its sentence: "Dictator Putin held
    talks" after "Vladimir Putin" was named is Putin, capitalised only by its place."""
    return bool(_OPENER_BEFORE.search(text, max(0, start - 30), start))


@dataclass(frozen=True, slots=True)
class _Context:
    """The words around a bare surname."""

    free: bool  # not part of another name
    titled: bool  # a title right before it
    wordlike: bool = False  # read as the ordinary word ("in May", "May 5")


_NOT_A_NAME = _Context(free=False, titled=False)
_FREE = _Context(free=True, titled=False)


@dataclass(slots=True)
class _Document:
    """What one ``find`` call has seen so far, for the surname second pass."""

    short: list[tuple[Mention, _Entry, str, _Context]] = field(default_factory=list)
    named: set[str] = field(default_factory=set)
    other_names: set[str] = field(default_factory=set)
    readings: dict[str, str] = field(default_factory=dict)  # ambiguous name -> code chosen


def _caps_context(text: str, start: int, end: int) -> bool:
    """True when the words around a span are ALL-CAPS too (a headline: "TELL US")."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    neighbours = [w for w in (before[-1:] + after[:1]) if any(ch.isalpha() for ch in w)]
    return bool(neighbours) and all(
        w.isupper() and sum(ch.isalpha() for ch in w) > 1 for w in neighbours
    )


_CAPITAL = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_START = re.compile(r"(?<![\w'\u2019])(?!us\b)[a-z]")  # not the pronoun "us"
LOWER_CASE_SHARE = 0.01  # capitals per letter below which a story's names lost theirs


def _lower_case_story(text: str) -> bool:
    """A long story with hardly a capital letter, only sentence starts ("venezuela will supply
    ecuador ..."; news copy has three to five capitals in a hundred letters)."""
    if len(text) < 300:
        return False
    letters = len(_LETTER.findall(text))
    return len(_CAPITAL.findall(text)) < LOWER_CASE_SHARE * letters


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of ``config/gazetteer/``, loaded once per process."""
    return Gazetteer.load()
