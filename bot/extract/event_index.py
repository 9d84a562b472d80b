"""The sentences of an article with the trigger words, dates and names each holds.

Shared by the event detector's steps (dates, parties, building): the data structures of
one indexed article and the small text measures they all use (tokens, clause spans).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from bot.extract.gazetteer import Mention, default_gazetteer
from bot.extract.lexicon import EventLexicon, TypeLexicon
from bot.extract.model import Timex
from bot.extract.sentences import split_sentences
from bot.extract.timex import find_timexes

WORD = re.compile(r"[\w'-]+")
STRONG_BREAK = re.compile(r"[;:]|--|\u2014|\s-\s")
# "agreed to meet/hold talks" announces a meeting, not an accord.
_AGREED_TO_VERB = re.compile(
    r"agreed\s+to\s+(?:meet|hold|have|talk|discuss|resume|continue|consider|study|examine|review)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Trigger:
    type: str
    start: int
    end: int
    sentence: int
    year_dated: bool = False  # the nearest date names only a year: too vague, but given


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    triggers: list[Trigger] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


_WORD_GOES_ON = re.compile(r"[\w-]")
# Characters before a trigger where a reject phrase ending on it may begin ("Tug crews in New
# South Wales (NSW), Victoria and Western Australia yesterday lifted their ban").
REJECT_REACH = 100
HEDGE_REACH = 40  # characters before a trigger where a hedge word makes it speculation
# "take effect", "come into force", "expire": the act of a measure named before it.
EFFECT = "effect"
_TAKING_EFFECT = ("tariff", "sanctions", "agreement")
EFFECT_REACH = 2  # sentences back where the measure that takes effect may be named
# Event words read per sentence. News has at most eight (all 21,578 Reuters stories: 8 once,
# 5 six times); a sentence naming more is a list or junk, and each word costs clause and date
# searches, so only its first dozen are read.
MAX_TRIGGERS_PER_SENTENCE = 12
# Event words searched (each pays for reject and hedge searches) between two full stops: three
# times the words a sentence keeps, so names and "take effect" words dropped later still leave
# its first dozen; a run-on list past it is not searched.
MAX_CANDIDATES_PER_RUN = 3 * MAX_TRIGGERS_PER_SENTENCE
_STOP = re.compile(r"[.!?\n]")


def index_sentences(text: str, dct: date | None, lexicon: EventLexicon) -> list[Sentence]:
    """Sentences with their triggers, dates and gazetteer mentions; empty without a trigger.

    Triggers are found first: most news has none, and then dates and names need no search.
    """
    triggers = _find_triggers(text, lexicon)
    if not triggers:
        return []
    mentions = default_gazetteer().find(text, dct)
    inside_name = _span_index([(m.start, m.end) for m in mentions if m.kind in ("body", "person")])
    # "General Agreement on Tariffs and Trade" names a body, not an event.
    triggers = [(kind, start, end) for kind, start, end in triggers if not inside_name(start, end)]
    if not triggers:
        return []
    sentences = [Sentence(s, e) for s, e in split_sentences(text)]
    starts = [s.start for s in sentences]

    def locate(position: int) -> int:
        return max(0, bisect_right(starts, position) - 1)

    for kind, start, end in triggers:
        number = locate(start)
        if kind == EFFECT:
            kind = _effect_of(text, sentences, number, start)
            if kind is None:
                continue
        if len(sentences[number].triggers) < MAX_TRIGGERS_PER_SENTENCE:
            sentences[number].triggers.append(Trigger(kind, start, end, number))
    for timex in find_timexes(text, dct):
        sentences[locate(timex.start)].timexes.append(timex)
    for mention in mentions:
        sentences[locate(mention.start)].mentions.append(mention)
    return sentences


def _effect_of(text: str, sentences: list[Sentence], number: int, start: int) -> str | None:
    """The kind of measure "taking effect" refers to: the nearest tariff, sanction or accord
    named before it, in its sentence or the two before ("It is due to take effect ..."); a
    plain "the duties" or "the sanctions" naming its subject counts too."""
    for back in range(number, max(-1, number - EFFECT_REACH - 1), -1):
        named = [
            (t.start, t.type)
            for t in sentences[back].triggers
            if t.type in _TAKING_EFFECT and t.start < start
        ]
        if back == number:
            named += [
                (m.start(), "tariff" if m.group("duty") else "sanctions")
                for m in _MEASURE_WORD.finditer(text, sentences[back].start, start)
                if not any(t.start <= m.start() < t.end for t in sentences[back].triggers)
            ]
        if named:
            return max(named)[1]
    return None


# A measure named by its plain noun, as the subject that takes effect: "The duties are due to
# take effect on April 17", "the new sanctions take effect on Friday".
_MEASURE_WORD = re.compile(
    r"\b(?:(?P<duty>duties|tariffs?|levies|surcharges?)|sanctions|embargo(?:es)?)\b",
    re.IGNORECASE,
)


def _span_index(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test "does [start, end) overlap any span?" in log time (a long article has thousands)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []  # reach[i]: the furthest end among the first i + 1 spans
    for _, end in ordered:
        reach.append(max(end, reach[-1]) if reach else end)

    def overlaps(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # spans that begin before ``end``
        return before > 0 and reach[before - 1] > start

    return overlaps


def _find_triggers(text: str, lexicon: EventLexicon) -> list[tuple[str, int, int]]:
    """``(type, start, end)`` of every trigger word not cancelled by a reject pattern, in order."""
    found: list[tuple[str, int, int]] = []
    covered: dict[str, int] = {}  # per type, where its last trigger ended
    contract_end = -1  # where the last company contract was named
    run, checked = 0, 0  # event words found since the last full stop; text checked for one
    for word in lexicon.stem_pattern.finditer(text):
        if _STOP.search(text, checked, word.start()):
            run = 0
        checked = max(checked, word.start())
        if run >= MAX_CANDIDATES_PER_RUN:
            continue  # an endless list: only the first words of a sentence are read anyway
        for type_lexicon in _stem_types(text, word, lexicon):
            match = type_lexicon.triggers.match(text, word.start())
            if match is None or match.start() < covered.get(type_lexicon.name, -1):
                continue
            covered[type_lexicon.name] = match.end()
            if _rejected(text, match.start(), match.end(), type_lexicon.reject):
                if type_lexicon.name == "agreement" and _rejected(
                    text, match.start(), match.end(), lexicon.company_contracts
                ):
                    contract_end = match.end()
                continue
            if type_lexicon.name == "agreement" and _same_contract(
                text, contract_end, match.start(), lexicon
            ):
                continue
            if type_lexicon.name == "agreement" and _AGREED_TO_VERB.match(text, match.start()):
                continue
            if lexicon.hedges.search(text, max(0, match.start() - HEDGE_REACH), match.start()):
                continue  # "the likelihood of a June election": speculation, no event
            found.append((type_lexicon.name, match.start(), match.end()))
            run += 1
    found.sort(key=lambda t: t[1])
    return found


CONTRACT_REACH = 400  # characters after a company contract where "the agreement" is still it


def _same_contract(text: str, contract_end: int, start: int, lexicon: EventLexicon) -> bool:
    """Whether an accord mention goes on about a company contract named just before ("a 250
    mln dlr supply agreement. The agreement began with the signing of a letter of
    understanding"): no government is named between them."""
    if contract_end < 0 or start - contract_end > CONTRACT_REACH:
        return False
    return not lexicon.government_actors.search(text, contract_end, start)


def _stem_types(text: str, word: re.Match[str], lexicon: EventLexicon) -> list[TypeLexicon]:
    """The types whose triggers may start where ``word`` (a stem's match) starts."""
    whole = not _WORD_GOES_ON.match(text, word.end())
    key = (word.group(0).lower(), whole)
    cache = _STEM_TYPES.get(id(lexicon))
    if cache is None or cache[0] is not lexicon:  # keep the lexicon so its id is not reused
        cache = _STEM_TYPES[id(lexicon)] = (lexicon, {})
    found = cache[1].get(key)
    if found is None:
        found = cache[1][key] = _types_for_stem(key[0], whole, lexicon)
    return found


# Per lexicon, the types for each (stem, whole word) pair: a few hundred pairs recur in every story.
_STEM_TYPES: dict[int, tuple[EventLexicon, dict[tuple[str, bool], list[TypeLexicon]]]] = {}


def _types_for_stem(head: str, whole: bool, lexicon: EventLexicon) -> list[TypeLexicon]:
    """The types whose stems are ``head`` or a start of it, a whole short word first."""
    keys = [head[:n] for n in range(len(head), 1, -1)]
    if whole:
        keys.insert(0, head + " ")  # a whole short word ("en" of "en route")
    found: list[TypeLexicon] = []
    for key in keys:
        found += [t for t in lexicon.by_stem.get(key, ()) if t not in found]
    return found


def _rejected(text: str, start: int, end: int, reject: re.Pattern[str] | None) -> bool:
    if reject is None:
        return False
    window_start = max(0, start - REJECT_REACH)
    for match in reject.finditer(text, window_start, min(len(text), end + 60)):
        if match.start() < end and match.end() > start:
            return True
    return False


def tokens_between(text: str, start: int, end: int) -> int:
    return len(WORD.findall(text, start, end)) if end > start else 0


def clause_span(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> tuple[int, int]:
    """The span of the trigger's clause: between the nearest breaks or subordinators around it."""
    start, end = sentence.start, sentence.end
    for pattern in (STRONG_BREAK, lexicon.clause_breaks):
        for match in pattern.finditer(text, sentence.start, trigger.start):
            start = max(start, match.end())
        following = pattern.search(text, trigger.end, end)
        if following:
            end = min(end, following.start())
    return start, end
