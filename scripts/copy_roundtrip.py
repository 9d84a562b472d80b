"""``diplobot db copy`` from SQLite to PostgreSQL and back: is the timeline the same?

    .venv/bin/python scripts/copy_roundtrip.py \\
        ../shared/corpora/reuters21578/reuters21578.jsonl --stories 2000 \\
        --postgres postgresql://postgres@127.0.0.1:5432/test

Ingests the first N stories into a fresh SQLite file, creates a database of its own on the
PostgreSQL server, copies the SQLite file into it and from it into a second SQLite file, and
compares ``diplobot timeline --json --limit 0`` of the three. The PostgreSQL database is
dropped at the end. Exit 1 if a copy fails or the timelines differ.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]


def diplobot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="diplobot-copy-"))
    stories = work / "stories.jsonl"
    with args.corpus.open("rb") as source, stories.open("wb") as out:
        out.writelines(itertools.islice(source, args.stories))
    first, back = f"sqlite:///{work / 'first.db'}", f"sqlite:///{work / 'back.db'}"
    print(diplobot("ingest", str(stories), "-q", "--db", first).stdout.splitlines()[0])

    server = make_url(args.postgres).set(drivername="postgresql")
    name = f"diplobot_copy_{uuid.uuid4().hex[:8]}"
    admin = server.render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    target = server.set(database=name).render_as_string(hide_password=False)
    try:
        timelines = {}
        timelines["sqlite"] = diplobot("timeline", "--json", "--limit", "0", "--db", first).stdout
        for label, source_url, target_url in (("to PostgreSQL", first, target),
                                              ("back to SQLite", target, back)):  # fmt: skip
            started = time.perf_counter()
            done = diplobot("db", "copy", "--db", source_url, "--to", target_url)
            if done.returncode != 0:
                print(f"copy {label} failed: {done.stderr.strip()}")
                return 1
            rows = done.stdout.splitlines()[0]
            print(f"copy {label}: {rows} ({time.perf_counter() - started:.1f} s with start-up)")
            url = target_url
            timelines[label] = diplobot("timeline", "--json", "--limit", "0", "--db", url).stdout
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    digests = {k: hashlib.sha256(v.encode()).hexdigest()[:16] for k, v in timelines.items()}
    events = len(timelines["sqlite"].splitlines())
    for label, digest in digests.items():
        print(f"timeline --json of {label:<15}: {events:,} events, sha256 {digest}")
    same = len(set(timelines.values())) == 1
    print("identical" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
