"""``diplobot db backup`` while ``diplobot ingest`` writes: is every copy whole?

    .venv/bin/python scripts/backup_under_load.py \\
        ../shared/corpora/reuters21578/reuters21578.jsonl --stories 2000

Starts ``diplobot ingest`` of the first N stories into a fresh SQLite file (a process of
its own, as the bot would be), and while it runs takes backups with ``diplobot db backup``
(processes too), one after another. Each copy is opened and checked with
``PRAGMA integrity_check`` and counted; the figures are printed. Exit 1 if any copy fails.
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def diplobot(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot", *args]


def check(copy: Path) -> tuple[str, int, int]:
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as conn:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        articles = conn.execute("SELECT count(*) FROM article").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM event").fetchone()[0]
    return verdict, articles, events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSON-lines corpus (Reuters-21578)")
    parser.add_argument("--stories", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="diplobot-backup-"))
    stories = work / "stories.jsonl"
    with args.corpus.open("rb") as source, stories.open("wb") as out:
        out.writelines(itertools.islice(source, args.stories))
    url = f"sqlite:///{work / 'live.db'}"
    upgrade = diplobot("db", "upgrade", "--db", url)
    subprocess.run(upgrade, cwd=ROOT, check=True, capture_output=True)
    started = time.perf_counter()
    ingest = subprocess.Popen(
        diplobot("ingest", str(stories), "-q", "--batch", "50", "--db", url),
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    results = []
    while ingest.poll() is None or not results:
        copy = work / f"backup-{len(results)}.db"
        done = subprocess.run(
            diplobot("db", "backup", str(copy), "--db", url),
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            print(f"backup {len(results)} failed: {done.stderr.strip()}")
            return 1
        results.append((time.perf_counter() - started, *check(copy)))
        copy.unlink()
    out, _ = ingest.communicate()
    bad = [r for r in results if r[1] != "ok"]
    print(f"ingest of {args.stories:,} stories: {out.strip().splitlines()[0]}")
    good = len(results) - len(bad)
    print(f"backups taken while it ran: {len(results)}; integrity_check ok: {good}")
    for seconds, verdict, articles, events in results:
        print(f"  {seconds:6.1f} s  {verdict:<4} {articles:>6,} articles {events:>6,} events")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
