"""The checked-in JSON Schema is the records' schema, versioned; every golden file fits it."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import GOLDEN, ROOT
from peelparse import SCHEMA_VERSION, Parser
from peelparse._schema import json_schema


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


write_schema = _script("write_schema")
GOLDEN_FILES = sorted(p for p in GOLDEN.glob("*.json") if not p.name.endswith(".candidate.json"))


@pytest.fixture(scope="module")
def now() -> dict[str, Any]:
    schema: dict[str, Any] = write_schema.current()
    return schema


def test_the_schema_file_is_current(now: dict[str, Any]) -> None:
    path: Path = write_schema.SCHEMA_FILE
    recorded = json.loads(path.read_text("utf-8")) if path.is_file() else None
    problem = write_schema.problem(recorded, now)
    assert problem is None, f"{path.relative_to(ROOT)}: {problem}"


def test_the_schema_file_is_draft_2020_12_and_of_this_version() -> None:
    recorded = json.loads(write_schema.SCHEMA_FILE.read_text("utf-8"))
    Draft202012Validator.check_schema(recorded)
    assert recorded["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert recorded[write_schema.VERSION_KEY] == SCHEMA_VERSION


def test_the_schema_file_is_the_schema_of_the_built_in_kinds(now: dict[str, Any]) -> None:
    generated = json_schema(Parser(autoload=False).kinds)
    assert {k: v for k, v in now.items() if k not in ("$comment", write_schema.VERSION_KEY)} == (
        generated
    )


def test_a_changed_layout_needs_a_new_version(now: dict[str, Any]) -> None:
    changed = copy.deepcopy(now)
    changed["$defs"]["Span"]["properties"]["column"] = {"type": "integer"}
    message = write_schema.problem(now, changed)
    assert message is not None and "bump SCHEMA_VERSION" in message
    assert "python scripts/write_schema.py" in message


def test_new_words_need_no_new_version(now: dict[str, Any]) -> None:
    reworded = copy.deepcopy(now)
    reworded["$defs"]["Span"]["description"] = "Where a record came from."
    message = write_schema.problem(now, reworded)
    assert message is not None and message.startswith("only descriptions changed")


def test_a_new_version_needs_the_file_written_again(now: dict[str, Any]) -> None:
    bumped = {**copy.deepcopy(now), write_schema.VERSION_KEY: "9.0"}
    message = write_schema.problem(now, bumped)
    assert message is not None and "was written for" in message


def test_the_script_refuses_a_changed_layout_under_the_same_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: dict[str, Any]
) -> None:
    older = copy.deepcopy(now)
    del older["$defs"]["Span"]["properties"]["end_line"]
    target = tmp_path / "schema.json"
    target.write_text(json.dumps(older), "utf-8")
    monkeypatch.setattr(write_schema, "SCHEMA_FILE", target)
    monkeypatch.setattr(write_schema, "ROOT", tmp_path)
    assert write_schema.main([]) == 1
    assert json.loads(target.read_text("utf-8")) == older
    assert write_schema.main(["--same-version"]) == 0
    assert json.loads(target.read_text("utf-8")) == now
    assert write_schema.main(["--check"]) == 0


def test_there_are_golden_files() -> None:
    assert len(GOLDEN_FILES) >= 3


@pytest.mark.parametrize("golden", GOLDEN_FILES, ids=lambda p: p.stem)
def test_golden_file_fits_the_schema(golden: Path) -> None:
    schema = json_schema(Parser(autoload=False).kinds)
    errors = sorted(
        Draft202012Validator(schema).iter_errors(json.loads(golden.read_text("utf-8"))),
        key=lambda e: list(e.absolute_path),
    )
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10]
    )
