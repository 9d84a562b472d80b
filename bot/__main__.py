"""Command-line entry point: ``diplobot COMMAND ...`` (see ``diplobot --help``); ``diplobot``
alone runs the bot's main job (``bot.cli.start``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.cli import build_parser
from config.errors import SettingsError


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    command = words[0] if words and not words[0].startswith("-") else None
    parser = build_parser(command)
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # argparse: 2 after a usage error, 0 after --help
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    work = getattr(args, "func", None)
    if work is None:  # no command: the bot's main job (imported only then: it loads the app)
        from bot.cli.start import main_job

        work = main_job
    try:
        return int(work(args) or 0)
    except SettingsError as exc:  # a bad setting: one sentence, never a traceback
        print(f"diplobot: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
