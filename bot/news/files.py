"""Articles from files, folders and stdin: which files are read, how, and which are skipped.

Text (``.txt``, ``.md``) is read as it is, JSON lines (``.jsonl``) one article a line, HTML
(``.html``) through trafilatura, like a fetched page. A folder is read recursively; its
hidden files are passed over, and files of other kinds (PDF, Word, images ...) are reported
as skipped, by kind, never read as text. A PDF named on its own is refused with a sentence.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from bot.news.articles import (
    MAX_ARTICLE_BYTES,
    ArticleResult,
    article_from_text,
    decode_article_bytes,
    iter_jsonl,
)
from bot.news.page import extract_page

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MAX_HTML_BYTES = 5 * MAX_ARTICLE_BYTES  # markup weighs more than the article it holds
# Kinds people drop into a news folder that hold no plain text: named in the refusal.
DOCUMENT_KINDS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".odt": "OpenDocument",
    ".rtf": "RTF",
    ".epub": "EPUB",
}


def file_kind(path: Path) -> str:
    """``text``, ``jsonl``, ``html``, or the suffix of a kind that is not read (``.pdf``)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    return suffix or "(no extension)"


def unsupported(kind: str) -> str:
    """Why a file of ``kind`` is not read, and what to do instead."""
    name = DOCUMENT_KINDS.get(kind)
    if name:
        return f"{name} files are not read; convert it to text first (pdftotext, pandoc)"
    return f"{kind} files are not read; articles are .txt, .md, .html or .jsonl files"


def read_articles(
    source: str | Path,
    dct: date | None = None,
    *,
    jsonl: bool | None = None,
    default_dct: date | None = None,
) -> Iterator[ArticleResult]:
    """Articles from a file, a folder (recursively) or ``-`` (stdin).

    ``dct`` is every article's DCT; ``default_dct`` only that of articles whose own date
    (a JSON field, a dated dateline, a page's date) is missing. ``jsonl`` forces JSON-lines
    parsing; by default it follows the file suffix (for stdin: JSON lines when the first
    non-blank byte is ``{``).
    """
    if str(source) == "-":
        yield from _read_blob(sys.stdin.buffer.read(), "stdin", dct, jsonl, default_dct)
        return
    path = Path(source)
    if path.is_dir():
        yield from _read_folder(path, dct, jsonl, default_dct)
        return
    if not path.is_file():
        yield ArticleResult(str(path), None, f"no such file or folder: {path}")
        return
    kind = "jsonl" if jsonl else file_kind(path)
    if kind == "jsonl":
        with path.open("rb") as handle:
            yield from iter_jsonl(handle, path.name, dct, default_dct)
        return
    limit = MAX_HTML_BYTES if kind == "html" else MAX_ARTICLE_BYTES
    size = path.stat().st_size
    if size > limit:
        yield ArticleResult(
            str(path),
            None,
            f"the file is {size:,} bytes, over the {limit:,}-byte limit; "
            "split it or pass only the article's text",
        )
        return
    if kind in DOCUMENT_KINDS:
        yield ArticleResult(str(path), None, unsupported(kind))
        return
    yield from _read_blob(path.read_bytes(), str(path), dct, False, default_dct, kind == "html")


def _read_folder(
    folder: Path, dct: date | None, jsonl: bool | None, default_dct: date | None
) -> Iterator[ArticleResult]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    for file in files:
        kind = file_kind(file)
        if kind in ("text", "jsonl", "html"):
            yield from read_articles(file, dct, jsonl=jsonl, default_dct=default_dct)
        else:
            yield ArticleResult(str(file), None, unsupported(kind), skipped=kind)


def _looks_like_html(data: bytes) -> bool:
    head = data.lstrip()[:64].lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _read_blob(
    data: bytes,
    ref: str,
    dct: date | None,
    jsonl: bool | None,
    default_dct: date | None = None,
    html: bool = False,
) -> Iterator[ArticleResult]:
    if data.startswith(b"%PDF-"):
        yield ArticleResult(ref, None, unsupported(".pdf"))
        return
    if jsonl is None:
        jsonl = data.lstrip()[:1] == b"{"
    if jsonl:
        yield from iter_jsonl(data.splitlines(), ref, dct, default_dct)
        return
    if html or _looks_like_html(data):
        yield _read_html(data, ref, dct, default_dct)
        return
    text, error = decode_article_bytes(data)
    if text is None:
        yield ArticleResult(ref, None, error)
        return
    yield article_from_text(text, ref, dct, default_dct=default_dct)


def _read_html(data: bytes, ref: str, dct: date | None, default_dct: date | None) -> ArticleResult:
    """A saved web page: its main text, title and date, as for a fetched page."""
    page = extract_page(data)
    if page is None:
        return ArticleResult(ref, None, "the page has no article text that could be found")
    return article_from_text(
        page.text, ref, dct or page.published, title=page.title, default_dct=default_dct
    )


__all__ = ["DOCUMENT_KINDS", "file_kind", "read_articles", "unsupported"]
