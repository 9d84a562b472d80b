"""The participants gazetteer: what a reader of a story would call a country,
body, place or office holder, resolved at the story's date."""

from __future__ import annotations

import functools
import importlib.util
import itertools
import json
from datetime import date, timedelta
from pathlib import Path

import pycountry
import pytest

from bot.extract.gazetteer import (
    BODY_CODES,
    HISTORICAL_CODES,
    Gazetteer,
    Mention,
    default_gazetteer,
)
from tests.support.work import count_calls

REPO = Path(__file__).resolve().parents[2]
REUTERS = REPO / ".." / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl"
G20_COUNTRIES = (
    "AR AU BR CA CN DE FR GB ID IN IT JP KR MX RU SA TR US ZA".split()
)  # plus EU and AU (the bodies), checked separately


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def codes(mentions: list[Mention], kind: str | None = None) -> list[str]:
    return [m.code for m in mentions if kind is None or m.kind == kind]


def texts(mentions: list[Mention]) -> list[str]:
    return [m.text for m in mentions]


# -- countries, short forms, demonyms, capitals ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks between the United States and Japan resumed.", ["US", "JP"]),
        (
            "The U.S. and the U.K. disagreed with Britain and Great Britain.",
            ["US", "GB", "GB", "GB"],
        ),
        ("USA and UK officials met in America.", ["US", "GB", "US"]),
        ("South Korea and S. Korea are the same; North Korea is not.", ["KR", "KR", "KP"]),
        ("Exports from Ivory Coast and Burma rose.", ["CI", "MM"]),
        ("Officials from Papua New Guinea and Guinea met.", ["PG", "GN"]),
        ("The Soviet Union, the USSR and East Germany voted.", ["SU", "SU", "DD"]),
        ("Yugoslavia and Czechoslovakia signed.", ["YU", "CS"]),
        ("Taiwan and Hong Kong exporters complained.", ["TW", "HK"]),
    ],
)
def test_country_names_and_short_forms(gaz: Gazetteer, sentence: str, expected: list[str]) -> None:
    assert codes(gaz.find(sentence, date(1987, 3, 1))) == expected


def test_demonyms_give_their_country(gaz: Gazetteer) -> None:
    found = gaz.find(
        "Japanese, American, British, French, Sudanese, Zambian and Indian officials "
        "joined the West German and Soviet delegations.",
        date(1987, 3, 1),
    )
    assert codes(found, "demonym") == ["JP", "US", "GB", "FR", "SD", "ZM", "IN", "DE", "SU"]


def test_hyphenated_pairs_give_both_sides(gaz: Gazetteer) -> None:
    found = gaz.find("U.S.-Japanese trade and Sino-Soviet ties", date(1987, 3, 1))
    assert codes(found) == ["US", "JP", "CN", "SU"]
    assert texts(found) == ["U.S.", "Japanese", "Sino", "Soviet"]


def test_longest_match_wins(gaz: Gazetteer) -> None:
    found = gaz.find("West Germany and South Korea, not Germany or Korea.", date(1987, 3, 1))
    assert texts(found) == ["West Germany", "South Korea", "Germany", "Korea"]
    assert codes(found) == ["DE", "KR", "DE", "KR"]


def test_capitals_stand_for_governments_and_are_marked(gaz: Gazetteer) -> None:
    found = gaz.find(
        "Washington, Tokyo, Peking, Bonn, Paris, London, Seoul, Taipei, Ottawa and Canberra "
        "reacted.",
        date(1987, 3, 1),
    )
    assert {m.kind for m in found} == {"capital"}
    assert codes(found) == ["US", "JP", "CN", "DE", "FR", "GB", "KR", "TW", "CA", "AU"]


def test_names_of_a_period_follow_the_date(gaz: Gazetteer) -> None:
    assert codes(gaz.find("the Kremlin said", date(1987, 3, 1))) == ["SU"]
    assert codes(gaz.find("the Kremlin said", date(2024, 3, 1))) == ["RU"]
    assert codes(gaz.find("officials in Moscow", date(1987, 3, 1))) == ["SU"]
    assert codes(gaz.find("officials in Moscow", date(2024, 3, 1))) == ["RU"]
    assert codes(gaz.find("troops in Congo", date(1990, 1, 1))) == ["CG"]
    assert codes(gaz.find("troops in Congo", date(2005, 1, 1))) == ["CD"]


def test_bonn_is_a_capital_only_while_it_was_one(gaz: Gazetteer) -> None:
    (then,) = gaz.find("Bonn said", date(1987, 3, 1))
    (now,) = gaz.find("Bonn said", date(2015, 3, 1))
    assert (then.kind, then.code) == ("capital", "DE")
    assert (now.kind, now.code) == ("city", "DE")


def test_cities_regions_and_seats_of_power(gaz: Gazetteer) -> None:
    found = gaz.find(
        "From Geneva to Osaka, Brussels, Venice and Toronto; the White House, the Elysee "
        "and Downing Street; Florida farmers.",
        date(1987, 3, 1),
    )
    assert [(m.text, m.kind, m.code) for m in found] == [
        ("Geneva", "city", "CH"),
        ("Osaka", "city", "JP"),
        ("Brussels", "capital", "BE"),
        ("Venice", "city", "IT"),
        ("Toronto", "city", "CA"),
        ("White House", "city", "US"),
        ("Elysee", "city", "FR"),
        ("Downing Street", "city", "GB"),
        ("Florida", "region", "US"),
    ]


def test_names_that_are_not_countries_are_swallowed(gaz: Gazetteer) -> None:
    found = gaz.find(
        "Latin America owes the Paris Club; Bank of America, the National Security Council "
        "and the Andean Common Market; the Uruguay Round.",
        date(1987, 3, 1),
    )
    assert codes(found) == ["GATT"]


# -- bodies and groups ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("European Community", "EU"),
        ("EEC", "EU"),
        ("Common Market", "EU"),
        ("European Commission", "EU"),
        ("European Union", "EU"),
        ("United Nations", "UN"),
        ("U.N.", "UN"),
        ("General Agreement on Tariffs and Trade", "GATT"),
        ("World Trade Organization", "WTO"),
        ("International Monetary Fund", "IMF"),
        ("Organisation for Economic Co-operation and Development", "OECD"),
        ("Organization for Economic Cooperation and Development", "OECD"),
        ("Asia-Pacific Economic Cooperation", "APEC"),
        ("African Union", "AU"),
        ("Organization of African Unity", "AU"),
        ("Gulf Cooperation Council", "GCC"),
        ("Group of 20", "G20"),
        ("Group of Seven", "G7"),
        ("G-7", "G7"),
        ("G7", "G7"),
        ("NATO", "NATO"),
        ("OPEC", "OPEC"),
        ("ASEAN", "ASEAN"),
    ],
)
def test_bodies_by_any_name(gaz: Gazetteer, name: str, code: str) -> None:
    (mention,) = gaz.find(f"A statement from the {name} on Monday.", date(1987, 3, 1))
    assert (mention.kind, mention.code, mention.text) == ("body", code, name)


def test_groups_carry_their_members(gaz: Gazetteer) -> None:
    g5, g7, g10a, g10b = gaz.find(
        "The Group of Five, the Group of Seven, the G-10 and the Group of 10 met.",
        date(1987, 3, 1),
    )
    assert g5.members == ("DE", "FR", "GB", "JP", "US")
    assert g5.code not in BODY_CODES  # not a participant code: expand the members
    assert g7.code == "G7" and g7.members == ("CA", "DE", "FR", "GB", "IT", "JP", "US")
    members_g10 = ("BE", "CA", "CH", "DE", "FR", "GB", "IT", "JP", "NL", "SE", "US")
    assert g10a.members == g10b.members == members_g10


# -- people ---------------------------------------------------------------------------


def test_surname_in_office_gives_person_and_country(gaz: Gazetteer) -> None:
    (trump,) = gaz.find("Trump will meet reporters.", date(2025, 2, 6))
    assert (trump.kind, trump.code, trump.name, trump.role) == (
        "person",
        "US",
        "Donald Trump",
        "leader",
    )


def test_leaders_of_1987(gaz: Gazetteer) -> None:
    found = gaz.find("Reagan and Nakasone agreed; Baker and Lawson did not.", date(1987, 5, 1))
    assert [(m.name, m.code, m.role) for m in found] == [
        ("Ronald Reagan", "US", "leader"),
        ("Yasuhiro Nakasone", "JP", "leader"),
        ("James Baker", "US", "finance"),
        ("Nigel Lawson", "GB", "finance"),
    ]


def test_surname_out_of_office_is_nothing(gaz: Gazetteer) -> None:
    assert gaz.find("Trump said the casino would open.", date(1987, 5, 1)) == []
    assert gaz.find("Reagan said so.", None) == []


def test_full_names_match_at_any_date(gaz: Gazetteer) -> None:
    (then,) = gaz.find("Donald Trump bought a casino.", date(1987, 5, 1))
    assert (then.code, then.name, then.role) == ("US", "Donald Trump", None)
    (undated,) = gaz.find("Yasuhiro Nakasone spoke.", None)
    assert (undated.code, undated.name) == ("JP", "Yasuhiro Nakasone")


def test_surname_with_slack_of_a_year(gaz: Gazetteer) -> None:
    # Reagan left office on 1989-01-20; stories in late 1989 still say "Reagan".
    assert codes(gaz.find("Reagan visited Japan.", date(1989, 10, 1))) == ["US", "JP"]
    assert gaz.find("Reagan visited.", date(1991, 6, 1)) == []


def test_one_surname_two_people_at_different_times(gaz: Gazetteer) -> None:
    (pierre,) = gaz.find("Trudeau said", date(1982, 1, 1))
    (justin,) = gaz.find("Trudeau said", date(2018, 1, 1))
    assert (pierre.name, justin.name) == ("Pierre Trudeau", "Justin Trudeau")


def test_surname_inside_another_name_is_not_the_minister(gaz: Gazetteer) -> None:
    story = "White House chief of staff Howard Baker said Baker Hughes shares rose. Baker left."
    assert [m for m in gaz.find(story, date(1987, 5, 1)) if m.kind == "person"] == []


def test_common_word_surnames_need_a_title_or_the_full_name(gaz: Gazetteer) -> None:
    on = date(2017, 3, 1)
    assert gaz.find("May said prices rose in May.", on) == []
    (titled,) = gaz.find("Prime Minister May said so.", on)
    assert titled.name == "Theresa May"
    named = gaz.find("Theresa May arrived. May said so in May. On May 5 May met Merkel.", on)
    assert [(m.text, m.start) for m in named if m.name == "Theresa May"] == [
        ("Theresa May", 0),
        ("May", 21),
        ("May", 50),
    ]


def test_a_place_beats_a_surname_that_needs_support(gaz: Gazetteer) -> None:
    on = date(2025, 6, 1)
    (country,) = gaz.find("Montenegro joined the talks.", on)
    assert (country.kind, country.code) == ("country", "ME")
    (person,) = gaz.find("Prime Minister Montenegro joined the talks.", on)
    assert (person.kind, person.code, person.name) == ("person", "PT", "Luís Montenegro")


def test_surname_inside_a_compound_name_is_not_the_minister(gaz: Gazetteer) -> None:
    on = date(1987, 3, 1)
    assert gaz.find("<Fischer-Watt Gold Co Inc> said", on) == []
    assert codes(gaz.find("the Reagan-Nakasone summit", on)) == ["US", "JP"]


def test_a_surname_follows_the_person_the_story_named(gaz: Gazetteer) -> None:
    found = gaz.find("Iraqi President Saddam Hussein spoke. Hussein said", date(1987, 3, 1))
    assert [(m.text, m.name, m.code) for m in found] == [
        ("Iraqi", "Iraq", "IQ"),
        ("Saddam Hussein", "Saddam Hussein", "IQ"),
        ("Hussein", "Saddam Hussein", "IQ"),
    ]


def test_spelling_variants_of_names(gaz: Gazetteer) -> None:
    found = gaz.find("Gerhard Schroeder and Schröder and Schroder", date(2000, 3, 1))
    assert {m.name for m in found} == {"Gerhard Schröder"}
    assert len(found) == 3


def test_eu_commissioners_stand_for_the_eu(gaz: Gazetteer) -> None:
    found = gaz.find("Willy De Clercq and Andriessen spoke.", date(1987, 3, 1))
    assert [(m.code, m.role) for m in found] == [("EU", "trade"), ("EU", "agriculture")]


# -- case and false positives ---------------------------------------------------------


def test_lowercase_words_are_not_names(gaz: Gazetteer) -> None:
    assert gaz.find("in may the baker sold china plates and turkey", date(2017, 5, 1)) == []


def test_all_caps_headlines(gaz: Gazetteer) -> None:
    found = gaz.find("JAPAN TELLS US TO CUT TARIFFS, REAGAN SAYS", date(1987, 3, 1))
    assert [(m.text, m.code) for m in found] == [("JAPAN", "JP"), ("REAGAN", "US")]
    assert codes(gaz.find("U.S. AND JAPAN AGREE", date(1987, 3, 1))) == ["US", "JP"]


def test_names_across_line_breaks(gaz: Gazetteer) -> None:
    (mention,) = gaz.find("talks with the United\nStates", date(1987, 3, 1))
    assert (mention.code, mention.text) == ("US", "United\nStates")


def test_mentions_are_sorted_and_do_not_overlap(gaz: Gazetteer) -> None:
    found = gaz.find(
        "The European Community, the U.S. and Japan met in Paris with Nakasone.",
        date(1987, 3, 1),
    )
    spans = [(m.start, m.end) for m in found]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


# -- lookups --------------------------------------------------------------------------


def test_country_name(gaz: Gazetteer) -> None:
    assert gaz.country_name("JP") == "Japan"
    assert gaz.country_name("su") == "Soviet Union"
    assert gaz.country_name("G7") == "Group of Seven"
    assert gaz.country_name("XX") is None


def test_lookup_country_for_autocomplete(gaz: Gazetteer) -> None:
    assert gaz.lookup_country("jap")[0] == ("JP", "Japan")
    assert gaz.lookup_country("JP")[0] == ("JP", "Japan")
    assert ("GB", "United Kingdom") in gaz.lookup_country("brit")
    assert ("CI", "Ivory Coast") in gaz.lookup_country("cote")
    assert ("EU", "European Union") in gaz.lookup_country("Europ")
    assert gaz.lookup_country("trump") == [("US", "United States")]
    assert gaz.lookup_country("") == []


def test_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_loads_from_another_directory(tmp_path: Path) -> None:
    (tmp_path / "bodies.toml").write_text(
        '[[bodies]]\ncode = "UN"\nname = "United Nations"\naliases = ["U.N."]\n',
        encoding="utf-8",
    )
    gaz = Gazetteer.load(tmp_path)
    assert codes(gaz.find("The U.N. and Japan", None)) == ["UN"]


# -- data integrity -------------------------------------------------------------------


@functools.cache
def _valid_codes() -> frozenset[str]:
    return frozenset({c.alpha_2 for c in pycountry.countries} | HISTORICAL_CODES | BODY_CODES)


def test_every_code_in_the_data_is_valid(gaz: Gazetteer) -> None:
    valid = _valid_codes() | {"G5", "G10"}
    used = {e.code for entries in gaz._table.values() for e in entries if not e.ignore}
    assert used <= valid, sorted(used - valid)
    for person in gaz.people:
        for term in person.terms:
            assert term.code in _valid_codes(), (person.name, term.code)


def test_every_term_starts_before_it_ends(gaz: Gazetteer) -> None:
    for person in gaz.people:
        for term in person.terms:
            assert term.end is None or term.start <= term.end, person.name
            assert term.role in {
                "leader",
                "foreign",
                "finance",
                "trade",
                "agriculture",
                "commissioner",
                "industry",
                "head",
                "oil",
            }, (person.name, term.role)


@pytest.mark.parametrize("on", [date(1987, 6, 1), date(2025, 2, 6)])
@pytest.mark.parametrize("code", [*G20_COUNTRIES, "EU"])
def test_every_g20_member_has_a_leader(gaz: Gazetteer, on: date, code: str) -> None:
    if code == "RU" and on < date(1991, 12, 26):
        code = "SU"
    leaders = [
        p.name
        for p in gaz.people
        for t in p.terms
        if t.code == code and t.role == "leader" and t.start <= on <= (t.end or date.max)
    ]
    assert leaders, f"no leader of {code} on {on}"


@pytest.mark.parametrize("role", ["leader", "foreign", "finance"])
@pytest.mark.parametrize("code", ["CA", "DE", "FR", "GB", "IT", "JP", "US"])
def test_g7_offices_are_filled_without_gaps_since_1981(
    gaz: Gazetteer, code: str, role: str
) -> None:
    terms = [t for p in gaz.people for t in p.terms if t.code == code and t.role == role]
    slack = timedelta(days=60)  # acting holders and caretakers are not all listed
    day = date(1981, 1, 1)
    while day < date(2025, 11, 1):
        assert any(t.start - slack <= day <= (t.end or date(2100, 1, 1)) + slack for t in terms), (
            f"no {role} of {code} around {day}"
        )
        day += timedelta(days=30)


def test_countries_json_is_up_to_date_with_its_generator() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_countries", REPO / "scripts" / "build_countries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = json.loads((REPO / "config" / "gazetteer" / "countries.json").read_text("utf-8"))
    assert committed == module.build(), "run: .venv/bin/python scripts/build_countries.py"


# -- speed ----------------------------------------------------------------------------


def test_load_work_grows_with_the_data_only() -> None:
    """Loading costs a few calls per byte of data (about 6 today), never a scan per entry."""
    folder = REPO / "config" / "gazetteer"
    data = sum(p.stat().st_size for p in folder.iterdir() if p.suffix in (".json", ".toml"))
    _, calls = count_calls(Gazetteer.load)
    assert calls <= 20 * data


@pytest.mark.corpus
def test_find_keeps_up_with_reuters(gaz: Gazetteer) -> None:
    if not REUTERS.is_file():
        pytest.skip(f"Reuters-21578 not found at {REUTERS}")
    stories = []
    with REUTERS.open(encoding="utf-8") as handle:
        for line, _ in zip(handle, range(3000), strict=False):
            row = json.loads(line)
            stories.append(((row.get("title") or "") + "\n" + (row.get("text") or ""), None))
    for text, _ in stories:
        _, calls = count_calls(gaz.find, text, date(1987, 3, 1))
        assert calls <= 5 * (len(text) + 100)  # about 0.5 at worst today (speed: bench script)
