"""``diplobot outbox list [--failed]`` and ``diplobot outbox retry ID``: the messages waiting
to go out or that did not, and one sent again; through the same service as ``/status``.

This process only queues: the running bot sends a retried message at its next pass.
"""

from __future__ import annotations

import argparse
import json
import sys

from bot.cli.db import add_database_option, open_app
from bot.render import MessageLine, plain_text, utc_text
from bot.services.errors import Refused, sentence


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "outbox",
        help="messages waiting or failed; send a failed one again",
        description=(
            "List the messages waiting to be sent (or, with --failed, those Discord refused, "
            "given up on or lost with their channel, with the reason), or queue a failed one "
            "again by its number. The running bot sends it."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="waiting messages, or failed ones with --failed")
    listing.add_argument("--failed", action="store_true", help="failed messages, newest first")
    listing.add_argument("--guild", type=int, metavar="ID", help="only this server's")
    listing.add_argument("--limit", type=int, default=100, metavar="N")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    add_database_option(listing)
    listing.set_defaults(func=run_list)
    retry = actions.add_parser("retry", help="queue a failed message again")
    retry.add_argument("id", type=int, metavar="ID", help="its number (from outbox list --failed)")
    add_database_option(retry)
    retry.set_defaults(func=run_retry)


def _line(m: MessageLine) -> str:
    where = f"channel {m.channel_id}" if m.channel_id else "the server's notice channel"
    head = f"#{m.id} {m.kind} -> {where} (server {m.guild_id})"
    if m.failed_at is not None:
        return f"{head}: failed {utc_text(m.failed_at)}: {plain_text(m.reason)}"
    return f"{head}: due {utc_text(m.due_at)}, {m.attempts} tries so far"


def _json(m: MessageLine) -> str:
    return json.dumps(
        {
            "id": m.id,
            "kind": m.kind,
            "guild_id": m.guild_id,
            "channel_id": m.channel_id,
            "due_at": m.due_at.isoformat(),
            "failed_at": m.failed_at.isoformat() if m.failed_at else None,
            "reason": m.reason,
            "attempts": m.attempts,
        }
    )


def run_list(args: argparse.Namespace) -> int:
    app = open_app(args, "diplobot outbox list")
    if app is None:
        return 1
    try:
        status = app.status
        lines = (status.failed if args.failed else status.pending)(args.guild, args.limit)
    finally:
        app.database.dispose()
    for line in lines:
        print(_json(line) if args.json else _line(line))
    if not lines and not args.json:
        print("no failed messages" if args.failed else "no messages waiting")
    return 0


def run_retry(args: argparse.Namespace) -> int:
    app = open_app(args, "diplobot outbox retry")
    if app is None:
        return 1
    try:
        line = app.status.retry(args.id)
    except Refused as exc:
        print(f"diplobot outbox retry: {sentence(str(exc))}", file=sys.stderr)
        return 1
    finally:
        app.database.dispose()
    print(f"message #{line.id} ({line.kind}) is queued again; the running bot sends it")
    return 0
