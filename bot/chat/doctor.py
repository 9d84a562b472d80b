"""``diplobot doctor``'s questions to Discord, over its REST API (no gateway connection):
is the token good, is the message-content intent on when news channels are read, are the
slash commands published, and does the bot hold, in every channel and server it serves, the
permissions that use needs. Each answer is a :class:`bot.services.health.Check`."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import aiohttp
import discord
from discord.http import HTTPClient

from bot.chat.endpoint import EndpointError, endpoint_from, point_discord_at
from bot.chat.permissions import (
    CHANNEL_NEEDS,
    MESSAGE_CONTENT_FLAGS,
    MIRRORING,
    Need,
    base_permissions,
    channel_permissions,
    permission_names,
)
from bot.services.health import NEWS, ChannelUse, Check, Footprint
from config.settings import Settings

THREAD_TYPES = {10, 11, 12}
UNREACHABLE = Check(
    "fail",
    "Discord could not be reached",
    "check this machine's network connection and DNS, then run doctor again",
)


async def discord_checks(settings: Settings, token: str, footprint: Footprint) -> list[Check]:
    """Every Discord-side check, in the order an admin fixes them (against the Discord, or
    Discord-compatible server, the settings name)."""
    try:
        point_discord_at(endpoint_from(settings))
    except EndpointError as exc:
        return [Check("fail", str(exc), "correct the setting, or unset it to use Discord")]
    http = HTTPClient(asyncio.get_running_loop())
    try:
        return await _checks(http, settings, token, footprint)
    except (aiohttp.ClientError, OSError):
        return [UNREACHABLE]
    finally:
        await http.close()


async def _checks(
    http: HTTPClient, settings: Settings, token: str, footprint: Footprint
) -> list[Check]:
    try:
        me = await http.static_login(token)
    except discord.LoginFailure:
        return [
            Check(
                "fail",
                "Discord rejected the token in DISCORD_TOKEN",
                "reset it in the developer portal (Bot > Reset Token) and set the new one",
            )
        ]
    user_id = int(me["id"])
    checks = [Check("ok", f"token accepted: the bot is {me['username']} (user {user_id})")]
    info = await http.application_info()
    checks.append(_intent_check(int(info.get("flags") or 0), settings, footprint))
    checks.append(await _commands_check(http, int(info["id"]), settings.dev_guild_id))
    for guild_id in footprint.guilds:
        channels = [c for c in footprint.channels if c.guild_id == guild_id]
        mirrors = guild_id in footprint.mirror_guilds
        checks += await _guild_checks(http, guild_id, user_id, channels, mirrors)
    return checks


def _intent_check(flags: int, settings: Settings, footprint: Footprint) -> Check:
    enabled = bool(flags & MESSAGE_CONTENT_FLAGS)
    news = sum(NEWS in c.uses for c in footprint.channels)
    if settings.read_news_channels and not enabled:
        return Check(
            "fail",
            "DIPLOBOT_READ_NEWS_CHANNELS is true but the Message Content intent is off, so "
            "Discord will refuse the bot's connection",
            "switch on Message Content Intent (developer portal > Bot > Privileged Gateway "
            "Intents), or set DIPLOBOT_READ_NEWS_CHANNELS=false",
        )
    if news and not settings.read_news_channels:
        return Check(
            "warn",
            f"{news} news channels are marked but DIPLOBOT_READ_NEWS_CHANNELS is false: "
            "their messages are not read",
            "set DIPLOBOT_READ_NEWS_CHANNELS=true (and switch on Message Content Intent)",
        )
    said = "on" if enabled else "off (not needed: news channels are not read)"
    return Check("ok", f"Message Content intent {said}")


async def _commands_check(http: HTTPClient, application_id: int, dev_guild: int | None) -> Check:
    published = await http.get_global_commands(application_id)
    if published:
        return Check("ok", f"{len(published)} slash commands published to every server")
    if dev_guild:
        return Check(
            "warn",
            f"no global slash commands: only the development server {dev_guild} gets them "
            "(DIPLOBOT_DEV_GUILD_ID) when the bot starts",
            "run `diplobot sync-commands` once to publish them to every server",
        )
    return Check(
        "fail",
        "no slash commands are published, so no server can use the bot",
        "run `diplobot sync-commands` once (they may take up to an hour to show)",
    )


async def _guild_checks(
    http: HTTPClient, guild_id: int, user_id: int, channels: Sequence[ChannelUse], mirrors: bool
) -> list[Check]:
    try:
        guild = await http.get_guild(guild_id, with_counts=False)
        member = await http.get_member(guild_id, user_id)
    except (discord.NotFound, discord.Forbidden):
        return [
            Check(
                "fail",
                f"the bot is not in server {guild_id}, which has subscriptions, feeds or news "
                "channels",
                f"add it again with the link of `diplobot invite --guild {guild_id}`",
            )
        ]
    roles = member.get("roles") or []
    base = base_permissions(guild, roles, user_id)
    name = f"server {guild.get('name', guild_id)!r} ({guild_id})"
    checks: list[Check] = []
    if mirrors:
        checks.append(
            _verdict(base, [MIRRORING], f"{name}, for /mirror", "Server Settings > Roles")
        )
    for use in channels:
        checks.append(await _channel_check(http, guild, base, roles, user_id, use, name))
    return checks


async def _channel_check(
    http: HTTPClient,
    guild: dict[str, Any],
    base: int,
    roles: list[Any],
    user_id: int,
    use: ChannelUse,
    server: str,
) -> Check:
    try:
        channel = await http.get_channel(use.channel_id)
        if int(channel.get("type", 0)) in THREAD_TYPES and channel.get("parent_id"):
            channel = await http.get_channel(int(channel["parent_id"]))
    except discord.NotFound:
        return Check(
            "fail",
            f"channel {use.channel_id} of {server} ({', '.join(use.uses)}) no longer exists",
            "remove what points at it (/unsubscribe, /feeds remove, /newschannels remove)",
        )
    except discord.Forbidden:
        channel = {"name": str(use.channel_id), "permission_overwrites": None}
    overwrites = channel.get("permission_overwrites")
    have = (
        0
        if overwrites is None
        else channel_permissions(base, overwrites, int(guild["id"]), roles, user_id)
    )
    needs = list({CHANNEL_NEEDS[u].why: CHANNEL_NEEDS[u] for u in use.uses}.values())
    where = f"#{channel.get('name', use.channel_id)} ({use.channel_id}) in {server}"
    check = _verdict(have, needs, where, "Edit Channel > Permissions")
    if check.status == "ok" and use.paused:
        return Check(
            "warn",
            f"{where}: permissions are fine now but its subscriptions are paused",
            "run /subscribe there again with the same filters to resume them (they were paused "
            "when the bot could not post there)",
        )
    return check


def _verdict(have: int, needs: Sequence[Need], where: str, screen: str) -> Check:
    missing = 0
    for need in needs:
        missing |= need.permissions.value & ~have
    if not missing:
        return Check("ok", f"{where}: the bot has what it needs")
    why = "; ".join(n.why for n in needs if n.permissions.value & missing)
    return Check(
        "fail",
        f"{where}: the bot lacks {', '.join(permission_names(missing))}, needed to {why}",
        f"give the bot's role these permissions ({screen})",
    )


__all__ = ["discord_checks"]
