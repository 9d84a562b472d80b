"""What the bot needs from Discord, and what it has: the permissions each feature needs, the
invite link that asks for exactly those, and Discord's own rule for a member's permissions in
a channel (pure functions over REST payloads, so ``doctor`` needs no gateway connection)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import discord

from bot.services.health import FEED_POSTS, NEWS, NOTICES, PICTURES, SUBSCRIPTIONS

SCOPES = ("bot", "applications.commands")
AUTHORIZE_URL = "https://discord.com/oauth2/authorize"
ALL = discord.Permissions.all().value
ADMINISTRATOR = discord.Permissions(administrator=True).value
# Application flags that mean the message-content intent is switched on in the portal.
MESSAGE_CONTENT_FLAGS = (
    discord.ApplicationFlags.gateway_message_content.flag
    | discord.ApplicationFlags.gateway_message_content_limited.flag
)


@dataclass(frozen=True, slots=True)
class Need:
    """Permissions a feature needs, and why (said to the admin as it is)."""

    permissions: discord.Permissions
    why: str

    def names(self) -> list[str]:
        return permission_names(self.permissions.value)


POSTING = Need(
    discord.Permissions(view_channel=True, send_messages=True, embed_links=True),
    "post alerts, reminders, digests and notices in the channels that asked for them",
)
FILES = Need(
    discord.Permissions(attach_files=True),
    "/export answers with an .ics file; a digest with picture:on carries a PNG",
)
NEWS_READING = Need(
    discord.Permissions(view_channel=True, read_message_history=True),
    "read the messages of news channels (DIPLOBOT_READ_NEWS_CHANNELS)",
)
MIRRORING = Need(
    discord.Permissions(create_events=True, manage_events=True),
    "/mirror copies upcoming events into the server's event list",
)
# A channel's uses (bot.services.health) and what each needs there.
CHANNEL_NEEDS: dict[str, Need] = {
    SUBSCRIPTIONS: POSTING,
    FEED_POSTS: POSTING,
    NOTICES: POSTING,
    NEWS: NEWS_READING,
    PICTURES: Need(
        discord.Permissions(attach_files=True),
        "attach the picture of the next 14 days to this channel's digest (picture:on)",
    ),
}


# discord.py's attribute names where Discord's settings screens say something else.
_SHOWN_AS = {"read_messages": "View Channels", "manage_guild": "Manage Server"}


def permission_names(value: int) -> list[str]:
    """``["View Channels", "Send Messages"]``: a bit set as Discord's settings name it."""
    return [
        _SHOWN_AS.get(name) or name.replace("_", " ").title()
        for name, on in discord.Permissions(value)
        if on
    ]


def invite_needs(*, read_news_channels: bool) -> list[Need]:
    """What the enabled features need, feature by feature."""
    needs = [POSTING, FILES, MIRRORING]
    if read_news_channels:
        needs.insert(1, NEWS_READING)
    return needs


def permission_value(needs: Iterable[Need]) -> int:
    value = 0
    for need in needs:
        value |= need.permissions.value
    return value


def invite_url(client_id: int, permissions: int, guild_id: int | None = None) -> str:
    """The OAuth2 link that adds the bot with its slash commands and these permissions."""
    query: dict[str, str | int] = {
        "client_id": client_id,
        "scope": " ".join(SCOPES),
        "permissions": permissions,
    }
    if guild_id:
        query.update(guild_id=guild_id, disable_guild_select="true")
    return f"{AUTHORIZE_URL}?{urlencode(query)}"


def application_id_from_token(token: str) -> int | None:
    """A bot token starts with its user id in base64; a bot's user id is its application id."""
    head = token.strip().split(".", 1)[0]
    try:
        decoded = base64.b64decode(head + "=" * (-len(head) % 4), validate=False).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(decoded) if decoded.isdigit() else None


def base_permissions(
    guild: Mapping[str, Any], member_roles: Sequence[int | str], user_id: int
) -> int:
    """A member's server-wide permissions (Discord's rule: owner, @everyone, roles, admin)."""
    if int(guild.get("owner_id") or 0) == user_id:
        return ALL
    roles = {int(r["id"]): int(r.get("permissions") or 0) for r in guild.get("roles", [])}
    value = roles.get(int(guild["id"]), 0)
    for role in member_roles:
        value |= roles.get(int(role), 0)
    return ALL if value & ADMINISTRATOR else value


def channel_permissions(
    base: int,
    overwrites: Iterable[Mapping[str, Any]],
    guild_id: int,
    member_roles: Sequence[int | str],
    user_id: int,
) -> int:
    """Apply a channel's overwrites: @everyone, then the member's roles together, then the
    member; without View Channel nothing else counts."""
    if base & ADMINISTRATOR:
        return ALL
    by_id = {int(o["id"]): (int(o.get("allow") or 0), int(o.get("deny") or 0)) for o in overwrites}
    value = base
    allow, deny = by_id.get(guild_id, (0, 0))
    value = (value & ~deny) | allow
    role_ids = {int(r) for r in member_roles}
    roles_allow = roles_deny = 0
    for ident, (a, d) in by_id.items():
        if ident in role_ids:
            roles_allow |= a
            roles_deny |= d
    value = (value & ~roles_deny) | roles_allow
    allow, deny = by_id.get(user_id, (0, 0))
    value = (value & ~deny) | allow
    if not value & discord.Permissions(view_channel=True).value:
        return 0
    return value


__all__ = [
    "CHANNEL_NEEDS",
    "MESSAGE_CONTENT_FLAGS",
    "MIRRORING",
    "NEWS_READING",
    "POSTING",
    "SCOPES",
    "Need",
    "application_id_from_token",
    "base_permissions",
    "channel_permissions",
    "invite_needs",
    "invite_url",
    "permission_names",
    "permission_value",
]
