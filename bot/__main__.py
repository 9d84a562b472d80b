"""Command-line entry point: ``diplobot COMMAND ...`` (see ``diplobot --help``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.cli import build_parser
from config.settings import SettingsError


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 2 after a usage error, 0 after --help
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except SettingsError as exc:  # a bad setting: one sentence, never a traceback
        print(f"diplobot: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
