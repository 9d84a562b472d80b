"""Reading articles: DCTs from datelines, JSON lines, identities and clear errors for bad input."""

from __future__ import annotations

import json
from datetime import date

from bot.extract.model import Article
from bot.news.articles import article_from_text, article_key, check_article_text
from bot.news.files import read_articles


def test_text_article_takes_dct_from_dateline_unless_given() -> None:
    result = article_from_text("TOKYO, March 3, 1987 - Ministers met.", "a")
    assert result.article is not None and result.article.dct == date(1987, 3, 3)
    given = article_from_text("TOKYO, March 3, 1987 - Ministers met.", "a", date(1987, 3, 4))
    assert given.article is not None and given.article.dct == date(1987, 3, 4)


def test_a_yearless_dateline_takes_its_year_from_the_date_the_reader_gives() -> None:
    text = "EVIAN, France, Nov 14 (Reuters) - G7 leaders will meet in Evian on Monday."
    alone = article_from_text(text, "a")
    assert alone.article is not None and alone.article.dct is None, "no year: asked for one"
    cases = [
        (date(2026, 11, 16), date(2026, 11, 14)),  # read two days later: the dateline's day
        (date(2027, 1, 3), date(2026, 11, 14)),  # read in the new year: last year's November
        (date(2026, 11, 13), date(2026, 11, 14)),  # a wire a time zone ahead of the reader
    ]
    for given, expected in cases:
        result = article_from_text(text, "a", default_dct=given)
        assert result.article is not None and result.article.dct == expected, given
    leap = article_from_text("ROME, Feb 29 (Reuters) - Talks.", "b", default_dct=date(2025, 3, 2))
    assert leap.article is not None and leap.article.dct == date(2024, 2, 29)


def test_bad_inputs_get_sentences_not_exceptions(tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"a" * 1_000_001)
    errors = {r.ref.rsplit("/", 1)[-1]: r.error for r in read_articles(tmp_path) if r.error}
    assert "empty" in errors["empty.txt"]
    assert "binary" in errors["binary.txt"]
    assert "UTF-8" in errors["latin1.txt"]
    assert "limit" in errors["huge.txt"]


def test_jsonl_lines_keep_order_and_report_bad_lines(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "one", "text": "Talks.", "published": "1987-03-01T10:00:00"})
        + "\n"
        + "not json\n"
        + json.dumps({"id": "three", "text": "More.", "dct": "not a date"})
        + "\n"
    )
    results = list(read_articles(path))
    assert [r.ref for r in results] == ["one", "a.jsonl:2", "three"]
    assert results[0].article is not None and results[0].article.dct == date(1987, 3, 1)
    assert "not valid JSON" in (results[1].error or "")
    assert "ISO 8601" in (results[2].error or "")


def test_article_identity_is_canonical_url_else_folded_text_hash() -> None:
    a = Article("Talks\nbegin.", url="HTTPS://Example.com/news/1/?utm_source=x#top")
    b = Article("other text", url="https://example.com/news/1")
    assert article_key(a) == article_key(b)
    assert article_key(Article("Talks  begin.")) == article_key(Article("Talks\nbegin."))
    assert article_key(Article("Talks begin.")) != article_key(Article("Talks ended."))


def test_a_default_date_fills_in_only_for_articles_without_their_own(tmp_path) -> None:
    (tmp_path / "dated.txt").write_text("TOKYO, March 3, 1987 - Ministers met.")
    (tmp_path / "yearless.txt").write_text("TOKYO, March 3 - Ministers met.")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "own", "text": "Talks.", "dct": "1987-03-02"})
        + "\n"
        + json.dumps({"id": "none", "text": "Talks."})
        + "\n"
    )
    dcts = {
        r.ref.rsplit("/", 1)[-1]: r.article.dct
        for r in read_articles(tmp_path, default_dct=date(1987, 3, 4))
        if r.article is not None
    }
    assert dcts == {
        "dated.txt": date(1987, 3, 3),
        "yearless.txt": date(1987, 3, 3),  # its own day, in the year the reader gave
        "own": date(1987, 3, 2),
        "none": date(1987, 3, 4),
    }


def test_control_characters_count_but_white_space_does_not() -> None:
    """Tabs, line and page breaks are text; other control characters mark binary input."""
    spaced = "The ministers met.\t\n\r\f\v" * 20
    assert check_article_text(spaced) == (spaced, None)
    binary = "ab\x01\x02\x1b\x1f" * 50
    text, error = check_article_text(binary)
    assert text is None and error is not None and "binary" in error
