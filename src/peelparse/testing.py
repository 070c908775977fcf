"""Helpers for testing peelparse plugins: in your own tests, or in peelparse's.

from pathlib import Path

from peelparse.testing import parser_with, assert_lossless, assert_round_trip

def test_my_kind() -> None:
    parser = parser_with(my_plugin)
    page = Path("tests/data/minutes.txt")
    document = parser.parse(page)
    assert_lossless(document, parser.read(page).text)
    assert_round_trip(parser, document)
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

from peelparse._lazy import LazyPattern
from peelparse._parser import Parser
from peelparse._records import Document, Unclassified
from peelparse._span import Span
from peelparse._text import join_lines, strip_marks

__all__ = [
    "assert_guard_holds",
    "assert_lossless",
    "assert_matches_golden",
    "assert_round_trip",
    "parser_with",
    "text_records",
]


def parser_with(*plugins: object) -> Parser:
    """A parser with the built-in plugins and ``plugins``, and no other installed plugin."""
    return Parser(plugins=plugins, autoload=False)


def text_records(document: Document) -> Iterator[tuple[str, Span, object]]:
    """Every piece of text a record holds, with its span and the record.

    A string field ``x`` is paired with a ``x_span`` field when the record has one, and
    a ``text`` field with ``span`` otherwise. The document's own ``span`` covers the whole
    text and is not a piece of text.
    """
    yield from _walk(document, top=True)


def _walk(value: Any, *, top: bool = False) -> Iterator[tuple[str, Span, object]]:
    if isinstance(value, tuple | list):
        for item in value:
            yield from _walk(item)
        return
    if not attrs.has(type(value)):
        return
    names = {f.name for f in attrs.fields(type(value))}
    for name in names:
        field_value = getattr(value, name)
        if isinstance(field_value, str):
            span_name = (
                f"{name}_span"
                if f"{name}_span" in names
                else ("span" if name == "text" and not top else None)
            )
            span = getattr(value, span_name) if span_name else None
            if isinstance(span, Span):
                yield field_value, span, value
        elif isinstance(field_value, tuple | list) or attrs.has(type(field_value)):
            yield from _walk(field_value)


def assert_lossless(document: Document, text: str) -> None:
    """Fail unless every non-blank character of ``text`` is in a record or ``unclassified``,
    and every record's text is what its span holds: each line stripped, lines joined by one
    space, and (except in ``unclassified``, which keeps text as written) a leading bullet,
    markdown heading or bold mark removed."""
    covered = bytearray(len(text))
    wrong: list[str] = []
    for value, span, record in text_records(document):
        if span.end > len(text):
            wrong.append(f"{type(record).__name__} span {span} runs past the text")
            continue
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
        raw = span.slice(text)
        expected = join_lines(raw) if isinstance(record, Unclassified) else strip_marks(raw)
        if value != expected:
            wrong.append(
                f"{type(record).__name__} text {value[:60]!r} is not its span's "
                f"{expected[:60]!r} (line {span.line})"
            )
    lost = [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]
    if lost:
        first = lost[0]
        line = text.count("\n", 0, first) + 1
        wrong.append(
            f"{len(lost)} characters are in no record, from line {line}: "
            f"{text[first : first + 60]!r}"
        )
    assert not wrong, "\n".join(wrong)


def assert_round_trip(parser: Parser, document: Document) -> None:
    """Fail unless the document survives JSON and back, equal and with the same JSON."""
    text = parser.to_json(document)
    back = parser.from_json(text)
    assert back == document, "the document read back from JSON differs"
    assert parser.to_json(back) == text, "the JSON written again differs"


def assert_matches_golden(parser: Parser, document: Document, golden: Path) -> None:
    """Fail, with a line diff, unless the document's JSON equals the reviewed golden file.

    With no golden file yet, the parse is written beside where it belongs as
    ``<name>.candidate.json`` (never over a golden file), and the failure says how to make
    it the golden one: check it against the source text, field by field, then rename it.
    """
    if not golden.is_file():
        raise AssertionError(_write_candidate(parser, document, golden))
    got = json.loads(parser.to_json(document))
    want = json.loads(golden.read_text("utf-8"))
    if got != want:
        diff = difflib.unified_diff(
            json.dumps(want, indent=1, ensure_ascii=False).splitlines(),
            json.dumps(got, indent=1, ensure_ascii=False).splitlines(),
            f"{golden.name} (reviewed)",
            "parsed now",
            lineterm="",
            n=2,
        )
        raise AssertionError(f"{golden.name} differs from the parse:\n" + "\n".join(diff))


def _write_candidate(parser: Parser, document: Document, golden: Path) -> str:
    """Write the parse as a candidate for ``golden``; say what to do with it."""
    candidate = golden.with_name(f"{golden.name.removesuffix('.json')}.candidate.json")
    try:
        candidate.parent.mkdir(parents=True, exist_ok=True)
        candidate.write_text(parser.to_json(document) + "\n", "utf-8")
    except OSError as exc:
        return f"there is no golden file {golden}, and no candidate could be written: {exc}"
    return (
        f"there is no golden file {golden} yet. The parse is written to {candidate}: "
        "check it against the source text field by field (every value, every span), fix "
        f"the plugin or the text until it is right, then rename it to {golden.name} and "
        "commit it. The test compares against it from then on."
    )


def assert_guard_holds(
    pattern: LazyPattern | re.Pattern[str],
    guard: Callable[[str], bool],
    *,
    how: Literal["search", "match", "fullmatch", "line"] = "search",
    examples: int = 100,
) -> None:
    """Fail unless ``guard``, a cheap test run before ``pattern``, passes every text the
    pattern finds: a guard that turns such a text away would hide a match.

    Texts are drawn from the pattern itself (hypothesis must be installed). ``how`` says how
    the rules use the pattern: ``search``, ``match`` (from the start), ``fullmatch``, or
    ``line`` (matched from the start of a stripped line, as a line typer does; the guard is
    given the stripped line).
    """
    from hypothesis import given, settings
    from hypothesis import strategies as st

    compiled = pattern.compiled if isinstance(pattern, LazyPattern) else pattern

    @settings(max_examples=examples, deadline=None)
    @given(st.from_regex(compiled, fullmatch=how == "fullmatch"))
    def check(text: str) -> None:
        if how == "line":
            text = text.strip()
        found = {
            "search": compiled.search,
            "match": compiled.match,
            "fullmatch": compiled.fullmatch,
            "line": compiled.match,
        }[how](text)
        assert found is None or guard(text), f"the guard turns away {text!r}, which matches"

    check()
