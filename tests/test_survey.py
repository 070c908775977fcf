"""One walk over a document's records serves both the coverage check and the record budget:
what each of them reads must be what it read when each walked on its own."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from peelparse import Document, Parser
from peelparse._coverage import survey, text_records
from peelparse._records import Diagnostic, Paragraph, Unclassified
from peelparse._span import Span
from peelparse._vocab import Pillar, Severity


class Colour(enum.Enum):
    RED = 1


def _span(start: int) -> Span:
    return Span(start, start + 1, 1, 1)


@attrs.frozen
class Box:
    """A record whose fields hold anything, as a careless plugin's might."""

    text: object
    text_span: object
    span: object = None
    items: object = ()
    inner: object = None


@attrs.frozen(kw_only=True)
class Odd(Document):
    kind: ClassVar[str] = "odd"

    body: object = ()
    text: object = None
    other: object = None


def test_the_budget_counts_records_in_tuples_and_walks_into_records_of_fields() -> None:
    inner = Paragraph("deep", _span(7))
    document = Odd(
        span=_span(0),
        body=(Paragraph("a", _span(1)), Box("b", _span(2), items=(Paragraph("c", _span(3)),))),
        other=Box("d", _span(4), inner=Box("e", _span(5), items=(inner,))),
    )
    found = survey(document)
    # The boxes in ``other`` are walked into but not counted: only records in tuples are.
    assert sorted(found.starts) == [1, 2, 3, 7]
    assert [(text, span.start) for text, span, _ in found.pieces] == [
        ("a", 1),
        ("b", 2),
        ("c", 3),
        ("d", 4),
        ("e", 5),
        ("deep", 7),
    ]


def test_lists_are_read_for_text_but_not_counted() -> None:
    document = Odd(span=_span(0), body=[Paragraph("listed", _span(1))])
    found = survey(document)
    assert [text for text, _, _ in found.pieces] == ["listed"]
    assert found.starts == []


def test_a_text_field_holding_records_is_counted_but_holds_no_text() -> None:
    document = Odd(span=_span(0), title_span=_span(1), title=(Paragraph("p", _span(2)),))  # type: ignore[arg-type]
    found = survey(document)
    assert found.pieces == []
    assert found.starts == [2]


def test_diagnostics_plain_values_and_enums_are_not_counted() -> None:
    document = Odd(
        span=_span(0),
        body=(
            Diagnostic("PP1", Severity.INFO, "m", _span(1)),
            _span(2),
            "x",
            3,
            Pillar.EFFECTIVENESS,
        ),
        other=Colour.RED,
        text=(Colour.RED, Pillar.EFFICIENCY),
        unclassified=(Unclassified("u", "r", _span(4)),),
    )
    found = survey(document)
    assert found.starts == [4]
    assert [text for text, _, _ in found.pieces] == ["u"]


def test_a_record_without_a_span_starts_at_the_first_span_it_holds() -> None:
    document = Odd(span=_span(0), body=(Box(None, _span(9), items=(Paragraph("q", _span(3)),)),))
    assert sorted(survey(document).starts) == [3, 9]


def test_text_records_gives_the_pieces_of_the_walk() -> None:
    document = Parser(autoload=False).parse_text("Kent Police\n\nThe force is good.\n")
    pieces = list(text_records(document))
    assert pieces == survey(document).pieces
    assert all(isinstance(span, Span) for _, span, _ in pieces)
