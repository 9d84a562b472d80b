"""The error a bad setting raises, apart from the settings model so that commands which never
read settings (``diplobot extract``) can catch it without loading pydantic at start-up."""

from __future__ import annotations

# Exit code of a command stopped by a bad setting (2, like a bad command-line argument).
EXIT_CONFIG = 2


class SettingsError(ValueError):
    """A setting with a value it cannot have; ``str(error)`` is one sentence saying which,
    what it was, and what is allowed."""

    exit_code = EXIT_CONFIG
