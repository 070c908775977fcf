"""Corpus items and links find plugin records by their core type and kinds by their role, not
by class names, field names or kind tags."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import pytest

from conftest import SEEDS
from peelparse import (
    Corpus,
    Document,
    Finding,
    Paragraph,
    Parser,
    Quote,
    QuotedFinding,
    Role,
    Span,
)
from peelparse._ids import items_of

REPORT_2017 = "leicestershire/2017/legitimacy/report"
LETTER = "leicestershire/2017/legitimacy/pcc"


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(autoload=False)


@pytest.fixture(scope="module")
def documents(parser: Parser) -> list[Document]:
    return [parser.parse(seed) for seed in SEEDS]


# -- a plugin's own record classes, named and shaped its own way ---------------------------------


@attrs.frozen(kw_only=True)
class Reply(QuotedFinding):
    """A finding a board's letter quotes, with its answer."""


@attrs.frozen(kw_only=True)
class Remark(Quote):
    """Someone the letter quotes."""


@attrs.frozen(kw_only=True)
class BoardLetter(Document):
    """A made-up kind: a board's answer to a report, holding its replies under other names."""

    kind: ClassVar[str] = "board_letter"
    role: ClassVar[Role | None] = Role.RESPONSE
    id_name: ClassVar[str | None] = "board"
    answered: tuple[Reply, ...] = ()
    """The findings the letter answers."""
    remarks: tuple[Remark, ...] = ()
    """Who the letter quotes."""


@attrs.frozen(kw_only=True)
class Notes(Document):
    """A made-up kind with no role: its replies still answer findings, the notes link nowhere."""

    kind: ClassVar[str] = "notes"
    answered: tuple[Reply, ...] = ()
    """The findings the notes answer."""


@attrs.frozen(kw_only=True)
class LookAlike:
    """The fields of a quoted finding and of a quote, without either type."""

    label: str
    """A label."""
    text: str
    """Some text."""
    text_span: Span
    """Where the text is."""
    response: tuple[Paragraph, ...] = ()
    """An answer."""
    speaker: str | None = None
    """A name."""
    span: Span
    """Where it is."""


@attrs.frozen(kw_only=True)
class LookAlikeLetter(Document):
    """A made-up kind whose records only look like quoted findings and quotes."""

    kind: ClassVar[str] = "look_alike"
    role: ClassVar[Role | None] = Role.RESPONSE
    items: tuple[LookAlike, ...] = ()
    """Records shaped like answers and quotes."""


def _as_replies(letter: Any) -> tuple[Reply, ...]:
    return tuple(Reply(**attrs.asdict(r, recurse=False)) for r in letter.recommendations)


def _as_board(letter: Any, **fields: Any) -> BoardLetter:
    common = {f.name: getattr(letter, f.name) for f in attrs.fields(Document)}
    return BoardLetter(**common, answered=_as_replies(letter), **fields)


def test_a_renamed_subclass_keeps_its_answers_ids_and_links(
    parser: Parser, documents: list[Document]
) -> None:
    letter = documents[3]
    span = letter.span
    remark = Remark(
        speaker="Jane Example",
        speaker_span=None,
        role="Chair of the Board",
        role_span=None,
        attribution=None,
        attribution_span=None,
        paragraphs=(),
        text="We accept every recommendation.",
        text_span=None,
        span=Span(span.start, span.start + 5, span.line, span.line),
    )
    board = _as_board(letter, remarks=(remark,))
    corpus = Corpus([*documents[:3], board, *documents[4:]], parser=parser)
    board_id = "leicestershire/2017/legitimacy/board"
    items = corpus[board_id].items
    assert [(a.id, a.number) for a in items.answers] == [
        (f"{board_id}#rec-1", "1"),
        (f"{board_id}#rec-2", "2"),
    ]
    assert [(q.id, q.speaker, q.role) for q in items.quotes] == [
        (f"{board_id}#quote-1", "Jane Example", "Chair of the Board")
    ]
    found = {(link.source_id, link.relation, link.target_id) for link in corpus.links}
    assert {
        (f"{board_id}#rec-1", "answers", f"{REPORT_2017}#afi-1"),
        (f"{board_id}#rec-2", "answers", f"{REPORT_2017}#afi-2"),
        (board_id, "responds_to", REPORT_2017),
    } <= found
    # the letter's answers, read from the built-in kind, are the same items under a new name
    original = Corpus(documents, parser=parser)
    assert [(a.text, a.response) for a in original[LETTER].items.answers] == [
        (a.text, a.response) for a in items.answers
    ]


def test_a_kind_without_a_role_is_not_linked_but_its_answers_are(
    parser: Parser, documents: list[Document]
) -> None:
    letter = documents[3]
    common = {f.name: getattr(letter, f.name) for f in attrs.fields(Document)}
    notes = Notes(**common, answered=_as_replies(letter))
    corpus = Corpus([*documents[:3], notes, *documents[4:]], parser=parser)
    notes_id = "leicestershire/2017/legitimacy/notes"
    assert notes_id in corpus
    links = corpus.links_from(notes_id)
    assert {(link.relation, link.target_id) for link in links} == {
        ("answers", f"{REPORT_2017}#afi-1"),
        ("answers", f"{REPORT_2017}#afi-2"),
    }


def test_records_shaped_like_items_are_not_items(parser: Parser, documents: list[Document]) -> None:
    letter = documents[3]
    common = {f.name: getattr(letter, f.name) for f in attrs.fields(Document)}
    shaped = tuple(
        LookAlike(
            label=r.label,
            text=r.text,
            text_span=r.text_span,
            response=r.response,
            speaker="Someone",
            span=r.span,
        )
        for r in letter.recommendations
    )
    look = LookAlikeLetter(**common, items=shaped)
    items = items_of(look, "x")
    assert (items.answers, items.quotes, items.findings) == ((), (), ())
    corpus = Corpus([*documents[:3], look, *documents[4:]], parser=parser)
    (link,) = corpus.links_from("leicestershire/2017/legitimacy/look_alike")
    assert (link.relation, link.target_id) == ("responds_to", REPORT_2017)


SPAN = Span(0, 4, 1, 1)
ANSWER = {"label": "recommendation", "text": "Do it", "text_span": SPAN, "span": SPAN}
QUOTE: dict[str, Any] = {
    "speaker": "A",
    "speaker_span": None,
    "role": None,
    "role_span": None,
    "attribution": None,
    "attribution_span": None,
    "paragraphs": (),
    "text": "Words",
    "text_span": None,
    "span": SPAN,
}


@attrs.frozen(kw_only=True)
class Holder(Document):
    """A made-up kind that holds any records, for the walk to find."""

    kind: ClassVar[str] = "holder"
    things: tuple[object, ...] = ()
    """Anything."""


@attrs.frozen
class NamedFinding(Finding):
    """A finding under another class name."""


@attrs.frozen(kw_only=True)
class Wrapped:
    """A record that holds an item one level down."""

    inner: object
    """The item."""


@attrs.frozen(kw_only=True)
class SpeakerLike:
    """A quote's fields, not a quote."""

    speaker: str | None
    """A name."""
    text: str
    """Words."""
    span: Span
    """Where."""


@attrs.frozen(kw_only=True)
class FindingLike:
    """A finding's fields, not a finding."""

    label: str
    """A label."""
    number: str | None
    """A number."""
    text: str
    """Words."""
    span: Span
    """Where."""


def _kinds(thing: object) -> tuple[int, int, int]:
    items = items_of(Holder(things=(thing,), span=SPAN), "h")
    return len(items.findings), len(items.answers), len(items.quotes)


@pytest.mark.parametrize(
    ("thing", "expected"),
    [
        (Finding("recommendation", None, "Do it", SPAN), (1, 0, 0)),
        (NamedFinding("area_for_improvement", "2", "Do it", SPAN), (1, 0, 0)),
        (QuotedFinding(**ANSWER), (0, 1, 0)),
        (Reply(**ANSWER), (0, 1, 0)),
        (Quote(**QUOTE), (0, 0, 1)),
        (Remark(**QUOTE), (0, 0, 1)),
        (Wrapped(inner=Reply(**ANSWER)), (0, 1, 0)),
    ],
    ids=[
        "finding",
        "renamed-finding",
        "quoted",
        "renamed-quoted",
        "quote",
        "renamed-quote",
        "deep",
    ],
)
def test_items_are_found_by_type(thing: object, expected: tuple[int, int, int]) -> None:
    assert _kinds(thing) == expected


@pytest.mark.parametrize(
    "thing",
    [
        LookAlike(**ANSWER),
        LookAlike(**ANSWER, speaker="A"),
        SpeakerLike(speaker="A", text="Words", span=SPAN),
        FindingLike(label="recommendation", number=None, text="Do it", span=SPAN),
        Paragraph("Do it", SPAN),
        Wrapped(inner=SpeakerLike(speaker="A", text="Words", span=SPAN)),
    ],
    ids=[
        "answer-fields",
        "answer-and-speaker",
        "quote-fields",
        "finding-fields",
        "paragraph",
        "deep",
    ],
)
def test_look_alikes_are_not_items(thing: object) -> None:
    assert _kinds(thing) == (0, 0, 0)


def test_the_built_in_kinds_declare_their_roles_and_id_names(parser: Parser) -> None:
    declared = {
        tag: (record.role, record.id_name)
        for tag, record in parser.kinds.items()
        if record.role is not None
    }
    assert declared == {
        "inspection_report": (Role.REPORT, "report"),
        "press_release": (Role.ANNOUNCEMENT, "press"),
        "pcc_response": (Role.RESPONSE, "pcc"),
        "news_article": (Role.COVERAGE, "news"),
    }
    assert parser.kinds["unknown"].id_name is None
