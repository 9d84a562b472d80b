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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import config
from bot.extract.dates import EventDate, interval
from bot.extract.event_dates import reading_geometry
from bot.extract.event_index import Sentence, Trigger, clause_span
from bot.extract.lexicon import EventLexicon
from bot.extract.model import Timex

MODEL_PATH = Path(config.__file__).resolve().parent / "models" / "event_ranker.json"
FEATURES_VERSION = 1
FAR_DAYS = 400  # a date this far from the DCT is history or a long-range plan

_PAST_VERB = re.compile(
    r"\b(?:\w+ed|met|held|signed|took|left|flew|won|began|sought|made|came|went|gave|"
    r"reached|agreed|struck|set|lost|ended|was|were)\b",
    re.IGNORECASE,
)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:\w+ed|met|held|signed|won|made)\b", re.I)
_QUOTE = re.compile(r"[\"\u201c\u201d]")
_VERB_TRIGGER = re.compile(r"(?:ed|met|meets|signs|visits|arrives|leaves|left|flew|held)$", re.I)


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
    names = [f"type={kind}", f"src={source}", f"type={kind}&src={source}"]
    if reading.timex is not None:
        geometry = reading_geometry(text, sentence, trigger, reading.timex, lexicon)
        names += [f"geo={name}" for name in geometry]
        names.append(f"prec={reading.when.precision}")
        if reading.reported:
            names += ["reported", f"reported&type={kind}"]
    if dct is not None:
        first, last = interval(reading.when)
        if last < dct:
            names.append("date=past")
        elif first > dct:
            names.append("date=future")
        else:
            names.append("date=dct")
        if min(abs((first - dct).days), abs((last - dct).days)) > FAR_DAYS:
            names.append("date=far")
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
    if built.company_words:
        names.append("words=company")
    if built.government_words:
        names.append("words=government")
    return dict.fromkeys(names, 1.0)


def add_story_features(
    choices: list[list[tuple[Reading, object, dict[str, float]]]], dct: date | None
) -> None:
    """Features only the whole story shows: is this kind of event dated elsewhere in it?

    An undated "the talks" in a story that dates talks elsewhere most likely means those;
    in a story whose lead puts them on the DCT, it means the DCT.
    """
    today = dct.isoformat() if dct else None
    dated: dict[str, set[int]] = {}
    on_dct: dict[str, set[int]] = {}
    for number, options in enumerate(choices):
        for reading, _, _ in options:
            if not reading.by_rules:
                continue
            kind = reading.trigger.type
            if reading.when.value[:10] == today:
                on_dct.setdefault(kind, set()).add(number)
            elif reading.timex is not None:
                dated.setdefault(kind, set()).add(number)
    for number, options in enumerate(choices):
        for reading, _, features in options:
            if not features:
                continue  # a reading left unscored
            kind = reading.trigger.type
            if dated.get(kind, set()) - {number}:
                features["story=type_dated"] = 1.0
            if on_dct.get(kind, set()) - {number}:
                features["story=type_on_dct"] = 1.0
            if reading.sentence.timexes:
                features["sentence=dated"] = 1.0


@dataclass(frozen=True, slots=True)
class Ranker:
    """A logistic model over reading features, with the two bars it was tuned at.

    A reading the rules chose is kept while its probability reaches ``keep``; for a trigger
    the rules leave undated, its best other reading (a date the rules passed over, the DCT
    for an undated act) is added when its probability reaches ``add``.
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
