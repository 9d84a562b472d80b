"""Sentences and the spans that report: shapes of real feeds (glued stops, headlines, captions)."""

from __future__ import annotations

from bot.extract.sentences import report_spans, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def reports(text: str) -> list[str]:
    return [text[start:end] for start, end in report_spans(text)]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it() -> None:
    text = "Exports rose last year.Earlier on Dec. 2 the ministers met.The talks resume Monday."
    assert sentences(text) == [
        "Exports rose last year.",
        "Earlier on Dec. 2 the ministers met.",
        "The talks resume Monday.",
    ]


def test_abbreviations_initials_and_acronyms_glued_or_not_do_not_end_sentences() -> None:
    text = "The U.S.Army and Mr.Smith met Gen. Baker in St.Petersburg on Nov. 3 at 10 a.m. Sharp."
    assert sentences(text) == [text]


def test_hard_wrapped_wire_copy_stays_one_sentence() -> None:
    text = "Zambia has cleared its arrears to the\nIMF for 1985 with a bridging loan."
    assert sentences(text) == [text]


def test_a_headline_runs_into_its_dateline_without_a_blank_line() -> None:
    text = "Xi meets Putin on Friday\nMOSCOW (AP) \u2014 Chinese President Xi Jinping met Putin."
    assert sentences(text)[0] == "Xi meets Putin on Friday"
    assert reports(text) == ["Xi meets Putin on Friday"]


def test_headline_and_captions_are_reports_but_the_body_is_not() -> None:
    text = (
        "Leaders hail Monday summit\n\n"
        "The leaders met in Geneva.\n\n"
        "Trump meets Xi in Busan on Thursday. REUTERS/Evelyn Hockstein\n\n"
        "Talks will go on.\n\n"
        "Officials arrive for the talks. (AP Photo/Evan Vucci)"
    )
    assert reports(text) == [
        "Leaders hail Monday summit",
        "Trump meets Xi in Busan on Thursday. REUTERS/Evelyn Hockstein",
        "Officials arrive for the talks. (AP Photo/Evan Vucci)",
    ]


def test_a_lead_sentence_on_its_own_line_is_no_headline() -> None:
    assert reports("The ministers met on Friday.\n\nThey agreed.") == []
