"""JSON output through orjson and the standard-library fallback, on real documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs.fns import identity

from conftest import SEEDS, corpus_files
from peelparse import Document, Parser, SchemaError
from peelparse._records import Judgement
from peelparse._span import Span
from peelparse._vocab import Grade, Pillar, Severity

DOCUMENTS = SEEDS + corpus_files()
SURROGATE_TEXT = "Kent PEEL 2016\n\nThe force \ud800 is good.\n"
COMPACT = (",", ":")


def _plain(value: Any) -> bool:
    """Whether ``value`` is made only of the exact types ``json.loads`` returns."""
    if type(value) is dict:
        return all(type(key) is str and _plain(item) for key, item in value.items())
    if type(value) is list:
        return all(_plain(item) for item in value)
    return type(value) in (str, int, float, bool, type(None))


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_round_trip(parser: Parser, path: Path, indent: int | None) -> None:
    document = parser.parse(path)
    text = parser.to_json(document, indent=indent)
    assert parser.from_json(text) == document
    assert parser.from_json(text.encode("utf-8")) == document


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_orjson_and_the_standard_library_write_the_same(parser: Parser, path: Path) -> None:
    document = parser.parse(path)
    data = parser.to_dict(document)
    compact = parser.to_json(document, indent=None)
    # indent=4 is written by the standard library, None and 2 by orjson.
    assert json.loads(compact) == json.loads(parser.to_json(document, indent=4)) == data
    assert json.loads(parser.to_json(document, indent=2)) == data
    assert compact == json.dumps(data, ensure_ascii=False, separators=COMPACT)
    assert "\n" not in compact


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_to_dict_is_plain_json_data(parser: Parser, path: Path) -> None:
    data = parser.to_dict(parser.parse(path))
    assert list(data)[:2] == ["kind", "schema_version"]
    assert _plain(data)


def test_enums_become_their_values(parser: Parser) -> None:
    document = next(d for d in map(parser.parse, SEEDS) if d.judgements and d.diagnostics)
    judgements = parser.to_dict(document)["judgements"]
    for written, judgement in zip(judgements, document.judgements, strict=True):
        assert type(written["grade"]) is str
        assert written["grade"] == judgement.grade.value
        assert written["pillar"] is None or type(written["pillar"]) is str
    severities = [d["severity"] for d in parser.to_dict(document)["diagnostics"]]
    assert severities
    assert all(type(s) is str and s in {v.value for v in Severity} for s in severities)


def test_optional_fields_of_every_kind_are_written(parser: Parser) -> None:
    span = Span(0, 4, 1, 1)
    judgement = Judgement("Legitimacy", Pillar.LEGITIMACY, Grade.GOOD, "good", span)
    document = parser.parse(SEEDS[0])
    changed = attrs.evolve(
        document,
        title=None,
        title_span=span,
        year=None,
        pillar=Pillar.EFFICIENCY,
        judgements=(judgement, attrs.evolve(judgement, pillar=None)),
        source=None,
        detection=None,
    )
    data = parser.to_dict(changed)
    assert data["title"] is None
    assert data["title_span"] == {"start": 0, "end": 4, "line": 1, "end_line": 1}
    assert data["year"] is None
    assert data["pillar"] == "efficiency"
    assert [j["pillar"] for j in data["judgements"]] == ["legitimacy", None]
    assert data["source"] is None
    assert data["detection"] is None
    for indent in (None, 2, 4):
        assert parser.from_json(parser.to_json(changed, indent=indent)) == changed


def test_optional_primitives_cost_no_call(parser: Parser) -> None:
    # cattrs copies a field without calling anything only when its hook is ``identity``.
    converter = parser.serializer.converter
    for hint in (str | None, int | None, float | None, bool | None):
        assert converter.get_unstructure_hook(hint) is identity


def test_tuples_become_lists(parser: Parser) -> None:
    converter = parser.serializer.converter
    cases: list[tuple[Any, tuple[Any, ...], list[Any]]] = [
        (tuple[str, ...], ("a", "b"), ["a", "b"]),
        (tuple[Grade, ...], (Grade.GOOD,), ["good"]),
        (tuple[Grade | None, ...], (None, Grade.INADEQUATE), [None, "inadequate"]),
        (tuple[Span, ...], (), []),
        (tuple[Span, ...], (Span(0, 1, 1, 1),), [{"start": 0, "end": 1, "line": 1, "end_line": 1}]),
    ]
    for hint, value, want in cases:
        got = converter.unstructure(value, hint)
        assert got == want
        assert _plain(got)
        assert converter.structure(got, hint) == value


def test_a_value_that_is_not_a_member_is_written_as_it_is(parser: Parser) -> None:
    document = parser.parse(SEEDS[0])
    odd = attrs.evolve(document, pillar="efficiency")
    assert parser.to_dict(odd)["pillar"] == "efficiency"


def test_lone_surrogate_falls_back_to_the_standard_library(parser: Parser) -> None:
    document = parser.parse_text(SURROGATE_TEXT)
    for indent in (None, 2, 4):
        text = parser.to_json(document, indent=indent)
        assert "\ud800" in text
        assert json.loads(text) == parser.to_dict(document)
        assert parser.from_json(text) == document
        assert parser.from_json(text.encode("utf-8", "surrogatepass")) == document
    data = parser.to_dict(document)
    assert parser.to_json(document, indent=None) == json.dumps(
        data, ensure_ascii=False, separators=COMPACT
    )
    assert parser.to_json(document, indent=2) == json.dumps(data, ensure_ascii=False, indent=2)


def test_non_utf8_json_bytes_are_still_read(parser: Parser) -> None:
    document = parser.parse(SEEDS[0])
    assert parser.from_json(parser.to_json(document).encode("utf-16")) == document


@pytest.mark.parametrize(
    "text",
    ["not json", "", "{", '{"kind": "unknown",}', "[1, 2", b"\xff\xfe\x00", b"\x80abc"],
    ids=repr,
)
def test_bad_json_is_pp400(parser: Parser, text: str | bytes) -> None:
    with pytest.raises(SchemaError, match="not JSON") as caught:
        parser.from_json(text)
    assert caught.value.code == "PP400"
    assert "orjson" not in str(caught.value)


def test_unregistered_record_is_pp403(parser: Parser) -> None:
    with pytest.raises(SchemaError) as caught:
        parser.to_json(Document(span=Span(0, 1, 1, 1)))
    assert caught.value.code == "PP403"
