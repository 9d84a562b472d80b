"""The event lexicons of ``config/lexicons/events.toml``, compiled once per process."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import config

LEXICON_PATH = Path(config.__file__).resolve().parent / "lexicons" / "events.toml"


def _alternation(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One word-bounded alternation, longest patterns first so the longest phrase wins."""
    if not patterns:
        return None
    # A space in a pattern matches any run of white space (wire copy breaks lines mid-phrase).
    body = "|".join(
        "(?:{})".format(p.replace(" ", r"\s+")) for p in sorted(patterns, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


STEM_LENGTH = 5  # letters of a trigger's first word that must match before its pattern is tried
_LITERAL = re.compile(r"[A-Za-z'\u2019 -]+")


def stems(patterns: list[str]) -> frozenset[str]:
    """The lower-case starts (up to five letters of the first word) a match can begin with.

    A start ending in a space stands for a whole short word ("en " of "en route to", "by "
    is not "bytes"). Trigger patterns start with a literal word of two letters or more, or
    with a group of such words (an optional group lets the next part start a match too);
    this lets the detector try a pattern only at the words that can start it.
    """
    found: set[str] = set()
    for pattern in patterns:
        for head in _heads(pattern):
            literal = _LITERAL.match(head)
            text = literal.group(0) if literal else ""
            rest = head[len(text) :]
            if rest[:1] in ("?", "*", "{") and text:  # the last letter is optional
                text = text[:-1]
            word = text.split(" ")[0].lower()
            whole = " " in text or (not rest and text == word)
            if len(word) < 2:
                raise ValueError(f"trigger pattern {pattern!r} must start with two letters")
            found.add(word[:STEM_LENGTH] + (" " if whole and len(word) < STEM_LENGTH else ""))
    return frozenset(found)


def _trie_pattern(starts: list[str]) -> str:
    """One regular expression for many word starts, factored by common prefix so a text is
    scanned in time independent of how many starts there are; longest start wins. A start
    ending in a space matches only a whole word."""
    trie: dict[str, dict] = {}
    for start in starts:
        node = trie
        for ch in start:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"(?![\w-])" if ch == " " else re.escape(ch)
            branches.append(piece + build(node[ch]))
        if not branches:
            return ""
        optional = "" in node
        body = (
            branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        )
        return body + ("?" if optional and branches else "")

    return build(trie)


def _heads(pattern: str) -> list[str]:
    """The alternatives a pattern can start with, leading groups opened."""
    if not pattern.startswith("(?:"):
        return [pattern]
    depth, position = 0, 3
    branches, branch = [], ""
    while position < len(pattern):
        ch = pattern[position]
        if ch == ")" and depth == 0:
            break
        if ch == "|" and depth == 0:
            branches.append(branch)
            branch = ""
        else:
            depth += ch == "("
            depth -= ch == ")"
            branch += ch
        position += 1
    branches.append(branch)
    rest = pattern[position + 1 :]
    heads = [head for b in branches for head in _heads(b + rest)]
    if rest.startswith("?"):  # an optional leading group: the rest may start the match
        heads += _heads(rest[1:].lstrip())
    return heads


@dataclass(frozen=True, slots=True)
class TypeLexicon:
    """Trigger and reject patterns of one event type."""

    name: str
    triggers: re.Pattern[str]
    reject: re.Pattern[str] | None
    stems: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Everything the event detector reads from data rather than code."""

    types: tuple[TypeLexicon, ...]
    by_stem: dict[str, tuple[TypeLexicon, ...]]
    stem_pattern: re.Pattern[str]  # word starts that can begin a trigger
    groups: dict[str, tuple[str, ...]]
    groups_pattern: re.Pattern[str] | None
    postponed: re.Pattern[str]
    cancelled: re.Pattern[str]
    future: re.Pattern[str]
    ongoing: re.Pattern[str]
    reporting: re.Pattern[str]
    lead_acts: re.Pattern[str]
    headline_acts: re.Pattern[str]
    background: re.Pattern[str]
    hedges: re.Pattern[str]
    near_future: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    company_actors: re.Pattern[str]
    government_actors: re.Pattern[str]
    several_governments: re.Pattern[str]
    # Sanctions in a trade dispute ("imposed the sanctions in retaliation for dumping") are
    # penalties on trade: a tariff decision (SPEC: tariffs are not sanctions).
    trade_penalty_cues: re.Pattern[str] | None = None
    # Company contracts among the accords rejected: what "the agreement" after them refers to.
    company_contracts: re.Pattern[str] | None = None


def _required(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    compiled = _alternation(patterns, flags)
    if compiled is None:
        raise ValueError("a required lexicon list is empty")
    return compiled


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> EventLexicon:
    """Read and compile the lexicon file (cached: the file is read once)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    types = tuple(
        TypeLexicon(
            name=name,
            triggers=_required(spec["triggers"]),
            reject=_alternation(spec.get("reject", [])),
            stems=stems(spec["triggers"]),
        )
        for name, spec in data["types"].items()
    )
    groups = {key: tuple(codes) for key, codes in data.get("groups", {}).items()}
    # re.escape escapes spaces; _alternation turns plain spaces into any run of white space.
    groups_pattern = _alternation(
        [re.escape(k).replace("\\ ", " ") for k in groups], flags=re.IGNORECASE
    )
    tense = data["tense"]
    # Case matters for "is in Paris for" patterns, so ongoing is matched case-sensitively.
    ongoing = _alternation(tense["ongoing"], flags=0)
    assert ongoing is not None
    by_stem: dict[str, list[TypeLexicon]] = {}
    for type_lexicon in types:
        for stem in type_lexicon.stems:
            by_stem.setdefault(stem, []).append(type_lexicon)
    return EventLexicon(
        types=types,
        by_stem={stem: tuple(found) for stem, found in by_stem.items()},
        stem_pattern=re.compile(r"(?<![\w-])" + _trie_pattern(list(by_stem)), re.IGNORECASE),
        groups={k.lower(): v for k, v in groups.items()},
        groups_pattern=groups_pattern,
        postponed=_required(data["status"]["postponed"]),
        cancelled=_required(data["status"]["cancelled"]),
        future=_required(tense["future"]),
        ongoing=ongoing,
        reporting=_required(tense["reporting"]),
        lead_acts=_required(tense["lead_acts"]),
        headline_acts=_required(tense["lead_acts"] + tense["headline_acts"]),
        background=_required(tense["background"]),
        hedges=_required(tense["hedges"]),
        near_future=_required(tense["near_future"]),
        clause_breaks=_required(tense["clause_breaks"]),
        company_actors=_required(data["actors"]["company"], flags=0),
        government_actors=_required(data["actors"]["government"], flags=0),
        several_governments=_required(data["actors"]["several_governments"]),
        trade_penalty_cues=_alternation(data.get("retype", {}).get("sanctions_as_tariff", [])),
        company_contracts=_alternation(data["actors"].get("company_contracts", [])),
    )
