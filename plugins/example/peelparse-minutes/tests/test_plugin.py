"""The plugin as peelparse sees it: found by its entry point, detected, in the schema."""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from pathlib import Path

import peelparse_minutes
import pytest
from jsonschema import Draft202012Validator
from lark import Lark

from peelparse import Parser
from peelparse.testing import parser_with


def cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the installed ``peelparse`` command in this process; its standard output."""
    (script,) = entry_points(group="console_scripts", name="peelparse")
    assert script.load()(args) == 0
    return capsys.readouterr().out


def test_the_grammar_has_no_conflicts() -> None:
    # strict mode fails on any shift/reduce conflict and on colliding terminals
    grammar = peelparse_minutes.GRAMMAR
    Lark.open_from_package(
        grammar.package, grammar.filename, ("",), parser="lalr", lexer="contextual", strict=True
    )


def test_the_entry_point_loads_the_plugin() -> None:
    (entry,) = entry_points(group="peelparse", name="minutes")
    assert entry.load() is peelparse_minutes
    assert entry.dist is not None and entry.dist.name == "peelparse-minutes"


def test_installed_it_loads_and_autoload_off_leaves_it_out() -> None:
    assert "panel_minutes" in Parser().kinds
    assert dict(Parser().plugins())["minutes"].startswith("peelparse-minutes ")
    assert "panel_minutes" not in Parser(autoload=False).kinds
    assert "panel_minutes" not in Parser(block=["minutes"]).kinds


def test_detected_among_the_built_ins(parser: Parser, page: Path) -> None:
    detection = parser.detect(page)
    assert (detection.kind, detection.confidence) == ("panel_minutes", 1.0)
    assert "a 'Resolved' line" in detection.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Dear Home Secretary\n\nResolved to act on the report.\n\nYours sincerely\n",
        "Kent PEEL 2016\nLegitimacy\nLast updated 12/12/2017\nThe panel noted the report.\n",
        "A shopping list\n\n- bread\n- milk\n",
        "Members considered a report of the Commissioner.\nAFI 7 – the Force should act.\n"
        "In response, the Force has acted.\nRESOLVED, that the report be received.\n",
    ],
)
def test_other_texts_are_not_claimed(text: str) -> None:
    assert parser_with(peelparse_minutes).detect(text.encode()).kind != "panel_minutes"


def test_the_kind_is_in_the_schema_and_the_json_fits_it(
    parser: Parser, page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = json.loads(cli(["schema", "panel_minutes"], capsys))
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema).validate(parser.to_dict(parser.parse(page)))
    item = schema["$defs"]["ResolutionItem"]["properties"]["number"]
    assert item["description"].startswith("What the numeral counts to")


def test_the_command_line_lists_and_parses_it(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "minutes\tpanel_minutes\tpeelparse-minutes " in cli(["plugins"], capsys)
    document = json.loads(cli(["parse", str(page)], capsys))
    assert document["kind"] == "panel_minutes"
    assert document["resolutions"][0]["items"][1]["label"] == "(ii)"
