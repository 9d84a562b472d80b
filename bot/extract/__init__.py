"""Pure extraction: ``Article -> list[Event]``; no I/O beyond reading packaged data."""

from bot.extract.model import Article, Event, Timex

__all__ = ["Article", "Event", "Timex"]
