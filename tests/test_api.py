"""The public API: what ``import peelparse`` offers."""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import peelparse
from conftest import SEEDS


def test_all_is_sorted_and_complete() -> None:
    public = {
        name
        for name in dir(peelparse)
        if not name.startswith("_") and not isinstance(getattr(peelparse, name), ModuleType)
    }
    public.add("__version__")
    public -= {"annotations", "Any", "TYPE_CHECKING"}
    assert peelparse.__all__ == sorted(peelparse.__all__)
    assert set(peelparse.__all__) == public


def test_module_functions(tmp_path: object) -> None:
    document = peelparse.parse(SEEDS[0])
    assert peelparse.from_json(peelparse.to_json(document)) == document
    assert peelparse.to_dict(document)["kind"] == "inspection_report"
    assert peelparse.parse_text(SEEDS[0].read_text("utf-8")) == peelparse.parse(
        SEEDS[0].read_text("utf-8")
    )
    assert peelparse.detect(SEEDS[0]).kind == "inspection_report"


def test_parse_accepts_path_str_bytes_and_file() -> None:
    by_path = peelparse.parse(SEEDS[2])
    with SEEDS[2].open("rb") as handle:
        by_file = peelparse.parse(handle)
    by_bytes = peelparse.parse(SEEDS[2].read_bytes())
    assert by_path.questions == by_file.questions == by_bytes.questions  # type: ignore[attr-defined]


def test_import_loads_no_plugin() -> None:
    code = "import sys, peelparse; print(any(m.startswith('peelparse_') for m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
