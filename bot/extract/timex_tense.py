"""Past or future? The direction of a relative date from the verbs of its clause.

"will meet on Friday" points forward, "met on Friday" backward. We look at a
small window of words in the same sentence, nearest first: first before the
expression, then after it. Passive participles ("will be signed") are skipped
so that the auxiliary decides.
"""

from __future__ import annotations

import re

from bot.extract.timex_lexicon import (
    AUX_BE,
    DETERMINERS,
    FUTURE_CUES,
    FUTURE_IF_TO,
    IRREGULAR_PAST,
    NOT_PAST_ED,
    PRESENT_EVENT_VERBS,
    word_list,
)

_WORDS = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
_SENTENCE_END = re.compile(r"(\w*)[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z])|\n\s*\n")
_ABBREVIATIONS = word_list("abbreviations")
_PREPOSITION_HINT = {
    "from": 1,
    "until": 1,
    "till": 1,
    "starting": 1,
    "beginning": 1,
    "effective": 1,
    "since": -1,
}
_REPORTING = frozenset(
    ["said", "says", "say", "told", "announced", "reported", "added", "stated", "noted"]
)
_AFTER_VERB = (DETERMINERS - {"record", "date"}) | frozenset(
    """to from in on at for with by that into over after before up down out off him
    them it us""".split()
)
_PAST_AUX = frozenset(["was", "were", "had", "been"])
_CLAUSE_STOP = frozenset({"but", "while", "whereas", "although", "though"})
_BEFORE_CHARS = 160
_AFTER_CHARS = 100
_MAX_WORDS_BEFORE = 14
_MAX_WORDS_AFTER = 8


def _ends_sentence(match: re.Match[str]) -> bool:
    """A full stop after an initial ("P. Davison") or an abbreviation does not end a sentence."""
    word = match.group(1)
    if word is None:
        return True  # a blank line
    return word.isdigit() or (len(word) > 1 and word.lower() not in _ABBREVIATIONS)


def _cue(words: list[str], i: int, *, before: bool) -> tuple[int, int]:
    """(strength, direction) of ``words[i]``: strength 2 for auxiliaries and
    irregular pasts, 1 for guesses (-ed forms, present-tense event verbs)."""
    word = words[i].lower()
    previous = words[i - 1].lower() if i else ""
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    if word in FUTURE_CUES or word.endswith("'ll"):
        if any(w.lower() in _PAST_AUX for w in words[max(0, i - 3) : i]):
            return 2, -1  # "had been due to expire Friday": a past plan
        return 2, 1
    if word == "to" and previous in ("is", "are", "am"):
        return 2, 1  # "is to resume trading Tuesday"
    if word in FUTURE_IF_TO:
        if following in ("to", "for", "until", "till", "through"):
            return 2, 1
        if word.endswith("ed") and previous not in AUX_BE:
            return 1, -1
        return 0, 0
    if previous in ("is", "are", "am") and word.endswith("ing") and len(word) > 5:
        return 1, 1  # "is calling for the redemption on Dec. 7"
    if previous in AUX_BE:
        return 0, 0  # "be signed", "is expected": the auxiliary decides
    if word in IRREGULAR_PAST:
        return 2, -1
    if word in ("has", "have"):
        return 1, -1  # present perfect: "have come down from the middle of October"
    if len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_ED:
        # A verb ("changed from", "announced the") rather than an adjective ("preferred shares").
        return (2 if following in _AFTER_VERB else 1), -1
    if before and word in PRESENT_EVENT_VERBS and previous not in DETERMINERS | {"to"}:
        return 1, 1
    return 0, 0


def _decide(words: list[str], order: range, *, before: bool) -> int:
    """Signed strength of the decisive cue: the first strong one before the
    expression (else the first weak one); after it, simply the nearest."""
    weak = 0
    for i in order:
        if words[i].lower() in _CLAUSE_STOP:
            break
        strength, direction = _cue(words, i, before=before)
        if strength == 2 and weak and words[i].lower() in _REPORTING:
            return weak  # "said it is calling for ... on Dec. 7": the reported verb decides
        if strength == 2 or (strength and not before):
            return strength * direction
        if strength == 1 and not weak:
            weak = direction
    return weak


def clause_direction(text: str, start: int, end: int) -> int:
    """Direction of the clause around ``text[start:end]``: negative past, positive
    future, 0 undecided; magnitude 2 for a sure cue (will, said), 1 for a guess."""
    lo = max(0, start - _BEFORE_CHARS)
    before = text[lo:start]
    boundaries = [b for b in _SENTENCE_END.finditer(before) if _ends_sentence(b)]
    if boundaries:
        before = before[boundaries[-1].end() :]
    words = before_words = _WORDS.findall(before)[-_MAX_WORDS_BEFORE:]
    if words and words[-1].lower() == "since":
        return -2  # "will retain ... despite the suspension since January 24": since is past
    direction = _decide(words, range(len(words) - 1, -1, -1), before=True)
    if direction:
        return direction
    after = text[end : end + _AFTER_CHARS]
    stop = next((b for b in _SENTENCE_END.finditer(after) if _ends_sentence(b)), None)
    if stop is not None:
        after = after[: stop.start()]
    words = _WORDS.findall(after)[:_MAX_WORDS_AFTER]
    direction = _decide(words, range(len(words)), before=False)
    if direction or not before_words:
        return direction
    # No verb decides: a preposition opening a period still hints ("from August 6").
    return _PREPOSITION_HINT.get(before_words[-1].lower(), 0)


def sentence_start(text: str, pos: int, reach: int = 300) -> int:
    """Offset where the sentence holding ``pos`` begins (looking back at most ``reach``)."""
    lo = max(0, pos - reach)
    boundaries = [b for b in _SENTENCE_END.finditer(text, lo, pos) if _ends_sentence(b)]
    return boundaries[-1].end() if boundaries else lo
