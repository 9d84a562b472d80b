"""``diplobot extract`` as the spec's command-line contract says, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support.shared_data import SEED_ARTICLE, require


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "extract", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.mark.corpus
def test_seed_article_with_dct_from_its_dateline() -> None:
    done = run(str(require(SEED_ARTICLE)))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["dct"] == "2025-02-06"
    kinds = sorted((e["type"], e["date"]) for e in out["events"])
    assert kinds == [
        ("election", "2025-01"),
        ("statement", "2025-02-07"),
        ("summit", "2025-02-07"),
        ("visit", "2025-02-06"),
    ]


def test_date_option_overrides_and_stdin_works() -> None:
    done = run(
        "--date", "2025-02-06", "-", stdin=b"Trump will meet Ishiba in Washington on Friday."
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["dct"] == "2025-02-06"
    assert [(e["type"], e["date"]) for e in out["events"]] == [("summit", "2025-02-07")]


def test_jsonl_keeps_order_and_reports_bad_lines() -> None:
    lines = b"\n".join(
        [
            json.dumps(
                {
                    "id": "a",
                    "text": "Japan and China signed a treaty on Monday.",
                    "dct": "2025-02-06",
                }
            ).encode(),
            b"{broken",
            json.dumps({"id": "c", "text": "", "published": "1987-03-01"}).encode(),
        ]
    )
    done = run("--jsonl", "-", stdin=lines)
    assert done.returncode == 1  # every line answered; two could not be read
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "stdin:2", "c"]
    assert rows[0]["events"][0]["date"] == "2025-02-03"
    assert "not valid JSON" in rows[1]["error"]
    assert "empty" in rows[2]["error"]


def test_timex_output_has_offsets_into_the_text() -> None:
    text = "Ministers will meet on Friday, not in May as some may think."
    line = json.dumps({"id": "t", "text": text, "dct": "2025-02-06"}).encode()
    done = run("--timex", "--jsonl", "-", stdin=line)
    row = json.loads(done.stdout)
    assert [(t["text"], t["value"]) for t in row["timexes"]] == [
        ("Friday", "2025-02-07"),
        ("May", "2025-05"),
    ]
    for t in row["timexes"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_binary_input_is_refused_with_a_sentence(tmp_path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\xff\x00binary")
    done = run(str(path))
    assert done.returncode == 1
    assert "binary" in json.loads(done.stdout)["error"]
    assert b"binary" in done.stderr
