"""Who takes part in an event: countries, bodies and people named around its trigger.

Also who acts: a company's deal or talks are no diplomatic event (SPEC.md).
"""

from __future__ import annotations

import re

from bot.extract.event_index import Sentence, Trigger, clause_span
from bot.extract.gazetteer import BODY_CODES, Mention, default_gazetteer
from bot.extract.lexicon import EventLexicon
from bot.extract.model import Article

PARTICIPANT_WINDOW = 160  # characters around a trigger in long sentences
_LOCATION_PREPOSITION = re.compile(
    r"(?:\b(?:in|at|to|from|for|near|outside|inside|of)\s+(?:the\s+)?)$", re.I
)
# Between a country and its vote: "Chile's presidential", "Irish general", "Japan's snap".
_OWNER_GAP = re.compile(
    r"(?:['\u2019]s)?(?:\s+(?!(?:was|is|were|are|has|have|had|will|would|be|been)\b)[a-z-]+){0,3}\s*$"
)
# A leader's name used to qualify someone else: "Trump envoy", "Putin's adviser".
_ENVOY_OF = re.compile(
    r"(?:['\u2019]s)?\s+(?:special\s+|top\s+|chief\s+|senior\s+)?(?:envoys?|aides?|advisers?|"
    r"advisors?|administration|spokes\w+|officials?|government|ministers?|secretary|"
    r"representatives?|negotiators?|team|allies|ally|camp)\b",
    re.IGNORECASE,
)
_SOURCES_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}sources\b(?!\s+of\b)", re.IGNORECASE)
# A country naming a currency unit is no party: "201.66 Malaysian/Singapore cents a kilo",
# "in Swiss francs", "the Canadian dollar" (nor the partner named after a slash); not "the
# U.S.-Japan yen-dollar committee".
_CURRENCY_AFTER = re.compile(
    r"(?:\s*/\s*[A-Z][\w.]*)?\s+(?:dollars?|dlrs?|cents?|francs?|marks?|yen|pounds?|sterling|"
    r"lire|lira|pesos?|rupees?|ringgit|crowns?|kron(?:e|er|a|or)|guilders?|schillings?|escudos?|"
    r"pesetas?|rand|shekels?|dinars?|riyals?|rials?|baht|yuan|renminbi|roubles?|rubles?|"
    r"zloty|forints?)(?![\w-])(?!\s+prince)",  # (not "the Saudi crown prince")
    re.IGNORECASE,
)
_JOINED = re.compile(r"(?:['\u2019]s)?\s*(?:,|and|&)\s*(?:the\s+)?", re.IGNORECASE)
# Trade measures name their target as a party ("tariffs on India": IN takes part).
TARGETS_TAKE_PART = {"tariff", "sanctions"}
_TOPIC_BEFORE = re.compile(
    # (a courtesy call is paid on its host: "a courtesy call on the Kenyan president")
    r"\b(?:(?<!courtesy\scall\s)(?<!courtesy\scalls\s)on|against|over|about|regarding|concerning|towards?|discuss(?:es|ed|ing)?|"
    r"(?:war|crisis|conflict|situation|peace|fighting|invasion|aggression|ceasefire|truce|"
    r"violence|bloodshed|famine) (?:in|on|of|against)|"
    # who a text urges or calls on to act is addressed, not a party: "urged the African Union
    # to speed up mediation", "called on Iran to"
    r"(?:urg(?:e|es|ed|ing)|(?<!courtesy\s)call(?:s|ed|ing)?\s+on|appeal(?:s|ed|ing)?\s+to)|"
    # what a body calls for between others: "calling for de-escalation between Israel and Iran"
    r"(?:(?:de-?)?escalation|tensions?|hostilities|fighting|conflict|war|ceasefire|truce|peace|"
    r"normali[sz]ation|reconciliation|dialogue|mediation|hostility) between"
    r"(?:\s+(?:the\s+)?(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*)?\s+and)?|"
    # what a text calls for in a body: "called for reform of the U.N. Security Council"
    r"reforms?\s+(?:of|at|in)(?:\s+the)?|"
    # what talks pledge to a third country: "to discuss support for Ukraine", "aid to Gaza"
    r"(?:support|aid|assistance|backing|weapons|arms|funding|solidarity|reconstruction|loans?|"
    r"credits?|money|guarantees?) "
    r"(?:for|to)|"
    # the author of a measure talks are about: "to discuss tariffs imposed by the United States"
    r"(?:tariffs?|duties|levies|sanctions|curbs|restrictions|controls|bans?|quotas?|embargo(?:es)?)"
    r" (?:(?:recently|newly|already) )?(?:imposed|levied|announced|threatened|introduced|"
    r"slapped|placed) by|"
    # a country left out or staying away: "opens in Johannesburg without U.S.", "despite a
    # boycott by the United States", "excluding Russia"
    r"without|excluding|except|(?:boycott(?:ed)?|snubbed|shunned) by)"
    r"\s+(?:the\s+)?(?:[A-Z][\w.]*-)?$",  # "to discuss the Iran-Iraq war": both are the topic
    re.IGNORECASE,
)
# A head of state's or government's title and the name after it (not "Vice President").
_HEAD_TITLE = re.compile(
    r"(?<![Vv]ice )(?<![Vv]ice-)(?<![Dd]eputy )(?<![Ff]ormer )(?<![Ee]x-)"
    r"(?:President|Prime Minister|PM|Chancellor|Premier|King|Emperor|Sultan|Emir)\s+"
    r"((?:[A-Z][\w'\u2019.-]+)(?:\s+[A-Z][\w'\u2019.-]+){0,2})"
)
_LEADERS = re.compile(
    r"(?<!business )(?<!opposition )(?<!party )(?<!religious )(?<!community )(?<!tribal )"
    r"(?<!union )(?<!rebel )(?<!military )(?<!industry )(?<!student )(?<!church )(?<!local )"
    r"(?<!senior )(?<!top )(?<!political )(?<!civic )(?<!youth )(?<!association )"
    r"(?<!federation )(?<!farm )(?<!farmers )(?<!farmers' )(?<!labour )(?<!labor )"
    # a legislature's or its parties' leaders: "Speaker Wright and other House leaders"
    r"(?<!house )(?<!senate )(?<!congressional )(?<!parliamentary )(?<!democratic )"
    r"(?<!republican )(?<!majority )(?<!minority )"
    r"(?:\bleaders\b(?!hip)(?!\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}(?:association|federation|"
    r"union|unions|party|parties|group(?!\s+of\s+(?:seven|eight|twenty|7|8|20)\b)|groups|"
    r"industry|council|chamber|movement|farmers|"
    r"workers|opposition)\b)|\bheads\s+of\s+(?:state|government)\b"
    # heads counted or named by their countries: "the two prime ministers", "both presidents",
    # "the presidents of Russia and China" (not "bank presidents")
    r"|\b(?:two|both|three|four)\s+(?:presidents|prime\s+ministers|premiers|chancellors)\b"
    r"|\b(?:presidents|prime\s+ministers)\s+of\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# The word that makes plural leaders a region's or the world's: "African", "world", "Gulf".
_QUALIFIER = re.compile(
    r"\b(?:world|foreign|regional|(?!(?:The|Both|All|These|Those|Their)\s)[A-Z][\w-]*)\s+$"
)
_COUNTERPART = re.compile(r"\s(?:with|between|involving)\s", re.IGNORECASE)
_MEET_VERB = re.compile(r"(?:meet|meets|met|host|hosts|hosted|hosting)", re.IGNORECASE)
_OBJECT = re.compile(r"(?:\s+[\w'&.-]+){1,5}")  # the first words after a verb: its object
COUNTERPART_REACH = 40  # characters after "talks" searched for "with" ("talks in Lima with")
ARTICLE_PARTIES = 4  # at most this many once-named parties stand in for a story's parties
ACTOR_WINDOW = 200  # characters before a trigger searched for who acts
# Types a company can also do (a deal, talks, a trip, a statement): their actor decides.
_COMPANY_PRONE = {"agreement", "meeting", "visit", "statement"}
# Types whose other side, named after them ("talks with", "an agreement with"), decides too.
_COUNTERPART_DECIDES = {"meeting", "agreement"}


def codes_of(mention: Mention) -> set[str]:
    """SPEC participant codes a name stands for: a country's, a SPEC body's, and the members
    of a group with no code of its own ("G5" is two characters but no country)."""
    codes = set(mention.members)
    if mention.code and (
        mention.code in BODY_CODES or (len(mention.code) == 2 and mention.code.isalpha())
    ):
        codes.add(mention.code)
    return codes


# A name that stays away from the event: "Colombia will not attend a meeting of producers",
# "Britain declined to take part in the talks", "Goria, who declined to attend the meeting".
_STAYS_AWAY_AFTER = re.compile(
    r"(?:\s*,\s*who)?\s+(?:(?:has|had|have|also)\s+)?"
    r"(?:(?:will\s+not|would\s+not|won['\u2019]t|wouldn['\u2019]t|did\s+not|didn['\u2019]t|"
    r"does\s+not|doesn['\u2019]t|declined\s+to|refused\s+to|refuses\s+to|decided\s+not\s+to|"
    r"chose\s+not\s+to)\s+(?:attend|take\s+part\s+in|participate\s+in|join|go\s+to)"
    r"|boycott(?:ed|s|ing)?|skipp(?:ed|ing)|stay(?:ed|s|ing)?\s+away\s+from)\b",
    re.IGNORECASE,
)


def stays_away(text: str, mention: Mention) -> bool:
    """Whether a name is said to stay away from what follows: it takes no part."""
    return bool(_STAYS_AWAY_AFTER.match(text, mention.end))


def is_topic(text: str, mention: Mention) -> bool:
    """Whether a name is what an act is about, not who acts: "pressure on Russia"."""
    return bool(_TOPIC_BEFORE.search(text, max(0, mention.start - 30), mention.start))


def _source(text: str, mention: Mention) -> bool:
    """Whether a name only tells who reports ("Danish diplomatic sources said") or names a
    currency ("Malaysian/Singapore cents"), not who acts."""
    return bool(_SOURCES_AFTER.match(text, mention.end) or _currency(text, mention))


def _currency(text: str, mention: Mention) -> bool:
    """Whether a name only qualifies a currency unit ("Swiss francs", "Malaysian/Singapore
    cents": both names)."""
    return bool(_CURRENCY_AFTER.match(text, mention.end))


# "committed to the Louvre agreement", "under the Paris accord": a place naming an accord.
_NAMES_AN_ACCORD = re.compile(
    r"\s+(?:accords?|agreements?|pacts?|treat(?:y|ies)|communiqu[e\u00e9]s?|declarations?|"
    r"protocols?|conventions?)\b",
    re.IGNORECASE,
)


_PLACE_KINDS = ("country", "capital", "city", "region")
_NAMES_A_ROUND = re.compile(r"[\"\u201d]?\s+[Rr]ound\b")
# "ministers of India and China", "a delegation from Japan": a country so named sends people,
# it is no venue.
_OF_OR_FROM = re.compile(r"\b(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
# "officials from Washington and Beijing met", "negotiators of Kyiv": a capital after people
# sent "from" or "of" it stands for its government (modern metonymy), it is no venue.
_SENT_FROM = re.compile(
    r"\b(?:officials|delegations?|delegates|negotiators|envoys|representatives|diplomats|"
    r"ministers|teams?)\s+(?:of|from)\s+$",
    re.IGNORECASE,
)


def _sent_from_capital(text: str, mention: Mention) -> bool:
    """Whether a capital names the government that sent the people before it."""
    return mention.kind == "capital" and bool(
        _SENT_FROM.search(text, max(0, mention.start - 40), mention.start)
    )


def is_location(text: str, mention: Mention) -> bool:
    if mention.kind not in ("capital", "city", "region", "country"):
        return False
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(_LOCATION_PREPOSITION.search(before))


# The rest of an aside up to the comma that closes it, right before the trigger's verb.
_ASIDE_TO_VERB = re.compile(r"[^,;:()]{1,80},\s*")


def _main_subject(text: str, sentence: Sentence, low: int) -> list[Mention]:
    """The names in subject position of the clause an adjunct starting at ``low`` hangs on:
    near the start of that clause (after its last break), so an object named later ("will
    be explaining to Baker and Camdessus before travelling") is left out."""
    breaks = list(_CLAUSE_GAP.finditer(text, sentence.start, low))
    start = breaks[-1].end() if breaks else sentence.start
    return [
        m
        for m in sentence.mentions
        if start <= m.start < start + CLAUSE_SUBJECT_REACH
        and m.end <= low
        and m.kind in _SUBJECT_KINDS
        and not _OF_OR_FROM.search(text, max(0, m.start - 12), m.start)
    ]


CLAUSE_SUBJECT_REACH = 80  # characters from a clause's start in which its subject is named
# A subordinate clause whose subject is "they": "when they met", "after they held talks".
_THEY_OPEN = re.compile(r"\s*(?:,\s*)?(?:they|both)\b", re.IGNORECASE)
_OPENER_BEFORE = re.compile(r"\b(?:when|after|before|as|while|where|since|until)\s*$", re.I)


def _clause_opener_start(text: str, sentence: Sentence, low: int) -> int:
    """Where the subordinator before a clause starting at ``low`` begins (else ``low``): the
    main clause's subject is read before it."""
    opener = _OPENER_BEFORE.search(text, max(sentence.start, low - 10), low)
    return opener.start() if opener else low


_RELATIVE_WHO = re.compile(r",\s*(?:who|whose)\b", re.IGNORECASE)
# An adjunct before talks that has no subject of its own: "after two days of talks", "after
# holding preliminary talks", "following a meeting" (the talks "with" someone: one side named).
_ADJUNCT_OPENER = re.compile(r"\b(?:after|following|before)\s*$", re.IGNORECASE)
_SUBJECTLESS_ADJUNCT = re.compile(
    r"\s*(?:holding\s+|having\s+held\s+)?"
    r"(?:(?!(?:held|hold|holds|had|has|have|were|was|is|are|began|opened|resumed|ended)\b)"
    r"(?-i:[a-z][\w-]*)\s+){0,5}",
    re.IGNORECASE,
)
_CLAUSE_GAP = re.compile(r"[,;:()\u2013\u2014]|\s-\s")  # "Syria ..., X said after talks"
_ONE_SIDE_AFTER = re.compile(r"(?!\s+(?:between|among|of)\b)", re.IGNORECASE)  # not both sides
# Who may be a clause's subject: people and the countries named by name or adjective (a place
# the subject left or is in is no subject).
_SUBJECT_KINDS = ("person", "demonym", "adjective", "country")
ANTECEDENT_REACH = 60  # characters before ", who" where the person it stands for is named


def _window_mentions(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> list[Mention]:
    """Mentions of the trigger's clause; else of the sentence near the trigger."""
    low, high = clause_span(text, sentence, trigger, lexicon)
    in_clause = [m for m in sentence.mentions if m.start >= low and m.end <= high]
    opener = _RELATIVE_WHO.search(text, max(sentence.start, low - 8), low + 1)
    if opener is not None and any(m.kind != "city" for m in in_clause):
        # "Russian President Vladimir Putin, who will travel on to Beijing": the clause's
        # subject is the name its "who" stands for, right before the comma
        in_clause = [
            m
            for m in sentence.mentions
            if opener.start() - ANTECEDENT_REACH <= m.start
            and m.end <= opener.start()
            and "," not in text[m.end : opener.start()]
        ] + in_clause
    if (
        trigger.type in ("meeting", "summit", "visit")
        and _ONE_SIDE_AFTER.match(text, trigger.end)
        and _ADJUNCT_OPENER.search(text, max(sentence.start, low - 12), low)
        and _SUBJECTLESS_ADJUNCT.fullmatch(text, low, trigger.start)
    ):
        # "Wang Yi left Seoul on Friday after talks with his South Korean counterpart": an
        # adjunct with no subject of its own has the main clause's, the talks' other side
        in_clause = _main_subject(text, sentence, low) + in_clause
    if trigger.type in ("meeting", "summit", "visit") and _THEY_OPEN.match(
        text, low, trigger.start
    ):
        # "Trump and Xi agreed to exchange visits when they met on Oct. 30 in Busan": "they"
        # are the main clause's subject
        opener = _clause_opener_start(text, sentence, low)
        in_clause = _main_subject(text, sentence, opener) + in_clause
    if trigger.type in ("meeting", "summit", "visit") and _ASIDE_TO_VERB.fullmatch(
        text, low, trigger.start
    ):
        # "Takaichi, on her first foreign trip since taking office, met Trump": the clause
        # read from inside an aside between commas; the verb's subject stands before it
        opening = text.rfind(",", sentence.start, low)
        if opening > sentence.start:
            in_clause = _main_subject(text, sentence, opening) + in_clause
    if any(m.kind != "city" for m in in_clause):
        return in_clause
    if sentence.end - sentence.start <= 2 * PARTICIPANT_WINDOW:
        return sentence.mentions
    low, high = trigger.start - PARTICIPANT_WINDOW, trigger.end + PARTICIPANT_WINDOW
    return [m for m in sentence.mentions if m.end > low and m.start < high]


# A subject's own taking office or vote told after its act: "since taking office", "after
# becoming", "for the first time since the April 28 election".
_SINCE_TAKING = re.compile(
    r"\b(?:since|after|before|upon|on)\s+(?:(?:the|his|her|their|its)\s+)?(?:[\w'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)


_SINCE_PRONOUN = re.compile(
    r"\b(?:since|after|before|until|when)\s+(?:he|she)\s+(?:was\s+|had\s+|has\s+)?$", re.IGNORECASE
)


def _election_country(
    text: str, trigger: Trigger, mentions: list[Mention], sentence: Sentence
) -> list[Mention]:
    """The one mention whose country holds the vote.

    In order: the name right before it ("Chile's runoff", "Irish general election"), the
    place it is held in ("sworn in at the palace in Ottawa"), the nearest name before it
    (the clause's subject: "Romania annulled its elections"), else the nearest after it.
    """
    before = [m for m in mentions if m.end <= trigger.start]
    if before and _PARTNER_BEFORE.search(text, max(0, before[-1].start - 16), before[-1].start):
        # "anxious to ease friction with Washington ahead of the referendum": a partner named
        # before the vote holds none; the story's own country does
        return []
    after = [m for m in mentions if m.start >= trigger.end]
    people = [
        m
        for m in sentence.mentions
        if m.kind == "person" and m.end <= trigger.start and codes_of(m)
    ]
    if people and _HIS_ELECTION.search(
        text, max(people[-1].end, trigger.start - 30), trigger.start
    ):
        # "spoke with Mr Trump by phone soon after his election win", "congratulated Mahama on
        # his election victory": the nearest person named
        return people[-1:]
    leaders = [m for m in before if m.kind == "person" and m.role == "leader"]
    if people and _SINCE_PRONOUN.search(text, people[-1].end, trigger.start):
        # "their first talks since she took office on Tuesday": the pronoun is the nearest
        # person named before it, not the sentence's subject
        return people[-1:]
    if leaders and _SINCE_TAKING.search(text, before[-1].end, trigger.start):
        # "Trump has raised tariffs on China since taking office": the office taken is the
        # subject's, whatever country the clause names before it
        return leaders[:1]
    if before and _OWNER_GAP.match(text[before[-1].end : trigger.start]):
        return [before[-1]]
    if people and _WON_BEFORE.search(text, max(people[-1].end, trigger.start - 60), trigger.start):
        # "Tebboune, who was sworn in ... after winning the Sept. 7 election": the winner's
        return people[-1:]
    placed = [m for m in after if is_location(text, m) and m.start - trigger.end <= 60]
    if placed:
        return placed[:1]
    if before:
        return [before[-1]]
    return after[:1]


# A country named as the other side of the subject's dealings, not as the subject.
_PARTNER_BEFORE = re.compile(
    r"\b(?:with|against|toward|towards|to|from)\s+(?:the\s+)?$", re.IGNORECASE
)


# An election won or lost by the person named before it.
_WON_BEFORE = re.compile(
    r"\b(?:winning|won|wins|losing|lost|contesting|contested)\s+(?:(?:the|a|an|his|her|its|their|"
    r"last|this|[\w.'\u2019-]+'s)\s+)?(?:[\w.'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)
_HIS_ELECTION = re.compile(r"\b(?:his|her)\s+(?:(?:re-?|landslide|narrow|surprise)\s*)?$", re.I)
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who)\s+[^,;:()]{0,60}$", re.IGNORECASE)


def _relative_clause_owner(
    text: str, sentence: Sentence, trigger: Trigger, mentions: list[Mention]
) -> Mention | None:
    """A vote told in a relative clause belongs to the country the clause is about, named
    right before it ("Kosovo, which votes in parliamentary elections on Feb. 9, is waiting
    for the EU"), not to one named later in the sentence."""
    if any(m.end <= trigger.start for m in mentions):
        return None
    opened = _RELATIVE_OPEN.search(text, max(sentence.start, trigger.start - 80), trigger.start)
    if opened is None:
        return None
    owners = [
        m
        for m in sentence.mentions
        if m.kind == "country"
        and m.end <= opened.start()
        and not text[m.end : opened.start()].strip()
    ]
    return owners[-1] if owners else None


# The wires' descriptive names of the finance groups: "six major industrial countries",
# "the seven leading western democracies", "meetings of leading industrial nations". A number
# names the group (five: the G5, six: the 1987 Louvre group, seven: the G7); "major" or
# "leading" alone names the G7 of the day (its meetings and summits, SPEC's G7 code). Plain
# "industrial countries" ("growth in industrial countries") and "newly industrialised
# countries" name no group.
_RICH_GROUP = re.compile(
    r"(?<![\w-])(?:(?P<n>five|six|seven)\s+(?:(?:major|leading|big|main|top|richest|wealthiest|"
    r"largest)\s+)?|(?:major|leading|richest|wealthiest|largest)\s+)"
    r"(?:western\s+)?(?:industrial(?:ised|ized)?|western|economic)\s+"
    r"(?:nations|countries|democracies|powers)\b",
    re.IGNORECASE,
)
# The groups a number names, as the lexicon's [groups] table lists them (the seven: the six,
# Italy and SPEC's G7 code).
_GROUP_BY_NUMBER = {"five": "group of five", "six": "group of six"}


def _numbered_group(number: str, lexicon: EventLexicon) -> tuple[str, ...]:
    if number in _GROUP_BY_NUMBER:
        return lexicon.groups[_GROUP_BY_NUMBER[number]]
    return ("G7", "IT", *lexicon.groups[_GROUP_BY_NUMBER["six"]])


# "the Group of 10 leading western industrialised countries", "the 24 industrial nations":
# another number names another group.
_OTHER_NUMBER = re.compile(r"(?:\d+|ten|Ten)\s+$")


def _rich_group_codes(text: str, sentence: Sentence, lexicon: EventLexicon) -> set[str]:
    """The finance group a descriptive name stands for; an unnumbered one ("leading
    industrial nations") only when the sentence names no group itself ("top officials of
    leading industrial nations ... a meeting of the Group of Five": the G5's)."""
    named: set[str] = set()
    unnamed: set[str] = set()
    for match in _RICH_GROUP.finditer(text, sentence.start, sentence.end):
        if _OTHER_NUMBER.search(text, max(0, match.start() - 8), match.start()):
            continue
        number = match.group("n")
        (named if number else unnamed).update(
            _numbered_group(number.lower() if number else "seven", lexicon)
        )
    if named or any(m.members for m in sentence.mentions):
        return named
    return unnamed


# A group named by its accord ("the Louvre accord", "the Plaza agreement"): its parties are
# the accord's own, not those of talks that only mention it.
_ACCORD_NAME = re.compile(r"(?:accords?|agreements?|pacts?|meeting|conference)$", re.IGNORECASE)


def _group_codes(
    text: str, sentence: Sentence, lexicon: EventLexicon, trigger: Trigger | None = None
) -> set[str]:
    codes = _rich_group_codes(text, sentence, lexicon)
    if lexicon.groups_pattern is None:
        return codes
    for match in lexicon.groups_pattern.finditer(text, sentence.start, sentence.end):
        if (
            trigger is not None
            and _ACCORD_NAME.search(match.group(0))
            and not match.start() <= trigger.start < match.end()
        ):
            continue
        codes.update(lexicon.groups.get(match.group(0).lower(), ()))
    return codes


# A place an arrival came from, named after its verb: "arrived in Tokyo from Kuala Lumpur".
_ARRIVING = re.compile(r"arriv|land", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def trigger_parties(
    text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon
) -> tuple[set[str], list[str], str | None, set[str]]:
    """Participant codes, people, the location named, and the location's country codes."""
    codes: set[str] = set()
    people: list[str] = []
    location: str | None = None
    location_codes: set[str] = set()
    mentions = [
        m for m in _window_mentions(text, sentence, trigger, lexicon) if not _source(text, m)
    ]
    if trigger.type == "visit" and _ARRIVING.match(text, trigger.start, trigger.end):
        # "arrived in Tokyo on Monday from Kuala Lumpur": where a trip came from takes no part
        mentions = [
            m
            for m in mentions
            if m.start < trigger.end or not _FROM.search(text, max(0, m.start - 10), m.start)
        ]
    low, high = clause_span(text, sentence, trigger, lexicon)
    if trigger.type == "visit":
        mentions, high = _this_leg(text, sentence, trigger, mentions, high)
    gathering = _gathering_attended(text, trigger, high)
    if gathering is not None:
        # "will visit Rome during a trip to Europe to attend the Venice summit of the major
        # industrialized countries": the trip's parties are the traveller and the host, not
        # the gathering's members
        mentions = [m for m in mentions if m.start < gathering or not _a_group(m)]
        high = gathering
    if trigger.type == "election":
        owner = _relative_clause_owner(text, sentence, trigger, mentions)
        mentions = [owner] if owner else _election_country(text, trigger, mentions, sentence)
    elif trigger.type not in TARGETS_TAKE_PART:
        # "pressure on Russia", "talks about Ukraine": the topic does not take part.
        mentions = [m for m in mentions if not is_topic(text, m)]
        mentions = [m for m in mentions if m.start > trigger.start or not stays_away(text, m)]
    for mention in mentions:
        if mention.kind == "person" and mention.name not in people:
            people.append(mention.name)
        if mention.kind in _PLACE_KINDS and _NAMES_A_ROUND.match(text, mention.end):
            continue  # "the Uruguay round", "the Punta del Este round": a round's name
        if (
            trigger.type != "agreement"
            and mention.kind in ("capital", "city", "region")
            and _NAMES_AN_ACCORD.match(text, mention.end)
        ):
            continue  # talks "to review the Louvre accord": the accord's venue is no party to
            # them (an accord's own venue is: Paris took part in "the Paris accord")
        if (
            is_location(text, mention)
            and mention.kind != "country"
            and not _sent_from_capital(text, mention)
        ):
            if _NAMES_AN_ACCORD.match(text, mention.end):
                continue  # "committed to the Louvre agreement": the accord's name, no venue
            if location is None or abs(mention.start - trigger.start) < 80:
                location = location or mention.name
                location_codes.update(codes_of(mention))
            continue
        if (
            is_location(text, mention)
            and mention.kind == "country"
            and location is None
            and not _OF_OR_FROM.search(text, max(0, mention.start - 12), mention.start)
        ):
            location = mention.text
            location_codes.update(codes_of(mention))
            if trigger.type == "meeting":
                continue  # "resume negotiations in Luxembourg": the host is no party to talks
        codes.update(codes_of(mention))
    codes.update(
        _group_codes(text, Sentence(low, high, mentions=sentence.mentions), lexicon, trigger)
        or (set() if gathering is not None else _group_codes(text, sentence, lexicon, trigger))
    )
    return codes, people, location, location_codes


def is_next_leg(text: str, trigger: Trigger) -> bool:
    """Whether a trip trigger is an itinerary's next leg: "... and to Mozambique on Monday"."""
    return trigger.type == "visit" and text[trigger.start : trigger.start + 4].lower() == "and "


def first_trip_before(text: str, sentence: Sentence, trigger: Trigger) -> Trigger | None:
    """The trip word an itinerary's next leg continues: the sentence's first one before it."""
    return next(
        (
            t
            for t in sentence.triggers
            if t.type == "visit" and t.end <= trigger.start and not is_next_leg(text, t)
        ),
        None,
    )


def _this_leg(
    text: str, sentence: Sentence, trigger: Trigger, mentions: list[Mention], high: int
) -> tuple[list[Mention], int]:
    """The mentions of one leg of an itinerary ("flies to Tanzania on Saturday and to
    Mozambique on Monday"): a trip's places end where the next leg begins; a next leg keeps
    the traveller named before the first trip word and its own place."""
    later = [t for t in sentence.triggers if t.start > trigger.end and is_next_leg(text, t)]
    if later:
        high = min(high, later[0].start)
        mentions = [m for m in mentions if m.start < later[0].start]
    if not is_next_leg(text, trigger):
        return mentions, high
    first = first_trip_before(text, sentence, trigger)
    if first is None:
        return [], high
    traveller = [m for m in sentence.mentions if m.end <= first.start and m.kind != "city"]
    place = [m for m in sentence.mentions if trigger.end <= m.start < high][:1]
    return traveller + place, high


# What a trip is made to attend: "to attend yesterday's meetings of leading industrial nations".
_TO_ATTEND = re.compile(r"\bto\s+(?:attend|take\s+part\s+in|participate\s+in)\b", re.IGNORECASE)


# Talks held beside a gathering: "met on the sidelines of the G20 summit", "held talks on the
# margins of the UN General Assembly" (the gathering's members are not the talks' parties).
_SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines?|margins?|fringes?)\s+of\b", re.I)


def _gathering_attended(text: str, trigger: Trigger, high: int) -> int | None:
    """Where the gathering a trip is made to attend, or talks are held beside, begins in the
    trigger's clause."""
    if trigger.type == "visit":
        attend = _TO_ATTEND.search(text, trigger.end, high)
    elif trigger.type in ("meeting", "summit"):
        attend = _SIDELINES.search(text, trigger.end, high)
    else:
        return None
    return attend.start() if attend else None


def _a_group(mention: Mention) -> bool:
    """Whether a name stands for a group of countries or an intergovernmental body."""
    return bool(mention.members) or mention.code in BODY_CODES


def story_parties(article: Article, sentences: list[Sentence]) -> set[str]:
    """Fallback participants: the countries of the title, else the article's most named country."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            if _currency(article.text, mention):
                continue  # "prices in Malaysian/Singapore cents" name no party of the story
            for code in codes_of(mention):
                counts[code] = counts.get(code, 0) + 1
    if article.title:
        titled = {
            c for m in default_gazetteer().find(article.title, article.dct) for c in codes_of(m)
        }
        if titled:
            return titled
    lead = _lead_body(article.text, sentences)
    if lead:
        return lead
    if not counts:
        return set()
    top = max(counts.values())
    if top == 1:  # a short story naming each party once: all of them, if they are few
        return set(counts) if len(counts) <= ARTICLE_PARTIES else set()
    return {code for code, count in counts.items() if count == top and count >= 2}


def _lead_body(text: str, sentences: list[Sentence]) -> set[str]:
    """The body the story's first sentence names as its actor ("OPEC oil ministers will open a
    conference here on Thursday"): whose "ministers" and "members" the story then speaks of."""
    if not sentences:
        return set()
    for mention in sentences[0].mentions:
        if mention.kind == "body" and not is_topic(text, mention):
            return set(codes_of(mention)) & BODY_CODES
        if mention.kind != "body":
            return set()  # a country or person acts first: the story's parties are theirs
    return set()


def company_act(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether a company, not a government, acts: the last actor named before the trigger.

    Talks and accords also count as a company's when the other side named after them is only
    companies, commercial banks or a workforce (SPEC: debt talks with bank creditors are no
    meeting; "an agreement with banks", "an accord reached with management" no agreement).
    """
    if trigger.type not in _COMPANY_PRONE:
        return False
    if _between_states(text, sentence, trigger, lexicon):
        return False
    low = max(sentence.start, trigger.start - ACTOR_WINDOW)
    # (end, -start, is a company): the last actor decides; of two ending together the longer
    # name owns the shorter ("the ICO executive board" is a body's organ, not a company board).
    actors = [
        (end, -start, True)
        for start, end in _company_words(text, sentence, lexicon, low, trigger.start)
    ]
    actors += [
        (m.end(), -m.start(), False)
        for m in lexicon.government_actors.finditer(text, low, trigger.start)
    ]
    actors += [
        (m.end, -m.start, False)
        for m in sentence.mentions
        if m.kind in ("body", "person") and low <= m.start and m.end <= trigger.start
    ]
    if actors and max(actors)[2]:
        return True
    if trigger.type not in _COUNTERPART_DECIDES:
        return False
    _, high = clause_span(text, sentence, trigger, lexicon)
    counterpart = _COUNTERPART.search(text, trigger.end, trigger.end + COUNTERPART_REACH)
    if counterpart is not None:
        comma = text.find(",", counterpart.end(), high)  # the counterpart ends at a comma
        side = (
            counterpart.end(),
            min(high if comma < 0 else comma, counterpart.end() + ACTOR_WINDOW // 2),
        )
    elif _MEET_VERB.fullmatch(text, trigger.start, trigger.end):
        # "met creditors from BlackRock", "met the bank advisory committee": the object
        object_end = _OBJECT.match(text, trigger.end)
        side = (trigger.end, min(high, object_end.end() if object_end else trigger.end))
    else:
        return False
    if not _company_words(text, sentence, lexicon, *side):
        return False
    named = any(
        m.kind in ("body", "person") and side[0] <= m.start < side[1] for m in sentence.mentions
    )
    return not named and not lexicon.government_actors.search(text, *side)


_BETWEEN = re.compile(r"\s+between\s", re.IGNORECASE)
_STATE_KINDS = ("country", "capital", "adjective", "body")


def _between_states(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether an accord or talks are "between" two states or bodies named right after ("a
    January outline agreement between the U.S. and the U.K."): governments act, whatever
    company was named before it, unless a company is named among the sides too."""
    if trigger.type not in _COUNTERPART_DECIDES:
        return False
    found = _BETWEEN.match(text, trigger.end)
    if found is None:
        return False
    _, high = clause_span(text, sentence, trigger, lexicon)
    side = (found.end(), min(high, found.end() + ACTOR_WINDOW // 2))
    states = [
        m for m in sentence.mentions if m.kind in _STATE_KINDS and side[0] <= m.start < side[1]
    ]
    return bool(states) and not _company_words(text, sentence, lexicon, *side)


def _company_words(
    text: str, sentence: Sentence, lexicon: EventLexicon, low: int, high: int
) -> list[tuple[int, int]]:
    """Spans of the company words in ``text[low:high]``, leaving out those inside a state's or
    a body's name: "Union" in "the European Union" or "the Soviet Union" is no trade union."""
    names = [(m.start, m.end) for m in sentence.mentions if m.kind in _NAMED_KINDS]
    return [
        m.span()
        for m in lexicon.company_actors.finditer(text, low, high)
        if not any(lo <= m.start() and m.end() <= hi for lo, hi in names)
    ]


_NAMED_KINDS = ("country", "body", "capital", "person")


def leader_countries(text: str, sentence: Sentence) -> set[str]:
    """Countries whose leader takes part ("Trump's envoy" is not Trump)."""
    return {
        m.code
        for m in sentence.mentions
        if m.kind == "person" and m.role == "leader" and not _ENVOY_OF.match(text, m.end)
    }


def titled_head(text: str, sentence: Sentence) -> bool:
    """Whether the sentence names a person under a head's title ("Prime Minister Abiy Ahmed"),
    known to the gazetteer or not."""
    return any(
        not _ENVOY_OF.match(text, m.end())
        for m in _HEAD_TITLE.finditer(text, sentence.start, sentence.end)
    )


def leaders_meet(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether talks are between heads of state or government: two leaders named (known
    office holders, or names under a head's title: "President Lee", "Prime Minister Carney"),
    or "leaders" meeting ("EU leaders met", "a meeting with European leaders")."""
    low, high = clause_span(text, sentence, trigger, lexicon)
    # Leaders named in a later clause of its own take no part ("Vance is due to meet Zelenskiy
    # ..., days after Trump said he had spoken to Putin"); those before it may be its subject,
    # and a relative clause still tells the talks ("Nakasone, who will meet President Reagan").
    later = _LATER_CLAUSE.search(text, trigger.end, sentence.end)
    cut = later.start() if later else sentence.end
    leaders = [
        m
        for m in sentence.mentions
        if m.kind == "person"
        and m.role == "leader"
        and m.start < cut
        and not _ENVOY_OF.match(text, m.end)
    ]
    known = {text[m.start : m.end] for m in leaders}  # as written: "Zelenskiy" is one man
    known |= {
        m.group(1)
        for m in _HEAD_TITLE.finditer(text, sentence.start, cut)
        if not _ENVOY_OF.match(text, m.end())
    }
    if _non_head_side(text, sentence, trigger):
        return False
    countries = {m.code for m in leaders} | unnamed_heads(text, sentence)
    if len(countries) >= 2 or len(_surnames(known)) >= 2:
        return True
    if _head_meets_a_counterpart(text, sentence, trigger, leaders):
        return True
    return bool(_LEADERS.search(text, low, high))


# "met his Eritrean counterpart", "held talks with her French counterpart": the other side
# named by the subject's own office
_HEAD_COUNTERPART = re.compile(
    r"\s+(?:(?:talks|a\s+meeting)\s+)?(?:with\s+)?(?:his|her)\s+(?:[\w.'\u2019-]+\s+){0,3}?"
    r"counterparts?\b",
    re.IGNORECASE,
)


def _head_meets_a_counterpart(
    text: str, sentence: Sentence, trigger: Trigger, leaders: list[Mention]
) -> bool:
    """Whether a head of state or government, the only office named before the talks, meets
    "his counterpart": the counterpart of a head is a head ("Egypt's president met his
    Eritrean counterpart"; not "the foreign minister met his Eritrean counterpart")."""
    if not _HEAD_COUNTERPART.match(text, trigger.end):
        return False
    if _NON_HEAD_WORD.search(text, sentence.start, trigger.start):
        return False
    return (
        any(m.start < trigger.start for m in leaders)
        or bool(_HEAD_TITLE.search(text, sentence.start, trigger.start))
        or bool(unnamed_heads(text, sentence, before=trigger.start))
    )


# A clause of its own after the talks: "..., days after Trump said", "..., while Putin".
_LATER_CLAUSE = re.compile(
    r",\s+(?:(?:days|weeks|hours|shortly|soon|just|only|a\s+day|a\s+week)\s+)?"
    r"(?:after|before|since|while|as|when|because|although|though|whereas)\b",
    re.IGNORECASE,
)
# An office below a head of state or government (SPEC: such talks are a meeting, not a summit).
_NON_HEAD_TITLE = (
    r"(?:ambassadors?|envoys?|(?<![Pp]rime\s)ministers?|secretary\s+of\s+state|"
    r"secretar(?:y|ies)(?!-general)|commissioners?|delegations?|negotiators?|officials|"
    r"trade\s+representative|managing\s+director)"
)
_NON_HEAD_WORD = re.compile(rf"\b{_NON_HEAD_TITLE}", re.IGNORECASE)
_HEAD_TITLE_WORD = r"(?:president|prime\s+minister|premier|chancellor|king|emperor|leaders?)"
# The other side named right after the talks: "talks with Turkey's ambassador", "will meet
# Secretary of State George Shultz", "a meeting with EC commissioners".
_NON_HEAD_OBJECT = re.compile(
    rf"\s+(?:(?:with|to)\s+)?(?:the\s+|an?\s+|his\s+|her\s+)?(?:[\w.'\u2019-]+\s+){{0,3}}?"
    rf"{_NON_HEAD_TITLE}\b",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(rf"\b(?:{_HEAD_TITLE_WORD}|{_NON_HEAD_TITLE})\b", re.IGNORECASE)
# Talks named by the heads who hold them: "the meeting of EC heads of government".
_OF_HEADS = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w.'\u2019-]+\s+){0,3}?(?:heads|leaders)\b", re.IGNORECASE
)
SUBJECT_REACH = 80  # characters before the talks where their subject's title is looked for


def _non_head_side(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether one side of the talks is named by an office below a head ("Turkey's ambassador
    was due to meet Prime Minister Papandreou", "Shultz's talks with Soviet leaders" is not
    this: his title is not named): the head meets an official, which is a meeting."""
    if _NON_HEAD_OBJECT.match(text, trigger.end):
        return True
    if _OF_HEADS.match(text, trigger.end):
        return False  # "ministers meet beside the meeting of EC heads of government"
    low = max(sentence.start, trigger.start - SUBJECT_REACH)
    titles = list(_TITLE_BEFORE.finditer(text, low, trigger.start))
    if not titles:
        return False
    last = titles[-1]
    if any(
        m.kind == "person" and m.role == "leader" and last.end() <= m.start < trigger.start
        for m in sentence.mentions
    ):
        return False  # "Japanese officials have said Nakasone's talks with Reagan": his talks
    return not re.fullmatch(_HEAD_TITLE_WORD, last.group(0), re.IGNORECASE)


# A head's title right after a country's name, with no name after it: "the Russian president",
# "France's prime minister" (not "Russian President Vladimir Putin", "the Russian vice
# president", "the former Russian president").
_UNNAMED_HEAD = re.compile(
    r"(?:['\u2019]s)?\s+(?:[Pp]resident|[Pp]rime\s+[Mm]inister|PM|[Cc]hancellor|[Pp]remier|"
    r"[Ll]eader|[Ee]mir|[Kk]ing|[Ss]ultan|[Tt]aoiseach)\b(?!['\u2019]s)(?!\s+(?:of\b|[A-Z]))"
)
# A head's title before "of" and the country: "the Emir of Qatar", "the King of Jordan",
# "the President of France" (not "the Vice President of Iran").
_HEAD_OF = re.compile(
    r"(?<![Vv]ice\s)(?<![Vv]ice-)(?<![Dd]eputy\s)(?<![Ff]ormer\s)\b(?:[Pp]resident|[Pp]rime\s+[Mm]inister|"
    r"[Ee]mir|[Aa]mir|[Kk]ing|[Qq]ueen|[Ss]ultan|[Pp]remier|[Cc]hancellor)\s+of\s+(?:the\s+)?$"
)
_FORMER_BEFORE = re.compile(r"(?:former|ex-|then|late|outgoing)\s*$", re.IGNORECASE)


def unnamed_heads(text: str, sentence: Sentence, *, before: int | None = None) -> set[str]:
    """Countries whose head the sentence names by title alone ("the Russian president"), or
    only those named before a given offset."""
    return {
        m.code
        for m in sentence.mentions
        if m.kind in ("adjective", "demonym", "country")
        and (before is None or m.end <= before)
        and (
            _UNNAMED_HEAD.match(text, m.end)
            or (m.kind == "country" and _HEAD_OF.search(text, max(0, m.start - 40), m.start))
        )
        and not _FORMER_BEFORE.search(text, max(0, m.start - 12), m.start)
    }


def many_leaders(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether the trigger's clause names the leaders of a region or of the world ("African
    heads of state", "world leaders"): several countries' heads though no country is named.
    Not one country's leaders ("Japanese leaders"), nor an association's or a union's."""
    low, high = clause_span(text, sentence, trigger, lexicon)
    for match in _LEADERS.finditer(text, low, high):
        qualifier = _QUALIFIER.search(text, max(low, match.start() - 30), match.start())
        if qualifier and not any(m.start <= qualifier.start() < m.end for m in sentence.mentions):
            return True
    return False


def _surnames(names: set[str]) -> set[str]:
    """One key per person however the text names them ("Donald Trump", "Trump"; a title's
    capitalised words "Abdel Fattah" are the start of "Abdel Fattah al-Sisi")."""
    whole = {
        name
        for name in names
        if not any(other != name and other.startswith(name + " ") for other in names)
    }
    return {name.split()[-1] for name in whole}


# A statement opening its sentence, then who issued it: "In a communique issued after the final
# session, the council said", "In a joint statement, the two leaders called for".
_OPENING_STATEMENT = re.compile(
    r"\W*In\s+(?:a|an|the|their|its)\s+(?:joint\s+|final\s+|closing\s+|brief\s+)?"
    r"(?P<kind>communiqu[e\u00e9]|statement|declaration)\b[^,;:()]{0,80},\s*"
    r"(?P<subject>(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)(?=\s+(?:said|say|says|called|urged|"
    r"agreed|pledged|expressed|welcomed|reaffirmed|stressed|declared|noted|vowed|committed|"
    r"announced|warned|condemned)\b)",
    re.IGNORECASE,
)
_PLURAL_ISSUERS = frozenset(
    """two three four five six seven eight nine ten twelve council group ministers leaders they
    sides countries nations members governments delegations participants parties signatories
    allies partners presidents""".split()
)


def opening_statement_by_several(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether the trigger is a statement opening its sentence whose subject after the comma
    is several governments by a plural word: "In a communique issued after the final session,
    the council said", "In a joint statement, the two leaders called for"."""
    opening = _OPENING_STATEMENT.match(text, sentence.start)
    if opening is None or not opening.start("kind") <= trigger.start < opening.end("kind"):
        return False
    return opening["subject"].lower().split()[-1] in _PLURAL_ISSUERS


def joint_issuer(text: str, sentence: Sentence, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Whether a plain "statement" is issued by a body or by several governments together.

    The clause's first actor decides ("EU ministers issued a statement", "NATO said in a
    statement"); a person named before it makes it one person's remarks, and so does a single
    issuer ("he", "it", "a Foreign Ministry statement", "the government said"); a statement
    that opens its clause ("In a statement, the G-10 said") takes the actor of the saying
    after it, else the first actor after it.
    """
    if opening_statement_by_several(text, sentence, trigger):
        return True  # "In a communique issued late on Sunday, the six said"
    low, high = clause_span(text, sentence, trigger, lexicon)
    before = [m for m in sentence.mentions if low <= m.start and m.end <= trigger.start]
    plural_before = lexicon.several_governments.search(text, low, trigger.start)
    if any(m.kind == "person" for m in before):
        return False
    if len(before) >= 2 and _JOINED.fullmatch(text, before[0].end, before[1].start):
        return True  # "The United States and China said in a statement"
    singles = list(_SINGLE_ISSUER.finditer(text, low, high))
    if any(_ISSUES_IT.fullmatch(text, m.end(), trigger.start) for m in singles):
        return False  # "It said in a statement", "A Foreign Ministry statement"
    if before or plural_before:
        first = min(
            [(m.start, m.kind == "body") for m in before]
            + ([(plural_before.start(), True)] if plural_before else [])
        )
        return first[1]
    after = [m for m in sentence.mentions if trigger.end <= m.start and m.end <= high]
    plural_after = lexicon.several_governments.search(text, trigger.end, high)
    options = [(m.start, m.kind == "body") for m in after]
    options += [(plural_after.start(), True)] if plural_after else []
    options += [(m.start(), False) for m in singles if m.start() >= trigger.end]
    saying = _SAYING.search(text, trigger.end, high)
    sayers = [o for o in options if saying and o[0] < saying.start()]
    if sayers:
        return max(sayers)[1]  # "In a statement issued at the IMF meeting, the French said"
    return min(options)[1] if options else False


# The verbs of saying that tie an issuer to its statement ("It said in a statement").
# One issuer however the clause names it: a pronoun saying something, a ministry, one
# government, an embassy, a spokesman ("It said in a statement", "A Foreign Ministry
# statement said", "In a statement to the conference he said").
_SAYING_VERBS = (
    r"(?:said|says|added|stated|reiterated|announced|noted|stressed|warned|urged|called|"
    r"expressed|declared|repeated)"
)
_SINGLE_ISSUER = re.compile(
    rf"\b(?:(?-i:[Hh]e|[Ss]he|[Ii]t)(?=\s+{_SAYING_VERBS}\b)|"
    r"(?-i:[Mm]inistry|[Dd]epartment|[Gg]overnment|[Ee]mbassy|[Ss]pokes(?:man|woman|person))"
    r"(?!s)(?!\s+of\b))"
)
# What lies between a single issuer and its statement: nothing ("A Foreign Ministry
# statement"), or its saying ("It said in a statement", "the government said today in a
# written statement"); not "He said yesterday's G-7 statement" (his words about the body's).
_ISSUES_IT = re.compile(
    rf"(?:['\u2019]s)?\s+(?:{_SAYING_VERBS}\s+"
    r"(?:[\w,]+\s+){0,3}?in\s+(?:a|an|its|the)\s+(?:[\w-]+\s+)?)?"
)
# The saying a statement that opens its clause leads to: "In a statement, the G-10 said".
_SAYING = re.compile(rf"\b{_SAYING_VERBS}\b")


# Commercial lenders as a side of debt talks or a loan deal: "creditor banks", "the bank
# advisory committee", "Japanese banks", "bankers" (not a central bank, the World Bank, a
# development bank or an export credit bank: those are governments' or bodies').
_COMMERCIAL_BANKS = re.compile(
    r"(?<![Cc]entral )(?<![Ww]orld )(?<![Dd]evelopment )(?<![Rr]eserve )(?<![Ee]xport-[Ii]mport )"
    r"\b(?:banks\b(?!'? (?:of|and) )|bankers?\b|bank\s+(?:advisory|steering|creditors?)\b|"
    r"(?:advisory|steering)\s+(?:committee|panel|group)\b)"
)
# A government or a lending body named as a side ("with Japanese government officials", "the
# Paris Club", "the IMF"): the talks are also governments', whatever banks take part.
_OFFICIAL_SIDE = re.compile(
    r"\b(?:[Gg]overnments?|[Mm]inisters?|[Oo]fficials|Paris\s+Club|World\s+Bank|IMF|"
    r"International\s+Monetary\s+Fund)\b"
)
# The official side of debt talks named anywhere in the sentence: "official support", "official
# creditors", "creditor governments", the Paris Club, the IMF, the World Bank.
_OFFICIAL_LENDERS = re.compile(
    r"\b(?:[Oo]fficial\s+(?:support|creditors?|credits?|lenders?|lending|agencies|debts?)|"
    r"(?:creditor|donor)\s+(?:governments|nations|countries)|Paris\s+Club|World\s+Bank|IMF|"
    r"International\s+Monetary\s+Fund)\b"
)
_FIRM_GAP = re.compile(r"(?:['\u2019]s)?(?:\s+[a-z][\w-]*){0,2}?\s+")


def owns_a_firm(text: str, mention: Mention, lexicon: EventLexicon) -> bool:
    """Whether a country name only says whose firms or lenders these are: "Japanese banks",
    "the Canadian banker", "U.S. manufacturers" (no government acts)."""
    gap = _FIRM_GAP.match(text, mention.end)
    ends = [mention.end] + ([gap.end()] if gap else [])
    return any(lexicon.company_actors.match(text, start) is not None for start in ends)


# A headline about commercial lenders: "ARGENTINE DEBT TALKS FINELY POISED, BANKERS SAY",
# "SWISS BANKS MEET CHURCHES OVER S. AFRICA LOANS" (not "CENTRAL BANK", "WORLD BANK").
_BANKS_HEADLINE = re.compile(
    r"(?<!central )(?<!world )(?<!development )(?<!reserve )\b(?:banks|bankers|bank\s+advisory|"
    r"bank\s+creditors|creditor\s+banks)\b",
    re.IGNORECASE,
)
# Talks by their plain names, with no word for whose meeting or conference it is.
_PLAIN_TALKS = re.compile(r"negotiations?|talks|discussions", re.IGNORECASE)
LEAD_REACH = 300  # characters of a story's opening read with its headline


def bank_story(article: Article) -> bool:
    """Whether a story's headline or opening is about commercial lenders: its talks that name
    no second government are theirs with one country (SPEC: debt talks with banks)."""
    return bool(
        _BANKS_HEADLINE.search(article.title or "")
        or _BANKS_HEADLINE.search(article.text, 0, LEAD_REACH)
    )


def bank_talks(
    text: str,
    sentence: Sentence,
    trigger: Trigger,
    codes: set[str],
    lexicon: EventLexicon,
    *,
    story: bool = False,
) -> bool:
    """Whether talks or a deal are one government's with commercial banks (SPEC: debt talks
    with bank creditors are no meeting, a bank loan package no agreement): the sentence
    names commercial banks (or, for talks, the story is about them: ``story``), no government
    or lending body besides one country, and at most one country acts (a place, or a country
    named only as the banks' own, does not act)."""
    if trigger.type not in _COUNTERPART_DECIDES or codes & BODY_CODES:
        return False
    named = bool(_COMMERCIAL_BANKS.search(text, sentence.start, sentence.end))
    if not named and not (story and _PLAIN_TALKS.fullmatch(text, trigger.start, trigger.end)):
        return False  # (in a story on banks: "Negotiations continued in New York today")
    _, high = clause_span(text, sentence, trigger, lexicon)
    counterpart = _COUNTERPART.search(text, trigger.end, trigger.end + COUNTERPART_REACH)
    if counterpart is not None and _OFFICIAL_SIDE.search(text, counterpart.end(), high):
        return False
    if _OFFICIAL_LENDERS.search(text, sentence.start, sentence.end):
        return False
    acting = {
        c
        for m in sentence.mentions
        if not is_location(text, m) and not owns_a_firm(text, m, lexicon)
        for c in codes_of(m)
    }
    # Where the sentence names the banks, only the event's own parties count (a third country's
    # own bank deal may be named beside); where only the story does, any second country acting.
    return len(acting & codes if named else acting) < 2
