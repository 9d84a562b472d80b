"""TimeBank scoring of temporal taggers: ours against the naive dateparser pass.

Kept in the package (not only in the script) so the corpus test can assert the
figure the script prints. Offsets are those of the plain text of ``<TEXT>``:
tags are stripped and XML entities unescaped segment by segment while the
offsets are counted, so gold spans index the same string the tagger sees.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.extract.model import Timex
from bot.extract.timex import find_timexes

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.DOTALL)
_BODY = re.compile(r"<TEXT>(.*)</TEXT>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class Document:
    name: str
    dct: dt.date
    text: str
    gold: list[GoldTimex]


Tagger = Callable[[str, dt.date], list[Timex]]


def parse_tml(path: Path) -> Document:
    """One TimeBank file: DCT, plain text of <TEXT> and its DATE/TIME TIMEX3s."""
    raw = path.read_text(encoding="utf-8")
    dct_match = _DCT.search(raw)
    body_match = _BODY.search(raw)
    if dct_match is None or body_match is None:
        raise ValueError(f"{path.name}: no DCT or TEXT")
    dct = dt.date.fromisoformat(dct_match.group(1)[:10])
    body = body_match.group(1)
    parts: list[str] = []
    length = 0
    pos = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    for tag in _TAG.finditer(body):
        segment = html.unescape(body[pos : tag.start()])
        parts.append(segment)
        length += len(segment)
        pos = tag.end()
        if tag.group(2) != "TIMEX3" or tag.group(4):
            continue
        if tag.group(1):
            begin, attrs = open_timexes.pop()
            spans.append((begin, length, attrs))
        else:
            open_timexes.append((length, dict(_ATTR.findall(tag.group(3)))))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    gold = [
        GoldTimex(s, e, text[s:e], a.get("type", ""), a.get("value", ""))
        for s, e, a in sorted(spans, key=lambda x: x[0])
        if a.get("type") in ("DATE", "TIME")
    ]
    return Document(path.stem, dct, text, gold)


def load_corpus(directory: Path) -> list[Document]:
    return [parse_tml(p) for p in sorted(directory.glob("*.tml"))]


SPLIT_SEED = "diplobot-timebank-2026"
DEVTEST_SHARE = 1 / 3


def _rank(name: str) -> bytes:
    return hashlib.sha256(f"{SPLIT_SEED}:{name}".encode()).digest()


def split_corpus(documents: list[Document]) -> tuple[list[Document], list[Document]]:
    """``(develop, devtest)``: a third of the documents, fixed by a seeded hash of their
    names, is kept back so that rules fitted to the develop part show as a gap."""
    ranked = sorted(documents, key=lambda d: _rank(d.name))
    held = {d.name for d in ranked[: round(len(ranked) * DEVTEST_SHARE)]}
    return [d for d in documents if d.name not in held], [d for d in documents if d.name in held]


@dataclass(slots=True)
class Scores:
    """Counts behind strict, relaxed and value precision/recall/F1."""

    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    value: int = 0
    seconds: float = 0.0
    documents: int = 0
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    @staticmethod
    def _prf(correct_p: int, correct_r: int, system: int, gold: int) -> tuple[float, ...]:
        p = correct_p / system if system else 0.0
        r = correct_r / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def strict_prf(self) -> tuple[float, ...]:
        return self._prf(self.strict, self.strict, self.system, self.gold)

    def relaxed_prf(self) -> tuple[float, ...]:
        return self._prf(self.relaxed_p, self.relaxed_r, self.system, self.gold)

    def value_prf(self) -> tuple[float, ...]:
        return self._prf(self.value, self.value, self.system, self.gold)

    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(documents: Iterable[Document], tagger: Tagger) -> Scores:
    """Run ``tagger`` over every document and count matches against gold."""
    scores = Scores()
    for doc in documents:
        began = time.perf_counter()
        found = tagger(doc.text, doc.dct)
        scores.seconds += time.perf_counter() - began
        scores.documents += 1
        scores.system += len(found)
        scores.gold += len(doc.gold)
        gold_spans = {(g.start, g.end) for g in doc.gold}
        scores.strict += sum((t.start, t.end) in gold_spans for t in found)
        scores.relaxed_p += sum(
            any(_overlaps((t.start, t.end), (g.start, g.end)) for g in doc.gold) for t in found
        )
        scores.relaxed_r += sum(
            any(_overlaps((t.start, t.end), (g.start, g.end)) for t in found) for g in doc.gold
        )
        used: set[int] = set()
        for t in found:
            hit = next(
                (
                    i
                    for i, g in enumerate(doc.gold)
                    if i not in used
                    and _overlaps((t.start, t.end), (g.start, g.end))
                    and g.value == t.value
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                scores.value += 1
                continue
            near = next(
                (g for g in doc.gold if _overlaps((t.start, t.end), (g.start, g.end))), None
            )
            scores.errors.append(
                (doc.name, t.text, t.value, near.value if near else "-", near.text if near else "")
            )
        for i, g in enumerate(doc.gold):
            if i not in used and not any(
                _overlaps((t.start, t.end), (g.start, g.end)) for t in found
            ):
                scores.errors.append((doc.name, "-", "-", g.value, g.text))
    return scores


def ours(text: str, dct: dt.date) -> list[Timex]:
    return find_timexes(text, dct)


_PRECISION_DAY = re.compile(
    r"\b(?:[0-3]?\d(?:st|nd|rd|th)?|today|tonight|yesterday|tomorrow|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"day|days|now|ago)\b",
    re.IGNORECASE,
)
_PRECISION_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\bmonth",
    re.IGNORECASE,
)
_PRECISION_YEAR = re.compile(r"\b\d{4}\b|\byear", re.IGNORECASE)
_PRECISION_WEEK = re.compile(r"\bweek", re.IGNORECASE)


def _naive_value(matched: str, when: dt.datetime) -> str:
    """TimeML value at the precision the matched text shows (fair to the naive pass)."""
    text = matched.strip()
    has_month = _PRECISION_MONTH.search(text) is not None
    if re.search(r"\d{1,2}:\d\d|\d\s*[ap]\.?m\b", text, re.IGNORECASE):
        return when.strftime("%Y-%m-%dT%H:%M")
    if _PRECISION_WEEK.search(text):
        iso = when.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if _PRECISION_DAY.search(re.sub(r"\b\d{4}\b", "", text)):
        return when.strftime("%Y-%m-%d")
    if has_month:
        return when.strftime("%Y-%m")
    if _PRECISION_YEAR.search(text):
        return when.strftime("%Y")
    return when.strftime("%Y-%m-%d")


def naive(text: str, dct: dt.date) -> list[Timex]:
    """dateparser.search.search_dates used the naive way, as a baseline."""
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day)  # noqa: DTZ001 - dateparser wants naive
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out: list[Timex] = []
    pos = 0
    for matched, when in found:
        start = text.find(matched, pos)
        if start < 0:
            continue
        end = start + len(matched)
        pos = end
        value = _naive_value(matched, when)
        out.append(Timex(start, end, matched, "TIME" if "T" in value else "DATE", value))
    return out
