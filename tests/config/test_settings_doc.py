"""The admin guide lists every setting with its true default: its table is the one
``config/settings.py`` writes (``scripts/settings_table.py --write`` refreshes it)."""

from __future__ import annotations

from pathlib import Path

from config.settings import SETTINGS_TABLE_END, SETTINGS_TABLE_START, Settings, settings_table

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "hosting.md"


def test_the_guide_lists_every_setting_as_the_code_defines_it() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    written = text.split(SETTINGS_TABLE_START, 1)[1].split(SETTINGS_TABLE_END, 1)[0].strip()
    assert written == settings_table(), "run: .venv/bin/python scripts/settings_table.py --write"
    assert len(written.splitlines()) == len(Settings.model_fields) + 2


def test_the_guide_is_linked_from_the_readme() -> None:
    readme = (GUIDE.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "(docs/hosting.md)" in readme
