"""Display names of participant codes, read from the gazetteer's data files.

Countries come from ``config/gazetteer/countries.json`` and bodies from
``config/gazetteer/bodies.toml`` (its ``label``, through the gazetteer's ``body_labels``):
the files the extractor reads, so a code the extractor can emit always has a name here,
and a new body needs no code.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import config
from bot.extract.gazetteer import body_labels

GAZETTEER_DIR = Path(config.__file__).resolve().parent / "gazetteer"


@cache
def body_names() -> dict[str, str]:
    """SPEC body codes -> display names ("EU" -> "EU", "AFU" -> "African Union")."""
    return body_labels(GAZETTEER_DIR)


@cache
def country_names() -> dict[str, str]:
    """ISO alpha-2 codes (and codes of states that no longer exist) -> common names."""
    data = json.loads((GAZETTEER_DIR / "countries.json").read_text(encoding="utf-8"))
    return {str(c["code"]): str(c["name"]) for c in data["countries"]}


def participant_name(code: str) -> str:
    """A short display name for a participant code; the code itself when unknown."""
    return body_names().get(code) or country_names().get(code) or code


def participants_text(codes: list[str] | tuple[str, ...]) -> str:
    """``Japan, United States``; a dash when there are none."""
    names = [participant_name(c) for c in codes]
    return ", ".join(names) if names else "—"


__all__ = ["body_names", "country_names", "participant_name", "participants_text"]
