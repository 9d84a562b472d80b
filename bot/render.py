"""Text rendering of events, timelines, change alerts and digests (pure, no I/O).

The chat layer turns a :class:`Card` into an embed; the offline demo prints it.
Dates are shown at the precision the news gave: a day, an ISO week or a month is
text, never a made-up midnight; only an event with a time of day becomes a
Discord timestamp (``<t:…:F>`` and ``<t:…:R>``), which each member sees in local time.
Every piece of article text is escaped so it cannot ping anyone or break formatting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol

from discord.utils import escape_markdown, escape_mentions

from bot.services.titles import participant_name

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
MAX_FIELDS = 25

STATUS_COLOURS = {
    "scheduled": 0x3B82F6,
    "occurred": 0x6B7280,
    "postponed": 0xF59E0B,
    "cancelled": 0xEF4444,
}
STATUS_LABELS = {
    "scheduled": "scheduled",
    "occurred": "took place",
    "postponed": "postponed",
    "cancelled": "cancelled",
}
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]]+$")
# Block markdown that escape_markdown leaves alone: headings, subtext, quotes, list items.
_LINE_START_MARKUP = re.compile(r"(?m)^(\s*)([#>\-])")


@dataclass(frozen=True, slots=True)
class SourceView:
    """One article that mentions an event."""

    title: str
    url: str | None = None
    source: str = ""
    published: date | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One recorded change of an event: what moved, from what to what, and who said so."""

    at: datetime | None
    field: str
    old: str | None
    new: str | None
    source: str = ""


@dataclass(frozen=True, slots=True)
class EventView:
    """What the chat layer and the demo need to know of a stored event."""

    id: int
    type: str
    date: str
    end_date: str | None = None
    participants: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    location: str | None = None
    status: str = "scheduled"
    title: str = ""
    confidence: float = 0.5
    sources: tuple[SourceView, ...] = ()
    history: tuple[ChangeView, ...] = ()


@dataclass(frozen=True, slots=True)
class Card:
    """A message body independent of Discord's classes: an embed for the bot, text for the demo."""

    title: str
    description: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    footer: str = ""
    colour: int = 0x3B82F6
    extra: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- text safety
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


# --------------------------------------------------------------------------- participants
def participants_text(codes: Iterable[str]) -> str:
    names = [participant_name(c) for c in codes]
    return ", ".join(names) if names else "—"


# --------------------------------------------------------------------------- dates
def _parse_timed(value: str) -> datetime | None:
    if "T" not in value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _day_text(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _span_text(start: date, end: date) -> str:
    if start.year != end.year:
        return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
    if start.month != end.month:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day}–{end.day} {end:%b %Y}"


def format_date(value: str, end_date: str | None = None, *, timestamps: bool = True) -> str:
    """The date as the news gave it.

    A time with a UTC offset becomes ``<t:unix:F> (<t:unix:R>)`` (each member's
    local time), or a UTC text when ``timestamps`` is off (the terminal demo).
    A time without an offset stays the place's local time, said so. A day, an
    ISO week or a month is text, with no invented hour.
    """
    timed = _parse_timed(value)
    if timed is not None:
        if timed.tzinfo is None:
            return f"{_day_text(timed.date())}, {timed:%H:%M} local time"
        if timestamps:
            unix = int(timed.timestamp())
            return f"<t:{unix}:F> (<t:{unix}:R>)"
        utc = timed.astimezone(UTC)
        return f"{_day_text(utc.date())}, {utc:%H:%M} UTC"
    if _DAY.match(value):
        start = date.fromisoformat(value)
        if end_date and _DAY.match(end_date) and end_date != value:
            end = date.fromisoformat(end_date)
            if end > start:
                return _span_text(start, end)
        return _day_text(start)
    week = _WEEK.match(value)
    if week:
        monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return f"week of {monday.day} {monday:%b %Y}"
    month = _MONTH.match(value)
    if month:
        return f"{date(int(month[1]), int(month[2]), 1):%B %Y}"
    return escape(value) or "date unknown"


# --------------------------------------------------------------------------- events
def event_title(event: EventView) -> str:
    """A short human title: the stored one, else ``Summit: Japan – United States``."""
    if event.title:
        return clip(escape(event.title), 200)
    kind = event.type.capitalize()
    who = " – ".join(participant_name(c) for c in event.participants[:4])
    if len(event.participants) > 4:
        who += f" +{len(event.participants) - 4}"
    return f"{kind}: {who}" if who else kind


def event_line(event: EventView, *, timestamps: bool = True) -> str:
    """One timeline line: id, date, title, place and status."""
    when = format_date(event.date, event.end_date, timestamps=timestamps)
    parts = [f"`#{event.id}`", f"**{when}**", event_title(event)]
    if event.location:
        parts.append(f"in {clip(escape(event.location), 80)}")
    if event.status != "scheduled":
        parts.append(f"*{STATUS_LABELS.get(event.status, escape(event.status))}*")
    return " · ".join(parts)


def timeline_card(
    events: Sequence[EventView],
    *,
    page: int = 1,
    has_more: bool = False,
    filters: str = "",
    timestamps: bool = True,
) -> Card:
    """A page of the timeline; an empty page says how to widen the search."""
    heading = "Timeline" + (f" — {filters}" if filters else "")
    if not events:
        hint = (
            "No events match. Try fewer filters, a wider date range, or "
            "`/ingest` an article to add events."
        )
        if page > 1:
            hint = "No more events on this page; go back with Previous."
        return Card(title=clip(heading, TITLE_LIMIT), description=hint)
    lines: list[str] = []
    used = 0
    for event in events:
        line = event_line(event, timestamps=timestamps)
        if used + len(line) + 1 > DESCRIPTION_LIMIT:
            break
        lines.append(line)
        used += len(line) + 1
    more = " · more on the next page" if has_more else ""
    return Card(
        title=clip(heading, TITLE_LIMIT),
        description="\n".join(lines),
        footer=f"Page {page}{more} · /event id for details",
    )


def _history_line(change: ChangeView, *, timestamps: bool) -> str:
    when = ""
    if change.at is not None:
        when = f"{change.at.astimezone(UTC):%d %b %Y}: " if change.at.tzinfo else ""
    if change.field == "created":
        said, _, status = (change.new or "").rpartition(" ")
        first = f"{when}first reported: {format_date(said or status, timestamps=timestamps)}"
        if said and status:
            first += f", {STATUS_LABELS.get(status, escape(status))}"
        return first + (f" ({clip(escape(change.source), 80)})" if change.source else "")
    label = change.field.replace("_", " ")
    old = _field_value(change.field, change.old, timestamps=timestamps)
    new = _field_value(change.field, change.new, timestamps=timestamps)
    text = f"{when}{label} {old} → {new}" if change.old else f"{when}{label}: {new}"
    if change.source:
        text += f" ({clip(escape(change.source), 80)})"
    return text


def _field_value(name: str, value: str | None, *, timestamps: bool) -> str:
    if not value:
        return "—"
    if name in ("date", "end_date"):
        return format_date(value, timestamps=timestamps)
    if name == "status":
        return STATUS_LABELS.get(value, escape(value))
    return clip(escape(value), 100)


def event_card(event: EventView, *, timestamps: bool = True) -> Card:
    """Everything about one event: date, status, who, where, sources and history."""
    fields: list[tuple[str, str]] = [
        ("When", format_date(event.date, event.end_date, timestamps=timestamps)),
        ("Status", STATUS_LABELS.get(event.status, escape(event.status))),
        ("Type", event.type),
        ("Participants", clip(participants_text(event.participants), FIELD_VALUE_LIMIT)),
    ]
    if event.people:
        fields.append(("People", clip(escape(", ".join(event.people)), FIELD_VALUE_LIMIT)))
    if event.location:
        fields.append(("Where", clip(escape(event.location), FIELD_VALUE_LIMIT)))
    if event.sources:
        lines = [link(s.title or s.source or "article", s.url) for s in event.sources[:10]]
        if len(event.sources) > 10:
            lines.append(f"… and {len(event.sources) - 10} more")
        fields.append((f"Sources ({len(event.sources)})", _join_within(lines, FIELD_VALUE_LIMIT)))
    if event.history:
        lines = [_history_line(c, timestamps=timestamps) for c in event.history[-10:]]
        fields.append(("History", _join_within(lines, FIELD_VALUE_LIMIT)))
    # The latest report's words: the one that gave the event its current state.
    evidence = next((s.evidence for s in reversed(event.sources) if s.evidence), "")
    description = f"> {clip(escape(evidence), 600)}" if evidence else ""
    return Card(
        title=f"#{event.id} · {event_title(event)}",
        description=description,
        fields=tuple(fields),
        footer=f"confidence {event.confidence:.0%}",
        colour=STATUS_COLOURS.get(event.status, 0x3B82F6),
    )


def _join_within(lines: Sequence[str], limit: int) -> str:
    out: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > limit - 2:
            out.append("…")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def change_alert_card(
    event: EventView, changes: Sequence[ChangeView], *, timestamps: bool = True
) -> Card:
    """A subscribed channel's notice that an event moved, was called off or took place."""
    status_change = next((c for c in changes if c.field == "status"), None)
    if status_change is not None and status_change.new:
        verb = STATUS_LABELS.get(status_change.new, escape(status_change.new)).capitalize()
    else:
        verb = "Updated"
    lines = [_history_line(c, timestamps=timestamps) for c in changes]
    lines.append(
        f"Now: **{format_date(event.date, event.end_date, timestamps=timestamps)}**, "
        f"{STATUS_LABELS.get(event.status, escape(event.status))}"
    )
    return Card(
        title=clip(f"{verb}: {event_title(event)}", TITLE_LIMIT),
        description=_join_within(lines, DESCRIPTION_LIMIT),
        footer=f"/event {event.id} for the full record",
        colour=STATUS_COLOURS.get(event.status, 0x3B82F6),
    )


def new_event_card(event: EventView, *, timestamps: bool = True) -> Card:
    """A subscribed channel's notice of an event it has not seen before."""
    return Card(
        title=clip(f"New: {event_title(event)}", TITLE_LIMIT),
        description=event_line(event, timestamps=timestamps),
        footer=f"/event {event.id} for details",
        colour=STATUS_COLOURS.get(event.status, 0x3B82F6),
    )


def digest_card(
    day: date,
    timezone: str,
    today: Sequence[EventView],
    upcoming: Sequence[EventView],
    *,
    timestamps: bool = True,
) -> Card:
    """A channel's daily digest: what happens on ``day`` (its local day) and in the days after."""
    fields: list[tuple[str, str]] = []
    if today:
        fields.append(
            ("Today", _join_within([event_line(e, timestamps=timestamps) for e in today], 1024))
        )
    if upcoming:
        fields.append(
            (
                "Coming up",
                _join_within([event_line(e, timestamps=timestamps) for e in upcoming], 1024),
            )
        )
    description = "" if fields else "Nothing on the timeline for today or the week ahead."
    return Card(
        title=f"Daily digest — {_day_text(day)}",
        description=description,
        fields=tuple(fields),
        footer=f"Times for {timezone}; change with /digest set",
    )


def ingest_card(
    *,
    status: str,
    created: Sequence[EventView] = (),
    updated: Sequence[tuple[EventView, Sequence[ChangeView]]] = (),
    unchanged: Sequence[EventView] = (),
    title: str = "",
    timestamps: bool = True,
) -> Card:
    """What one article did to the timeline: events found, created, changed, confirmed."""
    name = clip(escape(title), 150) if title else "the article"
    if status == "known":
        return Card(
            title="Already on the timeline",
            description=f"I have read {name} before; nothing changed.",
            colour=STATUS_COLOURS["occurred"],
        )
    found = len(created) + len(updated) + len(unchanged)
    if found == 0:
        return Card(
            title="No dated diplomatic events found",
            description=(
                f"I read {name} but found no summit, meeting, visit, statement, agreement, "
                "tariff, sanctions or election with a date (at least the month)."
            ),
            colour=STATUS_COLOURS["occurred"],
        )
    fields: list[tuple[str, str]] = []
    if created:
        lines = [event_line(e, timestamps=timestamps) for e in created]
        fields.append((f"New on the timeline ({len(created)})", _join_within(lines, 1024)))
    if updated:
        lines = []
        for event, changes in updated:
            lines.append(event_line(event, timestamps=timestamps))
            lines.extend(f"  ↳ {_history_line(c, timestamps=timestamps)}" for c in changes)
        fields.append((f"Changed ({len(updated)})", _join_within(lines, 1024)))
    if unchanged:
        lines = [event_line(e, timestamps=timestamps) for e in unchanged]
        fields.append((f"Already known, confirmed ({len(unchanged)})", _join_within(lines, 1024)))
    return Card(
        title=f"Found {found} event{'s' if found != 1 else ''} in {name}",
        fields=tuple(fields),
        footer="/event id for details",
    )


class SubscriptionLike(Protocol):
    id: int | None
    channel_id: int
    countries: list[str]
    types: list[str]
    keywords: list[str]
    reminder_offsets: list[str]
    paused: bool


def subscription_line(sub: SubscriptionLike) -> str:
    """``#3 · <#channel> · Japan, United States · summit · "trade" · reminders 1d, 1h``."""
    parts = [f"`#{sub.id}`", f"<#{int(sub.channel_id)}>"]
    parts.append(participants_text(sub.countries) if sub.countries else "any country")
    parts.append(", ".join(sub.types) if sub.types else "any type")
    if sub.keywords:
        parts.append("keywords: " + ", ".join(f"“{escape(k)}”" for k in sub.keywords))
    offsets = ", ".join(sub.reminder_offsets) if sub.reminder_offsets else "none"
    parts.append(f"reminders {offsets}")
    if sub.paused:
        parts.append("*paused*")
    return " · ".join(parts)


def subscriptions_card(subs: Sequence[SubscriptionLike], *, title: str) -> Card:
    if not subs:
        return Card(
            title=title,
            description="No subscriptions yet. Add one with /subscribe (needs Manage Channels).",
        )
    lines = [subscription_line(s) for s in subs]
    return Card(
        title=clip(title, TITLE_LIMIT),
        description=_join_within(lines, DESCRIPTION_LIMIT),
        footer="/unsubscribe number to remove one",
    )


_MASKED_LINK = re.compile(r"\[([^\]]*)\]\(<?([^)>]+)>?\)")
_ESCAPED = re.compile(r"\\([\\*_~|>`#\-\[\]])")


def plain_text(text: str) -> str:
    """Discord markdown as terminal text: no bold or code marks, links as ``title <url>``."""
    text = _MASKED_LINK.sub(r"\1 <\2>", text)
    text = text.replace("**", "").replace("`", "")
    text = re.sub(r"(?<![\\\w])\*([^*\n]+)\*(?!\w)", r"\1", text)
    return _ESCAPED.sub(r"\1", text).replace("\u200b", "")


def card_text(card: Card, *, plain: bool = False) -> str:
    """A card as text, for the terminal demo (``plain``) and for logs."""
    out = [card.title, "=" * min(len(card.title), 72)]
    if card.description:
        out.append(card.description)
    for name, value in card.fields:
        out.append(f"{name}:")
        out.extend(f"  {line}" for line in value.splitlines())
    if card.footer:
        out.append(f"({card.footer})")
    text = "\n".join(out)
    return plain_text(text) if plain else text
