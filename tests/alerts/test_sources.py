"""An alert names where its news came from as people know it: the outlet or feed (with the
headline), or the news channel and its author, with the link; never a file path or a whole
first line."""

from __future__ import annotations

from datetime import date

from bot.extract.model import Article
from bot.news.channels import MessageText
from bot.timeline import IngestContext
from storage.db import Database
from tests.support.world import CHANNEL, GUILD, OTHER_CHANNEL, World, event, make_world

DAY = date(2025, 2, 1)


async def _source_of_alert(world: World) -> str:
    await world.sender.run_until_idle()
    (message,) = world.publisher.sent
    return dict(message.payload["card"]["fields"])["Source"]


async def test_a_feed_alert_names_the_feed_and_headline_with_the_link(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL)
    world.extractor.say("feed-entry-1", event("2025-03-03"))
    article = Article(
        text="EU and China to meet\n\nreport", dct=DAY, id="feed-entry-1",
        title="EU and China to meet", source="Reuters World", url="https://ex.com/eu-china",
    )  # fmt: skip
    world.timeline.ingest(article, context=IngestContext(source="Reuters World"))
    source = await _source_of_alert(world)
    assert source == "[Reuters World: EU and China to meet](<https://ex.com/eu-china>)"


async def test_a_file_from_the_command_line_never_shows_its_path(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL)
    world.extractor.say("EU and China leaders will meet", event("2025-03-03"))
    article = Article(text="EU and China leaders will meet\n", dct=DAY, id="articles/a1.txt")
    world.timeline.ingest(
        article, ref="articles/a1.txt", context=IngestContext(source="added from the command line")
    )
    source = await _source_of_alert(world)
    assert "articles/a1.txt" not in source and source == "added from the command line"


async def test_a_news_channel_alert_names_channel_and_author_with_the_link(
    db: Database,
) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL)
    text = "EU and China leaders will meet in Brussels on March 3, officials said on Monday."
    world.extractor.say(text, event("2025-03-03"))
    link = f"https://discord.com/channels/{GUILD}/{OTHER_CHANNEL}/42"
    message = MessageText(
        guild_id=GUILD, channel_id=OTHER_CHANNEL, message_id=42, channel_name="world-news",
        created=DAY, text=text, author="Alice", url=link,
    )  # fmt: skip
    await world.app.news_channels.read(message)
    source = await _source_of_alert(world)
    assert source == f"[\\#world-news, posted by Alice](<{link}>)"
    assert "Brussels" not in source  # not the message's first line
