"""Command-line entry point: ``diplobot COMMAND ...`` (see ``diplobot --help``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.cli import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
