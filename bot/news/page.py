"""The main text, title and date of a web page, extracted with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.news.articles import parse_dct


@dataclass(frozen=True, slots=True)
class PageText:
    """What an article page says: its title, main text and publication date when it has one."""

    title: str
    text: str
    published: date | None


def extract_page(html: bytes | str, url: str | None = None) -> PageText | None:
    """The article in an HTML page, or None when the page has no main text (CPU-bound: run it
    in a worker thread from async code)."""
    import trafilatura  # (here: only pages need it, and it costs every command 0.1 s)

    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if document is None:
        return None
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        return None
    try:
        published = parse_dct(getattr(document, "date", None))
    except ValueError:
        published = None
    title = (getattr(document, "title", None) or "").strip()
    return PageText(title=title, text=text, published=published)
