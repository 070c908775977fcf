"""Plugin loading: entry points, explicit plugins, blocking and broken plugins."""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest
from jsonschema import Draft202012Validator

from conftest import SEEDS
from peelparse import (
    Detection,
    Document,
    Furniture,
    KindRegistry,
    Parser,
    PluginError,
    SourceText,
    hookimpl,
)
from peelparse._schema import json_schema


@attrs.frozen(kw_only=True)
class Memo(Document):
    """A made-up kind for these tests."""

    kind: ClassVar[str] = "memo"
    heading: str = ""
    """The memo's first line."""


class MemoPlugin:
    __name__ = "memo"

    @hookimpl
    def peelparse_register_kinds(self, registry: KindRegistry) -> None:
        registry.add(Memo)

    @hookimpl
    def peelparse_detect(self, source: SourceText) -> Detection | None:
        if source.text.startswith("MEMO"):
            return Detection("memo", 0.99, "starts with MEMO")
        return None

    @hookimpl
    def peelparse_parse(self, source: SourceText, kind: str) -> Memo | None:
        if kind != "memo":
            return None
        return Memo(heading=source.text.split("\n")[0], span=source.span(0, len(source.text)))


def test_hook_register_kinds_and_parse_and_detect() -> None:
    parser = Parser([MemoPlugin()], autoload=False)
    document = parser.parse_text("MEMO to all staff\nBring cake.")
    assert isinstance(document, Memo) and document.heading == "MEMO to all staff"
    assert parser.from_json(parser.to_json(document)) == document
    assert parser.detect(b"MEMO\n").kind == "memo"


def test_hook_furniture() -> None:
    class Banner:
        @hookimpl
        def peelparse_furniture(self) -> list[Furniture]:
            return [Furniture(r"ADVERT:.*", "advert")]

    parser = Parser([Banner()], autoload=False)
    document = parser.parse(SEEDS[0].read_bytes() + b"\nADVERT: buy now\n")
    assert ("ADVERT: buy now", "furniture: advert") in [
        (u.text, u.reason) for u in document.unclassified
    ]


def test_built_in_plugins_come_from_entry_points() -> None:
    parser = Parser(autoload=False)
    assert {"inspection_report", "unknown"} <= set(parser.kinds)
    assert dict(parser.plugins())["inspection_report"].startswith("peelparse ")


def test_nothing_is_loaded_until_used() -> None:
    parser = Parser()
    assert "_loaded" not in vars(parser)
    parser.kinds  # noqa: B018
    assert "_loaded" in vars(parser)


def test_autoload_off_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEELPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert Parser()._autoload is False
    monkeypatch.setenv("PEELPARSE_DISABLE_PLUGIN_AUTOLOAD", "0")
    assert Parser()._autoload is True


def test_blocking_a_plugin_by_name() -> None:
    parser = Parser(autoload=False, block=["inspection_report"])
    assert "inspection_report" not in parser.kinds
    assert parser.parse(SEEDS[0]).kind == "unknown"


def test_a_kind_registered_twice_names_both_plugins() -> None:
    class Again(MemoPlugin):
        __name__ = "memo_again"

    parser = Parser([MemoPlugin(), Again()], autoload=False)
    with pytest.raises(PluginError, match="registered twice") as caught:
        parser.kinds  # noqa: B018
    assert caught.value.code == "PP304"


def test_a_plugin_that_raises_in_detect_is_reported_and_skipped() -> None:
    class Broken:
        @hookimpl
        def peelparse_detect(self, source: SourceText) -> Detection:
            raise RuntimeError("boom")

    parser = Parser([Broken()], autoload=False)
    document = parser.parse(SEEDS[0])
    assert document.kind == "inspection_report"
    (problem,) = [d for d in document.diagnostics if d.code == "PP306"]
    assert "boom" in problem.message and "failed in peelparse_detect" in problem.message


def test_a_plugin_that_returns_the_wrong_type() -> None:
    class Wrong(MemoPlugin):
        @hookimpl(tryfirst=True)
        def peelparse_parse(self, source: SourceText, kind: str) -> Memo | None:
            return "not a record"  # type: ignore[return-value]

    parser = Parser([Wrong()], autoload=False)
    with pytest.raises(PluginError, match="returned str") as caught:
        parser.parse_text("MEMO\nx")
    assert caught.value.code == "PP305"


def test_a_misspelt_hook_is_refused() -> None:
    class Misspelt:
        @hookimpl
        def peelparse_detekt(self, source: SourceText) -> None:
            return None

    with pytest.raises(PluginError, match="unknown hook"):
        Parser([Misspelt()], autoload=False).kinds  # noqa: B018


def test_schema_covers_plugin_kinds_and_is_valid() -> None:
    parser = Parser([MemoPlugin()], autoload=False)
    schema = json_schema(parser.kinds)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    validator.validate(parser.to_dict(parser.parse_text("MEMO\nx")))
    validator.validate(parser.to_dict(parser.parse(SEEDS[2])))
    assert (
        schema["$defs"]["Memo"]["properties"]["heading"]["description"] == "The memo's first line."
    )
