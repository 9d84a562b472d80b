"""Datelines: the place and publication date a wire story opens with.

Recognised forms (at the very start of the text, after blank space):
``date 2025-02-06 Tokyo, (...)``, ``TOKYO, March 3 -``, ``TOKYO, March 3, 1987 -``,
``WASHINGTON, Feb. 6 (Reuters) -`` and ``WASHINGTON (AP) _`` (place only).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_PLACE = r"(?P<place>[A-Z][A-Za-z.'\-]*(?:[ ][A-Z][A-Za-z.'\-]*){0,3})"

_ISO_FORM = re.compile(
    r"\A\s*date\s+(?P<iso>\d{4}-\d{2}-\d{2})\s+(?P<place>[A-Z][\w .'\-]{0,40}?)\s*,", re.UNICODE
)
_WIRE_FORM = re.compile(
    r"\A\s*" + _PLACE + r",\s+" + _MONTH + r"\s+(?P<day>\d{1,2})(?:,\s+(?P<year>\d{4}))?"
    r"\s*(?:\([A-Za-z ]{1,30}\)\s*)?[-_\u2013\u2014]"
)
_AGENCY_FORM = re.compile(
    r"\A\s*" + _PLACE + r",?\s+\((?:AP|Reuters|AFP|UPI|Bloomberg)\)\s*[-_\u2013\u2014]"
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says: the place, the DCT when known, and where the body starts."""

    place: str | None
    dct: date | None
    end: int


def _year_from_text(text: str) -> int | None:
    """The most frequent plausible year written in the text, for yearless datelines."""
    counts = Counter(int(m.group(1)) for m in _YEAR.finditer(text[:20000]))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _place(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip()
    return raw.title() if raw.isupper() else raw


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, or None when the text opens without one."""
    head = text[:300]
    match = _ISO_FORM.match(head)
    if match:
        try:
            dct = date.fromisoformat(match.group("iso"))
        except ValueError:
            dct = None
        return Dateline(_place(match.group("place")), dct, match.end())
    match = _WIRE_FORM.match(head)
    if match:
        month = _MONTHS.get(match.group("month").rstrip(".").lower()[:4].rstrip("e"))
        if month is None:
            month = _MONTHS.get(match.group("month").rstrip(".").lower()[:3])
        year = int(match.group("year")) if match.group("year") else _year_from_text(text)
        dct = None
        if month and year:
            try:
                dct = date(year, month, int(match.group("day")))
            except ValueError:
                dct = None
        return Dateline(_place(match.group("place")), dct, match.end())
    match = _AGENCY_FORM.match(head)
    if match:
        return Dateline(_place(match.group("place")), None, match.end())
    return None
