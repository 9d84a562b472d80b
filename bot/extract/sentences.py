"""Sentence spans for news text, tolerant of wire copy (hard line breaks, "U.S. Officials"),
of feeds that glue sentences ("last year.Earlier on Dec. 2"), and the spans of a story that
report rather than narrate: its headline and its photo captions."""

from __future__ import annotations

import re

from bot.extract.dateline import find_dateline

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
_CANDIDATE = re.compile(
    r"(?<![.!?])[.!?]+[\"'\u201d\u2019)]*"
    r"(?=\s+[\"'\u201c\u2018(]?[A-Z0-9]|(?<=[a-z\d][.!?])[A-Z][a-z])"
)
_MAYBE_CREDIT = re.compile(r"/|hoto|Getty")  # cheap test before the credit pattern
_HEADLINE = re.compile(r"\A\s*(?P<line>[^\n]{3,200}?)[ \t]*\n[ \t]*\n")
# A whole text of one short line with no closing stop: a title alone ("Carney to meet Trump
# at White House on Tuesday").
_HEADLINE_ALONE = re.compile(r"\s*(?P<line>[^\n]{3,200}?(?<![.!?\"'\u201d]))\s*")
_CAPTION_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA|Xinhua|Yonhap|Anadolu|Bloomberg)(?:\s+Photo)?\s*/\s*[A-Z]"
    r"|\((?:AP|AFP|Reuters|EPA)\s+Photo\b[^)\n]*\)"
    r"|\b(?:via\s+Getty\s+Images|FILE\s+PHOTO|File\s+photo|Photo(?:graph)?:|Photo\s+by)\b"
)


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


def _headline_before_dateline(text: str) -> int | None:
    """Where a dateline starts on a line of its own after a headline with no blank line
    between ("Trump meets Xi\nBUSAN, South Korea (AP) - ..."): a paragraph boundary."""
    found = find_dateline(text)
    if found is None or found.start == 0 or text[: found.start].strip() == "":
        return None
    return found.start


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order."""
    spans: list[tuple[int, int]] = []
    paragraph_start = 0
    boundaries = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    headline_end = _headline_before_dateline(text)
    if headline_end is not None:
        boundaries = sorted({headline_end, *boundaries})
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


def report_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the headline and of photo captions, in order.

    Both report the DCT's own days in the present tense ("Leaders hail Monday summit",
    "Trump meets Xi in Busan on Thursday. REUTERS/..."), unlike the body, where the present
    tense of an event verb announces. A headline is a first line of its own, followed by a
    blank line or a dateline, without a closing full stop; a caption is a line that carries
    a photo credit.
    """
    spans: list[tuple[int, int]] = []
    headline = _HEADLINE.match(text)
    alone = _HEADLINE_ALONE.fullmatch(text)
    if alone is not None:
        spans.append(alone.span("line"))  # a feed entry that is only its title
    elif headline is not None and not headline.group("line").rstrip().endswith("."):
        spans.append(headline.span("line"))
    else:
        headline_end = _headline_before_dateline(text)
        if headline_end is not None and text.count("\n", 0, headline_end) == 1:
            start = len(text) - len(text.lstrip())
            spans.append((start, text.rindex("\n", 0, headline_end)))
    for span in caption_spans(text):
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return spans


CAPTION_LINE = 400  # characters of a caption line searched for its photo credit


def in_caption(text: str, position: int) -> bool:
    """Whether ``position`` lies on a caption line: one that carries a photo credit."""
    start = text.rfind("\n", max(0, position - CAPTION_LINE), position) + 1
    end = text.find("\n", position, position + CAPTION_LINE)
    line_end = end if end >= 0 else min(len(text), position + CAPTION_LINE)
    return bool(
        _MAYBE_CREDIT.search(text, start, line_end)
        and _CAPTION_CREDIT.search(text, start, line_end)
    )


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the photo captions (lines carrying a photo credit), in order: a photo shows
    what has happened, so a caption's weekday is the DCT's or one before it."""
    spans: list[tuple[int, int]] = []
    credits = _CAPTION_CREDIT.finditer(text) if _MAYBE_CREDIT.search(text) else ()
    for credit in credits:
        start = text.rfind("\n", 0, credit.start()) + 1
        end = text.find("\n", credit.end())
        spans.append((start, len(text) if end < 0 else end))
    return spans
