"""Event detection: triggers, dates, participants and status of diplomatic events in one article.

Pure and deterministic: the article text and its DCT in, ``Event`` objects out.
The steps, per sentence: find trigger words (``config/lexicons/events.toml``),
attach each trigger to the nearest date of its clause (a date right after a
reporting verb dates the report, not the event), collect the participants the
sentence names (``bot.extract.gazetteer``), decide the status from cue words,
tense and the date's place relative to the DCT, then merge the mentions of one
real event.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.extract.dates import EventDate, event_date_from_timex, interval
from bot.extract.gazetteer import BODY_CODES, Mention, default_gazetteer
from bot.extract.lexicon import EventLexicon, load_lexicon
from bot.extract.model import Article, Event, Timex
from bot.extract.sentences import split_sentences
from bot.extract.timex import MAX_CHARS, find_timexes
from bot.news.dateline import find_dateline

MAX_ATTACH_DISTANCE = 12  # tokens between a trigger and its date, penalties included
COMMA_PENALTY = 4
CLAUSE_PENALTY = 6
BREAK_PENALTY = 8
BEFORE_PENALTY = 3
COMPETITION_SLACK = 4
PARTICIPANT_WINDOW = 160  # characters around a trigger in long sentences
_WORD = re.compile(r"[\w'-]+")
_STRONG_BREAK = re.compile(r"[;:]|--|\u2014|\s-\s")
_TIME_ANCHOR = re.compile(
    r"(?:since|after|before|until|following|prior to|ahead of)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'.-]+\s+){0,2}$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"(?<![\w-])(two|three|four|five|six|seven|\d)-day\b", re.IGNORECASE)
_ENDING_BEFORE = re.compile(r"(?:ending|ended|ends|closing|closed|concluding)\s*(?:on\s+)?$", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_LOCATION_PREPOSITION = re.compile(
    r"(?:\b(?:in|at|to|from|for|near|outside|inside|of)\s+(?:the\s+)?)$", re.I
)
_HERE = re.compile(r"(?<![\w-])here(?![\w-])", re.IGNORECASE)
_DELEGATION = re.compile(
    r"(?<![\w-])(?:delegations?|ministers|envoys?|ambassadors?|diplomats?|bilateral|mission|"
    r"governments|nations|countries)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_LEADER_MEETING = re.compile(r"(?<![\w-])(?:meet|meets|met|meeting|talks)(?![\w-])", re.IGNORECASE)
_AGREED_TO_VERB = re.compile(r"agreed\s+(?:to\s+(?!an?\b|the\b)[a-z]+|that)\b", re.IGNORECASE)
# Present-tense travel and meeting verbs ("heads to", "meets") announce what happens next.
_PRESENT_ACT = re.compile(
    r"(?:heads|leaves|arrives|meets|visits|signs|travels|flies|tours|holds|opens|begins|starts)\b",
    re.IGNORECASE,
)
_MOVED_TO = re.compile(r"^[\w\s,']{0,40}?\b(?:to|until|till)\s+(?:on\s+|in\s+)?$", re.I)
_NOT_REPORT_TAIL = re.compile(
    r"\b(?:after|before|since|until|following|ahead|during|for)\b|'s\b", re.IGNORECASE
)
_COORDINATED = re.compile(r"^\s*(?:,\s*)?and\s+(?:in\s+|on\s+)?$", re.IGNORECASE)

# Types that need an international context beyond one country.
_INTERNATIONAL = {"meeting", "agreement", "statement", "tariff"}
_INHERITING = {"statement", "agreement"}


@dataclass(slots=True)
class _Trigger:
    type: str
    start: int
    end: int
    sentence: int
    year_dated: bool = False  # the nearest date names only a year: too vague, but given


@dataclass(slots=True)
class _Candidate:
    """An event mention before merging."""

    type: str
    when: EventDate
    participants: set[str]
    people: list[str]
    location: str | None
    status: str
    evidence: str
    confidence: float
    start: int
    inherited: bool = False
    extra_dates: list[EventDate] = field(default_factory=list)


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    triggers: list[_Trigger] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def find_events(article: Article) -> list[Event]:
    """The diplomatic events of ``article`` (SPEC.md), one per real event."""
    text = article.text[:MAX_CHARS]  # bounded time: dates are only read this far either
    if not text or not text.strip():
        return []
    lexicon = load_lexicon()
    dct = article.dct
    dateline = find_dateline(text)
    here = dateline.place if dateline else None
    sentences = _index(text, dct, lexicon)
    article_codes = _article_codes(article, sentences)
    candidates: list[_Candidate] = []
    undated: list[tuple[_Trigger, _Sentence]] = []
    for index, sentence in enumerate(sentences):
        dates = _attach_dates(text, sentence, lexicon)
        for trigger in sentence.triggers:
            when = dates.get(id(trigger))
            if when is None:
                when = _undated_date(text, sentence, trigger, index, dct, lexicon, set(dates))
                if when is None:
                    undated.append((trigger, sentence))
                    continue
            candidate = _build(text, sentence, trigger, when, dct, here, lexicon, article_codes)
            if candidate is not None:
                candidates.append(candidate)
    candidates.extend(_inherit(text, undated, candidates, dct, here, lexicon, article_codes))
    return [_to_event(c) for c in _merge(candidates)]


# --- indexing -------------------------------------------------------------------------------


def _index(text: str, dct: date | None, lexicon: EventLexicon) -> list[_Sentence]:
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
    sentences = [_Sentence(s, e) for s, e in split_sentences(text)]
    starts = [s.start for s in sentences]

    def locate(position: int) -> int:
        return max(0, bisect_right(starts, position) - 1)

    for kind, start, end in triggers:
        number = locate(start)
        sentences[number].triggers.append(_Trigger(kind, start, end, number))
    for timex in find_timexes(text, dct):
        sentences[locate(timex.start)].timexes.append(timex)
    for mention in mentions:
        sentences[locate(mention.start)].mentions.append(mention)
    return sentences


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
    for word in lexicon.stem_pattern.finditer(text):
        head = word.group(0).lower()
        candidates = lexicon.by_stem.get(head, ())
        if len(head) == 3 and head[:2] in lexicon.by_stem:
            candidates = (*candidates, *lexicon.by_stem[head[:2]])
        for type_lexicon in candidates:
            match = type_lexicon.triggers.match(text, word.start())
            if match is None or match.start() < covered.get(type_lexicon.name, -1):
                continue
            covered[type_lexicon.name] = match.end()
            if _rejected(text, match.start(), match.end(), type_lexicon.reject):
                continue
            if type_lexicon.name == "agreement" and _AGREED_TO_VERB.match(text, match.start()):
                continue
            found.append((type_lexicon.name, match.start(), match.end()))
    found.sort(key=lambda t: t[1])
    return found


def _rejected(text: str, start: int, end: int, reject: re.Pattern[str] | None) -> bool:
    if reject is None:
        return False
    window_start = max(0, start - 60)
    for match in reject.finditer(text, window_start, min(len(text), end + 60)):
        if match.start() < end and match.end() > start:
            return True
    return False


# --- dates ----------------------------------------------------------------------------------


def _tokens_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end)) if end > start else 0


def _distance(text: str, trigger: _Trigger, timex: Timex, lexicon: EventLexicon) -> int:
    """Tokens from trigger to date, with penalties for a clause break or a date before it."""
    if timex.start >= trigger.end:
        gap_start, gap_end, penalty = trigger.end, timex.start, 0
    else:
        gap_start, gap_end, penalty = timex.end, trigger.start, BEFORE_PENALTY
    if gap_end < gap_start:  # overlapping spans ("summit" inside a longer date phrase)
        return 0
    gap = text[gap_start:gap_end]
    if _STRONG_BREAK.search(gap):
        penalty += BREAK_PENALTY
    elif lexicon.clause_breaks.search(gap):
        penalty += CLAUSE_PENALTY
    elif "," in gap:
        penalty += COMMA_PENALTY
    return _tokens_between(text, gap_start, gap_end) + penalty


def _anchor_only(text: str, sentence: _Sentence, trigger: _Trigger) -> bool:
    """ "since the Paris agreement": an event used as a time anchor takes only an adjacent date."""
    return bool(_TIME_ANCHOR.search(text, max(sentence.start, trigger.start - 40), trigger.start))


def _reporting_date(text: str, sentence: _Sentence, timex: Timex, lexicon: EventLexicon) -> bool:
    """A date right after "said"/"told reporters" dates the report, not the event."""
    window = text[max(sentence.start, timex.start - 40) : timex.start]
    matches = list(lexicon.reporting.finditer(window))
    if not matches:
        return False
    tail = window[matches[-1].end() :]
    if _NOT_REPORT_TAIL.search(tail):
        return False
    return len(_WORD.findall(tail)) <= 4 and not any(
        t.start >= timex.start - len(tail) and t.end <= timex.start
        for t in sentence.triggers
        if t.type in ("statement",)
    )


def _attach_dates(text: str, sentence: _Sentence, lexicon: EventLexicon) -> dict[int, EventDate]:
    """Each trigger's date: the nearest usable date of its clause, shared with closer triggers."""
    usable: list[tuple[Timex, EventDate]] = []
    for timex in sentence.timexes:
        when = event_date_from_timex(timex)
        if when is not None and not _reporting_date(text, sentence, timex, lexicon):
            usable.append((timex, when))
    for trigger in sentence.triggers:
        trigger.year_dated = any(
            event_date_from_timex(t) is None
            and t.value[:1].isdigit()
            and _distance(text, trigger, t, lexicon) <= 4
            for t in sentence.timexes
        )
    if not usable or not sentence.triggers:
        return {}
    best_for_timex = {
        id(timex): min(_distance(text, t, timex, lexicon) for t in sentence.triggers)
        for timex, _ in usable
    }
    result: dict[int, EventDate] = {}
    for trigger in sentence.triggers:
        options = []
        anchor = _anchor_only(text, sentence, trigger)
        for position, (timex, when) in enumerate(usable):
            distance = _distance(text, trigger, timex, lexicon)
            gap = (
                (trigger.end, timex.start)
                if timex.start >= trigger.end
                else (timex.end, trigger.start)
            )
            if anchor and _tokens_between(text, *gap) > 1:
                continue
            if any(
                other.type != trigger.type and gap[0] <= other.start and other.end <= gap[1]
                for other in sentence.triggers
            ):
                continue  # a trigger of another kind stands between: the date is its own
            if (
                distance <= MAX_ATTACH_DISTANCE
                and distance <= best_for_timex[id(timex)] + COMPETITION_SLACK
            ):
                options.append((distance, position, timex, when))
        if not options:
            continue
        options.sort(key=lambda o: (o[0], o[1]))
        _, position, timex, when = options[0]
        when = _with_duration(text, sentence, trigger, timex, when)
        extra = _coordinated_dates(text, usable, position)
        result[id(trigger)] = (
            when
            if not extra
            else EventDate(when.value, when.end_date, when.precision, extra=tuple(extra))
        )
    return result


def _coordinated_dates(
    text: str, usable: list[tuple[Timex, EventDate]], position: int
) -> list[EventDate]:
    """Dates joined to the chosen one by "and" ("in July this year and July 1988")."""
    extra: list[EventDate] = []
    current = usable[position][0]
    for timex, when in usable[position + 1 :]:
        if not _COORDINATED.match(text[current.end : timex.start]):
            break
        extra.append(when)
        current = timex
    return extra


def _with_duration(
    text: str, sentence: _Sentence, trigger: _Trigger, timex: Timex, when: EventDate
) -> EventDate:
    """ "a two-day session ending today": the span starts N-1 days before its last day."""
    if when.precision != "day" or not _ENDING_BEFORE.search(text[sentence.start : timex.start]):
        return when
    duration = _DURATION.search(text, sentence.start, trigger.end + 40)
    if duration is None:
        return when
    word = duration.group(1).lower()
    days = _NUMBERS.get(word) or int(word)
    last = date.fromisoformat(when.value[:10])
    first = last - timedelta(days=days - 1)
    return EventDate(first.isoformat(), last.isoformat(), "day")


def _undated_date(
    text: str,
    sentence: _Sentence,
    trigger: _Trigger,
    index: int,
    dct: date | None,
    lexicon: EventLexicon,
    dated_ids: set[int],
) -> EventDate | None:
    """A date for a trigger whose sentence gives none: on-going acts, lead acts, "next few days"."""
    dated_peer = any(
        t.type == trigger.type and t is not trigger and id(t) in dated_ids
        for t in sentence.triggers
    )
    if dct is None or trigger.year_dated or dated_peer:
        return None
    body = text[sentence.start : sentence.end]
    if lexicon.near_future.search(body) and lexicon.future.search(body):
        return EventDate(f"{dct:%Y-%m}", None, "month")
    low, high = _clause(text, sentence, trigger, lexicon)
    if trigger.type in ("meeting", "summit") and lexicon.ongoing.search(text, low, high):
        return EventDate(dct.isoformat(), None, "day")
    if index == 0 and trigger.type in ("agreement", "meeting", "summit", "sanctions", "tariff"):
        window = text[max(sentence.start, trigger.start - 60) : min(sentence.end, trigger.end + 40)]
        before = text[sentence.start : trigger.end]
        if lexicon.lead_acts.search(window) and not lexicon.future.search(before):
            return EventDate(dct.isoformat(), None, "day")
    return None


# --- participants, people, place ---------------------------------------------------------------


def _codes(mention: Mention) -> set[str]:
    codes = set(mention.members)
    if mention.code and (mention.code in BODY_CODES or len(mention.code) == 2):
        codes.add(mention.code)
    return codes


def _is_location(text: str, mention: Mention) -> bool:
    if mention.kind not in ("capital", "city", "region", "country"):
        return False
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(_LOCATION_PREPOSITION.search(before))


def _clause(
    text: str, sentence: _Sentence, trigger: _Trigger, lexicon: EventLexicon
) -> tuple[int, int]:
    """The span of the trigger's clause: between the nearest breaks or subordinators around it."""
    start, end = sentence.start, sentence.end
    for pattern in (_STRONG_BREAK, lexicon.clause_breaks):
        for match in pattern.finditer(text, sentence.start, trigger.start):
            start = max(start, match.end())
        following = pattern.search(text, trigger.end, end)
        if following:
            end = min(end, following.start())
    return start, end


def _window_mentions(
    text: str, sentence: _Sentence, trigger: _Trigger, lexicon: EventLexicon
) -> list[Mention]:
    """Mentions of the trigger's clause; else of the sentence near the trigger."""
    low, high = _clause(text, sentence, trigger, lexicon)
    in_clause = [m for m in sentence.mentions if m.start >= low and m.end <= high]
    if any(m.kind != "city" for m in in_clause):
        return in_clause
    if sentence.end - sentence.start <= 2 * PARTICIPANT_WINDOW:
        return sentence.mentions
    low, high = trigger.start - PARTICIPANT_WINDOW, trigger.end + PARTICIPANT_WINDOW
    return [m for m in sentence.mentions if m.end > low and m.start < high]


def _group_codes(text: str, sentence: _Sentence, lexicon: EventLexicon) -> set[str]:
    if lexicon.groups_pattern is None:
        return set()
    codes: set[str] = set()
    for match in lexicon.groups_pattern.finditer(text, sentence.start, sentence.end):
        codes.update(lexicon.groups.get(match.group(0).lower(), ()))
    return codes


def _participants(
    text: str, sentence: _Sentence, trigger: _Trigger, lexicon: EventLexicon
) -> tuple[set[str], list[str], str | None, set[str]]:
    """Participant codes, people, the location named, and the location's country codes."""
    codes: set[str] = set()
    people: list[str] = []
    location: str | None = None
    location_codes: set[str] = set()
    mentions = _window_mentions(text, sentence, trigger, lexicon)
    if trigger.type == "election":
        nearest = sorted(mentions, key=lambda m: abs(m.start - trigger.start))[:1]
        mentions = nearest
    for mention in mentions:
        if mention.kind == "person" and mention.name not in people:
            people.append(mention.name)
        if _is_location(text, mention) and mention.kind != "country":
            if location is None or abs(mention.start - trigger.start) < 80:
                location = location or mention.name
                location_codes.update(_codes(mention))
            continue
        if _is_location(text, mention) and mention.kind == "country" and location is None:
            location = mention.text
            location_codes.update(_codes(mention))
        codes.update(_codes(mention))
    low, high = _clause(text, sentence, trigger, lexicon)
    codes.update(
        _group_codes(text, _Sentence(low, high), lexicon) or _group_codes(text, sentence, lexicon)
    )
    return codes, people, location, location_codes


def _article_codes(article: Article, sentences: list[_Sentence]) -> set[str]:
    """Fallback participants: the countries of the title, else the article's most named country."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            for code in _codes(mention):
                counts[code] = counts.get(code, 0) + 1
    if article.title:
        titled = {
            c for m in default_gazetteer().find(article.title, article.dct) for c in _codes(m)
        }
        if titled:
            return titled
    if not counts:
        return set()
    top = max(counts.values())
    return {code for code, count in counts.items() if count == top and count >= 2}


# --- building and merging ----------------------------------------------------------------------


def _status(
    text: str,
    sentence: _Sentence,
    trigger: _Trigger,
    when: EventDate,
    dct: date | None,
    lexicon: EventLexicon,
) -> str:
    window = text[max(sentence.start, trigger.start - 80) : min(sentence.end, trigger.end + 80)]
    if lexicon.cancelled.search(window):
        return "cancelled"
    if lexicon.postponed.search(window):
        return "postponed"
    future = _future(text, sentence, trigger, lexicon)
    if dct is None:
        return "scheduled" if future else "occurred"
    first, last = interval(when)
    if first > dct:
        return "scheduled"
    if last < dct:
        return "occurred"
    return "scheduled" if future else "occurred"


def _future(text: str, sentence: _Sentence, trigger: _Trigger, lexicon: EventLexicon) -> bool:
    """Whether the trigger's governing words (its clause up to three words on) look ahead."""
    low, high = _clause(text, sentence, trigger, lexicon)
    stop = trigger.end
    for _, word in zip(range(3), _WORD.finditer(text, trigger.end, high), strict=False):
        stop = word.end()
    return bool(lexicon.future.search(text, low, stop)) or bool(
        _PRESENT_ACT.match(text, trigger.start, trigger.end)
    )


def _new_date(text: str, sentence: _Sentence, lexicon: EventLexicon) -> EventDate | None:
    """The date a postponed event moved to: "postponed to April 2", "put off until March"."""
    for cue in lexicon.postponed.finditer(text, sentence.start, sentence.end):
        for timex in sentence.timexes:
            if timex.start >= cue.end() and _MOVED_TO.match(text[cue.end() : timex.start]):
                return event_date_from_timex(timex)
    return None


def _evidence(text: str, sentence: _Sentence) -> str:
    return " ".join(text[sentence.start : sentence.end].split())


def _leaders(sentence: _Sentence) -> set[str]:
    return {m.code for m in sentence.mentions if m.kind == "person" and m.role == "leader"}


def _build(
    text: str,
    sentence: _Sentence,
    trigger: _Trigger,
    when: EventDate,
    dct: date | None,
    here: str | None,
    lexicon: EventLexicon,
    article_codes: set[str],
    *,
    inherited: bool = False,
) -> _Candidate | None:
    codes, people, location, location_codes = _participants(text, sentence, trigger, lexicon)
    kind = trigger.type
    if (
        kind == "meeting"
        and len(_leaders(sentence)) >= 2
        and _LEADER_MEETING.search(text, trigger.start, trigger.end)
    ):
        kind = "summit"
    if kind == "visit":
        codes |= location_codes
    if location is None and _HERE.search(text, sentence.start, sentence.end) and here:
        location = here
    fallback = False
    if not codes:
        codes = set(article_codes)
        fallback = True
    if not codes:
        return None
    body = text[sentence.start : sentence.end]
    sentence_codes = {c for m in sentence.mentions for c in _codes(m)}
    context = codes | location_codes | sentence_codes
    international = len(context) >= 2 or bool(context & BODY_CODES)
    delegation = kind == "meeting" and bool(_DELEGATION.search(body))
    if kind in _INTERNATIONAL and not international and not delegation:
        return None
    status = _status(text, sentence, trigger, when, dct, lexicon)
    if status == "postponed":
        when = _new_date(text, sentence, lexicon) or when
    confidence = 0.55
    confidence += 0.15 if not inherited else 0.0
    confidence += 0.1 if len(codes) >= 2 else 0.0
    confidence -= 0.2 if fallback else 0.0
    confidence += 0.05 if when.precision == "day" else 0.0
    return _Candidate(
        type=kind,
        when=when,
        participants=codes,
        people=people,
        location=location,
        status=status,
        evidence=_evidence(text, sentence),
        confidence=max(0.1, min(0.95, confidence)),
        start=trigger.start,
        inherited=inherited,
    )


def _inherit(
    text: str,
    undated: list[tuple[_Trigger, _Sentence]],
    dated: list[_Candidate],
    dct: date | None,
    here: str | None,
    lexicon: EventLexicon,
    article_codes: set[str],
) -> list[_Candidate]:
    """Undated statements and agreements take the date of the meeting they belong to.

    A joint statement "to be issued" at a summit takes the summit's date; an accord named
    after the place of a dated meeting ("the Paris accord") takes that meeting's date; an
    agreement in the same sentence as a dated meeting takes its date.
    """
    hosts = [c for c in dated if c.type in ("summit", "meeting") and not c.inherited]
    found: list[_Candidate] = []
    for trigger, sentence in undated:
        if trigger.type not in _INHERITING or not hosts:
            continue
        host: _Candidate | None = None
        for candidate_host in hosts:
            if sentence.start <= candidate_host.start < sentence.end and _same_clause(
                text, trigger, candidate_host.start, lexicon
            ):
                host = candidate_host
                break
        if host is None and not trigger.year_dated:
            mentioned_places = {
                m.name
                for m in sentence.mentions
                if m.kind in ("capital", "city") and 0 <= trigger.start - m.end <= 2
            }
            by_place = [h for h in hosts if h.location and h.location in mentioned_places]
            host = by_place[0] if by_place else None
        if (
            host is None
            and trigger.type == "statement"
            and _future(text, sentence, trigger, lexicon)
        ):
            upcoming = [h for h in hosts if h.status == "scheduled"]
            summits = [h for h in upcoming if h.type == "summit"] or upcoming
            host = summits[0] if summits else None
        if host is None:
            continue
        candidate = _build(
            text,
            sentence,
            trigger,
            host.when,
            dct,
            here,
            lexicon,
            set(host.participants),
            inherited=True,
        )
        if candidate is None:
            continue
        if not (candidate.participants & host.participants):
            candidate.participants = set(host.participants)
        if host.location and candidate.location is None:
            candidate.location = host.location
        if candidate.status not in ("postponed", "cancelled"):
            candidate.status = host.status
        found.append(candidate)
    return found


def _same_clause(text: str, trigger: _Trigger, other: int, lexicon: EventLexicon) -> bool:
    """No clause break, subordinator or reporting verb between a trigger and another position."""
    low, high = sorted((trigger.start, other))
    gap = text[low:high]
    return not (
        _STRONG_BREAK.search(gap)
        or lexicon.clause_breaks.search(gap)
        or lexicon.reporting.search(gap)
    )


def _expand(candidates: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for candidate in candidates:
        out.append(candidate)
        for extra in candidate.when.extra:
            clone = _Candidate(**{**_fields(candidate), "when": extra})
            out.append(clone)
    return out


def _fields(candidate: _Candidate) -> dict[str, object]:
    return {name: getattr(candidate, name) for name in _Candidate.__slots__}  # type: ignore[attr-defined]


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One event per real event: same type, same date, overlapping participants."""
    merged: list[_Candidate] = []
    for candidate in sorted(_expand(candidates), key=lambda c: (c.inherited, c.start)):
        for kept in merged:
            if (
                kept.type == candidate.type
                and kept.when.value[:10] == candidate.when.value[:10]
                and kept.participants & candidate.participants
            ):
                kept.participants |= candidate.participants
                kept.people += [p for p in candidate.people if p not in kept.people]
                kept.location = kept.location or candidate.location
                kept.confidence = min(0.95, max(kept.confidence, candidate.confidence) + 0.05)
                if kept.status == "scheduled" and candidate.status in ("postponed", "cancelled"):
                    kept.status = candidate.status
                break
        else:
            merged.append(candidate)
    # A summit absorbs a meeting of the same day and participants.
    summits = [c for c in merged if c.type == "summit"]
    result = [
        c
        for c in merged
        if not (
            c.type == "meeting"
            and any(
                s.when.value[:10] == c.when.value[:10] and s.participants & c.participants
                for s in summits
            )
        )
    ]
    return sorted(result, key=lambda c: c.start)


def _to_event(candidate: _Candidate) -> Event:
    return Event(
        type=candidate.type,
        date=candidate.when.value,
        end_date=candidate.when.end_date,
        participants=sorted(candidate.participants),
        people=candidate.people,
        location=candidate.location,
        status=candidate.status,
        evidence=candidate.evidence,
        confidence=candidate.confidence,
    )
