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
)

_WORDS = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z])|\n\s*\n")
_CLAUSE_STOP = frozenset({"but", "while", "whereas", "although", "though"})
_BEFORE_CHARS = 160
_AFTER_CHARS = 100
_MAX_WORDS_BEFORE = 14
_MAX_WORDS_AFTER = 8


def _cue(words: list[str], i: int, *, before: bool) -> tuple[int, int]:
    """(strength, direction) of ``words[i]``: strength 2 for auxiliaries and
    irregular pasts, 1 for guesses (-ed forms, present-tense event verbs)."""
    word = words[i].lower()
    previous = words[i - 1].lower() if i else ""
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    if word in FUTURE_CUES or word.endswith("'ll"):
        return 2, 1
    if word == "to" and previous in ("is", "are", "am"):
        return 2, 1  # "is to resume trading Tuesday"
    if word in FUTURE_IF_TO:
        if following in ("to", "for", "until", "till", "through"):
            return 2, 1
        if word.endswith("ed") and previous not in AUX_BE:
            return 1, -1
        return 0, 0
    if previous in AUX_BE:
        return 0, 0  # "be signed", "is expected": the auxiliary decides
    if word in IRREGULAR_PAST:
        return 2, -1
    if len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_ED:
        return 1, -1
    if before and word in PRESENT_EVENT_VERBS and previous not in DETERMINERS:
        if previous != "to":
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
    boundaries = list(_SENTENCE_END.finditer(before))
    if boundaries:
        before = before[boundaries[-1].end() :]
    words = _WORDS.findall(before)[-_MAX_WORDS_BEFORE:]
    direction = _decide(words, range(len(words) - 1, -1, -1), before=True)
    if direction:
        return direction
    after = text[end : end + _AFTER_CHARS]
    stop = _SENTENCE_END.search(after)
    if stop is not None:
        after = after[: stop.start()]
    words = _WORDS.findall(after)[:_MAX_WORDS_AFTER]
    return _decide(words, range(len(words)), before=False)
