"""Every press release of the corpus, against what a person read in it; and detection of
press releases against the other kinds of page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import SEEDS, corpus_files
from peelparse import Grade, Parser, Pillar
from peelparse_press import Inspectorate, PressRelease
from peelparse_press.detect import detect_press
from peelparse_report.detect import detect_report

GOOD, ADEQUATE, RI, INADEQUATE, OUTSTANDING = (
    Grade.GOOD,
    Grade.ADEQUATE,
    Grade.REQUIRES_IMPROVEMENT,
    Grade.INADEQUATE,
    Grade.OUTSTANDING,
)

# Read in each file: force slug, year, period, pillar, publisher; every grade with its subject
# (graded judgments outside quotes) and every grade stated as a count; who is quoted, in what
# role, over how many paragraphs (the captured text); and, for pages of several forces'
# releases, the forces whose releases the captured text holds.
EXPECTED: dict[str, dict[str, Any]] = {
    "001_e4ca38f3e628fb84.txt": {
        "force": "leicestershire",
        "year": 2016,  # "the second year running" of legitimacy inspections; no year written
        "period": None,
        "pillar": Pillar.LEGITIMACY,
        "inspectorate": Inspectorate.HMIC,
        "grades": [(GOOD, "how legitimately it keeps people safe and reduces crime")],
        "counts": [],
        "quotes": [("Zoë Billingham", "HM Inspector of Constabulary", 4)],
        "findings": 3,
    },
    "cleveland-peel-2021-22-press.txt": {
        "force": "cleveland",
        "year": 2021,
        "period": "2021/22",
        "pillar": None,
        "inspectorate": Inspectorate.HMICFRS,
        "grades": [
            (GOOD, "crime data integrity"),
            (INADEQUATE, "preventing crime and use of resources"),
        ],
        "counts": [(GOOD, 1), (ADEQUATE, 4), (RI, 3), (INADEQUATE, 2)],
        "quotes": [("Andy Cooke", "His Majesty’s Chief Inspector of Constabulary", 4)],
        "findings": 1,
    },
    "devon-cornwall-peel-2023-25-press.txt": {
        "force": "devon-and-cornwall",
        "year": 2023,
        "period": "2023–2025",
        "pillar": None,
        "inspectorate": Inspectorate.HMICFRS,
        # "has a good approach to preventing ..." praises; it does not name the good area
        "grades": [],
        "counts": [(GOOD, 1), (ADEQUATE, 3), (RI, 2), (INADEQUATE, 2)],
        "quotes": [("Andy Cooke", "His Majesty’s Chief Inspector of Constabulary", 3)],
        "findings": 2,
    },
    "national-peel-2018-19-group-1-force-press-releases.txt": {
        "force": None,
        "year": 2018,
        "period": "2018/19",
        "pillar": None,
        "inspectorate": Inspectorate.HMICFRS,
        "grades": [
            (GOOD, "effectively reducing crime and keeping people safe"),
            (GOOD, "operating efficiently and providing sustainable services to the public"),
            (RI, "how legitimately it treats the public and its workforce"),
        ],
        "counts": [],
        "quotes": [("Matt Parr", "HM Inspector of Constabulary", 3)],
        "findings": 3,
        "releases": ["city-of-london"],
    },
    "national-peel-effectiveness-2015-press.txt": {
        "force": None,
        "year": 2015,
        "period": "2015",
        "pillar": Pillar.EFFECTIVENESS,
        "inspectorate": Inspectorate.HMIC,
        # the headline's "Most police forces are good at ..." is a national aggregate
        "grades": [
            (GOOD, "preventing crime and anti-social behaviour"),
            (OUTSTANDING, "Durham Constabulary"),
        ],
        "counts": [(OUTSTANDING, 1), (GOOD, 24), (RI, 18)],  # "No force was ...": no grade
        "quotes": [("Zoë Billingham", "HM Inspector of Constabulary", 5)],
        "findings": 0,
    },
    "national-peel-effectiveness-2016-force-press-releases.txt": {
        "force": None,
        "year": 2016,
        "period": "2016",
        "pillar": Pillar.EFFECTIVENESS,
        "inspectorate": Inspectorate.HMIC,
        "grades": [
            (GOOD, "effectiveness at keeping people safe and reducing crime"),
            (GOOD, "preventing crime, tackling anti-social behaviour and keeping people safe"),
            (GOOD, "how it investigates crime and reduces re-offending"),
            (GOOD, "how it protects those who are vulnerable from harm, and supporting victims"),
            (RI, "how it tackles serious and organised crime"),
        ],
        "counts": [],
        "quotes": [(None, None, 3)],  # the captured quote is not attributed
        "findings": 4,
        "releases": ["avon-and-somerset"],
    },
    "national-peel-effectiveness-2017-press.txt": {
        "force": None,
        "year": 2017,
        "period": "2017",
        "pillar": Pillar.EFFECTIVENESS,
        "inspectorate": Inspectorate.HMICFRS,
        # "over two thirds of forces ... continued to be good at ..."
        "grades": [(GOOD, "keeping people safe and reducing crime")],
        "counts": [(OUTSTANDING, 1)],
        "quotes": [("Zoë Billingham", "Her Majesty’s Inspector", 2)],
        "findings": 1,
    },
    "national-peel-legitimacy-2015-press.txt": {
        "force": None,
        "year": 2015,
        "period": "2015",
        "pillar": Pillar.LEGITIMACY,
        "inspectorate": Inspectorate.HMIC,
        "grades": [(OUTSTANDING, "Kent Police")],
        "counts": [(GOOD, 37), (OUTSTANDING, 1), (RI, 5)],  # "none was ...": no grade
        "quotes": [("Stephen Otter", "Her Majesty’s Inspector of Constabulary", 3)],
        "findings": 0,
    },
    "north-yorkshire-peel-2021-22-press.txt": {
        "force": "north-yorkshire",
        "year": 2021,
        "period": "2021/22",
        "pillar": None,
        "inspectorate": Inspectorate.HMICFRS,
        "grades": [
            (RI, "responding to the public"),
            (RI, "investigating crime"),
            (RI, "protecting vulnerable people"),
            (RI, "building and developing its workforce"),
            (INADEQUATE, "its use of resources"),
        ],
        "counts": [(INADEQUATE, 1), (RI, 4), (ADEQUATE, 2), (GOOD, 1)],
        "quotes": [("Roy Wilsher", "His Majesty’s Inspector of Constabulary", 5)],
        "findings": 1,
    },
    "suffolk-peel-2023-25-press.txt": {
        "force": "suffolk",
        "year": 2023,
        "period": "202325",  # as written: the page lost the en dash of "2023–25"
        "pillar": None,
        "inspectorate": Inspectorate.HMICFRS,
        "grades": [],
        "counts": [(GOOD, 3), (ADEQUATE, 3), (RI, 2), (INADEQUATE, 1)],
        "quotes": [("Roy Wilsher", "His Majesty’s Inspector of Constabulary", 4)],
        "findings": 2,
    },
}

PRESS = [SEEDS[1], *corpus_files("press")]


def test_every_press_file_was_read() -> None:
    assert sorted(p.name for p in PRESS) == sorted(EXPECTED)


@pytest.fixture(scope="module")
def parsed(parser: Parser) -> dict[str, PressRelease]:
    found = {}
    for path in PRESS:
        document = parser.parse(path)
        assert isinstance(document, PressRelease), f"{path.name} is {document.kind}"
        found[path.name] = document
    return found


@pytest.mark.parametrize("path", PRESS, ids=lambda p: p.name)
def test_press_release_fields(parsed: dict[str, PressRelease], path: Path) -> None:
    doc, want = parsed[path.name], EXPECTED[path.name]
    assert doc.kind == "press_release"
    assert (doc.force.slug if doc.force else None) == want["force"]
    assert (doc.year, doc.period, doc.pillar) == (want["year"], want["period"], want["pillar"])
    assert doc.inspectorate is want["inspectorate"]


@pytest.mark.parametrize("path", PRESS, ids=lambda p: p.name)
def test_press_release_grades(parsed: dict[str, PressRelease], path: Path) -> None:
    doc, want = parsed[path.name], EXPECTED[path.name]
    assert [(j.grade, j.subject) for j in doc.judgements] == want["grades"]
    assert [(c.grade, c.count) for c in doc.grade_counts] == want["counts"]


@pytest.mark.parametrize("path", PRESS, ids=lambda p: p.name)
def test_press_release_quotes_and_findings(parsed: dict[str, PressRelease], path: Path) -> None:
    doc, want = parsed[path.name], EXPECTED[path.name]
    bodies = [doc, *doc.releases]
    quotes = [q for body in bodies for q in body.quotes]
    assert [(q.speaker, q.role, len(q.paragraphs)) for q in quotes] == want["quotes"]
    assert sum(len(body.findings) for body in bodies) == want["findings"]


@pytest.mark.parametrize(
    "path", [p for p in PRESS if "releases" in EXPECTED[p.name]], ids=lambda p: p.name
)
def test_a_page_of_several_forces_releases_has_one_per_force(
    parsed: dict[str, PressRelease], path: Path
) -> None:
    doc = parsed[path.name]
    assert doc.force is None
    assert [r.force.slug if r.force else None for r in doc.releases] == EXPECTED[path.name][
        "releases"
    ]
    (warning,) = [d for d in doc.diagnostics if d.code == "PP220"]
    assert warning.severity == "warning"
    # each force's judgments are its own; the page's list holds them all
    assert [j for r in doc.releases for j in r.judgements] == list(doc.judgements)


def test_seed_quote_is_the_whole_quote_and_nothing_more(parsed: dict[str, PressRelease]) -> None:
    doc = parsed[SEEDS[1].name]
    (quote,) = doc.quotes
    text = SEEDS[1].read_text("utf-8")
    assert quote.text_span is not None
    assert quote.text_span.slice(text).startswith("“Leicestershire Police is, in general, good")
    assert quote.text_span.slice(text).endswith('of their wellbeing responsibilities."')
    assert [f.lead_in.text if f.lead_in else None for f in doc.findings] == [
        "HMIC found that Leicestershire Police:"
    ] * 3


def test_multi_force_judgements_name_their_pillars(parsed: dict[str, PressRelease]) -> None:
    group = parsed["national-peel-2018-19-group-1-force-press-releases.txt"]
    assert [(j.pillar, j.headline) for j in group.judgements] == [
        (Pillar.EFFECTIVENESS, True),
        (Pillar.EFFICIENCY, True),
        (Pillar.LEGITIMACY, True),
    ]
    avon = parsed["national-peel-effectiveness-2016-force-press-releases.txt"]
    assert {j.pillar for j in avon.judgements} == {Pillar.EFFECTIVENESS}
    assert [j.headline for j in avon.judgements] == [True, False, False, False, False]
    assert avon.published == "2017-03-02"


def test_counted_forces_are_named(parsed: dict[str, PressRelease]) -> None:
    counts = parsed["national-peel-effectiveness-2015-press.txt"].grade_counts
    assert [(c.count, c.counted, [f.slug for f in c.forces]) for c in counts] == [
        (1, "force", ["durham"]),
        (24, "force", []),
        (18, "force", []),
    ]


# -- detection -------------------------------------------------------------------------------


def _confidence(answer: Any) -> float:
    return 0.0 if answer is None else float(answer.confidence)


@pytest.mark.parametrize("path", PRESS, ids=lambda p: p.name)
def test_press_files_look_more_like_press_than_reports(parser: Parser, path: Path) -> None:
    source = parser.read(path)
    press = _confidence(detect_press(source))
    assert press > _confidence(detect_report(source))
    assert parser.detect(path).kind == "press_release"


REPORTS = [SEEDS[0], SEEDS[2], SEEDS[4], *corpus_files("report")]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_reports_look_more_like_reports_than_press(parser: Parser, path: Path) -> None:
    source = parser.read(path)
    assert _confidence(detect_press(source)) < max(_confidence(detect_report(source)), 0.01)


@pytest.mark.parametrize(
    "path", [SEEDS[3], *corpus_files("pcc"), *corpus_files("other")], ids=lambda p: p.name
)
def test_letters_statements_and_news_pages_are_not_press_releases(
    parser: Parser, path: Path
) -> None:
    assert detect_press(parser.read(path)) is None
