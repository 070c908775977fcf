"""What the commands read: a glob, folder or list that names nothing is an error, ``-`` is
standard input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conftest import SEEDS
from peelparse._batch import unmatched
from peelparse._cli import main

COMMANDS = [
    ["parse"],
    ["parse", "--format", "jsonl"],
    ["detect"],
    ["corpus"],
]
"""Commands that take files, with the arguments that go before them."""


def nothing(tmp_path: Path) -> dict[str, str]:
    """Patterns that name no file, by what they are."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "hidden").mkdir()
    (tmp_path / "hidden" / ".only-a-hidden-file.txt").write_text("PEEL 2017", "utf-8")
    return {
        "glob": str(tmp_path / "*.txt"),
        "glob in a missing folder": str(tmp_path / "nowhere" / "*.txt"),
        "empty folder": str(tmp_path / "empty"),
        "folder of hidden files": str(tmp_path / "hidden"),
        "character class": str(tmp_path / "[xyz]*"),
    }


def test_unmatched_names_the_globs_and_folders_that_match_nothing(tmp_path: Path) -> None:
    empty = nothing(tmp_path)
    seeds = str(SEEDS[0].parent / "*.txt")
    assert unmatched([*empty.values(), seeds, str(SEEDS[0])]) == list(empty.values())
    # A path that is no glob and no folder is left to the reader, which names the file.
    assert unmatched([str(tmp_path / "missing.txt")]) == []


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize(
    "what", ["glob", "glob in a missing folder", "empty folder", "folder of hidden files"]
)
def test_a_pattern_that_matches_nothing_exits_1(
    command: list[str], what: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pattern = nothing(tmp_path)[what]
    assert main([*command, pattern]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"no files matched '{pattern}'" in captured.err


def test_one_unmatched_glob_among_files_stops_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pattern = nothing(tmp_path)["glob"]
    assert main(["parse", str(SEEDS[0]), pattern]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"no files matched '{pattern}'" in captured.err


@pytest.mark.parametrize("fmt", ["sqlite", "csv", "jsonl"])
def test_export_of_nothing_writes_nothing(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", nothing(tmp_path)["empty folder"], "--to", fmt, "-p", str(out)]) == 1
    assert "no files matched" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.txt"), "--to", fmt, "-p", str(out)]) == 1
    assert "nothing written" in capsys.readouterr().err
    assert not out.exists()


def test_parse_output_folder_is_not_made_for_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["parse", "-o", str(out), nothing(tmp_path)["glob"]]) == 1
    assert not out.exists()


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_parse_dash_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, SEEDS[1].read_bytes())
    assert main(["parse", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    from_file = json.loads(main_output(["parse", str(SEEDS[1])], capsys))
    assert document["kind"] == from_file["kind"] == "press_release"
    assert document["headline"] == from_file["headline"]
    assert document["source"]["sha256"] == from_file["source"]["sha256"]


def test_empty_standard_input_is_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"")
    assert main(["parse", "-"]) == 1
    assert "PP101" in capsys.readouterr().err


def test_dash_goes_alone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "-", str(SEEDS[0])]) == 2
    assert "standard input" in capsys.readouterr().err


def main_output(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 0
    return capsys.readouterr().out
