"""How long the picture of the coming 14 days takes to draw, on one core.

The picture of a busy fortnight (200 events: days, spans, weeks and months, every status,
one to three participants each) is planned and drawn to PNG 20 times after one warm-up
draw, pinned to one core; the same is done in the same run for an empty picture and for a
typical one (15 events), the baselines. Reported: median and p95 per picture, and whether
the 200-event median is within the bar (300 ms). The 200- and 15-event pictures are saved
to ``out/picture-200.png`` and ``out/picture-15.png`` to look at.

    .venv/bin/python scripts/bench_picture.py [--draws 20] [--out out]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.render.draw import render_png  # noqa: E402
from bot.render.picture import WINDOW_DAYS, plan_picture  # noqa: E402
from bot.render.views import EventView  # noqa: E402
from config.event_types import EVENT_TYPES  # noqa: E402

FIRST = date(2026, 11, 28)
BAR_MS = 300.0
CODES = (
    "US JP FR DE CN IN BR GB EU RU UA IT CA AU KR ZA MX TR SA NG EG AR ID PL ES NL SE G7 AFU "
    "IL PS IR QA"
).split()
STATUSES = ("scheduled", "postponed", "cancelled", "occurred")


def events(count: int, seed: int = 14) -> list[EventView]:
    """``count`` events inside the window: most on a day, some over days, weeks or months."""
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        day = FIRST + timedelta(days=rnd.randint(0, WINDOW_DAYS - 1))
        end = None
        kind = rnd.random()
        if kind < 0.1:
            year, week, _ = day.isocalendar()
            when = f"{year}-W{week:02d}"
        elif kind < 0.16:
            when = f"{day:%Y-%m}"
        elif kind < 0.28:
            when, end = day.isoformat(), (day + timedelta(days=rnd.randint(1, 3))).isoformat()
        else:
            when = day.isoformat()
        out.append(
            EventView(
                id=i + 1,
                type=rnd.choice(EVENT_TYPES),
                date=when,
                end_date=end,
                participants=tuple(rnd.sample(CODES, rnd.randint(1, 3))),
                status=rnd.choices(STATUSES, weights=(80, 10, 5, 5))[0],
            )
        )
    return out


def timed(views: list[EventView], draws: int) -> tuple[list[float], bytes]:
    """Milliseconds of each plan-and-draw (after one warm-up), and the last PNG."""
    png = render_png(plan_picture(views, FIRST, today=FIRST, title="Daily digest"))
    times = []
    for _ in range(draws):
        start = time.perf_counter()
        picture = plan_picture(views, FIRST, today=FIRST, title="Daily digest")
        png = render_png(picture)
        times.append((time.perf_counter() - start) * 1000)
    return times, png


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=20)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"{args.draws} draws each after one warm-up, one core, 900 px wide PNG")
    medians = {}
    for count in (0, 15, 200):
        times, png = timed(events(count), args.draws)
        medians[count] = statistics.median(times)
        name = "empty picture (baseline)" if count == 0 else f"{count} events"
        print(
            f"{name:>26}: median {medians[count]:6.1f} ms   p95 {p95(times):6.1f} ms   "
            f"{len(png) / 1024:5.0f} KiB"
        )
        if count:
            (args.out / f"picture-{count}.png").write_bytes(png)
    verdict = "within" if medians[200] <= BAR_MS else "OVER"
    print(
        f"200 events: median {medians[200]:.1f} ms, {verdict} the {BAR_MS:.0f} ms bar "
        f"({medians[200] / medians[0]:.1f}x the empty picture); "
        f"saved {args.out / 'picture-200.png'} and {args.out / 'picture-15.png'}"
    )
    return 0 if medians[200] <= BAR_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
