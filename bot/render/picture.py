"""A picture of the coming weeks, as a layout: which rows, which marks, which words.

This module decides everything the picture shows and nothing about pixels, so tests read the
layout and :mod:`bot.render.draw` turns it into a PNG. The rules:

- The window is 14 days from its first day (the digest's local day, or ``/timeline``'s start).
- Up to :data:`MAX_EVENT_ROWS` events get one row each, labelled with their title; more get one
  row per participant (a body stands for its members, as in titles), busiest first, at most
  :data:`MAX_COUNTRY_ROWS`, the rest sharing one "other countries" row, and marks on the same
  row and day merge into one with a count.
- A day (or a time: the picture never places a time inside its day) is a marker; a stated span
  of days a solid bar; a week or a month (the news gave no day) a faint bar over the whole
  week or month, cut at the window's edges with the cut shown.
- Status is colour and shape at once (colour-blind safe): scheduled a blue dot, postponed an
  orange hollow diamond and hatched bar with "postponed" in its label, took place a green
  square, cancelled a grey cross, faded, with "cancelled" in its label. Cancelled events stay
  in the picture: a summit that is off is news to someone planning around it.
- Today's column carries a line, when today is in the window.

A layout is also what a digest's outbox row stores (:meth:`Picture.payload`): a few
kilobytes instead of a PNG, drawn when the message is sent.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from bot.extract.event_date import EventDate, parse_event_date
from bot.names import participant_name
from bot.render.dates import day_text
from bot.render.views import EventView
from bot.titles import event_title as stored_title
from bot.titles import folded

WINDOW_DAYS = 14
MAX_EVENT_ROWS = 25
MAX_COUNTRY_ROWS = 20
LABEL_CHARS = 32
ALT_LIMIT = 1024  # Discord's limit for an attachment's description
STATUSES = ("scheduled", "postponed", "occurred", "cancelled")
STATUS_WORDS = {
    "scheduled": "scheduled",
    "postponed": "postponed",
    "occurred": "took place",
    "cancelled": "cancelled",
}
NO_COUNTRY = "No country named"

Shape = Literal["day", "days", "week", "month"]
SHAPES: tuple[str, ...] = ("day", "days", "week", "month")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the picture: an event's title, or a participant's name."""

    label: str
    status: str = ""  # the event's status on a per-event row; "" on a per-country row


@dataclass(frozen=True, slots=True)
class Mark:
    """One marker or bar: on ``row``, from day ``start`` to day ``end`` (0-based, inclusive,
    cut to the window; ``cut_before``/``cut_after`` say the span goes on outside it)."""

    row: int
    start: int
    end: int
    shape: Shape
    status: str
    count: int = 1
    cut_before: bool = False
    cut_after: bool = False

    @property
    def is_bar(self) -> bool:
        return self.shape != "day"


@dataclass(frozen=True, slots=True)
class Picture:
    """Everything the drawing shows, in words and day numbers."""

    first: date
    days: int
    today: int | None
    title: str
    subtitle: str
    rows: tuple[Row, ...]
    marks: tuple[Mark, ...]
    by_country: bool
    events: int
    alt: str

    @property
    def last(self) -> date:
        return self.first + timedelta(days=self.days - 1)

    def day(self, index: int) -> date:
        return self.first + timedelta(days=index)

    @property
    def legend(self) -> tuple[str, ...]:
        """The legend's entries, only those the picture uses: statuses, then bar kinds."""
        statuses = {m.status for m in self.marks}
        shapes = {m.shape for m in self.marks}
        return tuple(s for s in STATUSES if s in statuses) + tuple(
            s for s in ("days", "week", "month") if s in shapes
        )

    def payload(self) -> dict[str, Any]:
        """The layout as JSON (what an outbox row stores)."""
        return {
            "v": 1,
            "first": self.first.isoformat(),
            "days": self.days,
            "today": self.today,
            "title": self.title,
            "subtitle": self.subtitle,
            "rows": [[r.label, r.status] for r in self.rows],
            "marks": [
                [m.row, m.start, m.end, m.shape, m.status, m.count, m.cut_before, m.cut_after]
                for m in self.marks
            ],
            "by_country": self.by_country,
            "events": self.events,
            "alt": self.alt,
        }

    @classmethod
    def from_payload(cls, data: Any) -> Picture:
        """The layout a payload stores; ValueError when it is not one."""
        try:
            if not isinstance(data, dict) or data.get("v") != 1:
                raise ValueError("not a picture layout")
            days = int(data["days"])
            rows = tuple(Row(str(label), str(status)) for label, status in data["rows"])
            marks = tuple(
                Mark(int(r), int(s), int(e), _shape(sh), str(st), int(c), bool(cb), bool(ca))
                for r, s, e, sh, st, c, cb, ca in data["marks"]
            )
            today = data.get("today")
            picture = cls(
                first=date.fromisoformat(str(data["first"])),
                days=days,
                today=None if today is None else int(today),
                title=str(data["title"]),
                subtitle=str(data.get("subtitle") or ""),
                rows=rows,
                marks=marks,
                by_country=bool(data["by_country"]),
                events=int(data["events"]),
                alt=str(data["alt"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a picture layout ({exc})") from None
        if not 1 <= days <= 62 or any(
            not (0 <= m.row < len(rows) and 0 <= m.start <= m.end < days) for m in marks
        ):
            raise ValueError("not a picture layout (marks outside the picture)")
        return picture


def _shape(text: object) -> Shape:
    if text not in SHAPES:
        raise ValueError(f"unknown mark shape {text!r}")
    return text  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class _Placed:
    """An event with its span in the window."""

    view: EventView
    when: EventDate
    start: int
    end: int
    shape: Shape
    status: str
    cut_before: bool
    cut_after: bool


def _status(text: str) -> str:
    return text if text in STATUSES else "scheduled"


def _place(view: EventView, first: date, days: int) -> _Placed | None:
    """Where ``view`` falls in the window, or None when it is outside (or has no readable date)."""
    try:
        when = parse_event_date(view.date, view.end_date)
    except ValueError:
        try:
            when = parse_event_date(view.date)
        except ValueError:
            return None
    last = first + timedelta(days=days - 1)
    if when.end < first or when.start > last:
        return None
    shape: Shape
    if when.precision in ("week", "month"):
        shape = when.precision  # type: ignore[assignment]
    else:
        shape = "days" if when.end > when.start else "day"
    return _Placed(
        view=view,
        when=when,
        start=max(0, (when.start - first).days),
        end=min(days - 1, (when.end - first).days),
        shape=shape,
        status=_status(view.status),
        cut_before=when.start < first,
        cut_after=when.end > last,
    )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title(view: EventView) -> str:
    return view.title or stored_title(view.type, view.participants, view.location)


def event_label(view: EventView, status: str) -> str:
    """A row's label: the title, cut to fit, and the status when it is not "scheduled"."""
    suffix = "" if status == "scheduled" else f" ({STATUS_WORDS[status]})"
    return _clip(_title(view), LABEL_CHARS - len(suffix)) + suffix


def _per_event(placed: Sequence[_Placed]) -> tuple[tuple[Row, ...], tuple[Mark, ...]]:
    ordered = sorted(placed, key=lambda p: (p.start, p.end, _title(p.view), p.view.id))
    rows = tuple(Row(event_label(p.view, p.status), p.status) for p in ordered)
    marks = tuple(
        Mark(i, p.start, p.end, p.shape, p.status, 1, p.cut_before, p.cut_after)
        for i, p in enumerate(ordered)
    )
    return rows, marks


def _parties(view: EventView) -> list[str]:
    return folded(view.participants) or [NO_COUNTRY]


def _per_country(placed: Sequence[_Placed]) -> tuple[tuple[Row, ...], tuple[Mark, ...]]:
    busy: Counter[str] = Counter()
    for p in placed:
        busy.update(_parties(p.view))
    names = {code: (code if code == NO_COUNTRY else participant_name(code)) for code in busy}
    ranked = sorted(busy, key=lambda c: (-busy[c], c == NO_COUNTRY, names[c]))
    if len(ranked) > MAX_COUNTRY_ROWS:
        kept, rest = ranked[: MAX_COUNTRY_ROWS - 1], ranked[MAX_COUNTRY_ROWS - 1 :]
    else:
        kept, rest = ranked, []
    index = {code: i for i, code in enumerate(kept)}
    rows = [Row(_clip(names[code], LABEL_CHARS)) for code in kept]
    if rest:
        index.update({code: len(kept) for code in rest})
        rows.append(Row(f"{len(rest)} other countries"))
    merged: dict[tuple[int, int, int, str, str, bool, bool], int] = defaultdict(int)
    for p in placed:
        # An event counts once per row, even when several of its parties share the row.
        for row in sorted({index[code] for code in _parties(p.view)}):
            merged[(row, p.start, p.end, p.shape, p.status, p.cut_before, p.cut_after)] += 1
    marks = tuple(
        Mark(row, start, end, shape, status, count, cut_before, cut_after)  # type: ignore[arg-type]
        for (row, start, end, shape, status, cut_before, cut_after), count in sorted(
            merged.items(), key=lambda item: (item[0][0], item[0][1], item[0][2], item[0][3:])
        )
    )
    return tuple(rows), marks


def _plural(word: str, count: int) -> str:
    return f"{count} {word if count == 1 or word.endswith('s') else word + 's'}"


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


def alt_text(
    first: date, days: int, placed: Sequence[_Placed], *, by_country: bool, rows: Sequence[Row]
) -> str:
    """A sentence a screen reader can say instead of the picture: the window, how many events
    of which types, which are postponed or cancelled, and the first ones coming."""
    last = first + timedelta(days=days - 1)
    head = f"{days}-day timeline from {day_text(first)} to {day_text(last)}"
    if not placed:
        return f"{head}: no events."
    types = Counter(p.view.type for p in placed)
    kinds = ", ".join(_plural(t, n) for t, n in sorted(types.items(), key=lambda i: (-i[1], i[0])))
    parts = [f"{head}: {_plural('event', len(placed))} ({kinds})"]
    statuses = Counter(p.status for p in placed)
    said = [f"{statuses[s]} {STATUS_WORDS[s]}" for s in STATUSES[1:] if statuses[s]]
    if said:
        parts.append(", ".join(said))
    if by_country:
        parts.append("One row per country; busiest: " + ", ".join(r.label for r in rows[:5]))
    day_events = sorted(
        (p for p in placed if p.shape in ("day", "days") and p.status != "cancelled"),
        key=lambda p: (p.start, p.view.id),
    )
    if day_events:
        parts.append(
            "First: "
            + "; ".join(f"{_title(p.view)} on {_short(p.when.start)}" for p in day_events[:3])
        )
    postponed = [p for p in placed if p.status == "postponed"]
    if postponed:
        parts.append("Postponed: " + "; ".join(_title(p.view) for p in postponed[:3]))
    text = ". ".join(parts) + "."
    return text if len(text) <= ALT_LIMIT else text[: ALT_LIMIT - 1] + "…"


def plan_picture(
    events: Iterable[EventView],
    first: date,
    *,
    today: date | None = None,
    days: int = WINDOW_DAYS,
    title: str = "",
    subtitle: str = "",
) -> Picture:
    """The layout of ``days`` days from ``first`` for ``events`` (those outside are left out)."""
    placed: list[_Placed] = []
    seen: set[int] = set()
    for view in events:
        if view.id in seen and view.id:
            continue
        seen.add(view.id)
        found = _place(view, first, days)
        if found is not None:
            placed.append(found)
    by_country = len(placed) > MAX_EVENT_ROWS
    rows, marks = _per_country(placed) if by_country else _per_event(placed)
    today_index = (today - first).days if today is not None else None
    if today_index is not None and not 0 <= today_index < days:
        today_index = None
    last = first + timedelta(days=days - 1)
    return Picture(
        first=first,
        days=days,
        today=today_index,
        title=title or f"The next {days} days",
        subtitle=subtitle or f"{_short(first)} – {_short(last)} {last.year}",
        rows=rows,
        marks=marks,
        by_country=by_country,
        events=len(placed),
        alt=alt_text(first, days, placed, by_country=by_country, rows=rows),
    )


__all__ = [
    "MAX_COUNTRY_ROWS",
    "MAX_EVENT_ROWS",
    "WINDOW_DAYS",
    "Mark",
    "Picture",
    "Row",
    "alt_text",
    "event_label",
    "plan_picture",
]
