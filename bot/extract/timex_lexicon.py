"""Word lists and regex fragments of the temporal-expression grammar.

Kept apart from the finder so the grammar can be read (and reviewed) as data.
Every fragment is linear: alternations of literals and bounded repeats only,
so a candidate match never backtracks more than a few characters.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

LEXICON_FILE = Path(__file__).resolve().parents[2] / "config" / "lexicons" / "timex.toml"
with LEXICON_FILE.open("rb") as _handle:
    _LISTS: dict[str, str] = tomllib.load(_handle)


def word_list(key: str) -> frozenset[str]:
    """A word list of ``config/lexicons/timex.toml``: editable data, not code."""
    return frozenset(_LISTS[key].split())


MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}
# Named zones -> fixed offsets or IANA names (resolved per date, so DST is right).
ZONES: dict[str, str] = {
    "gmt": "+00:00",
    "utc": "+00:00",
    "est": "-05:00",
    "edt": "-04:00",
    "cst": "-06:00",
    "cdt": "-05:00",
    "mst": "-07:00",
    "mdt": "-06:00",
    "pst": "-08:00",
    "pdt": "-07:00",
    "bst": "+01:00",
    "cet": "+01:00",
    "cest": "+02:00",
    "eet": "+02:00",
    "eest": "+03:00",
    "msk": "+03:00",
    "jst": "+09:00",
    "kst": "+09:00",
    "hkt": "+08:00",
    "sgt": "+08:00",
    "aest": "+10:00",
    "aedt": "+11:00",
    "et": "America/New_York",
    "pt": "America/Los_Angeles",
    "ist": "+05:30",
    "washington": "America/New_York",
    "new york": "America/New_York",
    "eastern": "America/New_York",
    "pacific": "America/Los_Angeles",
    "london": "Europe/London",
    "paris": "Europe/Paris",
    "brussels": "Europe/Brussels",
    # spelled zone names, "Time" dropped: "12.01 a.m. Eastern Daylight Time"
    "eastern daylight": "-04:00",
    "eastern standard": "-05:00",
    "central daylight": "-05:00",
    "central standard": "-06:00",
    "mountain daylight": "-06:00",
    "mountain standard": "-07:00",
    "pacific daylight": "-07:00",
    "pacific standard": "-08:00",
    "greenwich mean": "+00:00",
    "british summer": "+01:00",
    "central european": "+01:00",
    "central european summer": "+02:00",
    "japan standard": "+09:00",
    "korea standard": "+09:00",
    "india standard": "+05:30",
    "berlin": "Europe/Berlin",
    "moscow": "Europe/Moscow",
    "tokyo": "Asia/Tokyo",
    "beijing": "Asia/Shanghai",
    "seoul": "Asia/Seoul",
    "hong kong": "Asia/Hong_Kong",
    "singapore": "Asia/Singapore",
    "jerusalem": "Asia/Jerusalem",
    "tehran": "Asia/Tehran",
    "delhi": "Asia/Kolkata",
    "sydney": "Australia/Sydney",
}

# Words after a number that make it a count, never a year ("2000 troops").
COUNT_NOUNS: frozenset[str] = word_list("count_nouns")

# Words just before a 4-digit number that make it an id, a count or money.
NOT_YEAR_BEFORE: frozenset[str] = word_list("not_year_before")

IRREGULAR_PAST: frozenset[str] = word_list("irregular_past")
# Words ending in -ed that are not past tenses.
NOT_PAST_ED: frozenset[str] = word_list("not_past_ed")
FUTURE_CUES: frozenset[str] = word_list("future_cues")
MODAL_CUES: frozenset[str] = word_list("modal_cues")
# Future only when "to" or "for" follows: "plans to meet", "set for Friday" (not "the plan").
FUTURE_IF_TO: frozenset[str] = word_list("future_if_to")
# Present-tense event verbs: in news "they meet Monday" announces a future event.
PRESENT_EVENT_VERBS: frozenset[str] = word_list("present_event_verbs")
AUX_BE: frozenset[str] = word_list("aux_be")
DETERMINERS: frozenset[str] = word_list("determiners")


def cased(words: list[str]) -> str:
    """Alternation of Title-case and UPPER-case forms: names are capitalised in news."""
    forms: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        forms.append(word[0].upper() + word[1:])
        forms.append(word.upper())
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


def alternation(words: list[str]) -> str:
    """Case-insensitive alternation, longest first so the longest literal wins."""
    return "(?i:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


MONTH_FULL = cased(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Abbreviations: with a period, or bare when a day number follows (checked by the caller).
MONTH_ABBR = cased(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
)
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.?)(?![a-z])"
MONTH_NAME = rf"(?:{MONTH_FULL})(?![a-z])"
WEEKDAY_FULL = cased(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
WEEKDAY_ABBR = cased(["mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun"])
WEEKDAY = rf"(?:{WEEKDAY_FULL}(?![a-z])|{WEEKDAY_ABBR}\.)"
DAY_ORD_WORDS = alternation(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
    ]
)
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,.]\d|\s*%|[a-zA-Z\d])"
YEAR_NUM = r"(?:1[0-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-year|-yr)"
ZONE_WORDS = (
    r"(?:(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|JST|KST|HKT|SGT"
    r"|AEST|AEDT|ET|PT|IST)(?![A-Za-z])"
    r"|\(?(?:(?:Eastern|Central|Mountain|Pacific)\s+(?:Daylight|Standard)|Greenwich\s+Mean"
    r"|British\s+Summer|Central\s+European(?:\s+Summer)?|(?:Japan|Korea|India)\s+Standard)"
    r"\s+[Tt]ime\)?"
    r"|\(?(?:Washington|New\s+York|Eastern|Pacific|London|Paris|Brussels|Berlin|Moscow|Tokyo"
    r"|Beijing|Seoul|Hong\s+Kong|Singapore|Jerusalem|Tehran|Delhi|Sydney)\s+time\)?)"
)
SPELLED_YEAR = (
    r"(?i:nineteen[-\s](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"|two\s+thousand(?:(?:\s+and)?\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?"
    r")(?![\w-])"
)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
# Tens with an optional unit ("forty", "twenty-five") as one group: listing the 72
# compounds one by one would make every attempt of the grammar try each of them.
NUM_WORDS = (
    "(?:"
    + alternation([*_TENS])
    + "(?:-"
    + alternation(_UNITS)
    + ")?|"
    + alternation(
        [
            "a",
            "an",
            *_UNITS,
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "several",
            "a few",
            "a couple of",
            "a couple",
            "few",
        ]
    )
    + ")"
)
