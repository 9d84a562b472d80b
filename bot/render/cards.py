"""Cards: every message body the bot writes, for Discord and the command line alike.

A :class:`Card` is independent of Discord's classes: the chat layer turns it into an embed,
the outbox stores it as JSON, the terminal prints it with :func:`card_text`. Every piece of
article text is escaped so it cannot ping anyone or break formatting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Protocol

from bot.names import participants_text
from bot.render.dates import day_text, format_date
from bot.render.text import (
    DESCRIPTION_LIMIT,
    FIELD_VALUE_LIMIT,
    TITLE_LIMIT,
    clip,
    escape,
    join_within,
    link,
    plain_text,
    source_label,
)
from bot.render.views import ChangeView, EventView, FeedLike, MessageLine, StatusView
from bot.titles import event_title as stored_title

DEFAULT_COLOUR = 0x3B82F6
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


@dataclass(frozen=True, slots=True)
class Card:
    """A message body independent of Discord's classes: an embed for the bot, text for the demo."""

    title: str
    description: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    footer: str = ""
    colour: int = DEFAULT_COLOUR
    extra: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- events
def event_title(event: EventView) -> str:
    """The event's title (made by :mod:`bot.titles`, the same everywhere), escaped and short."""
    title = event.title or stored_title(event.type, event.participants, event.location)
    return clip(escape(title), 200)


def event_line(event: EventView, *, timestamps: bool = True) -> str:
    """One timeline line: id, date, title (with its place) and status."""
    when = format_date(event.date, event.end_date, timestamps=timestamps)
    parts = [f"`#{event.id}`", f"**{when}**", event_title(event)]  # the title names the place
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
        lines = [link(source_label(s.source, s.title), s.url) for s in event.sources[:10]]
        if len(event.sources) > 10:
            lines.append(f"… and {len(event.sources) - 10} more")
        fields.append((f"Sources ({len(event.sources)})", join_within(lines, FIELD_VALUE_LIMIT)))
    if event.history:
        lines = [_history_line(c, timestamps=timestamps) for c in event.history[-10:]]
        fields.append(("History", join_within(lines, FIELD_VALUE_LIMIT)))
    # The latest report's words: the one that gave the event its current state.
    evidence = next((s.evidence for s in reversed(event.sources) if s.evidence), "")
    description = f"> {clip(escape(evidence), 600)}" if evidence else ""
    return Card(
        title=f"#{event.id} · {event_title(event)}",
        description=description,
        fields=tuple(fields),
        footer=f"confidence {event.confidence:.0%}",
        colour=STATUS_COLOURS.get(event.status, DEFAULT_COLOUR),
    )


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
        description=join_within(lines, DESCRIPTION_LIMIT),
        footer=f"/event {event.id} for the full record",
        colour=STATUS_COLOURS.get(event.status, DEFAULT_COLOUR),
    )


def new_event_card(event: EventView, *, timestamps: bool = True) -> Card:
    """A subscribed channel's notice of an event it has not seen before."""
    return Card(
        title=clip(f"New: {event_title(event)}", TITLE_LIMIT),
        description=event_line(event, timestamps=timestamps),
        footer=f"/event {event.id} for details",
        colour=STATUS_COLOURS.get(event.status, DEFAULT_COLOUR),
    )


def change_text(field: str, old: str | None, new: str | None) -> str:
    """``date Mon 3 Mar 2025 → Tue 4 Mar 2025`` / ``status scheduled → postponed``."""

    def value(text: str | None) -> str:
        if not text:
            return "—"
        if field in ("date", "end_date"):
            return format_date(text)
        return STATUS_LABELS.get(text, text)

    return f"{field.replace('_', ' ')} {value(old)} → {value(new)}"


def reminder_card(event: EventView, starts_at: datetime, days_before: int | None) -> Card:
    """ "Tomorrow: …" for a day-precise event; "Starts <t:…:R>" for one with a time."""
    if days_before is None:
        lead = f"Starts <t:{int(starts_at.astimezone(UTC).timestamp())}:R>"
        heading = "Coming up"
    elif days_before == 1:
        lead, heading = "Tomorrow", "Tomorrow"
    else:
        lead, heading = f"In {days_before} days", f"In {days_before} days"
    return Card(
        title=clip(f"{heading}: {event_title(event)}", TITLE_LIMIT),
        description=f"{lead}\n{event_line(event)}",
        footer=f"Reminder · /event {event.id} for details",
        colour=STATUS_COLOURS.get(event.status, DEFAULT_COLOUR),
    )


def channel_paused_card(channel_id: int, reason: str) -> Card:
    """The admins' notice that a channel's alerts stopped, and how to start them again."""
    return Card(
        title="Alerts paused for a channel",
        description=clip(
            f"I could not post in <#{channel_id}>: {reason}. Its subscriptions are paused. "
            "Give me back the Send Messages and Embed Links permissions there (or pick another "
            "channel with /subscribe), then subscribe again.",
            FIELD_VALUE_LIMIT * 2,
        ),
        colour=STATUS_COLOURS["postponed"],
    )


def message_undelivered_card(row_id: int, channel_id: int, kind: str, reason: str) -> Card:
    """The admins' notice that a message was not posted and is kept for a retry."""
    return Card(
        title="A message could not be posted",
        description=clip(
            f"A {kind} for <#{channel_id}> was not posted: {escape(reason)}. It is kept as "
            f"failed (message {row_id}): /status lists failed messages, and "
            f"`diplobot outbox retry {row_id}` sends it again. Other failures today are "
            "listed there without a notice.",
            FIELD_VALUE_LIMIT * 2,
        ),
        colour=STATUS_COLOURS["cancelled"],
    )


def news_unread_card(channel_id: int, link_to_message: str | None, reason: str) -> Card:
    """The admins' notice that a news channel message could not be read after every try."""
    where = link("a message", link_to_message) if link_to_message else "a message"
    return Card(
        title="A news message could not be read",
        description=clip(
            f"I tried several times to read {where} in <#{channel_id}> and gave up: "
            f"{escape(reason)}. Its events are not on the timeline; paste its text with "
            "/ingest to read it by hand.",
            FIELD_VALUE_LIMIT * 2,
        ),
        colour=STATUS_COLOURS["postponed"],
    )


def with_source(card: Card, title: str, url: str | None) -> Card:
    """The card with a "Source" field linking the article behind it."""
    return replace(card, fields=(*card.fields, ("Source", clip(link(title, url), 1024))))


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
            ("Today", join_within([event_line(e, timestamps=timestamps) for e in today], 1024))
        )
    if upcoming:
        fields.append(
            (
                "Coming up",
                join_within([event_line(e, timestamps=timestamps) for e in upcoming], 1024),
            )
        )
    description = "" if fields else "Nothing on the timeline for today or the week ahead."
    return Card(
        title=f"Daily digest — {day_text(day)}",
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
        fields.append((f"New on the timeline ({len(created)})", join_within(lines, 1024)))
    if updated:
        lines = []
        for event, changes in updated:
            lines.append(event_line(event, timestamps=timestamps))
            lines.extend(f"  ↳ {_history_line(c, timestamps=timestamps)}" for c in changes)
        fields.append((f"Changed ({len(updated)})", join_within(lines, 1024)))
    if unchanged:
        lines = [event_line(e, timestamps=timestamps) for e in unchanged]
        fields.append((f"Already known, confirmed ({len(unchanged)})", join_within(lines, 1024)))
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
        description=join_within(lines, DESCRIPTION_LIMIT),
        footer="/unsubscribe number to remove one",
    )


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


def feed_line(feed: FeedLike) -> str:
    """``#3 <https://…> → #news · failing (the reason)``."""
    where = f"<#{feed.channel_id}>" if feed.channel_id else "timeline only"
    state = "disabled" if feed.disabled else ("failing" if feed.failures else "active")
    line = f"`#{feed.id}` <{feed.url}> → {where} · {state}"
    if feed.last_error:
        line += f" ({clip(escape(feed.last_error), 120)})"
    return line


# --------------------------------------------------------------------------- delivery state
def utc_text(moment: datetime) -> str:
    """A moment the same in Discord and in a terminal: ``2025-02-01 09:00 UTC``."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def message_line(line: MessageLine) -> str:
    """``#12 alert → #news · refused: Discord refused the message (400: …)``."""
    where = f"<#{line.channel_id}>" if line.channel_id else "the server's notice channel"
    text = f"`#{line.id}` {line.kind} → {where}"
    if line.failed_at is not None:
        return f"{text} · {clip(escape(line.reason), 200)}"
    return f"{text} · due {utc_text(line.due_at)}"


def status_card(status: StatusView) -> Card:
    """``/status``: what waits, what failed and why, feeds in trouble, the last digest."""
    fields: list[tuple[str, str]] = []
    waiting = f"{status.due:,} due now, {status.later:,} planned (reminders, held alerts)"
    fields.append(("Waiting", waiting))
    if status.failed:
        lines = [message_line(m) for m in status.failed]
        if status.failed_total > len(lines):
            lines.append(f"… and {status.failed_total - len(lines):,} more")
        lines.append("Send one again: `diplobot outbox retry ID`.")
        fields.append((f"Failed ({status.failed_total:,})", join_within(lines, FIELD_VALUE_LIMIT)))
    else:
        fields.append(("Failed", "None."))
    if status.feed_problems:
        lines = [feed_line(f) for f in status.feed_problems]
        fields.append((f"Feeds in trouble ({len(lines)})", join_within(lines, FIELD_VALUE_LIMIT)))
    if status.news_unread:
        fields.append(
            ("News not read", f"{status.news_unread:,} news channel messages, after every try")
        )
    digest = utc_text(status.last_digest) if status.last_digest else "none sent yet"
    fields.append(("Last digest", digest))
    notices = (
        f"<#{status.notice_channel_id}>"
        if status.notice_channel_id
        else "the server's system channel (choose one with /status notices:)"
    )
    fields.append(("Notices go to", notices))
    healthy = not status.failed_total and not status.feed_problems and not status.news_unread
    return Card(
        title="Delivery status",
        description="All messages are going out." if healthy else "Some need a look.",
        fields=tuple(fields),
        footer=f"diplobot {status.version}",
        colour=STATUS_COLOURS["scheduled"] if healthy else STATUS_COLOURS["postponed"],
    )
