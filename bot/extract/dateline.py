"""Datelines: the place and publication date a news story opens with.

The grammar covers the class of wire and newspaper datelines, at the start of the text or
of its first paragraphs (a headline often comes first)::

    dateline  = place [", " region]* [", " date] [agency] dash
              | date agency dash                       (no place: "Feb 10 (Reuters) -")
              | "date" iso-date place ","              (the seed feed's form)
    place     = up to four capitalised words, "/" joins two ("BERLIN/BRUSSELS")
    region    = a country or state ("France", "Calif.", "D.C.")
    date      = [weekday ","] month day [","] [year]   (US order: "Nov. 14, 2026")
              | day month [","] [year]                 (European order: "14 November 2026")
              | yyyy-mm-dd
    agency    = "(" a name ")" or "/" a name "/"       ("(Reuters)", "/PRNewswire/")
    dash      = "-" | "--" | "_" | en dash | em dash

Plain sentences must not pass for datelines, so a title-case place ("Evian") needs a
date or an agency beside it; only the wire's capitals ("EVIAN") stand alone, and label
words of headlines ("BREAKING") or sentence openers ("In", "The") never start a place.
A date without a year leaves the DCT unknown, and the reader is asked for one; given one
(``--date``), the dateline's own day is taken in the year nearest it (``Dateline.dct_near``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from bot.extract.timex_lexicon import MONTHS, word_list

_LABELS = word_list("dateline_labels")
_OPENERS = word_list("sentence_openers")
_HEAD_CHARS = 600  # a dateline opens the story: the headline and its first lines at most
_MAX_LINES = 4

_WORD = r"[A-Z\u00c0-\u00de][\w.'\u2019\-]*"
_CONNECTOR = r"(?:[ ](?:de|del|da|do|la|le|el|al|of|upon|on))?"
_PLACE = rf"(?P<place>{_WORD}(?:{_CONNECTOR}(?:[ ]|/){_WORD}){{0,3}})"
_REGION = rf"(?:[ ]?,[ ]+{_WORD}(?:[ ]{_WORD}){{0,2}})"
_MONTH = (
    r"(?i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ ]+)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DATE = (
    rf"(?:{_WEEKDAY}?(?:(?P<mon>{_MONTH})[ ]+(?P<day>{_DAY})"
    rf"|(?P<day2>{_DAY})[ ]+(?P<mon2>{_MONTH}))(?:,?[ ]+(?P<year>{_YEAR}))?(?!\w)"
    rf"|(?P<iso>{_YEAR}-[01]\d-[0-3]\d))"
)
_AGENCY = r"(?P<agency>\([^()\n]{1,40}\)|/[^/\n]{1,30}/)"
_DASH = r"(?:--?|_|\u2013|\u2014)(?=\s)"

_PLACED = re.compile(
    rf"{_PLACE}(?P<regions>{_REGION}{{0,2}}?)(?:[ ]?,?[ ]+{_DATE},?)?[ ]*{_AGENCY}?[ ]*{_DASH}"
)
_DATE_ONLY = re.compile(rf"{_DATE}[ ]*{_AGENCY}[ ]*{_DASH}")
_ISO_FORM = re.compile(
    r"date\s+(?P<iso>\d{4}-\d{2}-\d{2})\s+(?P<place>[A-Z][\w .'\-]{0,40}?)\s*,", re.UNICODE
)
_DATE_AFTER = re.compile(rf"[ ]*{_DATE}[ ]*$", re.MULTILINE)
_LINE_START = re.compile(r"\n[ \t]*(?=\S)")
_DASH_OR_ISO = re.compile(r"(?:--?|_|\u2013|\u2014)\s|date")


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says: the place, the DCT when known, and where the body starts."""

    place: str | None
    dct: date | None
    end: int
    start: int = 0  # where the dateline begins: after a headline, the start of its line
    month_day: tuple[int, int] | None = None  # a yearless date ("Nov 14"), for dct_near

    def dct_near(self, known: date) -> date | None:
        """The DCT, or a yearless dateline's day in the year that puts it nearest ``known``.

        ``known`` is a date the reader was given for the article (``--date``); a wire dates
        its story the day it is written, so the day taken is at most two days after it.
        """
        if self.dct is not None or self.month_day is None:
            return self.dct
        month, day = self.month_day
        candidates = []
        for year in (known.year - 1, known.year, known.year + 1):
            try:
                candidates.append(date(year, month, day))
            except ValueError:
                continue  # 29 February outside a leap year
        fitting = [c for c in candidates if (c - known).days <= 2]
        return max(fitting) if fitting else None


def _place(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip()
    return raw.title() if raw.isupper() else raw


def _date(match: re.Match[str]) -> date | None:
    """The date of a matched dateline, or None when it is invalid or gives no year.

    A yearless dateline ("TOKYO, March 3 -") leaves the DCT unknown: neither the year a
    story mentions most nor the same day written out with a year is a safe guide (on
    Reuters 1987 both are wrong more often than right: last year's results, bond dates)."""
    if match.group("iso"):
        try:
            return date.fromisoformat(match.group("iso"))
        except ValueError:
            return None
    word = match.group("mon") or match.group("mon2")
    if not word:
        return None
    month = MONTHS.get(word.lower().rstrip("."))
    day = int(re.sub(r"\D", "", match.group("day") or match.group("day2")))
    if not match.group("year") or month is None:
        return None
    try:
        return date(int(match.group("year")), month, day)
    except ValueError:
        return None


def _month_day(match: re.Match[str]) -> tuple[int, int] | None:
    """Month and day of a yearless dateline date, kept for a reader who knows the year."""
    word = match.group("mon") or match.group("mon2")
    if not word or match.group("year"):
        return None
    month = MONTHS.get(word.lower().rstrip("."))
    day = int(re.sub(r"\D", "", match.group("day") or match.group("day2")))
    return (month, day) if month is not None and 1 <= day <= 31 else None


def _has_date(match: re.Match[str]) -> bool:
    return bool(match.group("mon") or match.group("mon2") or match.group("iso"))


def _placed(text: str, pos: int) -> Dateline | None:
    """``PLACE[, REGION][, DATE] [(AGENCY)] -`` at ``pos``, held to the class's evidence."""
    match = _PLACED.match(text, pos)
    if match is None:
        return None
    place = match.group("place")
    first = place.split()[0].strip(".").lower()
    wire_caps = place.isupper() and any(c.isalpha() for c in place)
    if first in _LABELS or (not wire_caps and first in _OPENERS):
        return None  # "BREAKING -", "In Paris, Nov 14 -": a label or a sentence
    if not (wire_caps or match.group("agency") or _has_date(match)):
        return None  # "Japan, China - the two...": a title-case place alone is a sentence
    dct = _date(match) if _has_date(match) else None
    month_day = _month_day(match) if _has_date(match) else None
    end = match.end()
    if not _has_date(match):
        # "EUROPE (Agency) - October 23, 2025" alone on its line: the date follows the dash.
        after = _DATE_AFTER.match(text, end)
        if after is not None:
            dct, month_day = _date(after), _month_day(after)
            end = after.end()
    return Dateline(_place(place), dct, end, month_day=month_day)


def _dateline_at(text: str, pos: int) -> Dateline | None:
    match = _ISO_FORM.match(text, pos)
    if match is not None:
        try:
            dct = date.fromisoformat(match.group("iso"))
        except ValueError:
            dct = None
        return Dateline(_place(match.group("place")), dct, match.end())
    found = _placed(text, pos)
    if found is not None:
        return found
    match = _DATE_ONLY.match(text, pos)
    if match is not None:
        return Dateline(None, _date(match), match.end(), month_day=_month_day(match))
    return None


@lru_cache(maxsize=16)
def find_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text`` or one of its first lines (after a headline), else None.

    Cached: extraction asks for the same text's dateline from several steps."""
    head = text[:_HEAD_CHARS]
    if not _DASH_OR_ISO.search(head):
        return None  # every form ends in a dash but the seed feed's "date 2025-02-06 ..."
    starts = [len(head) - len(head.lstrip())]
    starts += [m.end() for m in _LINE_START.finditer(head)][: _MAX_LINES - 1]
    for pos in starts:
        found = _dateline_at(text, pos)
        if found is not None:
            return replace(found, start=pos)
    return None
