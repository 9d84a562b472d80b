"""Past or future? The direction of a relative date from the verb that governs it.

"will meet on Friday" points forward, "met on Friday" backward. The decision is made
per clause, nearest first:

1. what the expression modifies: "since" is past; a deadline or target named by it
   lies ahead unless a past verb governs that very noun ("missed the June deadline");
2. the verb right before it (through a preposition): a participle ("the ruling, issued
   on Tuesday") or a prospective one ("expected Friday"), whatever another clause of the
   sentence holds ("they would contest...");
3. the words of its clause, before the expression then after it (passive participles
   such as "will be signed" are skipped so that the auxiliary decides);
4. the sentence's main clause, when the expression sits in a participle phrase
   ("..., setting the tone for the summit talks on Friday");
5. a preposition opening a period ("from August 6").

In a headline or a photo caption (``report=True``) the present tense reports the DCT's
days rather than announcing them, and "X to meet" is the headline's future.
"""

from __future__ import annotations

import itertools
import re

from bot.extract.timex_lexicon import (
    AUX_BE,
    DETERMINERS,
    FUTURE_CUES,
    FUTURE_IF_TO,
    IRREGULAR_PAST,
    MODAL_CUES,
    NOT_PAST_ED,
    PRESENT_EVENT_VERBS,
    word_list,
)

_PROSPECTIVE = word_list("prospective_participles")
_DEFERRAL = word_list("deferral_verbs")
_INCIDENTS = word_list("incident_nouns")
_ING_PREPOSITIONS = word_list("ing_prepositions")
_PROSPECTIVE_NOUNS = word_list("prospective_nouns")
_BY_THE_DEADLINE = frozenset(["by", "before", "after", "past", "until", "ahead", "beyond"])
_BETWEEN_VERB_AND_DATE = frozenset("on in at during by for from as of".split())
_NOT_A_NOUN = (
    _BETWEEN_VERB_AND_DATE
    | DETERMINERS
    | frozenset("to and or but when which who after before until through is are was were".split())
)

_POSSESSIVE = re.compile(r"['’]s\b")
# A hyphenated compound is one word: "flood-hit regions" holds no past verb "hit".
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:'[a-z]+)?|'ll")
_VERB_PREFIXES = frozenset("re co pre un over under out mis de self".split())
# A full stop before a capital ends a sentence; feeds also glue them: "last year.Earlier".
_SENTENCE_END = re.compile(
    r"(\w*)[.!?][\"')\]]*(?:\s+(?=[\"'(\[]?[A-Z])|(?<=[a-z\d][.!?])(?=[A-Z][a-z]))|\n\s*\n"
)
_ABBREVIATIONS = word_list("abbreviations")
_PREPOSITION_HINT = {
    "from": 1,
    "until": 1,
    "till": 1,
    "starting": 1,
    "beginning": 1,
    "effective": 1,
    "since": -1,
    # what an act follows came first: "Following weekend talks here ..., Lawson told reporters"
    "following": -1,
}
_REPORTING = frozenset(
    ["said", "says", "say", "told", "announced", "reported", "added", "stated", "noted"]
)
_AFTER_VERB = (DETERMINERS - {"record", "date"}) | frozenset(
    """to from in on at for with by that into over after before up down out off him
    them it us""".split()
)
_PAST_AUX = frozenset(["was", "were", "had", "been"])
_HAVE = frozenset(["has", "have", "had", "having"])
_MANDATIVE = frozenset(
    "urged urges urge asked asks proposed proposes recommended recommends demanded demands"
    " suggested suggests insisted insists requested requests".split()
)
_EARLIER_ONES = frozenset(["last", "previous", "latest", "recent", "prior", "earlier"])
_CERTAIN_FUTURE = frozenset(["will", "shall", "wo"])
_PLAN_CALLED_OFF = re.compile(
    r"\s*(?:,\s*)?(?:(?:was|were)|(?:has|have|had)\s+been)\s+(?:abruptly\s+|later\s+|then\s+)?"
    r"(?:called\s+off|cancell?ed|scrapped|postponed|delayed|put\s+off|pushed\s+back)\b",
    re.IGNORECASE,
)
_EARLIER_PLAN = frozenset(["previously", "originally", "initially", "earlier", "once"])
# A noun phrase set off by commas is no clause break: "at Chequers, the Prime Minister's
# country residence, on Thursday" (a verb inside makes it a clause: ", which was", ", he said,").
_APPOSITION = re.compile(
    r",\s+(?:the|a|an|his|her|its|their)\s+(?:(?!(?:which|who|that|is|was|are|were|has|had|"
    r"have|will|would|said|says)\b)[\w.'\u2019-]+\s+){0,6}?[\w.'\u2019-]+\s*,",
    re.IGNORECASE,
)
_ATTRIBUTION = frozenset(["said", "says", "told", "added", "stated", "noted"])
_REPORTING_REACH = 4  # "said in a statement on Tuesday": words from the verb to the date
_CLAUSE_STOP = frozenset({"but", "while", "whereas", "although", "though"})
_SUBORDINATORS = frozenset({"when", "once", "which", "who"})
_SENTENCE_REACH = 300
CERTAIN = 4
"""Magnitude of a direction no tense can overturn: "since March" never lies ahead."""
_AFTER_CHARS = 100
_MAX_WORDS_BEFORE = 14
_MAX_WORDS_CLAUSE = 40  # how far back a long clause or a main clause is read
_MAX_WORDS_AFTER = 8
_FRONTED_AFTER = (200, 20)  # characters and words read after a date that opens its sentence


def _ends_sentence(match: re.Match[str]) -> bool:
    """A full stop after an initial ("P. Davison") or an abbreviation does not end a sentence."""
    word = match.group(1)
    if not word:
        return True  # a blank line, or the stop right after the expression ("Nov. 13.")
    return word.isdigit() or (len(word) > 1 and word.lower() not in _ABBREVIATIONS)


# Verbs asking someone to act, in the present: what they ask for lies ahead ("wants leaders
# to adopt a declaration on Saturday"). A past asking may be told at its own past occasion
# ("Japan urged China to open its markets at talks on Monday").
_ASKING = frozenset("wants want urges urge asks ask invites invite expects expect presses".split())


_CUE_WORDS = (
    _ASKING
    | FUTURE_CUES
    | MODAL_CUES
    | FUTURE_IF_TO
    | IRREGULAR_PAST
    | PRESENT_EVENT_VERBS
    | frozenset(["to", "has", "have"])
)
_CUE_ENDINGS = ("ed", "ing", "'ll")
"""Every word _cue can read as a cue: a cheap pre-filter, as it is called for each word."""


def _past_form(word: str) -> bool:
    """A past tense or participle: an irregular one or a verb in -ed (not "united", "need")."""
    word = word.lower()
    if "-" in word:  # "re-elected" is a verb, "flood-hit" and "war-battered" are adjectives
        head, _, tail = word.rpartition("-")
        if head not in _VERB_PREFIXES:
            return False
        word = tail
    return word in IRREGULAR_PAST or (
        len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_ED
    )


def _previous(words: list[str], i: int) -> str:
    """The word before ``words[i]``, past manner adverbs: "will be formally signed" has
    "be" before "signed", so the auxiliary, not the participle, gives the tense."""
    j = i - 1
    while j > 0 and len(words[j]) > 4 and words[j].islower() and words[j].endswith("ly"):
        j -= 1
    return words[j].lower() if j >= 0 else ""


def _cue(
    words: list[str], i: int, *, before: bool, report: bool = False, until: bool = False
) -> tuple[int, int]:
    """(strength, direction) of ``words[i]``: 3 for the future auxiliaries (will, shall),
    2 for other auxiliaries, irregular pasts and reporting verbs, 1 for guesses (-ed
    forms, present-tense event verbs, modals)."""
    word = words[i].lower()
    previous = _previous(words, i)
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    if report and word == "to" and _headline_infinitive(words, i):
        return 2, 1  # "Carney to meet Trump on Tuesday": a headline's future
    if i > 0 and words[i - 1].lower() in _EARLIER_PLAN and word in FUTURE_CUES | _PROSPECTIVE:
        return 0, 0  # "originally scheduled for July 24": an old plan, past or ahead
    if word in FUTURE_CUES or word.endswith("'ll") or word in MODAL_CUES:
        window = [w.lower() for w in words[max(0, i - 3) : i]]
        # "was strong, and will meet": an auxiliary before a conjunction is another clause's
        own = max((j + 1 for j, w in enumerate(window) if w in ("and", "but", "or")), default=0)
        if any(w in _PAST_AUX for w in window[own:]):
            return 2, -1  # "had been due to expire Friday": a past plan
        if word == "could" and following == "not" and _after_next(words, i) in _FAILED_ACTS:
            return 2, -1  # "OPEC ministers could not agree at their meeting on Sunday": failed
        if word in MODAL_CUES or (word == "be" and previous in MODAL_CUES):
            return 1, 1  # "would be held": the modal's guess, not a sure future
        return (3 if word in _CERTAIN_FUTURE or word.endswith("'ll") else 2), 1
    if before and word in _ASKING and "to" in [w.lower() for w in words[i + 2 : i + 5]]:
        return 2, 1  # "wants leaders to adopt a declaration on Saturday": asked ahead
    if word == "to" and previous in ("is", "are", "am"):
        return 2, 1  # "is to resume trading Tuesday"
    if word in _PROSPECTIVE and previous in ("is", "are", "am"):
        return 2, 1  # "is expected in Paris on Friday": a present plan points ahead
    if word in FUTURE_IF_TO:
        # "agreed to a ceasefire on Monday": a thing agreed to, not a plan; what it runs
        # "until" is still ahead ("agreed to an interim rescheduling until June 30").
        if (
            word == "agreed"
            and following == "to"
            and _after_next(words, i) in _ARTICLES
            and not until
        ):
            return 2, -1
        if word in _PLANNING_NOW and following in ("a", "an", "another"):
            return 2, 1  # "he plans a July trip to China": a present plan points ahead
        if following in ("to", "for", "until", "till", "through"):
            if not before and _past_form(word) and word not in _PROSPECTIVE:
                return 2, -1  # "In December, OPEC agreed to ...": the agreeing dates the day
            return 2, 1
        if word.endswith("ed") and previous not in AUX_BE:
            return 1, -1
        if word not in PRESENT_EVENT_VERBS:
            return 0, 0  # "Bolivians vote in a runoff on October 19": read on as an event verb
    if previous in ("is", "are", "am") and word.endswith("ing") and len(word) > 5:
        return 1, 1  # "is calling for the redemption on Dec. 7"
    if previous in AUX_BE:
        return 0, 0  # "be signed", "is expected": the auxiliary decides
    if word in IRREGULAR_PAST:
        if previous == "to":
            return 0, 0  # "to put together a new government": an infinitive ("put", "set")
        return 2, -1
    if word in ("has", "have"):
        return 1, -1  # present perfect: "have come down from the middle of October"
    if (
        len(word) > 4
        and word.endswith("ed")
        and word not in NOT_PAST_ED
        and not (i and words[i][:1].isupper())  # a name ("Ahmed", "Zayed"), no past verb
    ):
        # A verb ("changed from", "announced the") rather than an adjective ("preferred shares").
        return (2 if following in _AFTER_VERB else 1), -1
    if (
        before
        and not report
        and word in PRESENT_EVENT_VERBS
        and previous not in DETERMINERS | {"to", "has", "have", "had"}  # "have come down"
        and not previous.endswith(("'s", "\u2019s"))  # "Trump's visit in May": a noun
    ):
        return 1, 1
    return 0, 0


_ARTICLES = frozenset(["a", "an", "the"])
_PLANNING_NOW = frozenset("plans plan planning intends intend".split())
_OPEN_ENDED = frozenset(["until", "till", "through", "to"])


# What "could not" tells as a past failure, not a guess ahead: "could not agree", "could not
# reach a deal" ("could not be ruled out next week" stays a guess).
_FAILED_ACTS = frozenset(
    {"agree", "reach", "decide", "resolve", "settle", "bridge", "overcome", "break", "find"}
)


def _after_next(words: list[str], i: int) -> str:
    """The second word after ``words[i]``, lower-cased ("" past the end)."""
    return words[i + 2].lower() if i + 2 < len(words) else ""


def _headline_infinitive(words: list[str], i: int) -> bool:
    """ "Carney to meet", "EU to impose": "to" with a verb after a name, not "heads to Asia"."""
    if i == 0 or i + 1 >= len(words):
        return False
    previous, following = words[i - 1], words[i + 1]
    return (
        following.isalpha()
        and following.islower()
        and following not in DETERMINERS
        and previous.lower() not in PRESENT_EVENT_VERBS
        and not previous.lower().endswith(("ed", "ing"))
    )


def _decide(
    words: list[str],
    order: range,
    *,
    before: bool,
    report: bool = False,
    gap: int = 0,
    enclosed: frozenset[int] = frozenset(),
    until: bool = False,
) -> int:
    """Signed strength of the decisive cue: the first strong one before the
    expression (else the first weak one); after it, simply the nearest. ``gap`` counts
    the words between the last of ``words`` and the expression; the verbs of ``enclosed``
    words are asides and count as guesses only."""
    weak = 0
    modal = False  # the weak cue found is a modal of the date's own clause
    own_clause = False  # ... or a modal or a present-tense event verb: an "and" ends its clause
    for i in order:
        word = words[i].lower()
        if word in _CLAUSE_STOP or (before and own_clause and word == "and"):
            # "the talks had gone well and a team would leave in three weeks", "who won the
            # June 2 election and takes office on Oct. 1": the cue found is its own clause's
            break
        if before and weak and word in _SUBORDINATORS:
            break  # "members led by Saudi Arabia ... when they meet online on Sunday": the
            # subordinate clause's own verb dates it, not the main clause's
        if before and word == "that" and i and words[i - 1].lower() in _REPORTING | _MANDATIVE:
            # "said that on April 15 it will...": the date opens the reported clause;
            # "urged that Congress begin ... by Easter": a demand's clause lies ahead
            break
        if word not in _CUE_WORDS and not word.endswith(_CUE_ENDINGS):
            continue  # most words cannot be a cue: skip them cheaply
        strength, direction = _cue(words, i, before=before, report=report, until=until)
        if strength >= 2 and i in enclosed:
            # ", which struck last week and held ships in port, meets on Monday": a verb
            # inside commas belongs to an aside, not to the clause of the date.
            strength = 1
        if strength == 2 and word in _REPORTING:
            if weak:
                return weak  # "said it is calling for ... on Dec. 7": the reported verb decides
            if before and len(words) - i + gap > _REPORTING_REACH:
                # "told companies of a cutback in September": the report is past, what it
                # reports may lie ahead; only "said on Tuesday" dates the saying itself.
                strength = 1
        if strength >= 2 or (strength and not before):
            return strength * direction
        if strength == 1 and not weak:
            weak = direction
            # "conditions should be back to normal by the weekend": "be" after a modal is
            # the modal's clause as much as the modal itself
            modal = word in MODAL_CUES or (word == "be" and _previous(words, i) in MODAL_CUES)
            own_clause = modal or word in PRESENT_EVENT_VERBS
    return weak


def _modified_noun(words: list[str], after: list[str]) -> int:
    """A deadline or target the expression names lies ahead ("a June deadline"), unless a
    past verb governs that noun phrase itself ("missed the June deadline")."""
    if not after or after[0].lower() not in _PROSPECTIVE_NOUNS:
        return 0
    i = len(words) - 1
    while i >= 0 and words[i].lower() in DETERMINERS:
        i -= 1
    if i >= 0 and _past_form(words[i]) and words[i].lower() not in _PROSPECTIVE:
        return -2
    if i >= 0 and words[i].lower() in _BY_THE_DEADLINE:
        return 0  # "completed the offer by the Tuesday deadline": the clause's tense decides
    return 1


_OCCASIONS = frozenset(
    """election elections vote poll polls referendum runoff run-off ballot meeting meetings
    session summit talks conference""".split()
)
_CALLING = frozenset("call calls called calling set sets setting schedule schedules".split())
_CALLED_REACH = 6  # words from the calling verb to "for": "called a snap general election for"


def _called_for(words: list[str]) -> int:
    """ "called a snap election for August 3", "set the vote for Sunday": the date an
    occasion is called for lies ahead of the calling, whatever the calling's tense."""
    if len(words) < 3 or words[-1].lower() != "for" or words[-2].lower() not in _OCCASIONS:
        return 0
    return 2 if any(w.lower() in _CALLING for w in words[-_CALLED_REACH - 2 : -2]) else 0


def _earlier_occasion(words: list[str]) -> int:
    """ "At its last meeting in December", "the previous round on March 3": an occasion
    named as an earlier one lies behind the DCT."""
    if len(words) < 3 or words[-1].lower() not in ("in", "on", "at", "during"):
        return 0
    nouns = words[-4:-1]
    for i, word in enumerate(nouns[:-1]):
        if word.lower() in _EARLIER_ONES and all(
            w.replace("-", "").isalpha() for w in nouns[i + 1 :]
        ):
            return -2
    return 0


def _by_agent(words: list[str]) -> int:
    """ "the ceiling agreed by OPEC Saturday", "tariffs imposed by Washington in March": a
    participle with its agent before the date is past (not "will be agreed by ...")."""
    tail = [w.lower() for w in words[-6:]]
    if tail and tail[-1] in _BETWEEN_VERB_AND_DATE:
        tail = tail[:-1]
    if "by" not in tail[-4:-1]:
        return 0
    at = len(tail) - 1 - tail[::-1].index("by")
    if at < 1 or len(tail) - at - 1 > 3:
        return 0
    verb, before = tail[at - 1], tail[at - 2] if at >= 2 else ""
    if not _past_form(verb) or verb in _PROSPECTIVE:
        return 0
    if before in AUX_BE or before in MODAL_CUES or before in _CERTAIN_FUTURE:
        return 0
    return -2


def _governing_verb(words: list[str]) -> int:
    """Direction from a participle right before the expression, through one preposition:
    "the ruling, issued on Tuesday" is past, "a decision expected Friday" ahead,
    "postponed until March" ahead; "will be held on Monday" is left to the auxiliary."""
    if not words:
        return 0
    i = len(words) - 1
    if words[i].lower() in ("until", "till"):
        if i > 0 and words[i - 1].lower() in _HAVE:
            return 2  # "banks have until April 16 to comment": a deadline lies ahead
        return 2 if any(w.lower() in _DEFERRAL for w in words[:-1]) else 0
    if words[i].lower() == "to" and i > 0 and words[i - 1].lower() in _DEFERRAL:
        return 2  # "has been rescheduled to June": the new date lies ahead
    if words[i].lower() in _BETWEEN_VERB_AND_DATE and i > 0:
        i -= 1
    word = words[i].lower()
    previous = _previous(words, i)
    if word in _PROSPECTIVE:
        earlier = i > 0 and words[i - 1].lower() in _EARLIER_PLAN  # "originally scheduled"
        return 0 if earlier or previous in _PAST_AUX | _EARLIER_PLAN else 2
    if word in FUTURE_IF_TO or previous in AUX_BE or not _past_form(word):
        return 0
    return -2


def _enclosed(text: str, lo: int, starts: list[int], end: int) -> frozenset[int]:
    """Indexes of the words set off by commas in ``text[lo:end]``: between its first comma
    and the last one before the date (an aside: ", beleaguered by turmoil at home,")."""
    segment = text[lo:end]
    first, last = segment.find(","), segment.rfind(",")
    if first < 0 or first == last:
        return frozenset()
    return frozenset(i for i, pos in enumerate(starts) if lo + first < pos < lo + last)


def _participial(words: list[str]) -> bool:
    """Whether the words lead back through a present participle ("setting", "signalling")."""
    return any(
        len(w) > 5
        and w.endswith("ing")
        and w.islower()
        and w not in _ING_PREPOSITIONS
        and (i == 0 or words[i - 1] not in AUX_BE)
        for i, w in enumerate(words)
    )


# A when-clause right after a date that looks ahead dates the future whatever the main
# clause's tense: "resubmit it before July, when ministers are due to meet".
# (``\s*(?:,\s*)?``, not ``\s*,?\s*``: two adjacent white-space runs backtrack in square
# time over a long run of blank lines.)
_WHEN_AHEAD = re.compile(
    r"\s*(?:,\s*)?when\s+(?:[\w'()-]+\s+){0,6}?(?:will|shall|is|are)\s+"
    r"(?:(?:due|scheduled|expected|set)\s+to|to\s+(?:meet|be\s+held))\b|"
    r"\s*(?:,\s*)?when\s+(?:[\w'()-]+\s+){0,6}?will\b",
    re.IGNORECASE,
)


_PREPARING = frozenset("prepare prepares preparing preparation preparations".split())


_OPENING_THE_WAY = frozenset(
    "paving paved paves clearing cleared clears opening opened opens setting sets".split()
)
_PREPARED_REACH = 10  # words back from the date where "preparations for" may stand
_WAY_REACH = 14  # words back from the date where "paving the way for" may stand


def _preparing_for(words: list[str]) -> bool:
    """Whether the date names what is prepared for ("to prepare for their November summit",
    "in preparation for the June talks") or what an act opens the way to ("collapsed on
    Tuesday, paving the way for elections on Oct. 29"): the occasion still lies ahead."""
    tail = [w.lower() for w in words[-4:]]
    if "for" in tail and any(w in _PREPARING for w in tail[: tail.index("for")]):
        return True
    # "focused on preparations for the alliance's summit in The Hague on June 24-25": the
    # occasion prepared for, named with its place before its date
    longer = [w.lower() for w in words[-_PREPARED_REACH:]]
    for i in range(len(longer) - 1, 0, -1):
        if longer[i] in _CLAUSE_STOPS:
            break
        if longer[i] == "for" and longer[i - 1] in _PREPARING:
            return True
    near = [w.lower() for w in words[-_WAY_REACH:]]
    return any(
        near[i] in ("for", "to")
        and near[i - 1] in ("way", "stage")
        and near[i - 2] == "the"
        and near[i - 3] in _OPENING_THE_WAY
        for i in range(3, len(near))
    )


def _gerund_phrase(words: list[str], preposition: str) -> bool:
    """Whether the date closes a preposition + gerund phrase of its clause: "since taking
    office in January", "since being sworn in on May 7" (an act counted from, so behind the
    DCT); "hours after being sworn in on Monday" (an act before the main verb's)."""
    lowered = [w.lower() for w in words]
    for i in range(len(lowered) - 1, 0, -1):
        if lowered[i - 1] == preposition and lowered[i].endswith("ing") and len(lowered[i]) > 4:
            return True
        if lowered[i] in _CLAUSE_STOPS:
            return False
    return False


# An event's new day, set when it was moved: ahead of the DCT, whatever tense moved it.
_MOVED_TO_DATE = re.compile(
    r"\b(?:moved|rescheduled|re-scheduled|postponed|delayed|deferred|pushed\s+back|put\s+off|"
    r"brought\s+forward|shifted)\s+(?:to|for|until|till)\s+(?:on\s+|next\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_STOPS = frozenset("and but while although which who that will would said".split())


def _main_verb_after(after_words: list[str]) -> int:
    """The tense of the verb right after an aside that ends at the date ("Trump, hours after
    being sworn in on Monday, said ..."): past -2, future 2, else 0."""
    for word in after_words[:3]:
        lowered = word.lower()
        if lowered in ("will", "shall", "'ll"):
            return 2
        if _past_form(lowered):
            return -2
    return 0


def _last_done(words: list[str]) -> bool:
    """Whether the date's verb, a few words before it, is told as the latest time ("last met",
    "last visited", "was last held"): that time lies behind the DCT whatever the month."""
    tail = [w.lower() for w in words[-_LAST_DONE_REACH:]]
    return any(w == "last" and _past_form(nxt) for w, nxt in itertools.pairwise(tail))


_LAST_DONE_REACH = 5  # words before a date searched for "last" and a past verb


def clause_direction(text: str, start: int, end: int, *, report: bool = False) -> int:
    """Direction of the clause around ``text[start:end]``: negative past, positive
    future, 0 undecided; magnitude 4 (``CERTAIN``) for "since", 3 for will/shall, 2 for
    another sure cue (said, had, expected Friday), 1 for a guess.

    ``report`` marks a headline or a caption, whose present tense reports."""
    if _WHEN_AHEAD.match(text, end):
        return 3  # "before the 25th of June when our next meeting will take place"
    if _MOVED_TO_DATE.search(text, max(0, start - 40), start):
        return 2  # "has been moved to Wednesday", "was rescheduled for Friday": the new day

    lo = sentence_start(text, start, _SENTENCE_REACH)
    matches = list(_WORDS.finditer(text, lo, start))
    sentence_words = [m.group(0) for m in matches]
    words = sentence_words[-_MAX_WORDS_BEFORE:]
    if len(sentence_words) > len(words) and sentence_words[-len(words) - 1].lower() == "to":
        words = words[1:]  # the window opens on an infinitive ("to | put together"): no tense
    opening = _opens_that_clause(words)
    if opening is not None:
        # "said that on Thursday and Friday Smith would meet Kuroda": the date opens the
        # that-clause, whose own verb (after its subject) governs it, not the saying
        words = words[opening:]
        matches = matches[len(matches) - len(words) :] if words else []
    if names_an_incident(text, start, end):
        return -2  # "will investigate Friday's bombings": the bombings have happened
    if words and words[-1].lower() == "since":
        # "will retain ... despite the suspension since January 24", "has risen since
        # March": what "since" starts lies behind the DCT whatever the clause's tense.
        return -CERTAIN
    if _gerund_phrase(words, "since"):
        return -2  # "will travel, his first trip since being sworn in on May 7": done
    if _preparing_for(words):
        return 2  # "met on May 21 to prepare for their November summit": it lies ahead
    if _PLAN_CALLED_OFF.match(text, end) and words and words[-1].lower() in ("for", "on"):
        # "a meeting planned for December, was called off at the last minute": an old plan,
        # called off before or on its day; the date nearest the DCT, either way
        return 0
    # A date opening its sentence ("On March 10, the ministers of both sides ... met") waits
    # for the main verb, which may come after a long subject.
    fronted = all(w.lower() in _BETWEEN_VERB_AND_DATE | DETERMINERS for w in words)
    reach = _FRONTED_AFTER if fronted else (_AFTER_CHARS, _MAX_WORDS_AFTER)
    after = text[end : end + reach[0]]
    if report:  # a headline or a caption is one line: the body below is not its clause
        after = after.split("\n", 1)[0]
    stop = next((b for b in _SENTENCE_END.finditer(after) if _ends_sentence(b)), None)
    if stop is not None:  # keep the sentence's last word ("by the Tuesday deadline.")
        after = after[: stop.end(1) if stop.group(1) is not None else stop.start()]
    after_words = _WORDS.findall(after)[: reach[1]]
    if after.lstrip().startswith(",") and _gerund_phrase(words, "after"):
        aside = _main_verb_after(after_words)
        if aside:
            return aside  # "Trump, hours after being sworn in on Monday, said he would"
    if _last_done(words):
        return -CERTAIN  # "the two leaders last met in January": the latest time, behind the DCT
    direction = (
        _modified_noun(words, after_words)
        or _called_for(words)
        or _governing_verb(words)
        or _earlier_occasion(words)
        or _by_agent(words)
    )
    if direction:
        return direction
    offset = len(matches) - len(words)
    enclosed = _enclosed(text, lo, [m.start() for m in matches[offset:]], start)
    until = bool(words) and words[-1].lower() in _OPEN_ENDED
    direction = _decide(
        words,
        range(len(words) - 1, -1, -1),
        before=True,
        report=report,
        enclosed=enclosed,
        until=until,
    )
    if direction:
        return direction
    # "... on Thursday, officials said": a trailing attribution dates the report, not what it
    # says ("On Friday, the company said" is different: there the verb governs the date).
    attributed = (
        not fronted and "," in after and any(w.lower() in _ATTRIBUTION for w in after_words)
    )
    reported = [w for w in after_words if attributed and w.lower() in _ATTRIBUTION]
    unreported = [w for w in after_words if w not in reported]
    direction = _decide(unreported, range(len(unreported)), before=False, report=report)
    if fronted and direction == -1 and not report and after.lstrip().startswith(","):
        direction = -2  # "In February, Washington imposed sanctions": the main verb, past
    if direction or not words:
        return direction or (-1 if reported else 0)
    local_start = matches[-len(words)].start()
    if _participial(words) or "," not in _APPOSITION.sub(" ", text[local_start:start]):
        # A long clause ("will report a deficit ... in a budget speech on Thursday") or a
        # participle phrase (", setting the tone for the talks on Friday"): the clause's or
        # the main clause's sure cue decides, farther back than the usual window.
        farther = sentence_words[-_MAX_WORDS_CLAUSE:-_MAX_WORDS_BEFORE]
        main = _decide(
            farther,
            range(len(farther) - 1, -1, -1),
            before=True,
            report=report,
            gap=len(words),
            until=until,
        )
        if abs(main) >= 2:
            return main
    if reported:
        return -1  # "..., officials said": the report is past, a weak hint for what it says
    # No verb decides: a preposition opening a period still hints ("from August 6").
    return _PREPOSITION_HINT.get(words[-1].lower(), 0)


def _opens_that_clause(words: list[str]) -> int | None:
    """Where the words before a date start the that-clause it opens ("said that on"), or None."""
    for back in (1, 2):
        if len(words) > back and words[-back - 1].lower() == "that":
            tail = words[-back:]
            if all(w.lower() in _BETWEEN_VERB_AND_DATE | DETERMINERS for w in tail):
                return len(words) - back
    return None


def attributive_noun(text: str, end: int) -> bool:
    """Whether a common noun follows the expression straight away ("Easter shopping",
    "Easter ham business"): the name then modifies the noun rather than dating it."""
    after = _WORDS.findall(text[end : end + 30])
    return bool(
        after
        and re.match(r"\s+\w", text[end : end + 2])
        and after[0].replace("-", "").isalpha()
        and after[0].islower()
        and after[0] not in _NOT_A_NOUN | _CLAUSE_STOP
        and not after[0].endswith(("ed", "s"))
    )


def attributive(text: str, start: int, end: int) -> bool:
    """Whether the date modifies a noun ("its March 30 ruling", "the Feb 22 Paris accord"):
    then the clause's verb tells what happens to the noun, not when the date is."""
    before = _WORDS.findall(text[max(0, start - 20) : start])
    after = _WORDS.findall(text[end : end + 30])
    return bool(
        before
        and after
        and before[-1].lower() in DETERMINERS
        and after[0].replace("-", "").isalpha()
        and after[0].lower() not in _NOT_A_NOUN
    )


_ACCORD_NOUNS = frozenset(
    "accord accords agreement agreements pact pacts treaty treaties deal truce".split()
)
_NAME_REACH = 3  # words between the date and the accord noun: "the February Louvre accord"


def names_an_accord(text: str, start: int, end: int) -> bool:
    """Whether an attributive date names an accord by its month ("its December accord",
    "the February Louvre accord"): an accord so named has been reached, so the date lies
    behind the DCT whatever the clause does with it ("will review its December accord",
    "would abide by OPEC's December accord": an owner's name determines as "its" does)."""
    owner = _WORDS.findall(text[max(0, start - 20) : start])[-1:]
    if not attributive(text, start, end) and not (owner and _POSSESSIVE.search(owner[0])):
        return False
    tail = re.split(r"[,;:.()]", text[end : end + 50], maxsplit=1)[0]  # wire lines wrap
    for word in _WORDS.findall(tail)[: _NAME_REACH + 1]:
        if word.lower() in _ACCORD_NOUNS:
            return True
        if word.lower() in _NOT_A_NOUN:
            return False
    return False


_INCIDENT_REACH = 4  # words from the date to the noun: "Monday's U.S. missile attack"


# "the Louvre accord of February", "the pact from last December": an accord named by its month
# after the noun.
_ACCORD_OF = re.compile(
    r"\b(?:accords?|agreements?|pacts?|treat(?:y|ies)|deals?|truce)\s+(?:of|from)\s+$",
    re.IGNORECASE,
)


def accord_of_month(text: str, start: int) -> bool:
    """Whether the date follows an accord noun and "of" ("the Louvre accord of February"):
    an accord so named has been reached, as "the February accord" has."""
    return bool(_ACCORD_OF.search(text, max(0, start - 30), start))


def names_an_incident(text: str, start: int, end: int) -> bool:
    """Whether the date names an incident or a market move that is past by nature
    ("Friday's bombings", "Monday's stock market collapse", "the Aug. 7 blasts"): news
    reports these after they happen, so the verb of the clause ("will investigate") tells
    what follows the incident, not when it was."""
    possessive = _POSSESSIVE.match(text, end)
    if possessive is None and not attributive(text, start, end):
        return False
    tail = re.split(r"[,;:()\"]", text[end : end + 60], maxsplit=1)[0]  # wire lines wrap
    for word in _WORDS.findall(tail)[: _INCIDENT_REACH + 1]:
        lower = word.lower()
        if lower in _INCIDENTS:
            return True
        if lower in _NOT_A_NOUN:
            return False
    return False


def sentence_start(text: str, pos: int, reach: int = 300) -> int:
    """Offset where the sentence holding ``pos`` begins (looking back at most ``reach``)."""
    lo = max(0, pos - reach)
    # The boundary's look-ahead needs the capital at ``pos`` itself, so search one past it.
    boundaries = [
        b for b in _SENTENCE_END.finditer(text, lo, pos + 2) if _ends_sentence(b) and b.end() <= pos
    ]
    return boundaries[-1].end() if boundaries else lo
