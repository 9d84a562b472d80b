"""``diplobot ingest | timeline | event | export | db`` from the command line, on SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from storage.db import create_db_engine
from storage.migrate import head_revision
from tests.support.cli import run
from tests.support.timeline import summit


def test_ingest_twice_then_read_the_timeline(
    tmp_path: Path, db_url: str, scripted, capsys: pytest.CaptureFixture[str]
) -> None:
    scripted.say(
        "Leaders will meet in Tokyo next month.", summit("2025-02", "JP", "US", location="Tokyo")
    )
    scripted.say("The summit is on Friday.", summit("2025-02-07", "JP", "US"))
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Leaders will meet in Tokyo next month.")
    (folder / "b.txt").write_text("The summit is on Friday.")
    (folder / "empty.txt").write_text("   ")

    code, out, _ = run(capsys, "ingest", str(folder), "--date", "2025-01-20", "--db", db_url)
    assert code == 1  # one file could not be read: reported, the others ingested
    assert "2 new, 0 already known, 1 failed" in out
    assert "1 created, 1 updated" in out
    assert "empty.txt: the article is empty" in out

    code, out, _ = run(capsys, "ingest", str(folder), "--date", "2025-01-20", "--db", db_url)
    assert "0 new, 2 already known, 1 failed" in out

    code, out, _ = run(capsys, "timeline", "--country", "JP", "--db", db_url)
    assert code == 0
    header, row = out.splitlines()
    assert "DATE" in header
    assert "2025-02-07" in row and "Japan–United States summit" in row and "Tokyo" in row

    code, out, _ = run(capsys, "timeline", "--json", "--from", "2025-02", "--db", db_url)
    (line,) = out.splitlines()
    event = json.loads(line)
    assert (event["date"], event["sources"], event["participants"]) == (
        "2025-02-07",
        2,
        ["JP", "US"],
    )

    code, out, _ = run(capsys, "event", str(event["id"]), "--db", db_url)
    assert code == 0
    assert "date: 2025-02 -> 2025-02-07" in out
    assert out.count("said 2025-02") == 2

    code, _, err = run(capsys, "event", "999", "--db", db_url)
    assert code == 1 and "no event 999" in err


def test_ingest_reads_json_lines_from_stdin(
    db_url: str, scripted, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    scripted.say("A summit on Friday.", summit("2025-02-07"))
    lines = [
        {"id": "1", "text": "A summit on Friday.", "dct": "2025-02-03", "url": "https://x.org/a"},
        {"id": "2", "text": "The same page again.", "dct": "2025-02-03", "url": "https://X.org/a/"},
        "not json",
    ]
    data = "\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    code, out, _ = run(capsys, "ingest", "-", "--json", "--db", db_url)
    assert code == 1  # the line that is not JSON is reported, the rest ingested
    summary = json.loads(out)
    assert summary["articles"] == {"new": 1, "known": 1, "failed": 1}
    assert summary["events"]["created"] == 1
    assert "not valid JSON" in summary["failures"][0]["error"]


def test_export_ics_keeps_each_date_as_precise_as_it_is(
    tmp_path: Path, db_url: str, scripted, capsys: pytest.CaptureFixture[str]
) -> None:
    scripted.say(
        "alpha",
        summit("2025-02-07", "JP", "US"),
        summit("2025-02-07T10:00-05:00", "CA", "US", type="meeting"),
        summit("2025-03", "FR", "DE", type="meeting"),
        summit("2025-W11", "GB", "IE", type="visit", end_date=None),
        summit("2025-04-01", "IN", "CN", type="agreement", end_date="2025-04-03"),
    )
    (tmp_path / "a.txt").write_text("alpha")
    run(capsys, "ingest", str(tmp_path / "a.txt"), "--date", "2025-01-20", "--db", db_url)

    out_file = tmp_path / "events.ics"
    code, _, err = run(capsys, "export", "--ics", str(out_file), "--db", db_url)
    assert code == 0 and "wrote 5 events" in err
    calendar = Calendar.from_ical(out_file.read_bytes())
    got = {
        str(e["summary"]): (e.decoded("dtstart"), e.decoded("dtend") if "dtend" in e else None)
        for e in calendar.walk("VEVENT")
    }
    from datetime import UTC, date, datetime

    assert got == {
        "Japan–United States summit": (date(2025, 2, 7), date(2025, 2, 8)),
        "Canada–United States meeting": (datetime(2025, 2, 7, 15, 0, tzinfo=UTC), None),
        "France–Germany meeting (date not fixed: 2025-03)": (date(2025, 3, 1), date(2025, 4, 1)),
        "Ireland–United Kingdom visit (date not fixed: 2025-W11)": (
            date(2025, 3, 10),
            date(2025, 3, 17),
        ),
        "China–India agreement": (date(2025, 4, 1), date(2025, 4, 4)),
    }

    code, _, err = run(
        capsys,
        "export",
        "--ics",
        str(out_file),
        "--vague",
        "skip",
        "--country",
        "US",
        "--db",
        db_url,
    )
    names = [str(e["summary"]) for e in Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")]
    assert names == ["Japan–United States summit", "Canada–United States meeting"]


def test_db_upgrade_and_bad_urls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    code, out, _ = run(capsys, "db", "upgrade", "--db", url)
    head = head_revision(create_db_engine(url))
    assert code == 0 and f"schema at revision {head} (latest {head})" in out
    code, _, err = run(capsys, "db", "current", "--db", "nonsense")
    assert code == 2 and "'nonsense': it must be a database URL" in err
    missing = f"sqlite:///{tmp_path / 'new' / 'x.db'}"
    code, _, err = run(capsys, "db", "upgrade", "--db", missing)
    assert code == 2 and f"the folder {tmp_path / 'new'} does not exist" in err
    assert not (tmp_path / "new").exists()
    code, _, err = run(capsys, "timeline", "--type", "party", "--db", url)
    assert code == 2 and "unknown event type 'party'" in err


def test_many_failures_are_grouped_by_reason() -> None:
    from bot.cli.ingest import IngestSummary

    summary = IngestSummary()
    for i in range(30):
        summary.fail(f"corpus:{i}", "the article is empty; pass the article's text")
    summary.fail("corpus:99", "line 99 is not valid JSON")
    lines = summary.lines()
    assert "31 failed" in lines[0]
    assert lines[-2:] == [
        "  30 x the article is empty; pass the article's text (corpus:0, corpus:1, corpus:2, ...)",
        "  1 x line 99 is not valid JSON (corpus:99)",
    ]


def test_an_undated_article_is_named_and_read_again_once_given_a_date(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "talks.txt"
    story.write_text("Japan and China will hold talks in Tokyo on Friday.")

    code, out, _ = run(capsys, "ingest", str(story), "--db", db_url)
    assert code == 0
    assert "1 new" in out and "0 created" in out  # "Friday" means nothing without a date
    assert "1 article has no date" in out and "--date" in out and str(story) in out

    code, out, _ = run(capsys, "ingest", str(story), "--db", db_url)
    assert "0 new, 1 already known" in out and "1 article has no date" in out

    code, out, _ = run(capsys, "ingest", str(story), "--date", "2025-02-05", "--db", db_url)
    assert "1 new, 0 already known" in out and "1 created" in out
    assert "no date" not in out
    code, out, _ = run(capsys, "timeline", "--json", "--db", db_url)
    (line,) = out.splitlines()
    assert json.loads(line)["date"] == "2025-02-07"

    code, out, _ = run(capsys, "ingest", str(story), "--date", "2025-03-01", "--db", db_url)
    assert "0 new, 1 already known" in out  # dated once: a later date changes nothing


def test_json_summary_lists_undated_articles(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"id": "dated", "text": "Talks.", "dct": "2025-02-05"},
        {"id": "wire", "text": "TOKYO, Feb. 5, 2025 (Wire) - Talks."},
        {"id": "yearless", "text": "TOKYO, Feb. 5 (Wire) - Talks."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines))
    code, out, _ = run(capsys, "ingest", str(source), "--json", "--db", db_url)
    assert code == 0
    assert json.loads(out)["undated"] == ["yearless"]


def test_two_installations_export_no_common_uid_and_keep_their_own(
    tmp_path: Path, scripted, capsys: pytest.CaptureFixture[str]
) -> None:
    scripted.say(
        "alpha", summit("2025-02-07", "JP", "US"), summit("2025-03", "FR", "DE", type="meeting")
    )
    (tmp_path / "a.txt").write_text("alpha")
    uids: list[list[str]] = []
    for name in ("first", "second", "first"):  # the first installation exports twice
        url = f"sqlite:///{tmp_path / name}.db"
        out = tmp_path / f"{name}.ics"
        run(capsys, "ingest", str(tmp_path / "a.txt"), "--date", "2025-01-20", "--db", url)
        assert run(capsys, "export", "--ics", str(out), "--db", url)[0] == 0
        uids.append([str(e["uid"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")])
    first, second, again = uids
    assert len(set(first)) == len(first) == 2  # same article, same event ids in both files
    assert not set(first) & set(second), "two installations share no UID"
    assert again == first, "an event keeps its UID across exports"
