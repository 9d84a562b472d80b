"""RSS/Atom feeds parsed from fetched bytes, each entry with an identity that survives edits.

feedparser is only ever handed bytes (the guarded fetcher did the network part), so it never
opens a URL itself. An entry's key is its canonical link when it has one, else a hash of its
title and summary: feeds that regenerate guids or bump dates on every build still map each
story to the same key, so it is ingested once.
"""

from __future__ import annotations

import asyncio
import calendar
import hashlib
import xml.sax
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.html

from bot.news.articles import canonical_url
from bot.news.fetch import Fetcher

MAX_ENTRIES = 200
MAX_KEY_LENGTH = 300
# Below this many characters an entry's own text is a teaser: fetch the article page instead.
FULL_TEXT_MIN_CHARS = 600


class FeedParseError(ValueError):
    """The bytes are not a feed a user could mean (HTML page, broken XML with no entries)."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One story of a feed, reduced to what ingestion needs."""

    key: str
    title: str
    link: str | None
    summary: str
    content: str
    published: datetime | None

    @property
    def text(self) -> str:
        """The best text the feed itself carries (full content, else the summary)."""
        return self.content or self.summary

    @property
    def summary_only(self) -> bool:
        return len(self.content) < FULL_TEXT_MIN_CHARS

    @property
    def dct(self) -> date | None:
        return self.published.date() if self.published else None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    link: str | None
    entries: list[FeedEntry]


def html_text(fragment: str) -> str:
    """Visible text of an HTML fragment, parsed with lxml (feeds carry HTML in summaries)."""
    fragment = (fragment or "").strip()
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return " ".join(fragment.split())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return " ".join(fragment.split())
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = root.xpath("//p|//li|//h1|//h2|//h3|//h4|//br")
    for block in blocks:
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def entry_key(link: str | None, title: str, summary: str) -> str:
    """``url:<canonical link>``, else ``sha256:<hash of title + summary>`` (white space folded)."""
    if link and link.lower().startswith(("http://", "https://")):
        key = "url:" + canonical_url(link)
        if len(key) <= MAX_KEY_LENGTH:
            return key
        return "urlhash:" + hashlib.sha256(key.encode()).hexdigest()
    folded = " ".join(f"{title}\n{summary}".split()).lower()
    return "sha256:" + hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()


def _when(entry: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(name)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
            except (OverflowError, ValueError):
                continue
    return None


def _link(entry: Any, base: str | None) -> str | None:
    link = entry.get("link")
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    if not link:
        guid = entry.get("id") or ""
        if guid.startswith(("http://", "https://")) and entry.get("guidislink", True):
            link = guid
    if link and base and not link.startswith(("http://", "https://")):
        link = urljoin(base, link)
    return link or None


def _content(entry: Any) -> str:
    parts = [html_text(c.get("value", "")) for c in entry.get("content") or []]
    return max(parts, key=len, default="")


def parse_feed(data: bytes, url: str | None = None) -> ParsedFeed:
    """Entries of an RSS or Atom document given as bytes; raise when it is not a feed."""
    parsed = feedparser.parse(data, response_headers={"content-location": url or ""})
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({type(reason).__name__})" if reason else ""
        raise FeedParseError(
            f"this is not an RSS or Atom feed{detail}; give the address of the feed itself "
            "(often ending in /rss, /feed or .xml)"
        )
    feed = parsed.get("feed", {})
    raws = list(parsed.entries[:MAX_ENTRIES])
    cut = _cut_off(parsed.get("bozo_exception"))
    if cut and raws:
        raws = raws[:-1]  # the entry the document broke off in may be incomplete
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in raws:
        title = html_text(raw.get("title", ""))
        summary = html_text(raw.get("summary", ""))
        content = _content(raw)
        link = _link(raw, url)
        if not (title or summary or content):
            continue
        key = entry_key(link, title, summary or content[:1000])
        if key in seen:
            continue
        seen.add(key)
        entries.append(
            FeedEntry(
                key=key,
                title=title,
                link=link,
                summary=summary,
                content=content,
                published=_when(raw),
            )
        )
    if cut and not entries:
        raise FeedParseError(
            "the feed is not well-formed XML (it looks cut off) and has no complete entry; "
            "it will be read again later"
        )
    return ParsedFeed(
        title=html_text(feed.get("title", "")), link=feed.get("link"), entries=entries
    )


def _cut_off(error: object) -> bool:
    """A document that ends before its elements do (a truncated download or a broken feed)."""
    if not isinstance(error, xml.sax.SAXParseException):
        return False
    message = str(error)
    return "no element found" in message or "unclosed token" in message


__all__ = ["FeedEntry", "FeedParseError", "ParsedFeed", "entry_key", "html_text", "parse_feed"]


FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


async def probe_feed(fetcher: Fetcher, url: str) -> ParsedFeed:
    """Fetch and parse a feed once (``/feeds add`` validates an address with it).

    Raises FetchError or FeedParseError with a sentence a user can act on.
    """
    fetched = await fetcher.fetch(url, accept=FEED_ACCEPT)
    return await asyncio.to_thread(parse_feed, fetched.body, fetched.url)
