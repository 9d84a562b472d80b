"""Display names of participant codes, read from the gazetteer's data files.

Countries come from ``config/gazetteer/countries.json`` and bodies from
``config/gazetteer/bodies.toml`` (its ``label``, through the gazetteer's ``body_labels``):
the files the extractor reads, so a code the extractor can emit always has a name here,
and a new body needs no code.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache, lru_cache
from pathlib import Path

import config
from bot.extract.gazetteer import body_labels, default_gazetteer

PLACE_KINDS = ("country", "capital", "city", "region")

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


@cache
def body_members() -> dict[str, frozenset[str]]:
    """Body code -> the member countries titles fold into it (``members`` and
    ``title_members`` in ``bodies.toml``)."""
    with (GAZETTEER_DIR / "bodies.toml").open("rb") as handle:
        bodies = tomllib.load(handle)["bodies"]
    return {
        b["code"]: frozenset([*b.get("members", ()), *b.get("title_members", ())])
        for b in bodies
        if (b.get("members") or b.get("title_members")) and b.get("participant", True)
    }


@lru_cache(maxsize=4096)
def place_country(place: str) -> tuple[str, str] | None:
    """(country code, kind) of a place as the news named it ("Washington" -> US, capital);
    None when the gazetteer does not know it as a country, capital, city or region."""
    for mention in default_gazetteer().find(place, None):
        if mention.kind in PLACE_KINDS and mention.start == 0:
            return mention.code, mention.kind
    return None


def participant_name(code: str) -> str:
    """A short display name for a participant code; the code itself when unknown."""
    return body_names().get(code) or country_names().get(code) or code


def participants_text(codes: list[str] | tuple[str, ...]) -> str:
    """``Japan, United States``; a dash when there are none."""
    names = [participant_name(c) for c in codes]
    return ", ".join(names) if names else "—"


__all__ = [
    "body_members",
    "body_names",
    "country_names",
    "participant_name",
    "participants_text",
    "place_country",
]
