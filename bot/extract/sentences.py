"""Sentence spans for news text, tolerant of wire copy (hard line breaks, "U.S. Officials")."""

from __future__ import annotations

import re

# Abbreviations whose period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt rep sen gov st jr sr co corp inc ltd plc bros jan
    feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol pp ed est approx dept univ assn ave blvd ft mt vs etc al fig e.g i.e u.s u.k
    u.n a.m p.m""".split()
)
MAX_SENTENCE_CHARS = 600
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n[ \t]{2,}|\n(?=- )")
# The look-behind starts a match only at the first mark of a run ("?????"), keeping it linear.
_CANDIDATE = re.compile(r"(?<![.!?])[.!?]+[\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])")


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the punctuation at ``dot`` ends a sentence (not an abbreviation or initial)."""
    if text[dot] != ".":
        return True
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return True
    if word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS:
        return False
    # Single initials ("J. Baker") and dotted acronyms ("U.S", "E.C") do not end sentences.
    return not (len(word) == 1 and word.isalpha()) and not ("." in word and len(word) <= 5)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order."""
    spans: list[tuple[int, int]] = []
    paragraph_start = 0
    boundaries = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for boundary in boundaries:
        start = paragraph_start
        for match in _CANDIDATE.finditer(text, paragraph_start, boundary):
            if _ends_sentence(text, match.start()):
                _add(text, spans, start, match.end())
                start = match.end()
        _add(text, spans, start, boundary)
        paragraph_start = boundary
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A "sentence" longer than any real one (a table, a list with no full stops, hostile
    # input) is cut at spaces: work per trigger scans its sentence, so this keeps it linear.
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
