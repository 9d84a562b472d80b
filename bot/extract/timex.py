"""Temporal expressions (TIMEX) in news text, normalised to TimeML values.

``find_timexes`` scans the text once with a hand-written grammar
(:mod:`bot.extract.timex_grammar`), rejects look-alikes (modal "may", money,
counts, ids), then resolves each expression against the document creation
time (DCT), in document order so that anaphoric phrases ("a year earlier",
"the quarter") can lean on the last calendar expression seen. Relative
expressions take their direction (past or future) from the verbs of their
clause (:mod:`bot.extract.timex_tense`). The work is linear in the text and
capped by ``MAX_CHARS``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from bot.extract.model import Timex
from bot.extract.sentences import caption_spans, report_spans
from bot.extract.timex_grammar import MASTER, PATTERNS, TRIGGER
from bot.extract.timex_lexicon import (
    COUNT_NOUNS,
    MONTHS,
    NOT_YEAR_BEFORE,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    ZONES,
    word_list,
)
from bot.extract.timex_tense import (
    accord_of_month,
    attributive,
    attributive_noun,
    clause_direction,
    names_an_accord,
    sentence_start,
)

MAX_CHARS = 100_000
MAX_ATTEMPTS = 5_000
MAX_TIMEXES = 1_000
"""Bounded time for any input: only the first MAX_CHARS characters are scanned, the
grammar is tried at most MAX_ATTEMPTS times and at most MAX_TIMEXES are returned.
A long news story has some 30 attempts and 10 expressions per 1,000 characters."""

_WORD_BEFORE = re.compile(r"([\w'$£€#.]+)[\s,(\"']*$")
_WORD_AFTER = re.compile(r"^[\s,)\"']*([\w%$'-]+)")
_MONTH_CUE_BEFORE = word_list("month_cue_before")
# An occasion owned by a year named just before its month: "next year's summit in August".
_YEARS_OCCASION = re.compile(
    r"\b(?P<rel>next|last)\s+year['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?:in|on|for|from)\s+$",
    re.IGNORECASE,
)
# A plan's "for" makes "May"/"March" a month ("scheduled for March"; not "a win for May").
_PLANNED_FOR_MONTH = re.compile(
    r"\b(?:scheduled|planned|set|slated|due|pencil(?:l)?ed\s+in|earmarked|fixed|booked|"
    r"postponed|delayed|moved|rescheduled|put\s+off|pushed\s+back)\s+(?:until\s+|to\s+)?for\s+$",
    re.IGNORECASE,
)
_SEASON_CUE_BEFORE = word_list("season_cue_before")
_EASTER_CUES = word_list("easter_cue_before")
_YEAR_BAD_NEXT = COUNT_NOUNS | word_list("year_bad_next")
_WEEKEND_EVENTS = word_list("weekend_events")
_DAY_ORDINAL_AFTER = frozenset(["on", "from", "until", "till", "starting", "effective"])
_RANGE_GOES_ON = re.compile(r"\s+(?:to|and|through|or)\b", re.IGNORECASE)
ROUGH_WEEK_DAYS = 14  # "in about N days" fixes the week below this count, the month from it

Kind = Literal["DATE", "TIME"]


_SUNDAY = 6  # date.weekday() of a Sunday, the last day of an ISO week


@dataclass(slots=True)
class _Resolved:
    value: str
    type: Kind = "DATE"
    end_value: str | None = None
    anchor: bool = False
    start: int | None = None  # a later start than the match's, when a determiner is dropped
    relative: bool = False  # counted from the story's last week: no anchor for the next one
    offset: str = ""  # the UTC offset of a zone the text names, kept out of the TimeML value


def _word_before(text: str, start: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return match.group(1).lower() if match else ""


def _word_after(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text[end : end + 40])
    return match.group(1).lower() if match else ""


def _num(word: str) -> int | None:
    """3, 'three', 'twenty-five', 'a' -> the number; 'several', 'a few' -> None (vague)."""
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    tens, _, unit = word.partition("-")
    if unit:  # "twenty-five"
        return NUMBER_WORDS.get(tens, 0) + NUMBER_WORDS.get(unit, 0) or None
    return NUMBER_WORDS.get(word)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    word = word.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    if "-" in word:  # twenty-first
        tens, _, unit = word.partition("-")
        return NUMBER_WORDS.get(tens, 0) + ORDINAL_WORDS.get(unit, 0)
    return int(re.sub(r"\D", "", word))


@lru_cache(maxsize=256)
def _spelled_year(phrase: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001 (DCT-independent)."""
    words = re.split(r"[\s-]+", phrase.lower())
    words = [w for w in words if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in words[2:])
    if words[0] == "nineteen":
        return 1900 + sum(NUMBER_WORDS.get(w, 0) for w in words[1:])
    return None


def _year(token: str, dct: dt.date | None) -> int | None:
    token = token.strip()
    if token.startswith("'"):
        yy = int(token[1:])
        if dct is None:
            return None
        century = dct.year - dct.year % 100
        year = century + yy
        return year - 100 if year > dct.year + 20 else year
    if token[:1].isdigit():
        return int(token)
    return _spelled_year(token)


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _quarter(month: int) -> int:
    return (month - 1) // 3 + 1


_AGAINST_TENSE = {1: 3, 2: 10, 3: 50, 4: 10_000}
_UNDECIDED_FUTURE = 2
"""Weights on the distance of a date on the wrong side of the DCT for the clause: "since"
rules it out ("risen since March" said in February is last March), will or
shall all but rule it out (a November date in a December story is next year's when it
"will" happen), another sure cue (said, had) makes it ten times farther, a guessed one
(-ed, a modal) three; with no cue at all a future date counts double, as news mostly
reports the past."""


def _nearest_year(month: int, day: int, dct: dt.date, direction: int) -> int:
    """Year of a month (and day) named without one: the nearest occurrence to the DCT,
    with occurrences against the clause's tense made farther.

    "in December" said in February is last December; "from January 1" written in
    October is next January; a past verb tips a date four months ahead into last year.
    """
    best_year, best_cost = dct.year, float("inf")
    for year in (dct.year - 1, dct.year, dct.year + 1):
        last = calendar.monthrange(year, month)[1]
        if day:
            when = dt.date(year, month, min(day, last))
        else:  # a whole month: its day nearest the DCT
            when = min(
                dt.date(year, month, 1), dt.date(year, month, last), key=lambda d: abs(d - dct)
            )
        cost = float(abs((when - dct).days))
        if (direction < 0 and when > dct) or (direction > 0 and when < dct):
            cost *= _AGAINST_TENSE[min(abs(direction), 4)]
        elif direction == 0 and when > dct:
            cost *= _UNDECIDED_FUTURE
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def _counted_ahead(dct: dt.date, n: int, unit: str, *, rough: bool = False) -> str:
    """The value n days, weeks or months after the DCT ("in three days", "two weeks to go"):
    a day, an ISO week or a month. A rough count ("in about ten days") fixes only the week,
    or the month for a long one; "in about three weeks" fixes the month."""
    unit = unit.lower().rstrip("s")
    if unit == "month":
        y, mth = _add_months(dct.year, dct.month, n)
        return f"{y:04d}-{mth:02d}"
    if unit == "day":
        day = dct + dt.timedelta(days=n)
        if rough:
            return _week(day) if n < ROUGH_WEEK_DAYS else f"{day:%Y-%m}"
        return day.isoformat()
    day = dct + dt.timedelta(weeks=n)
    return f"{day:%Y-%m}" if rough else _week(day)


def _nearest_date(days: list[dt.date], dct: dt.date, direction: int) -> dt.date:
    """Of a feast's days in several years, the nearest to the DCT with days against the
    clause's tense made farther, as for a month named without a year."""

    def cost(day: dt.date) -> float:
        distance = float(abs((day - dct).days))
        if (direction < 0 and day > dct) or (direction > 0 and day < dct):
            return distance * _AGAINST_TENSE[min(abs(direction), 4)]
        if direction == 0 and day > dct:
            return distance * _UNDECIDED_FUTURE
        return distance

    return min(days, key=cost)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    x = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * x) // 451
    month, day = divmod(h + x - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1: the last one): Labor Day, Thanksgiving."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


_MOVABLE_FEASTS: dict[str, Callable[[int], dt.date]] = {
    "easter": _easter,
    "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
}
"""Holidays whose day moves from year to year (U.S. federal ones by their weekday rule)."""


def _month_year(month: int, dct: dt.date, direction: int) -> int:
    if month == dct.month:
        return dct.year
    return _nearest_year(month, 0, dct, direction)


def _day_year(month: int, day: int, dct: dt.date, direction: int) -> int:
    return _nearest_year(month, day, dct, direction)


def _year_of_weekday(weekday: int, month: int, day: int, dct: dt.date) -> int:
    """'Saturday, April 25': the year, nearest the DCT, in which that day is that weekday."""
    for year in (dct.year, dct.year + 1, dct.year - 1):
        if _valid(year, month, day) and dt.date(year, month, day).weekday() == weekday:
            return year
    return _day_year(month, day, dct, 0)


def _relative_day_year(rel: str, month: int, day: int, dct: dt.date) -> int:
    """ "last March 27": the latest such day before the DCT; "next March 31" the first after."""
    if rel.lower().split()[-1] in ("last", "past"):
        return dct.year if (month, day) < (dct.month, dct.day) else dct.year - 1
    return dct.year if (month, day) > (dct.month, dct.day) else dct.year + 1


def _weekday_date(
    weekday: int, dct: dt.date, direction: int, rel: str, *, nearest: bool = False
) -> dt.date:
    """A weekday named alone: the DCT itself, else nearest in the clause's direction;
    with no direction, the last one, or in a headline or caption (``nearest``) the one
    of the DCT's days closest to it ("Leaders hail Monday summit")."""
    rel = rel.lower()
    if "next" in rel or "coming" in rel or "following" in rel:
        direction, same_ok = 1, False
    elif "last" in rel or "past" in rel or "previous" in rel:
        direction, same_ok = -1, False
    else:
        same_ok = True
    delta = weekday - dct.weekday()
    if delta == 0 and same_ok:
        return dct
    if nearest and direction == 0 and same_ok:
        ahead = delta % 7
        return dct + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    if direction > 0:
        return dct + dt.timedelta(days=delta % 7 or 7)
    return dct - dt.timedelta(days=(-delta) % 7 or 7)


def _zone_offset(zone: str, day: dt.date, hour: int, minute: int) -> str:
    key = re.sub(r"\s+time$", "", zone.strip("() "), flags=re.IGNORECASE).lower()
    key = re.sub(r"\s+", " ", key)
    target = ZONES.get(key)
    if target is None:
        return ""
    if target.startswith(("+", "-")):
        return target
    moment = dt.datetime(
        day.year, day.month, day.day, min(hour, 23), minute, tzinfo=ZoneInfo(target)
    )
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


_OLDEST_YEAR = 1700
"""Four digits after a month name below this are a price or a count, not a year."""
_LONGER_PERIOD = re.compile(
    r"\b(?:nine|six|9|6|twelve|12)\s+months\b|\bfull\s+year\b|\bfirst\s+half\b", re.IGNORECASE
)
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:first|only|biggest|largest|smallest|highest|lowest|worst|best|strongest|weakest"
    r"|longest|fastest|slowest|sharpest|steepest|most|least)(?:[\s,]+[\w'-]+){0,2}\s*$",
    re.IGNORECASE,
)
_UNNAMED_YEAR_REACH = 183  # days back a month named without a year is read from the DCT
_MONTH_VALUE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])(?:-\d\d)?$")
_DAY_AFTER_TIME = re.compile(r"\)?\s*(?:\([^()\n]{0,30}\)\s*)?,?\s*(?:on\s+)?")
"""Between a clock time and the day named after it: "(0730 GMT) on", ", "."""
_WORDS_ONLY = re.compile(r"[A-Za-z]+|\d+")
_DAY_TO_TIME_WORDS = 5
"""How many words may part a clock time from the day named before it ("Monday March 9
between 0800 and 0830 GMT", "tomorrow at 1400 MDT (1600 EDT)")."""
_BASE_WORDS = frozenset(["from", "than", "with", "against", "versus"])
_WEEK_VALUE = re.compile(r"\d{4}-W\d\d(?:-WE)?$")
_WEEK_TURN = 2
"""From Wednesday on, "this weekend" is the coming one whatever the tense: the weekend
behind is "last weekend" by then ("could leave Maracaibo this weekend", "hosting a
meeting in Belgium this weekend" written on a Thursday); on Monday or Tuesday a past
clause means the weekend just over ("OPEC agreed this weekend")."""
_WEEK_REACH = 400
"""How far (in characters) a week or day just named anchors "the previous week"."""
# Between two days named as one span or a pair: "Tuesday and Wednesday", "Monday to Thursday".
_COORDINATED_DAY = re.compile(r"\s*,?\s*(?:and|or|to|through|thru|till|until|-|\u2013)\s*", re.I)
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_GATHERING_NOUNS = frozenset(
    "meeting meetings session sessions summit summits talks conference assembly".split()
)
_STORY_MONTH_REACH = 800
"""How far (in characters) a month just named is the one "later in the month" is in."""
_QUARTER_REACH = 2000
"""How far (in characters) a quarter keeps being the topic for 'a year earlier'."""


class _Resolver:
    """Resolves one document's candidates in order; remembers the last calendar anchor."""

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.text = text
        self.dct = dct
        self.anchor: str | None = None
        self.quarter_anchor: tuple[str, int] | None = None  # (value, offset)
        self.last_day: str | None = None  # last day-precise value, weekdays included
        self.last_day_span = (-1, -1)  # where the expression that named last_day lies
        self.last_week: tuple[str, int] | None = None  # last week- or day-precise (value, end)
        self.reports = report_spans(text)  # headline and captions: reports of the DCT's days
        self.captions = caption_spans(text)  # captions: what a photo shows has happened
        self.story_date: tuple[int, int, int, int] | None = None  # year, month, day, offset

    # -- helpers -------------------------------------------------------------
    def in_report(self, start: int) -> bool:
        return any(lo <= start < hi for lo, hi in self.reports)

    def direction(self, start: int, end: int) -> int:
        """Tense of the clause around the span (see timex_tense.clause_direction)."""
        return clause_direction(self.text, start, end, report=self.in_report(start))

    def _story_year(self, month: int, day: int, year: int, direction: int) -> int:
        """The year of a past-tense date without one, when this year's would lie ahead.

        In a retrospective passage ("In February 2022 ... Then talks in Belarus ended on
        March 7") the story's own recent dates, not the DCT, carry the year: the date is in
        the year of the last one if it comes after it, else in the year after. Only used when
        the tense rules out the DCT's year and last year's date would be over half a year
        old (a writer names a month alone only for dates that recent), so ordinary news
        keeps its DCT-near dates.
        """
        dct, story = self.dct, self.story_date
        if dct is None or story is None or direction >= 0 or year not in (dct.year, dct.year - 1):
            return year
        if (month, day or 1) <= (dct.month, dct.day):
            return year  # this year's date is behind the DCT: the tense does not contradict it
        if (dct - dt.date(dct.year - 1, month, min(day or 15, 28))).days < _UNNAMED_YEAR_REACH:
            return year  # "in December" said in April: last December, as a reader takes it
        story_year, story_month, story_day, _ = story
        if story_year >= dct.year - 1:
            return year
        candidate = story_year if (month, day) >= (story_month, story_day) else story_year + 1
        return candidate if candidate < dct.year else year

    def date_direction(self, start: int, end: int) -> int:
        """The clause's direction for a day or month named without a year; only its sign
        when the date modifies a noun ("will appeal its March 30 ruling")."""
        direction = self.direction(start, end)
        if names_an_accord(self.text, start, end) or accord_of_month(self.text, start):
            return -2  # sure enough to put "the February accord" said in October 8 months back
        if direction and attributive(self.text, start, end):
            return 1 if direction > 0 else -1
        return direction

    def _quarter_a_year_before(self, start: int) -> str | None:
        """'a year earlier' in an earnings story: the quarter under discussion, a year back."""
        if self.quarter_anchor is None or start - self.quarter_anchor[1] > _QUARTER_REACH:
            return None
        if self.dct is not None and _LONGER_PERIOD.search(
            self.text, sentence_start(self.text, start), start
        ):
            return f"{self.dct.year - 1:04d}"  # "for the nine months, ... a year earlier"
        value = self.quarter_anchor[0]
        return f"{int(value[:4]) - 1:04d}{value[4:]}"

    def _next_to_anchor(self, unit: str, delta: int) -> str | None:
        """'the following year/month/week': one unit after the story's last date."""
        anchor = self.anchor or ""
        if not anchor[:4].isdigit():
            return None
        year = int(anchor[:4])
        if unit == "year":
            return f"{year + delta:04d}"
        if unit == "month" and len(anchor) >= 7 and anchor[5:7].isdigit():
            y, mth = _add_months(year, int(anchor[5:7]), delta)
            return f"{y:04d}-{mth:02d}"
        if unit == "week" and len(anchor) == 10:
            return _week(dt.date.fromisoformat(anchor) + dt.timedelta(weeks=delta))
        return None

    def _next_to_last_week(self, delta: int, start: int) -> str | None:
        """ "the previous week": a week before (after) the week or day the story has just
        named, relative ones included ("last weekend and ... the previous week")."""
        if self.last_week is None or start - self.last_week[1] > _WEEK_REACH:
            return None
        last = self.last_week[0]
        if len(last) >= 10 and last[7] == "-":
            day = dt.date.fromisoformat(last[:10])
        else:
            day = dt.date.fromisocalendar(int(last[:4]), int(last[6:8]), 1)
        return _week(day + dt.timedelta(weeks=delta))

    def _story_month(self, start: int, end: int) -> str | None:
        """The month a past narrative has just named, for "later in the month" or "towards
        the end of the month" told in the past ("On December 14 ... Then, later in the month,
        envoys hosted talks" in a February story is December's); None where the story is in
        the DCT's month, looks ahead, or named its month too far back."""
        told = self.story_date
        dct = self.dct
        if told is None or dct is None or start - told[3] > _STORY_MONTH_REACH:
            return None
        year, month = told[0], told[1]
        if (year, month) >= (dct.year, dct.month) or self.direction(start, end) > 0:
            return None
        return f"{year:04d}-{month:02d}"

    def _shift_anchor_year(self, years: int) -> str | None:
        """Same granularity as the last calendar anchor, ``years`` back."""
        anchor = self.anchor
        if anchor is None or not anchor[:4].isdigit():
            return None
        return f"{int(anchor[:4]) - years:04d}{anchor[4:]}"

    # -- kinds ---------------------------------------------------------------
    def time(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """Clock times ("10 p.m. EST Nov. 9", "noon Thursday"); a zone becomes an offset."""
        if m["noon"]:
            # TimeML writes midnight as the end of its day: T24:00.
            hour, minute = (24, 0) if m["noon"].lower() == "midnight" else (12, 0)
        elif m["h"]:
            hour, minute = int(m["h"]), int(m["mi"] or 0)
            if hour > 12 or hour == 0:
                return None
            pm = m["ap"].lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        elif m["h2"]:
            if not (m["zone"] or m["dayexp"]) and _word_before(self.text, start) not in (
                "at",
                "by",
                "until",
                "till",
                "from",
                "before",
                "after",
                "around",
                "about",
            ):
                return None
            hour, minute = int(m["h2"]), int(m["mi2"])
        else:
            hour, minute = int(m["hhmm"][:2]), int(m["hhmm"][2:])
        day: dt.date | None = self.dct
        if m["dayexp"]:
            # The day is resolved in place, so the clause's tense still applies.
            day = self._day_at(*m.span("dayexp"))
            if day is None:
                return None
        else:
            # "at 10:30 a.m. local time (0730 GMT) on Friday": the day named just after.
            day = (
                self._day_at(_DAY_AFTER_TIME.match(self.text, end).end(), None)
                or self._day_of_sentence(start)
                or day
            )
        if day is None:
            return None
        value = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
        offset = _zone_offset(m["zone"], day, hour, minute) if m["zone"] else ""
        return _Resolved(value, "TIME", offset=offset)

    def _day_of_sentence(self, start: int) -> dt.date | None:
        """The day named a few words before a clock time without one ("resume Friday at
        1000 EST", "closes March 28 at 0500 GMT", "Sunday evening, shortly after 10:30
        a.m."): the clause's day, not the DCT's. Not a day that is a comparison's base
        ("up from 241p on Friday, eased to 245p at 0838 GMT", "from last night's 842p
        before easing to 860p at 1155 GMT"): the time is then the DCT's."""
        day_start, day_end = self.last_day_span
        if self.last_day is None or day_end > start:
            return None
        between = _WORDS_ONLY.findall(self.text, day_end, start)
        if len(between) > _DAY_TO_TIME_WORDS or re.search(r"[.;!?]\s", self.text[day_end:start]):
            return None
        if between and between[0] == "s":
            return None  # "yesterday's close but 0.3 points above the 1100 GMT level"
        if _word_before(self.text, day_start) in _BASE_WORDS:
            return None
        return dt.date.fromisoformat(self.last_day)

    def _day_at(self, start: int, end: int | None) -> dt.date | None:
        """The day a weekday, a date or today/tomorrow at ``start`` names (up to ``end``)."""
        for kind in ("date_full", "weekday", "dayrel"):
            pattern = PATTERNS[kind]
            found = (
                pattern.fullmatch(self.text, start, end)
                if end is not None
                else pattern.match(self.text, start)
            )
            if found is not None:
                sub = _HANDLERS[kind](self, found, start, found.end())
                if sub is None or len(sub.value) < 10 or not sub.value[:4].isdigit():
                    return None
                return dt.date.fromisoformat(sub.value[:10])
        return None

    def date_numeric(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ISO 1998-03-15 and US 3/15/98 dates."""
        if m["iy"]:
            year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
        else:
            year = int(m["uy"])
            if year < 100:
                year += 1900 if year > 50 else 2000
            month, day = int(m["um"]), int(m["ud"])
        if not _valid(year, month, day):
            return None
        return _Resolved(f"{year:04d}-{month:02d}-{day:02d}", anchor=True)

    def date_full(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "Nov. 6, 1998", "Friday, Feb. 7", "Feb 7-9": day precision, ranges end in end_value."""
        mon_word = m["mon"] or m["monb"]
        month = _month(mon_word)
        d1 = _day(m["d1"] or m["d1b"])
        d2_word = m["d2"] or m["d2b"] or m["d3"]
        month2 = _month(m["mon2"]) if m["mon2"] else month
        year_tok = m["year"] or (f"'{m['yy']}" if m["yy"] else None)
        if year_tok is not None:
            year = _year(year_tok, self.dct)
        elif self.dct is None:
            return None
        elif m["fry"]:  # "March 5 next year", "May 3 last year"
            year = self.dct.year + {"this": 0, "last": -1, "next": 1}[m["fry"].lower()]
        elif m["wd"]:
            year = _year_of_weekday(WEEKDAYS[m["wd"].lower().rstrip(".")], month, d1, self.dct)
        elif m["drel"]:
            year = _relative_day_year(m["drel"], month, d1, self.dct)
        else:
            direction = self.date_direction(start, end)
            year = self._story_year(month, d1, _day_year(month, d1, self.dct, direction), direction)
        if year is None or year < _OLDEST_YEAR or not _valid(year, month, d1):
            return None
        value = f"{year:04d}-{month:02d}-{d1:02d}"
        end_value = None
        if d2_word:
            d2 = _day(d2_word)
            year2 = year + 1 if month2 < month else year
            if not _valid(year2, month2, d2) or ((month2, d2) <= (month, d1) and year2 == year):
                return None
            end_value = f"{year2:04d}-{month2:02d}-{d2:02d}"
        return _Resolved(value, end_value=end_value, anchor=True)

    def month_year(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "July 1988", "January nineteen ninety-seven"."""
        year = _year(m["year"], self.dct)
        if year is None or year < _OLDEST_YEAR:
            return None  # "Dec 1403" in a futures table is a price
        if m["year"][0].isalpha() and m["year"].lower().startswith("two thousand"):
            return None
        return _Resolved(f"{year:04d}-{_month(m['mon']):02d}", anchor=True)

    def _quarter_year(self, q: int, start: int, end: int) -> int | None:
        """A quarter named without a year: this year, or last year's if it is still ahead."""
        dct = self.dct
        if dct is None:
            return None
        if q > _quarter(dct.month) and self.direction(start, end) <= 0:
            return dct.year - 1
        return dct.year

    def quarter(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "the third quarter (of 1990)", "third-quarter", "this year's first quarter"."""
        q = ORDINAL_WORDS[m["qord"].lower()]
        if q > 4:
            return None
        year_tok = m["qyear"] or m["qyear2"]
        rel = (m["qrel"] or m["qrel2"] or "").lower()
        if year_tok:
            year = _year(year_tok, self.dct)
        elif rel and self.dct is not None:
            year = self.dct.year + {"this": 0, "last": -1, "next": 1}[rel]
        else:
            year = self._quarter_year(q, start, end)
        if year is None:
            return None
        # "the third-quarter loss": the adjective is the expression, not its noun phrase.
        trim = m.start("qord") if self.text[m.end("qord")] == "-" and not m["qyear"] else None
        if m["qago"] in (None, "comparable", "same") and not m["qago2"]:
            return _Resolved(f"{year:04d}-Q{q}", anchor=True, start=trim)
        return _Resolved(f"{year - 1:04d}-Q{q}", start=trim)

    def half(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "the first half (of 1990)", "the first two quarters"."""
        if m["hmon"]:
            # "the second half of May": the month (TimeML marks the half as a modifier only)
            month = _month(m["hmon"])
            if m["hmyear"]:
                return _Resolved(f"{int(m['hmyear']):04d}-{month:02d}", anchor=True)
            if self.dct is None:
                return None
            direction = self.date_direction(start, end)
            year = self._story_year(month, 0, _month_year(month, self.dct, direction), direction)
            return _Resolved(f"{year:04d}-{month:02d}", anchor=True)
        h = 1 if m["hord"].lower() == "first" else 2
        if m["hyear"]:
            year = _year(m["hyear"], self.dct)
        elif self.dct is None:
            return None
        elif m["hrel"]:
            year = self.dct.year + {"this": 0, "last": -1, "next": 1}[m["hrel"].lower()]
        else:
            year = self.dct.year
            if h == 2 and self.dct.month <= 6 and self.direction(start, end) <= 0:
                year -= 1
        if year is None:
            return None
        return _Resolved(f"{year:04d}-H{h}", anchor=True)

    def quarter_anaph(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "the quarter", "the latest quarter", "the year-ago period": earnings-story anaphora."""
        dct = self.dct
        qa = re.sub(r"\s+", " ", (m["qa"] or "").lower())
        unit = m["unit"].lower()
        if m["qyear"]:
            year = int(m["qyear"])
            anchor = self.quarter_anchor[0] if self.quarter_anchor else None
            longer = _LONGER_PERIOD.search(self.text, sentence_start(self.text, start), start)
            if anchor and not longer:
                return _Resolved(f"{year:04d}-{anchor[5:]}")
            if unit == "period" or longer:
                return _Resolved(f"{year:04d}")
            return _Resolved(f"{year:04d}-QX")
        if dct is None:
            return None
        if unit == "period" and not qa:
            return None
        current = f"{dct.year:04d}-Q{_quarter(dct.month)}"
        y, mth = _add_months(dct.year, dct.month, -3)
        previous = f"{y:04d}-Q{_quarter(mth)}"
        anchor_q = None
        if self.quarter_anchor and start - self.quarter_anchor[1] <= _QUARTER_REACH:
            anchor_q = self.quarter_anchor[0]
        if "ago" in qa or "earlier" in qa or "before" in qa or m["qago2"]:
            base = anchor_q or previous
            return _Resolved(f"{int(base[:4]) - 1:04d}{base[4:]}")
        if qa in ("current", "this") or m["det"].lower() == "this":
            return _Resolved(current, anchor=True)
        if qa in ("latest", "last", "previous", "past", "preceding", "most recent", "recent"):
            if unit == "quarter" or not anchor_q:
                return _Resolved(previous, anchor=True)
            return _Resolved(anchor_q)
        return _Resolved(anchor_q or previous, anchor=anchor_q is None)

    def quarter_code(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """Q3 2025, 3Q, H1 FY26: the analysts' shorthand for quarters and halves."""
        code = m["q"] or (f"Q{m['qn'][0]}" if m["qn"] else m["h"])
        code = code.upper()
        if m["year"]:
            year: int | None = int(m["year"])
        elif m["yy"]:
            year = _year("'" + m["yy"].lstrip("'"), self.dct)
        elif self.dct is None:
            return None
        else:
            part = int(code[1])
            year = self._quarter_year(part if code[0] == "Q" else part * 2, start, end)
        if year is None:
            return None
        return _Resolved(f"{year:04d}-{code}", anchor=True)

    def fiscal(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "fiscal 1989", "FY25", "the current fiscal year", "the full year"."""
        if m["fyy"]:
            year = _year("'" + m["fyy"], self.dct)
            return _Resolved(f"{year:04d}", anchor=True) if year else None
        if m["year"]:
            year = _year(m["year"], self.dct)
            return _Resolved(f"{year:04d}", anchor=True) if year else None
        if self.dct is None:
            return None
        if m["fthe"]:
            return _Resolved(f"{self.dct.year:04d}")
        mod = m["fmod"].lower()
        delta = {"last": -1, "previous": -1, "latest": -1, "next": 1, "coming": 1, "new": 1}.get(
            mod, 0
        )
        return _Resolved(f"{self.dct.year + delta:04d}")

    def decade(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "the 1990s", "the '80s", "the nineties", "the 20th century", "the last decade"."""
        if m["cent"]:
            n = int(re.sub(r"\D", "", m["cent"]))
            return _Resolved(f"{n - 1:02d}") if 1 <= n <= 21 else None
        if m["decrel"]:
            if self.dct is None:
                return None
            base = self.dct.year // 10
            return _Resolved(f"{base if m['decrel'].lower() == 'this' else base - 1:03d}")
        dec = m["dec"].lower()
        words = {
            "twenties": 2,
            "thirties": 3,
            "forties": 4,
            "fifties": 5,
            "sixties": 6,
            "seventies": 7,
            "eighties": 8,
            "nineties": 9,
        }
        if dec[0].isdigit() and len(dec.rstrip("'s")) == 4:
            return _Resolved(dec[:3])
        if self.dct is None:
            return None
        digit = words.get(dec) if dec[0].isalpha() else int(dec.strip("'s")[0])
        if digit is None:
            return None
        century = self.dct.year // 100
        if century * 100 + digit * 10 > self.dct.year:
            century -= 1
        return _Resolved(f"{century:02d}{digit}")

    def season(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "this summer", "last fall", "the winter of 1994"; bare "fall"/"spring" are verbs."""
        word = (m["s"] or m["s2"]).lower()
        code = SEASONS[word]
        year_tok = m["year"] or m["year2"]
        rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
        if year_tok:
            year = _year(year_tok, self.dct)
            return _Resolved(f"{year:04d}-{code}", anchor=True) if year else None
        if self.dct is None:
            return None
        before = _word_before(self.text, start)
        if not rel and before not in _SEASON_CUE_BEFORE:
            return None
        if rel in ("", "the") and _word_after(self.text, end) in _GATHERING_NOUNS:
            return None  # "the spring meeting of the IMF": a gathering's name, not a date
        if word in ("fall", "spring") and rel in ("", "the", "early", "late"):
            if rel == "the" and _word_after(self.text, end) == "of":
                return None
            if not rel and before != "in":
                return None
        season_start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        year = self.dct.year
        if "last" in rel or "past" in rel:
            year -= 1 if season_start >= self.dct.month - 1 else 0
        elif "next" in rel or "coming" in rel:
            year += 1 if season_start <= self.dct.month else 0
        elif rel != "this":  # "this summer" is the DCT's year whatever the tense
            direction = self.direction(start, end)
            if direction < 0 and season_start > self.dct.month:
                year -= 1
            elif direction > 0 and season_start + 2 < self.dct.month and code != "WI":
                year += 1
        return _Resolved(f"{year:04d}-{code}")

    def month_rel(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """Month names ("late April", "last May", "July this year"); not "may"/"march" verbs."""
        mon = m["mon"]
        month = _month(mon)
        rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
        if mon.lower() in ("may", "march") and not (m["mod"] or rel or m["ry"]):
            before = _word_before(self.text, start)
            after = _word_after(self.text, end)
            if (
                before not in _MONTH_CUE_BEFORE
                and not after.startswith("'s")
                and not _PLANNED_FOR_MONTH.search(self.text, max(0, start - 40), start)
            ):
                return None
            if mon.lower() == "may" and before in ("to", "and", "or"):
                return None
        dct = self.dct
        if dct is None:
            return None
        if m["ry"]:
            year = dct.year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()]
        elif rel in ("last", "past", "this past"):
            # "last February" written in March is a year back: else one says "last month".
            year = dct.year if month < dct.month - 1 else dct.year - 1
        elif rel in ("next", "coming", "this coming"):
            year = dct.year if month > dct.month + 1 else dct.year + 1
        elif rel == "this":
            year = dct.year
        elif (owner := _YEARS_OCCASION.search(self.text, max(0, start - 60), start)) is not None:
            # "will host next year's summit in August": the occasion's year holds the month
            year = dct.year + (1 if owner["rel"].lower() == "next" else -1)
        else:
            direction = self.date_direction(start, end)
            year = self._story_year(month, 0, _month_year(month, dct, direction), direction)
        return _Resolved(f"{year:04d}-{month:02d}", anchor=True)

    def rel_unit(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "last week" (ISO week), "next month", "this year", "the past year", "the weekend"."""
        dct = self.dct
        if dct is None:
            return None
        rel = re.sub(r"\s+", " ", m["rel"].lower()).removeprefix("the ")
        unit = re.sub(r"\s+", " ", m["unit"].lower())
        if rel in ("this past", "past", "last", "previous"):
            delta = -1
        elif rel in ("next", "coming", "this coming", "following"):
            delta = 1
        else:
            delta = 0
        if rel == "same":
            return None
        if rel in ("following", "previous"):
            week = self._next_to_last_week(delta, start) if unit == "week" else None
            if week:
                return _Resolved(week, relative=True)
            anaphoric = self._next_to_anchor(unit, delta)
            if anaphoric:
                return _Resolved(anaphoric, anchor=True)
        if unit in ("week", "weekend"):
            day = dct + dt.timedelta(weeks=delta)
            if (
                unit == "week"
                and delta == 0
                and dct.weekday() == _SUNDAY
                and self.text[start:end].lower().startswith("later")
            ):
                day += dt.timedelta(weeks=1)  # on a Sunday, "later this week" is the coming one
            if unit == "weekend":
                saturday = day + dt.timedelta(days=5 - day.weekday())
                if delta == 0 and self.direction(start, end) < 0 and dct.weekday() < _WEEK_TURN:
                    saturday -= dt.timedelta(weeks=1)
                return _Resolved(f"{_week(saturday)}-WE")
            return _Resolved(_week(day))
        if unit == "month":
            y, mth = _add_months(dct.year, dct.month, delta)
            return _Resolved(f"{y:04d}-{mth:02d}")
        if unit in ("year", "fiscal year"):
            return _Resolved(f"{dct.year + delta:04d}")
        if unit == "quarter":
            y, mth = _add_months(dct.year, dct.month, 3 * delta)
            return _Resolved(f"{y:04d}-Q{_quarter(mth)}")
        if unit == "decade":
            return _Resolved(f"{dct.year // 10 + delta:03d}")
        if unit == "century":
            return _Resolved(f"{dct.year // 100 + delta:02d}")
        code = SEASONS[unit]
        season_start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        year = dct.year
        if delta < 0 and season_start >= dct.month - 1:
            year -= 1
        elif delta > 0 and season_start <= dct.month:
            year += 1
        return _Resolved(f"{year:04d}-{code}")

    def day_anaph(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """'the next day': the day after the one the story last named, never the DCT's; "the
        same day", "later that day": that day itself ("earlier in the day" with no day named
        before is the DCT's)."""
        if m["same"]:
            if self.last_day is not None:
                return _Resolved(self.last_day)
            if self.dct is not None and m["same"].lower().endswith("in the day"):
                return _Resolved(self.dct.isoformat())
            return None
        if self.last_day is None:
            return None
        rel = (m["rel"] or m["rel2"] or m["rel3"]).lower()
        delta = 1 if rel in ("next", "following", "after", "later") else -1
        return _Resolved(
            (dt.date.fromisoformat(self.last_day) + dt.timedelta(days=delta)).isoformat()
        )

    def week_of(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "the week of March 16": the ISO week of that day (resolved with its clause's
        tense), not the DCT's week nor the bare day."""
        day = self._day_at(*m.span("day"))
        if day is None:
            return None
        return _Resolved(_week(day), anchor=True)

    def the_unit(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "the year", "the end of the month", "year-end", "that year" (the story's year)."""
        dct = self.dct
        if dct is None:
            return None
        if m["ye"]:
            # "since year-end" is last year's; the hyphenated noun names the closing day.
            year = dct.year - 1 if self.direction(start, end) < 0 else dct.year
            if m["ye"].lower() == "year-end":
                return _Resolved(f"{year:04d}-12-31")
            return _Resolved(f"{year:04d}")
        unit = m["unit"].lower()
        if m["ab"]:
            # "meet the week after", "up from the month before": next to the story's last one.
            delta = 1 if m["ab"].lower() == "after" else -1
            if unit == "week":
                week = self._next_to_last_week(delta, start)
                return _Resolved(week, relative=True) if week else None
            if unit == "month":
                month = self._next_to_anchor("month", delta)
                return _Resolved(month) if month else None
            return None
        if m["det"].lower() == "that":
            # "that year": the year (month) the story was just talking about.
            anchor = self.anchor or ""
            if unit == "year" and anchor[:4].isdigit():
                return _Resolved(anchor[:4])
            if unit == "month" and len(anchor) >= 7 and anchor[5:7].isdigit():
                return _Resolved(anchor[:7])
            return None
        if not m["pre"] and unit == "day":
            return None  # "the day" alone is mostly generic
        if unit == "year" and _word_after(self.text, end) in (
            "ended",
            "ending",
            "earlier",
            "before",
        ):
            return None  # "the year ended March 31": a fiscal period told by its end
        if unit == "year":
            return _Resolved(f"{dct.year:04d}")
        if unit == "month":
            told = self._story_month(start, end) if m["pre"] else None
            return _Resolved(told or f"{dct.year:04d}-{dct.month:02d}")
        if unit == "week":
            return _Resolved(_week(dct))
        if unit == "weekend":
            return self.weekend_adj(m, start, end)
        if not m["pre"]:
            return None
        return _Resolved(dct.isoformat())

    def weekend_adj(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "the weekend", "a weekend visit": the nearest weekend, the past one unless the
        clause looks ahead (on a Saturday or Sunday, the weekend under way)."""
        dct = self.dct
        if dct is None:
            return None
        if m.re is PATTERNS["weekend_adj"] and _word_after(self.text, end) not in _WEEKEND_EVENTS:
            return None  # "weekend trading", "weekend editions": no one weekend
        saturday = dct + dt.timedelta(days=5 - dct.weekday())
        if self.direction(start, end) <= 0 and dct.weekday() < 5:
            saturday -= dt.timedelta(weeks=1)
        return _Resolved(f"{_week(saturday)}-WE")

    def ago(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "two weeks ago", "five years from now"; "a year earlier" leans on the story's anchor."""
        dct = self.dct
        if dct is None:
            return None
        n = _num(m["num"])
        if n == 0:
            return None
        unit = m["unit"].lower().rstrip("s")
        way = " ".join(m["dir"].lower().split())
        if n is None:
            if way in ("earlier", "later"):
                return None  # "a few days later": relative to an event, not to the DCT
            return _Resolved("FUTURE_REF" if way in ("from now", "hence") else "PAST_REF")
        sign = 1 if way in ("later", "from now", "hence") else -1
        if way in ("earlier", "later"):
            # Relative to the story's last date, not the DCT; only years are safe.
            if unit != "year":
                return None
            if n == 1:
                shifted = (sign < 0 and self._quarter_a_year_before(start)) or (
                    self._shift_anchor_year(-sign)
                )
                if shifted:
                    return _Resolved(shifted)
        elif unit == "year" and n == 1:
            shifted = self._quarter_a_year_before(start)
            if shifted:
                return _Resolved(shifted)
        if unit == "day":
            return _Resolved((dct + dt.timedelta(days=sign * n)).isoformat())
        if unit == "week":
            return _Resolved((dct + dt.timedelta(weeks=sign * n)).isoformat())
        if unit == "month":
            y, mth = _add_months(dct.year, dct.month, sign * n)
            return _Resolved(f"{y:04d}-{mth:02d}")
        if unit == "quarter":
            y, mth = _add_months(dct.year, dct.month, 3 * sign * n)
            return _Resolved(f"{y:04d}-Q{_quarter(mth)}")
        if unit == "decade":
            return _Resolved(f"{(dct.year + 10 * sign * n) // 10:03d}")
        return _Resolved(f"{dct.year + sign * n:04d}")

    def in_n(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "in three days", "in two weeks' time", "in a month"."""
        if self.dct is None:
            return None
        n = _num(m["num"])
        if n is None or self.direction(start, end) < 0:
            return None  # "the currency fell 85 pct in 16 months": a duration, not a date
        if _SUPERLATIVE_BEFORE.search(self.text, max(0, start - 80), start):
            return None  # "the first such swap in five months": a span looking back
        return _Resolved(_counted_ahead(self.dct, n, m["unit"], rough=bool(m["approx"])))

    def to_go(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "two weeks to go before the tariffs", "ten days left until the vote": the day the
        countdown ends, counted from the DCT (weeks give the week, months the month)."""
        n = _num(m["num"])
        if self.dct is None or n is None:
            return None
        return _Resolved(_counted_ahead(self.dct, n, m["unit"]))

    def dayrel(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "today", "yesterday morning", "tonight", "this afternoon", "last night"."""
        dct = self.dct
        if dct is None:
            return None
        if m["lastnight"]:
            word = m["lastnight"].lower()
            day = dct - dt.timedelta(days=1) if word.startswith("last") else dct
            return _Resolved(f"{day.isoformat()}TNI", "TIME")
        if m["midpart"]:
            part = "AF" if "afternoon" in m["midpart"].lower() else "MO"
            return _Resolved(f"{dct.isoformat()}T{part}", "TIME")
        if m["this"]:
            day = dct
            if m["this"].lower().endswith("the") and self.last_day:
                day = dt.date.fromisoformat(self.last_day)  # "in the morning": that day's
            return _Resolved(f"{day.isoformat()}T{PARTS_OF_DAY[m['part2'].lower()]}", "TIME")
        pre = (m["pre"] or "").lower()
        word = m["day"].lower()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        day = dct + dt.timedelta(days=offset)
        if word == "tonight":
            return _Resolved(f"{day.isoformat()}TNI", "TIME")
        if m["part"]:
            return _Resolved(f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}", "TIME")
        if "afternoon" in pre or "morning" in pre:
            return _Resolved(f"{day.isoformat()}T{'AF' if 'afternoon' in pre else 'MO'}", "TIME")
        return _Resolved(day.isoformat())

    def weekday(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """Weekdays ("Friday", "last Tuesday", "Saturday night"): direction from the clause."""
        if self.dct is None:
            return None
        if _word_before(self.text, start) in ("each", "every"):
            return None  # "each Thursday": a set of days, not a date
        rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
        direction = 0 if rel else self.direction(start, end)
        if rel in ("early", "late", "earlier", "later"):
            direction = self.direction(start, end)
        if "late last" in rel or "early last" in rel:
            rel = "last"
        if rel == "this":
            # "this Thursday": that day of the DCT's own week.
            monday = self.dct - dt.timedelta(days=self.dct.weekday())
            day = monday + dt.timedelta(days=WEEKDAYS[m["wd"].lower()])
            if m["part"]:
                part = PARTS_OF_DAY[m["part"].lower()]
                return _Resolved(f"{day.isoformat()}T{part}", "TIME")
            return _Resolved(day.isoformat())
        if rel in ("the previous", "the following", "the next") and self.last_day:
            # Anaphoric: the Friday before (after) the day the story is talking about.
            base = dt.date.fromisoformat(self.last_day)
            day = _weekday_date(WEEKDAYS[m["wd"].lower()], base, 0, rel.split()[-1])
            if m["part"]:
                part = PARTS_OF_DAY[m["part"].lower()]
                return _Resolved(f"{day.isoformat()}T{part}", "TIME")
            return _Resolved(day.isoformat())
        week = _WEEK_NAMED_AFTER.match(self.text, end) if not rel else None
        if week is not None:
            # "from Monday to Friday last week", "on Tuesday next week": that week's day
            shift = {"last": -7, "next": 7, "this": 0}[week["which"].lower()]
            monday = self.dct - dt.timedelta(days=self.dct.weekday() - shift)
            day = monday + dt.timedelta(days=WEEKDAYS[m["wd"].lower()])
            if m["part"]:
                return _Resolved(f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}", "TIME")
            return _Resolved(day.isoformat())
        following = (
            self._after_coordinated_day(WEEKDAYS[m["wd"].lower()], start) if not rel else None
        )
        if following is not None:
            # "in Beijing on Tuesday and Wednesday": the day after the first, whatever the DCT
            if m["part"]:
                return _Resolved(
                    f"{following.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}", "TIME"
                )
            return _Resolved(following.isoformat())
        in_caption = any(lo <= start < hi for lo, hi in self.captions)
        if (
            not rel
            and WEEKDAYS[m["wd"].lower()] == self.dct.weekday()
            and direction > 0
            and self.last_day is not None
            and self.last_day[:10] > self.dct.isoformat()
        ):
            # "arrives on Monday ... will hold a summit on Tuesday ... will leave on Wednesday"
            # in a Wednesday story: a plan told past the story's day names next week's
            day = self.dct + dt.timedelta(weeks=1)
            if m["part"]:
                return _Resolved(f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}", "TIME")
            return _Resolved(day.isoformat())
        day = _weekday_date(
            WEEKDAYS[m["wd"].lower()],
            self.dct,
            -1 if in_caption and not rel else direction,
            rel,
            nearest=self.in_report(start) and not in_caption,
        )
        if m["part"]:
            return _Resolved(f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}", "TIME")
        return _Resolved(day.isoformat())

    def _after_coordinated_day(self, weekday: int, start: int) -> dt.date | None:
        """The first such weekday after the weekday named just before it and joined to it
        ("on Tuesday and Wednesday", "from Monday to Thursday"); None when none is so joined."""
        low, high = self.last_day_span
        if (
            self.last_day is None
            or not _COORDINATED_DAY.fullmatch(self.text, high, start)
            or not _WEEKDAY_NAME.search(self.text, low, high)
        ):
            return None  # (a date then a weekday, "from Sept. 14 to Thursday", ends at the DCT's)
        base = dt.date.fromisoformat(self.last_day)
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)

    def day_ordinal(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "on the 13th": that day of the DCT's month or a neighbour's, nearest the DCT with
        days against the clause's tense made farther. Only after "on", or after "from",
        "until" or "starting" that no "to" follows ("restrict exports from the 20th"), as "by
        the 13th", "since the 13th" or "from the 20th to the 10th" often count something else."""
        before = _word_before(self.text, start)
        if self.dct is None or before not in _DAY_ORDINAL_AFTER:
            return None
        if before != "on" and _RANGE_GOES_ON.match(self.text, end):
            return None
        day = int(m["dord"][:-2])
        days = []
        for delta in (-1, 0, 1):
            year, month = _add_months(self.dct.year, self.dct.month, delta)
            if _valid(year, month, day):
                days.append(dt.date(year, month, day))
        if not days:
            return None
        # A writer names the day alone only within a month of it, so the tense decides: "met
        # on the 13th" said on the 11th is last month's 13th, "will meet on the 3rd" next month's.
        direction = self.date_direction(start, end)
        if direction < 0:
            days = [d for d in days if d <= self.dct] or days
        elif direction > 0:
            days = [d for d in days if d >= self.dct] or days
        when = min(days, key=lambda d: abs((d - self.dct).days))
        return _Resolved(when.isoformat(), anchor=True)

    def year_spelled(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "nineteen ninety-six", "the year two thousand" (not "two thousand troops")."""
        year = _spelled_year(m["sy"])
        if year is None:
            return None
        if year == 2000 or m["sy"].lower().startswith("two thousand"):
            before = _word_before(self.text, start)
            if not m["the"] and before not in ("in", "since", "by", "until", "of", "before"):
                return None
            if _word_after(self.text, end) in _YEAR_BAD_NEXT | {"hundred"}:
                return None
        return _Resolved(f"{year:04d}", anchor=True)

    def year(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """A bare 4-digit year, only where context makes it one ("in 1988", "the 1987 budget")."""
        year = int(m["year"])
        mod = (m["mod"] or "").lower()
        text = self.text
        ystart = m.start("year") + start - m.start()
        before = _word_before(text, ystart)
        after = _word_after(text, end)
        prev_char = text[ystart - 1 : ystart]
        if not mod:
            if not 1800 <= year <= 2099:
                return None
            if before.rstrip(".") in NOT_YEAR_BEFORE or before.endswith(("$", "#")):
                return None
            if after in _YEAR_BAD_NEXT or after.startswith("%"):
                return None
            if prev_char in "-/:+" and prev_char:
                return None
            if before and before[-1].isdigit():
                return None
        return _Resolved(f"{year:04d}", anchor=True)

    def vague(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """PRESENT_REF / PAST_REF / FUTURE_REF: "now", "recently", "the future"."""
        if self.dct is None:
            return None
        word = re.sub(r"\s+", " ", m["v"].lower())
        if word in ("current",):
            after = _word_after(self.text, end)
            if after in ("account", "accounts", "affairs", "events", "flowing", "flow"):
                return None
        if word == "earlier":
            return _Resolved("PAST_REF")
        if word == "one day":
            # Only "will one day be": elsewhere it is a duration or a past day.
            if _word_before(self.text, start) not in ("will", "would", "could", "may", "might"):
                return None
            return _Resolved("FUTURE_REF")
        future = ("future", "soon", "shortly", "coming", "later date", "as soon", "near term")
        past = ("past", "last", "recent", "previously", "formerly", "lately")
        if any(f in word for f in future) or word.endswith("term"):
            return _Resolved("FUTURE_REF")
        if any(p in word for p in past):
            return _Resolved("PAST_REF")
        return _Resolved("PRESENT_REF")

    def yearago_adj(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "year-earlier", "year-ago": the anchor (or last year) a year back."""
        shifted = self._quarter_a_year_before(start) or self._shift_anchor_year(1)
        if shifted:
            return _Resolved(shifted)
        if self.dct is None:
            return None
        return _Resolved(f"{self.dct.year - 1:04d}")

    def holiday(self, m: re.Match[str], start: int, end: int) -> _Resolved | None:
        """ "Christmas", "New Year's Day": the occurrence nearest in the clause's direction."""
        if self.dct is None:
            return None
        name = re.sub(r"\s+", " ", m["hol"].lower())
        if name in _MOVABLE_FEASTS:
            if name == "easter" and (
                _word_before(self.text, start) not in _EASTER_CUES
                or attributive_noun(self.text, end)
            ):
                return None  # "Easter sales", "helped by Easter shopping"
            rule = _MOVABLE_FEASTS[name]
            day = _nearest_date(
                [rule(y) for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1)],
                self.dct,
                self.direction(start, end),
            )
            return _Resolved(day.isoformat())
        if name == "independence day" and _OTHER_NATIONS.search(
            self.text, max(0, start - 40), start
        ):
            return None  # "the island nation's 60th Independence Day": not July 4
        month, day = {
            "christmas eve": (12, 24),
            "christmas day": (12, 25),
            "christmas": (12, 25),
            "new year's eve": (12, 31),
            "new year's day": (1, 1),
            "new year's": (1, 1),
            "valentine's day": (2, 14),
            "halloween": (10, 31),
            "independence day": (7, 4),
        }[name]
        year = _day_year(month, day, self.dct, self.direction(start, end))
        return _Resolved(f"{year:04d}-{month:02d}-{day:02d}")


# Whose independence day it is, told right before it when not America's: a possessive
# ("Ukraine's", "the island nation's") or a demonym ("Kenyan"), past an ordinal ("60th").
_OTHER_NATIONS = re.compile(
    r"(?<!\bAmerica)(?<!\bU\.S\.)(?<!\bStates)(?:['\u2019]s|\b(?!American\b)[A-Z][a-z]+(?:an|ese|ish|i))"
    r"\s+(?:\d+(?:st|nd|rd|th)\s+|(?:first|second|third|\w+ieth)\s+)?$"
)


# The day a report was given ("his office said on Monday", "told reporters Monday") is not
# the day the story tells of: "the following day" counts from the last day of its events.
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told\s+(?:[\w-]+\s+){0,2}?(?:reporters|journalists|a\s+news\s+conference|"
    r"a\s+briefing|parliament|lawmakers))\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_REPORTED_REACH = 60


# The week a weekday (or a pair of them) is told in, named right after it: "from Monday to
# Friday last week", "on Tuesday and Wednesday next week", "Thursday of this week".
_WEEK_NAMED_AFTER = re.compile(
    r"(?:\s*(?:,|and|or|to|through|until|till|-|\u2013)\s*(?:[A-Za-z]+day)\b)?"
    r"\s+(?:of\s+)?(?P<which>last|next|this)\s+week\b",
    re.IGNORECASE,
)


_HANDLERS: dict[str, Callable[[_Resolver, re.Match[str], int, int], _Resolved | None]] = {
    name: getattr(_Resolver, name) for name in PATTERNS
}


def _completed(period: str, dct: dt.date | None) -> bool:
    """A quarter or half already over at the DCT: what results and comparisons are about."""
    if dct is None:
        return True
    year, part = int(period[:4]), period[5:]
    last_month = int(part[1]) * (3 if part[0] == "Q" else 6)
    return (year, last_month) < (dct.year, dct.month)


_TITLE_KINDS = frozenset(["dayrel", "rel_unit"])  # "Today", "This Week"; not 'Friday'
_QUOTE_BEFORE = frozenset("\"“'‘")
_TITLE_AFTER = re.compile(r",?[\"”'’](?!s\b)|\s+With\s+[A-Z]")  # not "Today's cut"


def _is_title(text: str, start: int, end: int) -> bool:
    """A capitalised expression quoted whole is the name of a programme or a paper, not a
    date: NBC's "Today" program, ABC's "This Week With David Brinkley", "Today," a paper."""
    return (
        text[start - 1 : start] in _QUOTE_BEFORE
        and text[start : start + 1].isupper()
        and _TITLE_AFTER.match(text, end) is not None
    )


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Master-regex matches, tried only where the trigger scan says one can start."""
    resume = 0
    match_at = MASTER.match
    for attempts, trigger in enumerate(TRIGGER.finditer(text)):
        pos = trigger.start()
        if pos < resume:
            continue
        if attempts >= MAX_ATTEMPTS:
            return
        match = match_at(text, pos)
        if match is not None:
            resume = match.end()
            yield match


def find_timexes(text: str, dct: dt.date | None) -> list[Timex]:
    """Every date/time expression of ``text``, sorted, non-overlapping, TimeML-normalised.

    ``dct`` is the document creation time; without it only expressions that
    carry their own year get a value, the rest are skipped.
    """
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    scan = text[:MAX_CHARS]
    resolver = _Resolver(scan, dct)
    found: list[Timex] = []
    for match in _candidates(scan):
        kind = match.lastgroup
        if kind is None:
            continue
        start, end = match.span()
        parsed = PATTERNS[kind].fullmatch(scan, start, end)
        if parsed is None:
            continue
        try:
            resolved = _HANDLERS[kind](resolver, parsed, start, end)
        except (ValueError, KeyError, IndexError, OverflowError):
            # A malformed look-alike (day 0, year 0...): not a date, never a crash.
            continue
        if resolved is None:
            continue
        if resolved.start is not None:
            start = resolved.start
        if kind in _TITLE_KINDS and _is_title(scan, start, end):
            continue
        if (
            len(resolved.value) >= 10
            and resolved.value[:4].isdigit()
            and resolved.value[7] == "-"
            and not _REPORTED_ON.search(scan, max(0, start - _REPORTED_REACH), start)
        ):
            resolver.last_day = resolved.value[:10]
            resolver.last_day_span = (start, end)
            resolver.last_week = (resolved.value[:10], end)
        elif _WEEK_VALUE.match(resolved.value) and not resolved.relative:
            resolver.last_week = (resolved.value, end)
        if resolved.anchor and _MONTH_VALUE.match(resolved.value):
            day = int(resolved.value[8:10]) if len(resolved.value) >= 10 else 0
            resolver.story_date = (int(resolved.value[:4]), int(resolved.value[5:7]), day, start)
        if resolved.anchor:
            resolver.anchor = resolved.value
            if resolved.value[4:6] in ("-Q", "-H") and _completed(resolved.value, dct):
                resolver.quarter_anchor = (resolved.value, start)
        found.append(
            Timex(
                start,
                end,
                scan[start:end],
                resolved.type,
                resolved.value,
                resolved.end_value,
                resolved.offset,
            )
        )
        if len(found) >= MAX_TIMEXES:
            break
    return found
