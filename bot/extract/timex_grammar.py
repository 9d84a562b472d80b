"""The candidate grammar: one compiled pattern per kind of temporal expression.

Each kind is a regex with named groups. The finder joins every kind into one
master alternation (named groups stripped) to locate candidates in a single
linear scan, then re-parses the winning span with the kind's own pattern.
Order matters: at a given position the first kind that matches wins, so
longer and more specific kinds come first.
"""

from __future__ import annotations

import re

from bot.extract.timex_lexicon import (
    DAY_NUM,
    DAY_ORD_WORDS,
    MONTH_ANY,
    MONTH_NAME,
    MONTHS,
    NUM_WORDS,
    SPELLED_YEAR,
    WEEKDAY,
    WEEKDAY_FULL,
    WEEKDAYS,
    YEAR_NUM,
    ZONE_WORDS,
    word_list,
)

# Left edge: not inside a word, number, id, url or amount; a full stop glued to a word
# ("last year.Friday's talks") is a sentence end, one after a digit or capital is not.
_EDGE = r"(?<![\w$£€#@/,-])(?<![^a-z]\.)"

MODS = r"(?i:the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|early|mid|late)"
PART = r"(?i:morning|afternoon|evening|night)"
REL_DAY = r"(?i:today|tonight|yesterday|tomorrow)"
UNIT = (
    r"(?i:fiscal\s+year|weekend|week|month|year|quarter|decade|century"
    r"|spring|summer|fall|autumn|winter)"
)
QORD = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"

KINDS: list[tuple[str, str]] = [
    (
        "time",
        rf"""(?:(?P<approx>(?i:around|about|approximately))\s+)?
        (?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![a-zA-Z]))
          |(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![:\d])
          |(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC|EST|EDT|CET|JST|BST|local|hrs|hours))
          |(?P<noon>(?i:noon|midday|midnight)))
        (?:\s*(?P<zone>{ZONE_WORDS}|(?i:local\s+time)))?
        (?:(?:\s*,\s*|\s+(?:on\s+)?)(?P<dayexp>{WEEKDAY}(?:,?\s+{MONTH_ANY}\s*{DAY_NUM})?|{MONTH_ANY}\s*{DAY_NUM}(?:,?\s+{YEAR_NUM})?|{REL_DAY}))?""",
    ),
    (
        "date_numeric",
        r"""(?:(?P<iy>1[6-9]\d\d|20\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?![\d])
          |(?P<um>1[0-2]|0?[1-9])/(?P<ud>3[01]|[12]\d|0?[1-9])/(?P<uy>(?:19|20)\d\d|\d\d)(?![\d/]))""",
    ),
    (
        "date_full",
        rf"""(?:(?:(?i:this\s+coming|this\s+past|this|next|last|coming|past)\s+)?(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?
          |(?P<drel>(?i:this\s+coming|this\s+past|next|last|coming|past))\s+(?=(?:{MONTH_ANY})\s*{DAY_NUM}))?
        (?:(?P<mon>{MONTH_ANY})\s*(?P<d1>{DAY_NUM}|{DAY_ORD_WORDS}(?![\w-]))
            (?:\s*(?:-|–|to|through|until)\s*(?:(?P<mon2>{MONTH_ANY})\s*)?(?P<d2>{DAY_NUM})|\s+and\s+(?P<d3>{DAY_NUM}))?
          |(?P<d1b>{DAY_NUM})(?:\s*(?:-|–|to|and)\s*(?P<d2b>{DAY_NUM}))?\s+(?:of\s+)?(?P<monb>{MONTH_ANY}))
        (?:,?\s+(?P<year>{YEAR_NUM})|\s*,?\s*'(?P<yy>\d\d)(?!\d)|\s+(?P<fry>(?i:this|last|next))\s+(?i:year)(?![\w'-]))?""",
    ),
    (
        "month_year",
        rf"""(?:(?P<mod>{MODS})\s*-?\s*)?(?P<mon>{MONTH_ANY}),?\s+(?:of\s+)?(?P<year>{YEAR_NUM}|{SPELLED_YEAR})""",
    ),
    (
        "quarter",
        rf"""(?:(?i:the|its|this|that)\s+)?
        (?:(?P<qago>(?i:comparable\s+year-ago|comparable\s+year-earlier|year-ago|year-earlier|year-before|comparable|same))\s+)?
        (?:(?P<qyear>{YEAR_NUM})\s+|(?P<qrel>(?i:this|last|next))\s+(?i:year)'s\s+|(?i:the\s+)?(?i:company|group|bank)'s\s+)?
        (?:(?i:fiscal)(?:[- ]|\s+))?
        (?P<qord>{QORD})[- ](?i:quarter|qtr|period)(?![\w-]|-(?!to-))
        (?:\s+(?i:of|in)\s+(?:(?i:fiscal\s+)?(?P<qyear2>{YEAR_NUM})|(?P<qrel2>(?i:this|last|next))\s+year))?
        (?:\s+(?P<qago2>(?i:a\s+year\s+ago|a\s+year\s+earlier|last\s+year)))?""",
    ),
    (
        "decade",
        r"""(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late|last\s+half\s+of\s+the|first\s+half\s+of\s+the))\s*-?\s*)?
        (?P<dec>(?:1[0-9]|20)\d0'?s|'\d0s|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])
        |(?:(?i:the)\s+)?(?P<cent>\d{1,2}(?:st|nd|rd|th))[- ](?i:century)
        |(?P<decrel>(?i:the\s+last|the\s+past|this|the\s+previous|last))\s+(?i:decade)""",
    ),
    (
        "half",
        rf"""(?:(?i:the|its)\s+)?(?P<hord>(?i:first|second|last|latter))[- ]
        (?:(?i:two)\s+quarters|(?i:half))(?![\w-])
        (?:\s+(?i:of)\s+(?:(?i:fiscal\s+)?(?P<hyear>{YEAR_NUM})|(?P<hrel>(?i:this|last|next))\s+year|(?i:the\s+year)
          |(?P<hmon>{MONTH_NAME})(?:,?\s+(?P<hmyear>{YEAR_NUM}))?))?""",
    ),
    (
        "quarter_code",
        rf"""(?:(?P<q>Q[1-4])|(?P<qn>[1-4]Q)|(?P<h>H[12]))(?![\w])
        (?:(?:\s+|[-/]|\s+of\s+)(?:(?P<year>{YEAR_NUM})|(?:FY)?(?P<yy>'?\d\d)(?![\d.,%])))?""",
    ),
    (
        "quarter_anaph",
        rf"""(?P<det>(?i:the|that|this|its))\s+
        (?:(?P<qa>(?i:latest\s+fiscal|latest|current|last|previous|past|preceding|most\s+recent|recent|year-ago|year-earlier|comparable\s+year-ago|comparable\s+year-earlier|comparable|same|corresponding|just-ended|just\s+ended|year-before|fiscal))\s+|(?P<qyear>{YEAR_NUM})\s+)?
        (?P<unit>(?i:quarter|period))(?![\w-])
        (?:\s+(?P<qago2>(?i:a\s+year\s+ago|a\s+year\s+earlier|last\s+year)))?""",
    ),
    (
        "fiscal",
        rf"""(?:(?i:the\s+)?(?P<fmod>(?i:latest|current|last|previous|next|coming|this|new))\s+(?i:fiscal\s+year)(?![\w-]))
        |(?:(?:(?i:fiscal)(?:\s+year)?\s*|FY\s?)(?P<year>{YEAR_NUM}|'\d\d))
        |FY(?P<fyy>\d\d)(?!\d)
        |(?P<fthe>(?i:the\s+(?:full|fiscal|whole|entire)\s+year))(?![\w-])""",
    ),
    (
        "season",
        rf"""(?:(?P<rel>(?i:this\s+past|this\s+coming|the\s+coming|the\s+past|this|last|next|early|late|mid-|mid|the))\s*)?
        (?P<s>(?i:spring|summer|fall|autumn|winter))(?![\w-])
        (?:\s+(?:of\s+)?(?P<year>{YEAR_NUM}|{SPELLED_YEAR}))?
        |(?P<year2>{YEAR_NUM})\s+(?P<s2>(?i:spring|summer|fall|autumn|winter))(?![\w-])""",
    ),
    (
        "month_rel",
        rf"""(?:(?P<mod>{MODS})\s*-?\s*)?(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming|past))\s+)?
        (?P<mon>{MONTH_NAME}|Sept\.|SEPT\.)
        (?:\s+(?:of\s+)?(?P<ry>(?i:this|last|next))\s+year)?""",
    ),
    (
        "rel_unit",
        rf"""(?:(?P<pre>(?i:early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|end\s+of|mid))\s*-?\s*)?
        (?P<rel>(?i:this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+last|the\s+coming|the\s+next|the\s+following|the\s+current|the\s+same|this|next|last|past|previous|coming|(?-i:following)|current))\s+
        (?P<unit>{UNIT})(?![\w-])(?!'s\s+(?:first|second|third|fourth))""",
    ),
    (
        "year_spelled",
        rf"""(?:(?P<the>(?i:the\s+year))\s+)?(?P<sy>{SPELLED_YEAR})""",
    ),
    (
        "day_anaph",
        r"""(?i:the)\s+(?P<rel>(?i:next|following|previous|preceding))\s+(?i:day)(?![\w'-])
        |(?i:the)\s+(?i:day)\s+(?P<rel2>(?i:before|after))
          (?=\s*(?:[,.;:)]|$)|\s+(?i:and|but|when|as|to|in|at|on|for|with|that|who|which)\b)
        |(?i:a)\s+(?i:day)\s+(?P<rel3>(?i:earlier|later))(?![\w'-])
        |(?P<same>(?:(?i:later|earlier)\s+)?(?i:that|the)\s+(?i:same)\s+(?i:day)
          |(?i:later|earlier)\s+(?i:that|in\s+the)\s+(?i:day))(?![\w'-])""",
    ),
    (
        "week_of",
        rf"""(?i:the)\s+(?i:week)\s+(?i:of)\s+(?P<day>{MONTH_ANY}\s*{DAY_NUM}(?:,?\s+{YEAR_NUM})?)""",
    ),
    (
        "the_unit",
        r"""(?:(?P<pre>(?i:early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|end\s+of|earlier\s+in|later\s+in))\s+)?
        (?P<det>(?i:the|that))\s+(?P<unit>(?i:year|month|week|weekend|day))(?![\w'-])(?!\s+(?:1\d|20)\d\d)
        (?:\s+(?P<ab>(?i:after|before))
          (?=\s*(?:[,.;:)]|$)|\s+(?i:and|but|or|when|as|to|in|at|on|for|with|that|which|versus)\b))?
        |(?P<ye>(?i:year-end|year\s+end|year's\s+end|the\s+year's\s+end|the\s+turn\s+of\s+the\s+year))(?![\w-])""",
    ),
    (
        # "with two weeks to go before the U.S. imposes tariffs": a countdown names the day
        "to_go",
        rf"""(?P<num>\d{{1,3}}|{NUM_WORDS})\s+(?P<unit>(?i:days?|weeks?|months?))
        \s+(?:(?i:to\s+go)(?:\s+(?i:before|until|till))?|(?i:left|remaining)\s+(?i:before|until|till))(?![\w-])""",
    ),
    (
        "ago",
        rf"""(?:(?P<approx>(?i:about|nearly|almost|some|more\s+than|over|roughly|just|only|less\s+than|barely))\s+)?
        (?P<num>\d{{1,3}}|{NUM_WORDS})\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?|quarters?))
        \s+(?:(?i:or\s+so)\s+)?(?P<dir>(?i:ago|earlier|later|from\s+now|hence))(?![\w-])""",
    ),
    (
        "in_n",
        rf"""(?i:in)\s+(?:(?P<approx>(?i:about|around|some|roughly|approximately))\s+)?(?P<num>\d{{1,2}}|{NUM_WORDS})\s+(?P<unit>(?i:days|weeks|months|day|week|month))(?:'?\s+(?i:time))?(?![\w-])""",
    ),
    (
        "dayrel",
        rf"""(?:(?P<pre>(?i:late|early|earlier|later|mid[-\s]?afternoon|mid[-\s]?morning|mid-?day))\s+)?(?P<day>{REL_DAY})(?![\w-])(?:\s+(?P<part>{PART}))?(?![\w-])
        |(?P<this>(?i:later\s+this|earlier\s+this|late\s+this|early\s+this|this|later\s+in\s+the|earlier\s+in\s+the|in\s+the))\s+(?P<part2>(?i:morning|afternoon|evening))(?![\w-])
        |(?P<lastnight>(?i:last\s+night))(?![\w-])
        |(?P<midpart>(?i:mid[-\s]?afternoon|mid[-\s]?morning))(?![\w-])""",
    ),
    (
        "weekday",
        rf"""(?:(?P<rel>(?i:this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|late\s+last|early\s+last|late\s+next|early\s+next|last|next|this|coming|past|early|late|earlier|later))\s+)?
        (?P<wd>{WEEKDAY_FULL})(?![a-z])(?:\s+(?P<part>{PART})(?![\w-]))?""",
    ),
    (
        # "on the 13th": a day of the month alone, only where the phrase ends (not "the 13th
        # floor", "the 29th day of its release", "the 20th anniversary").
        "day_ordinal",
        r"""(?i:the)\s+(?P<dord>(?:[12]?1st|[12]?2nd|[12]?3rd|3[01](?:st|th)|(?:[4-9]|1\d|2[04-9]|20)th))
        (?:\s+(?i:of\s+(?:the|this|next|last)\s+month))?
        (?=\s*(?:[,.;:]|$)|\s+(?i:and|but|when|as|to|in|at|for|with|after|before|while|if|or|until)\b)""",
    ),
    (
        "year",
        rf"""(?:(?P<mod>{MODS}|(?i:the\s+year|the\s+first\s+half\s+of|the\s+second\s+half\s+of))\s*-?\s*)?(?P<year>{YEAR_NUM})
        (?:\s+(?P<tail>(?i:or\s+later|and\s+beyond|or\s+beyond)))?""",
    ),
    (
        "vague",
        r"""(?P<v>(?i:right\s+now|just\s+now|now|nowadays|currently|presently|at\s+present|these\s+days
          |more\s+recently|recently|lately
          |recent\s+(?:days|weeks\s+and\s+months|weeks|months|years|decades|times)
          |the\s+near\s+future|the\s+distant\s+future|the\s+future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term
          |the\s+past(?!\s+(?:\d|(?:few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|year|month|week|decade|quarter|day)s?\b))
          |(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters)|future\s+(?:quarters|years)
          |past\s+years|the\s+(?:last|past)\s+(?:few|several)\s+(?:days|weeks|months|years|quarters)
          |a\s+later\s+date|as\s+soon\s+as\s+possible|current|one\s+day
          |soon(?!\s+(?:after|as|afterwards?|thereafter)\b)))(?![\w-])""",
    ),
    ("yearago_adj", r"""(?P<ya>(?i:year-earlier|year-ago))(?![\w-])"""),
    ("weekend_adj", r"""(?P<we>(?i:weekend))(?![\w'-])"""),
    (
        "holiday",
        r"""(?P<hol>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+Eve|New\s+Year's\s+Day|New\s+Year's|Valentine's\s+Day|Halloween|Independence\s+Day
          |Easter\s+Sunday|Easter\s+Monday|Easter|Good\s+Friday|Memorial\s+Day|Labor\s+Day|Thanksgiving(?:\s+Day)?|Columbus\s+Day)(?![\w-])""",
    ),
]

_NAMED = re.compile(r"\(\?P<\w+>")


def _strip_names(pattern: str) -> str:
    """The master regex needs unique group names, so the kinds' names are removed."""
    return _NAMED.sub("(?:", pattern)


PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.VERBOSE) for name, pattern in KINDS
}
MASTER: re.Pattern[str] = re.compile(
    "|".join(f"(?P<{name}>{_strip_names(p)})" for name, p in KINDS), re.VERBOSE
)
"""Tried only where TRIGGER matched, so the left edge is already checked there."""

# Lower-case first words of expressions (see config/lexicons/timex.toml): the master
# regex is only tried where one starts a token, which skips most of the text cheaply.
STRONG_TRIGGERS: frozenset[str] = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | word_list("strong_triggers")
)
WEAK_TRIGGERS: frozenset[str] = word_list("weak_triggers") - STRONG_TRIGGERS
CONTINUATIONS: frozenset[str] = word_list("continuations") | STRONG_TRIGGERS | WEAK_TRIGGERS


def _trie(words: frozenset[str]) -> str:
    """A regex alternation shaped as a trie: each position tests a handful of letters
    instead of every word, which keeps the trigger scan fast on long texts."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c]
        optional = "" in node
        if not branches:
            return ""
        body = (
            branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        )
        if optional:
            body = body + "?" if body.startswith("(?:") else "(?:" + body + ")?"
        return body

    return render(tree)


_NUMBER_START = r"'?\d+(?![\d,.]\d)|\d{1,2}(?=[.:]\d\d\s*[aApP])"
TRIGGER: re.Pattern[str] = re.compile(
    _EDGE
    + rf"""(?:
        (?:{_trie(STRONG_TRIGGERS)})(?![A-Za-z])
        |{_NUMBER_START}
        |(?:{_trie(WEAK_TRIGGERS)})(?=[\s-]+(?:'?\d|(?:{_trie(CONTINUATIONS)})(?![A-Za-z]))))""",
    re.IGNORECASE | re.VERBOSE,
)
"""Where the master regex is worth trying: a strong trigger, a number that is not part
of an amount (1,988 / 1987.5), or a weak trigger followed by a continuation."""
