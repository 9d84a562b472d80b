"""The one error a user can cause in a service: a refusal whose message says what to do.

Services raise :class:`Refused` with a short reason; the Discord layer answers it as an
ephemeral sentence and the command line prints it, so neither translates errors itself.
"""

from __future__ import annotations


class Refused(Exception):
    """What a user asked for cannot be done; ``str(error)`` says why and what to do instead."""


def sentence(text: str) -> str:
    """A reason as a sentence: capital first letter, one full stop."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


__all__ = ["Refused", "sentence"]
