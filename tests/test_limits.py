"""Budgets independent of the file size: past each, a coded diagnostic and what was read,
never a hang or a loss of text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from fpdf import FPDF

from growth import assert_linear
from peelparse import Diagnostic, Limits, Parser, Span
from peelparse.testing import assert_lossless

pytest.importorskip("lxml")


def _codes(diagnostics: object) -> list[str]:
    return [d.code for d in diagnostics]  # type: ignore[attr-defined]


def test_lines_past_the_budget_are_kept_unparsed() -> None:
    text = "Kent PEEL 2016\nAreas for improvement\n" + "".join(
        f"- The force should act {i}.\n" for i in range(30)
    )
    document = Parser(autoload=False, limits=Limits(max_lines=10)).parse_text(text)
    assert "PP120" in _codes(document.diagnostics)
    assert document.span.end == len(text)
    assert_lossless(document, text)
    assert "act 29." in document.unclassified[-1].text


def test_the_line_budget_changes_nothing_below_it(parser: Parser) -> None:
    text = "Kent PEEL 2016\nAreas for improvement\n- The force should act.\n"
    ample = Parser(autoload=False, limits=Limits(max_lines=3))
    assert ample.parse_text(text) == parser.parse_text(text)


def _nested(depth: int) -> bytes:
    return ("<html><body><p>top</p>" + "<div>" * depth + "deep" + "</div>" * depth).encode()


def test_html_nested_past_the_parser_limit_keeps_its_text(parser: Parser) -> None:
    source = parser.read(_nested(5000) + b"<p>tail</p>")
    assert source.text.split() == ["top", "deep", "tail"]
    assert _codes(source.diagnostics) == ["PP122"]


def test_deep_html_costs_linear_time(parser: Parser) -> None:
    assert_linear(
        lambda t: parser.read(t.encode()), lambda n: _nested(n // 11).decode(), 30_000, 240_000
    )


def _attributes(count: int) -> bytes:
    attributes = " ".join(f"a{i}=1" for i in range(count))
    return f"<html><body><p {attributes}>Hello there.</p></body></html>".encode()


def test_an_element_with_many_attributes_keeps_its_text(parser: Parser) -> None:
    source = parser.read(_attributes(5000))
    assert source.text == "Hello there.\n"
    assert _codes(source.diagnostics) == ["PP122"]


def test_many_attributes_cost_linear_time(parser: Parser) -> None:
    assert_linear(
        lambda t: parser.read(t.encode()), lambda n: _attributes(n // 6).decode(), 60_000, 480_000
    )


def _pdf(pages: int) -> bytes:
    pdf = FPDF()
    for number in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, f"Page text number {number}. The force is good.")
    return bytes(pdf.output())


def test_pdf_pages_past_the_budget_are_left_out() -> None:
    source = Parser(autoload=False, limits=Limits(pdf_max_pages=2)).read(_pdf(5))
    assert "number 1." in source.text and "number 2." not in source.text
    assert _codes(source.diagnostics) == ["PP121"]


def test_pdf_inflated_past_the_budget_is_left_out() -> None:
    source = Parser(autoload=False, limits=Limits(pdf_max_inflated_bytes=500)).read(_pdf(20))
    assert "number 0." in source.text and "number 19." not in source.text
    assert _codes(source.diagnostics) == ["PP121"]


def test_pypdf_warnings_become_diagnostics(
    parser: Parser, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = re.sub(rb"startxref\s+\d+", b"startxref\n99", _pdf(2))
    source = parser.read(damaged)
    assert "number 1." in source.text
    assert "PP115" in _codes(source.diagnostics)
    assert capsys.readouterr().err == ""


def _records(document: object) -> int:
    """How many records (diagnostics aside) the tuples of ``document`` hold, nested ones
    included."""
    count = 0
    stack = [document]
    while stack:
        record = stack.pop()
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                if attrs.has(type(item)) and not isinstance(item, Span | Diagnostic):
                    count += isinstance(value, tuple)
                    stack.append(item)
    return count


_FINDINGS = "Kent PEEL 2016\nAreas for improvement\n" + "".join(
    f"- The force should act {i}.\n" for i in range(40)
)


def test_records_past_the_budget_are_kept_unclassified(parser: Parser) -> None:
    limited = Parser(autoload=False, limits=Limits(max_records=12))
    document = limited.parse_text(_FINDINGS)
    assert _codes(document.diagnostics) == ["PP123"]
    assert _records(document) <= 12 + 1  # the unclassified rest is one more record
    rest = document.unclassified[-1]
    assert rest.reason == "past the record budget"
    assert rest.text.endswith("- The force should act 39.")
    assert document.diagnostics[0].span == rest.span
    assert_lossless(document, _FINDINGS)
    assert _records(parser.parse_text(_FINDINGS)) > 40


def test_the_record_budget_changes_nothing_below_it(parser: Parser) -> None:
    whole = parser.parse_text(_FINDINGS)
    ample = Parser(autoload=False, limits=Limits(max_records=_records(whole)))
    assert ample.parse_text(_FINDINGS) == whole


def test_the_record_budget_holds_for_every_kind(parser: Parser) -> None:
    texts = {
        "press_release": "Kent Police is good - HMIC\nPress release\n\n"
        + "".join(
            f"HM Inspector Zoë Billingham said:\n“The force is good at {i}.”\n\n" for i in range(30)
        ),
        "unknown": "".join(f"Kent Police is judged to be good at task {i}.\n\n" for i in range(30)),
    }
    for kind, text in texts.items():
        document = Parser(autoload=False, limits=Limits(max_records=5)).parse_text(text)
        assert document.kind == kind
        assert "PP123" in _codes(document.diagnostics)
        assert _records(document) <= 5 + 1
        assert_lossless(document, text)


_SAYS_NOTHING = "These words say nothing at all. " * 8
"""A stretch longer than the line budget of the tests below."""


@pytest.mark.parametrize(
    ("line", "found"),
    [
        (
            _SAYS_NOTHING + "Kent Police is judged to be good at keeping people safe.",
            lambda d: len(d.judgements),
        ),
        (
            "“The force is good at keeping people safe,” said Chief Constable Jane Doe. "
            + _SAYS_NOTHING
            + "“We are pleased,” said Chief Constable John Roe.",
            lambda d: "John Roe" in [q.speaker for q in d.quotes],
        ),
        (_SAYS_NOTHING + "Kent Police", lambda d: d.force),
        (_SAYS_NOTHING + "PEEL 2016", lambda d: d.year),
        (_SAYS_NOTHING + "PEEL: Police legitimacy", lambda d: d.pillar),
        ("A note on PEEL. " + _SAYS_NOTHING + "Published 2 May 2019", lambda d: d.year),
    ],
    ids=["judgement", "quote", "force", "cycle", "pillar", "date"],
)
def test_a_line_is_examined_only_up_to_the_budget(
    parser: Parser, line: str, found: Callable[[Any], object]
) -> None:
    text = f"A note\n\n{line}\n"
    assert found(parser.parse_text(text))
    document = Parser(autoload=False, limits=Limits(line_chars=200)).parse_text(text)
    assert not found(document)
    assert "PP124" in _codes(document.diagnostics)
    note = next(d for d in document.diagnostics if d.code == "PP124")
    assert note.span is not None and note.span.start == text.index(line) + 200
    assert_lossless(document, text)


def test_lines_within_the_budget_give_no_note(parser: Parser) -> None:
    text = "A note\n\n" + _SAYS_NOTHING + "Kent Police is judged to be good at it.\n"
    document = Parser(autoload=False, limits=Limits(line_chars=len(text))).parse_text(text)
    assert "PP124" not in _codes(document.diagnostics)
    assert document == parser.parse_text(text)


def test_the_sentences_of_a_line_past_the_budget_are_not_read() -> None:
    text = "Kent PEEL 2016\n\n" + "Kent Police is judged to be good at it. " * 100 + "\n"
    document = Parser(autoload=False, limits=Limits(line_chars=400)).parse_text(text)
    assert 0 < len(document.judgements) <= 400 // len("Kent Police is judged to be good at it. ")
    assert all(j.span.end <= text.index("Kent Police") + 400 for j in document.judgements)
    assert_lossless(document, text)


def test_judgements_of_one_sentence_share_its_text(parser: Parser) -> None:
    text = "It is judged to be good at " * 200 + "\n"
    judgements = parser.parse_text(text).judgements
    assert len(judgements) > 100
    assert len({id(j.text) for j in judgements}) == 1


def test_furniture_lines_count_against_the_record_budget(parser: Parser) -> None:
    text = "Skip to content\n" + "Contact Someone Else\n" * 50 + "Kent Police is good.\n"
    assert len(parser.parse_text(text).unclassified) > 50
    document = Parser(autoload=False, limits=Limits(max_records=10)).parse_text(text)
    assert "PP123" in _codes(document.diagnostics)
    assert len(document.unclassified) <= 10 + 1
    assert document.unclassified[-1].text.endswith("Kent Police is good.")
    assert_lossless(document, text)
