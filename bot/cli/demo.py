"""``diplobot demo``: what the bot would post, offline (placeholder until the demo lands)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="show what the bot posts, offline, no token needed")
    demo.set_defaults(func=lambda args: 0)
