"""International bodies acting, by class of wording (issue 9): invented sentences, each class
with more than one phrasing and a look-alike that must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.wording import events_of, keys, parties_of

# --- an international commodity organisation's organs meet -----------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Brazil and Colombia blamed each other for the failure. Brazil said it would not "
            "move. The ICO executive board will meet on June 30, delegates said.",
            ("meeting", "2025-06-30"),
        ),
        (
            "Ghana and the Ivory Coast want higher prices. The International Cocoa "
            "Organization council is due to meet again in September.",
            ("meeting", "2025-09"),
        ),
        (
            "Malaysian delegates are pessimistic about the rubber pact. The International "
            "Natural Rubber Council session opened in Kuala Lumpur on Monday.",
            ("meeting", "2025-06-09"),
        ),
    ],
)
def test_a_commodity_body_meeting_is_an_international_one(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


def test_a_commodity_body_meeting_does_not_take_the_story_s_countries() -> None:
    text = (
        "Brazil refused to cut its export share and Colombia said it would not move. The ICO "
        "executive board will meet on June 30, delegates said."
    )
    meetings = [e for e in events_of(text) if e["type"] == "meeting"]
    assert [(e["date"], e["participants"]) for e in meetings] == [("2025-06-30", [])]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and the Ivory Coast want higher prices. The ICCO will discuss the rules at an "
        "executive committee meeting on June 30, ICCO officials said.",
        "Ghana and the Ivory Coast want higher prices. The International Sugar Organization "
        "executive committee next meets on June 30.",
    ],
)
def test_an_executive_committee_of_a_commodity_body_meets_as_the_body(text: str) -> None:
    meetings = [e for e in events_of(text) if e["type"] == "meeting"]
    assert [(e["date"], e["participants"]) for e in meetings] == [("2025-06-30", [])]


def test_company_executives_still_act_for_their_company() -> None:
    text = "Toyota executives will meet Chinese and Japanese officials in Beijing on Friday."
    assert not any(kind == "meeting" for kind, _ in keys(text))


def test_a_commodity_council_named_alone_after_the_body() -> None:
    text = (
        "Talks at the International Coffee Organization broke down on Monday. Brazil "
        "refused to cut its share. The full council is not due to meet again until September."
    )
    assert ("meeting", "2025-09") in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Acme Corp board will meet on June 30 to approve the dividend.",
        "Brazil and Japan are named. The executive board of Nippon Widget will meet on Friday.",
        "The union's executive committee will meet on Friday to discuss the wage offer.",
        # A country's own coffee council in a story on the ICO: no international meeting.
        "The ICO talks failed. A meeting has been set for tomorrow in Brasilia of the IBC's "
        "export marketing committee.",
        "The ICO talks failed. The National Coffee Committee of Colombia meets on Friday.",
    ],
)
def test_company_boards_and_national_committees_do_not_meet_as_bodies(text: str) -> None:
    assert not any(kind == "meeting" and date != "2025-06-09" for kind, date in keys(text))


# --- talks done earlier in a month are not the talks set for later in it ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Japanese and Canadian ministers held talks in Ottawa earlier this month without "
        "result. The ministers of Japan and Canada will meet again on June 30.",
        "Earlier this month, EC farm ministers ended their talks in failure. EC farm ministers "
        "are set to meet in Luxembourg from June 29.",
    ],
)
def test_talks_earlier_in_the_month_are_not_the_talks_set_for_later(text: str) -> None:
    dates = {date for kind, date in keys(text) if kind == "meeting"}
    assert "2025-06" in dates
    assert dates - {"2025-06"}


# --- a body's communique named by the body, with no date word: the day's news ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Currency markets reacted calmly to the G-7 communique, dealers said.",
        "Analysts said the Asean communique contained nothing new on trade with Japan.",
        "Traders said the OPEC statement on output quotas surprised the oil market.",
    ],
)
def test_a_body_s_own_communique_is_issued_on_the_story_s_day(text: str) -> None:
    assert ("statement", "2025-06-11") in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        # planned, hedged, or the background of the news: no statement today
        "Dealers expect the G-7 communique will reaffirm the Paris accord.",
        "The dollar has risen steadily since the G-7 communique on currencies.",
        # a country's or a company's statement is no body's
        "Markets reacted calmly to the Japanese statement on rice imports.",
        "Shares rose after the Acme Corp statement on earnings.",
    ],
)
def test_a_planned_or_background_or_one_party_statement_is_not_today_s(text: str) -> None:
    assert ("statement", "2025-06-11") not in keys(text)


# --- "In a statement, the body said" opening a sentence inside the story ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "The European Commission said it was open on steel quotas. In a statement, the "
        "Commission reiterated that the industry must cut capacity.",
        "Steel prices fell sharply. In a joint statement, France and Germany said they would "
        "cooperate on steel.",
    ],
)
def test_a_statement_opening_a_later_sentence_is_issued_on_the_story_s_day(text: str) -> None:
    assert ("statement", "2025-06-11") in keys(text)


def test_a_company_statement_opening_a_later_sentence_is_no_event() -> None:
    text = "Acme Corp shares fell. In a statement, the company said it would cut 200 jobs."
    assert not any(kind == "statement" for kind, _ in keys(text))


# --- donor groups and creditor clubs meet governments ------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Philippine officials will meet major aid donors in July to discuss land reform.",
            ("meeting", "2025-07"),
        ),
        (
            "Morocco expects more aid at a meeting with donor countries beginning here tomorrow.",
            ("meeting", "2025-06-12"),
        ),
        (
            "Poland said talks under way with the Paris Club would soon settle its arrears.",
            ("meeting", "2025-06-11"),
        ),
    ],
)
def test_a_country_meeting_its_donors_or_creditor_club(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


def test_a_country_meeting_its_own_officials_is_no_donor_meeting() -> None:
    text = "Philippine officials will meet provincial governors in July to discuss land reform."
    assert not any(kind == "meeting" for kind, _ in keys(text))


# --- "until <date>, when <event>": the when-clause is the date's own ---------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Oil prices should hold until September, when the next OPEC meeting is scheduled.",
            ("meeting", "2025-09"),
        ),
        (
            "The party will finish the package before July 19, when the Japanese foreign "
            "minister visits Washington.",
            ("visit", "2025-07-19"),
        ),
        (
            "The dollar should stay firm until late August when the Group of Seven meets "
            "to discuss currencies.",
            ("meeting", "2025-08"),
        ),
    ],
)
def test_a_when_clause_after_a_date_is_dated_by_it(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


def test_a_when_clause_does_not_lend_its_date_to_a_later_clause() -> None:
    text = (
        "Sales fell in May, when Acme Corp cut its prices, and Japanese and Canadian "
        "ministers will meet in Ottawa on Friday."
    )
    assert ("meeting", "2025-05") not in keys(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The minister sees no need for new measures before the 20th of May when the next "
            "OPEC meeting will take place.",
            ("meeting", "2026-05-20"),
        ),
        (
            "The governors were asked to report before April, when Gulf and EC finance "
            "ministers are due to meet.",
            ("meeting", "2026-04"),
        ),
    ],
)
def test_a_date_before_a_when_clause_that_looks_ahead_lies_ahead(
    text: str, want: tuple[str, str]
) -> None:
    assert want in keys(text)


def test_a_date_before_a_past_when_clause_stays_behind() -> None:
    text = "EC and Japanese ministers clashed in May, when they met for talks in Paris."
    assert ("meeting", "2025-05") in keys(text)


# --- a speaker at a body's meeting named in full -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Japan's trade envoy told an informal General Agreement on Tariffs and Trade (GATT) "
        "meeting that a new economic programme will be prepared.",
        "Canada and the EC told a GATT (General Agreement on Tariffs and Trade) council meeting "
        "that the fee is illegal.",
    ],
)
def test_a_speaker_at_a_body_s_meeting_named_in_full_dates_it_today(text: str) -> None:
    assert ("meeting", "2025-06-11") in keys(text)


def test_a_speaker_at_an_industry_meeting_named_in_full_is_no_event() -> None:
    text = (
        "The Japanese minister told the Australian Petroleum Exploration Association (APEA) "
        "annual conference that taxes were too high."
    )
    assert not any(kind == "meeting" for kind, _ in keys(text))


# --- the finance groups by their wire descriptions ---------------------------------------------

_SIX = ["CA", "DE", "FR", "GB", "JP", "US"]
_SEVEN = ["CA", "DE", "FR", "G7", "GB", "IT", "JP", "US"]


def _parties(text: str, kind: str) -> list[list[str]]:
    return [e["participants"] for e in events_of(text) if e["type"] == kind]


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        (
            "Six major industrial countries agreed at a meeting in Paris in February to "
            "foster currency stability.",
            "meeting",
            _SIX,
        ),
        (
            "Monetary officials of leading industrial nations will meet next week in Washington.",
            "meeting",
            _SEVEN,
        ),
        (
            "The Plaza agreement of September 2024 between the five major industrial nations "
            "still holds.",
            "agreement",
            ["DE", "FR", "GB", "JP", "US"],
        ),
    ],
)
def test_a_finance_group_named_by_its_description(text: str, kind: str, want: list[str]) -> None:
    assert want in _parties(text, kind)


def test_another_number_or_a_named_group_keeps_its_own_members() -> None:
    g10 = (
        "Deputy finance ministers from the Group of 10 leading western industrialised "
        "countries met here today."
    )
    assert all("G7" not in p for p in _parties(g10, "meeting"))
    g5 = "Officials of leading industrial nations began a meeting of the Group of Five today."
    assert all("G7" not in p for p in _parties(g5, "meeting"))
    plain = "Japanese and Korean officials met today to discuss growth in industrial countries."
    assert _parties(plain, "meeting") == [["JP", "KR"]]


# --- "the ministers", "the meeting": the people or talks named just before ----------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "EC farm ministers failed to agree at two days of talks today. The ministers "
            "agreed to resume negotiations in Luxembourg next month.",
            ("meeting", "2025-07", "EU"),
        ),
        (
            "Finance ministers of the Group of Seven will meet in Washington on Friday. Dealers "
            "said markets wait to see what comes from the meetings tomorrow.",
            ("meeting", "2025-06-12", "G7"),
        ),
        (
            "OPEC oil ministers ended their talks in Vienna today. The delegates will meet "
            "again in June.",
            ("meeting", "2025-06", "OPEC"),
        ),
    ],
)
def test_definite_talks_take_the_parties_of_the_talks_named_before(
    text: str, want: tuple[str, str, str]
) -> None:
    kind, when, code = want
    assert any(
        e["type"] == kind and e["date"] == when and code in e["participants"]
        for e in events_of(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Delegations of India and Pakistan held talks in Doha on Monday. The talks were hosted "
        "by Qatar. Another round of talks will be held on June 20.",
        "Indian and Pakistani negotiators met in Doha on Monday. Qatar praised the mood. A "
        "second round of negotiations is due on June 20.",
        "India and Pakistan held talks in Doha on Monday, hosted by Qatar. The next round of "
        "talks will take place on June 20.",
    ],
)
def test_the_next_round_of_talks_takes_the_parties_of_the_talks_before(text: str) -> None:
    # A third country named in between (the host) is no side of the series.
    assert any(
        e["date"] == "2025-06-20" and {"IN", "PK"} <= set(e["participants"])
        for e in events_of(text)
        if e["type"] == "meeting"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian and American envoys met in Berlin on Dec. 14. Later in the month, "
        "American envoys hosted another round of talks in Miami.",
        "Ukrainian and American envoys met in Berlin on Dec. 14. At the end of the month, the "
        "United States hosted a second round of negotiations in Miami.",
    ],
)
def test_another_round_later_in_the_month_is_another_occasion(text: str) -> None:
    # Neither merged into the day's talks as a vaguer mention of them, nor left with only
    # the host: the series' sides, in the month the story is telling.
    meetings = {
        (e["date"], tuple(e["participants"])) for e in events_of(text) if e["type"] == "meeting"
    }
    assert meetings == {("2024-12-14", ("UA", "US")), ("2024-12", ("UA", "US"))}


def test_talks_later_in_the_month_told_without_a_series_stay_one_occasion() -> None:
    text = (
        "Ukrainian and American envoys met in Berlin on Dec. 14. Later in the month the talks "
        "ended."
    )
    meetings = [e["date"] for e in events_of(text) if e["type"] == "meeting"]
    assert meetings == ["2024-12-14"]


def test_a_new_round_named_long_after_the_talks_lends_no_parties() -> None:
    text = (
        "India and Pakistan held talks in Doha on Monday. Prices fell. Wheat rose. Qatar "
        "praised the mood. Another round of talks will be held on June 20."
    )
    assert not any(
        {"IN", "PK"} <= set(e["participants"]) for e in events_of(text) if e["date"] == "2025-06-20"
    )


def test_talks_named_long_before_lend_no_parties() -> None:
    text = (
        "Canadian officials said EC farm ministers failed to agree at two days of talks today. "
        "Prices fell. Wheat rose. Canada said Canadian growers gain. The ministers agreed to "
        "resume negotiations next month."
    )
    # (a story led by the body's own act gives its later party-less talks that body: see
    # test_a_party_less_meeting_in_a_story_a_body_leads_is_the_body_s)
    assert not any("EU" in e["participants"] for e in events_of(text) if e["date"] == "2025-07")


# --- an accord named after its venue: its parties, not the parties of talks about it ----------


def test_the_louvre_and_plaza_accords_name_their_groups() -> None:
    assert _parties(
        "The Louvre accord on currency stability was struck in February.", "agreement"
    ) == [_SIX]
    assert _parties(
        "The dollar fell after the Plaza agreement of September 2024.", "agreement"
    ) == [["DE", "FR", "GB", "JP", "US"]]


def test_talks_about_a_named_accord_take_no_party_from_its_name() -> None:
    text = "U.S. and West German officials met on Monday to review the Louvre accord."
    assert _parties(text, "meeting") == [["DE", "US"]]
    paris = "U.S. and Japanese officials met on Monday to review the Paris accord."
    assert _parties(paris, "meeting") == [["JP", "US"]]


# --- a trade measure's other side, named in another clause of its sentence ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Reagan imposed the tariff in April 2024 after U.S. makers said the Japanese were "
        "flooding the market.",
        "The 300 mln dlrs in duties on Japanese chips is set to take effect in July, after "
        "Washington said Tokyo broke the pact.",
        "Last November, the Mexican government authorised an export quota of 1.1 mln head of "
        "cattle, most of which goes to the United States.",
    ],
)
def test_a_trade_measure_takes_its_other_side_from_the_sentence(text: str) -> None:
    assert any(len(p) == 2 for p in _parties(text, "tariff"))


def test_a_place_where_quota_talks_are_held_is_no_side() -> None:
    text = (
        "Colombia suspended its export quotas in February 2024, delegates at the talks in "
        "London said."
    )
    assert _parties(text, "tariff") == [["CO"]]


# --- a trade round named after the place that launched it --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Trade ministers will meet in July to review the Uruguay round.",
        'Ministers met today to review progress in the "Uruguay round" since last September.',
        "Negotiators of the Doha round will meet again in July.",
    ],
)
def test_a_trade_round_is_its_bodys_not_its_launch_places(text: str) -> None:
    parties = _parties(text, "meeting")
    assert parties
    assert all("UY" not in p and "QA" not in p for p in parties)
    assert any({"GATT", "WTO"} & set(p) for p in parties)


def test_a_body_named_before_round_stays_a_party() -> None:
    text = (
        "The eighth GATT round of negotiations was launched at Punta del Este in Uruguay in "
        "September 2024."
    )
    assert any("GATT" in p for p in _parties(text, "meeting"))  # "GATT round": the body


# --- a body's ministers or council deliberating on a date is their meeting --------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "EU trade ministers will discuss the new steel quotas on June 16.",
            ("meeting", "2025-06-16"),
        ),
        (
            "The reform plan is due to be considered by EU farm ministers later this month.",
            ("meeting", "2025-06"),
        ),
        ("The complaint goes before the WTO council on June 20.", ("meeting", "2025-06-20")),
        ("The IMF board is to review Kenya's request next week.", ("meeting", "2025-W25")),
        # the date between the ministers and their deliberating, and deliberating worded as
        # a struggle or a look taken
        ("EU finance ministers on Monday debated a digital tax.", ("meeting", "2025-06-09")),
        (
            "EU agriculture ministers struggled today to finalise new rules on butter sales.",
            ("meeting", "2025-06-11"),
        ),
        (
            "EC farm ministers are today taking their first serious look at the price proposals.",
            ("meeting", "2025-06-11"),
        ),
    ],
)
def test_a_body_deliberating_on_a_date_is_its_meeting(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        # one country's own ministers or its legislature's committee: domestic
        "Japanese ministers will discuss the budget on June 16.",
        "Japanese ministers struggled today to agree on the budget.",
        "The bill will be considered by the House Ways and Means Committee next week.",
        # a company's board
        "The offer will be considered by the company's board on June 20.",
    ],
)
def test_a_domestic_or_company_deliberation_is_no_meeting(text: str) -> None:
    assert not {k for k in keys(text) if k[0] == "meeting"}


def test_a_month_naming_an_accord_dates_the_accord_not_the_talks_about_it() -> None:
    text = "G7 finance ministers will meet to discuss their February pact on currency stability."
    assert ("meeting", "2025-02") not in keys(text)
    assert ("agreement", "2025-02") in keys(text)


def test_a_meeting_that_produced_no_agreement_gives_none() -> None:
    text = "EU ministers met in Brussels on Monday but the meeting did not produce any agreement."
    assert {k[0] for k in keys(text)} == {"meeting"}
    look_alike = "EU ministers met in Brussels on Monday and reached an agreement on farm prices."
    assert ("agreement", "2025-06-09") in keys(look_alike)


# --- an international body's executive board meeting is no company board meeting ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Brazil wants its old quota share. An International Coffee Organization executive "
        "board meeting starts in London today, delegates said.",
        "Ambassador Rene Montes told reporters at the ICO executive board meeting here that "
        "no date had been set for quota talks.",
    ],
)
def test_a_commodity_body_s_executive_board_meeting_is_a_meeting(text: str) -> None:
    assert ("meeting", "2025-06-11") in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Siemens executive board meeting today approved the budget, the company said.",
        "The bank's board meeting today approved a higher dividend.",
    ],
)
def test_a_company_s_board_meeting_stays_no_event(text: str) -> None:
    assert not [e for e in events_of(text) if e["type"] == "meeting"]


# --- a gathering heading the lead's subject, its verb past a long complement ------------------


@pytest.mark.parametrize(
    "text",
    [
        "A meeting of eight Latin American coffee producers ended with a call for continued "
        "talks. The meeting was attended by Brazil, Mexico, Guatemala and Nicaragua.",
        "A special session of finance ministers of the Group of Five ended after nearly "
        "three and a half hours.",
    ],
)
def test_a_lead_gathering_whose_verb_comes_late_is_the_day_s_news(text: str) -> None:
    assert ("meeting", "2025-06-11") in keys(text)


def test_a_lead_gathering_with_a_relative_clause_before_the_verb_stays_undated() -> None:
    # the act belongs to the relative clause's own subject, not to the meeting
    text = (
        "A meeting of coffee producers, which Brazil and Mexico attended in Guatemala, was "
        "described as useful by the officials who signed the report."
    )
    assert ("meeting", "2025-06-11") not in keys(text)


# --- a body's ministers failing to agree met to try; agreeing to meet is no accord -------------


@pytest.mark.parametrize(
    "text",
    [
        "European Union finance ministers failed on Monday to agree on a plan to fund Ukraine, "
        "diplomats said.",
        "EU farm ministers were unable to reach a deal on prices on Monday.",
    ],
)
def test_a_body_s_ministers_failing_to_agree_is_their_meeting(text: str) -> None:
    assert ("meeting", "2025-06-09") in keys(text)


def test_one_country_s_ministers_failing_to_agree_is_no_international_meeting() -> None:
    text = "Japan's cabinet ministers failed on Monday to agree on the budget."
    assert not [e for e in events_of(text) if e["type"] == "meeting"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said Putin and Trump had agreed in a phone call to meet in Budapest.",
        "Japan and China agreed on Monday to hold further talks on seafood imports.",
    ],
)
def test_agreeing_to_meet_is_no_accord(text: str) -> None:
    assert not [e for e in events_of(text) if e["type"] == "agreement"]


# --- a session or conference heads of state attend is a summit -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, heads of state attending a special session of the AU Peace and Security "
        "Council called for the withdrawal of M23 rebels.",
        "The June 9-11 conference in Abuja was attended by several African leaders as well as "
        "the United Nations Secretary-General.",
    ],
)
def test_a_session_leaders_attend_is_a_summit(text: str) -> None:
    assert "summit" in {e["type"] for e in events_of(text)}


def test_a_session_ministers_attend_stays_no_summit() -> None:
    text = (
        "EU finance ministers attending a special session of the council on Monday called for calm."
    )
    assert "summit" not in {e["type"] for e in events_of(text)}


# --- a summit whose two sides are named is theirs, not the body meeting in that town that year ---


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Modi and von der Leyen held a summit in New Delhi on Tuesday.", {"EU", "IN"}),
        ("Modi and Putin held a summit in New Delhi on Tuesday.", {"IN", "RU"}),
    ],
)
def test_two_named_sides_summit_in_a_host_town_is_theirs(text: str, want: set[str]) -> None:
    found = events_of(text, date(2026, 1, 28))
    assert [set(e["participants"]) for e in found if e["type"] == "summit"] == [want]


def test_a_summit_named_by_its_host_town_is_still_the_body_s() -> None:
    found = events_of("Leaders will gather for the New Delhi summit on Tuesday.", date(2026, 1, 28))
    assert [e for e in found if e["type"] == "summit" and "IN" in e["participants"]]


# --- Mercosur, which has no SPEC code, is named by its members ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "EU and Mercosur leaders signed the trade agreement in Asuncion on Monday.",
        "The Mercosur-EU trade agreement was concluded in Montevideo on Monday.",
    ],
)
def test_mercosur_stands_for_its_members(text: str) -> None:
    assert {"AR", "BR", "EU", "PY", "UY"} <= parties_of(text, "agreement")


@pytest.mark.parametrize(
    "text",
    [
        "India's trade and economic partnership agreement with the four-nation European Free "
        "Trade Association came into force on Monday.",
        "EFTA ministers met Indian officials in Geneva on Monday.",
    ],
)
def test_efta_is_a_body_of_governments_named_by_its_members(text: str) -> None:
    found = events_of(text)
    assert found and {"CH", "NO"} <= set(found[0]["participants"])


def test_a_trade_association_of_companies_is_still_none() -> None:
    text = (
        "The British Retail Trade Association signed an agreement with Indian exporters on Monday."
    )
    assert not keys(text)


def test_a_party_less_meeting_of_a_body_s_ministers_is_the_body_s() -> None:
    text = (
        "European Community farm ministers broke up their talks today and will try again when "
        "they reconvene in Luxembourg on June 27. U.S. officials in Washington said U.S. "
        "Agriculture Secretary Richard Lyng would visit Washington's allies. The United States "
        "has warned of retaliation."
    )
    meetings = [e for e in events_of(text) if e["date"] == "2025-06-27"]
    assert [e["participants"] for e in meetings] == [["EU"]]


@pytest.mark.parametrize(
    "text",
    [
        "The European Community has a farm surplus. Community heads of government gather in "
        "Brussels on June 29 and 30 to settle it.",
        "EC ministers met in May. The Community and the Gulf Cooperation Council will resume "
        "negotiations on June 20.",
    ],
)
def test_the_community_after_the_ec_is_named_is_the_ec(text: str) -> None:
    assert any("EU" in e["participants"] for e in events_of(text))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "OPEC oil ministers will open a conference in Vienna on Thursday. Kuwait and Saudi "
            "Arabia back a higher ceiling, Kuwaiti and Saudi officials said. Delegates said "
            "ministers would probably meet again in Vienna in December.",
            "OPEC",
        ),
        (
            "ASEAN foreign ministers gather in Manila today. Thailand and Vietnam want a code of "
            "conduct, Thai and Vietnamese diplomats said. The ministers would meet again in "
            "September, diplomats said.",
            "ASEAN",
        ),
    ],
)
def test_a_party_less_meeting_in_a_story_a_body_leads_is_the_body_s(text: str, body: str) -> None:
    later = [e for e in events_of(text) if e["type"] == "meeting" and e["date"] != "2025-06-11"]
    assert later and all(e["participants"] == [body] for e in later)


@pytest.mark.parametrize(
    "text",
    [
        "The minister will attend the annual ministerial council of the OECD in Paris on June 16.",
        "NATO's ministerial session opens in Brussels on June 16.",
    ],
)
def test_a_body_s_ministerial_council_or_session_is_its_meeting(text: str) -> None:
    assert ("meeting", "2025-06-16") in keys(text)


def test_a_gathering_held_later_than_first_planned_is_put_off() -> None:
    text = (
        "The GATT negotiating group on agriculture meets in Geneva on June 22, three weeks "
        "later than first planned, Australian officials said."
    )
    assert {e["status"] for e in events_of(text)} == {"postponed"}
