"""``diplobot`` with no command: the bot's main job in one command.

With ``DISCORD_TOKEN`` set it is ``diplobot run``; without one it shows the offline demo on
the embedded SQLite database (``diplobot demo``) and says how to run the real bot, so a new
user's first command always shows something. Services call ``diplobot run``, which refuses
to start without a token rather than falling back to a demo.
"""

from __future__ import annotations

import argparse
import sys

from bot.cli import demo
from bot.cli import run as run_command
from config.settings import Settings

DEMO_INSTEAD = (
    "diplobot: no DISCORD_TOKEN in the environment, so this is the offline demo on a "
    "throwaway SQLite database. To run the bot, set DISCORD_TOKEN (see docs/hosting.md); "
    "`diplobot --help` lists every command."
)


def main_job(args: argparse.Namespace) -> int:
    """Run the bot when a token is set, else the offline demo."""
    settings = Settings.load()  # a bad setting: one sentence and exit 2, from bot.__main__
    if run_command.has_token(settings):
        return run_command.run_bot()
    print(DEMO_INSTEAD, file=sys.stderr)
    return demo.run(argparse.Namespace(articles=demo.DEMO_DIR, keep=None))


__all__ = ["DEMO_INSTEAD", "main_job"]
