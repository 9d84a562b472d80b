"""Articles in: text and JSON lines, each with its DCT and a stable identity (files and
folders are read by :mod:`bot.news.files`).

Reading never raises for bad input: every unit of input yields an ``ArticleResult``
with either an article or an error sentence a user can act on.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bot.extract.dateline import find_dateline
from bot.extract.model import Article

MAX_ARTICLE_BYTES = 1_000_000
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid")


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One input unit: ``article`` when it could be read, else ``error`` saying why."""

    ref: str
    article: Article | None
    error: str | None = None
    skipped: str | None = None  # a folder's file of a kind never read (".pdf"), not a failure


def parse_dct(value: object) -> date | None:
    """A DCT from a JSON field or option: ``YYYY-MM-DD`` or any ISO 8601 datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ValueError(f"the date {text!r} is not ISO 8601 (use YYYY-MM-DD)") from exc


def decode_article_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Return ``(text, None)`` or ``(None, error)`` for raw article bytes."""
    if len(data) > MAX_ARTICLE_BYTES:
        return None, (
            f"the article is {len(data):,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit; "
            "split it or pass only the article's text"
        )
    if b"\x00" in data[:8192]:
        return None, "the input looks binary (it contains NUL bytes); pass a UTF-8 text file"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, (
            f"the input is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first"
        )
    return check_article_text(text)


# Control characters other than white space (tab, newline, vertical tab, form feed, return);
# a regex counts them in C rather than per character in Python.
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f]")


def check_article_text(text: str) -> tuple[str | None, str | None]:
    """Reject empty, oversized or control-character-laden text with a sentence that says why."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES:
        return None, (
            f"the article is over the {MAX_ARTICLE_BYTES:,}-byte limit; "
            "split it or pass only the article's text"
        )
    if not text.strip():
        return None, "the article is empty; pass the article's text"
    controls = len(_CONTROL_CHAR.findall(text, 0, 4096))
    if controls > 0.05 * min(len(text), 4096) or "\x00" in text:
        return None, "the input looks binary (control characters); pass a UTF-8 text file"
    return text, None


def article_from_text(
    text: str,
    ref: str,
    dct: date | None = None,
    *,
    title: str = "",
    source: str = "",
    url: str | None = None,
    default_dct: date | None = None,
) -> ArticleResult:
    """Build an article from text; without ``dct`` the DCT comes from a dateline in the text,
    else from ``default_dct`` (the date a user gives "for articles that carry none"), which
    also gives a yearless dateline ("TOKYO, Nov 14 -") its year."""
    checked, error = check_article_text(text)
    if checked is None:
        return ArticleResult(ref, None, error)
    if dct is None:
        found = find_dateline(checked)
        dct = found.dct if found else None
        if dct is None and default_dct is not None:
            dct = (found.dct_near(default_dct) if found else None) or default_dct
    return ArticleResult(
        ref, Article(text=checked, dct=dct, id=ref, title=title, source=source, url=url)
    )


def article_from_json(
    obj: object, ref: str, dct: date | None = None, default_dct: date | None = None
) -> ArticleResult:
    """One JSON-lines object: ``id``, ``text``, ``dct`` or ``published``; title, url optional."""
    if not isinstance(obj, dict):
        return ArticleResult(ref, None, 'the line is not a JSON object with a "text" field')
    ref = str(obj.get("id") or ref)
    text = obj.get("text")
    if not isinstance(text, str):
        return ArticleResult(ref, None, 'the object has no "text" string; add the article text')
    try:
        given = parse_dct(obj.get("dct") or obj.get("published") or obj.get("date"))
    except ValueError as exc:
        return ArticleResult(ref, None, str(exc))
    return article_from_text(
        text,
        ref,
        given or dct,
        title=str(obj.get("title") or ""),
        source=str(obj.get("source") or ""),
        url=str(obj["url"]) if obj.get("url") else None,
        default_dct=default_dct,
    )


def iter_jsonl(
    lines: Iterable[bytes],
    name: str,
    dct: date | None = None,
    default_dct: date | None = None,
) -> Iterator[ArticleResult]:
    """Each non-blank line of a JSON-lines stream, with its line number in ``ref`` on errors."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        ref = f"{name}:{number}"
        if len(raw) > MAX_ARTICLE_BYTES * 2:
            yield ArticleResult(ref, None, "the line is over 2 MB; split the article")
            continue
        try:
            obj = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            yield ArticleResult(
                ref, None, f"line {number} is not valid JSON ({exc}); fix or drop it"
            )
            continue
        yield article_from_json(obj, ref, dct, default_dct)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PARAMS)
    ]
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(sorted(query)), ""))


def content_hash(text: str) -> str:
    """A hash of the text with white space folded, so re-wrapped copies share it."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()


def article_key(article: Article) -> str:
    """The article's stable identity: its canonical URL, else a hash of its text."""
    if article.url:
        return "url:" + canonical_url(article.url)
    return "sha256:" + content_hash(article.text)
