"""Each hook in ``peelparse.hookspecs`` does what its reference page says.

``peelparse_register_kinds`` and ``peelparse_furniture`` are tested in test_plugins.py.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import ClassVar

import attrs
import pytest

from conftest import SEEDS
from peelparse import (
    Detection,
    Diagnostic,
    Document,
    KindRegistry,
    Paragraph,
    Parser,
    PluginError,
    Reading,
    Severity,
    SourceText,
    Unclassified,
    hookimpl,
)
from peelparse.testing import assert_lossless, assert_round_trip


@attrs.frozen(kw_only=True)
class Note(Document):
    """A made-up kind for these tests: a text whose first line is "NOTE"."""

    kind: ClassVar[str] = "note"
    lines: tuple[Paragraph, ...] = ()
    """Every line after the first."""


class NotePlugin:
    """Declares, detects and parses ``note``."""

    __name__ = "note"

    def __init__(self, confidence: float = 0.9) -> None:
        self.confidence = confidence

    @hookimpl
    def peelparse_register_kinds(self, registry: KindRegistry) -> None:
        registry.add(Note)

    @hookimpl
    def peelparse_detect(self, source: SourceText) -> Detection | None:
        if not source.head.startswith("NOTE"):
            return None
        return Detection("note", self.confidence, "first line is NOTE")

    @hookimpl
    def peelparse_parse(self, source: SourceText, kind: str) -> Note | None:
        if kind != "note":
            return None
        first_end = source.text.index("\n") if "\n" in source.text else len(source.text)
        lines = []
        offset = first_end + 1
        for line in source.text[offset:].split("\n"):
            if line.strip():
                start = offset + len(line) - len(line.lstrip())
                lines.append(Paragraph(line.strip(), source.span(start, start + len(line.strip()))))
            offset += len(line) + 1
        return Note(
            lines=tuple(lines),
            unclassified=(
                Unclassified(source.text[:first_end], "marker", source.span(0, first_end)),
            ),
            diagnostics=(Diagnostic("PP999", Severity.INFO, "parsed by a test plugin", None),),
            span=source.span(0, len(source.text)),
        )


NOTE = "NOTE\nfirst\nsecond\n"


def test_hook_detect_highest_confidence_wins_and_evidence_is_kept() -> None:
    parser = Parser([NotePlugin()], autoload=False)
    assert parser.detect(NOTE.encode()) == Detection("note", 0.9, "first line is NOTE")
    document = parser.parse_text(NOTE)
    assert document.detection is not None
    assert (document.detection.confidence, document.detection.evidence) == (
        0.9,
        "first line is NOTE",
    )
    # None means "not mine": the report plugin still wins its own documents
    assert parser.parse(SEEDS[0]).kind == "inspection_report"


def test_hook_detect_a_near_tie_is_reported() -> None:
    class Rival:
        @hookimpl
        def peelparse_detect(self, source: SourceText) -> Detection:
            return Detection("unknown", 0.85, "a rival guess")

    document = Parser([NotePlugin(), Rival()], autoload=False).parse_text(NOTE)
    assert document.kind == "note"
    (tie,) = [d for d in document.diagnostics if d.code == "PP210"]
    assert "also looks like unknown (0.85: a rival guess)" in tie.message


def test_hook_detect_answer_must_be_a_detection_of_a_registered_kind() -> None:
    class Confused:
        @hookimpl
        def peelparse_detect(self) -> Detection:  # fewer arguments than the spec is fine
            return Detection("no_such_kind", 1.0, "a kind nobody declared")

    document = Parser([Confused()], autoload=False).parse(SEEDS[0])
    assert document.kind == "inspection_report"
    assert any(
        d.code == "PP305" and "'Confused'" in d.message and "no_such_kind" in d.message
        for d in document.diagnostics
    )


def test_hook_parse_builds_the_record_and_the_host_completes_it() -> None:
    parser = Parser([NotePlugin()], autoload=False)
    document = parser.parse_text(NOTE)
    assert isinstance(document, Note)
    assert [line.text for line in document.lines] == ["first", "second"]
    # what the plugin set aside and said is kept; the host adds source and detection
    assert ("NOTE", "marker") in [(u.text, u.reason) for u in document.unclassified]
    assert "PP999" in [d.code for d in document.diagnostics]
    assert document.source is not None and document.source.chars == len(NOTE)
    assert_round_trip(parser, document)
    assert_lossless(document, NOTE)


def test_hook_parse_the_first_record_wins_and_kind_skips_detection() -> None:
    class Overriding:
        @hookimpl(tryfirst=True)
        def peelparse_parse(self, source: SourceText, kind: str) -> Note | None:
            if kind != "note":
                return None
            return Note(title="overridden", span=source.span(0, len(source.text)))

    parser = Parser([NotePlugin(), Overriding()], autoload=False)
    assert parser.parse_text(NOTE).title == "overridden"
    # asking for a kind skips detection, so text that does not start with NOTE is a note too
    assert parser.parse_text("memo\n", kind="note").title == "overridden"


def test_hook_parse_none_from_every_plugin_is_an_error() -> None:
    class Declares:
        __name__ = "declares_only"

        @hookimpl
        def peelparse_register_kinds(self, registry: KindRegistry) -> None:
            registry.add(Note)

    with pytest.raises(PluginError, match="no plugin parsed kind 'note'") as caught:
        Parser([Declares()], autoload=False).parse_text(NOTE, kind="note")
    assert caught.value.code == "PP307"


class Rot13Reader:
    """Reads a made-up format: the mark "ROT13" on the first line, then rot13 text."""

    __name__ = "rot13"

    def __init__(self) -> None:
        self.names: list[str | None] = []

    @hookimpl
    def peelparse_read(self, data: bytes, name: str | None) -> Reading | None:
        self.names.append(name)
        if not data.startswith(b"ROT13\n"):
            return None
        return Reading(codecs.decode(data[6:].decode("ascii"), "rot13"), "rot13", "ascii")


def test_hook_read_turns_a_format_into_text(tmp_path: Path) -> None:
    reader = Rot13Reader()
    parser = Parser([NotePlugin(), reader], autoload=False)
    path = tmp_path / "secret.r13"
    path.write_bytes(b"ROT13\n" + codecs.encode(NOTE, "rot13").encode("ascii"))
    document = parser.parse(path)
    assert isinstance(document, Note)
    assert [line.text for line in document.lines] == ["first", "second"]
    assert document.source is not None
    assert (document.source.format, document.source.encoding) == ("rot13", "ascii")
    assert "secret.r13" in reader.names
    # a reader that returns None leaves the bytes to be decoded as text
    plain = parser.parse(NOTE.encode())
    assert plain.source is not None and plain.source.format == "text"


def test_hook_read_a_wrong_answer_names_the_plugin() -> None:
    class Wrong:
        __name__ = "wrong_reader"

        @hookimpl
        def peelparse_read(self, data: bytes) -> str:
            return data.decode()

    with pytest.raises(PluginError, match="wrong_reader") as caught:
        Parser([Wrong()], autoload=False).parse(b"Kent PEEL 2016\n")
    assert caught.value.code == "PP305"
