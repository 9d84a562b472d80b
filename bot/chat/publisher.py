"""The thin publisher: an outbox row becomes one channel message, mentions disabled.

It sorts Discord's answers into what the sender needs to know: sent, try again later, the
channel is gone or closed to the bot (404/403: stop and pause), or the message itself was
refused (another 4xx: kept as failed with Discord's words, and the admins are told).
Rate limits are discord.py's job: it waits on 429s and buckets.

A row that carries a picture (a digest with ``picture:on``) is drawn here, in a worker
thread, and sent as a PNG attachment whose description (Discord's alt text) is the picture's
summary sentence. The layout is stored, not the PNG, so a resend draws the same picture and
carries the same nonce: Discord still drops the copy. A picture that cannot be drawn never
stops the digest: it goes without, and the log says why; so does a channel where the bot
may post but not attach files.
"""

from __future__ import annotations

import asyncio
import io
import logging

import aiohttp
import discord

from bot.alerts import kinds
from bot.alerts.messages import payload_card, payload_picture
from bot.alerts.notices import DEFAULT_PLACE
from bot.alerts.sender import SendResult
from bot.chat.embeds import NO_MENTIONS, card_embed
from bot.chat.reminder_buttons import remind_me_view
from bot.render import clip
from bot.render.draw import PICTURE_NAME, draw_png
from storage.repos.outbox import Claimed

log = logging.getLogger("diplobot.chat")
CONTENT_LIMIT = 2000
DMS_CLOSED_CODE = 50007  # Discord: "Cannot send messages to this user"
# Messages about one event that carry the "Remind me" button.
REMINDABLE_KINDS = frozenset({kinds.ALERT, kinds.REMINDER})


async def picture_file(message: Claimed) -> discord.File | None:
    """The row's picture as an attachment with its alt text, drawn off the event loop."""
    picture = payload_picture(message.payload)
    if picture is None:
        return None
    try:
        png = await asyncio.to_thread(draw_png, picture)
    except Exception:  # a drawing bug must not hold back the digest itself
        log.exception("drawing the picture of outbox row %s failed; sent without it", message.id)
        return None
    return discord.File(io.BytesIO(png), filename=PICTURE_NAME, description=picture.alt)


class Pace:
    """Spaces sends evenly below Discord's global limit (50 requests/s per bot).

    discord.py honours 429s after the fact; a burst of thousands of digests would meet
    hundreds of them, and Discord bans bots that collect too many invalid requests.
    """

    def __init__(self, per_second: float) -> None:
        self._interval = 1.0 / per_second
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            loop = asyncio.get_running_loop()
            now = loop.time()
            if self._next > now:
                await asyncio.sleep(self._next - now)
                now = self._next
            self._next = now + self._interval


class DiscordPublisher:
    """Sends outbox rows through a connected discord.py client."""

    def __init__(
        self,
        client: discord.Client,
        *,
        per_second: float = 45.0,
        admin_channel_id: int | None = None,
    ) -> None:
        self._client = client
        self._pace = Pace(per_second)
        self._admin_channel_id = admin_channel_id

    async def _target(self, message: Claimed) -> discord.abc.Messageable | None:
        if message.kind == kinds.MEMBER_DM:
            # Create DM (POST /users/@me/channels) gives the member's DM channel, or the
            # cached one; the message then goes there like any other.
            user_id = int(message.payload.get("dm_user") or message.channel_id)
            return await self._client.create_dm(discord.Object(id=user_id))
        if message.channel_id != DEFAULT_PLACE:
            return self._client.get_partial_messageable(
                message.channel_id, guild_id=message.guild_id
            )
        # A notice for a server that chose no channel: the installation's admin channel when
        # it is in that server, else the server's updates or system channel, if any.
        guild = self._client.get_guild(message.guild_id or 0)
        if guild is None:
            return None
        configured = guild.get_channel(self._admin_channel_id or 0)
        for channel in (configured, guild.public_updates_channel, guild.system_channel):
            if isinstance(channel, discord.TextChannel) and (
                channel.permissions_for(guild.me).send_messages
            ):
                return channel
        return None

    async def send(self, message: Claimed) -> SendResult:
        card = payload_card(message.payload)
        content = clip(str(message.payload.get("content") or ""), CONTENT_LIMIT) or None
        if card is None and content is None:
            return SendResult("rejected", reason="the message has nothing to show")
        target = await self._target(message)
        if target is None:
            return SendResult("rejected", reason="no channel to tell the server's admins in")
        embed = card_embed(card) if card is not None else None
        file = await picture_file(message)
        await self._pace.wait()
        view = None
        if message.kind in REMINDABLE_KINDS and message.event_id is not None:
            view = remind_me_view(message.event_id)
        try:
            try:
                sent = await target.send(
                    content=content,
                    embed=embed,
                    file=file or discord.utils.MISSING,
                    allowed_mentions=NO_MENTIONS,
                    nonce=message.nonce,
                    view=view or discord.utils.MISSING,
                )
            except discord.Forbidden:
                if file is None:
                    raise
                # Posting works but attaching may not (no Attach Files there): the digest
                # goes without its picture rather than pausing the channel. Discord made no
                # message of the refused request, so the nonce is still unused.
                log.warning(
                    "channel %s refused the picture of outbox row %s; sent without it",
                    message.channel_id,
                    message.id,
                )
                await self._pace.wait()
                sent = await target.send(
                    content=content,
                    embed=embed,
                    allowed_mentions=NO_MENTIONS,
                    nonce=message.nonce,
                    view=view or discord.utils.MISSING,
                )
        except discord.Forbidden as exc:
            if message.kind == kinds.MEMBER_DM:
                if exc.code == DMS_CLOSED_CODE:
                    return SendResult("dms_closed", reason="the member's DMs are closed")
                return SendResult("rejected", reason=f"Discord refused the DM ({exc.code})")
            return SendResult(
                "channel_lost", reason="the bot is missing permissions to post in the channel"
            )
        except discord.NotFound:
            if message.kind == kinds.MEMBER_DM:
                return SendResult("rejected", reason="Discord does not know this member")
            return SendResult("channel_lost", reason="the channel no longer exists")
        except discord.HTTPException as exc:
            if exc.status >= 500 or exc.status == 429:
                return SendResult("retry", reason=f"Discord answered {exc.status}")
            words = "; ".join(line.strip() for line in exc.text.splitlines() if line.strip())
            said = f": {words}" if words else ""
            return SendResult(
                "rejected", reason=clip(f"Discord refused the message ({exc.status}{said})", 300)
            )
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            return SendResult("retry", reason=f"network error ({type(exc).__name__})")
        return SendResult("sent", message_id=sent.id)


__all__ = ["DiscordPublisher"]
