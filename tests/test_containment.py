"""What a misbehaving plugin or a damaged input cannot do: end the program, lose text in
silence, or let an error other than ``PeelParseError`` out."""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest

from peelparse import (
    Detection,
    Document,
    KindRegistry,
    Parser,
    PluginError,
    SchemaError,
    SourceText,
    Unclassified,
    hookimpl,
)
from peelparse._span import Span
from peelparse.testing import assert_lossless


@attrs.frozen(kw_only=True)
class Note(Document):
    """A made-up kind for these tests."""

    kind: ClassVar[str] = "note"


class NotePlugin:
    """Parses texts starting "NOTE" by what ``records`` makes of them."""

    __name__ = "note"

    def __init__(self, records: object) -> None:
        self.records = records

    @hookimpl
    def peelparse_register_kinds(self, registry: KindRegistry) -> None:
        registry.add(Note)

    @hookimpl
    def peelparse_detect(self, source: SourceText) -> Detection | None:
        return Detection("note", 0.99, "NOTE") if source.text.startswith("NOTE") else None

    @hookimpl
    def peelparse_parse(self, source: SourceText, kind: str) -> Note | None:
        if kind != "note":
            return None
        records = self.records(source)  # type: ignore[operator]
        return Note(unclassified=tuple(records), span=source.span(0, len(source.text)))


TEXT = "NOTE to all\nBring cake.\n\nAnd tea."


def _first_line(source: SourceText) -> list[Unclassified]:
    return [Unclassified("NOTE to all", "kept", source.span(0, 11))]


def _past_the_end(source: SourceText) -> list[Unclassified]:
    end = len(source.text)
    return [Unclassified(source.text, "kept", Span(0, end + 40, 1, 4))]


def _exits(source: SourceText) -> list[Unclassified]:
    raise SystemExit(3)


def test_text_a_plugin_leaves_out_is_kept_with_a_diagnostic() -> None:
    parser = Parser([NotePlugin(_first_line)], autoload=False)
    document = parser.parse_text(TEXT)
    # The host's own checks only (the note names no force, which PP205 says as well).
    assert [d.code for d in document.diagnostics if d.code.startswith("PP3")] == ["PP308"]
    assert [u.text for u in document.unclassified] == ["NOTE to all", "Bring cake. And tea."]
    assert_lossless(document, TEXT)


def test_a_span_past_the_end_is_reported() -> None:
    parser = Parser([NotePlugin(_past_the_end)], autoload=False)
    document = parser.parse_text(TEXT)
    assert "PP308" in [d.code for d in document.diagnostics]
    assert "outside the text" in " ".join(d.message for d in document.diagnostics)


def test_a_plugin_that_exits_raises_a_plugin_error() -> None:
    parser = Parser([NotePlugin(_exits)], autoload=False)
    with pytest.raises(PluginError) as caught:
        parser.parse_text(TEXT)
    assert caught.value.code == "PP306" and "SystemExit" in caught.value.message


def test_a_keyboard_interrupt_is_not_swallowed() -> None:
    def interrupted(source: SourceText) -> list[Unclassified]:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Parser([NotePlugin(interrupted)], autoload=False).parse_text(TEXT)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"schema_version": "1.0", "kind": "unknown", "title": ' + "[" * 3000 + "]" * 3000 + "}",
    ],
    ids=["deep JSON", "deep field"],
)
def test_deep_json_is_a_schema_error(parser: Parser, text: str) -> None:
    with pytest.raises(SchemaError):
        parser.from_json(text)


def test_utf8_with_a_bad_byte_stays_utf8(parser: Parser) -> None:
    good = "Kent PEEL 2016\r\nThe force is “good” at it, Zoë said.\r\n\r\n".encode()
    document = parser.parse(good + b"It is \xff\xfe fine.\n")
    text = parser.read(good + b"It is \xff\xfe fine.\n").text
    assert document.source is not None and document.source.encoding == "utf-8"
    assert "Zoë" in text and "“good”" in text
    [note] = [d for d in document.diagnostics if d.code == "PP114"]
    assert note.span is not None and note.span.slice(text) == "\ufffd" and note.span.line == 4
    assert f"byte {len(good) + 6}" in note.message


def test_a_windows_code_page_is_still_read_as_one(parser: Parser) -> None:
    document = parser.parse("Kent PEEL 2016\nThe café is “good”.\n".encode("cp1252"))
    assert document.source is not None and document.source.encoding == "cp1252"
