"""`diplobot extract` starts without the app: the speed bar is measured on a whole process."""

from __future__ import annotations

import subprocess
import sys


def test_extract_loads_neither_the_app_nor_the_database_layer() -> None:
    code = (
        "import sys; from bot.cli import build_parser; "
        "build_parser('extract').parse_args(['extract', '--jsonl', '-']); "
        "print(sorted(m for m in ('bot.app', 'sqlalchemy', 'discord') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_command_is_still_listed_and_parsed() -> None:
    from bot.cli import build_parser

    assert "demo" in build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    # a name whose module is not named after it falls back to the full parser
    assert build_parser("sync-commands").parse_args(["sync-commands"]).command == "sync-commands"
