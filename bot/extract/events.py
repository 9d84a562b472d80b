"""Event detection: triggers, dates, participants and status of diplomatic events in one article.

Pure and deterministic: the article text and its DCT in, ``Event`` objects out.
The steps, per sentence: find trigger words (``config/lexicons/events.toml``,
``event_index``), attach each trigger to the nearest date of its clause
(``event_dates``), collect the participants the sentence names (``event_parties``),
decide the status from cue words, tense and the date's place relative to the DCT,
then merge the mentions of one real event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from bot.extract.dateline import find_dateline
from bot.extract.dates import EventDate, event_date_from_timex, interval
from bot.extract.event_dates import (
    DAY_BY_OCCASION,
    DECIDED_WHEN_ANNOUNCED,
    MEASURE_TARGET,
    PLAN_CLAUSE,
    TALK_KINDS,
    agreed_penalty,
    attach_dates,
    departs_for,
    is_headline,
    lead_sentences,
    purpose_of,
    sentence_dates,
    trigger_distance,
    undated_date,
    visitor_met,
)
from bot.extract.event_index import (
    STRONG_BREAK,
    WORD,
    Sentence,
    Trigger,
    clause_span,
    index_sentences,
)
from bot.extract.event_parties import (
    TARGETS_TAKE_PART,
    bank_story,
    bank_talks,
    codes_of,
    company_act,
    first_trip_before,
    is_location,
    is_next_leg,
    is_topic,
    joint_issuer,
    leader_countries,
    leaders_meet,
    many_leaders,
    opening_statement_by_several,
    stays_away,
    story_parties,
    titled_head,
    trigger_parties,
    unnamed_heads,
)
from bot.extract.event_ranker import (
    Built,
    Ranker,
    Reading,
    add_story_features,
    reading_features,
    shipped_ranker,
)
from bot.extract.gazetteer import BODY_CODES, SUCCESSOR_CODES, default_gazetteer, summit_hosts
from bot.extract.lexicon import EventLexicon, load_lexicon
from bot.extract.model import Article, Event, Timex
from bot.extract.sentences import caption_spans
from bot.extract.timex import MAX_CHARS

_HERE = re.compile(r"(?<![\w-])here(?![\w-])", re.IGNORECASE)
_DELEGATION = re.compile(
    r"(?<![\w-])(?:delegations?|envoys?|ambassadors?|diplomats?|bilateral|mission|"
    r"governments|nations|countries|"
    # donor governments and creditor clubs: "a Consultative Group meeting of donors", "the
    # Paris Club", "the Inter-Governmental Group on Indonesia (IGGI)"
    r"donors|donor\s+(?:countries|nations|governments|group)|consultative\s+group|"
    r"Paris\s+Club|IGGI|inter-?governmental\s+group|"
    # a gathering "of farm ministers": several governments' ministers, not one cabinet's
    r"(?:meetings?|conferences?|gathering|session|talks|forum) of "
    r"(?:the )?(?:[\w-]+ ){0,3}ministers)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_LEADER_MEETING = re.compile(
    r"(?<![\w-])(?:meet|meets|met|meeting|talks|host|hosts|hosted|hosting|receiv(?:es|ed|ing)|welcom(?:es|ed|ing)|gather(?:s|ed|ing)?|conven(?:e|es|ed|ing)|session|conference)(?![\w-])",
    re.IGNORECASE,
)
# Present-tense travel and meeting verbs ("heads to", "meets") announce what happens next.
_PRESENT_ACT = re.compile(
    r"(?:heads|leaves|arrives|meets|visits|signs|travels|flies|tours|holds|opens|begins|starts)\b",
    re.IGNORECASE,
)
_MOVED_TO = re.compile(
    r"^[\w\s,']{0,50}?\b(?:to|until|till|(?<=rescheduled\s)for|(?<=be\sheld\s)(?:on|in)|"
    r"(?<=take\splace\s)(?:on|in))\s+(?:on\s+|in\s+)?$",
    re.I,
)
# Types that need an international context beyond one country.
_INTERNATIONAL = {"meeting", "agreement", "statement"}
_INHERITING = {"statement", "agreement"}
RANKED_TRIGGERS = 300  # triggers per article whose other readings the ranker weighs
_TWO_SIDED = {"agreement", "tariff"}
# "the summit", "the talks": a definite mention of a meeting the story has dated.
_HOST_MENTION = re.compile(
    r"\b(?:the|this|that|their|the two leaders'|the leaders')\s+(summit|meeting|talks)\b",
    re.IGNORECASE,
)
HOST_REACH = 120  # characters between such a mention and the accord it hosts
_RANK = {"time": 0, "day": 0, "week": 1, "month": 2}  # finer precisions rank lower
# A statement or communique not called joint: one government's or army's unless its issuer
# is a body or several governments ("a Baghdad war communique said" is Iraq's alone).
_PLAIN_STATEMENT = re.compile(r"statements?|communiqu[eé]s?", re.IGNORECASE)
_VISIT_A_PERSON = re.compile(
    r"\s+(?:his\s+|her\s+|their\s+|the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}"
    r"(?-i:[Ss]ecretary|[Mm]inister|President|Chancellor|Premier|King|Queen|Pope|Prince|Emir|"
    r"Sultan|Emperor|[Cc]ounterparts?)\b"
    # a head by title after a country's name: "received the Lebanese president" (not "the
    # Lebanese president's letter")
    r"|\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){1,2}(?-i:president|prime\s+minister|premier|"
    r"chancellor|king|queen|crown\s+prince|emir|foreign\s+minister)\b(?!['\u2019]s)"
)
_HOSTING = re.compile(
    r"host|receiv|welcom|greet|(?:was|were|is|are|be|been|being)\s", re.IGNORECASE
)
_GUEST_OPENING = re.compile(r"\s+(?:the\s+)?(?:visiting\s+)?")
_GUEST_REACH = 60  # characters after the verb where the guest's name ends
_PASSIVE_HOSTING = re.compile(r"(?:was|were|is|are|be|been|being)\s", re.IGNORECASE)
# A guest named by office or as a party sent: "the Saudi crown prince", "a delegation".
_GUEST_SUBJECT = re.compile(
    r"\b(?:president|prime\s+minister|premier|chancellor|king|queen|prince|emir|sultan|"
    r"minister|secretary|envoy|delegation|leader|counterpart)s?\b[^.;]*$",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\b")
_HOSTED_LEADERS = re.compile(
    r"\s+(?:the\s+|a\s+)?(?:[\w'\u2019-]+\s+){0,2}leaders\s+(?:of|from)\b", re.IGNORECASE
)
# Leaders named by their body or region right after the host: "hosted APEC leaders", "will host
# Pacific Islands Forum leaders" (the words before "leaders" name a body or a country).
_NAMED_LEADERS = re.compile(r"\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){1,3}?leaders\b", re.IGNORECASE)


# A speaker's audience: "told a meeting of insurance brokers", "speaking at a conference in
# Frankfurt", "in a speech to the Pan American forum". The gathering is its audience's own;
# it is talks between governments only if governments or a body make it up.
_ADDRESSED = re.compile(
    r"(?:\b(?:told|telling|tells|tell|address(?:ed|es|ing)?|speaking\s+(?:to|at|before)|"
    r"spoke\s+(?:to|at|before)|speaks\s+(?:to|at|before)|speech(?:es)?\s+(?:to|at|before)|"
    r"remarks\s+(?:to|at))\s+(?:an?|the)\s+(?:(?!(?:after|before|with|during|following|at|of|in|on|and|to|for|by|news|press|meetings?|conferences?|talks|sessions?)\b)[\w-]+\s+){0,4}?)$",
    re.IGNORECASE,
)
_AUDIENCE_OF = re.compile(
    r"\s+(?:of|for|organi[sz]ed\s+by|sponsored\s+by|hosted\s+by|held\s+by)\s", re.IGNORECASE
)
# Where the audience's name ends: what the speaker said, or when and where he said it.
_AUDIENCE_END = re.compile(
    r"[,;:.]|\s(?:that|on|in|at|here|today|yesterday|last|this|when|and\s+said)\b", re.IGNORECASE
)
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")  # an organisation's acronym: often governments'
_AUDIENCE_REACH = 80  # characters after the gathering that say whose it is
_ADDRESS_REACH = 70  # characters before it searched for the speaking verb


def _private_audience(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> bool:
    """Whether a meeting is only the audience a speaker addresses, and no government or body
    is named as making it up (SPEC: a minister speaking to his country's firms is no
    meeting; "told a meeting of African trade ministers" is one)."""
    if trigger.type != "meeting":
        return False
    before = _ADDRESSED.search(
        text, max(sentence.start, trigger.start - _ADDRESS_REACH), trigger.start
    )
    if before is None:
        return False
    _, high = clause_span(text, sentence, trigger, lexicon)
    end = trigger.end
    members = _AUDIENCE_OF.match(text, trigger.end, high)
    if members is not None:  # "of insurance brokers", "organised by the chamber": whose it is
        stop = _AUDIENCE_END.search(text, members.end(), min(high, members.end() + _AUDIENCE_REACH))
        end = stop.start() if stop else min(high, members.end() + _AUDIENCE_REACH)
    side = (before.start(), end)
    if lexicon.government_actors.search(text, *side) or _ACRONYM.search(text, *side):
        return False  # "of EC farm ministers", "the October GEPLACEA meeting"
    return not any(m.kind == "body" for m in sentence.mentions if side[0] <= m.start < side[1])


# One country's own organs: a meeting they hold is a domestic one ("the White House Economic
# Policy Council prepared for a Thursday meeting", "the Federal Open Market Committee at its
# February 10-11 meeting", "an October meeting of the ruling MPR party", "a cabinet meeting").
_DOMESTIC_ORGAN = (
    r"(?:(?-i:[A-Z][\w-]*\s+){0,3}(?-i:Policy\s+Council|Open\s+Market\s+Committee)|"
    r"(?:ruling|opposition|governing)\s+(?:(?-i:[A-Z][\w-]*)\s+)?party|(?-i:[A-Z]{2,5})\s+party|"
    r"politburo|central\s+committee|party\s+congress|cabinet|(?-i:Diet)|(?-i:Congress)|"
    r"(?-i:Senate)|(?-i:National\s+Assembly)|parliament|legislature)"
)
_ORGAN_BEFORE = re.compile(
    rf"\b{_DOMESTIC_ORGAN}(?:['\u2019]s)?\s+(?:(?!(?:with|and|bilateral|joint|international|"
    rf"multilateral|trade|team|delegations?|leaders?|ministers?|officials?|members?)\b)[\w-]+\s+){{0,5}}?$",
    re.IGNORECASE,
)
_ORGAN_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?{_DOMESTIC_ORGAN}\b", re.IGNORECASE)
_ORGAN_REACH = 60  # characters before a meeting word searched for its owner


def _domestic_organ(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a meeting is held by one country's own organ, a cabinet, a party, a policy
    council or a parliament, with no counterpart named after it (SPEC: purely domestic
    meetings are no event; "the Senate team will meet Kuwait's crown prince" is one)."""
    if trigger.type != "meeting" or _COUNTERPART_AFTER.match(text, trigger.end):
        return False
    if _ORGAN_AFTER.match(text, trigger.end):
        return True
    low = max(sentence.start, trigger.start - _ORGAN_REACH)
    return bool(_ORGAN_BEFORE.search(text, low, trigger.start)) and not _MEET_OBJECT.match(
        text, trigger.start
    )


_COUNTERPART_AFTER = re.compile(r"\s+(?:with|between|involving)\s", re.IGNORECASE)
# A meeting verb with a person or a country as object: "to meet Kuwait's crown prince".
_MEET_OBJECT = re.compile(r"(?:meet|meets|met)\s+(?-i:[A-Z])", re.IGNORECASE)


# Who issues a statement, named right after it: "a statement by Turkish Premier Turgut Ozal",
# "a declaration made by EC Farm Commissioner Frans Andriessen".
_ISSUED_BY = re.compile(r"\s+(?:(?:issued|made|released|read)\s+)?by\s+", re.IGNORECASE)
_ISSUER_REACH = 60  # characters after "by" where the issuer is named


def _one_issuer(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a statement "by" someone names one person as its issuer (SPEC: one person's
    remarks are no statement; "a joint statement by Japan and China" names two)."""
    issued = _ISSUED_BY.match(text, trigger.end)
    if issued is None or "joint" in text[trigger.start : trigger.end].lower():
        return False
    if _TITLED_PERSON.match(text, issued.end()):
        return True  # "by Turkish Premier Turgut Ozal": a person, whatever his country's name
    named = [m for m in sentence.mentions if issued.end() <= m.start < issued.end() + _ISSUER_REACH]
    return bool(named) and named[0].kind == "person"


# A person by title: "EC Farm Commissioner Frans Andriessen", "Turkish Premier Turgut Ozal".
_TITLED_PERSON = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?-i:Commissioner|Premier|President|Minister|Chancellor|"
    r"Secretary|Ambassador|Governor|Chairman|Director)\s+(?-i:[A-Z])"
)


def _hosts_an_official(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether the guest a host trigger names is an office holder: a title or a counterpart
    ("hosts his Indian counterpart", "hosted Vietnamese Prime Minister X") or a person the
    gazetteer knows ("hosted Putin"), not any capitalised name ("hosted Akie Abe"), nor a
    person's act ("welcomed President Reagan's firm action")."""
    named = [
        m
        for m in sentence.mentions
        if m.kind == "person" and trigger.end < m.start < trigger.end + _GUEST_REACH
    ]
    if named and _POSSESSIVE_AFTER.match(text, named[0].end):
        return False
    if _PASSIVE_HOSTING.match(text, trigger.start):
        # "Ramaphosa will be hosted by Trump": the guest is the subject before the verb
        before = text[max(sentence.start, trigger.start - _GUEST_REACH) : trigger.start]
        return bool(
            _GUEST_SUBJECT.search(before)
            or any(
                m.kind == "person" and trigger.start - _GUEST_REACH <= m.start < trigger.start
                for m in sentence.mentions
            )
        )
    if _VISIT_A_PERSON.match(text, trigger.end) or _HOSTED_LEADERS.match(text, trigger.end):
        return True  # ("will host leaders of the Group of 20": heads of government)
    leaders = _NAMED_LEADERS.match(text, trigger.end)
    if leaders is not None and any(
        m.kind in ("body", "country", "demonym") and trigger.end < m.start < leaders.end()
        for m in sentence.mentions
    ):
        return True  # "hosted APEC leaders in Shenzhen"
    opening = _GUEST_OPENING.match(text, trigger.end)
    guest = opening.end() if opening else trigger.end
    return any(m.start == guest for m in named)


# Trips that go somewhere ("visited Mosul", "a tour of the north"), not arrivals: "arrives
# in Tokyo" is often a return home from the visit itself.
_ATTENDING = re.compile(r"\battend", re.IGNORECASE)
_GOING_VISIT = re.compile(r"(?:visit|tour|travel|trip)", re.IGNORECASE)
_OBJECT_REACH = 30  # characters after "visited" where the place visited is named
_DONE_ACT = re.compile(r"agreed|signed|initial(?:l)?ed|ratified|reached\s+a\s+deal", re.I)
# An accord or statement named right after the act that made it: "exchanged MOUs", "inked a
# memorandum", "issued a joint statement".
_DONE_BEFORE = re.compile(
    r"\b(?:signed|inked|exchanged|initial(?:l)?ed|issued|released|adopted)\s+(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)
# What "signed" names when it is no accord: "signed a joint statement", "signed the guest book".
_NO_ACCORD_SIGNED = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:statements?|declarations?|communiqu|"
    r"guest\s*book|condolence|letters?|contracts?)",
    re.IGNORECASE,
)
_PLUPERFECT = re.compile(
    r"\bhad\s+(?:already\s+|previously\s+|earlier\s+)?(?:signed|inked|exchanged|initial|agreed)",
    re.IGNORECASE,
)
PAIR_REACH = 300  # characters from the talks back to "the two sides" who sign after them
_THE_TWO = re.compile(
    r"\b(?:the\s+two|both)\s+(?:leaders|presidents|prime\s+ministers|heads\s+of\s+state|sides|"
    r"countries|nations|governments|ministers|foreign\s+ministers|men)\b",
    re.IGNORECASE,
)
# An accord its own words make one between governments: one party named is enough.
_INTERNATIONAL_ACCORD = re.compile(
    r"\b(?:international|multilateral|bilateral|intergovernmental|inter-governmental)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:accords?|agreements?|pacts?|treat(?:y|ies)|protocols?|conventions?)\b"
    # an accord with official creditors, which SPEC counts as governments (not banks): "an
    # agreement reached between Nigeria and the Paris Club", "with international financial
    # authorities"
    r"|\b(?:Paris\s+Club|creditor\s+governments|international\s+(?:financial|lending|monetary)\s+"
    r"(?:authorities|institutions|agencies|organi[sz]ations))\b",
    re.IGNORECASE,
)
# A story naming no country whose accords and talks are those of producers and consumers
# under an international commodity pact: its events have no party code (SPEC: both empty).
_UNNAMED_KINDS = ("agreement", "meeting")
_PRODUCERS_BODY = re.compile(
    r"\bInternational\s+(?:[A-Z][a-z]+\s+){1,3}(?:Agreement|Organi[sz]ation|Council)\b|"
    r"\bproduc(?:ers|ing)\s+and\s+consum(?:ers|ing)\b"
)
# The World Bank and the Paris Club have no SPEC code, but one country's talks with them are
# a `meeting` (SPEC), its only participant that country ("Poland met the Paris Club"). Not
# for accords: their loans are contracts, and regional development banks' annual meetings
# are read as ministers' speeches more often than as talks (devtest fell with either).
_LENDER_BODY = re.compile(r"\b(?:World\s+Bank|Paris\s+Club)\b", re.IGNORECASE)
# The leaders' summit of the seven by its wire names: "the June economic summit", "the Venice
# summit of industrial democracies", "a seven-nation summit" (SPEC: the body's code); not "an
# economic summit between Congress and the White House".
_G7_SUMMIT = re.compile(
    r"\b(?:economic\s+summit(?!\s+(?:between|with)\b)|seven-nation\s+summit|"
    r"summit\s+(?:meeting\s+)?of\s+(?:the\s+)?(?:seven\s+)?"
    r"(?:(?:major|leading|western|big|rich|main)\s+)*"
    r"industriali?[sz]?(?:ed)?\s+(?:nations|democracies|countries|powers)|"
    r"summit\s+(?:meeting\s+)?of\s+(?:the\s+)?seven\s+(?:(?:major|leading|western|big|rich|main)\s+)*"
    r"(?:nations|democracies|countries|powers))",
    re.IGNORECASE,
)
# The councils of the commodity pacts between producing and consuming governments ("the ICO
# executive board meets tomorrow", "a special session of the International Tin Council"): their
# sessions are intergovernmental talks, with no code; a country is a party only if named. An
# acronym counts in a story that names the body in full ("ITC" is also a U.S. commission).
_COMMODITY_BODY = re.compile(
    r"\bInternational\s+(?:Coffee|Cocoa|Sugar|Tin|Natural\s+Rubber|Rubber|Tropical\s+Timber|"
    r"Wheat|Grains?|Jute|Olive\s+Oil|Lead\s+and\s+Zinc)\s+(?:Organi[sz]ation|Council|Agreement|"
    r"Study\s+Group)\b",
    re.IGNORECASE,
)
_COMMODITY_ACRONYM = re.compile(r"\b(?:ICO|ICCO|ITC|INRO|ITTO|ISO|IWC|ILZSG)\b")
# The acronyms no other body uses: they name the organisation alone.
_OWN_ACRONYM = re.compile(r"\b(?:ICO|ICCO|INRO)\b")
# Its organs, named alone once the story has named it: "the full council", "the board".
_ORGAN = re.compile(r"\b(?:council|board|committee|working\s+group)\b", re.IGNORECASE)
# Another owner of a council or committee: "the CNPC's export marketing committee", "the
# National Coffee Committee" are a country's own.
_OTHER_OWNER = re.compile(
    r"(?:(?<![\w-])(?!(?:ICO|ICCO|INRO)\b)(?-i:[A-Z][\w.-]*)['\u2019]s|(?<![\w-])National)"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)
def _commodity_story(text: str) -> bool:
    """Whether the story names a commodity pact's body in full or by an acronym of its own
    (cached: asked per trigger)."""
    return bool(_COMMODITY_BODY.search(text) or _OWN_ACRONYM.search(text))


def _commodity_session(text: str, sentence: Sentence) -> bool:
    """Whether the sentence speaks of a commodity pact's body, by name or by acronym."""
    return bool(
        _COMMODITY_BODY.search(text, sentence.start, sentence.end)
        or _OWN_ACRONYM.search(text, sentence.start, sentence.end)
    ) or bool(
        _COMMODITY_ACRONYM.search(text, sentence.start, sentence.end) and _commodity_story(text)
    )


_COMPANY_PRONE = {"meeting", "agreement", "statement"}  # acts companies do as well
_OCCASION = {"meeting", "summit", "agreement", "statement"}  # what one diplomatic occasion holds


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
    undated: bool = False  # dated by the DCT for want of a date word (a lead's or headline's act)
    closing: bool = False  # dated by the day it ends ("the talks are due to last until March 20")
    headline: bool = False  # told by the story's headline, whose present tense is the day's news
    destinations: tuple[str, ...] = ()  # a trip's countries named as a list ("to Paris and Warsaw")
    travellers: frozenset[str] = frozenset()  # who makes such a trip
    leg: str | None = None  # the country of one leg of such a trip
    series: bool = False  # talks told as the next of a series ("another round"): a new occasion
    moved_to: EventDate | None = None  # a postponed event's new day: scheduled there (SPEC)
    dct: date | None = None  # the story's date, which tells an extra date's status


# One reading of a trigger: the reading, the event it builds, the ranker's features for it.
_Choice = tuple[Reading, _Candidate, dict[str, float]]


def find_events(article: Article, *, ranked: bool = True) -> list[Event]:
    """The diplomatic events of ``article`` (SPEC.md), one per real event.

    With ``ranked`` and a shipped ranker model, the learned ranker picks each trigger's
    reading among all the sentence allows; else the rules' reading stands.
    """
    ranker = shipped_ranker() if ranked else None
    choices = _trigger_choices(article, alternatives=ranker is not None)
    return choose_events(choices, ranker)


def event_readings(article: Article) -> list[list[_Choice]]:
    """Per trigger, every reading the ranker weighs: the reading, its event, its features.

    For training and measuring the ranker (``scripts/train_event_ranker.py``); hand the
    result to ``choose_events`` to get the article's events under a given ranker.
    """
    return _trigger_choices(article, alternatives=True)


def choose_events(choices: list[list[_Choice]], ranker: Ranker | None) -> list[Event]:
    """The events kept: per trigger the rules' reading, or the ranker's best above its bar."""
    kept: list[_Candidate] = []
    for options in choices:
        if ranker is None:
            kept += [_copy(c) for reading, c, _ in options if reading.by_rules]
            continue
        chosen = _ranked_choice(options, ranker)
        if chosen is not None:
            kept.append(chosen)
    return [_to_event(c) for c in _merge(kept)]


def _ranked_choice(options: list[_Choice], ranker: Ranker) -> _Candidate | None:
    """The most probable reading of a trigger among those that clear their bar (the rules'
    reading ``keep``, any other ``add``); None when none does."""
    best: tuple[float, _Candidate] | None = None
    for reading, candidate, features in options:
        p = ranker.probability(features)
        if p < (ranker.keep if reading.by_rules else ranker.add):
            continue
        if best is None or p > best[0]:
            best = (p, candidate)
    if best is None:
        return None
    chosen = _copy(best[1])
    chosen.confidence = max(0.1, min(0.95, best[0]))
    return chosen


# What makes a leader's trip the leaders' talks too: its clause speaks of talks or of the host
# meeting the guest ("visits Bonn next week for talks with Chancellor Kohl", "to discuss trade
# with President Reagan", "was received by Prime Minister Modi"). A trip named only as a date
# ("after Nakasone's visit to Washington on April 29", "in time for the visit") is a visit.
_TALKS_CUE = re.compile(
    r"\b(?:talks|discuss(?:es|ed|ing|ions?)?|negotiat(?:e|es|ed|ing|ions?)|meet(?:s|ing)?|met|"
    r"(?:received|hosted|welcomed|greeted)\s+by|summit)\b|"
    r"\bwith\s+(?:[A-Z][\w.-]*\s+){0,2}(?:President|Prime\s+Minister|Chancellor|Premier|King)\b",
)


def _visit_for_talks(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> bool:
    """Whether a leader's visit is worded as made for talks with the host: only then is it
    a summit as well (SPEC: a visit "for talks" gives the visit and the talks). Read from the
    trip's clause on, so a guest "who will meet President Reagan" counts, and meetings the
    sentence names before the trip ("after meetings with an envoy paving the way for the
    visit") do not."""
    low, _ = clause_span(text, sentence, trigger, lexicon)
    cue = _TALKS_CUE.search(text, low, sentence.end)
    # "arrive on Tuesday and hold a meeting with Kast the day after the inauguration": the
    # talks have their own day, counted from another occasion
    return cue is not None and not DAY_BY_OCCASION.match(text, cue.end(), sentence.end)


# A trip made to discuss something with the hosts is talks with them (SPEC: a visit "for talks"
# gives the visit and the talks): "arrived in Caracas last night to discuss an aid plan", "a
# one-week visit starting on April 11 to discuss the plane with the agency", "the purpose of
# the visit would be to discuss", "a visit during which he discussed the crisis with the
# president". Not "declined to discuss the visit" (the discussing is not the trip's).
_TO_DISCUSS = re.compile(
    r"\b(?:to|be\s+to)\s+(?:hold\s+)?discuss(?:ions)?\b|"
    r"\bduring\s+which\s+(?:he|she|they|the\s+\w+)\s+(?:also\s+)?discussed\b",
    re.IGNORECASE,
)
DISCUSS_REACH = 120  # characters from the trip to the discussing it is made for


def _visit_to_discuss(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether the trip's own words say it is made to discuss something (then it is talks):
    no comma between them, which would start another clause ("who will visit Washington next
    week, declined to discuss it")."""
    found = _TO_DISCUSS.search(text, trigger.end, min(sentence.end, trigger.end + DISCUSS_REACH))
    return bool(found) and not any(c in ",;:" for c in text[trigger.end : found.start()])


def _as_talks(visit: _Candidate) -> _Candidate:
    """The talks a trip to discuss something is made for, with the trip's parties and date."""
    talks = _copy(visit)
    talks.type = "meeting"
    return talks


def _as_summit(visit: _Candidate) -> _Candidate:
    """The leaders' talks a leader's visit to another leader is made for ("Nakasone will
    visit Washington on April 29 to discuss trade with President Reagan"): a summit too."""
    summit = _copy(visit)
    summit.type = "summit"
    return summit


# "EC industry ministers agreed on a plan": ministers agreeing together met to do so.
_MINISTERS_SUBJECT = re.compile(
    r"\b(?:ministers|delegates|negotiators|delegations|ambassadors|envoys)\b"
    r"(?:\s+(?:of|from)\s+[^,;]{1,60}?)?"
    # "EU ambassadors on Friday agreed": the day may stand between them and their verb
    r"(?:\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|today|yesterday))?"
    r"\s+(?:have\s+|had\s+|finally\s+|also\s+|formally\s+)?$",
    re.IGNORECASE,
)
_AGREEING = re.compile(r"agreed|reached\s+a\s+deal|signed|initial(?:l)?ed", re.IGNORECASE)


def _ministers_agree(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> bool:
    """Whether ministers or delegations, as the subject right before it, agree or sign: the
    agreement reports their meeting too (SPEC: "In Paris, finance ministers ... agreed")."""
    if not _AGREEING.fullmatch(text, trigger.start, trigger.end):
        return False
    low, _ = clause_span(text, sentence, trigger, lexicon)
    return bool(_MINISTERS_SUBJECT.search(text, max(low, trigger.start - 100), trigger.start))


# Words of talks held at a distance: no summit then.
_REMOTE = re.compile(
    r"\b(?:phone|telephone|call|calls|video|virtual|virtually|letter|letters|message)\b", re.I
)
_AND = re.compile(r"\s(?:and|&)\s")
SUBJECT_REACH = 40  # characters between the last leader named and the verb they agree with


def _leaders_agree(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether two countries' leaders, named together as its subject, agree or sign: "Lee and
    Ishiba agreed on Saturday to deepen cooperation" reports their summit (not by phone)."""
    if not _AGREEING.fullmatch(text, trigger.start, trigger.end):
        return False
    if _REMOTE.search(text, sentence.start, sentence.end):
        return False
    low, _ = clause_span(text, sentence, trigger, lexicon)
    leaders = [
        m
        for m in sentence.mentions
        if m.kind == "person" and m.role == "leader" and low <= m.start and m.end <= trigger.start
    ]
    if len({m.code for m in leaders}) < 2 or trigger.start - leaders[-1].end > SUBJECT_REACH:
        return False
    between = text[leaders[0].end : leaders[-1].start]
    return bool(_AND.search(between)) and not any(c in between for c in ",;")


_STATEMENT_SIGNED = re.compile(
    r"\s+(?:a|an|the|their|its)\s+(?:joint\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:statement|declaration|communiqu[eé])s?\b",
    re.IGNORECASE,
)


def _signs_a_statement(text: str, trigger: Trigger) -> bool:
    """Whether "signed" signs a joint statement or declaration: a statement, not an accord
    ("Putin and Xi signed a joint statement on deepening their partnership")."""
    return (
        trigger.type == "agreement"
        and text[trigger.start : trigger.end].lower() in ("signed", "signs", "signing", "sign")
        and bool(_STATEMENT_SIGNED.match(text, trigger.end))
    )


def _as_meeting(accord: _Candidate) -> _Candidate:
    """The ministers' meeting an accord they agreed on was reached at, on its date."""
    meeting = _copy(accord)
    meeting.type = "meeting"
    return meeting


def _copy(candidate: _Candidate) -> _Candidate:
    """A candidate merging may change, leaving the one it came from as it was."""
    return _Candidate(
        **{
            **_fields(candidate),
            "participants": set(candidate.participants),
            "people": list(candidate.people),
        }
    )


def _trigger_choices(article: Article, *, alternatives: bool) -> list[list[_Choice]]:
    """For each trigger, its readings built into candidate events (built ones only).

    The rules' reading comes first; with ``alternatives`` the other dates of the sentence
    and, for a trigger the rules leave undated, the DCT follow (for the first
    ``RANKED_TRIGGERS`` triggers: bounded time on hostile text). Undated statements and
    agreements that inherit a meeting's date come last, each as its own trigger.
    """
    text = article.text[:MAX_CHARS]  # bounded time: dates are only read this far either
    if not text or not text.strip():
        return []
    lexicon = load_lexicon()
    dct = article.dct
    dateline = find_dateline(text)
    here = dateline.place if dateline else None
    sentences = index_sentences(text, dct, lexicon)
    article_codes = story_parties(article, sentences)
    banks = bank_story(article)  # a story about commercial lenders' talks
    found: list[list[_Choice]] = []
    ruled: list[_Candidate] = []
    undated: list[tuple[Trigger, Sentence, int]] = []
    leads = lead_sentences(text, sentences)
    visit_talks: list[list[_Choice]] = []  # leaders' visits read as their summits
    orphans: list[tuple[Trigger, Sentence, Reading]] = []  # day-dated, but with no parties
    budget = RANKED_TRIGGERS
    previous_pair: frozenset[str] = frozenset()
    accord_parties: frozenset[str] = frozenset()  # the parties of the last accord named with them
    talks_parties: frozenset[str] = frozenset()  # the parties of the last talks named with them
    talks_index = 0  # the sentence that named them
    last_person = _Antecedent()  # the last person named, for a following "he"
    for index, sentence in enumerate(sentences):
        he_she = last_person
        last_person = _last_person(text, sentence, last_person)
        dates = attach_dates(text, sentence, lexicon)
        budget -= len(sentence.triggers)
        alternatives = alternatives and budget >= 0
        named = sentence_dates(text, sentence, lexicon) if alternatives else []
        pair = _two_named(previous_pair, sentence)
        previous_pair = pair
        accord_parties = _accord_parties(text, sentence, lexicon) or accord_parties
        talks_before = talks_parties if index - talks_index <= TALKS_REACH else frozenset()
        named_talks = _talks_parties(text, sentence, lexicon)
        if named_talks:
            talks_parties, talks_index = named_talks, index
        for trigger in sentence.triggers:
            readings = _readings(
                text, sentence, trigger, index, leads.get(index), dct, lexicon, dates, named
            )
            if not any(r.by_rules for r in readings):
                undated.append((trigger, sentence, index))
            choices: list[_Choice] = []
            for reading in readings if alternatives else readings[:1]:
                if not (alternatives or reading.by_rules):
                    continue
                built = _build(
                    text,
                    sentence,
                    trigger,
                    reading.when,
                    dct,
                    here,
                    lexicon,
                    article_codes,
                    pair=pair,
                    antecedent=accord_parties,
                    talks_antecedent=talks_before,
                    banks=banks,
                    he_she=he_she,
                )
                if built is None:
                    if reading.by_rules and reading.when.precision == "day":
                        orphans.append((trigger, sentence, reading))
                    continue
                candidate, facts = built
                candidate.undated = reading.timex is None and reading.when.precision == "day"
                candidate.headline = reading.lead == "headline"
                candidate.closing = _closing_date(text, trigger, reading.timex)
                if reading.by_rules:
                    ruled.append(candidate)
                features = (
                    reading_features(text, reading, dct, lexicon, facts) if alternatives else {}
                )
                choices.append((reading, candidate, features))
            if (
                choices
                and not agreed_penalty(text, trigger)
                and not _signs_a_statement(text, trigger)
            ):
                found.append(choices)
            if (
                trigger.type == "visit"
                and choices
                and (
                    leaders_meet(text, sentence, trigger, lexicon)
                    or _head_pronoun_meets(text, sentence, he_she)
                )
                and _visit_for_talks(text, sentence, trigger, lexicon)
                and not any(
                    other.type == "summit" and purpose_of(text, trigger, other)
                    for other in sentence.triggers
                )  # "to depart for the G20 summit on Friday": that summit is the talks
            ):
                visit_talks.append([(r, _as_summit(c), dict(f)) for r, c, f in choices])
            elif trigger.type == "visit" and choices and _visit_to_discuss(text, sentence, trigger):
                found.append([(r, _as_talks(c), dict(f)) for r, c, f in choices])
            if (
                trigger.type == "agreement"
                and choices
                and _ministers_agree(text, sentence, trigger, lexicon)
            ):
                found.append([(r, _as_meeting(c), dict(f)) for r, c, f in choices])
            elif (
                trigger.type == "agreement"
                and choices
                and _leaders_agree(text, sentence, trigger, lexicon)
            ):
                found.append([(r, _as_summit(c), dict(f)) for r, c, f in choices])
            if trigger.type == "election":
                for when, code, timex in _election_roll(text, sentence, trigger):
                    built = _build(text, sentence, trigger, when, dct, here, lexicon, article_codes)
                    if built is None:
                        continue
                    candidate, facts = built
                    candidate.participants = {code}
                    candidate.location = None
                    reading = Reading(trigger, sentence, index, when, timex, True)
                    features = (
                        reading_features(text, reading, dct, lexicon, facts) if alternatives else {}
                    )
                    found.append([(reading, candidate, features)])
    dated_summits = [c for c in ruled if c.type == "summit"]
    found += [
        options
        for options in visit_talks
        if not any(
            len(s.participants & options[0][1].participants) >= 2
            and not s.participants & BODY_CODES
            for s in dated_summits
        )
    ]  # a summit the story names itself is dated on its own, not by the trip (a body's
    # summit, "the Venice summit of the seven", is another occasion than the trip's talks;
    # one the traveller alone shares, "a meeting of European leaders in Kyiv", is another)
    for reading, candidate, facts in _inherit(
        text, undated, ruled, dct, here, lexicon, article_codes
    ):
        features = reading_features(text, reading, dct, lexicon, facts) if alternatives else {}
        if features:
            features["inherited"] = 1.0
        found.append([(reading, candidate, features)])
    for reading, candidate, facts in _on_the_trip(text, undated, ruled, dct, here, lexicon):
        features = reading_features(text, reading, dct, lexicon, facts) if alternatives else {}
        found.append([(reading, candidate, features)])
    for reading, candidate, facts in _by_another_occasion(
        text, undated, ruled, dct, here, lexicon, article_codes
    ):
        features = reading_features(text, reading, dct, lexicon, facts) if alternatives else {}
        found.append([(reading, candidate, features)])
    found += _occasion_days(text, found, orphans, lexicon, alternatives=alternatives)
    if alternatives:
        add_story_features(found, dct, article_codes)
    return found


# A sentence placed on a trip told before: "Upon arrival, he met ...", "During the visit, he
# will meet ...", "On his arrival, ...".
_ON_THE_TRIP = re.compile(
    r"\s*(?:(?:upon|on|after)\s+(?:his|her|their|the\s+delegation's\s+)?\s*arrival|"
    r"during\s+(?:the|his|her|their|that)\s+(?:[\w-]+\s+)?(?:visit|trip|stay|tour))\s*,",
    re.IGNORECASE,
)


_HEAD_WORD = re.compile(r"\b(?:president|prime\s+minister|premier|chancellor|king|emir)\b", re.I)


def _on_the_trip(
    text: str,
    undated: list[tuple[Trigger, Sentence, int]],
    ruled: list[_Candidate],
    dct: date | None,
    here: str | None,
    lexicon: EventLexicon,
) -> list[tuple[Reading, _Candidate, Built]]:
    """Talks a sentence places on the trip the story told just before, with no date of their
    own: they take the trip's day ("Upon arrival, he met ...": its first) or its days ("During
    the visit, he will meet ...": SPEC, an event placed inside a dated trip takes its span)."""
    found: list[tuple[Reading, _Candidate, Built]] = []
    for trigger, sentence, index in undated:
        opening = _ON_THE_TRIP.match(text, sentence.start)
        if trigger.type not in TALK_KINDS or opening is None:
            continue
        trips = [c for c in ruled if c.type == "visit" and c.start < sentence.start]
        if not trips:
            continue
        trip = trips[-1]
        arrival = "arriv" in opening.group(0).lower()
        when = EventDate(trip.when.value[:10], None, "day") if arrival else trip.when
        traveller = _Antecedent(
            frozenset(trip.participants), bool(_HEAD_WORD.search(trip.evidence))
        )  # "he" is the traveller: the trip's parties stand for him and his hosts
        borrowed = _borrowed_date(
            text,
            (trigger, sentence, index),
            when,
            dct,
            here,
            lexicon,
            set(trip.participants),
            he_she=traveller,
        )
        if borrowed is not None:
            found.append(borrowed)
    return found


def _borrowed_date(
    text: str,
    mention: tuple[Trigger, Sentence, int],
    when: EventDate,
    dct: date | None,
    here: str | None,
    lexicon: EventLexicon,
    parties: set[str],
    *,
    he_she: _Antecedent | None = None,
) -> tuple[Reading, _Candidate, Built] | None:
    """An undated trigger's event on a day another event of the story lends it (a trip's, an
    occasion's it is told the day before or after), marked as borrowed; None when it is no
    diplomatic event."""
    trigger, sentence, index = mention
    built = _build(text, sentence, trigger, when, dct, here, lexicon, parties, he_she=he_she)
    if built is None:
        return None
    candidate, facts = built
    candidate.inherited = True
    return Reading(trigger, sentence, index, when, None, True), candidate, facts


_OCCASION_TYPES = {
    "conference": ("meeting", "summit"),
    "summit": ("summit",),
    "meeting": ("meeting", "summit"),
    "talks": ("meeting", "summit"),
    "session": ("meeting",),
    "inauguration": ("election",),
    "election": ("election",),
    "vote": ("election",),
    "referendum": ("election",),
    "visit": ("visit",),
}


def _by_another_occasion(
    text: str,
    undated: list[tuple[Trigger, Sentence, int]],
    ruled: list[_Candidate],
    dct: date | None,
    here: str | None,
    lexicon: EventLexicon,
    article_codes: set[str],
) -> list[tuple[Reading, _Candidate, Built]]:
    """An undated occasion told as the day before or after another the story dates to a day
    ("The group's price committee will meet the day before the conference opens"): that
    day, counted from the other's first day (or its last, for one that "ends")."""
    found: list[tuple[Reading, _Candidate, Built]] = []
    for trigger, sentence, index in undated:
        told = DAY_BY_OCCASION.match(text, trigger.end, sentence.end)
        if told is None or trigger.type == "statement":
            continue
        if any(trigger.end <= t.start < told.start("day") for t in sentence.triggers):
            continue  # "attend the inauguration and hold talks the day after it": the talks'
        kinds = _OCCASION_TYPES[told["noun"].lower()]
        ahead = _future(text, sentence, trigger, lexicon)
        anchors = [
            c
            for c in ruled
            if c.type in kinds
            and c.when.precision in ("day", "time")
            and c.start != trigger.start
            and (not ahead or c.status in ("scheduled", "postponed"))
            and not c.closing  # ("is expected to end on Saturday" tells no first day)
        ]  # ("will meet the day before the conference opens": a conference still ahead)
        if not anchors:
            continue
        anchor = anchors[-1] if anchors[-1].start < trigger.start else anchors[0]
        first, last = interval(anchor.when)
        ends = bool(told["verb"]) and told["verb"].strip().lower() in ("ends", "closes")
        base = last if ends else first
        day = base + timedelta(days=-1 if told["side"].lower() == "before" else 1)
        when = EventDate(day.isoformat(), None, "day")
        parties = set(anchor.participants) or article_codes  # "their ministers": the anchor's
        borrowed = _borrowed_date(
            text, (trigger, sentence, index), when, dct, here, lexicon, parties
        )
        if borrowed is not None:
            found.append(borrowed)
    return found


# One item of a roll of votes after an election word: "national elections in the coming months:
# Mozambique on Oct. 9, Botswana on Oct. 30 and Namibia on Nov. 27".
_ROLL_GAP = re.compile(r"\s+on\s+")
_ROLL_BEFORE = re.compile(r"(?:[:;,]|\band)\s*$")
ROLL_REACH = 200  # characters after the election word where its roll of votes is read


def _election_roll(
    text: str, sentence: Sentence, trigger: Trigger
) -> list[tuple[EventDate, str, Timex]]:
    """The (date, country) items listed after an election word, each a country's vote: a
    country's name opening a list item ("Botswana on Oct. 30") right before its day."""
    starts = {t.start: t for t in sentence.timexes}
    items: list[tuple[EventDate, str, Timex]] = []
    high = min(sentence.end, trigger.end + ROLL_REACH)
    for mention in sentence.mentions:
        if not (trigger.end < mention.start < high) or mention.kind != "country":
            continue
        gap = _ROLL_GAP.match(text, mention.end)
        timex = starts.get(gap.end()) if gap else None
        when = event_date_from_timex(timex) if timex is not None else None
        if when is None or when.precision not in ("day", "time"):
            continue
        if not _ROLL_BEFORE.search(text, max(sentence.start, mention.start - 6), mention.start):
            continue
        items.append((when, mention.code, timex))
    return items if len(items) >= 2 else []


# Words that give the day an event ends, not the day it happens: "the talks are due to last
# until March 20", "the meeting, scheduled to end on March 27", "the session runs through Friday".
_ENDS_AT = re.compile(
    r"\b(?:last|lasts|run|runs|end|ends|close|closes|conclude|concludes|continue|continues|"
    r"ended|closed|concluded|wrapped\s+up|broke\s+up)"
    r"\s+(?:(?:on|until|till|through|to|by)\s+)?$",
    re.IGNORECASE,
)
CLOSING_REACH = 80  # characters between a trigger and the end date after it


def _closing_date(text: str, trigger: Trigger, timex: Timex | None) -> bool:
    """Whether the date word read for the trigger is the day its event ends."""
    if timex is None or timex.start < trigger.end or timex.start - trigger.end > CLOSING_REACH:
        return False
    return bool(_ENDS_AT.search(text, trigger.end, timex.start))


def _occasion_days(
    text: str,
    found: list[list[_Choice]],
    orphans: list[tuple[Trigger, Sentence, Reading]],
    lexicon: EventLexicon,
    *,
    alternatives: bool,
) -> list[list[_Choice]]:
    """One occasion named by its day once and by its month elsewhere ("the February 22
    agreement" ... "at a meeting in Paris last month, the six agreed"): the month-dated
    talks and accords of that occasion take the day; a day-dated mention that names no party
    of its own takes the parties of the month-dated one (it is the same occasion).

    Only for talks and accords reported as done, and only when the story names one such day
    in that month (two days would be two occasions), in another sentence (one sentence telling
    a month and a day tells two occasions).
    """
    ruled = [c for options in found for r, c, _ in options if r.by_rules]
    days: dict[str, set[str]] = {}
    places: dict[str, set[str]] = {}  # the towns each month's dated occasions were held in
    told_in: dict[str, set[str]] = {}  # the sentences that tell each day's occasion
    for candidate in ruled:
        if (
            candidate.type in _OCCASION
            and candidate.when.precision == "day"
            and candidate.status != "scheduled"  # talks set for later are another occasion
        ):
            days.setdefault(candidate.when.value[:7], set()).add(candidate.when.value[:10])
            told_in.setdefault(candidate.when.value[:10], set()).add(candidate.evidence)
            if candidate.location:
                places.setdefault(candidate.when.value[:7], set()).add(candidate.location)
    orphan_days = [
        (trigger, sentence, reading)
        for trigger, sentence, reading in orphans
        if trigger.type in _OCCASION and not _not_governments(text, sentence, trigger, lexicon)
    ]
    for _, _, reading in orphan_days:
        days.setdefault(reading.when.value[:7], set()).add(reading.when.value[:10])
    added: list[list[_Choice]] = []
    for candidate in ruled:
        month = candidate.when.value
        if (
            candidate.type not in _OCCASION
            or candidate.when.precision != "month"
            or candidate.status != "occurred"
            or candidate.series
            or len(days.get(month, ())) != 1
            # "an accord adopted earlier this month in Geneva" is not the London meeting of
            # that month: one occasion is held in one town
            or (
                candidate.location
                and places.get(month, {candidate.location}) != {candidate.location}
            )
        ):
            continue
        day = next(iter(days[month]))
        if candidate.evidence in told_in.get(day, ()):
            continue  # "a summit earlier this month, and talks in Geneva on Sunday": two
        candidate.when = EventDate(day, None, "day")
        for trigger, sentence, reading in orphan_days:
            if reading.when.value[:10] != day:
                continue
            orphan = _copy(candidate)
            orphan.type = trigger.type
            orphan.start = trigger.start
            orphan.evidence = _evidence(text, sentence)
            orphan.inherited = True
            added.append([(reading, orphan, {} if not alternatives else {"inherited": 1.0})])
    return added


def _two_named(previous: frozenset[str], sentence: Sentence) -> frozenset[str]:
    """The two countries the story last named together (people and places count): the pair
    "the two leaders" or "the two sides" stands for; else the pair named before."""
    named = frozenset(
        c
        for m in sentence.mentions
        if m.kind in ("person", "country", "capital", "adjective", "demonym", "city")
        for c in codes_of(m)
        if c not in BODY_CODES
    )
    if len(named) == 2:
        return named
    # "Trump and Xi meet in Busan": two people of two countries are the two leaders, whatever
    # place they meet in.
    people = frozenset(
        c
        for m in sentence.mentions
        if m.kind == "person"
        for c in codes_of(m)
        if c not in BODY_CODES
    )
    return people if len(people) == 2 else previous


def _readings(
    text: str,
    sentence: Sentence,
    trigger: Trigger,
    index: int,
    lead: str | None,
    dct: date | None,
    lexicon: EventLexicon,
    dates: dict[int, tuple[EventDate, Timex]],
    named: list[tuple[Timex, EventDate, bool]],
) -> list[Reading]:
    """The rules' reading of a trigger (if any) first, then the other dates it could take.

    Each dated reading carries its rank among the sentence's dates by distance to the
    trigger; the DCT is a reading too, unless the rules already read the trigger so.
    """
    order = sorted(
        (trigger_distance(text, trigger, timex, lexicon, sentence.start), n)
        for n, (timex, _, _) in enumerate(named)
    )
    rank_of = {id(named[n][0]): rank for rank, (_, n) in enumerate(order)}
    readings: list[Reading] = []
    chosen = dates.get(id(trigger))
    if chosen is not None:
        rank = rank_of.get(id(chosen[1]), 0)
        readings.append(
            Reading(trigger, sentence, index, chosen[0], chosen[1], True, rank=rank, lead=lead)
        )
    else:
        when = undated_date(text, sentence, trigger, lead, dct, lexicon, set(dates))
        if when is not None:
            readings.append(Reading(trigger, sentence, index, when, None, True, lead=lead))
    taken = chosen[1] if chosen is not None else None
    for timex, when, reported in named:
        if timex is not taken:
            readings.append(
                Reading(
                    trigger, sentence, index, when, timex, False, reported, rank_of[id(timex)], lead
                )
            )
    today = EventDate(dct.isoformat(), None, "day") if dct is not None else None
    if today is not None and not any(r.by_rules and r.when == today for r in readings):
        readings.append(Reading(trigger, sentence, index, today, None, False, lead=lead))
    return readings


def _status(
    text: str,
    sentence: Sentence,
    trigger: Trigger,
    when: EventDate,
    dct: date | None,
    lexicon: EventLexicon,
) -> str:
    low = max(sentence.start, trigger.start - 80)
    high = min(sentence.end, trigger.end + 80)
    window = text[low:high]
    if _status_cue(text, lexicon.cancelled, low, high, trigger) or _did_not_happen(
        text, sentence, trigger
    ):
        return "cancelled"
    if _status_cue(text, lexicon.postponed, low, high, trigger):
        return "postponed"
    relative_status = _status_after_relative(text, sentence, trigger, lexicon)
    if relative_status is not None:
        return relative_status
    plan = _PLAN_THEN_PREDICATE.match(text, trigger.end, sentence.end)
    if plan is not None:
        # "A summit of Japan, China and South Korea that had been planned for Jan. 24-25 in
        # Tokyo has been postponed to mid-March": the sentence's verb, past the plan, is its
        if lexicon.cancelled.match(text, plan.end()):
            return "cancelled"
        if lexicon.postponed.match(text, plan.end()):
            return "postponed"
    future = _future(text, sentence, trigger, lexicon)
    if dct is None:
        return "scheduled" if future else "occurred"
    first, last = interval(when)
    if first > dct:
        return "scheduled"
    if last < dct:
        return "occurred"
    if (
        trigger.type in DECIDED_WHEN_ANNOUNCED
        and when.precision in ("day", "time")  # not "will lift them by the end of the month"
        and lexicon.reporting.search(window)
    ):
        return "occurred"  # "Trump said on Monday he was set to impose tariffs": decided today
    if departs_for(text, sentence, trigger):
        return "scheduled"  # "to depart for the summit on Wednesday": it follows the departure
    if _BEFORE_IT.search(text, max(sentence.start, trigger.start - 16), trigger.start):
        return "scheduled"  # "Speaking before his departure for Paris": the trip is still ahead
    if lexicon.near_future.search(text, low, high):
        return "scheduled"  # "talks were likely in Istanbul in the coming days": still ahead
    return "scheduled" if future else "occurred"


# A trip made in no official role is no state's visit, nor are its talks a government's (SPEC:
# visits and meetings are between governments).
_PRIVATE_TRIP = re.compile(
    r"\b(?:in\s+(?:a|his|her|their|what\s+[\w.'\u2019-]+(?:\s+[\w.'\u2019-]+)?\s+"
    r"(?:described|called|termed)\s+as\s+a)\s+private\s+capacity|"
    r"on\s+(?:a|his|her|their)\s+private\s+(?:visit|trip))\b",
    re.IGNORECASE,
)


# An event named as what something happens before, on the story's day: it has not happened yet.
_BEFORE_IT = re.compile(
    r"\b(?:before|ahead\s+of)\s+(?:(?:his|her|their|its|the)\s+)?$", re.IGNORECASE
)


# The passive verb of a sentence after its event's old plan: "the summit between Britain and
# the EU, originally set for May 19, has been", "the talks which were scheduled for Jan. 18
# have been".
_PLAN_THEN_PREDICATE = re.compile(
    PLAN_CLAUSE
    + r"[^;:]{1,60}?,?\s+(?:(?:has|have|had|was|were)\s+(?:now\s+|since\s+|also\s+)?been\s+"
    # "A meeting between Tshisekedi and Kagame in Luanda, planned for December, was called off"
    + r"|(?:was|were)\s+(?:now\s+|also\s+|abruptly\s+|later\s+|then\s+)?"
    # "The summit, originally planned for December, will now be held in January"
    + r"|(?=will\s+now\s+(?:take\s+place|be\s+held)))",
    re.IGNORECASE,
)
# The trigger's own relative clause, then the sentence's verb: "The 25% tariffs that the United
# States was due to impose on Mexican goods today have been put on hold until March 4".
_RELATIVE_OPENS = re.compile(MEASURE_TARGET + r"\s+(?:that|which)\s", re.IGNORECASE)
_PASSIVE_PREDICATE = re.compile(
    r"\s(?:(?:has|have|had)\s+(?:now\s+|since\s+|also\s+)?been|(?:was|were)\s+"
    r"(?:now\s+|also\s+|abruptly\s+|later\s+|then\s+)?)\s*",
    re.IGNORECASE,
)
RELATIVE_REACH = 140  # characters after the trigger searched for its clause's verb


def _status_after_relative(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> str | None:
    """A cancel or delay verb whose subject is the trigger, past the trigger's own relative
    clause (no comma between): "tariffs that Washington was due to impose today have been
    put on hold"."""
    opens = _RELATIVE_OPENS.match(text, trigger.end)
    if opens is None:
        return None
    high = min(sentence.end, trigger.end + RELATIVE_REACH)
    for verb in _PASSIVE_PREDICATE.finditer(text, opens.end() - 1, high):
        if verb.start() < opens.end():
            continue  # "tariffs that were postponed in March took effect": the clause's own verb
        if any(mark in text[trigger.end : verb.start()] for mark in ",;:()"):
            return None
        if lexicon.cancelled.match(text, verb.end()):
            return "cancelled"
        if lexicon.postponed.match(text, verb.end()):
            return "postponed"
    return None


# A cancel or delay cue that is only threatened or asked for: "threats to scrap the
# agreement", "could encourage Washington to cancel", "failed to convince America to call off".
_HYPOTHETICAL_CUE = re.compile(
    r"(?:\b(?:could|might|may|would|should|threat(?:s|en|ens|ened)?|urg(?:e|es|ed|ing)|"
    r"persuade|convince|ask(?:s|ed)?|call(?:s|ed)? on)\b(?:\s+[\w.'-]+){0,3}?\s+(?:to\s+)?"
    r"|\bcall(?:s|ed|ing)?\s+for\s+(?:a\s+|the\s+)?)$",
    re.IGNORECASE,
)
# What a transitive cue acts on when it is no event: debts rescheduled, tariffs called off,
# retaliation or deliveries delayed ("reschedule Nigeria's official debts").
_CUE_OBJECT = re.compile(
    r"\s+(?:[\w'\u2019.-]+\s+){0,5}?"
    r"(?:debts?|payments?|principal|interest|loans?|arrears|maturities|obligations|tariffs?|"
    r"duties|retaliation|sanctions|penalties|deliveries|shipments|exports|imports|plans?|"
    r"proposals?|decision|issue|question|legislation|bill|project|programme|program|purchases?)\b",
    re.IGNORECASE,
)
# "the issue has been shelved during the visit": a passive cue is its subject's status, so
# not that of a trigger named after it.
_PASSIVE_CUE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
# "will rerun its election in May after the first vote was annulled": a passive cue in a
# subordinate clause opened after the trigger tells the status of that clause's own subject.
_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:after|because|since|when|as|while|although|though|following|before|until|once|if)"
    r"\s+[\w'\u2019-]",
    re.IGNORECASE,
)
_CUE_GAP = 40  # characters before a cue searched for a threat or a passive auxiliary


# A planned occasion told as not having happened, the occasion (or "it") its subject: "but the
# encounter never took place", "the meeting fell through", "the visit failed to materialise"
# (not "a deal never materialised": another thing's).
_DID_NOT_HAPPEN = re.compile(
    r"(?P<subject>\s+(?:the|that|this|a|any)\s+(?:[\w-]+\s+)?(?:encounter|meeting|talks|summit|"
    r"visit|trip|session|conference|round|ceremony|signing|vote|election)|\s+it)?\s+"
    r"(?:never\s+(?:took|take)\s+place|did\s+not\s+take\s+place|didn't\s+take\s+place|"
    r"never\s+happened|never\s+materiali[sz]ed|(?:failed|fail)\s+to\s+materiali[sz]e|"
    r"fell\s+through)\b",
    re.IGNORECASE,
)
_CUE_SUBJECT_GAP = re.compile(r"[^.;:]{0,120}?(?:,\s*(?:but|and)|\s+but|\s+and)$", re.IGNORECASE)


def _did_not_happen(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether the trigger's occasion is told, later in its sentence, not to have happened."""
    for match in _DID_NOT_HAPPEN.finditer(text, trigger.end, sentence.end):
        if match["subject"] is None:
            if match.start() == trigger.end:
                return True  # "the meeting fell through": the trigger is the subject
            continue  # "a deal never materialised": another thing's subject before it
        if _CUE_SUBJECT_GAP.fullmatch(text, trigger.end, match.start()):
            return True  # "proposed meeting Putin on Thursday, but the encounter never took place"
    return False


def _status_cue(text: str, cue: re.Pattern[str], low: int, high: int, trigger: Trigger) -> bool:
    """Whether a cancel or delay cue near the trigger tells the trigger's own status: not one
    only threatened, one acting on a debt or a tariff, nor a passive one whose subject comes
    before the trigger or opens a subordinate clause after it (the word of another thing)."""
    for match in cue.finditer(text, low, high):
        before = text[max(low, match.start() - _CUE_GAP) : match.start()]
        if _HYPOTHETICAL_CUE.search(before):
            continue
        thing = _CUE_OBJECT.match(text, match.end(), high)
        if thing and not thing.start() <= trigger.start < thing.end():
            continue  # the cue acts on something else, not on the trigger's event
        if _PASSIVE_CUE.search(before) and (
            match.start() < trigger.start
            or _SUBORDINATE_SUBJECT.search(text, trigger.end, match.start())
        ):
            continue
        return True
    return False


# An accord's participle of being made: what follows in the clause is its effect, not its time.
_DONE_AFTER = re.compile(
    r"(?:\s+(?!(?:will|would|shall|to|be|been|being|is|are|was|were|may|might|could|should|"
    r"must|can|that|which)\b)[\w.'-]+){0,3}?"
    r"\s+(?:reached|signed|concluded|struck|initial(?:l)?ed|sealed|clinched|hammered\s+out)\b",
    re.IGNORECASE,
)
# A date that itself looks ahead, however far after the trigger: "his visit to Washington
# later this week" (the week holds the DCT, so the date alone leaves the status open).
_LATER_THIS = re.compile(r"\blater\s+(?:this|today|tonight|in\s+the\s+(?:day|week|month))\b", re.I)


def _future(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether the trigger's governing words (its clause up to three words on) look ahead;
    never in a photo caption, which shows what has happened."""
    if any(lo <= trigger.start < hi for lo, hi in _captions(text)):
        return False
    if _DONE_AFTER.match(text, trigger.end):
        return False  # "the agreement reached today would open markets": reached, done
    low, high = clause_span(text, sentence, trigger, lexicon)
    named = _OF_A_NAME.match(text, trigger.end, high)  # "the summit of the European ... will"
    stop = start = named.end() if named else trigger.end
    for _, word in zip(range(3), WORD.finditer(text, start, high), strict=False):
        stop = word.end()
    if _DONE_VERB.fullmatch(text, trigger.start, trigger.end):
        stop = trigger.end  # "met ahead of the summit": what follows a done act is its setting
    return (
        bool(lexicon.future.search(text, low, stop))
        or (
            bool(_PRESENT_ACT.match(text, trigger.start, trigger.end))
            and not is_headline(text, sentence)  # "Kim arrives in Beijing": the day's news
        )
        or bool(_LATER_THIS.search(text, trigger.end, high))
    )


# A body's officer its members elect is no national vote: "elected Djibouti's Foreign Minister
# Mahmoud Ali Youssouf to head the bloc's executive arm".
_HEADS_A_BODY = re.compile(
    r"\s+(?:[\w'\u2019.-]+\s+){0,8}?to\s+(?:head|lead|chair)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,2}(?:bloc|commission|organi[sz]ation|body|agency|fund|bank|"
    r"secretariat|executive\s+arm|council)\b",
    re.IGNORECASE,
)
# A trigger that is itself a past act: "met", "held talks", "signed".
_DONE_VERB = re.compile(
    r"(?:met|held(?:\s+\w+)?\s+talks|signed|visited|arrived\s+in|inked|initial(?:l)?ed)", re.I
)
# A name after an event noun, its owner or its sides: "of the European Political Community",
# "between Serbia and Kosovo" (capitalised words, "and", "of", "the").
_OF_A_NAME = re.compile(
    r"\s+(?:of|between|among)\s+(?:the\s+)?(?>(?:(?-i:[A-Z])[\w.'\u2019-]*|and|of|the)\s+)*"
)


@lru_cache(maxsize=4)
def _captions(text: str) -> tuple[tuple[int, int], ...]:
    """The article's photo captions (cached: asked once per trigger)."""
    return tuple(caption_spans(text))


def _new_date(text: str, sentence: Sentence, lexicon: EventLexicon) -> EventDate | None:
    """The date a postponed event moved to: "postponed to April 2", "put off until March"."""
    for cue in lexicon.postponed.finditer(text, sentence.start, sentence.end):
        for timex in sentence.timexes:
            # the gap from the cue's start: "moved to" holds its own "to"
            if timex.start >= cue.end() and _MOVED_TO.match(text[cue.start() : timex.start]):
                return event_date_from_timex(timex)
    return None


def _evidence(text: str, sentence: Sentence) -> str:
    return " ".join(text[sentence.start : sentence.end].split())


def _not_governments(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> bool:
    """Whether the trigger's actor is no government acting abroad, whatever its date and
    parties: a company, one country's own organ, a speaker's private audience, a private
    guest, one government's or one person's statement (SPEC). Asked of every trigger that
    may become an event, also of the day-dated ones that only borrow an occasion's parties."""
    commodity = trigger.type == "meeting" and _commodity_session(text, sentence)
    if not commodity and company_act(text, sentence, trigger, lexicon):
        return True  # (a commodity council's "executive board" is no company's)
    if _domestic_organ(text, sentence, trigger):
        return True  # "the cabinet's meeting", "a meeting of the ruling party": domestic
    if _private_audience(text, sentence, trigger, lexicon):
        return True  # "told a meeting of insurance brokers": a speech to a private audience
    if (
        trigger.type in ("meeting", "summit")
        and _HOSTING.match(text, trigger.start)
        and not _hosts_an_official(text, sentence, trigger)
    ):
        return True  # "hosted Akie Abe, the widow of ...": a private guest, no talks
    if _PRESENCE.fullmatch(text, trigger.start, trigger.end) and not _traveller_before(
        text, sentence, trigger
    ):
        return True  # "oil prices were in London on Monday": no one travelled
    if _PLAIN_STATEMENT.fullmatch(text, trigger.start, trigger.end) and not joint_issuer(
        text, sentence, trigger, lexicon
    ):
        return True  # one government's or one person's statement
    return trigger.type == "statement" and _one_issuer(text, sentence, trigger)


# Being somewhere, told by its verb alone: "Jaishankar was in Moscow last week".
_PRESENCE = re.compile(r"(?:is|was|are|were)\s+in", re.IGNORECASE)
_TRAVELLER_WORD = re.compile(
    r"\b(?:ministers?|president|premier|chancellor|secretary|envoys?|delegations?|officials|"
    r"negotiators|leaders?|king|queen|prince|emir|sultan|ambassador|diplomats?|mission)\b"
    r"(?:\s+[\w.'\u2019-]+){0,3}\s*$",
    re.IGNORECASE,
)
TRAVELLER_REACH = 40  # characters before "was in" where the traveller's name or office ends


_ARRIVAL = re.compile(r"arriv(?:e|es|ed|ing|al)\b", re.IGNORECASE)


def _dateline_codes(place: str, dct: date | None) -> set[str]:
    """The country codes of the dateline's place ("BAGHDAD" is IQ)."""
    return {code for m in default_gazetteer().find(place, dct) for code in codes_of(m)}


def _sentence_body(text: str, sentence: Sentence, trigger: Trigger) -> set[str]:
    """The body whose members the sentence names before a party-less meeting: "European
    Community agriculture ministers broke up their talks today and will try again when they
    reconvene on April 27" (they are the Community's ministers, whoever the story names most)."""
    if trigger.type not in ("meeting", "summit"):
        return set()
    bodies = [
        m
        for m in sentence.mentions
        if m.kind == "body" and m.end <= trigger.start and not is_topic(text, m)
    ]
    return set(codes_of(bodies[0])) & BODY_CODES if bodies else set()


def _traveller_before(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a person or an office is the subject right before "was in": a traveller, not
    prices, an index or a summit ("Zelenskiy was in Ankara on Wednesday")."""
    low = max(sentence.start, trigger.start - TRAVELLER_REACH)
    if any(
        m.kind == "person" and low <= m.end and not text[m.end : trigger.start].strip(" ,")
        for m in sentence.mentions
    ):
        return True
    return bool(_TRAVELLER_WORD.search(text[low : trigger.start]))


# A truce is an accord made when its clause tells an act on it (agreed, reached, signed, took
# effect, extended, expired ...) or a date names it ("the August 1988 cease-fire", "Friday's
# truce"); named as the backdrop of other news ("strikes killed 20 despite the ceasefire",
# "ceasefire talks resumed", "a ceasefire proposal", "the truce is holding") it is none.
_TRUCE = re.compile(r"(?:ceasefire|cease-fire|truce|armistice)s?", re.IGNORECASE)
_TRUCE_ACT = re.compile(
    r"\b(?:agree\w*|reach\w*|sign\w*|broker\w*|announc\w*|declar\w*|effect|force|"
    r"beg[ai]n\w*|begun|start\w*|struck|strike|seal\w*|accept\w*|extend\w*|collaps\w*|"
    r"end(?:ed|s|ing)?|expir\w*|approv\w*|renew\w*|call(?:ed|s)?\s+off|mediat\w*|"
    r"negotiated|clinch\w*|secur\w*|won|win|deal)\b",
    re.IGNORECASE,
)
# A truce named as the topic or target of something else: "ceasefire talks", "truce proposal".
_TRUCE_AS_MODIFIER = re.compile(
    r"\s+(?:talks|negotiations?|proposals?|plans?|efforts?|bids?|push|mediation|envoys?|terms|"
    r"framework|offers?|initiatives?|process|monitors?|lines?|violations?|calls?|demands?|"
    r"hopes?|prospects?|conditions?)\b",
    re.IGNORECASE,
)
# A date naming the truce: "the August 1988 cease-fire", "Friday's truce", "the ceasefire of
# October 10" (not "killed 20 on Monday despite the ceasefire").
_DATE_NAMES_IT = re.compile(r"(?:['\u2019]s)?[\s-]+")
_OF_DATE = re.compile(r"\s+of\s+")


def _truce_as_backdrop(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> bool:
    """Whether a bare truce word is only the backdrop or the topic of the sentence's news."""
    if trigger.type != "agreement" or not _TRUCE.fullmatch(text, trigger.start, trigger.end):
        return False
    if _TRUCE_AS_MODIFIER.match(text, trigger.end):
        return True
    if any(
        _DATE_NAMES_IT.fullmatch(text, t.end, trigger.start)
        or _OF_DATE.fullmatch(text, trigger.end, t.start)
        for t in sentence.timexes
    ):
        return False
    low, high = clause_span(text, sentence, trigger, lexicon)
    return not _TRUCE_ACT.search(text, low, high)


# A clause whose subject pronoun acts right away: "He is due to travel to London", "She met
# Suharto", "Washington, where he is expected to meet Trump" (not "He said the talks ..."), and
# a trip that is his: "His first foreign trip will be to Washington".
_PRONOUN_ACTOR = re.compile(
    r"(?:^\s*|[,;:]\s*|\b(?:where|when|and|but|after|before|as|while)\s+)(?:[Hh]e|[Ss]he)\s+"
    r"(?:(?:will|would|shall|is|was|has|had|have|also|then|later|now|due|expected|scheduled|"
    r"set|planned|plans|to|be|been|currently|held|hold|holds|holding)\s+){0,5}"
    # the talks' own modifiers: "He held brief talks", "she will hold separate bilateral talks"
    r"(?:(?<=held\s)|(?<=hold\s)|(?<=holds\s)|(?<=holding\s))"
    r"(?:(?!(?:that|for|out|up|on|off|to|of|in|at|with|the|a|an|no|hope|open)\b)[a-z][\w-]*\s+){0,3}$"
    r"|(?:^\s*|[,;:]\s*|\b(?:where|when|and|but|after|before|as|while)\s+)(?:[Hh]e|[Ss]he)\s+"
    r"(?:(?:will|would|shall|is|was|has|had|have|also|then|later|now|due|expected|scheduled|"
    r"set|planned|plans|to|be|been|currently|held|hold|holds|holding)\s+){0,5}$"
    # a subjectless conjunct of a sentence "he" opens: "He then flies to South Korea on
    # Wednesday ..., and is due to meet Xi on Thursday in Busan"
    r"|^\s*(?:[Hh]e|[Ss]he)\s+[^.;:]{1,160}?,?\s+and\s+(?:(?:will|would|shall|is|was|also|then|"
    r"later|now|due|expected|scheduled|set|to|be)\s+){1,5}$"
    # a gathering he attends or joins: "where he attended a summit with Southeast Asian leaders"
    r"|(?:^\s*|[,;:]\s*|\b(?:where|when|and|but|after|before|as|while)\s+)(?:[Hh]e|[Ss]he)\s+"
    r"(?:(?:will|would|shall|is|was|has|had|also|then|later|due|expected|to|be)\s+){0,4}"
    r"(?:attend(?:ed|s|ing)?|join(?:ed|s|ing)?)\s+(?:(?:a|an|the|this|that|its|their)\s+)?"
    r"(?:[\w-]+\s+){0,3}$"
    # he and someone named after him: "He and Palestinian leader Yasser Arafat meet Monday"
    r"|^\s*(?:[Hh]e|[Ss]he)\s+and\s+(?:[\w.'\u2019-]+\s+){1,6}?"
    r"(?:(?:will|would|shall|are|were|also|then|later|now|due|expected|scheduled|set|to|be)\s+)"
    r"{0,5}$"
)
# The last occasion before the one a sentence is about: "would be the first (trilateral
# summit) since a summit in Baghdad", "their first meeting since talks in Geneva".
_LAST_OCCASION = re.compile(
    r"\b(?:first|only)\b[^.;:]{0,80}?\bsince\s+(?:a|an|the|their|its|his|her)\s+"
    r"(?:[\w'\u2019-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A conjunct with no subject of its own, after a comma: ", and will hold his first talks".
_SUBJECTLESS_AND = re.compile(
    r",\s+and\s+(?:(?:will|would|shall|is|was|also|then|later|now|due|expected|scheduled|set|"
    r"to|be)\s+){1,5}(?:(?:hold|holds|held|holding)\s+)?(?:(?:his|her|their|a|an|the|first|"
    r"second|brief|separate|bilateral|formal|official)\s+){0,3}$"
)
_HIS_TRIP = re.compile(
    r"(?:^\s*|\s)(?:[Hh]is|[Hh]er)\s+(?:[\w-]+\s+){0,3}$"
    # a trip he begins or ends: "He will end the tour in Abu Dhabi on Thursday"
    r"|(?:^\s*|[,;:]\s*|\b(?:where|when|and|but|after|before|as|while)\s+)(?:[Hh]e|[Ss]he)\s+"
    r"(?:(?:will|would|is|was|to|due|expected|then|also|later)\s+){0,4}(?:end|ends|ended|ending|"
    r"begin|begins|began|beginning|start|starts|started|starting|continue|continues|continued|"
    r"wrap|wraps|wrapped|conclude|concludes|concluded)\s+(?:up\s+)?(?:the|his|her|a|an)\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
_TRAVEL_OR_TALKS = TALK_KINDS | {"visit"}


@dataclass(frozen=True)
class _Antecedent:
    """The last person a story named, whom a following "he" or "she" stands for."""

    codes: frozenset[str] = frozenset()
    leader: bool = False


def _pronoun_person(
    text: str, sentence: Sentence, trigger: Trigger, previous: _Antecedent | None
) -> _Antecedent | None:
    """Whom "he" or "she" (or "his" trip) acting at the trigger stands for: the first person
    the sentence names before it, else the person the story named last."""
    opening = _opening_date_end(text, sentence)
    before = text[opening : trigger.start]  # "^" is the sentence's own start, past its date
    acts = _PRONOUN_ACTOR.search(before)
    if acts is None and trigger.type == "visit":
        acts = _HIS_TRIP.search(before)
    if acts is None:
        conjunct = _SUBJECTLESS_AND.search(before)
        named = [m for m in sentence.mentions if m.kind == "person" and codes_of(m)]
        if conjunct is None or not named or named[0].start >= opening + conjunct.start():
            return None
        # "Trump arrived in Tokyo on Monday ..., and will hold his first talks with Takaichi on
        # Tuesday": the sentence's subject, its first person, holds them
        return _Antecedent(frozenset(codes_of(named[0])), named[0].role == "leader")
    start = opening + acts.start()
    named = [m for m in sentence.mentions if m.kind == "person" and m.end <= start and codes_of(m)]
    if named:  # the sentence's subject, its first person: "Thatcher left Bonn after talks
        # with Kohl ahead of her visit to Moscow"
        return _Antecedent(frozenset(codes_of(named[0])), named[0].role == "leader")
    return previous if previous and previous.codes else None


_OPENING_COMMA = re.compile(r"\s*,?")
_OPENING_PREPOSITION = re.compile(r"\s*(?:(?:on|in|at|by|during|early|late)\s+)?", re.IGNORECASE)


def _opening_date_end(text: str, sentence: Sentence) -> int:
    """Where a sentence's clause begins past a date opening it ("The following day he held
    talks", "A day later, she met"), so its subject stands at the start; else its start."""
    opening = _OPENING_PREPOSITION.match(text, sentence.start).end()  # type: ignore[union-attr]
    for timex in sentence.timexes:
        if timex.start == opening:
            return _OPENING_COMMA.match(text, timex.end).end()  # type: ignore[union-attr]
    return sentence.start


def _head_pronoun_meets(text: str, sentence: Sentence, previous: _Antecedent | None) -> bool:
    """Whether a sentence's "he" or "she" stands for a head of state or government who meets
    another country's head it names ("He will end the tour in Abu Dhabi, where he is due to
    hold talks with President Mohamed bin Zayed")."""
    if (
        previous is None
        or not previous.leader
        or not _HE_OR_SHE.search(text, sentence.start, sentence.end)
    ):
        return False
    return bool(leader_countries(text, sentence) - previous.codes)


_HE_OR_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _last_person(text: str, sentence: Sentence, previous: _Antecedent) -> _Antecedent:
    """The person a sentence names first with a country (its subject), or a head it names by
    title alone ("South Korea's president flew to Tokyo"); the previous one when it names
    none."""
    people = [m for m in sentence.mentions if m.kind == "person" and codes_of(m)]
    if not people:
        heads = unnamed_heads(text, sentence)
        return _Antecedent(frozenset(heads), True) if len(heads) == 1 else previous
    return _Antecedent(frozenset(codes_of(people[0])), people[0].role == "leader")


def _staying_away(text: str, sentence: Sentence, trigger: Trigger) -> set[str]:
    """The countries a sentence says stay away from the event ahead of them ("Colombia will
    not attend a meeting of coffee producers"): the story's other mentions of them do not
    bring them back."""
    return {
        code
        for m in sentence.mentions
        if m.end <= trigger.start and stays_away(text, m)
        for code in codes_of(m)
    }


SUMMIT_TOWN_REACH = 30  # characters around "summit" where its host town is named


def _summit_body(
    text: str, sentence: Sentence, trigger: Trigger, when: EventDate, *, venue_only: bool = False
) -> frozenset[str]:
    """The body whose leaders' summit is named by that year's host town: "the Venice summit"
    of June 1987 is the G7's, "the summit in Vilnius" of 2023 NATO's.

    With ``venue_only`` (two sides already named), a town only named as where the summit is
    held ("held a summit in New Delhi") names no body: the two sides' own summit is held there.
    """
    towns = summit_hosts().get(int(when.value[:4]), ())
    if not towns:
        return frozenset()
    low = max(sentence.start, trigger.start - SUMMIT_TOWN_REACH)
    high = min(sentence.end, trigger.end + SUMMIT_TOWN_REACH)
    found: frozenset[str] = frozenset()
    for town, codes in towns:
        for named in _town_name(town).finditer(text, low, high):
            if not (
                venue_only and _AT_VENUE.search(text, max(0, named.start() - 4), named.start())
            ):
                found |= codes
    return found


_AT_VENUE = re.compile(r"\b(?:in|at)\s+$")


_DECLARATION = re.compile(r"declarations?|communiqu", re.IGNORECASE)


@lru_cache(maxsize=256)
def _town_name(town: str) -> re.Pattern[str]:
    """A host town as a whole word ("The Hague" also as "the Hague")."""
    if town.startswith("The "):
        return re.compile(rf"\b[Tt]he {re.escape(town[4:])}\b")
    return re.compile(rf"\b{re.escape(town)}\b")


def town_names() -> list[re.Pattern[str]]:
    """Every year's summit towns, read and compiled (to load them before the first article)."""
    return [_town_name(town) for towns in summit_hosts().values() for town, _ in towns]


def _build(
    text: str,
    sentence: Sentence,
    trigger: Trigger,
    when: EventDate,
    dct: date | None,
    here: str | None,
    lexicon: EventLexicon,
    article_codes: set[str],
    *,
    inherited: bool = False,
    pair: frozenset[str] = frozenset(),
    antecedent: frozenset[str] = frozenset(),
    talks_antecedent: frozenset[str] = frozenset(),
    banks: bool = False,
    he_she: _Antecedent | None = None,
) -> tuple[_Candidate, Built] | None:
    """The event a trigger gives with this date, and the facts found on the way; None when
    it is no diplomatic event (a company acts, or one country alone). ``pair``: the two
    countries the story last named together, whom "the two leaders" stand for."""
    if _not_governments(text, sentence, trigger, lexicon):
        return None
    if _truce_as_backdrop(text, sentence, trigger, lexicon):
        return None
    if trigger.type in ("visit", "meeting") and _PRIVATE_TRIP.search(
        text, sentence.start, sentence.end
    ):
        return None  # "former officials, travelling in a private capacity, were due in Taipei"
    if is_next_leg(text, trigger) and first_trip_before(text, sentence, trigger) is None:
        return None  # "rose to Japan on Monday and to China on Tuesday": no trip before it
    if trigger.type == "election" and _HEADS_A_BODY.match(text, trigger.end, sentence.end):
        return None  # "leaders elected Djibouti's foreign minister to head the bloc's executive"
    codes, people, location, location_codes = trigger_parties(text, sentence, trigger, lexicon)
    if (
        len(codes) < 2
        and pair
        and trigger.type != "election"  # "since Lee took office": his own country's vote
        and _THE_TWO.search(text, sentence.start, sentence.end)
    ):
        codes |= pair  # "The two leaders will hold talks on Tuesday"
    kind = trigger.type
    pronoun_head = False
    person = (
        _pronoun_person(text, sentence, trigger, he_she)
        if kind in _TRAVEL_OR_TALKS or (kind == "election" and not sentence.mentions)
        else None
    )
    if person is not None and kind == "election":
        codes = set(person.codes)  # "He will take office on March 1": the person named before
    elif person is not None:
        codes |= person.codes  # "He is due to travel to London on Friday": the person named before
        pronoun_head = person.leader
    if kind == "summit" and _G7_SUMMIT.search(
        text, max(sentence.start, trigger.start - 20), min(sentence.end, trigger.end + 60)
    ):
        codes.add("G7")  # "the Venice economic summit", "a summit of industrial democracies"
    if (
        kind == "summit" or (kind == "statement" and _DECLARATION.match(text, trigger.start))
    ) and not codes & BODY_CODES:
        # "the Venice summit" (1987); "the Kazan Declaration" is that year's BRICS summit's
        # (not "Modi and von der Leyen held a summit in New Delhi": its sides are named)
        codes |= _summit_body(text, sentence, trigger, when, venue_only=len(codes) >= 2)
    if kind == "agreement" and _tariff_truce(text, sentence, trigger):
        kind = "tariff"  # "the tariff truce expires on Nov. 10": a pause of tariffs (SPEC)
    cues = lexicon.trade_penalty_cues
    if kind == "sanctions" and cues is not None and _trade_penalty(text, sentence, cues):
        kind = "tariff"
    if (
        kind == "meeting"
        and _LEADER_MEETING.search(text, trigger.start, trigger.end)
        and (
            leaders_meet(text, sentence, trigger, lexicon)
            or (
                pronoun_head
                and person is not None
                and bool(
                    leader_countries(text, sentence) - person.codes or titled_head(text, sentence)
                )
            )
        )
    ):
        kind = "summit"  # ("where he is expected to meet Trump": "he" a head of state too)
    if (
        kind == "visit"
        and text[trigger.start : trigger.end].lower().startswith("visit")
        and _VISIT_A_PERSON.match(text, trigger.end)
    ):
        # "will visit U.S. Treasury Secretary James Baker next week": talks with that person
        kind = "summit" if leaders_meet(text, sentence, trigger, lexicon) else "meeting"
    if kind == "visit" and visitor_met(text, sentence, trigger):
        # "Tamura told visiting U.S. Trade Representative Clayton Yeutter": talks with him
        kind = "summit" if leaders_meet(text, sentence, trigger, lexicon) else "meeting"
    if kind == "visit":
        if _GOING_VISIT.match(text, trigger.start) and _home_trip(
            sentence, trigger, codes, location_codes
        ):
            return None  # "Saddam visited the northern city of Mosul": a trip at home
        codes |= location_codes  # the host country takes part in a visit (not in talks it
        # only hosts: "EU and Japanese ministers met in Brussels" is no Belgian meeting)
    if (
        kind == "meeting"
        and len(codes) == 1
        and not codes & BODY_CODES
        and location_codes - codes
        and any(
            purpose_of(text, trip, trigger) and not _ATTENDING.search(text, trip.end, trigger.start)
            for trip in sentence.triggers
        )
    ):
        # "flew to Washington on Sunday for tariff negotiations": talks a trip is made for,
        # with no other side named, are with the host (not a gathering attended there)
        codes |= location_codes
    if location is None and _HERE.search(text, sentence.start, sentence.end) and here:
        location = here
    commodity = kind in _UNNAMED_KINDS and _commodity_body(text, sentence, trigger, lexicon)
    fallback = False
    away = _staying_away(text, sentence, trigger)
    if (
        not codes
        and kind == "agreement"
        and antecedent
        and _definite_accord(text, sentence, trigger, lexicon)
    ):
        codes = set(antecedent)  # "The current agreement expires": the accord named before
    if kind == "agreement" and _IT_SIGNED.search(
        text, max(sentence.start, trigger.start - 60), trigger.end
    ):
        if not _it_is_an_accord(text, sentence, trigger):
            return None  # "The bill went to parliament. It will be signed by the president"
        if not codes - location_codes:
            codes |= antecedent  # "It will be signed in New Delhi next month": the accord
    if (
        not codes
        and kind == "meeting"
        and not commodity  # a commodity council's session names no party (gold)
        and talks_antecedent
        and _definite_talks(text, sentence, trigger, lexicon)
    ):
        codes = set(talks_antecedent)  # "The ministers agreed to resume negotiations": the
        # ministers of the talks named before ("EC ministers failed to reach agreement")
    if (
        not codes
        and kind == "statement"
        and talks_antecedent
        and opening_statement_by_several(text, sentence, trigger)
    ):
        codes = set(talks_antecedent)  # "In a communique issued late on Sunday, the six said":
        # the six of the talks named before
    series = kind == "meeting" and _series_talks(text, sentence, trigger, lexicon)
    if series and talks_antecedent and len(codes - BODY_CODES) == 1:
        codes |= talks_antecedent  # "The U.S. will host another round of talks": the series'
    commodity = commodity and kind == "meeting"
    if kind in ("summit", "meeting") and _LAST_OCCASION.search(
        text, max(sentence.start, trigger.start - 160), trigger.start
    ):
        # "The meeting of King Abdullah II, Sisi and Iraq's prime minister would be the first
        # since a summit in Baghdad in June 2021": the last one was theirs too
        codes |= {
            code
            for m in sentence.mentions
            if m.end <= trigger.start and not is_location(text, m) and not is_topic(text, m)
            for code in codes_of(m)
        }
    if not codes and kind == "election" and location_codes:
        codes = set(location_codes)  # "in Baghdad, where ... after the elections in November"
    if not codes and kind == "election" and here:
        # "SEOUL - ... ahead of the referendum on a new constitution": the dateline's country
        codes = _dateline_codes(here, dct)
    if not codes and not commodity:
        if (
            not commodity
            and kind in _COMPANY_PRONE
            and lexicon.company_actors.search(text, sentence.start, sentence.end)
            and not lexicon.government_actors.search(text, sentence.start, sentence.end)
        ):
            return None  # "Bankers hope an agreement can be reached": no government named
        if kind == "visit":
            # "visited the club's training ground": a trip to no country named; an arrival
            # with no place ("Ritter, who arrived Thursday") is at the dateline's
            if not (here and _ARRIVAL.search(text, sentence.start, sentence.end)):
                return None
            codes = _dateline_codes(here, dct)
        else:
            codes = _sentence_body(text, sentence, trigger) or set(article_codes) - away
        fallback = True
    unnamed = (
        not codes and kind in _UNNAMED_KINDS and (commodity or bool(_PRODUCERS_BODY.search(text)))
    )
    if not codes and not unnamed:
        return None
    if bank_talks(text, sentence, trigger, codes, lexicon, story=banks):
        return None  # one government's debt talks or loan deal with commercial banks
    body = text[sentence.start : sentence.end]
    sentence_codes = {
        c
        for m in sentence.mentions
        if kind in TARGETS_TAKE_PART or not is_topic(text, m)
        for c in codes_of(m)
    } - away
    context = codes | location_codes | sentence_codes
    if kind in TARGETS_TAKE_PART and len(codes - BODY_CODES) == 1 and not codes & BODY_CODES:
        # "Reagan imposed the tariff after the Japanese flooded the market", "tariffs on
        # Japanese exports, after hearings in Washington": a trade measure's other side is
        # named in another clause of its sentence (or as the place that decides it).
        others = _trade_sides(text, sentence) - BODY_CODES - codes
        if 1 <= len(others) <= TRADE_OTHER_SIDES:
            codes |= others
    international = len(context) >= 2 or bool(context & BODY_CODES)
    if commodity and fallback:
        # the body's own: gold gives "the ICO executive board will meet" no party, though the
        # story names producing and consuming countries elsewhere
        codes, context, unnamed = set(), set(), True
    international = international or commodity
    if not international and kind in _TWO_SIDED and len(article_codes | codes) >= 2:
        # "In January, Taiwan cut import tariffs", "the accord was signed on Monday": the other
        # side of a deal or a trade measure is the story's other party. (A one-country meeting
        # is more often a domestic one: it takes no party from the story.)
        codes |= article_codes
        international = True
    delegation = kind == "meeting" and bool(
        _DELEGATION.search(body) or _LENDER_BODY.search(body) or commodity
    )
    if kind == "agreement" and not international and not inherited and not fallback:
        low, high = clause_span(text, sentence, trigger, lexicon)
        international = bool(_INTERNATIONAL_ACCORD.search(text, low, high))
    # A meeting read as leaders' talks still needs two countries or a body: "the minister
    # will meet Prime Minister X" of one country is a domestic meeting, no summit. Leaders
    # in the plural ("African heads of state") are several countries' own.
    needs_two = kind in _INTERNATIONAL or (
        trigger.type in _INTERNATIONAL and not many_leaders(text, sentence, trigger, lexicon)
    )
    if needs_two and not international and not delegation and not unnamed:
        return None
    status = _status(text, sentence, trigger, when, dct, lexicon)
    moved_to = None
    if status == "postponed":
        new = _new_date(text, sentence, lexicon)
        if new is not None and new.value[:10] != when.value[:10] and new.start > when.start:
            moved_to = new  # "had been scheduled for Monday ... postponed to Oct 23": both days
        else:
            # only the new day told ("has been moved to Wednesday"): one postponed event there,
            # so the timeline tells subscribers it was postponed, not merely updated
            when = new or when
    confidence = 0.55
    confidence += 0.15 if not inherited else 0.0
    confidence += 0.1 if len(codes) >= 2 else 0.0
    confidence -= 0.2 if fallback else 0.0
    confidence += 0.05 if when.precision == "day" else 0.0
    leaders = leader_countries(text, sentence)
    facts = Built(
        parties=len(codes),
        body=bool(codes & BODY_CODES),
        fallback=fallback,
        leaders=len(leaders),
        status=status,
        company_words=bool(lexicon.company_actors.search(text, sentence.start, sentence.end)),
        government_words=bool(lexicon.government_actors.search(text, sentence.start, sentence.end)),
    )
    candidate = _Candidate(
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
        series=series,
        moved_to=moved_to,
        dct=dct,
    )
    if kind == "visit":
        candidate.destinations, candidate.travellers = _listed_destinations(
            text, sentence, trigger, codes
        )
    elif kind in ("meeting", "summit"):
        subject = person.codes if person is not None else frozenset()
        candidate.destinations, candidate.travellers = _separate_sides(
            text, sentence, trigger, codes, subject, lexicon
        )
        if kind == "summit" and candidate.travellers and not candidate.travellers & leaders:
            candidate.type = "meeting"  # each leader meets a minister: "meet separately with
            # US Secretary of State Madeleine Albright"
    return candidate, facts


# "held separate talks with A and B", "A and B will meet separately with C": one meeting per
# country of the listed side, each with the side they all meet.
_SEPARATE_BEFORE = re.compile(r"\bseparate(?:ly)?\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_SEPARATELY_AFTER = re.compile(r"\s+separately\b", re.IGNORECASE)


def _separate_sides(
    text: str,
    sentence: Sentence,
    trigger: Trigger,
    codes: set[str],
    subject: frozenset[str],
    lexicon: EventLexicon,
) -> tuple[tuple[str, ...], frozenset[str]]:
    """Talks held separately with each of two or more countries: those countries (the side
    named twice or more, before or after the trigger) and the one side meeting each. A
    pronoun's country (``subject``) stands on the side before."""
    near = max(sentence.start, trigger.start - 40)
    if not (
        _SEPARATE_BEFORE.search(text, near, trigger.start)
        or _SEPARATELY_AFTER.match(text, trigger.end, sentence.end)
    ):
        return (), frozenset()
    low, high = clause_span(text, sentence, trigger, lexicon)
    spans = ((low, trigger.start, subject), (trigger.end, high, frozenset[str]()))
    for (low_l, high_l, named_l), (low_c, high_c, named_c) in (spans[::-1], spans):
        listed = _conjunct_codes(text, sentence, low_l, high_l, named_l, places=True)
        common = set().union(*_conjunct_codes(text, sentence, low_c, high_c, named_c))
        common &= codes
        named = [conjunct - common for conjunct in listed if conjunct - common]
        apart = sum(len(conjunct) for conjunct in named) == len(set().union(*named))
        sides = set().union(*named) & codes
        if len(sides) >= 2 and apart and len(common) == 1:
            return tuple(sorted(sides)), frozenset(common)
    return (), frozenset()


_CONJUNCTION = re.compile(r",|\band\b")


def _conjunct_codes(
    text: str,
    sentence: Sentence,
    low: int,
    high: int,
    subject: frozenset[str],
    *,
    places: bool = False,
) -> list[set[str]]:
    """The countries of each conjunct ("A, B and C") between two offsets, with the places
    named too when ``places``: a list of two or more is separate sides only when no country
    stands in two of them ("French Finance Minister Edouard Balladur and Bank of France
    Governor Jacques de Larosiere" are one side)."""
    cuts = [match.start() for match in _CONJUNCTION.finditer(text, low, high)]
    conjuncts: list[set[str]] = [set() for _ in range(len(cuts) + 1)]
    for mention in sentence.mentions:
        if low <= mention.start < high and (places or not is_location(text, mention)):
            slot = sum(1 for cut in cuts if cut < mention.start)
            conjuncts[slot].update(codes_of(mention))
    if subject:  # "He and Palestinian leader Yasser Arafat": the pronoun is the first conjunct
        conjuncts[0] |= subject
    return [conjunct for conjunct in conjuncts if conjunct]


# "will travel to Paris and Warsaw", "toured Vietnam, Malaysia and Cambodia": the places a trip
# names as a list right after its verb, each a visit of its own (SPEC: legs inside one country
# are one visit; the gold keeps one per country).
_PLACE_LIST = re.compile(
    r"\s+(?:to|of|in)?\s*(?:the\s+)?(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,2}"
    r"(?:\s*,\s*(?:the\s+)?(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,2})*"
    r",?\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*){0,2}",
    re.IGNORECASE,
)


_IN_A_LIST = re.compile(r"(?:,|\band)\s*$")


def _listed_destinations(
    text: str, sentence: Sentence, trigger: Trigger, codes: set[str]
) -> tuple[tuple[str, ...], frozenset[str]]:
    """The countries a trip lists right after its verb, when there are two or more, and who
    travels (the people, or the countries not named as places, before the verb): each leg is
    a visit of its own."""
    listed = _PLACE_LIST.match(text, trigger.end, sentence.end)
    if listed is None:
        return (), frozenset()
    places = {
        code
        for m in sentence.mentions
        if m.kind in ("country", "capital", "city") and listed.start() <= m.start < listed.end()
        for code in codes_of(m)
        if code not in BODY_CODES
    }
    before = [m for m in sentence.mentions if m.end <= trigger.start]
    travellers = {c for m in before if m.kind == "person" for c in codes_of(m)} or {
        c
        for m in before
        if m.kind == "country"
        and not is_location(text, m)
        and not _IN_A_LIST.search(text, max(sentence.start, m.start - 6), m.start)
        for c in codes_of(m)
    }
    travellers &= codes
    if len(places) < 2 or not travellers - places:
        return (), frozenset()
    return tuple(sorted(places)), frozenset(travellers - places)


# A trade pact named in the sentence before is no trade dispute: "Japan and Korea signed a
# trade pact on Monday. Canada will impose sanctions on Iran."
_PACT_CUE = re.compile(r"trade\s+(?:pact|agreement|accord)", re.IGNORECASE)


_TARIFF_TRUCE = re.compile(r"\b(?:tariff|trade)\s+(?:truce|ceasefire|cease-fire)\b", re.IGNORECASE)
_ACCORD_WORDS = r"agreements?|accords?|deals?|pacts?|treat(?:y|ies)"  # an accord's common names
_OTHER_ACCORD = re.compile(rf"\b(?:{_ACCORD_WORDS})\b", re.I)


def _tariff_truce(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether an accord trigger is, or takes effect or lapses as, a tariff truce named last
    before it in its sentence ("the tariff truce ... expires on Nov. 10")."""
    truces = list(_TARIFF_TRUCE.finditer(text, sentence.start, trigger.end))
    if not truces:
        return False
    last = truces[-1]
    if last.end() >= trigger.end:
        return True
    # (not "despite the tariff truce, they signed a defence pact": another accord named)
    return not _OTHER_ACCORD.search(text, last.end(), min(sentence.end, trigger.end + 40))


def _trade_penalty(text: str, sentence: Sentence, cues: re.Pattern[str]) -> bool:
    """Whether sanctions are penalties in a trade dispute: a cue in their sentence, or a
    dispute cue in the sentence or so before it, where the dispute is often named."""
    if cues.search(text, sentence.start, sentence.end):
        return True
    return any(
        not _PACT_CUE.fullmatch(cue.group(0))
        for cue in cues.finditer(text, _context_start(text, sentence), sentence.start)
    )


CONTEXT_REACH = 250  # characters before a sentence that still tell what its words are about


def _context_start(text: str, sentence: Sentence) -> int:
    """Where the text a sentence is read in begins: up to ``CONTEXT_REACH`` characters
    before it, from a sentence start ("Sanctions are to be imposed on April 17." after a
    sentence on "unfair Japanese trade practices")."""
    start = max(0, sentence.start - CONTEXT_REACH)
    stop = text.find(". ", start, sentence.start)
    return stop + 2 if 0 <= stop < sentence.start - 2 else start


_DATELINE_DASH = re.compile(r"\s+-\s")


def _trade_sides(text: str, sentence: Sentence) -> set[str]:
    """Countries a sentence names as actors: names, peoples and leaders, and capitals standing
    for their government ("after Washington imposed"), not places where things happen
    ("talks in London", "futures in London and New York", a digest's "LONDON - ")."""
    return {
        c
        for m in sentence.mentions
        if m.kind in ("country", "demonym", "adjective", "person")
        or (
            m.kind == "capital"
            and not is_location(text, m)
            and not _DATELINE_DASH.match(text, m.end)
        )
        for c in codes_of(m)
    }


def _commodity_body(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether the trigger's sentence names an international commodity organisation, or its
    clause one of its organs ("the full council") in a story that names one."""
    if _commodity_session(text, sentence):
        return True
    if not _commodity_story(text):
        return False
    low, high = clause_span(text, sentence, trigger, lexicon)
    return any(
        not _OTHER_OWNER.search(text, max(low, organ.start() - 40), organ.start())
        for organ in _ORGAN.finditer(text, low, high)
    )


# "the current agreement", "the pact": an accord the story has already named (not a named
# one, "the Paris accord", which need not be the accord named before).
_DEFINITE_ACCORD = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}?"
    r"(?:accord|agreement|pact|treaty|protocol)"
    r"(?![\w-])",
    re.IGNORECASE,
)


def _accord_parties(text: str, sentence: Sentence, lexicon: EventLexicon) -> frozenset[str]:
    """The parties of the last accord the sentence names with two or more of them ("the
    U.S./USSR grains agreement"): whom a later "the current agreement" refers to."""
    for trigger in reversed(sentence.triggers):
        if trigger.type != "agreement":
            continue
        codes = trigger_parties(text, sentence, trigger, lexicon)[0]
        if len(codes) >= 2:
            return frozenset(codes)
    return frozenset()


def _talks_parties(text: str, sentence: Sentence, lexicon: EventLexicon) -> frozenset[str]:
    """The parties of the last talks the sentence names with a body or two countries ("EC
    ministers failed to agree at two days of talks"): whom a later "the ministers" or "the
    meeting" refers to."""
    for trigger in reversed(sentence.triggers):
        if trigger.type not in ("meeting", "summit"):
            continue
        codes = trigger_parties(text, sentence, trigger, lexicon)[0]
        if len(codes) >= 2 or codes & BODY_CODES:
            return frozenset(codes)
    return frozenset()


TRADE_OTHER_SIDES = 2  # more countries named beside a trade measure are a list, not its sides
TALKS_REACH = 2  # sentences after talks in which "the ministers" still are their people
# "The ministers agreed to resume", "at today's meeting", "the talks will go on": people or
# talks the story has already named (not "ministers" or "a meeting", which may be new ones).
# Talks told as the next of a series are the same parties' too: "another round of talks",
# "a second round of negotiations", "the next round of talks", "further talks", "their
# next meeting".
_ROUND_OF = r"(?:rounds?|sessions?)\s+of\s+"
_SERIES_TALKS = re.compile(
    rf"\b(?:another\s+(?:{_ROUND_OF})?|further\s+(?:{_ROUND_OF})?"
    r"|(?:an?|the)\s+(?:new|fresh|further|next|second|third|fourth|fifth|sixth|final|last)\s+"
    rf"{_ROUND_OF})(?:meetings?|talks|negotiations|consultations)(?![\w-])",
    re.IGNORECASE,
)
_DEFINITE_TALKS = re.compile(
    r"\b(?:the|these|those|this|their|today['\u2019]s|yesterday['\u2019]s|tomorrow['\u2019]s)"
    rf"\s+(?:(?-i:[a-z][\w-]*)\s+){{0,2}}?(?:{_ROUND_OF})?"
    r"(?:ministers|delegates|delegations|negotiators|meetings?|talks|negotiations)(?![\w-])"
    rf"|{_SERIES_TALKS.pattern}",
    re.IGNORECASE,
)


def _definite_talks(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether the trigger's clause names its talks or their people by a definite mention."""
    low, high = clause_span(text, sentence, trigger, lexicon)
    return bool(_DEFINITE_TALKS.search(text, low, high))


def _series_talks(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether the trigger's clause tells its talks as the next of a series."""
    low, high = clause_span(text, sentence, trigger, lexicon)
    return bool(_SERIES_TALKS.search(text, low, high))


# An accord told by "it" as what will be or was signed: "It will be signed in New Delhi next
# month", "it is expected to be formally adopted on March 20" (the accord named before).
_IT_SIGNED = re.compile(
    r"\b(?-i:[Ii]t)\s+(?:is|was|will|would|should|could|may|might|has|had)\s+"
    r"(?:(?:not\s+)?(?:expected|due|scheduled|set|likely|going|hoped)\s+to\s+)?(?:be|been)\s+"
    r"(?:(?:formally|officially|finally|jointly)\s+)?(?:signed|adopted|ratified|initial(?:l)?ed)$",
    re.IGNORECASE,
)


_ACCORD_NOUN = re.compile(rf"\b(?:{_ACCORD_WORDS}|protocols?|truce|ceasefire)\b", re.I)
# What else "it" may stand for that is signed or adopted: a law, a budget, an order.
_OTHER_SIGNED = re.compile(
    r"\b(?:bill|law|legislation|budget|decree|order|resolution|motion|petition|contract|"
    r"letter|document|cheque|check)s?\b",
    re.IGNORECASE,
)
IT_REACH = 300  # characters before "it" in which the accord it stands for is named


def _it_is_an_accord(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether the "it" signed stands for an accord: the text just before it (its own sentence
    up to "it" and the one before) names an accord and nothing else that is signed."""
    before = text[max(0, sentence.start - IT_REACH) : trigger.start]
    last_noun = None
    for match in _ACCORD_NOUN.finditer(before):
        last_noun = match
    if last_noun is None:
        return False
    return not _OTHER_SIGNED.search(before, last_noun.end())


def _definite_accord(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> bool:
    """Whether the trigger's clause names an accord by a definite mention up to the trigger."""
    low, _ = clause_span(text, sentence, trigger, lexicon)
    return bool(_DEFINITE_ACCORD.search(text, low, trigger.end))


def _home_trip(
    sentence: Sentence, trigger: Trigger, codes: set[str], location_codes: set[str]
) -> bool:
    """Whether a trip goes to a place in the traveller's own country: the one country named
    is both where the place lies and whose leader or minister, named before the trip, travels
    (SPEC: a visit is to another country)."""
    travellers = {
        m.code for m in sentence.mentions if m.kind == "person" and m.end <= trigger.start
    }
    places = set(location_codes) | {
        c
        for m in sentence.mentions
        if m.kind in ("capital", "city", "region") and 0 <= m.start - trigger.end <= _OBJECT_REACH
        for c in codes_of(m)
    }  # "visited Basra", "will tour Mumbai": the place visited follows the verb
    return bool(places) and len(codes | places) == 1 and (codes | places) == travellers


# An accord a meeting reviews, discusses or strengthens was made before it: the meeting's date
# is not the accord's ("meet again next month to review their accord on currency stability").
_UNDER_REVIEW = re.compile(
    r"\b(?:review|evaluat|assess|discuss|examin|strengthen|readdress|re-examin|debat|reconsider|"
    r"renegotiat)(?:e|es|ed|ing|s)?\s+(?:ways\s+of\s+strengthening\s+)?(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,4}$",
    re.IGNORECASE,
)


# "issued a joint communique at the close of the summit": the gathering's last day
_AT_THE_CLOSE = re.compile(
    r"\b(?:at|after|following)\s+the\s+(?:close|end|conclusion)\s+of\b", re.IGNORECASE
)
CLOSE_REACH = 60  # characters around an undated outcome where "at the close of" is looked for


def _inherit(
    text: str,
    undated: list[tuple[Trigger, Sentence, int]],
    dated: list[_Candidate],
    dct: date | None,
    here: str | None,
    lexicon: EventLexicon,
    article_codes: set[str],
) -> list[tuple[Reading, _Candidate, Built]]:
    """Undated statements and agreements take the date of the meeting they belong to.

    A joint statement "to be issued" at a summit takes the summit's date; an accord named
    after the place of a dated meeting ("the Paris accord") takes that meeting's date; an
    agreement in the same sentence as a dated meeting takes its date.
    """
    hosts = [c for c in dated if c.type in ("summit", "meeting") and not c.inherited]
    found: list[tuple[Reading, _Candidate, Built]] = []
    for trigger, sentence, index in undated:
        if trigger.type not in _INHERITING or not hosts or _signs_a_statement(text, trigger):
            continue  # ("are expected to sign a joint statement": the statement, no accord)
        if _UNDER_REVIEW.search(text, max(sentence.start, trigger.start - 70), trigger.start):
            continue  # "will meet next week to review their accord": an old accord, not a new one
        host: _Candidate | None = None
        done = bool(_DONE_ACT.fullmatch(text, trigger.start, trigger.end)) or bool(
            _DONE_BEFORE.search(text, max(sentence.start, trigger.start - 60), trigger.start)
        )
        for candidate_host in hosts:
            if done and candidate_host.status == "scheduled":
                continue  # "agreed to roll over prices and resume talks next month"
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
        if host is None and not trigger.year_dated:
            ahead = not done and _future(text, sentence, trigger, lexicon)
            host = _named_host(text, sentence, trigger, hosts, ahead=ahead)
        if (
            host is None
            and trigger.type == "statement"
            and _future(text, sentence, trigger, lexicon)
        ):
            upcoming = [h for h in hosts if h.status == "scheduled"]
            summits = [h for h in upcoming if h.type == "summit"] or upcoming
            host = summits[0] if summits else None
        if host is None and done and not trigger.year_dated:
            host = _talks_of_the_parties(text, sentence, trigger, hosts, lexicon)
        if host is None:
            continue
        when = host.when
        if when.end_date and _AT_THE_CLOSE.search(
            text, max(sentence.start, trigger.start - CLOSE_REACH), trigger.end + CLOSE_REACH
        ):
            when = EventDate(when.end_date, None, "day")  # issued on the gathering's last day
        built = _build(
            text,
            sentence,
            trigger,
            when,
            dct,
            here,
            lexicon,
            set(host.participants),
            inherited=True,
        )
        if built is None:
            continue
        candidate, facts = built
        if not (candidate.participants & host.participants):
            candidate.participants = set(host.participants)
        if host.location and candidate.location is None:
            candidate.location = host.location
        if candidate.status not in ("postponed", "cancelled") and host.status != "postponed":
            candidate.status = host.status  # (its own status at a postponed host's day)
        reading = Reading(trigger, sentence, index, when, None, True)
        found.append((reading, candidate, facts))
    return found


def _talks_of_the_parties(
    text: str, sentence: Sentence, trigger: Trigger, hosts: list[_Candidate], lexicon: EventLexicon
) -> _Candidate | None:
    """The talks an undated accord was reached at: the day-dated talks held earlier in the
    story between two or more of the parties named as agreeing ("delegations from the U.S.,
    Ukraine and Russia had agreed to an exchange" after the talks "on Thursday")."""
    low, _ = clause_span(text, sentence, trigger, lexicon)
    for said in lexicon.reporting.finditer(text, low, trigger.start):
        low = said.end()  # "Trump said Putin agreed": who agreed is named after the saying
    codes = {
        c
        for m in sentence.mentions
        if low <= m.start and m.end <= trigger.start
        for c in codes_of(m)
    }
    if len(codes) < 2:
        return _talks_of_the_two(text, sentence, trigger, hosts, low)
    held = [
        h
        for h in hosts
        if h.start < sentence.start
        and h.status == "occurred"
        and h.when.precision in ("day", "time")
        and len(h.participants & codes) >= 2
    ]
    return held[0] if len({h.when.value[:10] for h in held}) == 1 else None


def _talks_of_the_two(
    text: str, sentence: Sentence, trigger: Trigger, hosts: list[_Candidate], low: int
) -> _Candidate | None:
    """The talks "the two sides" or "the two leaders" sign at, reported just before: "Modi
    met Macron on Wednesday. The two sides exchanged MOUs on defence" (a signing ceremony
    closes the talks of the pair the story has just named)."""
    if not _THE_TWO.search(text, low, trigger.start) or _NO_ACCORD_SIGNED.match(text, trigger.end):
        return None
    if _PLUPERFECT.search(text, low, trigger.end):
        return None  # "the two countries had signed a defence pact": the story's background
    held = [
        h
        for h in hosts
        if sentence.start - PAIR_REACH <= h.start < sentence.start
        and h.status == "occurred"
        and h.when.precision in ("day", "time")
        and len(h.participants - BODY_CODES) == 2
    ]
    return held[-1] if held else None


def _named_host(
    text: str, sentence: Sentence, trigger: Trigger, hosts: list[_Candidate], *, ahead: bool
) -> _Candidate | None:
    """The meeting an accord or statement is tied to by a definite mention in its sentence:
    "Following the summit, the two sides are expected to seal several agreements" takes the
    date of the story's summit (the last one named before it, if there are several; one
    still ahead when the outcome is: "The summit is expected to end with a joint statement"
    is not the one "since a summit in Baghdad in June 2021")."""
    for match in _HOST_MENTION.finditer(text, sentence.start, sentence.end):
        # "the summit" is a summit; "their talks" or "the meeting" may be leaders' talks too
        kinds = ("summit",) if match.group(1).lower().startswith("summit") else TALK_KINDS
        earlier = [h for h in hosts if h.type in kinds and h.start < sentence.start]
        planned = [h for h in earlier if h.status in ("scheduled", "postponed")]
        if ahead and planned:  # the latest day it is planned for (a postponed one's new day)
            earlier = [max(planned, key=lambda h: interval(h.when)[0])]
        if earlier and abs(match.start() - trigger.start) <= HOST_REACH:
            return earlier[-1]
    return None


def _same_clause(text: str, trigger: Trigger, other: int, lexicon: EventLexicon) -> bool:
    """No clause break, subordinator or reporting verb between a trigger and another position."""
    low, high = sorted((trigger.start, other))
    gap = text[low:high]
    return not (
        STRONG_BREAK.search(gap)
        or lexicon.clause_breaks.search(gap)
        or lexicon.reporting.search(gap)
    )


def _expand(candidates: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for candidate in candidates:
        for leg in _legs(candidate):
            out.append(leg)
            for extra in leg.when.extra:
                clone = _Candidate(**{**_fields(leg), "when": extra})
                if leg.dct is not None and leg.status in ("scheduled", "occurred"):
                    # "said Wednesday he would impose tariffs starting Aug. 1": the decision's
                    # day is done though the tariff's first day lies ahead
                    clone.status = "scheduled" if extra.start > leg.dct else "occurred"
                out.append(clone)
            if leg.moved_to is not None:  # a postponed event is scheduled at its new day
                new = {"when": leg.moved_to, "status": "scheduled", "moved_to": None}
                out.append(_Candidate(**{**_fields(leg), **new}))
    return out


def _legs(trip: _Candidate) -> list[_Candidate]:
    """A trip to several listed countries as one visit per country, each with the travellers."""
    if not trip.destinations:
        return [trip]
    travellers = set(trip.travellers)
    return [
        _Candidate(
            **{
                **_fields(trip),
                "participants": travellers | {place},
                "destinations": (),
                "travellers": frozenset(),
                "leg": place,
            }
        )
        for place in trip.destinations
    ]


def _fields(candidate: _Candidate) -> dict[str, object]:
    return {name: getattr(candidate, name) for name in _Candidate.__slots__}  # type: ignore[attr-defined]


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One event per real event: same type, same date, overlapping participants."""
    merged: list[_Candidate] = []
    _redate_to_meetings(candidates)
    _penalty_told_both_ways(candidates)
    for candidate in sorted(_expand(candidates), key=lambda c: (c.inherited, c.start)):
        for kept in merged:
            if (
                kept.type == candidate.type
                and kept.when.value[:10] == candidate.when.value[:10]
                and _same_parties(kept.participants, candidate.participants)
                and not _other_legs(kept, candidate)
                and not _bilateral_beside_a_bodys(kept, candidate)
                and not _talks_elsewhere(kept, candidate)
                and not _other_counterparts(kept, candidate)
            ):
                kept.participants |= candidate.participants
                kept.people += [p for p in candidate.people if p not in kept.people]
                kept.location = kept.location or candidate.location
                kept.confidence = min(0.95, max(kept.confidence, candidate.confidence) + 0.05)
                # "the meeting will end tomorrow" and "a further session is scheduled
                # tomorrow": a day the event is held on, not only the day it closes
                kept.closing = kept.closing and candidate.closing
                if kept.status == "scheduled" and candidate.status in ("postponed", "cancelled"):
                    kept.status = candidate.status
                elif (
                    kept.status != candidate.status
                    and candidate.status in ("scheduled", "occurred")
                    and kept.undated
                    and not candidate.undated
                    and (kept.headline or kept.status == "scheduled")
                ):
                    # "Trump meets al-Sharaa" (a headline's present, no date word) and "Trump
                    # met al-Sharaa in Riyadh on Wednesday" (or "will meet ... later today"):
                    # the dated report tells it
                    kept.status = candidate.status
                # a lead's act with no date word that the body dates to the same day ("Türkiye
                # hosts talks" and "delegations met in Istanbul on Friday") is dated: no
                # earlier occasion of the story may take it over (``_dated_by_the_story``)
                kept.undated = kept.undated and candidate.undated
                break
        else:
            merged.append(candidate)
    # A summit absorbs a meeting of the same day (or one of its days) and participants.
    summits = [c for c in merged if c.type == "summit"]
    result = [
        c
        for c in merged
        if not (
            c.type == "meeting"
            and any(
                s.participants & c.participants
                and (
                    s.when.value[:10] == c.when.value[:10]
                    # "took part in Friday's meeting" of a two-day summit ending Friday
                    or (c.when.precision in ("day", "time") and _within_days(c.when, s.when))
                )
                for s in summits
            )
        )
        and not any(
            _finer(other, c)
            or _talks_of_the_trip(other, c, merged)
            or _ends_other(c, other)
            or _inside_span(c, other)
            or _given_only_its_days(c, other)
            or _dated_by_the_story(other, c)
            or _worded_span(other, c)
            for other in merged
        )
    ]
    return sorted(result, key=lambda c: c.start)


_OUTCOMES = ("agreement", "statement")  # what a meeting yields on its day


def _redate_to_meetings(candidates: list[_Candidate]) -> None:
    """An accord or communique the lead reports with no date word (so on the DCT) that the
    story places at a meeting of the same parties a few days before ("the G-7 countries
    reaffirmed their accord" ... "after yesterday's G-7 meeting") takes that meeting's day.

    Only when the story dates one such meeting in that reach, and none on the DCT itself.
    """
    for outcome in candidates:
        if outcome.type not in _OUTCOMES or not outcome.undated or outcome.status != "occurred":
            continue
        today, _ = interval(outcome.when)
        days = {  # a meeting of several days yields its outcome on its last
            interval(m.when)[1]
            for m in candidates
            if m.type in ("meeting", "summit")
            and not m.undated
            and m.status == "occurred"
            and m.when.precision in ("day", "time")
            and m.participants & outcome.participants
            and 0 <= (today - interval(m.when)[1]).days <= DATED_REACH
        }
        if len(days) == 1 and today not in days:
            outcome.when = EventDate(next(iter(days)).isoformat(), None, "day")


def _penalty_told_both_ways(candidates: list[_Candidate]) -> None:
    """Sanctions of the same day and parties as tariffs the story names are those tariffs told
    another way ("the 100 pct tariffs Reagan ordered" ... "in announcing the sanctions
    today"): one trade penalty, a tariff (SPEC: tariffs are not sanctions). A sanctions
    package is the other way round: a ban its sentence says it holds is one of its sanctions."""
    tariffs = [c for c in candidates if c.type == "tariff"]
    for candidate in candidates:
        if candidate.type != "sanctions":
            continue
        same = [
            t
            for t in tariffs
            if t.when.value[:10] == candidate.when.value[:10]
            and t.participants & candidate.participants
        ]
        if same and _SANCTIONS_PACKAGE.search(candidate.evidence):
            # "The EU's 19th sanctions package, adopted on October 23, bans imports of Russian
            # LNG": a ban the package holds is one of its sanctions, not a trade penalty
            for tariff in same:
                if tariff.evidence == candidate.evidence:
                    tariff.type = "sanctions"
        elif same:
            candidate.type = "tariff"


# A sanctions regime named as such: its bans and curbs are sanctions.
_SANCTIONS_PACKAGE = re.compile(
    r"\bsanctions?\s+(?:package|regime|list)\b|"
    r"\b(?:package|round|set|wave|tranche)\s+of\s+(?:new\s+|further\s+)?sanctions\b",
    re.IGNORECASE,
)


def _ends_other(closing: _Candidate, other: _Candidate) -> bool:
    """Whether ``closing`` is only the end of ``other``: the same kind of event with the same
    parties, dated by its last day while ``other`` has an earlier one (the talks "which began
    on Monday" and "are due to last until March 20" are one event, of Monday)."""
    return (
        closing.closing
        and closing.type != "agreement"  # an accord's end, its expiry, is an event (SPEC)
        and other is not closing
        and other.type == closing.type
        and interval(other.when)[1] < interval(closing.when)[0]
        and _same_parties(closing.participants, other.participants)
    )


def _bilateral_beside_a_bodys(one: _Candidate, other: _Candidate) -> bool:
    """Whether two talks of a day are a body's gathering and two countries' own talks on its
    sidelines ("the G20 summit opens on Saturday" and "Modi will hold bilateral talks with
    Ramaphosa on Saturday"): two events, though the host takes part in both."""
    if one.type not in ("meeting", "summit"):
        return False
    one_body, other_body = one.participants & BODY_CODES, other.participants & BODY_CODES
    if bool(one_body) == bool(other_body):
        return False
    pair = other if one_body else one
    return len(pair.participants) == 2


def _talks_elsewhere(one: _Candidate, other: _Candidate) -> bool:
    """Whether two talks of a day are held in two named places with different guests: two
    events of one tour ("Trump met al-Sharaa in Riyadh" and "was received by the Amir of Qatar
    in Doha", both on Wednesday), though the traveller takes part in both."""
    if one.type not in ("meeting", "summit") or not (one.location and other.location):
        return False
    here, there = one.location.casefold(), other.location.casefold()
    if here in there or there in here:
        return False
    return not (one.participants <= other.participants or other.participants <= one.participants)


def _other_legs(one: _Candidate, other: _Candidate) -> bool:
    """Whether two visits are different legs of one listed trip, or a leg and a visit to
    another country: each stays its own event."""
    if one.leg and other.leg:
        return one.leg != other.leg
    leg, rest = (one, other) if one.leg else (other, one)
    return bool(leg.leg) and leg.leg not in rest.participants


def _other_counterparts(one: _Candidate, other: _Candidate) -> bool:
    """Two bilateral summits of one leader with two different heads on the same day ("met
    Putin" and "held talks with Erdogan") are two occasions, not one of three countries."""
    if one.type != "summit" or other.type != "summit":
        return False
    if (one.participants | other.participants) & BODY_CODES:
        return False
    return (
        len(one.participants) == 2
        and len(other.participants) == 2
        and len(one.participants & other.participants) == 1
    )


def _same_parties(one: set[str], other: set[str]) -> bool:
    """Whether two mentions may be one event by their parties: a shared code, or none on
    either side (a commodity council's accord naming no country)."""
    return bool(one & other) or not (one or other)


def _finer(precise: _Candidate, coarse: _Candidate) -> bool:
    """Whether ``precise`` is the same event as ``coarse`` dated more finely: "last month's
    election" beside "the February 17 poll" is one election."""
    # A plan "later this month" is often a new event, not a vaguer mention; talks "earlier
    # this month" are not the ones set for later in it.
    planned = "scheduled" in (coarse.status, precise.status) and not _same_week_plan(
        precise, coarse
    )
    # a meeting postponed or called off is not the one held that month ("a trilateral meeting
    # planned for later this month has been postponed" beside an envoy summoned on Nov. 13)
    called_off = coarse.status in ("postponed", "cancelled") and precise.status != coarse.status
    if precise is coarse or precise.type != coarse.type or planned or coarse.series or called_off:
        return False  # ("another round of talks later in the month" is another occasion)
    if precise.undated and coarse.when.precision in _WORDED_SPANS:
        return False  # the story's own date word beats the DCT (``_worded_span``)
    if not precise.participants & coarse.participants:
        return False
    if _RANK[precise.when.precision] >= _RANK[coarse.when.precision]:
        return False
    first, last = interval(coarse.when)
    inner_first, inner_last = interval(precise.when)
    return first <= inner_first and inner_last <= last


def _talks_of_the_trip(dated: _Candidate, purpose: _Candidate, merged: list[_Candidate]) -> bool:
    """Whether ``purpose`` is talks a dated trip is made for, dated only by the trip's month
    ("will leave for Tokyo on Sunday for talks with her Japanese counterpart"), and ``dated``
    the same talks dated by the story ("The two ministers will meet on Monday")."""
    if (
        purpose.type not in TALK_KINDS
        or dated.type != purpose.type
        or purpose.when.precision != "month"
        or dated.when.precision != "day"
        or dated.when.value[:7] != purpose.when.value[:7]
        or len(dated.participants & purpose.participants) < 2
    ):
        return False
    return any(
        trip.type == "visit"
        and trip.evidence == purpose.evidence
        and trip.when.precision == "day"
        and trip.when.value[:10] <= dated.when.value[:10]
        for trip in merged
    )


def _same_week_plan(precise: _Candidate, coarse: _Candidate) -> bool:
    """Whether a plan dated to a week is told again, day by day, by the same sides ("will hold
    emergency meetings next week" beside "would hold technical talks next Monday and Tuesday").
    Other sides in the week make another occasion ("talks in Paris later this week")."""
    return coarse.when.precision == "week" and precise.participants == coarse.participants


# Days before the DCT in which the story's own date of a reported act lies: a week ("The
# United States has signed an agreement with Honduras" above "The agreement, signed March 11",
# in a story of March 16).
DATED_REACH = 7


def _dated_by_the_story(dated: _Candidate, today: _Candidate) -> bool:
    """Whether ``today``, an act the lead or headline reports with no date word (so dated by
    the DCT), is ``dated``: the same act the story dates a few days before ("Takaichi wins
    snap election" above "the election, held on February 8")."""
    talks = {dated.type, today.type} <= {"meeting", "summit"}  # "the talks" after a summit
    if (
        not today.undated
        or dated.undated
        or dated is today
        or not (dated.type == today.type or talks)
    ):
        return False
    if dated.when.precision not in ("day", "time") or not dated.participants & today.participants:
        return False
    first, _ = interval(today.when)
    day, _ = interval(dated.when)
    return 0 < (first - day).days <= DATED_REACH


_WORDED_SPANS = ("week",)  # precisions of a date word that beats the DCT an undated lead act takes


def _worded_span(span: _Candidate, today: _Candidate) -> bool:
    """Whether ``today``, an act the lead reports with no date word (so dated by the DCT), is
    ``span``, the same act the story dates with a word that holds the DCT ("have reached
    agreement" above "this week agreed"): the story's own date stands."""
    if not today.undated or span.undated or span is today or span.type != today.type:
        return False
    if span.when.precision not in _WORDED_SPANS or not span.participants & today.participants:
        return False
    return span.when.start <= today.when.start and today.when.end <= span.when.end


def _one_of_its_days(day: _Candidate, span: _Candidate) -> bool:
    """Whether ``day`` is dated on one of the days ``span`` covers, as the same event told
    again: same type, a shared party, and not countries' own talks on the sidelines of a
    body's gathering of days."""
    if day is span or day.type != span.type or span.when.end_date is None or day.when.end_date:
        return False
    if day.when.precision not in ("day", "time") or not day.participants & span.participants:
        return False
    if span.participants & BODY_CODES and not day.participants & BODY_CODES:
        return False
    return _within_days(day.when, span.when)


def _within_days(day: EventDate, span: EventDate) -> bool:
    """Whether a day falls between a span's first and last days."""
    return span.end_date is not None and span.value[:10] <= day.value[:10] <= span.end_date


def _inside_span(day: _Candidate, span: _Candidate) -> bool:
    """Whether ``day`` is one day of an event ``span`` reports as lasting several ("met
    today" within "a two-day session ending today"); an outcome dated by its own word is
    never folded into one only given a gathering's days (``_given_only_its_days``)."""
    return not (span.inherited and not day.inherited) and _one_of_its_days(day, span)


def _given_only_its_days(span: _Candidate, day: _Candidate) -> bool:
    """Whether ``span`` is an outcome only given a gathering's days that ``day`` dates by its
    own word ("they had concluded negotiations on a free trade agreement" on Friday, the
    summit's last day): the dated one stands."""
    return span.inherited and not day.inherited and _one_of_its_days(day, span)


def _to_event(candidate: _Candidate) -> Event:
    return Event(
        type=candidate.type,
        date=candidate.when.value,
        end_date=candidate.when.end_date,
        participants=sorted({SUCCESSOR_CODES.get(c, c) for c in candidate.participants}),
        people=candidate.people,
        location=candidate.location,
        status=candidate.status,
        evidence=candidate.evidence,
        confidence=candidate.confidence,
    )
