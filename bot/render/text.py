"""Text made safe and short for Discord: escaping, clipping, links, and back to plain text."""

from __future__ import annotations

import re

from discord.utils import escape_markdown, escape_mentions

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
MAX_FIELDS = 25

_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]]+$")
# Block markdown that escape_markdown leaves alone: headings, subtext, quotes, list items.
_LINE_START_MARKUP = re.compile(r"(?m)^(\s*)([#>\-])")
_MASKED_LINK = re.compile(r"\[([^\]]*)\]\(<?([^)>]+)>?\)")
_ESCAPED = re.compile(r"\\([\\*_~|>`#\-\[\]])")


def escape(text: str | None) -> str:
    """Article text made inert: no pings, no role mentions, no markdown."""
    if not text:
        return ""
    escaped = escape_markdown(escape_mentions(text), as_needed=False)
    return _LINE_START_MARKUP.sub(r"\1\\\2", escaped)


def clip(text: str, limit: int) -> str:
    """Cut to ``limit`` characters on a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    # Never end on a lone backslash, which would escape the ellipsis.
    return cut.rstrip("\\") + "…"


def link(title: str, url: str | None) -> str:
    """A masked link when the URL is plain http(s), else the escaped title alone."""
    label = escape(title) or "source"
    if url and _SAFE_URL.match(url):
        return f"[{clip(label, 200)}](<{url}>)"
    return clip(label, 200)


def source_label(outlet: str, title: str) -> str:
    """An article as people name it: ``Reuters: Leaders to meet``, the outlet or the headline
    alone, else "an article"; never a file path or an id."""
    outlet, title = outlet.strip(), title.strip()
    if outlet and title and title != outlet:
        return f"{outlet}: {title}"
    return title or outlet or "an article"


def join_within(lines: list[str], limit: int) -> str:
    """Lines joined by newlines, stopping with an ellipsis line before ``limit``."""
    out: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > limit - 2:
            out.append("…")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def plain_text(text: str) -> str:
    """Discord markdown as terminal text: no bold or code marks, links as ``title <url>``,
    channel mentions as ``channel ID``."""
    text = _MASKED_LINK.sub(r"\1 <\2>", text)
    text = re.sub(r"<#(\d+)>", r"channel \1", text)
    text = text.replace("**", "").replace("`", "")
    text = re.sub(r"(?<![\\\w])\*([^*\n]+)\*(?!\w)", r"\1", text)
    return _ESCAPED.sub(r"\1", text).replace("\u200b", "")


__all__ = [
    "DESCRIPTION_LIMIT",
    "FIELD_VALUE_LIMIT",
    "FOOTER_LIMIT",
    "MAX_FIELDS",
    "TITLE_LIMIT",
    "clip",
    "escape",
    "join_within",
    "link",
    "plain_text",
    "source_label",
]
