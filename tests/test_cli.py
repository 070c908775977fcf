"""The peelparse command: output, diagnostics and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEEDS, corpus_files
from peelparse._cli import main


def test_parse_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS[0])]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["kind"], document["force"]["slug"]) == ("inspection_report", "leicestershire")


def test_parse_jsonl_and_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "jsonl", str(SEEDS[0]), str(SEEDS[2])]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["year"] for line in lines] == [2016, 2017]
    assert main(["parse", "-o", str(tmp_path / "out"), str(SEEDS[0])]) == 0
    assert (tmp_path / "out" / f"{SEEDS[0].stem}.json").is_file()


def test_diagnostics_print_like_a_compiler(capsys: pytest.CaptureFixture[str]) -> None:
    cut = next(p for p in corpus_files("report") if p.name.startswith("kent-peel-2018"))
    assert main(["parse", str(cut)]) == 0
    err = capsys.readouterr().err
    assert f"{cut}:17:99: PP203 info: the text stops mid-sentence" in err


def test_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--strict", str(SEEDS[0])]) == 0
    capsys.readouterr()
    # an unrecognised document carries a warning
    other = next(p for p in corpus_files("other"))
    assert main(["parse", "--strict", str(other)]) == 1


def test_a_failing_file_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["parse", "--format", "jsonl", str(empty), str(SEEDS[0])]) == 1
    captured = capsys.readouterr()
    assert f"{empty}:1:1: PP101 error" in captured.err
    assert len(captured.out.splitlines()) == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse"]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["schema", "no_such_kind"]) == 2


def test_detect(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", *map(str, SEEDS)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert (rows[0][1], rows[0][3], rows[0][4], rows[0][5]) == (
        "inspection_report",
        "leicestershire",
        "2016",
        "legitimacy",
    )
    assert rows[4][1:2] == ["inspection_report"] and rows[4][3] == "lancashire"


def test_plugins_lists_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "inspection_report\tinspection_report\tpeelparse " in out
    assert "unknown\tunknown\tpeelparse " in out


def test_schema_of_one_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "inspection_report"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$ref"] == "#/$defs/InspectionReport"
