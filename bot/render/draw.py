"""Pixels for a :class:`~bot.render.picture.Picture`: a PNG for Discord, in dark mode.

Drawn with matplotlib's Agg canvas and its object API (no pyplot, no global figure state),
sized so Discord's preview (about 550 px wide) still reads: 900 px wide, large type, one
colour-blind-safe palette (Okabe and Ito's) whose every status also has its own shape. One
drawing at a time (a lock): matplotlib's text caches are shared, and the work is CPU-bound
so running two at once would not finish sooner. Identical layouts (channels with the same
subscriptions on the same day) are drawn once (a small cache). Callers on the event loop
run :func:`draw_png` in a worker thread.
"""

from __future__ import annotations

import io
import json
import math
import threading
from collections import OrderedDict
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from bot.render.picture import STATUS_WORDS, Mark, Picture

PICTURE_NAME = "next-14-days.png"  # the attachment's file name
WIDTH_PX = 900
DPI = 100
ROW_IN = 0.36
TOP_IN = 1.1  # title, subtitle, month names and day numbers
BOTTOM_IN = 0.55  # the legend
MIN_LABEL_FRACTION, MAX_LABEL_FRACTION = 0.14, 0.42
LEGEND_COLUMNS = 5
LEGEND_ROW_IN = 0.3
FONT = 13
SMALL = 11

BACKGROUND = "#1e1f22"
PANEL = "#2b2d31"
WEEKEND = "#313338"
GRID = "#404249"
TEXT = "#f2f3f5"
MUTED = "#b5bac1"
TODAY = "#ffffff"
# Okabe-Ito: distinguishable with every common colour-vision deficiency.
COLOURS = {
    "scheduled": "#56b4e9",
    "postponed": "#e69f00",
    "occurred": "#009e73",
    "cancelled": "#8e9297",
}
MARKERS = {"scheduled": "o", "postponed": "D", "occurred": "s", "cancelled": "X"}
BAR_ALPHA = {"days": 0.9, "week": 0.45, "month": 0.28}
BAR_HEIGHT = {"days": 0.5, "week": 0.42, "month": 0.34}
BAR_WORDS = {
    "days": "several days",
    "week": "in that week",
    "month": "in that month",
}

_lock = threading.Lock()
_cache: OrderedDict[str, bytes] = OrderedDict()
CACHE_SIZE = 16


def _plain(text: str) -> str:
    """Text as written: matplotlib reads ``$...$`` as math, so a title with dollar signs
    would be typeset (or fail); an escaped dollar is shown as it is."""
    return text.replace("$", r"\$")


def draw_png(picture: Picture) -> bytes:
    """The picture as PNG bytes (a cached copy when the same layout was just drawn)."""
    key = json.dumps(picture.payload(), sort_keys=True, separators=(",", ":"))
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            return cached
        data = _render(picture)
        _cache[key] = data
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
        return data


def render_png(picture: Picture) -> bytes:
    """The picture as PNG bytes, drawn now (no cache): what the benchmark times."""
    with _lock:
        return _render(picture)


def _height_in(picture: Picture) -> float:
    return TOP_IN + _bottom_in(picture) + ROW_IN * max(len(picture.rows), 2)


def _bottom_in(picture: Picture) -> float:
    return BOTTOM_IN + LEGEND_ROW_IN * (_legend_rows(picture) - 1)


def _label_width(canvas: FigureCanvasAgg, picture: Picture) -> float:
    """The room the row labels need, as a fraction of the width (measured, not guessed)."""
    renderer = canvas.get_renderer()
    font = FontProperties(size=FONT)
    widest = max(
        (
            renderer.get_text_width_height_descent(_plain(r.label), font, ismath=False)[0]
            for r in picture.rows
        ),
        default=0.0,
    )
    return min(MAX_LABEL_FRACTION, max(MIN_LABEL_FRACTION, (widest + 18) / WIDTH_PX))


def _legend_rows(picture: Picture) -> int:
    return max(1, math.ceil((len(picture.legend) + 1) / LEGEND_COLUMNS))


def _render(picture: Picture) -> bytes:
    width_in = WIDTH_PX / DPI
    height_in = _height_in(picture)
    figure = Figure(figsize=(width_in, height_in), dpi=DPI, facecolor=BACKGROUND)
    canvas = FigureCanvasAgg(figure)
    left = _label_width(canvas, picture)
    bottom = _bottom_in(picture)
    ax = figure.add_axes(
        (left, bottom / height_in, 0.985 - left, 1 - (TOP_IN + bottom) / height_in)
    )
    _frame(ax, picture)
    _columns(ax, picture)
    _rows(ax, picture)
    _marks(ax, picture)
    _header(figure, ax, picture, height_in)
    _legend(figure, picture)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor=BACKGROUND, pil_kwargs={"compress_level": 3})
    return buffer.getvalue()


def _frame(ax: Any, picture: Picture) -> None:
    rows = max(len(picture.rows), 1)
    ax.set_facecolor(PANEL)
    ax.set_xlim(0, picture.days)
    ax.set_ylim(rows - 0.5 if len(picture.rows) > 1 else 0.5, -0.5)
    if len(picture.rows) <= 1:
        ax.set_ylim(0.75, -0.75)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.tick_params(length=0, colors=TEXT, labelsize=FONT, pad=6)


def _columns(ax: Any, picture: Picture) -> None:
    """Weekends shaded, a thin line between days, today's line, the day numbers on top."""
    ticks, labels = [], []
    for i in range(picture.days):
        day = picture.day(i)
        if day.weekday() >= 5:
            ax.axvspan(i, i + 1, color=WEEKEND, zorder=0, linewidth=0)
        ticks.append(i + 0.5)
        labels.append(f"{day:%a}"[:2] + f"\n{day.day}")
    ax.vlines(range(1, picture.days), *ax.get_ylim(), colors=GRID, linewidth=0.8, zorder=1)
    ax.xaxis.tick_top()
    ax.set_xticks(ticks, labels, fontsize=SMALL, color=MUTED, linespacing=1.1)
    if picture.today is not None:
        x = picture.today + 0.5
        ax.axvline(x, color=TODAY, linewidth=1.6, linestyle=(0, (4, 3)), zorder=2)
        ax.get_xticklabels()[picture.today].set_color(TEXT)
        ax.get_xticklabels()[picture.today].set_fontweight("bold")


def _rows(ax: Any, picture: Picture) -> None:
    ax.set_yticks(range(len(picture.rows)), [_plain(row.label) for row in picture.rows])
    for label, row in zip(ax.get_yticklabels(), picture.rows, strict=True):
        label.set_color(MUTED if row.status == "cancelled" else TEXT)
        label.set_fontsize(FONT)
    if len(picture.rows) > 1:
        ax.hlines(
            [i + 0.5 for i in range(len(picture.rows) - 1)],
            0,
            picture.days,
            colors=GRID,
            linewidth=0.5,
            zorder=1,
        )
    if not picture.rows:
        ax.text(
            picture.days / 2,
            0,
            "Nothing on the timeline in these days.",
            ha="center",
            va="center",
            color=MUTED,
            fontsize=FONT,
        )


def _marks(ax: Any, picture: Picture) -> None:
    bars = [m for m in picture.marks if m.is_bar]
    dots = [m for m in picture.marks if not m.is_bar]
    _bars(ax, bars, picture.by_country)
    _dots(ax, dots, picture.by_country)


def _bar_box(m: Mark, by_country: bool) -> tuple[float, float]:
    """(centre offset from the row's middle, height) of a bar: on a country's row, a week or
    a month is a thin strip at the row's foot, so the days above it stay readable."""
    if by_country and m.shape in ("week", "month"):
        return 0.3, 0.14
    if by_country:
        return 0.0, 0.3
    return 0.0, BAR_HEIGHT[m.shape]


def _bars(ax: Any, bars: list[Mark], by_country: bool) -> None:
    groups: dict[tuple[str, str], list[tuple[Rectangle, Any, Any]]] = {}
    for m in bars:
        offset, height = _bar_box(m, by_country)
        colour = COLOURS.get(m.status, COLOURS["scheduled"])
        alpha = BAR_ALPHA[m.shape] * (0.55 if m.status == "cancelled" else 1.0)
        box = Rectangle(
            (m.start + 0.08, m.row + offset - height / 2), m.end - m.start + 0.84, height
        )
        hatch = "////" if m.status == "postponed" else ""
        style = "--" if m.shape == "month" else "-"
        groups.setdefault((hatch, style), []).append((box, _rgba(colour, alpha), colour))
    # A collection has one hatch and one line style: one per pair in use.
    for (hatch, style), items in sorted(groups.items()):
        collection = PatchCollection(
            [box for box, _, _ in items],
            facecolors=[face for _, face, _ in items],
            edgecolors=[edge for _, _, edge in items],
            linewidths=1.2,
            linestyles=style,
            zorder=3,
        )
        if hatch:
            collection.set_hatch(hatch)
        ax.add_collection(collection)
    for m in bars:
        colour = COLOURS.get(m.status, COLOURS["scheduled"])
        offset, height = _bar_box(m, by_country)
        y = m.row + offset
        if not by_country or m.shape == "days":
            if m.cut_before:
                ax.text(
                    m.start + 0.12, y, "◀", color=TEXT, fontsize=SMALL - 3, va="center", zorder=4
                )
            if m.cut_after:
                ax.text(
                    m.end + 0.88,
                    y,
                    "▶",
                    color=TEXT,
                    fontsize=SMALL - 3,
                    va="center",
                    ha="right",
                    zorder=4,
                )
        if m.status == "cancelled":
            ax.plot([m.start + 0.08, m.end + 0.92], [y, y], color=TEXT, linewidth=1.2, zorder=4)
        if m.count > 1 and height >= 0.3:
            ax.text(
                (m.start + m.end + 1) / 2,
                y,
                str(m.count),
                color=TEXT,
                fontsize=SMALL,
                fontweight="bold",
                ha="center",
                va="center",
                zorder=5,
            )


def _spread(dots: list[Mark]) -> dict[int, float]:
    """x of each dot (by its index): dots of different statuses on one row and day stand
    side by side instead of on top of each other."""
    cells: dict[tuple[int, int], list[int]] = {}
    for i, m in enumerate(dots):
        cells.setdefault((m.row, m.start), []).append(i)
    xs = {}
    for (_, start), members in cells.items():
        step = min(0.3, 0.7 / len(members))
        for k, i in enumerate(members):
            xs[i] = start + 0.5 + (k - (len(members) - 1) / 2) * step
    return xs


def _dots(ax: Any, dots: list[Mark], by_country: bool) -> None:
    spread = _spread(dots)
    x_of = {id(m): spread[i] for i, m in enumerate(dots)}
    by_status: dict[str, list[Mark]] = {}
    for m in dots:
        by_status.setdefault(m.status, []).append(m)
    for status, marks in by_status.items():
        colour = COLOURS.get(status, COLOURS["scheduled"])
        sizes = [_dot_size(m.count, by_country) for m in marks]
        hollow = status == "postponed"
        ax.scatter(
            [x_of[id(m)] for m in marks],
            [m.row for m in marks],
            s=sizes,
            marker=MARKERS.get(status, "o"),
            c=BACKGROUND if hollow else colour,
            edgecolors=colour,
            linewidths=2.2 if hollow else 0.8,
            alpha=0.6 if status == "cancelled" else 1.0,
            zorder=6,
        )
        for m in marks:
            if m.count > 1:
                ax.text(
                    x_of[id(m)],
                    m.row,
                    str(m.count),
                    fontsize=SMALL - 1,
                    ha="center",
                    va="center",
                    fontweight="bold",
                    zorder=7,
                    color=TEXT if hollow else BACKGROUND,
                )


def _dot_size(count: int, by_country: bool) -> float:
    if not by_country or count <= 1:
        return 150.0
    return 230.0 if count < 10 else 300.0


def _rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return (r, g, b, alpha)


def _header(figure: Any, ax: Any, picture: Picture, height_in: float) -> None:
    heading = f"{picture.title} · {picture.subtitle}" if picture.subtitle else picture.title
    heading = _plain(heading)
    figure.text(
        0.015,
        1 - 0.1 / height_in,
        heading,
        color=TEXT,
        fontsize=FONT + 2,
        fontweight="bold",
        va="top",
    )
    months = [0] + [i for i in range(1, picture.days) if picture.day(i).day == 1]
    for i in months:
        ax.annotate(
            f"{picture.day(i):%b}",
            xy=(i + 0.08, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 34),
            textcoords="offset points",
            color=TEXT,
            fontsize=SMALL,
            fontweight="bold",
            va="bottom",
            ha="left",
        )


def _legend(figure: Any, picture: Picture) -> None:
    handles: list[Any] = []
    for key in picture.legend:
        if key in COLOURS:
            colour = COLOURS[key]
            hollow = key == "postponed"
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="",
                    marker=MARKERS[key],
                    markersize=9,
                    markerfacecolor=BACKGROUND if hollow else colour,
                    markeredgecolor=colour,
                    markeredgewidth=2 if hollow else 0.8,
                    label=STATUS_WORDS[key],
                )
            )
        else:
            handles.append(
                Patch(
                    facecolor=_rgba(COLOURS["scheduled"], BAR_ALPHA[key]),
                    edgecolor=COLOURS["scheduled"],
                    linestyle="--" if key == "month" else "-",
                    label=BAR_WORDS[key],
                )
            )
    if picture.today is not None:
        handles.append(
            Line2D([], [], color=TODAY, linewidth=1.6, linestyle=(0, (4, 3)), label="today")
        )
    if not handles:
        return
    figure.legend(
        handles=handles,
        loc="lower center",
        ncols=min(len(handles), LEGEND_COLUMNS),
        frameon=False,
        fontsize=SMALL,
        labelcolor=TEXT,
        handlelength=1.4,
        handletextpad=0.4,
        columnspacing=1.2,
        bbox_to_anchor=(0.5, 0.0),
    )


__all__ = ["PICTURE_NAME", "draw_png", "render_png"]
