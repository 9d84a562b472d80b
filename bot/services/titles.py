"""Readable event titles ("Summit: Japan–United States") from a type and participant codes."""

from __future__ import annotations

from functools import cache

import pycountry

from bot.extract.gazetteer import body_labels

# Body codes and their display names come from the one list, config/gazetteer/bodies.toml.
BODY_NAMES: dict[str, str] = body_labels()
# Short names people use where pycountry's are formal ("Russian Federation").
SHORT_NAMES: dict[str, str] = {
    "RU": "Russia",
    "GB": "United Kingdom",
    "BN": "Brunei",
    "VA": "Vatican",
    "CD": "DR Congo",
    "PS": "Palestine",
    "FM": "Micronesia",
    "TR": "Turkey",
    # Codes of states that no longer exist, which older news (Reuters 1987) still needs.
    "SU": "Soviet Union",
    "DD": "East Germany",
    "YU": "Yugoslavia",
    "CS": "Czechoslovakia",
}
MAX_NAMED = 4


@cache
def participant_name(code: str) -> str:
    """A short display name for a participant code; the code itself when unknown."""
    if code in BODY_NAMES:
        return BODY_NAMES[code]
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def event_title(event_type: str, participants: list[str] | tuple[str, ...]) -> str:
    """``Summit: Japan–United States``; long lists end in ``+N``."""
    label = event_type.capitalize()
    names = sorted(participant_name(code) for code in participants)
    if not names:
        return label
    shown = names[:MAX_NAMED]
    rest = len(names) - len(shown)
    joined = "–".join(shown) + (f" +{rest}" if rest else "")
    return f"{label}: {joined}"
