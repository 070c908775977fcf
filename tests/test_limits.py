"""Budgets independent of the file size: past each, a coded diagnostic and what was read,
never a hang or a loss of text."""

from __future__ import annotations

import re

import pytest
from fpdf import FPDF

from growth import assert_linear
from peelparse import Limits, Parser
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
