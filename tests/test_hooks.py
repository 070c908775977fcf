"""Each hook in ``peelparse.hookspecs`` does what its reference page says.

``peelparse_register_kinds`` and ``peelparse_furniture`` are tested in test_plugins.py.
"""

from __future__ import annotations

import codecs
from collections.abc import Generator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pluggy
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


# -- pluggy calls the hooks: wrappers and monitoring see every call ----------------------------


class ParseWatcher:
    """A new-style wrapper of ``peelparse_parse`` that notes each call and its result."""

    __name__ = "parse_watcher"

    def __init__(self) -> None:
        self.seen: list[tuple[str, object]] = []

    @hookimpl(wrapper=True)
    def peelparse_parse(self, source: SourceText, kind: str) -> Generator[None, Any, Any]:
        result = yield
        self.seen.append((kind, result))
        return result


def test_hook_parse_a_wrapper_sees_the_call_and_its_result() -> None:
    watcher = ParseWatcher()
    parser = Parser([NotePlugin(), watcher], autoload=False)
    document = parser.parse_text(NOTE)
    assert isinstance(document, Note)
    # pluggy stops at the first record, so the wrapper sees one call with the winner's record
    (seen,) = watcher.seen
    assert seen[0] == "note" and isinstance(seen[1], Note)
    assert [line.text for line in seen[1].lines] == ["first", "second"]
    # the built-in plugins' parses pass through it too; the host completes the record after
    report = parser.parse(SEEDS[0])
    kind, record = watcher.seen[-1]
    assert kind == "inspection_report" and isinstance(record, Document)
    assert record.source is None and report.source is not None
    assert attrs.evolve(record, source=report.source) == attrs.evolve(
        report, detection=None, diagnostics=record.diagnostics, unclassified=record.unclassified
    )


def test_hook_detect_an_old_style_wrapper_sees_every_answer() -> None:
    class Counting:
        __name__ = "counting"

        def __init__(self) -> None:
            self.answers: list[list[Detection]] = []

        @hookimpl(hookwrapper=True)
        def peelparse_detect(self, source: SourceText) -> Generator[None, Any, None]:
            outcome = yield
            self.answers.append(outcome.get_result())

    counting = Counting()
    parser = Parser([NotePlugin(), counting], autoload=False)
    assert parser.detect(NOTE.encode()).kind == "note"
    (answers,) = counting.answers
    kinds = {answer.kind for answer in answers}
    assert "note" in kinds and "unknown" in kinds


def test_hook_monitoring_sees_each_hook_call_once() -> None:
    parser = Parser([NotePlugin()], autoload=False)
    calls: list[str] = []
    results: list[object] = []

    def before(hook: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]) -> None:
        calls.append(hook)

    def after(
        outcome: pluggy.Result[Any],
        hook: str,
        impls: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        if hook == "peelparse_parse":
            results.append(outcome.get_result())

    undo = parser.plugin_manager.add_hookcall_monitoring(before, after)
    try:
        parser.parse_text(NOTE)
    finally:
        undo()
    assert calls.count("peelparse_detect") == 1
    assert calls.count("peelparse_parse") == 1
    assert isinstance(results[0], Note)


def test_hook_parse_a_wrapper_that_swaps_the_record_is_refused() -> None:
    class Swapper:
        __name__ = "swapper"

        @hookimpl(wrapper=True)
        def peelparse_parse(self, source: SourceText, kind: str) -> Generator[None, Any, Any]:
            yield
            return "not a record"

    with pytest.raises(PluginError, match="a wrapper of peelparse_parse returned str") as caught:
        Parser([NotePlugin(), Swapper()], autoload=False).parse_text(NOTE)
    assert caught.value.code == "PP305"


def test_hook_parse_a_failing_plugin_is_named_and_its_wrapper_sees_the_error() -> None:
    class Failing(NotePlugin):
        __name__ = "failing_note"

        @hookimpl
        def peelparse_parse(self, source: SourceText, kind: str) -> Note | None:
            raise ValueError("no notes today")

    class Watcher:
        __name__ = "watcher"

        def __init__(self) -> None:
            self.errors: list[BaseException] = []

        @hookimpl(wrapper=True)
        def peelparse_parse(self, source: SourceText, kind: str) -> Generator[None, Any, Any]:
            try:
                return (yield)
            except PluginError as exc:
                self.errors.append(exc)
                raise

    watcher = Watcher()
    with pytest.raises(PluginError) as caught:
        Parser([Failing(), watcher], autoload=False).parse_text(NOTE)
    assert caught.value.code == "PP306" and caught.value.plugin == "failing_note"
    assert "plugin 'failing_note' failed in peelparse_parse: ValueError: no notes today" in str(
        caught.value
    )
    assert watcher.errors == [caught.value]


class BrokenDetector:
    """A detector that always fails."""

    def __init__(self, name: str, error: BaseException) -> None:
        self.__name__ = name
        self.error = error

    @hookimpl
    def peelparse_detect(self, source: SourceText) -> Detection:
        raise self.error


def test_hook_detect_failing_detectors_cost_only_their_own_answers() -> None:
    class Watch:
        __name__ = "watch"

        def __init__(self) -> None:
            self.outcomes: list[str] = []

        @hookimpl(wrapper=True)
        def peelparse_detect(self, source: SourceText) -> Generator[None, Any, Any]:
            try:
                answers = yield
            except PluginError as exc:
                self.outcomes.append(f"failed: {exc.plugin}")
                raise
            self.outcomes.append(f"{len(answers)} answers")
            return answers

    watch = Watch()
    first = BrokenDetector("first_broken", RuntimeError("boom"))
    second = BrokenDetector("second_broken", PluginError("PP399", "gave up"))
    parser = Parser([first, NotePlugin(), second, watch], autoload=False)
    document = parser.parse_text(NOTE)
    assert document.kind == "note"
    problems = [d for d in document.diagnostics if d.code in ("PP306", "PP399")]
    # in the order the plugins were registered, whichever failed first
    assert [d.message for d in problems] == [
        "plugin 'first_broken' failed in peelparse_detect: RuntimeError: boom",
        "gave up",
    ]
    assert watch.outcomes[:2] == ["failed: second_broken", "failed: first_broken"]
    assert watch.outcomes[2].endswith("answers")


def test_hook_detect_each_gives_every_plugins_own_answer_by_name() -> None:
    class Silent:
        __name__ = "silent"

        @hookimpl
        def peelparse_detect(self, source: SourceText) -> None:
            return None

    counting = ParseWatcher()
    parser = Parser(
        [NotePlugin(), Silent(), BrokenDetector("broken", RuntimeError("boom")), counting],
        autoload=False,
    )
    answers = dict(parser.detect_each(NOTE.encode()))
    assert answers["note"] == Detection("note", 0.9, "first line is NOTE")
    assert answers["silent"] is None and answers["broken"] is None
    assert answers["unknown"] is not None and answers["unknown"].kind == "unknown"
    assert "parse_watcher" not in answers  # it implements no detection
    assert answers["inspection_report"] is None or answers["inspection_report"].confidence < 0.9


def test_hook_register_kinds_a_failing_plugin_is_named() -> None:
    class Failing:
        __name__ = "failing_kinds"

        @hookimpl
        def peelparse_register_kinds(self, registry: KindRegistry) -> None:
            raise KeyError("kind")

    with pytest.raises(PluginError, match="'failing_kinds' failed in peelparse_register_kinds"):
        Parser([Failing()], autoload=False).kinds  # noqa: B018


def test_hook_parse_a_wrapper_that_raises_is_named() -> None:
    class Clumsy:
        __name__ = "clumsy"

        @hookimpl(wrapper=True)
        def peelparse_parse(self, source: SourceText, kind: str) -> Generator[None, Any, Any]:
            result = yield
            raise LookupError(f"lost the {kind}") from None
            return result  # pragma: no cover

    with pytest.raises(PluginError) as caught:
        Parser([NotePlugin(), Clumsy()], autoload=False).parse_text(NOTE)
    assert caught.value.code == "PP306" and caught.value.plugin == "clumsy"
    assert "plugin 'clumsy' failed in peelparse_parse: LookupError: lost the note" in str(
        caught.value
    )


def test_hook_detect_a_wrapper_that_raises_is_left_out() -> None:
    class Clumsy:
        __name__ = "clumsy_detect"

        @hookimpl(wrapper=True)
        def peelparse_detect(self, source: SourceText) -> Generator[None, Any, Any]:
            yield
            raise LookupError("dropped the answers")

    document = Parser([NotePlugin(), Clumsy()], autoload=False).parse_text(NOTE)
    assert document.kind == "note"
    (problem,) = [d for d in document.diagnostics if d.code == "PP306"]
    assert "plugin 'clumsy_detect' failed in peelparse_detect" in problem.message


def test_hook_detect_a_plugin_registered_later_is_still_named() -> None:
    parser = Parser([NotePlugin()], autoload=False)
    assert parser.parse_text(NOTE).kind == "note"
    parser.plugin_manager.register(BrokenDetector("late", ZeroDivisionError("late")), name="late")
    document = parser.parse_text(NOTE)
    assert document.kind == "note"
    (problem,) = [d for d in document.diagnostics if d.code == "PP306"]
    assert problem.message == "plugin 'late' failed in peelparse_detect: ZeroDivisionError: late"
