"""The command line behaves the same everywhere: exit codes 0 (all good), 1 (some input could
not be read), 2 (usage); files counted by kind; bounds on numbers; table cells on one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.options import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from tests.support.cli import run
from tests.support.extraction import StandInExtractor
from tests.support.timeline import summit

PAGE = (
    "<!doctype html><html><head><title>Leaders meet</title></head><body>"
    "<nav>Home | World</nav><article><h1>Leaders meet</h1>"
    "<p>Leaders of Japan and the United States will meet in Tokyo on Friday, officials said "
    "on Monday, in the first summit between the two allies this year.</p>"
    "<p>The talks are expected to cover trade, security and energy, and a joint statement is "
    "being prepared by both governments ahead of the visit.</p></article>"
    "<footer>Copyright</footer></body></html>"
)


def test_extract_jsonl_exits_1_when_a_line_fails_and_0_when_none_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = json.dumps({"id": "a", "text": "Talks.", "dct": "2025-02-06"})
    path = tmp_path / "a.jsonl"
    path.write_text(good + "\n")
    assert run(capsys, "extract", "--jsonl", str(path))[0] == EXIT_OK
    path.write_text(good + "\nnot json\n")
    code, out, err = run(capsys, "extract", "--jsonl", str(path))
    assert code == EXIT_SOME_FAILED and len(out.splitlines()) == 2
    assert "1 of 2 articles could not be read" in err
    plain = tmp_path / "story.txt"
    plain.write_text("Leaders will meet in Tokyo.\nThey will talk trade.\n")
    code, out, _ = run(capsys, "extract", "--jsonl", str(plain))
    assert code == EXIT_SOME_FAILED and all(
        "error" in json.loads(line) for line in out.splitlines()
    )


def test_a_pdf_is_named_as_a_pdf_not_as_bad_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n1 0 obj\n")
    code, _, err = run(capsys, "extract", str(path))
    assert code == EXIT_SOME_FAILED
    assert "PDF files are not read" in err and "UTF-8" not in err
    unnamed = tmp_path / "download"
    unnamed.write_bytes(path.read_bytes())
    assert "PDF files are not read" in run(capsys, "extract", str(unnamed))[2]


def test_a_folder_reads_text_markdown_and_html_and_counts_what_it_skips(
    tmp_path: Path, db_url: str, scripted: StandInExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    scripted.say("Leaders meet", summit("2025-02-07", "JP", "US", location="Tokyo"))
    scripted.say("# Ministers gather", summit("2025-03-01", "FR", "DE", type="meeting"))
    scripted.say("Talks resume.", summit("2025-04-01", "CN", "IN", type="meeting"))
    folder = tmp_path / "news"
    (folder / "deep").mkdir(parents=True)
    (folder / "page.html").write_text(PAGE)
    (folder / "notes.md").write_text("# Ministers gather\n\nIn Paris.")
    (folder / "deep" / "story.txt").write_text("Talks resume.")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "annex.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x00")
    code, out, _ = run(capsys, "ingest", str(folder), "--date", "2025-02-03", "-q", "--db", db_url)
    assert code == EXIT_OK, out
    assert "3 read: 3 new, 0 already known, 0 failed" in out
    assert "skipped:  3 files of kinds never read (2 .pdf, 1 .png)" in out
    page_text = scripted.texts["Leaders meet"]  # the article, without the menu or footer
    assert "Leaders of Japan" in page_text and "Home | World" not in page_text
    code, out, _ = run(capsys, "ingest", str(folder), "--json", "-q", "--db", db_url)
    assert json.loads(out)["skipped_files"] == {".pdf": 2, ".png": 1}
    (folder / "broken.txt").write_bytes(b"\xff\xfe broken")
    code, out, _ = run(capsys, "ingest", str(folder), "-q", "--db", db_url)
    assert code == EXIT_SOME_FAILED and "broken.txt" in out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["timeline", "--limit", "-1"], "argument --limit: '-1' is out of bounds"),
        (["timeline", "--limit", "many"], "argument --limit: 'many' is not a whole number"),
        (["export", "--ics", "-", "--limit", "-5"], "'-5' is out of bounds"),
        (["ingest", "-", "--batch", "0"], "argument --batch: '0' is out of bounds: give a whole"),
        (["event", "0"], "argument id: '0' is out of bounds"),
        (["event", "99999999999999999999"], "is out of bounds"),
        (["extract", "-", "--indent", "-2"], "argument --indent: '-2' is out of bounds"),
        (["timeline", "--frm", "2025"], "unrecognized arguments: --frm 2025"),
    ],
)
def test_arguments_out_of_bounds_are_usage_errors(
    argv: list[str], said: str, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = (
        run(capsys, *argv, "--db", db_url) if argv[0] != "extract" else run(capsys, *argv)
    )
    assert code == EXIT_USAGE
    assert said in err and "Traceback" not in err


def test_table_cells_stay_on_one_line_and_spans_are_whole(
    db_url: str, scripted: StandInExtractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scripted.say(
        "G7 leaders meet.",
        summit("2025-06-15", "JP", "US", end_date="2025-06-17", location="Kananaskis,\nAlberta"),
    )
    story = tmp_path / "g7.txt"
    story.write_text("G7 leaders meet.")
    assert run(capsys, "ingest", str(story), "--date", "2025-02-01", "--db", db_url)[0] == 0
    out = run(capsys, "timeline", "--db", db_url)[1]
    header, row = out.splitlines()
    assert "2025-06-15..2025-06-17" in row
    assert row.endswith("Japan–United States summit, Kananaskis, Alberta")
    assert header.index("DATE") == row.index("2025-06-15")
