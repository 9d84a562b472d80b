"""Which date a trigger word takes: the nearest usable date of its clause, or none.

A date right after a reporting verb dates the report, not the event; a date opening the
sentence dates its main clause; a trip shares its purpose's date; an undated act in an
article's lead happened on the DCT, and so did, anywhere in the story, the occasion someone
speaks at, comes from or is on ("told reporters after talks with", "told a conference of
ministers", "is in Paris on the first leg of a tour", "an official communique said").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from bot.extract.dates import EventDate, event_date_from_timex
from bot.extract.event_index import (
    STRONG_BREAK,
    WORD,
    Sentence,
    Trigger,
    clause_span,
    tokens_between,
)
from bot.extract.event_parties import joint_issuer
from bot.extract.lexicon import EventLexicon
from bot.extract.model import Timex
from bot.extract.sentences import in_caption
from bot.extract.timex_lexicon import NUMBER_WORDS
from bot.extract.timex_tense import attributive, names_an_accord

MAX_ATTACH_DISTANCE = 12  # tokens between a trigger and its date, penalties included
COMMA_PENALTY = 4
CLAUSE_PENALTY = 6
BREAK_PENALTY = 8
BEFORE_PENALTY = 3
COMPETITION_SLACK = 4
# Between talks and a date that owns the next event: "held talks ahead of next week's".
_ANCHOR_BEFORE_DATE = re.compile(
    r"\s+(?:[\w'\u2019-]+\s+){0,4}?(?:ahead\s+of|before|after|following|since|until|prior\s+to|"
    r"on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to)\s+(?:the\s+|this\s+|last\s+|next\s+)?",
    re.IGNORECASE,
)
# An occasion named as what lies ahead of the day's act (not "after", which tells the
# occasion a speaker speaks at): "on the eve of the SCO summit", "ahead of the talks".
_AHEAD_OF = re.compile(
    r"\b(?:on\s+the\s+eve\s+of|ahead\s+of|in\s+the\s+run-up\s+to|prior\s+to)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+|this\s+week's\s+|next\s+week's\s+)?"
    r"(?:[\w'\u2019.-]+\s+){0,3}$",
    re.IGNORECASE,
)
_TIME_ANCHOR = re.compile(
    r"(?:since|after|before|until|following|prior to|ahead of|on the eve of|in the run-up to"
    # an accord held to, named for reference: "its commitment to quota agreements"
    r"|commitment to|adherence to|compliance with|respect for|abid(?:e|es|ed|ing) by"
    r"|stick(?:s|ing)? to|stuck to|kept to|keep(?:s|ing)? to)(\s+)(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'.-]+\s+){0,2}$",
    re.IGNORECASE,
)
_JUST_BEFORE = re.compile(r"(?:before|ahead of|prior to)\s", re.IGNORECASE)
# A named subject and a verb after "after"/"since": a clause, not an event used as a date.
_CLAUSE_SUBJECT = re.compile(
    r"(?-i:[A-Z][\w.'-]*)(?:\s+(?-i:[A-Z][\w.'-]*)){0,2}\s+(?=\w+ed\b|met\b|held\b|signed\b|took\b|left\b|flew\b|won\b)(?!\S*['\u2019]s\b)"
)
# A relative clause right after a trigger noun: "the accord, which expires in October".
_RELATIVE_OF_TRIGGER = re.compile(
    r"(?:\s+(?:between|with|of|on|among|for|held\s+(?:in|on|at)|hosted\s+by)\s[^,;()]{1,60}?)?"
    r"\s*(?:\([^()]{0,40}\)\s*)?,\s*"
    r"(?:which|that)\s",
    re.IGNORECASE,
)
# A clause or participle telling when the event was planned: "a summit of Japan and China that
# had been planned for Jan. 24", "the talks which were scheduled to open on Monday", "the
# summit between Britain and the EU, originally set for May 19".
PLAN_CLAUSE = (
    r"(?:\s+(?:between|with|of|among|in)\s[^;()]{1,80}?)?\s*,?\s+(?:(?:that|which)\s+"
    r"(?:had|has|have|was|were|is|are)\s+(?:been\s+)?)?(?:originally\s+|initially\s+|previously\s+)?"
    r"(?:planned|scheduled|set|due|slated|expected|meant)\s+"
    r"(?:for|on|to\s+(?:take\s+place|be\s+held|open|start|begin)(?:\s+on)?)\s+"
)
_PLANNED_FOR = re.compile(PLAN_CLAUSE, re.IGNORECASE)
# An occasion dated by another of the story's: "will meet the day before the conference opens",
# "hold a bilateral meeting with Kast the day after the inauguration".
DAY_BY_OCCASION_REACH = 160  # characters after a trigger read for "the day before the summit"
DAY_BY_OCCASION = re.compile(
    r"[^.;:]{0,60}?\b(?P<day>the\s+day)\s+(?P<side>before|after)\s+(?:the|its|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>conference|summit|meeting|talks|session|inauguration|election|"
    r"vote|referendum|visit)\b(?P<verb>\s+(?:opens|begins|starts|ends|closes))?",
    re.IGNORECASE,
)

# A relative clause whose verb makes the trigger's thing, up to the date: "tariffs that the
# United States was due to impose on Mexican goods", "the accord which they signed in Paris"
# (names, objects and prepositions only; no comma, no other clause).
# A measure's target between it and its relative clause: "sanctions against Russia that ...".
MEASURE_TARGET = (
    r"(?:\s+(?:on|against|over|for)\s+(?:the\s+)?(?-i:[A-Z])[\w.'\u2019-]*"
    r"(?:\s+(?-i:[A-Z])[\w.'\u2019-]*)?(?:\s+(?:goods|imports|exports|products))?)?"
)
_OWN_RELATIVE_ACT = re.compile(
    MEASURE_TARGET
    + r"\s+(?:that|which)\s+(?:(?!(?:and|but|or|who|which|that|when|while|because|after"
    r"|before|said|says|told)\b)[\w.'\u2019-]+\s+){1,4}?"
    r"(?:(?:was|were|is|are|had|has|have|will|would)\s+)?(?:(?:due|set|expected|scheduled|"
    r"planned|poised)\s+to\s+|to\s+)?(?:been\s+)?"
    r"(?:impos(?:e|ed)|levy|levied|slap(?:ped)?|announc(?:e|ed)|adopt(?:ed)?|sign(?:ed)?|"
    r"reach(?:ed)?|introduc(?:e|ed)|unveil(?:ed)?|approv(?:e|ed)|agree(?:d)?|struck|seal(?:ed)?|"
    r"clinch(?:ed)?)"
    r"(?:\s+(?!(?:and|but|or|who|which|that|when|while|because|after|before|said|says)\b)"
    r"[\w.%'\u2019$-]+){0,6}?\s+(?:on|in|from|at|effective)?\s*",
    re.IGNORECASE,
)
# The parties of an event named right after it, and where: "between U.S. Treasury Secretary
# James Baker and West German Finance Minister Gerhard Stoltenberg", "among Japan, the European
# Community, the U.S. and Canada", "West German ministers in Frankfurt" (names, titles and
# joining words only: no verb, so no other clause).
_PARTY_LIST = re.compile(
    r"\s*(?:(?:between|with|among|by)\s+)?"
    # each name or word is taken whole, once (an atomic group): a failing match must not try
    # every way of splitting "Japan's" or ",,," (exponential on hostile text)
    r"(?>(?:(?-i:[A-Z])[\w.'\u2019&-]*|and|of|the|its|his|her|their|for|in|at"
    r"|(?:prime\s+)?ministers?|secretary|president|officials?|leaders?|representatives?|chairman"
    r"|counterparts?|envoys?|governors?|delegations?|negotiators?|deputy|vice|chief|head"
    r"|foreign|finance|trade|economy|state|central|bank)(?:['\u2019]s)?(?:\s*,\s*|\s+))+"
    r"(?:on\s+)?",
    re.IGNORECASE,
)
# Talks held beside a gathering, then their date: "held talks with Chinese President Xi Jinping
# on the margins of the APEC forum in Gyeongju on Friday" (the gathering's name is the talks'
# own phrase, as a party list is).
_BESIDE_PHRASE = re.compile(
    _PARTY_LIST.pattern[: -len(r"(?:on\s+)?")]
    + r"(?:on|at)\s+the\s+(?:sidelines?|margins?|fringes?)\s+of\s+"
    r"(?>(?:(?-i:[A-Z])[\w.'\u2019&-]*|the|of|and|in|at|an?|summit|forum|meeting|conference|"
    r"assembly|session|gathering|talks|leaders['\u2019]?|annual|general|informal|economic|"
    r"ministerial)(?:\s*,\s*|\s+))+(?:on\s+)?",
    re.IGNORECASE,
)
# What an event is on or against, however long, then its date: "tariffs on 300 mln dlrs worth
# of Japanese color television sets, motorised tools and personal computers on April 17",
# "the meeting of finance ministers from the Group of Five and Canada on February 22" (no verb
# or clause word: "talks on an issue the union called off on May 1" stops at "called").
_OBJECT_PHRASE = re.compile(
    r"\s+(?:on|against|of|for|covering|concerning|regarding|spanning|including)\s+(?>(?:up\s+to|(?!(?:is|are|was|were|be|been|has|have|had|will"
    r"|would|could|should|may|might|must|can|said|says|that|which|who|when|while|but|because"
    r"|if|after|before|since|until|to)\b)[\w$.%'/,-]+)(?:\s*,\s*|\s+))+"
    r"(?:on|from|in|effective|starting)\s+",
    re.IGNORECASE,
)
# Ministers deliberating, then what they deliberate with no verb of its own, then where and
# when: "EU foreign ministers will discuss a proposal for a 17th sanctions package at the
# Foreign Affairs Council in Brussels on Monday".
_DELIBERATING = re.compile(r"(?:discuss|consider|review|debate|examin)\w*$", re.IGNORECASE)
_WHAT_IS_DISCUSSED = re.compile(
    r"\s+(?>(?:(?!(?:is|are|was|were|be|been|has|have|had|will|would|could|should|may|might|"
    r"must|can|said|says|that|which|who|when|while|but|because|if|after|before|since|until)\b)"
    r"[\w$.%'/-]+)\s+){1,20}(?:on|in)\s+",
    re.IGNORECASE,
)
_DURATION = re.compile(r"(?<![\w-])(two|three|four|five|six|seven|\d)-day\b", re.IGNORECASE)
_ENDING_BEFORE = re.compile(r"(?:ending|ended|ends|closing|closed|concluding)\s*(?:on\s+)?$", re.I)
_STARTING_BEFORE = re.compile(
    r"\b(?:starting|beginning|begins?|began|starts?|started|opening|opens?|opened|from)\b"
    r"[^,;]{0,60}$",
    re.I,
)
_DASH_ASIDE = re.compile(r"(\u2014|--|\s\u2013\s)[^\u2014\u2013;:]{1,120}?\1")
_BROKER_ASIDE = re.compile(
    r",\s*(?:mediated|brokered|hosted|chaired|sponsored|facilitated|organi[sz]ed|convened)\s+by"
    r"\s[^,;:()]{1,80},",
    re.IGNORECASE,
)
# "the visit to Pyongyang, the first by a Vietnamese leader in 18 years, ended on Saturday": an
# ordinal apposition between commas ranks the event among others; the clause goes on past it.
_ORDINAL_ASIDE = re.compile(
    r",\s*(?:the|its|his|her|their)\s+(?:first|second|third|fourth|fifth|latest|only)\b"
    r"[^,;:()]{1,80},",
    re.IGNORECASE,
)
_VAGUE_PAST = re.compile(
    r"\b(?:(?:decades|years|centuries|generations|long|many\s+months|some\s+time)\s+ago|"
    r"in\s+the\s+past|at\s+the\s+time|back\s+in|in\s+the\s+(?:late|early|mid-?)\s*\d{4}s|"
    r"in\s+the\s+\d{4}s)\b",
    re.IGNORECASE,
)
# "negotiators here last week said the pact was in jeopardy": the date is the saying's.
_SAID_AFTER_DATE = re.compile(r"\s*,?\s*(?:said|told|says|added|reported|stated)\b", re.I)
# Wider than the saying above: an announcing verb after a date decides a penalty told in its
# that-clause ("Trump on Monday told Japan that ..."), though it dates other acts it names.
_TOLD_AFTER_DATE = re.compile(
    r"\s*(?:,\s*)?(?:told|said|warned|announced|informed|notified|wrote)\b", re.IGNORECASE
)
_THAT_WORD = re.compile(r"\bthat\b", re.IGNORECASE)
_THAT_CLAUSE = re.compile(r"\s*,?\s*that\s", re.IGNORECASE)
# Deciding on an act to come: what is decided lies ahead of the deciding's date.
_DECIDING = r"agreed|decided|promised|pledged|vowed|resolved"
_AGREED_AFTER_DATE = re.compile(
    rf"\s*,?\s*(?:and|but)\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:{_DECIDING})\s+to\s+(?:hold\s+)?",
    re.IGNORECASE,
)
_AND_THEN = re.compile(r"\s*,?\s*and\s+(?:then\s+|later\s+|also\s+|will\s+|would\s+)?", re.I)
# The penalty a that-clause says someone will impose: "that he would raise", "that it will slap"
# (the penalty is the clause's object, so the saying decides it).
_ANNOUNCED_ACT = re.compile(
    r"\s*,?\s*that\s+(?:[\w'\u2019.-]+\s+){1,4}?(?:would|will|is\s+to|was\s+to|plans?\s+to|"
    r"planned\s+to|intends?\s+to)\s+(?:[\w%.-]+\s+){1,4}",  # ("impose 100 pct tariffs")
    re.IGNORECASE,
)
# An accord announced as made: "announced Friday that they had concluded negotiations on a free
# trade agreement" (made by the telling's day; a plan, "would sign", is no accord yet).
_ANNOUNCED_DONE = re.compile(
    r"\s*(?:,\s*)?that\s+(?:[\w'\u2019.-]+\s+){1,4}?(?:had\s+|have\s+|has\s+)?(?:concluded|reached|"
    r"signed|sealed|struck|finali[sz]ed|clinched|completed)\s+(?:[\w'-]+\s+){0,6}",
    re.IGNORECASE,
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their|this|that|these|those)\s+$", re.IGNORECASE)
# "agreed on Thursday to meet again", "decided last week to hold talks": the date between a
# decision and the act it plans is the deciding's; the act lies ahead of it.
_DECIDED_BEFORE = re.compile(
    rf"\b(?:{_DECIDING}|offered|voted|undertook|proposed|planned|arranged)"
    # where it was decided may come first: "agreed on a video call last month to open"
    r"\s+(?:(?:on|in|at|during|over|by)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:call|meeting|summit|visit|conference|talks)\s+)?"
    r"(?:(?:on|last|this|late|early|in)\s+)?$",
    re.IGNORECASE,
)
_TO_ACT = re.compile(r"\s*,?\s*to\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_AFTER_DAYS_OF_TALKS = re.compile(
    r"(?:\s*,)?\s+(?:after|following)\s+"
    r"(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-4])\s+days\s+of\s+"
    r"(?:[\w-]+\s+)?(?:talks|negotiations|meetings|discussions|deliberations|debate)",
    re.IGNORECASE,
)
_ENDED_IN_CLAUSE = re.compile(
    r"\b(?:ended|closed|concluded|broke\s+up|adjourned|finished|wound\s+up)\b[^,;]{0,40}$", re.I
)
_NOT_REPORT_TAIL = re.compile(
    r"\b(?:after|before|since|until|following|ahead|during|for)\b|'s\b", re.IGNORECASE
)
# Between a date and the event it owns: "yesterday's G-7 meeting", "Monday's EU summit".
_POSSESSIVE = re.compile(r"['\u2019]s?\s")
_POSSESSIVE_GAP = re.compile(r"['\u2019]s?\s+(?:[\w.'-]+\s+){0,3}")
_COORDINATED = re.compile(r"^\s*(?:,\s*)?and\s+(?:in\s+|on\s+)?$", re.IGNORECASE)
# A comma inside a list of dates ("in May, June and August"): a list only when "and" ends it.
_LISTED = re.compile(r"\s*,\s*")
# A date opening its sentence as an adverbial ("On Monday, ...", "In July 2022, ...") dates
# the main clause that follows, however long the subject between them.
_FRONTED_BEFORE = re.compile(
    r"^[\"'\u201c(]?(?:(?:and|but|then|so|also|earlier|later|late|early|since then)\s*,?\s+)?"
    # a place before it: "In Paris on February 22, the six agreed"
    r"(?:(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,2}\s+)?"
    r"(?:(?:on|in|by|at|during|from|since|as of|as early as|early|late|earlier|later)\s+"
    r"(?:on\s+|in\s+|the\s+)?)?$",
    re.IGNORECASE,
)
_FRONTED_AFTER = re.compile(r"(?:\s+(?:last|this|next)\s+(?:year|month|week))?\s*,", re.I)
FRONTED_DISTANCE = 5
# A headline: one line, no full stop at its end.
_HEADLINE = re.compile(r"[^\n]{3,200}(?<![.!?\"\u201d])")
# "PARIS - ", "MUSCAT \u2013 ", "EVIAN, France, Nov 14 (Reuters) - ": a dateline opening a story.
_DATELINE_START = re.compile(
    r"(?-i:[A-Z][A-Z.' -]{1,30}[A-Z])(?:,[^\n\-\u2013\u2014]{1,40})?\s*(?:\([^()\n]{1,30}\)\s*)?"
    r"(?:-{1,2}|\u2013|\u2014)\s"
)
_TRIP_PURPOSES = {"meeting", "summit", "agreement", "statement"}
_PURPOSE_LINK = re.compile(
    r"\b(?:to|for)\s+(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])[\w'.\u2019-]*\s+|\((?-i:[A-Z]+)\)\s+){0,5}"
    r"(?:[\w'-]+\s+){0,3}(?:rounds?\s+of\s+(?:[\w'-]+\s+)?)?$",
    re.IGNORECASE,
)  # "for the sixth round of negotiations", "for the Shanghai Cooperation Organisation summit"
# Decisions that exist once announced: the day of "said it would impose tariffs" is their date.
DECIDED_WHEN_ANNOUNCED = {"tariff", "sanctions"}


# "when" right after a date opens a clause about that very time: "before April 19, when Abe
# visits Washington", "toward early April when the Group of Seven meets".
_WHERE_AFTER_DATE = re.compile(
    r"\s*,\s*where\s+(?:he|she|they|the\s+two|both)\s+(?:also\s+)?(?:(?:held|hold|holds|will\s+hold|"
    r"met|meets|will\s+meet|signed|will\s+sign|attended|attends|will\s+attend)\s+(?:[\w-]+\s+){0,2})?",
    re.IGNORECASE,
)
_AS_AFTER_DATE = re.compile(
    r"\s*,\s*as\s+(?:[\w'\u2019-]+\s+){1,3}?(?:opened|began|started|met|gathered|convened|"
    r"held|wrapped\s+up|closed|ended)\s+(?:(?:the|a|an|their|its|his|her|[\w'\u2019-]+['\u2019]s?|"
    r"[\w-]+-day|two|three|four|annual|first|second)\s+){0,4}",
    re.IGNORECASE,
)
_AS_SUBJECT = re.compile(r"\s*,\s*as\s+(?:[\w'\u2019.-]+\s+){1,3}?", re.IGNORECASE)
_AS_VERB_TRIGGER = re.compile(
    r"met|gathered(?:\s+in)?|convened|held\s+talks|opened|signed|arrived(?:\s+in)?", re.IGNORECASE
)
_WHEN_OF_DATE = re.compile(r"\s*,?\s*when\s", re.IGNORECASE)


def _fronted(text: str, sentence_start: int, timex: Timex) -> bool:
    """Whether the date opens its sentence as an adverbial followed by a comma."""
    return bool(
        _FRONTED_BEFORE.match(text[sentence_start : timex.start])
        and _FRONTED_AFTER.match(text, timex.end)
    )


def trigger_distance(
    text: str, trigger: Trigger, timex: Timex, lexicon: EventLexicon, sentence_start: int
) -> int:
    """Tokens from trigger to date, with penalties for a clause break or a date before it."""
    if timex.start >= trigger.end:
        gap_start, gap_end, penalty = trigger.end, timex.start, 0
    else:
        gap_start, gap_end, penalty = timex.end, trigger.start, BEFORE_PENALTY
    if gap_end < gap_start:  # overlapping spans ("summit" inside a longer date phrase)
        return 0
    gap = text[gap_start:gap_end]
    aside = (
        _DASH_ASIDE.search(gap)
        or (_BROKER_ASIDE.search(gap) if " by" in gap or " By" in gap else None)
        or (_ORDINAL_ASIDE.search(gap) if "," in gap else None)
    )
    if aside is not None:
        # "The snap election—an early poll held before the term ends—conducted on
        # February 8", "The talks between Serbia and Kosovo, mediated by the EU's envoy,
        # ended on Monday": an aside between dashes, or who brokers the event between commas,
        # is skipped, not read as a break.
        gap = gap[: aside.start()] + " " + gap[aside.end() :]
    if (
        timex.start < trigger.start
        and not STRONG_BREAK.search(gap)
        and _fronted(text, sentence_start, timex)
    ):
        # "On Monday, X said he would visit ...": the opening date is the saying's, not the act's.
        said = lexicon.reporting.search(gap)
        reported_plan = said and lexicon.future.search(gap)
        # "On Sunday, Baker said the rise was not in keeping with the accords": a definite
        # event named after the saying is one known before it, not the day's
        reported_known = said and _DEFINITE_BEFORE.search(
            text, max(said.end(), trigger.start - 12), trigger.start
        )
        if not (reported_plan or reported_known) or trigger.type in DECIDED_WHEN_ANNOUNCED:
            return min(FRONTED_DISTANCE, len(WORD.findall(gap)) + penalty)
    if (
        timex.end <= trigger.start
        and "as" in gap
        and (
            _AS_AFTER_DATE.fullmatch(gap)
            or (
                _AS_SUBJECT.fullmatch(gap)
                and _AS_VERB_TRIGGER.fullmatch(text, trigger.start, trigger.end)
            )
        )
    ):
        # "became a member on Sunday, as leaders opened the bloc's summit", "joined NATO on
        # Sunday, as foreign ministers met": the as-clause happens at the date's moment
        return 1
    told = DAY_BY_OCCASION.match(text, trigger.end, trigger.end + DAY_BY_OCCASION_REACH)
    if told is not None and not trigger.end <= timex.start < told.start("day"):
        # "will meet the day before the conference opens": dated by that occasion, no date of
        # its own (events.py counts the day from the occasion's)
        return MAX_ATTACH_DISTANCE + 1
    if timex.start >= trigger.end and _OWN_RELATIVE_ACT.fullmatch(gap):
        # "the 25% tariffs that the United States was due to impose on Mexican goods today",
        # "the sanctions the EU adopted on Monday": the relative clause makes the event itself
        return min(len(WORD.findall(gap)), BEFORE_PENALTY)
    if timex.start >= trigger.end and _PHASE_RELATIVE.fullmatch(gap):
        # "talks that are due to begin the following day", "the summit, which opens on
        # Saturday": the clause tells when the event itself opens, as near as a date can be
        return 1
    if timex.start >= trigger.end and _PLANNED_FOR.fullmatch(gap):
        return min(len(WORD.findall(gap)), MAX_ATTACH_DISTANCE)  # the event's own plan
    if (
        trigger.type in DECIDED_WHEN_ANNOUNCED
        and timex.start >= trigger.end
        and ("since" in gap or "Since" in gap)
        and _IN_PLACE_SINCE.fullmatch(gap)
    ):
        # "a 30% tariff on South African goods has been in place since August", "has faced a
        # baseline tariff on its exports since April": the measure's own start
        return min(len(WORD.findall(gap)), MAX_ATTACH_DISTANCE)
    if (
        timex.start >= trigger.end
        and ("since" in gap or "Since" in gap)
        and (
            _ORDINAL_SINCE.search(gap)
            or (
                _SINCE_GAP.fullmatch(gap)
                and _FIRST_SINCE.search(
                    text, max(sentence_start, trigger.start - 40), trigger.start
                )
            )
        )
    ):
        # "the first such gathering since December 2019": the date is the last one's, and
        # the gathering named comes after it
        return MAX_ATTACH_DISTANCE + 1
    if timex.start >= trigger.end and _WHO_CLAUSE_OPEN.search(gap):
        # "a ceasefire deal between Thailand and Cambodia, whose border clashes in July
        # killed 48": the date is told of the person or country the clause is about
        return MAX_ATTACH_DISTANCE + 1
    if timex.start < trigger.start and _closed_relative(text, sentence_start, timex, gap):
        # "Putin, who will travel on to Beijing on Wednesday, attended the summit": a date
        # inside a relative clause between commas is that clause's, not the main clause's
        penalty += BREAK_PENALTY
    if (
        timex.start < trigger.start
        and trigger.type not in DECIDED_WHEN_ANNOUNCED  # deciding a penalty is the event
        and _TO_ACT.fullmatch(gap)
        and _DECIDED_BEFORE.search(text, max(sentence_start, timex.start - 30), timex.start)
    ):
        return MAX_ATTACH_DISTANCE + 1  # the deciding's date, never the planned act's
    if STRONG_BREAK.search(gap) or (
        timex.start < trigger.start and (_THAT_CLAUSE.match(gap) or _SAID_AFTER_DATE.match(gap))
    ):
        # "told the daily in an interview today that the talks ...": the date is the telling's
        penalty += BREAK_PENALTY
    elif timex.start >= trigger.end and _RELATIVE_OF_TRIGGER.match(gap):
        pass  # "the talks, which began March 9": the clause is about the event itself
    elif timex.end <= trigger.start and _WHEN_OF_DATE.match(gap):
        pass  # "until June, when the next OPEC meeting is due": the clause is the date's own
    elif timex.end <= trigger.start and _WHERE_AFTER_DATE.fullmatch(gap):
        pass  # "visited Moscow last week, where he held talks": the stay's date is the talks'

    elif lexicon.clause_breaks.search(gap):
        penalty += CLAUSE_PENALTY
    elif "," in _LIST_COMMA.sub(" ", gap):
        penalty += COMMA_PENALTY  # (a comma between names of a list is none: "of Japan,
        # China and South Korea will be held on March 20")
    if timex.end <= trigger.start and _AGREED_AFTER_DATE.fullmatch(gap):
        # "spoke by telephone on Saturday and the two agreed to meet": the date is the call's;
        # the meeting agreed on lies ahead, undated
        return MAX_ATTACH_DISTANCE + 1
    if trigger.type == "visit" and timex.end <= trigger.start and _AND_THEN.fullmatch(gap):
        # "will hold talks ... on March 3 and travel to Mumbai the next day": the date closes
        # the verb phrase before the "and"; the trip after it has its own
        penalty += CLAUSE_PENALTY
    distance = len(WORD.findall(gap)) + penalty
    if timex.end <= trigger.start and possessive_phrase(text, timex.end, trigger.start):
        return min(distance, MAX_ATTACH_DISTANCE)  # the head of the date's noun phrase
    when = (
        _WHEN_OF_DATE.match(gap)
        if timex.end <= trigger.start and ("when" in gap or "When" in gap)
        else None
    )
    if when and _PARTY_LIST.fullmatch(gap, when.end()):
        # "since December 2019, when President Moon, Premier Li and Prime Minister Abe met":
        # the clause is the date's own, its subject a list of the parties however long
        return min(distance, MAX_ATTACH_DISTANCE)
    if timex.start >= trigger.end and (
        any(pattern.fullmatch(gap) for pattern in (_PARTY_LIST, _OBJECT_PHRASE, _BESIDE_PHRASE))
        or (
            _DELIBERATING.search(text, trigger.start, trigger.end)
            and _WHAT_IS_DISCUSSED.fullmatch(gap)
        )
    ):
        # "a meeting between U.S. Treasury Secretary James Baker and West German Finance
        # Minister Gerhard Stoltenberg on Monday": a list of the parties is the event's own
        # phrase, however long, and so is a clause saying when it opens ("the G20 summit, the
        # first held in Africa, which opens at the Nasrec Expo Centre on Saturday"); it still
        # yields to a nearer trigger
        return min(distance, MAX_ATTACH_DISTANCE)
    return distance


_IN_PLACE_SINCE = re.compile(
    r"(?:\s+(?!(?:and|but|which|that|who|when|while)\b)[\w'.%$\u2019-]+){0,10}?"
    r"(?:\s+(?:has|have|had)\s+been\s+in\s+(?:place|force|effect))?\s+since\s+",
    re.IGNORECASE,
)
_SINCE_GAP = re.compile(r"\s+(?:[\w'\u2019-]+\s+){0,6}?since\s+(?:early\s+|late\s+|mid-?)?", re.I)
# "the summit in Hanoi, the first since December 2019": the ordinal told after the event
_ORDINAL_SINCE = re.compile(
    r",\s*(?:the|its|his|her|their)\s+(?:first|second|third|only|latest)\b[^,;:()]{0,60}?"
    r"\bsince\s+(?:early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)
_FIRST_SINCE = re.compile(
    r"\b(?:first|only|second|third|latest)\s+(?:[\w'\u2019-]+\s+){0,3}$", re.IGNORECASE
)


# A person's relative clause still open at the end of a span (only a person's: "the trip, which
# runs from April 26 to 29, ..." frames what follows).
_WHO_CLAUSE_OPEN = re.compile(r",\s+(?:who|whose)\s+[^,;:()]*$", re.IGNORECASE)


# A comma inside a list of names: one followed by a name that another comma or "and" follows.
_LIST_COMMA = re.compile(
    r"(?<=[\w.])\s*,\s*(?=(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,2}"
    r"\s*(?:,|\s+and\s))"
)


def _closed_relative(text: str, sentence_start: int, timex: Timex, gap: str) -> bool:
    """Whether the date sits in a person's relative clause (", who ... ,") that closes before
    the trigger after it."""
    if "," not in gap:
        return False
    low = max(sentence_start, timex.start - 120)
    return bool(
        _WHO_CLAUSE_OPEN.search(text, low, timex.start)
        or _WHICH_OF_A_NAME.search(text, low, timex.start)
    )


# A relative clause about a named country or body: "The United States, which takes over the G20
# presidency next month, is boycotting the summit" (not about an event noun before it).
_WHICH_OF_A_NAME = re.compile(
    # (a name that is no place a trip or an event is at: "his trip to Washington, which runs")
    r"(?<!\bto\s)(?<!\bin\s)(?<!\bat\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bfrom\s)(?<!\bon\s)"
    r"(?<![\w.'\u2019-])(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*)*,\s+which\s+"
    r"[^,;:()]*$"
)


def _anchor_only(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """ "since the Paris agreement": an event used as a time anchor takes only an adjacent date.

    A clause is no anchor: in "after Trump met Putin in Alaska on Friday" the date is the
    meeting's own.
    """
    anchor = _TIME_ANCHOR.search(text, max(sentence.start, trigger.start - 40), trigger.start)
    if anchor is None:
        return False
    if any(t.start <= anchor.start() < t.end for t in sentence.timexes):
        return False  # "two weeks to go before the U.S. imposes tariffs": a countdown's end
    if _JUST_BEFORE.match(anchor.group(0)) and in_caption(text, trigger.start):
        return False  # a photo "ahead of their talks in Paris, June 10": the talks' own day
    return not _CLAUSE_SUBJECT.match(text, anchor.end(1), trigger.end)


ANCHOR_PHRASE_REACH = 8  # words of an anchoring event's own phrase before its date
PARTY_PHRASE_REACH = 14  # the same when the phrase names who takes part ("of ministers from")
_WHO_MET = re.compile(r"\s+(?:of|between|among|with)\s", re.IGNORECASE)
_OTHER_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|said|says)\b", re.I)


# A relative clause telling when the event itself began or ended: "after negotiations that
# ended earlier today", "after the two-day elections, which ended yesterday".
_PHASE_RELATIVE = re.compile(
    r"(?:['\u2019]s?)?(?:\s+(?:between|with|of|among)\s[^,;()]{1,60}?)?"
    # an apposition before the clause: "the G20 summit, the first to be held in Africa, which"
    r"(?:\s*,\s*(?:the|a|an)\s[^,;()]{1,60}?)?\s*,?\s*(?:which|that)\s+"
    r"(?:(?:was|were|had|has|have|will|would|is|are|(?:is|are)\s+to"
    r"|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|slated)\s+to)\s+)?"
    r"(?:began|begun|ended|opened|closed|concluded|started|finished|broke\s+up|wound\s+up"
    r"|ends|begins|opens|closes|starts|open|begin|start|took\s+place|(?:was|were)\s+held)\s+"
    r"(?:(?:here|there|late|(?:in|at)\s+(?:the\s+)?(?-i:[A-Z][\w.'-]*)"
    r"(?:\s+(?-i:[A-Z][\w.'-]*)){0,3})\s+)?"
    r"(?:on\s+)?",
    re.IGNORECASE,
)


def _own_phrase(text: str, gap: tuple[int, int], after: bool, lexicon: EventLexicon) -> bool:
    """Whether a date after an event used as a time anchor still lies in that event's own
    phrase: "after a meeting of trade officials yesterday", "ahead of her visit to Moscow next
    week", "following an agreement reached in January" (no comma, clause or other verb
    between; "since the accord, prices fell last week" dates the prices), or in a relative
    clause saying when it began or ended ("after talks that ended earlier today")."""
    if after and _PHASE_RELATIVE.fullmatch(text, *gap):
        return True
    if not after:
        return False
    between = text[gap[0] : gap[1]]
    # "ahead of the meeting of finance ministers from the Group of Five industrial countries
    # and Canada on February 22": who met is the event's own phrase, however long
    reach = PARTY_PHRASE_REACH if _WHO_MET.match(between) else ANCHOR_PHRASE_REACH
    if tokens_between(text, *gap) > reach:
        return False
    return not (
        "," in between
        or STRONG_BREAK.search(between)
        or lexicon.clause_breaks.search(between)
        or lexicon.reporting.search(between)
        or _OTHER_VERB.search(between)
    )


def reporting_date(text: str, sentence: Sentence, timex: Timex, lexicon: EventLexicon) -> bool:
    """A date right after "said"/"told reporters" dates the report, not the event; a
    possessive date owns what follows ("said yesterday's G-7 statement ...")."""
    if _POSSESSIVE.match(text, timex.end):
        return False
    window = text[max(sentence.start, timex.start - 40) : timex.start]
    matches = list(lexicon.reporting.finditer(window))
    if not matches:
        return False
    tail = window[matches[-1].end() :]
    if _NOT_REPORT_TAIL.search(tail) or lexicon.clause_breaks.search(tail):
        return False  # "said the conference, which began Thursday": the clause's own date
    if _WHEN_OF_DATE.match(text, timex.end):
        return False  # "will be explained this week when Miyazawa visits": the visit's week
    if _owns_a_trigger(text, sentence, timex, tail):
        return False
    # "said the talks, starting on April 14": an event named between the verb and the date
    # is what the date follows, not the saying.
    return len(WORD.findall(tail)) <= 4 and not any(
        t.start >= timex.start - len(tail) and t.end <= timex.start for t in sentence.triggers
    )


# A past-tense act right after a date: "said the government and IMF this week agreed".
_ACT_VERB = re.compile(r"(?:\w+ed|met|signs|meets|agrees)", re.IGNORECASE)
_PREMODIFIER_REACH = 3  # words from a date to the trigger noun it premodifies
_WORDS_ONLY = re.compile(r"[\s\w'\u2019-]*")


def _owns_a_trigger(text: str, sentence: Sentence, timex: Timex, tail: str) -> bool:
    """Whether a date after a reporting verb dates a trigger of its own clause, not the
    report: a premodifier of a trigger noun ("said the February 22 Louvre accord") or the
    time of a subject's act ("said the government and IMF this week agreed")."""
    for trigger in sentence.triggers:
        if trigger.start < timex.end or not _WORDS_ONLY.fullmatch(text, timex.end, trigger.start):
            continue
        words = tokens_between(text, timex.end, trigger.start)
        if words <= _PREMODIFIER_REACH and attributive(text, timex.start, timex.end):
            return True
        if (
            words == 0
            and WORD.search(tail)
            and _ACT_VERB.fullmatch(text, trigger.start, trigger.end)
        ):
            return True
    return False


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "in April or May", "late April or early May": the article leaves the month open.
_OR_MONTH_AFTER = re.compile(r"\s+or\s+(?:early\s+|late\s+|mid-?\s*)?" + _MONTH + r"(?!\w)")
_OR_MONTH_BEFORE = re.compile(_MONTH + r"\s+or\s+(?:early\s+|late\s+|mid-?\s*)?$")


def _either_month(text: str, timex: Timex) -> bool:
    """Whether a month is one of two the article offers, which fixes neither (SPEC: dated
    means fixed to at least the month)."""
    if len(timex.value) != 7:
        return False
    return bool(
        _OR_MONTH_AFTER.match(text, timex.end)
        or _OR_MONTH_BEFORE.search(text, max(0, timex.start - 30), timex.start)
    )


def sentence_dates(
    text: str, sentence: Sentence, lexicon: EventLexicon
) -> list[tuple[Timex, EventDate, bool]]:
    """The event dates a sentence names, each with whether it only dates a report."""
    found = []
    for timex in sentence.timexes:
        when = event_date_from_timex(timex)
        if when is not None and not _either_month(text, timex):
            found.append((timex, when, reporting_date(text, sentence, timex, lexicon)))
    return found


def attach_dates(
    text: str, sentence: Sentence, lexicon: EventLexicon
) -> dict[int, tuple[EventDate, Timex]]:
    """Each trigger's date (and the expression giving it): the nearest usable date of its
    clause, shared with closer triggers."""
    named = sentence_dates(text, sentence, lexicon)
    usable = [(timex, when) for timex, when, _ in named]
    # "said on Monday" dates a report, not talks; but a tariff announced is a tariff decided.
    reported = {id(timex) for timex, _, is_report in named if is_report}

    def may_use(trigger: Trigger, timex: Timex) -> bool:
        # "The deal was announced on Tuesday": an accord announced is dated by the announcing
        return (
            id(timex) not in reported
            or trigger.type in DECIDED_WHEN_ANNOUNCED
            or (
                trigger.type == "agreement" and bool(_ANNOUNCED_AS_SUBJECT.match(text, trigger.end))
            )
        )

    distances: dict[tuple[int, int], int] = {}

    def distance_of(trigger: Trigger, timex: Timex) -> int:
        # each pair is asked for up to four times below; a run-on sentence has hundreds
        key = (id(trigger), id(timex))
        if key not in distances:
            distances[key] = trigger_distance(text, trigger, timex, lexicon, sentence.start)
        return distances[key]

    undated_numbers = [
        t for t in sentence.timexes if t.value[:1].isdigit() and event_date_from_timex(t) is None
    ]
    for trigger in sentence.triggers:
        trigger.year_dated = any(distance_of(trigger, t) <= 4 for t in undated_numbers)
    if not usable or not sentence.triggers:
        return {}
    starts = sorted(t.start for t in sentence.timexes)

    def in_reach(trigger: Trigger, timex: Timex) -> bool:
        # Every date between a trigger and a date is a word between them: past
        # MAX_ATTACH_DISTANCE of them the date is out of reach whatever else stands there
        # (this keeps a sentence of nothing but dates and event words linear in its length).
        low, high = sorted((trigger.start, timex.start))
        return bisect_left(starts, high) - bisect_right(starts, low) <= MAX_ATTACH_DISTANCE

    # The topic of talks named before it ("talks on a ceasefire") does not compete with them,
    # nor a penalty's agreeing with the penalty.
    topics = {
        id(other)
        for other in sentence.triggers
        if any(_topic_of_talks(text, t, other) for t in sentence.triggers)
        or agreed_penalty(text, other)
    }
    best_for_timex = {
        id(timex): min(
            (
                distance_of(t, timex)
                for t in sentence.triggers
                if may_use(t, timex) and id(t) not in topics and in_reach(t, timex)
            ),
            default=MAX_ATTACH_DISTANCE + 1,
        )
        for timex, _ in usable
    }
    result: dict[int, tuple[EventDate, Timex]] = {}
    for trigger in sentence.triggers:
        if _named_by_its_year(text, sentence, trigger):
            continue  # "adherence to the 1986 chip pact yesterday": that pact is 1986's
        options = []
        anchor = _anchor_only(text, sentence, trigger)
        named_year = _gathering_year(text, sentence, trigger)
        for position, (timex, when) in enumerate(usable):
            if not may_use(trigger, timex) or not in_reach(trigger, timex):
                continue
            if named_year and when.value[:4] != named_year:
                continue  # "takes over on Dec. 1 and will host the 2026 summit"
            distance = distance_of(trigger, timex)
            gap = (
                (trigger.end, timex.start)
                if timex.start >= trigger.end
                else (timex.end, trigger.start)
            )
            if (
                anchor
                and tokens_between(text, *gap) > 1
                and not _possessive_date(text, gap)
                and not _own_phrase(text, gap, timex.start >= trigger.end, lexicon)
            ):
                continue
            if timex.end <= trigger.start and _owned_by_another(text, timex, trigger):
                continue  # "The Monday announcement followed two days of talks"
            if (
                timex.start >= trigger.end
                and _ANCHOR_BEFORE_DATE.fullmatch(text, trigger.end, timex.start)
                and any(
                    other.start >= timex.end and _possessive_date(text, (timex.end, other.start))
                    for other in sentence.triggers
                )
            ):
                continue  # "held talks ahead of next week's summit": the summit's week
            if (
                timex.start >= trigger.end
                and _ACT_NOUN_BEFORE.search(text, trigger.end, timex.start)
                and _INFINITIVE.search(text, trigger.end, timex.start)
            ):
                continue  # "his trip to the U.S. to explain Brazil's decision last month"
            if (
                timex.end <= trigger.start
                and _POSSESSIVE_GAP.fullmatch(text, *gap)
                and not any(gap[0] <= t.start < gap[1] for t, _ in usable)
            ):
                distance = 0  # "under today's agreement, which runs until 1990": its own day
            if timex.start >= trigger.end and _measure_start(text, trigger, timex):
                continue  # "agreed to reintroduce fixed prices from February 1"
            if (
                timex.start >= trigger.end
                and trigger.type != "agreement"
                and names_an_accord(text, timex.start, timex.end)
            ):
                continue  # "will meet to discuss their February pact": the month is the pact's
            if trigger.type == "agreement" and _deadline_date(text, timex):
                continue  # "aiming for a pact by next October": a target, not a date of it
            if (
                timex.start >= trigger.end
                and trigger.type in TALK_KINDS
                and _DEAL_DEADLINE.search(text, trigger.end, timex.start)
            ):
                continue  # "resume negotiations with a view to reaching a deal by July 21"
            if timex.end <= trigger.start and _PURPOSE_AFTER_DATE.fullmatch(
                text, timex.end, trigger.start
            ):
                continue  # "scrapped the tax on Sunday in a bid to restart negotiations"
            if any(
                other.type != trigger.type
                and gap[0] <= other.start
                and other.end <= gap[1]
                and not purpose_of(text, trigger, other)
                and not _summits_head(text, trigger, other)
                and not _a_setting(text, trigger, other)
                and not _during_trip(text, other)
                and not _topic_of_talks(text, trigger, other)
                and not agreed_penalty(text, other)
                for other in sentence.triggers
            ):
                continue  # a trigger of another kind stands between: the date is its own
            trip_date = any(
                (
                    purpose_of(text, trip, trigger)
                    or (
                        gap[0] <= trip.start
                        and trip.end <= gap[1]
                        and (_during_trip(text, trip) or _a_setting(text, trigger, trip))
                    )
                )
                and distance_of(trip, timex) == best_for_timex[id(timex)]
                for trip in sentence.triggers
            ) or any(
                # "will travel to Tianjin for the Shanghai Cooperation Organisation summit on
                # Aug. 31": the trip takes the date of the gathering it is made for
                purpose_of(text, trigger, purpose)
                and purpose.start < timex.start
                and distance_of(purpose, timex) == best_for_timex[id(timex)]
                for purpose in sentence.triggers
            )
            if distance <= MAX_ATTACH_DISTANCE and (
                distance <= best_for_timex[id(timex)] + COMPETITION_SLACK or trip_date
            ):
                options.append((distance, position, timex, when))
        if not options:
            announced = _announcing_date(text, sentence, trigger, usable, lexicon)
            if announced is None:
                continue
            options.append(announced)
        options.sort(key=lambda o: (o[0] + _other_conjunct(text, trigger, o[2]), o[1]))
        _, position, timex, when = options[0]
        while (
            timex.end <= trigger.start
            and position > 0
            and _COORDINATED.match(text[usable[position - 1][0].end : timex.start])
            and (
                not text[timex.end : trigger.start].strip()
                or _day_before(usable[position - 1][1], when)
            )
        ):
            # "the Thursday and Friday talks": the pair's first day, the rest joined to it
            position -= 1
            timex, when = usable[position]
        if position > 0 and _span_end(text, usable[position - 1][0], timex):
            position -= 1  # "from Monday to Wednesday for talks": the stretch, from its first day
            timex, when = usable[position]
        when = _with_duration(text, sentence, trigger, timex, when)
        when = _weekend_of_two_days(text, sentence, trigger, timex, when)
        if _departure_purpose(text, sentence, trigger, timex):
            when = _month_of(when)
        when = _began_and_ended(text, sentence, usable, position, when)
        when = _day_to_day(text, usable, position, when)
        when, extra = _consecutive_span(when, _coordinated_dates(text, usable, position))
        extra += [
            other
            for t, other in usable
            if t.start >= trigger.end
            and _measure_start(text, trigger, t)
            and other.value[:10] > when.value[:10]
            and other not in extra
        ][:1]  # "agreed in December to abide by fixed prices from February 1": in force then
        if trigger.type in DECIDED_WHEN_ANNOUNCED:
            # "ordered a 50% tariff on Brazilian goods on Wednesday, effective Aug. 6": decided
            # on Wednesday, in force from Aug. 6
            extra += [
                other
                for t, other in usable
                if t.start >= trigger.end
                and t is not timex
                and other.value[:10] > when.value[:10]
                and _EFFECTIVE_BEFORE.search(text, max(trigger.end, t.start - 25), t.start)
                and tokens_between(text, trigger.end, t.start) <= EFFECTIVE_REACH
                and other not in extra
            ][:1]
            # "will face 50% tariffs from 1 June, Trump warned on Friday": decided on Friday
            extra += [
                other
                for t, other in usable
                if id(t) in reported
                and t is not timex
                and other.precision == "day"
                and other.value[:10] < when.value[:10]
                and other not in extra
            ][:1]
            # "Trump on Monday told Japan that their goods would face 25% tariffs starting
            # Aug. 1": the telling's day, before the that-clause, decided them
            extra += [
                other
                for t, other in usable
                if t.end <= trigger.start
                and t is not timex
                and other.precision == "day"
                and other.value[:10] < when.value[:10]
                and _TOLD_AFTER_DATE.match(text, t.end)
                and _THAT_WORD.search(text, t.end, trigger.start)
                and other not in extra
            ][:1]
        if extra:
            when = EventDate(when.value, when.end_date, when.precision, extra=tuple(extra))
        result[id(trigger)] = (when, timex)
    for trigger in sentence.triggers:
        if id(trigger) in result:
            continue
        source = next(
            (d for d in sentence.triggers if id(d) in result and _shares_date(text, d, trigger)),
            None,
        )
        if source is not None:
            result[id(trigger)] = result[id(source)]
    return result


# "preparing to depart for the Venice summit on Wednesday", "the departure later today of a
# delegation for Washington for talks". A past departure ("left Tuesday for consultations")
# is under way, and its talks keep the day.
_DEPARTURE_FOR = re.compile(
    r"\b(?:depart(?:s|ing|ure)?|leav(?:e|es|ing))\s+(?:[^.;:]{0,50}?\s)?for\s+"
    r"[^.;:]{0,60}?$",
    re.IGNORECASE,
)
# "the conference, which starts June 25": the gathering's own date follows.
_OWN_CLAUSE = re.compile(r"\b(?:which|that|starting|opening|begins?|starts?|opens?)\b", re.I)
DEPARTURE_REACH = 120  # characters before the gathering searched for the departure


# "leave Friday for Zurich after meeting Stoltenberg": a gathering told as another time.
_NOT_PURPOSE = re.compile(r"\b(?:after|before|following|since|when|while|until)\b", re.I)


def departs_for(text: str, sentence: Sentence, trigger: Trigger) -> re.Match[str] | None:
    """The phrase of a departure still to come whose purpose ``trigger`` (a meeting or summit)
    is: "preparing to depart for the Venice summit", "leaves Monday for Ottawa for talks"."""
    if trigger.type not in ("meeting", "summit"):
        return None
    low = max(sentence.start, trigger.start - DEPARTURE_REACH)
    departure = _DEPARTURE_FOR.search(text, low, trigger.start)
    if (
        departure is None
        or _NOT_PURPOSE.search(text, departure.start(), trigger.start)
        or any(
            departure.start() <= other.start < trigger.start
            for other in sentence.triggers
            if other is not trigger and other.type != "visit"
        )
    ):
        return None
    return departure


def _departure_purpose(text: str, sentence: Sentence, trigger: Trigger, timex: Timex) -> bool:
    """Whether ``trigger`` is a meeting or summit someone is to depart for and ``timex`` dates
    the departure ("leaves for Washington on April 29 for talks", "to depart for the summit on
    Wednesday"): the gathering follows it at a day the text leaves open, so it keeps only the
    departure's month (SPEC: no day the text does not give). A date of the gathering's own
    ("to attend yesterday's meetings", "which starts June 25") is not the departure's."""
    departure = departs_for(text, sentence, trigger)
    if departure is None:
        return False
    if timex.start >= trigger.end:
        return tokens_between(text, trigger.end, timex.start) <= 1 and not _OWN_CLAUSE.search(
            text, trigger.end, timex.start
        )
    return timex.start >= departure.start() and bool(_FOR.search(text, timex.end, trigger.start))


_FOR = re.compile(r"\bfor\b", re.IGNORECASE)


def _month_of(when: EventDate) -> EventDate:
    """The month of a date given to the day or the hour. A week stays: talks the week someone
    leaves in are most likely that week's."""
    return EventDate(when.value[:7]) if when.precision in ("day", "time") else when


def _shares_date(text: str, dated: Trigger, undated: Trigger) -> bool:
    """Whether an undated trigger takes the day of a dated one beside it: the tariff an accord
    settles ("an agreement to cut tariffs"), the accord a dated meeting made ("last month's G-6
    meeting agreed to"), the meeting that adopted a dated declaration ("the summit adopted a
    declaration on Saturday")."""
    return (
        _deal_on(text, dated, undated)
        or _gathering_agreed(text, dated, undated)
        or _gathering_yields(text, undated, dated)
        or _gathering_yields(text, dated, undated)  # "ministers meeting on Monday adopted"
    )


_AGREE_VERB = re.compile(r"agree(?:d|s)?", re.IGNORECASE)
_FROM_AFTER_TO = re.compile(
    r"\s+(?:[\w,.'-]+\s+){0,4}?to\s+[^;:]*?\b(?:from|effective|starting|beginning|as\s+of|with\s+effect\s+from)"
    r"\s+(?:on\s+|the\s+)?$",
    re.IGNORECASE,
)


# "by next October", "by the end of March": the latest day for something, not its day.
_BY_BEFORE = re.compile(
    r"\bby\s+(?:(?:the\s+)?(?:end|middle|beginning|start|close)\s+of\s+)?$", re.IGNORECASE
)
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\b")


# The deal talks aim at, with its deadline: the date is the deal's target, not the talks'.
_DEAL_DEADLINE = re.compile(
    r"\b(?:reach(?:ing)?|strik(?:e|ing)|conclud(?:e|ing)|clinch(?:ing)?|seal(?:ing)?|"
    r"secur(?:e|ing)|finali[sz](?:e|ing)|agree(?:ing)?\s+on)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:deal|agreement|accord|pact|treaty)\s+(?:by|before|no\s+later\s+than)\s+$",
    re.IGNORECASE,
)
# An act done on a date for the sake of later talks: "in a bid to restart negotiations".
_PURPOSE_AFTER_DATE = re.compile(
    r"\s*,?\s*(?:(?:in\s+(?:a|an)\s+(?:bid|effort|attempt|move)|in\s+order|so\s+as|seeking|"
    r"aiming|hoping)\s+to\s+(?:[\w-]+\s+){0,3}"
    # what the dated act opens the way to comes later: "collapsed on Tuesday, paving the way
    # for elections in the autumn", "resigned on Friday, triggering a snap election"
    r"|(?:paving|clearing|opening)\s+the\s+way\s+(?:for|to)\s+(?:[\w-]+\s+){0,3}"
    r"|setting\s+the\s+stage\s+for\s+(?:[\w-]+\s+){0,3}"
    # what the dated act prepares for lies later: "will meet on Friday to prepare for the
    # leaders' gathering", "met on Monday ahead of the summit"
    r"|(?:to\s+prepare|in\s+preparation|preparing)\s+for\s+(?:[\w'\u2019-]+\s+){0,3}"
    r"|ahead\s+of\s+(?:[\w'\u2019-]+\s+){0,3}"
    r"|(?:triggering|forcing|prompting|necessitating)\s+(?:[\w-]+\s+){0,3})",
    re.IGNORECASE,
)


def _deadline_date(text: str, timex: Timex) -> bool:
    """Whether a date is a deadline ("wants agreement by December", "they are aiming for a pact
    by next October", "payments due by May 31"): an accord only aimed at is no accord event
    (SPEC counts deadlines for tariff decisions only). "strengthened by Monday's meeting" is
    an agent, not a deadline."""
    if _POSSESSIVE_AFTER.match(text, timex.end):
        return False
    return bool(_BY_BEFORE.search(text, max(0, timex.start - 30), timex.start))


# The day a decided penalty comes into force, named after it: "effective Aug. 6", "starting
# March 4", "which takes effect on Friday".
_EFFECTIVE_BEFORE = re.compile(
    r"\b(?:effective|starting|beginning|as\s+of|tak(?:e|es|ing)\s+effect|in\s+force\s+from)"
    r"\s+(?:from\s+|on\s+)?$",
    re.IGNORECASE,
)
EFFECTIVE_REACH = 16  # words from a penalty to the day it comes into force


def _measure_start(text: str, trigger: Trigger, timex: Timex) -> bool:
    """Whether a date after "agreed to ..." is when the agreed measure starts ("agreed to
    cut duties from July 1"), not when the agreeing happened."""
    return bool(
        _AGREE_VERB.fullmatch(text, trigger.start, trigger.end)
        and _FROM_AFTER_TO.fullmatch(text, trigger.end, timex.start)
    )


# "named at a convention on October 30 and elected prime minister on November 6": an "and"
# right after a date opens the next conjunct, which the date does not reach.
_CONJUNCT_AFTER_DATE = re.compile(r"\s*,?\s*(?:and|but)\s", re.IGNORECASE)


def _other_conjunct(text: str, trigger: Trigger, timex: Timex) -> int:
    """A penalty for a date that closes the conjunct before the trigger's: it dates that one,
    so a date inside the trigger's own conjunct is preferred (alone, it may still serve)."""
    if timex.end > trigger.start or not _CONJUNCT_AFTER_DATE.match(text, timex.end):
        return 0
    return BREAK_PENALTY


_YEAR_IN_NAME = re.compile(r"(?:\bthe|\bits|\btheir|['\u2019]s?)\s+$", re.IGNORECASE)
_NAME_GAP = re.compile(r"\s+(?:[\w.'\u2019-]+\s+){0,4}")
_ACCORD_NOUN = re.compile(
    r"(?:agreements?|accords?|pacts?|treat(?:y|ies)|memorand\w*|armistice|truce|ceasefire|"
    r"cease-fire|deal)$",
    re.IGNORECASE,
)
# "its six-month-old price and output pact": an accord named by its age.
_AGED = re.compile(r"\b[\w-]+-(?:day|week|month|year)-old\s+(?:[\w.'/-]+\s+){0,3}$", re.IGNORECASE)


def _named_by_its_year(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether an accord is named by the year it was made ("the 1986 chip pact", "its 1978
    treaty") or by its age ("its six-month-old pact"): a known accord, whose own date is
    that time; another date of the sentence is what is done with it, not when it was made."""
    if trigger.type != "agreement" or not _ACCORD_NOUN.search(text, trigger.start, trigger.end):
        return False
    if _AGED.search(text, max(sentence.start, trigger.start - 50), trigger.start):
        return True
    return _naming_year(text, sentence, trigger) is not None


def _naming_year(text: str, sentence: Sentence, trigger: Trigger) -> str | None:
    """The year that names the trigger's noun ("the 1986 chip pact", "the 2026 summit")."""
    for timex in sentence.timexes:
        if (
            timex.end <= trigger.start
            and len(timex.value) == 4
            and timex.value.isdigit()
            and _YEAR_IN_NAME.search(text, max(sentence.start, timex.start - 8), timex.start)
            and _NAME_GAP.fullmatch(text, timex.end, trigger.start)
        ):
            return timex.value
    return None


_GATHERINGS = frozenset({"summit", "meeting", "election"})


def _gathering_year(text: str, sentence: Sentence, trigger: Trigger) -> str | None:
    """The year a gathering is named by ("will host the 2026 summit", "the 1988 elections"):
    a date of another year in its sentence is not its date."""
    return _naming_year(text, sentence, trigger) if trigger.type in _GATHERINGS else None


# A date right after another act's noun is that act's when an infinitive governs the noun:
# "to explain Brazil's decision last month" (not "to review Kenya's request next week", where
# the noun is the trigger's own object).
_ACT_NOUN_BEFORE = re.compile(
    r"\b(?:decision|announcement|ruling|decree|order|proposal|request|warning|pledge|speech|"
    r"remarks|comments|report|move|offer|threat)s?\s+(?:on\s+|in\s+|of\s+)?$",
    re.IGNORECASE,
)
# An infinitive: the noun after it is its object, not the trigger's ("to explain ...").
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|his|her|its|their|be)\b)[a-z]+\b")
_OWNED_BY = re.compile(r"(?:['\u2019]s)?\s+([A-Za-z][\w-]*)")
_DEADLINES = frozenset(["deadline", "deadlines", "target", "date", "ultimatum", "cutoff"])
_OWNER_REACH = 4  # words from a date to the trigger it may own ("Monday's EU farm summit")


def _owned_by_another(text: str, timex: Timex, trigger: Trigger) -> bool:
    """Whether a date before the trigger belongs to another noun it modifies: "The Monday
    announcement", "Tuesday's vote" own their date, unless the trigger is that noun phrase's
    head, a few words on ("Monday's EU summit", "the February 22 Paris accord")."""
    owned = _POSSESSIVE.match(text, timex.end) or attributive(text, timex.start, timex.end)
    noun = _OWNED_BY.match(text, timex.end)
    if not owned or (noun is not None and noun.group(1).lower() in _DEADLINES):
        return False  # "the April 17 deadline set for the tariffs": the deadline is theirs
    if possessive_phrase(text, timex.end, trigger.start):
        return False  # "tomorrow's crucial Group of Five and Group of Seven meetings"
    return tokens_between(text, timex.end, trigger.start) > _OWNER_REACH or bool(
        re.search(
            r"[,;:(]|\b(?:followed|after|before|and|but|as|when|which|that)\b",
            text[timex.end : trigger.start],
        )
    )


def _possessive_date(text: str, gap: tuple[int, int]) -> bool:
    """A date owning the event named right after it: "after yesterday's G-7 meeting", or at
    the head of a longer noun phrase ("tomorrow's crucial Group of Five and Group of Seven
    meetings")."""
    return bool(_POSSESSIVE_GAP.fullmatch(text, *gap)) or possessive_phrase(text, *gap)


# The words a date's possessive noun phrase runs through to its head: "this week's
# semi-annual IMF and World Bank meetings" (names joined by "and", modifiers; no verb, no
# comma, no clause word: "today's negotiations did not produce a final agreement" stops at
# "negotiations").
_POSSESSIVE_NP = re.compile(
    r"['\u2019]s?\s+(?:(?:and(?=\s+(?-i:[A-Z]))|(?!(?:is|are|was|were|be|been|has|have|had|do"
    r"|does|did|will|would|could|should|may|might|must|can|not|said|says|that|which|who|when"
    r"|as|but|or|to|than|and|by|from|with)\b)[\w.'\u2019/-]+)\s+){0,8}",
    re.IGNORECASE,
)


def possessive_phrase(text: str, end: int, head: int) -> bool:
    """Whether the text from a date's end to ``head`` is the date's possessive noun phrase."""
    return head > end and bool(_POSSESSIVE_NP.fullmatch(text, end, head))


_DURING = re.compile(
    r"\bduring\s+(?:(?:his|her|their|the|a|an|this|its|that)\s+)?(?:[\w'\u2019.-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _during_trip(text: str, trip: Trigger) -> bool:
    """Whether ``trip`` is a visit named as the time of another act ("to meet bankers during
    his trip to Washington on Friday", "the accord reached during a visit to Moscow last
    week"): the trip's date is the act's too, so the trip does not stand between them."""
    return trip.type == "visit" and bool(_DURING.search(text, max(0, trip.start - 40), trip.start))


# "met on the sidelines of the G20 summit", "talks at this week's NATO summit": a gathering
# named as the setting of another act.
_SETTING = re.compile(
    r"\b(?:(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)\s+of|at|after)\s+"
    r"(?:the|this\s+week's|this\s+year's|an?|its|their)\s+(?:[\w'.\u2019-]+\s+){0,5}$",
    re.IGNORECASE,
)
SETTING_REACH = 80  # characters from the setting phrase's start to the gathering's noun


def _a_setting(text: str, act: Trigger, gathering: Trigger) -> bool:
    """Whether ``gathering`` is the occasion ``act`` happened at ("Carney met Modi on the
    sidelines of the G7 summit on Friday"): one day, so the gathering does not stand between
    the act and the date after it."""
    return (
        gathering.type in ("summit", "meeting")
        and gathering.start >= act.end
        and bool(
            _SETTING.search(text, max(act.end, gathering.start - SETTING_REACH), gathering.start)
        )
    )


def _summits_head(text: str, summit: Trigger, head: Trigger) -> bool:
    """Whether ``head`` is the noun "summit" premodifies ("a summit meeting on June 29", "summit
    talks in May"): one occasion, so the date after the head is the summit's too."""
    return (
        summit.type == "summit"
        and head.type == "meeting"
        and head.start >= summit.end
        and not text[summit.end : head.start].strip()
    )


def purpose_of(text: str, trip: Trigger, other: Trigger) -> bool:
    """Whether ``other`` is the purpose of a trip: "flew to Moscow to meet Putin on Friday".

    The trip and the talks it was made for share their date.
    """
    if trip.type != "visit" or other.type not in _TRIP_PURPOSES or other.start < trip.end:
        return False
    if _TO_OR_FOR_END.search(text, trip.start, trip.end) and _GATHERING_NAME.fullmatch(
        text, trip.end, other.start
    ):
        return True  # "to depart for the Venice economic summit on Wednesday": its destination
    return bool(_PURPOSE_LINK.search(text, trip.end, other.start))


_TO_OR_FOR_END = re.compile(r"\b(?:to|for)$", re.IGNORECASE)
# The words naming a gathering between "for"/"to" and its noun: "the Venice economic", "the
# G20", "this week's APEC leaders'".
_GATHERING_NAME = re.compile(
    r"\s+(?:the|a|an|this\s+(?:week|month|year)['\u2019]s|next\s+(?:week|month)['\u2019]s)\s+"
    r"(?:[\w.'\u2019-]+\s+){0,3}",
    re.IGNORECASE,
)


# "talks between Israel and Hamas on a ceasefire resumed on Sunday": the accord (or duty)
# named as the topic of talks is part of their noun phrase, so the date after it is theirs.
_TOPIC_LINK = re.compile(
    r"(?:\s+(?:between|among|with)\s+[^,;:.()]{1,60}?)?\s+"
    r"(?:on|over|about|towards?|aimed\s+at|to\s+(?:reach|agree|conclude|negotiate|finali[sz]e|seal)"
    # "will discuss a proposal for a 17th sanctions package": the proposal's subject
    r"|(?:a|an|the|their|its)\s+(?:[\w-]+\s+)?(?:proposals?|plans?|drafts?)\s+(?:for|on|of))"
    r"\s+(?:(?:a|an|the|new|possible|permanent|lasting|[\w-]+['\u2019]s?)\s+)*"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "EU ministers agreed on Monday to extend sanctions on Russia": agreeing on a penalty is the
# penalty decided (one body's or one coalition's act), not an accord between the parties.
# The same for the penalty agreed as a thing: "agreed on Thursday to a 19th package of
# sanctions", "agreed a new sanctions package" (not "agreed a deal on sanctions relief").
_AGREED_TO_PENALTY = re.compile(
    r"(?:\s+(?:on|in|at|last|this|late|early)\s+[\w.-]+){0,2}?,?\s+"
    r"(?:to\s+(?:extend|impose|reimpose|re-impose|lift|renew|roll\s+over|prolong|tighten|ease|"
    r"adopt|suspend|end|scrap|expand|broaden|toughen|step\s+up|slap)\s+|(?:to|on|upon)\s+)?"
    r"(?:(?!(?:deal|accord|agreement|pact|treaty|framework|truce|ceasefire)\b)"
    r"[\w'\u2019-]+\s+){0,5}?(?:sanctions|embargo(?:es)?)\b(?!\s+relief)"
    # one side's tariffs paused or put off: "Trump had agreed to pause the 25% tariffs"
    r"|(?:\s+(?:on|in|at|last|this|late|early)\s+[\w.-]+){0,2}?,?\s+to\s+(?:pause|delay|postpone|"
    r"defer|suspend|hold\s+off\s+on)\s+(?:[\w%'\u2019-]+\s+){0,5}?(?:tariffs|duties|levies)\b",
    re.IGNORECASE,
)


def agreed_penalty(text: str, trigger: Trigger) -> bool:
    """Whether an "agreed" trigger is a penalty agreed on, not an accord."""
    return (
        trigger.type == "agreement"
        and text[trigger.start : trigger.end].lower() == "agreed"
        and bool(_AGREED_TO_PENALTY.match(text, trigger.end))
    )


TALK_KINDS = frozenset({"meeting", "summit"})  # the types that are talks
_TOPICS = frozenset({"agreement", "tariff", "sanctions", "statement"})


def _topic_of_talks(text: str, talks: Trigger, other: Trigger) -> bool:
    """Whether ``other`` is what the talks named right before it are about."""
    if talks.type not in TALK_KINDS or other.type not in _TOPICS or other.start < talks.end:
        return False
    return bool(_TOPIC_LINK.fullmatch(text, talks.end, other.start))


_DEAL_ON_TARIFFS = re.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?,?\s*"
    # "to cut tariffs", "that would cut", and what a deal does: "that lowers", "setting a 15%"
    r"(?:(?:to|that\s+would|which\s+will|that\s+will|which\s+would)\s+"
    r"(?:cut|lower|reduce|lift|remove|eliminate|suspend|pause|scrap|slash|roll\s+back|halve|"
    r"raise|impose|waive|drop|ease|set|cap)"
    r"|(?:that|which)\s+(?:cuts|lowers|reduces|lifts|removes|eliminates|suspends|sets|caps|"
    r"slashes|halves|raises|imposes|waives|eases)"
    r"|(?:cutting|lowering|reducing|lifting|removing|eliminating|setting|capping|slashing|"
    r"halving|raising|imposing|waiving|easing))\s+(?:[\w.%'-]+\s+){0,4}$",
    re.IGNORECASE,
)


# "in Paris", "at Camp David": where a gathering met, between it and what it did.
_AT_PLACE = r"(?:\s+(?:in|at)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?"
_GATHERING_AGREED = re.compile(
    _AT_PLACE + r"\s+(?:has\s+|had\s+)?$"
    # "met Trump in Tokyo last Tuesday, where the two signed a framework"
    r"|[^.;:]{0,80}?,\s+where\s+(?:the\s+two(?:\s+\w+)?|they|both(?:\s+\w+)?|[A-Z][\w.-]*"
    r"(?:\s+and\s+[A-Z][\w.-]*)?)\s+(?:also\s+)?$"
    # "the meeting last month in Paris in which finance ministers agreed"
    r"|[^.;:,]{0,60}?\s+(?:in|at|during)\s+which\s+(?:[\w-]+\s+){1,3}?(?:also\s+)?$"
)


_YIELDS = re.compile(
    _AT_PLACE + r"(?:\s+(?:on|this|next|last)\s+[A-Z]?[a-z]+)?(?:\s*,[^,;.]{1,60},)?\s+"
    r"(?:(?:(?:are|is|were|was)\s+(?:expected|due|set|likely|poised|scheduled)\s+to|will|would|"
    r"(?:are|is)\s+to)\s+(?:formally\s+)?(?:adopt|issue|release|approve|endorse|sign|impose|extend)"
    r"|adopted|issued|released|approved|endorsed|signed|produced|imposed|extended)\s+"
    r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,4}$",
    re.IGNORECASE,
)


def _gathering_yields(text: str, gathering: Trigger, outcome: Trigger) -> bool:
    """Whether an undated meeting is the subject of a dated outcome: "The G20 summit in
    Johannesburg adopted a leaders' declaration on Saturday" met that Saturday; "On Monday, EU
    foreign ministers meeting in Luxembourg adopted a package of sanctions": decided that day."""
    if gathering.type not in ("meeting", "summit") or outcome.type not in (
        "statement",
        "agreement",
        "sanctions",
        "tariff",
    ):
        return False
    if outcome.start < gathering.end:
        return False
    return bool(_YIELDS.fullmatch(text, gathering.end, outcome.start))


_AGREEING_ACT = re.compile(r"agree(?:d|s)?|sign(?:ed|s)?|initial(?:l)?ed|reached", re.IGNORECASE)
# A gathering fronted as the setting of its sentence: "At a meeting in December, OPEC agreed",
# "During their talks in Geneva on Friday, the two sides agreed".
_FRONTED_SETTING = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:At|During)\s+(?:(?:a|an|the|its|their|his|her|this|last)\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}$"
)
_AFTER_SETTING = re.compile(
    r"[^.;:,]{0,60},\s+(?:[\w.'\u2019-]+\s+){1,10}?(?:also\s+|had\s+|have\s+)?$"
)


def _gathering_agreed(text: str, gathering: Trigger, accord: Trigger) -> bool:
    """Whether a dated meeting is what agreed: "last month's G-6 meeting agreed to stabilize
    the dollar", "the summit in Venice agreed", "At a meeting in December, OPEC agreed": the
    accord was made at it, on its day."""
    if gathering.type not in ("meeting", "summit") or accord.type != "agreement":
        return False
    if accord.start < gathering.end or not _AGREEING_ACT.match(text, accord.start):
        return False
    if _GATHERING_AGREED.fullmatch(text, gathering.end, accord.start):
        return True
    return bool(
        _FRONTED_SETTING.search(text, max(0, gathering.start - 50), gathering.start)
        and _AFTER_SETTING.fullmatch(text, gathering.end, accord.start)
    )


def _deal_on(text: str, deal: Trigger, measure: Trigger) -> bool:
    """Whether a tariff is what an accord settles: "an agreement to cut reciprocal tariffs",
    "agreed to cut tariffs": the accord's date is the tariff decision's too."""
    if deal.type not in ("agreement", "statement") or measure.type != "tariff":
        return False
    if measure.start < deal.end:
        return False
    return bool(_DEAL_ON_TARIFFS.fullmatch(text, deal.end, measure.start))


def _announcing_date(
    text: str,
    sentence: Sentence,
    trigger: Trigger,
    usable: list[tuple[Timex, EventDate]],
    lexicon: EventLexicon,
) -> tuple[int, int, Timex, EventDate] | None:
    """For a penalty with no date of its own, the day a that-clause announcing it was said
    ("announced on Saturday that he would raise tariffs on Canada"): announced, so decided
    then. An option as ``attach_dates`` ranks them, or None."""
    if trigger.type not in DECIDED_WHEN_ANNOUNCED and trigger.type != "agreement":
        return None
    told = _ANNOUNCED_DONE if trigger.type == "agreement" else _ANNOUNCED_ACT
    for position in range(len(usable) - 1, -1, -1):
        timex, when = usable[position]
        if timex.end > trigger.start:
            continue
        if told.fullmatch(text, timex.end, trigger.start) and lexicon.reporting.search(
            text, max(sentence.start, timex.start - 40), timex.start
        ):
            return (MAX_ATTACH_DISTANCE, position, timex, when)
    if trigger.type in DECIDED_WHEN_ANNOUNCED and usable:
        # "Mexico will raise tariffs on Chinese cars to 50% next year, the economy ministry
        # said on Monday": the saying that ends the sentence announces the penalty
        timex, when = usable[-1]
        if (
            timex.start >= trigger.end
            and _TRAILING_SAID.search(text, max(trigger.end, timex.start - 80), timex.start)
            and _SENTENCE_TAIL.match(text, timex.end)
        ):
            return (MAX_ATTACH_DISTANCE, len(usable) - 1, timex, when)
    return None


# An accord that is the subject of its announcing: "The deal was announced on Tuesday".
_ANNOUNCED_AS_SUBJECT = re.compile(
    r"(?:\s+(?:between|of|with|on)\s+[^,;.]{1,60}?)?"  # "The accord between Rwanda and Congo"
    r"\s+(?:was|were|has\s+been|had\s+been)\s+(?:formally\s+|officially\s+|jointly\s+)?"
    r"(?:announced|unveiled)\b",
    re.IGNORECASE,
)
# A trailing attribution ending a sentence with the day of the saying: ", the ministry said on".
_TRAILING_SAID = re.compile(
    r",\s+(?:[\w'\u2019.-]+\s+){0,6}?(?:said|says|announced|told\s+[\w-]+)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_TAIL = re.compile(r"\s*(?:[\w'\u2019-]+\s*){0,3}[.!?\n]")


def _day_before(earlier: EventDate, later: EventDate) -> bool:
    """Whether ``earlier`` is the day right before ``later`` ("Thursday and Friday")."""
    if earlier.precision != "day" or later.precision != "day" or earlier.end_date:
        return False
    return (later.start - earlier.start).days == 1


def _coordinated_dates(
    text: str, usable: list[tuple[Timex, EventDate]], position: int
) -> list[EventDate]:
    """Dates joined to the chosen one by "and" ("in July this year and July 1988") or listed
    with it ("negotiations due in May, June and August"): each is an occurrence of its own."""
    extra: list[EventDate] = []
    listed: list[EventDate] = []  # dates after commas, kept once an "and" closes the list
    current = usable[position][0]
    for timex, when in usable[position + 1 :]:
        gap = text[current.end : timex.start]
        if _LISTED.fullmatch(gap):
            listed.append(when)
        elif _COORDINATED.match(gap):
            extra += [*listed, when]
            listed = []
        else:
            break
        current = timex
    return extra


def _consecutive_span(
    when: EventDate, coordinated: list[EventDate]
) -> tuple[EventDate, list[EventDate]]:
    """Days joined by "and" that follow one another are one span, not one event a day:
    "meeting today and tomorrow", "to meet in Brussels Monday and Tuesday", "elections held on
    Sunday and Monday". Days apart ("on March 3 and 5") stay occurrences of their own."""
    if when.precision != "day" or when.end_date or not coordinated:
        return when, coordinated
    last = when.start
    taken = 0
    for other in coordinated:
        if other.precision != "day" or other.end_date or other.start != last + timedelta(days=1):
            break
        last = other.start
        taken += 1
    if not taken:
        return when, coordinated
    return EventDate(when.value[:10], last.isoformat(), "day"), coordinated[taken:]


_BEGAN_BEFORE = re.compile(
    r"\b(?:began|begun|opened|started|begins|opens|starts|convened)\s+(?:on\s+)?$", re.I
)
_ENDED_BETWEEN = re.compile(
    r"\s*,?\s*and\s+(?:(?:will|is\s+to|was\s+to|is\s+due\s+to)\s+)?"
    r"(?:ended|ends|end|closed|closes|close|concluded|concludes|conclude|finished|finishes)"
    r"\s+(?:on\s+)?$",
    re.I,
)


def _began_and_ended(
    text: str,
    sentence: Sentence,
    usable: list[tuple[Timex, EventDate]],
    position: int,
    when: EventDate,
) -> EventDate:
    """ "the conference, which began Thursday and ended Saturday": a span from the first day."""
    if when.precision != "day" or when.end_date or position + 1 >= len(usable):
        return when
    timex = usable[position][0]
    following, last = usable[position + 1]
    if not _BEGAN_BEFORE.search(text, max(sentence.start, timex.start - 30), timex.start):
        return when
    if not _ENDED_BETWEEN.fullmatch(text, timex.end, following.start):
        return when
    if last.precision not in ("day", "time") or last.value[:10] <= when.value[:10]:
        return when
    return EventDate(when.value[:10], last.value[:10], "day")


_SPAN_OPENS = re.compile(r"\b(?:from|between)\s+(?:(?:this|next|last)\s+)?$", re.IGNORECASE)
_SPAN_TO = re.compile(r"\s*(?:to|until|till|through|thru|and|-|\u2013)\s+(?:(?:on|next)\s+)?", re.I)


def _span_end(text: str, first: Timex, second: Timex) -> bool:
    """Whether ``second`` ends a stretch that ``first`` opens ("from Monday to Wednesday")."""
    return bool(
        _SPAN_TO.fullmatch(text, first.end, second.start)
        and _SPAN_OPENS.search(text, max(0, first.start - 12), first.start)
    )


def _day_to_day(
    text: str, usable: list[tuple[Timex, EventDate]], position: int, when: EventDate
) -> EventDate:
    """Two days named as the ends of one stretch ("from Monday to Wednesday", "between Sunday
    and Tuesday"): one span from the first day, not two occasions."""
    if when.precision != "day" or when.end_date or position + 1 >= len(usable):
        return when
    following, last = usable[position + 1]
    if not _span_end(text, usable[position][0], following):
        return when
    if last.precision != "day" or last.end_date or not 0 < (last.start - when.start).days <= 31:
        return when
    return EventDate(when.value[:10], last.start.isoformat(), "day")


def _weekend_of_two_days(
    text: str, sentence: Sentence, trigger: Trigger, timex: Timex, when: EventDate
) -> EventDate:
    """Two days of talks at a weekend are its Saturday and Sunday ("after two days of talks in
    Geneva over the weekend"); a weekend alone stays its ISO week (no SPEC form names it)."""
    if when.precision != "week" or not timex.value.endswith("-WE"):
        return when
    length = _LENGTH_BEFORE.search(text, max(sentence.start, trigger.start - 40), trigger.start)
    if length is None or length.group(1).lower() not in ("two", "2"):
        return when
    saturday = when.start + timedelta(days=5)
    return EventDate(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), "day")


def _with_duration(
    text: str, sentence: Sentence, trigger: Trigger, timex: Timex, when: EventDate
) -> EventDate:
    """A day and a stated length make a span: "a two-day session ending today" ends on the
    day, "a three-day visit starting Monday" / "opened a two-day meeting on Thursday" begins
    on it."""
    if when.precision != "day" or when.end_date:
        return when
    after_days = _AFTER_DAYS_OF_TALKS.match(text, timex.end)
    if after_days and (
        _ENDED_IN_CLAUSE.search(text, max(sentence.start, timex.start - 60), timex.start)
        or after_days.start() <= trigger.start < after_days.end()
    ):
        # "ended in a deadlock late yesterday after eight days of talks": the span ends then;
        # so do the talks an act dated so followed ("reached on March 2 following three days
        # of negotiations")
        word = after_days.group(1).lower()
        days = NUMBER_WORDS.get(word) or int(word)
        day = date.fromisoformat(when.value[:10])
        return EventDate((day - timedelta(days=days - 1)).isoformat(), day.isoformat(), "day")
    before = text[sentence.start : timex.start]
    ending = _ENDING_BEFORE.search(before)
    if not ending and not _STARTING_BEFORE.search(before):
        return _ended_span(text, sentence, trigger, timex, when)
    duration = _DURATION.search(text, max(sentence.start, trigger.start - 30), trigger.end + 40)
    if duration is None:
        # "two days of talks that ended on Sunday": the length told before the event's word
        return _ended_span(text, sentence, trigger, timex, when) if ending else when
    word = duration.group(1).lower()
    days = NUMBER_WORDS.get(word) or int(word)
    day = date.fromisoformat(when.value[:10])
    if ending:
        return EventDate((day - timedelta(days=days - 1)).isoformat(), day.isoformat(), "day")
    return EventDate(day.isoformat(), (day + timedelta(days=days - 1)).isoformat(), "day")


# Between a lead act and the talks it governs, only their description: "completed a round of
# indirect talks", "held two days of talks" (not "agreed to a proposal for talks").
_ACT_OBJECT_GAP = re.compile(
    r"\s+(?:(?:a|an|the|another|their|its|his|her|two|three|four|\w+-day|first|second|third|"
    r"new|latest|fresh|final|round|rounds|days|of|indirect|direct|bilateral|trilateral|"
    r"high-level|preliminary|technical)\s+){0,6}",
    re.IGNORECASE,
)

# A length right before the event's word: "a three-day meeting", "an official two-day visit",
# "two days of emergency talks".
_LENGTH_BEFORE = re.compile(
    r"(?<![\w-])(two|three|four|five|six|seven|eight|nine|ten|[2-9])(?:-day|\s+days\s+of)"
    r"(?:\s+[\w-]+){0,2}\s+$",
    re.IGNORECASE,
)
# The event's end told between the date and the event: "today wound up a three-day meeting",
# "talks which ended in Washington yesterday", "at the end of a four-day visit".
_END_CUE = re.compile(
    r"\b(?:ended|ends|closed|closes|concluded|concludes|wound\s+up|winds\s+up|broke\s+up"
    r"|wrapped\s+up|wraps\s+up|completed|completes|finished|finishes"
    r"|return(?:ed|s|ing)\s+(?:home\s+)?(?:[\w.]+\s+){0,3}?from"
    r"|at\s+the\s+end\s+of|on\s+the\s+(?:last|final)\s+day\s+of)\b",
    re.IGNORECASE,
)

# Undated, "told reporters after four days of discussions" speaks on the last day of them.
# Talks of hours or days that just ended are the day's news, wherever the story names them:
# "as EC budget ministers ended six hours of talks", "after four hours of talks, the G-7
# issued", "failed to reach agreement at two days of talks", "wound up a three-day meeting"
# (not weeks or months of talks, nor "will hold two days of talks": ``lexicon.future``).
_JUST_ENDED = re.compile(
    r"\b(?:ended|ending|wound\s+up|concluded|closed|finished|after|following|at|at\s+the\s+end\s+of)"
    r"\s+(?:(?:an?|the|their|its|his|her|more\s+than|nearly|almost|some|over)\s+)*"
    r"(?P<length>two|three|four|five|six|seven|eight|nine|ten|twelve|several|[2-9]|1[0-9])"
    r"(?P<unit>-day|-hour|\s+(?:days|hours)\s+of)(?:\s+[\w-]+){0,2}\s+$",
    re.IGNORECASE,
)
_AFTER_LENGTH = re.compile(
    r"\b(?:after|following)\s+(?:(?:an?|the|their|his|her|its)\s+)?(?:[\w-]+\s+)?$", re.I
)


# Talks whose end an act dated just before marks: "initialled the text last Wednesday at the
# close of talks in Washington", "signed on Friday at the end of their meeting".
_CLOSE_OF = re.compile(
    r"\bat\s+the\s+(?:close|end|conclusion)\s+of\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _act_day_before(text: str, sentence: Sentence, ended: re.Match[str]) -> date | None:
    """The day told just before "after N days of talks" (or "at the close of talks"): the day
    those talks ended ("signed an accord on Sunday after two days of talks", "issued on Sunday
    following three days of talks")."""
    closing = _CLOSE_OF.match(text, ended.start(), ended.end())
    if not _AFTER_WORD.match(text, ended.start()) and not closing:
        return None
    for timex in sentence.timexes:
        gap = text[timex.end : ended.start()] if timex.end <= ended.start() else "-"
        if len(gap) <= 3 and not gap.strip(", ") and timex.value[:10].count("-") == 2:
            when = event_date_from_timex(timex)
            if when is not None and when.precision == "day" and not when.end_date:
                return date.fromisoformat(when.value[:10])
    return None


def _just_ended_span(ended: re.Match[str], dct: date) -> EventDate:
    """Talks of N days that ended on the story's day began N-1 days before it ("failed to
    reach agreement at two days of talks": SPEC dates a span by its first day); talks of
    hours, or of "several" days, are the day's."""
    days = NUMBER_WORDS.get(ended["length"].lower()) or (
        int(ended["length"]) if ended["length"].isdigit() else 0
    )
    if "day" not in ended["unit"].lower() or days < 2:
        return EventDate(dct.isoformat(), None, "day")
    first = dct - timedelta(days=days - 1)
    return EventDate(first.isoformat(), dct.isoformat(), "day")


def _ended_span(
    text: str, sentence: Sentence, trigger: Trigger, timex: Timex | None, when: EventDate
) -> EventDate:
    """A day said to end an event of a stated length is its last day: "the ADB today wound up a
    three-day meeting", "two days of talks which ended yesterday", "leaving Tokyo yesterday at
    the end of a four-day visit", "ministers ended a three-day meeting" in a lead (SPEC: the
    date is the first day, the end date the last)."""
    if when.precision != "day" or when.end_date:
        return when
    length = _LENGTH_BEFORE.search(text, max(sentence.start, trigger.start - 40), trigger.start)
    if length is None:
        return when
    low = length.start() - 30 if timex is None else min(timex.end, length.start()) - 30
    high = trigger.end + 30 if timex is None else max(timex.start, trigger.end)
    after = timex is None and _AFTER_LENGTH.search(text, max(sentence.start, low), length.start())
    if not after and not _END_CUE.search(text, max(sentence.start, low), min(sentence.end, high)):
        return when
    word = length.group(1).lower()
    days = NUMBER_WORDS.get(word) or int(word)
    day = date.fromisoformat(when.value[:10])
    return EventDate((day - timedelta(days=days - 1)).isoformat(), day.isoformat(), "day")


# A lead act still to come is no act of the day: "the summit, to be hosted by India".
_PLANNED_ACT = re.compile(
    r"\b(?:to|will|would|shall|'ll)\s+(?:be\s+)?(?:[a-z]+ly\s+)?$", re.IGNORECASE
)


# A lead opening on its trigger as the subject's head ("A special meeting of ...", "The
# two-day conference between ..."), and that subject's complement up to its verb: words with
# no clause break (no comma, no relative pronoun), so the first act after it is the subject's.
_SUBJECT_HEAD = re.compile(r"\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE)
_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?!(?:which|that|who|where|when|as|after|before|while)\b)[\w'\u2019-]+){1,14}",
    re.IGNORECASE,
)


# An act that plans the trigger after it: "agreed to resume negotiations", "agreed on Monday to
# start negotiations" (the talks lie ahead).
_PLANS = re.compile(
    r"\s+(?:(?:on|last|this|early|late)\s+\w+\s+|(?:today|yesterday|tonight)\s+)?"
    r"to\s+(?:[\w-]+\s+){1,2}",
    re.IGNORECASE,
)


def undated_date(
    text: str,
    sentence: Sentence,
    trigger: Trigger,
    lead: str | None,
    dct: date | None,
    lexicon: EventLexicon,
    dated_ids: set[int],
) -> EventDate | None:
    """A date for a trigger whose sentence gives none (see ``_undated_day``); an event of a
    stated length said to end then ends on that day rather than starting on it."""
    when = _undated_day(text, sentence, trigger, lead, dct, lexicon, dated_ids)
    if when is None:
        return None
    return _ended_span(text, sentence, trigger, None, when)


def _undated_day(
    text: str,
    sentence: Sentence,
    trigger: Trigger,
    lead: str | None,
    dct: date | None,
    lexicon: EventLexicon,
    dated_ids: set[int],
) -> EventDate | None:
    """A date for a trigger whose sentence gives none: on-going acts, lead acts, "next few days".

    ``lead``: ``"lead"`` or ``"headline"`` when the sentence opens a story (SPEC: an act the
    lead reports without a date word happened on the DCT; a headline's present tense reports
    the DCT's news: "Ukraine, Russia end peace talks").
    """
    peers = [
        t
        for t in sentence.triggers
        if t.type == trigger.type and t is not trigger and id(t) in dated_ids
    ]
    if dct is None or trigger.year_dated:
        return None
    if _AHEAD_OF.search(text, max(sentence.start, trigger.start - 40), trigger.start):
        return None  # "met on the eve of the SCO summit": a time anchor ahead, not the day's act
    if peers:
        if any(t.start < trigger.end for t in peers) or lexicon.future.search(
            text, sentence.start, trigger.end
        ):
            return None
        # "speaking after an informal gathering ... to prepare for next week's meetings": the
        # occasion of the saying is not the dated one named after it
        occasion = _speakers_occasion(text, sentence, trigger, lexicon, dct)
        if occasion is not None or not lead or _backgrounded(text, sentence, trigger, lexicon):
            return occasion
        # "have completed a round of talks ..., and agreed to meet again next week": the lead's
        # act done before the trigger is the day's news; the dated peer is the next meeting.
        acts = lexicon.lead_acts.finditer(
            text, max(sentence.start, trigger.start - 60), trigger.start
        )
        own = any(_ACT_OBJECT_GAP.fullmatch(text, act.end(), trigger.start) for act in acts)
        return EventDate(dct.isoformat(), None, "day") if own else None
    body = text[sentence.start : sentence.end]
    low, high = clause_span(text, sentence, trigger, lexicon)
    if _VAGUE_PAST.search(text, max(sentence.start, low - 40), high):
        return None  # "the treaty, signed decades ago": long past, but no month to date it
    if lexicon.near_future.search(body) and lexicon.future.search(body):
        return EventDate(f"{dct:%Y-%m}", None, "month")
    if (
        trigger.type in ("meeting", "summit", "visit")
        and lexicon.ongoing.search(text, low, high)
        and not _future_subordinate(text, sentence, low, lexicon)
    ):
        return EventDate(dct.isoformat(), None, "day")
    closed = _CLOSE_OF.search(text, max(sentence.start, trigger.start - 40), trigger.start)
    if (
        trigger.type in ("meeting", "summit")
        and closed
        and not lexicon.future.search(text, sentence.start, trigger.end)
    ):
        day = _act_day_before(text, sentence, closed)
        if day is not None:  # "initialled the text last Wednesday at the close of talks"
            return EventDate(day.isoformat(), None, "day")
    ended = _JUST_ENDED.search(text, max(sentence.start, trigger.start - 60), trigger.start)
    if (
        trigger.type in ("meeting", "summit")
        and ended
        and not lexicon.future.search(text, sentence.start, trigger.end)
    ):
        return _just_ended_span(ended, _act_day_before(text, sentence, ended) or dct)
    if (
        trigger.type in ("meeting", "summit")
        and _JUST_LEFT.search(
            text, max(sentence.start, trigger.start - TRIP_END_REACH), trigger.start
        )
        and not _backgrounded(text, sentence, trigger, lexicon)
    ):
        return EventDate(dct.isoformat(), None, "day")  # "has just left Riyadh after talks"
    if not lexicon.future.search(text, sentence.start, trigger.end):
        occasion = _speakers_occasion(text, sentence, trigger, lexicon, dct)
        if occasion is not None:
            return occasion
    if _bodys_own_statement(text, sentence, trigger, lexicon):
        return EventDate(dct.isoformat(), None, "day")
    if lead and not _backgrounded(text, sentence, trigger, lexicon):
        low_w = max(sentence.start, trigger.start - 60)
        high_w = min(sentence.end, trigger.end + 40)
        if trigger.type in ("meeting", "summit") and _SUBJECT_HEAD.fullmatch(
            text, sentence.start, trigger.start
        ):
            # "A meeting of eight Latin American coffee producers ended with a call ...": the
            # trigger heads the lead's subject, so its verb may stand past a long complement
            tail = _SUBJECT_TAIL.match(text, trigger.end, sentence.end)
            high_w = max(high_w, tail.end() if tail else high_w)
        done = lexicon.headline_acts if lead == "headline" else lexicon.lead_acts
        acts = [
            act
            for act in done.finditer(text, low_w, high_w)
            if not _DESCRIBED_ACCORD.search(
                text, max(sentence.start, min(low_w, act.start() - 40)), act.start()
            )
            and not _PLANNED_ACT.search(text, max(sentence.start, act.start() - 20), act.start())
            and not (
                trigger.type not in DECIDED_WHEN_ANNOUNCED  # "agreed to cut tariffs": decided
                and act.end() <= trigger.start
                and _PLANS.fullmatch(text, act.end(), trigger.start)
            )
        ]
        before = text[sentence.start : trigger.end]
        if acts and not lexicon.future.search(before):
            return EventDate(dct.isoformat(), None, "day")
    return None


# A body's name right before its communique: "the G-7 communique", "the Asean's final
# communique", "the Group of Seven statement".
_OWNED_STATEMENT = re.compile(
    r"^(?:['\u2019]s)?\s+(?:(?:final|joint|closing|official|latest)\s+)?$", re.IGNORECASE
)


def _bodys_own_statement(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> bool:
    """Whether an undated statement is named by the body that issued it ("markets reacted
    quietly to the G-7 communique"): the story's news, issued on its day (SPEC: an act
    reported without a date word takes the DCT), unless the clause looks ahead or it sits in
    a background phrase ("since the G-7 communique")."""
    if trigger.type != "statement":
        return False
    owners = [
        m
        for m in sentence.mentions
        if m.kind == "body"
        and m.end <= trigger.start
        and _OWNED_STATEMENT.match(text[m.end : trigger.start])
    ]
    if not owners:
        return False
    low, high = clause_span(text, sentence, trigger, lexicon)
    if lexicon.future.search(text, low, high) or lexicon.hedges.search(text, low, high):
        return False
    return not _backgrounded(text, sentence, trigger, lexicon)


# "the Louvre accord in which the nations agreed", "the Paris pact agreed between six": an act
# describing an accord named right before it tells which accord is meant, not the day's news.
_DESCRIBED_ACCORD = re.compile(
    r"\b(?:agreements?|accords?|pacts?|treat(?:y|ies)|deals?|package|truce|ceasefire)\s*,?\s+"
    r"(?:(?:in|under|by|with)\s+which\b|whereby\b|$)",
    re.IGNORECASE,
)
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:when|once|if|unless|as soon as)\s*$", re.IGNORECASE)


def _future_subordinate(text: str, sentence: Sentence, low: int, lexicon: EventLexicon) -> bool:
    """Whether the clause is a "when he visits ..." under a main clause that looks ahead
    ("Lim, who will sign the accord when he visits New York during his current tour"): its
    present tense speaks of the future, not of the DCT."""
    return bool(
        _SUBORDINATOR_BEFORE.search(text, max(sentence.start, low - 15), low)
        and lexicon.future.search(text, sentence.start, low)
    )


def _backgrounded(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether the trigger sits in a background phrase ("following talks", "amid tariffs
    imposed by ...") with no act of the day's news between that phrase and it."""
    low = max(sentence.start, trigger.start - 120)
    phrases = list(lexicon.background.finditer(text, low, trigger.start))
    if not phrases or lexicon.lead_acts.search(text, phrases[-1].end(), trigger.start):
        return False
    # "has just left Riyadh after holding talks", "flew home after talks with ...": a trip
    # ends on the talks, which are as recent as its end
    last = phrases[-1]
    return not (
        _AFTER_WORD.fullmatch(last.group(0))
        and _TRIP_END.search(text, max(sentence.start, last.start() - TRIP_END_REACH), last.start())
    )


_AFTER_WORD = re.compile(r"after|following", re.IGNORECASE)
# A trip's end told just before "after": "has just left Riyadh", "flew home", "returned home
# on Sunday", "left Washington"; the gap up to "after" holds no clause break.
_TRIP_END = re.compile(
    r"\b(?:(?:has|have)\s+)?(?:just\s+)?(?:left\s+(?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+)?|"
    r"(?:returned|flew|flown|headed|went)\s+home|departed(?:\s+(?-i:[A-Z])[\w.-]+)?)"
    r"[^,;:.]*$",
    re.IGNORECASE,
)
TRIP_END_REACH = 80
# A trip that has just ended, anywhere in the story: the talks it ended on are the day's news.
_JUST_LEFT = re.compile(
    r"\b(?:has|have)\s+just\s+(?:left|returned|flown|departed)\b[^,;:.]*"
    r"\b(?:after|following)\s+(?:[\w-]+\s+){0,5}$",
    re.IGNORECASE,
)


def is_headline(text: str, sentence: Sentence) -> bool:
    """Whether the sentence is the story's headline: its first line, without a full stop."""
    return sentence.start <= 0 < sentence.end and bool(
        _HEADLINE.fullmatch(text, sentence.start, sentence.end)
    )


def lead_sentences(text: str, sentences: list[Sentence]) -> dict[int, str]:
    """The sentences that open a story, by number: ``"headline"`` for a first line without
    a full stop, ``"lead"`` for the first sentence (the one after a headline, too) and any
    that starts with a dateline (a roundup's "PARIS - ...")."""
    leads: dict[int, str] = {0: "lead"} if sentences else {}
    if sentences and _HEADLINE.fullmatch(text, sentences[0].start, sentences[0].end):
        leads = {0: "headline", 1: "lead"}
    for number, sentence in enumerate(sentences):
        if _DATELINE_START.match(text, sentence.start, sentence.end):
            leads[number] = "lead"
    return leads


def reading_geometry(
    text: str, sentence: Sentence, trigger: Trigger, timex: Timex, lexicon: EventLexicon
) -> list[str]:
    """How a date stands to a trigger, as names: distance band, side, what lies between."""
    after = timex.start >= trigger.end
    gap = (trigger.end, timex.start) if after else (timex.end, trigger.start)
    tokens = tokens_between(text, *gap) if gap[1] > gap[0] else 0
    between = text[gap[0] : gap[1]] if gap[1] > gap[0] else ""
    names = ["after" if after else "before"]
    names.append(
        "dist<=1"
        if tokens <= 1
        else "dist<=4"
        if tokens <= 4
        else "dist<=8"
        if tokens <= 8
        else "dist<=14"
        if tokens <= 14
        else "dist>14"
    )
    if STRONG_BREAK.search(between):
        names.append("strong_break")
    if lexicon.clause_breaks.search(between):
        names.append("clause_break")
    if "," in between:
        names.append("comma")
    if lexicon.reporting.search(between):
        names.append("reporting_between")
    if any(
        other is not trigger and gap[0] <= other.start and other.end <= gap[1]
        for other in sentence.triggers
    ):
        names.append("trigger_between")
    if not after and _fronted(text, sentence.start, timex):
        names.append("fronted")
    if after and _RELATIVE_OF_TRIGGER.match(between):
        names.append("relative")
    if _anchor_only(text, sentence, trigger):
        names.append("anchor")
    if trigger_distance(text, trigger, timex, lexicon, sentence.start) <= MAX_ATTACH_DISTANCE:
        names.append("rule_reach")
    return names


# A speaker, or a statement, and the occasion it came from: "told reporters after two days
# of talks with", "was speaking after an informal gathering of", "was reacting to a British
# statement following his talks with". Up to five words of object between, no verb, no comma.
_SPEAKER = (
    r"(?:said|says|told|tells|speaking|talking|spoke|commenting|reacting|"
    r"made\s+(?:the|his|her|their|these|those)\s+(?:remarks|comments)|"
    r"statement|communiqu[e\u00e9])"
)
_AFTER_OCCASION = re.compile(
    _SPEAKER + r"(?:\s+(?!(?:after|following|before|that|which|who|is|are|was|were|had|has|have"
    r"|\w+ed)\b)[\w.'-]+){0,5}?\s+"
    r"(?:shortly\s+|soon\s+|just\s+|immediately\s+)?(after|following|before)\s+"
    r"(?:[\w'-]+\s+){0,5}?$",
    re.IGNORECASE,
)
# Talks with a visitor: "told visiting U.S. Trade Representative Clayton Yeutter", "met the
# visiting Polish leader". The act is the talks, held where the host is.
HOST_OF_VISITOR = re.compile(
    r"(?<![\w-])(?:told|tells|met|meets|meeting|received|receives|receiving|with)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# An act the story places earlier on its own day: "Lim earlier met the commissioner".
_EARLIER = re.compile(r"(?<![\w-])(?:had\s+)?earlier\s+$", re.IGNORECASE)
# A speaker at the occasion itself: "told a conference of ASEAN foreign ministers", "told
# delegates at the informal meeting of", "speaking to the IMF's Interim Committee meeting".
_AT_OCCASION = re.compile(
    r"(?<![\w-])(?:told|tells|telling|addressing|addressed|(?:speaking|spoke|speech|statement)\s+"
    r"(?:to|at|before))\s+(?:(?:delegates|reporters|journalists|participants|ministers|"
    # up to nine words of name, a bracketed acronym too: "an informal General Agreement on
    # Tariffs and Trade (GATT) meeting"
    r"officials)\s+(?:at|to)\s+)?(?:the|a|an|this|its|their)\s+(?:[\w'().-]+\s+){0,9}?$",
    re.IGNORECASE,
)
# A statement that speaks in the story: "said in a joint communique", "a communique issued
# after the meeting said", "In a statement, the G-10 said".
_SAID_IN = re.compile(
    r"(?:(?<![\w-])(?:said|says|announced|declared|stated)\s+in|^[\"'\u201c]?In)\s+"
    r"(?:a|an)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# The same opening a sentence inside the story ("^" above matches only at the text's start):
# "In a statement, the Commission reiterated its view".
_OPENING_IN = re.compile(r"[\"'\u201c]?In\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}", re.IGNORECASE)
# "an official communique said", not "the statement said" (one named before, maybe dated).
_INDEFINITE = re.compile(r"(?<![\w-])(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_SAYING = re.compile(
    r"(?:\s+(?:issued|released|published|read)\b[^,.;:\n]{0,40}?)?\s+(?:said|says)(?![\w-])",
    re.IGNORECASE,
)
_GATHERING = re.compile(
    r"(?:[\w']+\s+)?(?:meeting|meetings|conference|session|summit|gathering|talks|consultations)",
    re.IGNORECASE,
)
_GOVERNMENT_PEOPLE = re.compile(
    r"\b(?:ministers?|ministerial|officials|delegates|delegations?|governments|envoys|"
    r"ambassadors|diplomats|heads\s+of\s+(?:state|government))\b",
    re.IGNORECASE,
)
_HABITUAL = re.compile(
    r"\b(?:regularly|often|usually|frequently|repeatedly|routinely|every|each|previous|"
    r"earlier\s+(?:this|that)|last|past|several|many|since)\b",
    re.IGNORECASE,
)
# On a trip, said by someone speaking or present there: "Funaro was in Britain on the first
# leg of a tour", "he told a news conference during a stopover in", "Lim, in Brussels on a
# tour of Europe", "in a speech on the first day of an official visit".
_ON_TRIP = re.compile(
    r"(?<![\w-])(?:on|during)\s+(?:the|a|an|his|her|their|its)\s+"
    r"(?:(?!(?:return|way|from|recent)\b)[\w'-]+\s+){0,4}?$",
    re.IGNORECASE,
)
_PRESENT = re.compile(
    r"\b(?:said|says|told|tells|speaking|spoke|talking|(?:is|are|was|were)\s+(?:currently\s+|"
    r"now\s+|still\s+)?(?:in|on|here)\b)|,\s+in\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:should|could|may|might|must)\b", re.IGNORECASE)
OCCASION_REACH = 140  # characters from the speaker's verb to the trigger


def _speakers_occasion(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon, dct: date
) -> EventDate | None:
    """The day of an act the story reports as the occasion of what someone says.

    SPEC: an act reported without a date word happened on the DCT; "said on Friday after
    talks with" puts the talks on the saying's day. None when the frame holds a date of its
    own or sounds habitual ("after their regular meetings").
    """
    low = max(sentence.start, trigger.start - OCCASION_REACH)
    frame = _AFTER_OCCASION.search(text, low, trigger.start)
    if frame is not None and frame.group(1).lower() == "before" and trigger.type != "visit":
        return None  # "speaking before hosting a meeting": what comes next, but a departure
    if frame is None and _GATHERING.fullmatch(text, trigger.start, trigger.end):
        frame = _AT_OCCASION.search(text, low, trigger.start)
        if frame is not None and not _of_governments(
            text, sentence, trigger, frame.start(), lexicon
        ):
            return None  # "told a meeting of oil industry executives", "the Euromoney conference"
    if (
        frame is None
        and trigger.type == "statement"
        and _several_issuers(text, sentence, trigger, lexicon)
    ):
        frame = (
            _SAID_IN.search(text, low, trigger.start)
            or _OPENING_IN.fullmatch(text, sentence.start, trigger.start)
            or (_SAYING.match(text, trigger.end) and _INDEFINITE.search(text, low, trigger.start))
        )
    if frame is None and visitor_met(text, sentence, trigger):
        frame = HOST_OF_VISITOR.search(text, low, trigger.start)
    if frame is None and trigger.type in ("meeting", "summit", "agreement", "visit"):
        frame = _EARLIER.search(text, low, trigger.start)
    guard_from = frame.start() if frame is not None else sentence.start
    if frame is None and trigger.type == "visit" and _on_trip_now(text, sentence, trigger, lexicon):
        frame = _ON_TRIP.search(text, low, trigger.start)  # "is here on a tour of"
    if frame is None or _HABITUAL.search(text, frame.start(), trigger.start):
        return None
    low, high = clause_span(text, sentence, trigger, lexicon)
    named = sentence_dates(text, sentence, lexicon)
    if any(
        not is_report
        and guard_from < timex.end
        and timex.start < max(high, trigger.end)
        and not _elsewhere_after(text, trigger, timex)
        for timex, _, is_report in named
    ):
        return None  # the frame or the act's clause has a date of its own
    reports = [when for _, when, is_report in named if is_report and when.precision == "day"]
    if reports:
        return EventDate(reports[0].value[:10], None, "day")
    return EventDate(dct.isoformat(), None, "day")


def _on_trip_now(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether a sentence has someone speaking or present on a trip, and nothing planned
    ("during his Tokyo visit he would be talking to them", "who should be in Lima on a
    visit")."""
    if not _PRESENT.search(text, sentence.start, sentence.end):
        return False
    if lexicon.future.search(text, sentence.start, sentence.end):
        return False
    return not _MODAL.search(text, sentence.start, trigger.start)


GATHERING_REACH = 60  # characters after a gathering's name where its members are named


def _of_governments(
    text: str, sentence: Sentence, trigger: Trigger, named_from: int, lexicon: EventLexicon
) -> bool:
    """Whether a gathering a speaker addresses is one of governments: ministers, officials or
    delegates named with it, or a body owning it ("the IMF's Interim Committee meeting"),
    and no company people ("a meeting of oil industry executives")."""
    low, high = clause_span(text, sentence, trigger, lexicon)
    start, end = max(low, named_from), min(high, trigger.end + GATHERING_REACH)
    if lexicon.company_actors.search(text, start, end):
        return False
    if _GOVERNMENT_PEOPLE.search(text, start, end):
        return True
    return any(m.kind == "body" and start <= m.start and m.end <= end for m in sentence.mentions)


def _several_issuers(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> bool:
    """Whether a statement is a joint one or one of a body (SPEC: one government's is none)."""
    joint = text[trigger.start : trigger.end].lower().startswith("joint")
    return joint or joint_issuer(text, sentence, trigger, lexicon)


def _elsewhere_after(text: str, trigger: Trigger, timex: Timex) -> bool:
    """Whether a date after the trigger is another noun's ("at next week's spring meetings")
    or too far to date it at all."""
    if timex.start < trigger.end:
        return False
    if _POSSESSIVE.match(text, timex.end) or attributive(text, timex.start, timex.end):
        return True
    return tokens_between(text, trigger.end, timex.start) > MAX_ATTACH_DISTANCE


def visitor_met(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a "visiting" trigger names a visitor someone talks with ("told visiting U.S.
    Trade Representative Clayton Yeutter"): the talks are the act."""
    if text[trigger.start : trigger.end].lower() != "visiting":
        return False
    return bool(
        HOST_OF_VISITOR.search(text, max(sentence.start, trigger.start - 30), trigger.start)
    )
