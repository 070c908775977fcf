"""Parsing minutes: a page against its reviewed JSON, and the layouts other panels use."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from peelparse_minutes import PanelMinutes

from peelparse import Parser
from peelparse.testing import assert_lossless, assert_matches_golden, assert_round_trip


def minutes(parser: Parser, text: str) -> PanelMinutes:
    """Parse ``text`` as minutes and check that no character of it is lost."""
    document = parser.parse_text(text, kind="panel_minutes")
    assert isinstance(document, PanelMinutes)
    assert_lossless(document, parser.read(text.encode()).text)
    return document


def test_the_page_matches_the_reviewed_json(parser: Parser, page: Path, golden: Path) -> None:
    document = parser.parse(page)
    assert_matches_golden(parser, document, golden / f"{page.stem}.json")


def test_the_page_loses_nothing_and_round_trips(parser: Parser, page: Path) -> None:
    document = parser.parse(page)
    assert_lossless(document, parser.read(page).text)
    assert_round_trip(parser, document)


def test_the_page_records(parser: Parser, page: Path) -> None:
    document = parser.parse(page)
    assert isinstance(document, PanelMinutes)
    assert document.title == (
        "HMICFRS PEEL Inspection 2021/22 - Report of the Police, Crime and Victims' Commissioner"
    )
    # The commissioner's title names one force: minutes often name the commissioner only.
    assert document.force is not None and document.force.slug == "durham"
    assert (document.year, document.panel) == (2021, "Police and Crime Panel")
    (report,) = document.reports
    assert report.author == "the Police, Crime and Victims’ Commissioner"
    assert report.about is not None and report.about.startswith("the findings of the PEEL")
    assert report.inspection
    (resolution,) = document.resolutions
    assert resolution.text == "Resolved: That the Police and Crime Panel"
    assert [(i.label, i.number, i.text[:24]) for i in resolution.items] == [
        ("(i)", 1, "notes the report and the"),
        ("(ii)", 2, "asks for an update on th"),
    ]
    assert resolution.items[1].label_span.line == 14
    assert [h.text for h in document.headings] == ["Agenda item", "Supporting documents:"]
    assert document.unclassified == () and document.diagnostics == ()


LETTERED = """\
Agenda item
7. HMICFRS PEEL Inspection 2021/22: Report of the Police and Crime Commissioner

Minutes:
The Panel received a report of the Police and Crime Commissioner which set out the
findings of the PEEL inspection of the force.
The force was judged to be good at investigating crime.

RESOLVED that:
(a) the report be noted;
(b) the Commissioner provide an update on the areas for improvement
    at the next meeting.

The Chair thanked the Commissioner for the report.

Supporting documents:
PEEL inspection report, item 7. PDF 245 KB
"""


def test_lettered_items_headings_and_documents(parser: Parser) -> None:
    document = minutes(parser, LETTERED)
    assert (document.item_number, document.year, document.period) == ("7", 2021, "2021/22")
    assert [h.text for h in document.headings] == [
        "Agenda item",
        "Minutes:",
        "Supporting documents:",
    ]
    (resolution,) = document.resolutions
    assert resolution.text == "RESOLVED that:"
    assert [(i.label, i.number) for i in resolution.items] == [("(a)", 1), ("(b)", 2)]
    assert resolution.items[1].text == (
        "the Commissioner provide an update on the areas for improvement at the next meeting."
    )
    assert [p.text[:20] for p in document.paragraphs] == [
        "The Panel received a",
        "findings of the PEEL",
        "The force was judged",
        "The Chair thanked th",
    ]
    assert [d.text for d in document.supporting_documents] == [
        "PEEL inspection report, item 7. PDF 245 KB"
    ]
    (judgement,) = document.judgements
    assert (judgement.grade, judgement.subject) == ("good", "investigating crime")


def test_a_report_named_only_by_the_title(parser: Parser) -> None:
    document = minutes(parser, LETTERED.replace("received a report of", "heard from"))
    (report,) = document.reports
    assert (report.about, report.author) == (
        "7. HMICFRS PEEL Inspection 2021/22",
        "the Police and Crime Commissioner",
    )
    assert report.span == document.title_span and report.inspection


def test_a_one_sentence_resolution_and_no_label(parser: Parser) -> None:
    text = (
        "Report of the Commissioner.\n"
        "Members considered a report of the Commissioner regarding the Force response to "
        "HMICFRS Integrated PEEL Assessment (Legitimacy) Findings 2018/19 and the following "
        "points were made.\n"
        "RESOLVED, that the report be received.\n"
        "Supporting documents:"
    )
    document = minutes(parser, text)
    assert document.title is None
    (report,) = document.reports
    assert report.author == "the Commissioner"
    assert report.about == (
        "the Force response to HMICFRS Integrated PEEL Assessment (Legitimacy) Findings 2018/19"
    )
    (resolution,) = document.resolutions
    assert (resolution.text, resolution.items) == ("RESOLVED, that the report be received.", ())


def test_words_of_an_open_resolution_on_the_next_line(parser: Parser) -> None:
    text = "Agenda item\nPEEL update\n\nRESOLVED:\n\nThat the report be noted.\n\nA note.\n"
    document = minutes(parser, text)
    (resolution,) = document.resolutions
    assert resolution.text == "RESOLVED: That the report be noted."
    assert [p.text for p in document.paragraphs] == ["A note."]


def test_a_numeral_alone_on_its_line(parser: Parser) -> None:
    text = "Agenda item\nPEEL update\nResolved: That the Panel\n(i)\nnotes the report.\n"
    (item,) = minutes(parser, text).resolutions[0].items
    assert (item.label, item.text, item.text_span is not None) == ("(i)", "notes the report.", True)


@pytest.mark.parametrize(
    ("labels", "numbers"),
    [
        (["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(ix)"], [1, 2, 3, 4, 5, 9]),
        (["(a)", "(b)", "(i)"], [1, 2, 9]),
        (["1.", "2.", "10."], [1, 2, 10]),
        (["i)", "ii)", "iiii)"], [1, 2, 4]),
    ],
)
def test_numerals_count(parser: Parser, labels: list[str], numbers: list[int]) -> None:
    lines = "\n".join(f"{label} item {n}" for n, label in enumerate(labels))
    document = minutes(parser, f"Agenda item\nPEEL\nRESOLVED that\n{lines}\n")
    assert [i.number for i in document.resolutions[0].items] == numbers


def test_a_paragraph_after_the_items_ends_the_resolution(parser: Parser) -> None:
    text = "Agenda item\nPEEL\nResolved: That\n(i) the report be noted.\n\nThe meeting closed.\n"
    document = minutes(parser, text)
    assert len(document.resolutions[0].items) == 1
    assert [p.text for p in document.paragraphs] == ["The meeting closed."]


LINES = [
    "Agenda item",
    "7. PEEL inspection - Report of the Commissioner",
    "Minutes:",
    "Resolved: That the Panel",
    "RESOLVED:",
    "RESOLVED, that the report be received.",
    "(i)  the report be noted.",
    "(ii)",
    "   continued on an indented line",
    "ii) an item",
    "(a) an item;",
    "The Panel considered a report of the Commissioner which outlined the PEEL findings.",
    "The force was judged to be good at investigating crime.",
    "Supporting documents:",
    "PEEL report PDF 1 MB",
    "Skip to content",
    "- a bullet",
    "",
    "   ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=16))
def test_any_arrangement_of_lines_loses_nothing(parser: Parser, lines: list[str]) -> None:
    text = "\n".join(lines)
    assume(text.strip())
    document = parser.parse_text(text, kind="panel_minutes")
    assert_lossless(document, parser.read(text.encode()).text)
    assert_round_trip(parser, document)


@pytest.mark.parametrize("mark", ["## ## ", "**", "# # ", "- ## "])
def test_a_report_under_layout_marks_loses_nothing(parser: Parser, mark: str) -> None:
    text = LETTERED.replace("The Panel received", f"{mark}The Panel received")
    (report,) = minutes(parser, text).reports  # minutes() checks that nothing is lost
    assert "The Panel received a report of the Police and Crime Commissioner" in report.text
