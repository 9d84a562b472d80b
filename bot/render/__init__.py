"""Rendering, pure and shared: stored rows -> views -> cards, for Discord and the terminal.

- :mod:`bot.render.views`: what a card knows of an event, and the one row -> view mapping;
- :mod:`bot.render.dates`: event dates in words, at their precision;
- :mod:`bot.render.text`: escaping, clipping and links;
- :mod:`bot.render.cards`: every message body (timeline, event, alerts, reminders, digest).
"""

from bot.render.cards import (
    DEFAULT_COLOUR,
    STATUS_COLOURS,
    STATUS_LABELS,
    Card,
    card_text,
    change_alert_card,
    change_text,
    channel_paused_card,
    digest_card,
    event_card,
    event_line,
    event_title,
    feed_line,
    ingest_card,
    new_event_card,
    reminder_card,
    subscription_line,
    subscriptions_card,
    timeline_card,
    with_source,
)
from bot.render.dates import day_text, format_date
from bot.render.text import (
    DESCRIPTION_LIMIT,
    FIELD_VALUE_LIMIT,
    FOOTER_LIMIT,
    MAX_FIELDS,
    TITLE_LIMIT,
    clip,
    escape,
    link,
    plain_text,
)
from bot.render.views import ChangeView, EventView, SourceView, event_view

__all__ = [
    "DEFAULT_COLOUR",
    "DESCRIPTION_LIMIT",
    "FIELD_VALUE_LIMIT",
    "FOOTER_LIMIT",
    "MAX_FIELDS",
    "STATUS_COLOURS",
    "STATUS_LABELS",
    "TITLE_LIMIT",
    "Card",
    "ChangeView",
    "EventView",
    "SourceView",
    "card_text",
    "change_alert_card",
    "change_text",
    "channel_paused_card",
    "clip",
    "day_text",
    "digest_card",
    "escape",
    "event_card",
    "event_line",
    "event_title",
    "event_view",
    "feed_line",
    "format_date",
    "ingest_card",
    "link",
    "new_event_card",
    "plain_text",
    "reminder_card",
    "subscription_line",
    "subscriptions_card",
    "timeline_card",
    "with_source",
]
