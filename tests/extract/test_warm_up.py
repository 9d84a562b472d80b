"""warm_up() loads every table the extractor reads, so no article pays for loading them.

The hostile-text tests bound the work of each article from the first one on; a table read
lazily on the first dated summit (the summit towns by year) once made that first article cost
ten times the next, in a fresh process only.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# In a fresh interpreter: warm up, then count the calls of the same kind of article twice.
PROBE = """
import json
from datetime import date
from bot.extract.model import Article
from bot.extract.pipeline import extract_events, warm_up
from tests.support.work import count_calls

warm_up()
counts = []
for year in (1987, 2025):
    article = Article(text="The G7 summit opened in Venice on Friday; talks resume next week.",
                      dct=date(year, 6, 9))
    counts.append(count_calls(extract_events, article)[1])
print(json.dumps(counts))
"""


def test_the_first_article_after_warm_up_costs_what_the_next_does() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    first, second = json.loads(done.stdout)
    assert first <= 2 * second, f"first article {first:,} calls, next {second:,}"
