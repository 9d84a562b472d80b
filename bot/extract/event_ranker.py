"""A learned second opinion on the rules: how likely one reading of a trigger is a gold event.

The rules read each trigger word one way (its date, or none). The ranker also sees the other
readings a sentence allows (every other date it names, the DCT for an undated act) and scores
each from plain features of the wording: which date and how far, tense, the sentence's place,
who takes part, whether the rules chose it. Per trigger the best reading above a threshold
is kept. Weights are trained by ``scripts/train_event_ranker.py`` from gold develop parts
only and shipped as JSON; scoring is a dot product in plain Python (no heavy import).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Protocol

import config
from bot.extract.dates import EventDate, interval
from bot.extract.event_dates import reading_geometry
from bot.extract.event_index import Sentence, Trigger, clause_span
from bot.extract.lexicon import EventLexicon
from bot.extract.model import Timex

MODEL_PATH = Path(config.__file__).resolve().parent / "models" / "event_ranker.json"
FEATURES_VERSION = 2
FAR_DAYS = 400  # a date this far from the DCT is history or a long-range plan
NEAR_DAYS = 10  # a date this close to the DCT is the day's news or the coming days

_PAST_VERB = re.compile(
    r"\b(?:\w+ed|met|held|signed|took|left|flew|won|began|sought|made|came|went|gave|"
    r"reached|agreed|struck|set|lost|ended|was|were)\b",
    re.IGNORECASE,
)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:\w+ed|met|held|signed|won|made)\b", re.I)
_QUOTE = re.compile(r"[\"\u201c\u201d]")
_VERB_TRIGGER = re.compile(r"(?:ed|met|meets|signs|visits|arrives|leaves|left|flew|held)$", re.I)
# A denied or failed act: "ended without agreement", "failed to reach a deal", "no talks".
_NEGATED = re.compile(
    r"\b(?:no|not|never|without|failed|fail|fails|failure|refused|refuses|rejected|unable|"
    r"collapsed?|broke down|deadlock\w*|stalled)\b|n't\b",
    re.IGNORECASE,
)
# A possibility, a wish or an expectation rather than an act.
_HEDGED = re.compile(
    r"\b(?:may|might|could|possible|possibly|possibility|likely|probably|hopes?|hoped|hoping|"
    r"expects?|expected|expectations?|considering|consider|proposals?|proposed|prospects?|"
    r"would like|want|wants|seek|seeks|seeking)\b",
    re.IGNORECASE,
)
# The event as a goal of something else: "efforts to reach an accord", "aimed at talks".
_PURPOSE = re.compile(
    r"\b(?:aimed at|aim(?:s|ed)? to|in a bid to|efforts? to|attempts? to|try(?:ing)? to|"
    r"tried to|push(?:ing)? for|calls? for|called for|urged?|pressed for|bid to|prepare for|"
    r"preparing for|groundwork for|pave the way for|ahead of)\b[^,;]{0,40}$",
    re.IGNORECASE,
)
_RELATIVE_WORD = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|last|next|this|coming|past|ago|earlier|later)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a trigger as an event: a date and where it came from."""

    trigger: Trigger
    sentence: Sentence
    index: int  # the sentence's number in the article
    when: EventDate
    timex: Timex | None  # None: the DCT or a month read without a date word
    by_rules: bool  # the reading the rules alone would emit
    reported: bool = False  # the date follows a reporting verb ("said on Monday")
    rank: int = 0  # among the trigger's dated readings, by distance to it (0: nearest)
    lead: str | None = None  # "headline" or "lead" when the sentence opens the story


@dataclass(frozen=True, slots=True)
class Built:
    """What building the event from a reading found (participants, status)."""

    parties: int
    body: bool
    fallback: bool
    leaders: int
    status: str
    company_words: bool
    government_words: bool


def reading_features(
    text: str, reading: Reading, dct: date | None, lexicon: EventLexicon, built: Built
) -> dict[str, float]:
    """Sparse binary features of one reading (names are stable: they key the weights)."""
    trigger, sentence = reading.trigger, reading.sentence
    kind = trigger.type
    source = ("rule_" if reading.by_rules else "alt_") + ("timex" if reading.timex else "dct")
    lemma = " ".join(text[trigger.start : trigger.end].lower().split()[:2])
    names = [f"type={kind}", f"src={source}", f"type={kind}&src={source}", f"lemma={lemma}"]
    if reading.timex is not None:
        geometry = reading_geometry(text, sentence, trigger, reading.timex, lexicon)
        names += [f"geo={name}" for name in geometry]
        names.append(f"prec={reading.when.precision}")
        names.append(f"rank={min(reading.rank, 2)}")
        names += _timex_shape(reading.timex.text)
        if reading.reported:
            names += ["reported", f"reported&type={kind}"]
    relation = "none"
    if dct is not None:
        first, last = interval(reading.when)
        relation = "past" if last < dct else "future" if first > dct else "dct"
        names += [f"date={relation}", f"type={kind}&date={relation}"]
        distance = min(abs((first - dct).days), abs((last - dct).days))
        if distance > FAR_DAYS:
            names.append("date=far")
        elif distance <= NEAR_DAYS:
            names.append("date=near")
    low, high = clause_span(text, sentence, trigger, lexicon)
    clause = text[low:high]
    if lexicon.future.search(clause):
        names.append("clause=future")
    if _PAST_VERB.search(clause):
        names.append("clause=past")
    if _PERFECT.search(clause):
        names.append("clause=perfect")
    if lexicon.ongoing.search(clause):
        names.append("clause=ongoing")
    before = text[max(low, trigger.start - 60) : trigger.start]
    if _NEGATED.search(before) or _NEGATED.match(text, trigger.end, min(high, trigger.end + 12)):
        names += ["negated", f"negated&type={kind}"]
    if _HEDGED.search(clause):
        names += ["clause=hedge", f"clause=hedge&date={relation}"]
    if _PURPOSE.search(before):
        names += ["purpose", f"purpose&type={kind}"]
    window = text[max(sentence.start, trigger.start - 60) : min(sentence.end, trigger.end + 40)]
    if lexicon.lead_acts.search(window):
        names.append("lead_act")
    if lexicon.reporting.search(text, sentence.start, sentence.end):
        names.append("sentence=reported")
    if _QUOTE.search(text, sentence.start, sentence.end):
        names.append("sentence=quote")
    position = reading.index
    names.append(
        "sent=0"
        if position == 0
        else "sent<=2"
        if position <= 2
        else "sent<=6"
        if position <= 6
        else "sent>6"
    )
    names.append(f"sent0&src={source}" if position == 0 else f"later&src={source}")
    if reading.lead:
        names += [f"lead={reading.lead}", f"lead={reading.lead}&src={source}"]
    if len(sentence.triggers) >= 3:
        names.append("busy_sentence")
    if trigger.year_dated:
        names.append("year_dated")
    if _VERB_TRIGGER.search(text, trigger.start, trigger.end):
        names.append("trigger=verb")
    names.append("parties=1" if built.parties == 1 else "parties>=2")
    if built.body:
        names.append("party=body")
    if built.fallback:
        names.append("parties=story")
    if built.leaders >= 2:
        names.append("leaders>=2")
    names.append(f"status={built.status}")
    names.append(f"type={kind}&parties={min(built.parties, 3)}")
    if built.company_words:
        names += ["words=company", f"words=company&type={kind}"]
    if built.government_words:
        names.append("words=government")
    return dict.fromkeys(names, 1.0)


def _timex_shape(phrase: str) -> list[str]:
    """How a date is written: relative to the DCT, a weekday, with a year."""
    names = []
    if _RELATIVE_WORD.search(phrase):
        names.append("tx=relative")
    if _WEEKDAY.search(phrase):
        names.append("tx=weekday")
    if _YEAR.search(phrase):
        names.append("tx=year")
    return names or ["tx=plain"]


class _Built(Protocol):
    """What a reading builds, as the story features read it."""

    type: str
    when: EventDate
    participants: set[str]


def add_story_features(
    choices: Sequence[Sequence[tuple[Reading, _Built, dict[str, float]]]],
    dct: date | None,
    story: set[str],
) -> None:
    """Features only the whole story shows: is this kind of event dated elsewhere in it, is
    this very event (type and day) read from another trigger too, are its parties the
    story's own?

    An undated "the talks" in a story that dates talks elsewhere most likely means those;
    in a story whose lead puts them on the DCT, it means the DCT. An event mentioned twice
    is more likely real than one read once.
    """
    today = dct.isoformat() if dct else None
    dated: dict[str, set[int]] = {}
    on_dct: dict[str, set[int]] = {}
    read_as: dict[tuple[str, str], set[int]] = {}
    ruled_as: dict[tuple[str, str], set[int]] = {}
    for number, options in enumerate(choices):
        for reading, built, _ in options:
            key = (built.type, built.when.value[:10])
            read_as.setdefault(key, set()).add(number)
            if not reading.by_rules:
                continue
            ruled_as.setdefault(key, set()).add(number)
            kind = reading.trigger.type
            if reading.when.value[:10] == today:
                on_dct.setdefault(kind, set()).add(number)
            elif reading.timex is not None:
                dated.setdefault(kind, set()).add(number)
    for number, options in enumerate(choices):
        for reading, built, features in options:
            if not features:
                continue  # a reading left unscored
            kind = reading.trigger.type
            key = (built.type, built.when.value[:10])
            if ruled_as.get(key, set()) - {number}:
                features["story=ruled_elsewhere"] = 1.0
            elif read_as.get(key, set()) - {number}:
                features["story=read_elsewhere"] = 1.0
            if story and built.participants & story:
                features["story=own_parties"] = 1.0
            if dated.get(kind, set()) - {number}:
                features["story=type_dated"] = 1.0
            if on_dct.get(kind, set()) - {number}:
                features["story=type_on_dct"] = 1.0
            if reading.sentence.timexes:
                features["sentence=dated"] = 1.0


@dataclass(frozen=True, slots=True)
class Ranker:
    """A logistic model over reading features, with the two bars it was tuned at.

    Per trigger, the most probable reading among those clearing their bar is kept: the
    rules' reading clears it at ``keep``, any other (a date the rules passed over, the DCT
    for an act the rules leave undated) at ``add``. ``keep`` 0 and ``add`` above 1 give
    the rules alone.
    """

    weights: Mapping[str, float]
    bias: float
    keep: float
    add: float

    def probability(self, features: Mapping[str, float]) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) * v for name, v in features.items())
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))

    def to_json(self) -> dict[str, object]:
        return {
            "features_version": FEATURES_VERSION,
            "bias": self.bias,
            "keep": self.keep,
            "add": self.add,
            "weights": dict(sorted(self.weights.items())),
        }


def ranker_from_json(data: Mapping[str, object]) -> Ranker | None:
    """The ranker a JSON model file describes; None when it was trained on other features."""
    if data.get("features_version") != FEATURES_VERSION:
        return None
    weights = data.get("weights")
    if not isinstance(weights, dict):
        return None
    return Ranker(
        weights={str(k): float(v) for k, v in weights.items()},
        bias=float(data.get("bias", 0.0)),  # type: ignore[arg-type]
        keep=float(data.get("keep", 0.5)),  # type: ignore[arg-type]
        add=float(data.get("add", 0.5)),  # type: ignore[arg-type]
    )


@cache
def shipped_ranker(path: Path = MODEL_PATH) -> Ranker | None:
    """The model shipped in ``config/models`` (read once), or None when there is none."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        return ranker_from_json(json.load(handle))
