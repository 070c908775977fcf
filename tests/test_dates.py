"""Dates in every UK form, and the PEEL cycle a text's own date places it in, on texts
written for the test."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse import parse_text
from peelparse._dates import _PUBLISHED, _labels, dates_in, year_from_dates
from peelparse.text import find_cycle

DATES = [
    ("13th September 2024", "2024-09-13"),
    ("13 Sept 2024", "2024-09-13"),
    ("13/09/2024", "2024-09-13"),
    ("September 13, 2024", "2024-09-13"),
    ("Friday 11 November 2022", "2022-11-11"),
    ("1st of March 2017", "2017-03-01"),
    ("09.04.2018", "2018-04-09"),
    ("Tuesday, 3rd Oct. 2023", "2023-10-03"),
]
NOT_DATES = [
    "31/02/2020",
    "in 2019",
    "the 13th recommendation",
    "ref 13/09/24",
    "Mayor 2024",
    "PEEL 2021/22",
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_a_date_in_a_uk_form(text: str, iso: str) -> None:
    (date,) = dates_in(f"It came out on {text}.")
    assert date.iso == iso


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert [d.iso for d in dates_in(text) if d.iso] == []


CYCLE_FROM_DATE = [
    ("PEEL: the force's report, published today, Friday 11 November 2022.", 2021),
    ("Police effectiveness report on the force. Published 20 March 2018", 2017),
    ("The PEEL inspection was released in October 2023.", 2023),
    ("PEEL inspection of the force\n\n22nd March 2018\n\nDear Home Secretary", 2017),
    ("The force was judged outstanding.\nLast updated: 3 May 2019", 2018),
    ("Legitimacy findings. Posted on 14/12/2016", 2016),
]
NO_CYCLE_FROM_DATE = [
    # no date of the text's own: an event it tells of
    "PEEL grades were given. Special measures began in June 2022.",
    # another inspection altogether
    "The fraud inspection report was published on 2 April 2019.",
    # a State of Policing keeps its own year
    "State of Policing: the annual assessment\n\nPublished 2 July 2022. Forces were outstanding.",
    # a date before PEEL
    "PEEL began later. Published 3 March 2012.",
    # no date at all
    "The PEEL report judged the force good.",
]


@pytest.mark.parametrize(("text", "year"), CYCLE_FROM_DATE)
def test_the_cycle_from_the_text_s_date(text: str, year: int) -> None:
    assert year_from_dates(text) == year


@pytest.mark.parametrize("text", NO_CYCLE_FROM_DATE)
def test_no_cycle_from_dates(text: str) -> None:
    assert year_from_dates(text) is None


def test_a_document_with_an_inferred_year_says_so() -> None:
    doc = parse_text("The PEEL inspection of the force\n\nPublished 22 March 2018\n")
    assert (doc.year, doc.year_inferred) == (2017, True)
    written = parse_text("PEEL 2016: the force\n\nPublished 22 March 2018\n")
    assert written.year_inferred is False


def test_dates_are_read_in_linear_time() -> None:
    for text in ("1 " * 50_000, "March " * 50_000, "1/" * 50_000, "Published " * 20_000):
        started = time.perf_counter()
        dates_in(text)
        year_from_dates("PEEL " + text)
        assert time.perf_counter() - started < 2.0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="PpublishedLast updatUDRrlosy :_1İ\n", max_size=80))
def test_the_label_search_finds_what_the_expression_finds(text: str) -> None:
    assert [m.span() for m in _labels(text)] == [m.span() for m in _PUBLISHED.finditer(text)]


PILLAR_YEARS = [
    ("The force kept its ‘outstanding’ grade in our 2016 legitimacy inspection.", 2016),
    ("Findings of the 2015 efficiency inspection were published.", 2015),
    ("The 2017 police effectiveness report judged the force good.", 2017),
    ("Its 2014 Efficiency Assessment was the first of its kind.", 2014),
    ("As the 2016 legitimacy report found, the force is fair.", 2016),
]
NO_PILLAR_YEAR = [
    "The force improved since our inspection in 2015.",
    "In 2016 the efficiency of the force was reviewed by the council.",
    "The legitimacy inspection took place over 2016 and 2017.",
    "Its 2016 efficiency savings were large.",
    "The 12016 efficiency inspection is a typing error.",
]


@pytest.mark.parametrize(("text", "year"), PILLAR_YEARS)
def test_a_pillar_inspection_named_by_its_year(text: str, year: int) -> None:
    cycle = find_cycle(text)
    assert cycle is not None and cycle.year == year


@pytest.mark.parametrize("text", NO_PILLAR_YEAR)
def test_no_pillar_inspection_year(text: str) -> None:
    assert find_cycle(text) is None
