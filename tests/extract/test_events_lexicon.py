"""Trigger starts: a pattern is only tried where its first word can begin."""

from __future__ import annotations

from bot.extract.lexicon import load_lexicon, stems


def test_starts_cover_optional_leading_groups_and_whole_short_words() -> None:
    found = stems(["(?:officially )?(?:joined|joins) the", "en route to", "depart(?:s|ed)? for"])
    assert {"offic", "joine", "joins", "en ", "depar"} <= found


def test_a_short_whole_word_start_does_not_fire_inside_longer_words() -> None:
    lexicon = load_lexicon()
    text = "The energy envoy went en route to Tokyo."
    starts = [m.group(0).lower() for m in lexicon.stem_pattern.finditer(text)]
    assert "en" in starts and starts.count("en") == 1
