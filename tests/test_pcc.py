"""PCC responses: seed 003, every PCC file of the corpus, detection against the other kinds,
and the link from a letter's findings back to the report they answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import SEEDS, corpus_files
from peelparse import Parser, Pillar
from peelparse.testing import assert_lossless
from peelparse_pcc import PCCResponse
from peelparse_pcc.detect import detect_pcc
from peelparse_report import InspectionReport

LETTER = SEEDS[3]
REPORT_2017 = SEEDS[2]


def _normalised(text: str) -> str:
    return " ".join(text.split())


def parse_response(parser: Parser, path: Path) -> PCCResponse:
    document = parser.parse(path)
    assert isinstance(document, PCCResponse), f"{path.name} parsed as {document.kind}"
    return document


def test_seed_003_letter(parser: Parser) -> None:
    doc = parse_response(parser, LETTER)
    assert doc.force is not None and doc.force.slug == "leicestershire"
    assert (doc.year, doc.period, doc.pillar) == (2017, "2017", Pillar.LEGITIMACY)
    assert (doc.reference, doc.date, doc.date_text) == (
        "OPCC/7298/17",
        "2018-04-09",
        "09 April 2018",
    )
    assert doc.subject == "PEEL Police Legitimacy (including leadership) 2017"
    assert doc.addressee is not None
    assert (doc.addressee.name, doc.addressee.role) == ("Amber Rudd", "Home Secretary")
    assert doc.sender is not None
    assert (doc.sender.name, doc.sender.role) == (
        "Lord Willy Bach",
        "Police and Crime Commissioner",
    )
    assert (doc.salutation, doc.closing) == ("Dear Home Sevetars", "Your Gre, Wills Box's")
    assert len(doc.highlights) == 5
    assert len(doc.bullets) == 3
    assert [d.code for d in doc.diagnostics] == ["PP230", "PP230"]
    assert doc.unclassified == ()
    assert_lossless(doc, parser.read(LETTER).text)


def test_seed_003_findings_and_answers_are_the_letters_words(parser: Parser) -> None:
    doc = parse_response(parser, LETTER)
    lines = LETTER.read_text("utf-8").split("\n")
    got = [(f.label, f.number, f.text, [r.text for r in f.response]) for f in doc.recommendations]
    assert got == [
        ("recommendation", "1", lines[47][2:], [lines[49]]),
        ("recommendation", "2", lines[51][2:], [lines[53]]),
    ]


def test_the_letters_findings_are_the_2017_reports_areas_for_improvement(
    parser: Parser,
) -> None:
    letter = parse_response(parser, LETTER)
    report = parser.parse(REPORT_2017)
    assert isinstance(report, InspectionReport)
    afis = [f.text for q in report.questions for f in q.areas_for_improvement]
    afis += [f.text for f in report.summary_findings if f.label == "area_for_improvement"]
    assert [_normalised(f.text) for f in letter.recommendations] == [
        _normalised(text) for text in afis
    ]


# What a person read in each PCC file of the corpus: force, reference, date, sender (name,
# role), number of findings answered, year, pillar. ``None`` where the text has none.
READ: dict[str, dict[str, Any]] = {
    "devon-cornwall-pcc-statement-peel-2021-22.txt": {
        "force": "devon-and-cornwall",
        "reference": None,
        "date": None,
        "sender": (
            "Alison Hernandez",
            "Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly",
        ),
        "recommendations": 0,
        "year": 2021,
        "pillar": None,
    },
    "essex-pfcc-hmicfrs-reports-2019-fraud-letter.txt": {
        # a letter on a thematic report: no PEEL cycle or pillar
        "force": "essex",
        "reference": None,
        "date": None,
        "sender": ("Roger Hirst", "Police, Fire and Crime Commissioner"),
        "recommendations": 0,
        "year": None,
        "pillar": None,
    },
    "gwent-pcc-welcomes-peel-effectiveness-2017-report.txt": {
        "force": "gwent",
        "reference": None,
        "date": "2018-03-22",
        "sender": ("Jeff Cuthbert", "Police and Crime Commissioner (PCC) for Gwent"),
        "recommendations": 0,
        "year": 2017,  # from its date, 22 March 2018: the effectiveness reports of 2017
        "pillar": "effectiveness",
    },
    "hertfordshire-pcc-welcomes-peel-legitimacy-leadership-2016.txt": {
        "force": "hertfordshire",
        "reference": None,
        "date": None,
        "sender": ("David Lloyd", "Police and Crime Commissioner for Hertfordshire"),
        "recommendations": 0,
        "year": None,
        "pillar": None,
    },
    "humberside-pcc-comments-peel-legitimacy-leadership-2016.txt": {
        "force": "humberside",
        "reference": None,
        "date": None,
        "sender": ("Keith Hunter", "Humberside Police and Crime Commissioner"),
        "recommendations": 0,
        "year": None,
        "pillar": None,
    },
    "merseyside-pcc-responds-peel-2023-25.txt": {
        "force": "merseyside",
        "reference": None,
        "date": None,
        "sender": ("Emily Spurrell", "Merseyside’s Police Commissioner"),
        "recommendations": 0,
        "year": 2023,
        "pillar": None,
    },
    "northamptonshire-pfcc-response-peel-2023-25.txt": {
        # the commissioner is named by role only
        "force": "northamptonshire",
        "reference": None,
        "date": None,
        "sender": (None, "Police, Fire and Crime Commissioner for Northamptonshire"),
        "recommendations": 0,
        "year": 2023,
        "pillar": None,
    },
    "south-yorkshire-pcc-response-peel-efficiency-2016.txt": {
        "force": "south-yorkshire",
        "reference": None,
        "date": None,
        "sender": ("Dr Alan Billings", None),
        "recommendations": 0,
        "year": 2016,
        "pillar": "efficiency",
    },
    "south-yorkshire-pcc-statement-peel-effectiveness.txt": {
        "force": "south-yorkshire",
        "reference": None,
        "date": None,
        "sender": ("Dr Alan Billings", "South Yorkshire Police and Crime Commissioner"),
        "recommendations": 0,
        "year": None,
        "pillar": "effectiveness",
    },
    "sussex-pcc-comments-hmic-valuing-the-police.txt": {
        # a pre-PEEL report on the funding challenge
        "force": "sussex",
        "reference": None,
        "date": None,
        "sender": ("Katy Bourne", "Sussex Police & Crime Commissioner"),
        "recommendations": 0,
        "year": None,
        "pillar": None,
    },
}
PCC_FILES = corpus_files("pcc")


def test_every_pcc_file_has_values_read() -> None:
    assert sorted(p.name for p in PCC_FILES) == sorted(READ)


@pytest.mark.parametrize("path", PCC_FILES, ids=lambda p: p.name)
def test_corpus_pcc_file(parser: Parser, path: Path) -> None:
    want = READ[path.name]
    doc = parse_response(parser, path)
    sender = (doc.sender.name, doc.sender.role) if doc.sender is not None else None
    got = {
        "force": doc.force.slug if doc.force else None,
        "reference": doc.reference,
        "date": doc.date,
        "sender": sender,
        "recommendations": len(doc.recommendations),
        "year": doc.year,
        "pillar": str(doc.pillar) if doc.pillar else None,
    }
    assert got == want
    assert_lossless(doc, parser.read(path).text)


MINUTES = [p for p in corpus_files("other") if p.name.startswith("city-of-london-police-auth")]


def test_minutes_are_not_a_response_but_read_as_one_on_request(parser: Parser) -> None:
    """Minutes of the City's police authority record the force's answers to two AFIs: not
    the body's own response, so not detected as one; asked for, the response grammar still
    reads the findings and their bulleted answers."""
    (path,) = MINUTES
    assert parser.detect(path).kind != "pcc_response"
    doc = parser.parse(path, kind="pcc_response")
    assert isinstance(doc, PCCResponse)
    assert doc.force is not None and doc.force.slug == "city-of-london"
    got = [(f.label, f.number, f.marker, len(f.response)) for f in doc.recommendations]
    assert got == [
        ("area_for_improvement", "7", "Action for Further Improvement (AFI) 7 –", 1),
        ("area_for_improvement", "11", "AFI 11 –", 2),
    ]
    assert doc.recommendations[0].text == (
        "the Force should ensure that effective external scrutiny takes place in relation to "
        "its use of force."
    )


def test_thematic_letter_subject_and_salutation(parser: Parser) -> None:
    (path,) = [p for p in PCC_FILES if p.name.startswith("essex")]
    doc = parse_response(parser, path)
    assert doc.subject == "Fraud: Time to Choose, an Inspection of the Police Response to Fraud"
    assert doc.salutation == "Dear Home Secretary,"


# -- detection -----------------------------------------------------------------------------

OTHERS = [
    p
    for p in [*SEEDS, *corpus_files("report"), *corpus_files("press"), *corpus_files("other")]
    if p != LETTER
]


def confidences(parser: Parser, path: Path) -> dict[str, float]:
    """Every plugin's confidence that ``path`` is of its kind."""
    source = parser.read(path)
    found: dict[str, float] = {}
    for impl in parser.plugin_manager.hook.peelparse_detect.get_hookimpls():
        detection = impl.function(source=source)
        if detection is not None and detection.confidence > 0:
            found[detection.kind] = detection.confidence
    return found


@pytest.mark.parametrize("path", [LETTER, *PCC_FILES], ids=lambda p: p.name)
def test_responses_beat_every_other_kind(parser: Parser, path: Path) -> None:
    found = confidences(parser, path)
    mine = found.pop("pcc_response", 0.0)
    assert mine > max(found.values(), default=0.0), found


@pytest.mark.parametrize("path", corpus_files("report"), ids=lambda p: p.name)
def test_reports_beat_the_response_detector(parser: Parser, path: Path) -> None:
    found = confidences(parser, path)
    if "pcc_response" in found:
        assert found["pcc_response"] < found.get("inspection_report", 0.0), found


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_other_documents_are_not_responses(parser: Parser, path: Path) -> None:
    assert parser.detect(path).kind != "pcc_response"


def test_a_text_about_nothing_is_not_a_response(parser: Parser) -> None:
    assert detect_pcc(parser.read(b"Shopping list\nEggs\nMilk\n")) is None
