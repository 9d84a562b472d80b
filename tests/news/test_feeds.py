"""Feeds parsed from bytes: RSS and Atom, HTML summaries, identities that survive edits."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.news.feeds import FeedParseError, parse_feed
from tests.support.feed_server import Item, rss

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <entry>
    <title>G7 finance ministers to meet in Tokyo</title>
    <link rel="alternate" href="/world/g7-tokyo"/>
    <id>tag:wire,2025:1</id>
    <updated>2025-02-03T09:30:00Z</updated>
    <summary type="html">&lt;p&gt;Ministers &lt;b&gt;will meet&lt;/b&gt; on Friday.&lt;/p&gt;
    </summary>
  </entry>
</feed>"""


def test_rss_entries_with_text_from_html_and_dates() -> None:
    body = rss(
        [
            Item(
                "EU-China summit set",
                "https://wire.test/a?utm_source=rss",
                "<p>The <b>summit</b> will be held</p><p>on March 3.</p>",
            )
        ]
    )
    feed = parse_feed(body, "https://wire.test/rss")
    assert feed.title == "Loopback Wire"
    (entry,) = feed.entries
    assert entry.summary == "The summit will be held\non March 3."
    assert entry.key == "url:https://wire.test/a"  # tracking parameter gone
    assert entry.published == datetime(2025, 2, 1, 8, 0, tzinfo=UTC)
    assert entry.summary_only


def test_atom_relative_links_resolve_against_the_feed_address() -> None:
    feed = parse_feed(ATOM, "https://atom.test/feed.xml")
    (entry,) = feed.entries
    assert entry.link == "https://atom.test/world/g7-tokyo"
    assert entry.summary == "Ministers will meet on Friday."
    assert entry.dct is not None and entry.dct.isoformat() == "2025-02-03"


def test_identity_survives_new_guids_and_dates() -> None:
    first = parse_feed(rss([Item("T", "https://wire.test/x", "s", guid="g1")]))
    again = parse_feed(
        rss(
            [
                Item(
                    "T",
                    "https://wire.test/x/",
                    "s",
                    guid="g2-regenerated",
                    published=datetime(2025, 2, 9, tzinfo=UTC),
                )
            ]
        )
    )
    assert first.entries[0].key == again.entries[0].key


def test_entries_without_links_are_keyed_by_their_words() -> None:
    body = rss([Item("Talks  resume", "", "Delegations met.", guid="1")])
    other = rss([Item("Talks resume", "", "Delegations  met.", guid="2")])
    assert parse_feed(body).entries[0].key == parse_feed(other).entries[0].key
    assert parse_feed(body).entries[0].key.startswith("sha256:")


def test_full_content_is_used_when_the_feed_carries_it() -> None:
    long_text = "The leaders will meet in Geneva next week. " * 30
    body = rss([Item("Long", "https://wire.test/l", "short", content=f"<p>{long_text}</p>")])
    (entry,) = parse_feed(body).entries
    assert not entry.summary_only
    assert entry.text.startswith("The leaders will meet")


@pytest.mark.parametrize(
    "body",
    [b"<html><body><p>Welcome to our site</p></body></html>", b"", b"\x00\x01binary"],
)
def test_a_page_that_is_not_a_feed_is_refused_with_a_hint(body: bytes) -> None:
    with pytest.raises(FeedParseError, match="not an RSS or Atom feed"):
        parse_feed(body)


def test_a_cut_off_feed_is_an_error_but_its_complete_entries_are_kept() -> None:
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title>'
    with pytest.raises(FeedParseError, match="cut off"):
        parse_feed(head + b"<item><title>Summ")
    whole = b"<item><title>One</title><link>https://wire.test/1</link></item>"
    partial = parse_feed(head + whole + b"<item><title>Summit to be held in Gen")
    assert [e.title for e in partial.entries] == ["One"]
