"""The PEEL cycle in the wordings that name it without "PEEL 2016": a State of Policing's
own year, a cycle written by its span, a year something comes out in, a page of many
cycles, and a date written as machines write it. Texts written for the test."""

from __future__ import annotations

import pytest

from peelparse._dates import dates_in, year_from_dates
from peelparse.text import find_cycle

STATE_OF_POLICING = [
    ("State of Policing: The Annual Assessment of Policing in England and Wales 2022", 2022),
    ("State of Policing 2019/20\n\nPublished 1 July 2021. PEEL 2021/22 began.", 2019),
    ("Foreword\nState of Policing – the annual assessment, 2016\nForces were good.", 2016),
    ("The State of Policing in England and Wales 2023–24\nPEEL 2023–25 goes on.", 2023),
    ("STATE OF POLICING\nState of Policing 2018\nThe PEEL 2017 reports showed ...", 2018),
]
NOT_STATE_OF_POLICING = [
    # no year on its title line
    "State of Policing: the annual assessment\n\nIn 2019 forces changed.",
    # named far below the title
    "Minutes of the panel.\n" + "The panel met again. " * 20 + "State of Policing 2019",
    # a year on another line
    "State of Policing\nPublished 2 July 2022",
    # another publication's title
    "Policing in Austerity 2014\nThe report.",
    # a year inside a longer number
    "State of Policing ref 120221\nText.",
]


@pytest.mark.parametrize(("text", "year"), STATE_OF_POLICING)
def test_a_state_of_policing_keeps_the_year_of_its_title(text: str, year: int) -> None:
    cycle = find_cycle(text)
    assert cycle is not None
    assert cycle.year == year


@pytest.mark.parametrize("text", NOT_STATE_OF_POLICING)
def test_no_year_of_a_state_of_policing(text: str) -> None:
    assert find_cycle(text) is None


CYCLE_SPANS = [
    ("Following the most recent HMICFRS inspection (2018/19), we were rated good.", 2018),
    ("what HMICFRS inspectors found in its report spanning 2023 to 2025:", 2023),
    ("Read the 2021/22 HMICFRS report about the force.", 2021),
    ("The 2023–25 inspection of the force by HMICFRS was published.", 2023),
    ("HMIC's assessment for 2018-19 judged the force good.", 2018),
    ("The inspectorate's 2023 to 2025 PEEL assessment was published.", 2023),
]
NOT_CYCLE_SPANS = [
    # a financial year, not a cycle's span
    "The HMICFRS report (2019/20) on the force's budget.",
    # no inspection or report next to the span
    "HMICFRS visited in 2018/19 and again later.",
    # the inspectorate is not named: a commissioner's own annual report
    "The commissioner's 2021/22 report on the police and crime plan.",
    # a span of several cycles
    "HMIC reports spanning 2016 to 2019 are listed below.",
    # a span that starts inside a longer number
    "HMICFRS report 12021/22 was filed.",
]


@pytest.mark.parametrize(("text", "year"), CYCLE_SPANS)
def test_a_cycle_written_by_its_span(text: str, year: int) -> None:
    cycle = find_cycle(text)
    assert cycle is not None
    assert cycle.year == year


@pytest.mark.parametrize("text", NOT_CYCLE_SPANS)
def test_a_span_that_is_not_a_cycle(text: str) -> None:
    assert find_cycle(text) is None


PUBLICATION_YEARS = [
    "Work was ongoing to develop a full PEEL inspection to publish in 2016, with a focus.",
    "The PEEL reports are due in 2017.",
    "The first PEEL assessment will be published in 2015.",
    "PEEL findings are expected by 2018.",
    "The PEEL programme's reports come out in 2016 for every force.",
]
PEEL_YEARS = [
    ("The PEEL inspection in 2016 found the force good.", 2016),
    ("PEEL: police effectiveness 2016, published in 2017.", 2016),
    ("PEEL 2021/22 reports were published in 2022.", 2021),
    ("The 2017 PEEL legitimacy inspection is out in 2018.", 2017),
    ("Our PEEL assessment for 2015 judged it good.", 2015),
]


@pytest.mark.parametrize("text", PUBLICATION_YEARS)
def test_a_year_something_comes_out_in_is_no_cycle(text: str) -> None:
    assert find_cycle(text) is None


@pytest.mark.parametrize(("text", "year"), PEEL_YEARS)
def test_a_peel_year_beside_a_publication_year(text: str, year: int) -> None:
    cycle = find_cycle(text)
    assert cycle is not None
    assert cycle.year == year


SEVERAL_CYCLES = [
    "PEEL 2018/19\nPEEL Effectiveness 2017\nPEEL Legitimacy 2016",
    "Responses:\n- PEEL 2016 legitimacy\n- PEEL 2015 efficiency\n- PEEL 2014 effectiveness",
    "PEEL 2023–25 report\nPEEL 2021/22 report\nPEEL 2018/19 report\nPEEL 2017 report",
    "Our reports\n\n2015 PEEL efficiency\n\n2016 PEEL legitimacy\n\n2017 PEEL effectiveness",
    "PEEL 2014\n\nPEEL 2015\n\nPEEL 2016",
]
FEW_CYCLES = [
    ("PEEL 2017 legitimacy found the force good; PEEL 2016 had found it adequate.", 2017),
    ("PEEL 2016\nPEEL police effectiveness 2016\nPEEL police efficiency 2016", 2016),
    ("PEEL 2018/19: the force improved since PEEL 2017. PEEL 2018 inspections.", 2018),
    ("PEEL 2023–25\nThe PEEL 2023-2025 report.\nPEEL 2021/22 graded it.", 2023),
    ("PEEL 2015 efficiency\nPEEL 2015 legitimacy", 2015),
    # a date's year is not a cycle of its own
    ("PEEL 2021/22 report\n2018/19 PEEL spotlight\nPEEL inspections – 27 September 2019", 2021),
    ("PEEL 2017 legitimacy\nPEEL 2016 too\nPEEL news, March 2018.", 2017),
    # prose that recalls earlier cycles, in lines longer than a list's
    (
        "The PEEL 2018/19 inspection found the force good at keeping people safe and reducing "
        "crime; in PEEL 2017 it was adequate, and in PEEL 2016 it required improvement, so the "
        "force has improved in each of the last three years.",
        2018,
    ),
]


@pytest.mark.parametrize("text", SEVERAL_CYCLES)
def test_a_page_of_several_cycles_names_none(text: str) -> None:
    assert find_cycle(text) is None


@pytest.mark.parametrize(("text", "year"), FEW_CYCLES)
def test_a_page_that_names_one_or_two_cycles_keeps_the_first(text: str, year: int) -> None:
    cycle = find_cycle(text)
    assert cycle is not None
    assert cycle.year == year


MACHINE_DATES = [
    (" date 2025-05-14 Northumbria Police was judged good.", "2025-05-14"),
    ("Published: 2022-11-11", "2022-11-11"),
    ("(2018-03-22)", "2018-03-22"),
    ("Last updated 2019-05-03.", "2019-05-03"),
    ("posted 2016-12-14, the legitimacy report", "2016-12-14"),
]
NOT_MACHINE_DATES = [
    "ref 2019-20-21",
    "2025-13-01",
    "2025-02-30",
    "version 1.2025-05-14",
    "2019-05-03-7",
]


@pytest.mark.parametrize(("text", "iso"), MACHINE_DATES)
def test_a_date_as_machines_write_it(text: str, iso: str) -> None:
    assert [d.iso for d in dates_in(text)] == [iso]


@pytest.mark.parametrize("text", NOT_MACHINE_DATES)
def test_not_a_machine_date(text: str) -> None:
    assert [d.iso for d in dates_in(text)] == []


def test_a_labelled_machine_date_places_a_page_in_its_cycle() -> None:
    assert year_from_dates(" date 2025-05-14 The force requires improvement.") == 2023
    assert year_from_dates(" date 2020-05-14 The force requires improvement.") == 2018
