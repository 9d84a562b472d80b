"""Fill a database with synthetic timeline events for query benchmarks.

    .venv/bin/python scripts/gen_events.py --db sqlite:///data/bench.db --count 1000000
    .venv/bin/python scripts/gen_events.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test

Events spread over 2000-2029 with a realistic skew: a few countries (US, CN, RU, ...) take
part in many events, most in few; 1-4 participants; dates at day, time, week and month
precision. Deterministic for a given --seed. The schema is migrated first; existing rows are
kept (ids continue after the largest one).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pycountry
from sqlalchemy import func, insert, select

from bot.extract.event_date import parse_event_date
from bot.extract.model import EVENT_TYPES, STATUSES
from bot.names import body_names
from bot.titles import event_title
from storage.db import create_db_engine, open_database
from storage.models import EventParticipant, EventRow

FIRST_DAY = date(2000, 1, 1)
DAYS = (date(2029, 12, 31) - FIRST_DAY).days
PRECISIONS = (("day", 0.70), ("time", 0.08), ("week", 0.08), ("month", 0.14))
STATUS_WEIGHTS = (0.55, 0.35, 0.06, 0.04)
TYPE_SHARES = {"summit": 0.15, "meeting": 0.30, "visit": 0.15, "statement": 0.08}
TYPE_SHARES |= {"agreement": 0.10, "tariff": 0.10, "sanctions": 0.06, "election": 0.06}
TYPE_WEIGHTS = tuple(TYPE_SHARES.get(kind, 0.05) for kind in EVENT_TYPES)


def participant_codes() -> list[str]:
    codes = sorted(c.alpha_2 for c in pycountry.countries)
    big = ["US", "CN", "RU", "GB", "FR", "DE", "JP", "IN", "EU", "UN", "NATO", "G7"]
    rest = [c for c in codes if c not in big] + [b for b in body_names() if b not in big]
    return big + rest


def make_date(rng: random.Random, precision: str) -> str:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    if precision == "day":
        return day.isoformat()
    if precision == "time":
        return f"{day.isoformat()}T{rng.randrange(7, 20):02d}:{rng.choice((0, 30)):02d}+00:00"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.strftime("%Y-%m")


def generate(rng: random.Random, first_id: int, count: int, codes: list[str], weights: list[float]):
    now = datetime.now(UTC)
    precisions = [p for p, _ in PRECISIONS]
    precision_weights = [w for _, w in PRECISIONS]
    for event_id in range(first_id, first_id + count):
        precision = rng.choices(precisions, precision_weights)[0]
        span = parse_event_date(make_date(rng, precision))
        people = sorted(set(rng.choices(codes, weights, k=rng.choice((1, 2, 2, 2, 3, 4)))))
        event_type = rng.choices(EVENT_TYPES, TYPE_WEIGHTS)[0]
        event = {
            "id": event_id,
            "type": event_type,
            "date": span.text,
            "precision": span.precision,
            "start_day": span.start,
            "end_day": span.end,
            "start_at": span.start_at,
            "end_date": None,
            "participants": " ".join(people),
            "people": [],
            "location": None,
            "status": rng.choices(STATUSES, STATUS_WEIGHTS)[0],
            "title": event_title(event_type, people),
            "confidence": round(rng.uniform(0.3, 0.99), 2),
            "source_count": rng.randint(1, 6),
            "as_of": span.start,
            "first_seen": now,
            "last_changed": now,
        }
        yield (
            event,
            [
                {"event_id": event_id, "code": c, "start_day": span.start, "end_day": span.end}
                for c in people
            ],
        )


def ensure_schema(url: str, schema: str | None) -> str | None:
    """Create the PostgreSQL schema the benchmark uses, so it never touches other tables."""
    if not schema:
        return None
    engine = create_db_engine(url)
    with engine.begin() as conn:
        quoted = conn.dialect.identifier_preparer.quote(schema)
        conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {quoted}")
    engine.dispose()
    return schema


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLAlchemy URL")
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=20_000)
    parser.add_argument("--schema", help="PostgreSQL: use (and create) this schema")
    args = parser.parse_args()

    database = open_database(args.db, search_path=ensure_schema(args.db, args.schema))
    rng = random.Random(args.seed)
    codes = participant_codes()
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(codes))]
    with database.session() as session:
        first_id = (session.scalar(select(func.max(EventRow.id))) or 0) + 1
    started = time.perf_counter()
    done = 0
    stream = generate(rng, first_id, args.count, codes, weights)
    while done < args.count:
        events, participants = [], []
        for event, rows in stream:
            events.append(event)
            participants.extend(rows)
            if len(events) >= args.chunk:
                break
        with database.engine.begin() as conn:
            conn.execute(insert(EventRow), events)
            conn.execute(insert(EventParticipant), participants)
        done += len(events)
        rate = done / (time.perf_counter() - started)
        print(f"\r{done:,} events ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    if database.dialect == "postgresql":
        # VACUUM sets the visibility map, so the country index is read without heap visits.
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE event")
            conn.exec_driver_sql("VACUUM ANALYZE event_participant")
    elif database.dialect == "sqlite":
        with database.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    if database.dialect == "postgresql":
        with database.engine.connect() as conn:
            conn.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('event', 'id'), (SELECT max(id) FROM event))"
            )
            conn.commit()
    print(f"\n{done:,} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
