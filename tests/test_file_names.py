"""File names with any bytes, links out of folders, unreadable folders, FIFOs: every one is
read, reported or refused cleanly, and no name can forge a line of output."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS
from peelparse._cli import main

ENV = {**os.environ, "PEELPARSE_GRAMMAR_CACHE": ""}


@pytest.fixture
def latin1_name(tmp_path: Path) -> Path:
    """A seed in a folder, under a name that is not UTF-8 (``café`` in Latin-1)."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = Path(os.fsdecode(bytes(folder) + b"/caf\xe9 report.txt"))
    shutil.copy(SEEDS[0], path)
    return folder


def test_a_name_that_is_not_utf8_reaches_every_export(
    latin1_name: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(latin1_name)
    assert main(["export", folder, "--to", "jsonl", str(tmp_path / "peel.jsonl")]) == 0
    assert main(["export", folder, "--to", "csv", str(tmp_path / "csv")]) == 0
    assert main(["export", folder, "--to", "sqlite", str(tmp_path / "peel.db")]) == 0
    assert main(["parse", folder, "-o", str(tmp_path / "json")]) == 0
    assert main(["parse", "--format", "jsonl", folder]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["source"]["name"] == "caf\\xe9 report.txt"
    line = json.loads((tmp_path / "peel.jsonl").read_text("utf-8"))
    assert line["source"]["name"] == "caf\\xe9 report.txt"
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8", newline="") as rows:
        row = next(csv.DictReader(rows))
    assert row["source_name"] == "caf\\xe9 report.txt"
    assert row["path"].endswith("caf\\xe9 report.txt")
    with sqlite3.connect(tmp_path / "peel.db") as connection:
        (path,) = connection.execute("SELECT path FROM documents").fetchone()
    assert path.endswith("caf\\xe9 report.txt")
    written = [os.fsencode(p.name) for p in (tmp_path / "json").iterdir()]
    assert written == [b"caf\xe9 report.json"]


@pytest.fixture
def leaky_folder(tmp_path: Path) -> Path:
    """A folder with a report and a link to a secret file outside it."""
    secret = tmp_path / "secret.txt"
    secret.write_text("Leicestershire Police\nTOP SECRET password hunter2\n", "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "report.txt")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "report.txt")
    return folder


def test_a_link_out_of_the_folder_is_not_followed(
    leaky_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "--format", "jsonl", str(leaky_folder)]) == 1
    captured = capsys.readouterr()
    assert "hunter2" not in captured.out
    assert len(captured.out.splitlines()) == 2  # report.txt and the link inside the folder
    assert f"{leaky_folder / 'leak.txt'}:1:1: PP113 error" in captured.err
    out = tmp_path / "peel.jsonl"
    assert main(["export", str(leaky_folder), "--to", "jsonl", str(out)]) == 1
    assert "hunter2" not in out.read_text("utf-8")
    assert main(["parse", "--follow-links", "--format", "jsonl", str(leaky_folder)]) == 0
    assert "hunter2" in capsys.readouterr().out


def test_an_unreadable_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "report.txt")
    shutil.copy(SEEDS[2], folder / "locked" / "report.txt")
    real = os.scandir
    locked = str(folder / "locked")

    # Tests may run as root, whom a chmod does not stop: the folder refuses to be listed.
    def scandir(path: str) -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["parse", "--format", "jsonl", str(folder)]) == 1
    captured = capsys.readouterr()
    assert f"{locked}:1:1: PP105 error: cannot read folder" in captured.err
    assert len(captured.out.splitlines()) == 1
    assert main(["corpus", str(folder)]) == 1


def test_a_newline_in_a_name_cannot_forge_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forged = "x.txt:1:1: PP999 error: forged\nfake\tkind"
    (tmp_path / forged).write_text("")
    shutil.copy(SEEDS[0], tmp_path / f"{forged}.txt")
    assert main(["parse", "--format", "jsonl", str(tmp_path)]) == 1
    # The empty file's error and the summary (a header and the file's line): no forged line.
    err = capsys.readouterr().err
    assert err.count("\n") == 3 and "\\x0afake\\x09kind" in err
    assert not any(line.startswith("fake") for line in err.splitlines())
    assert main(["detect", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    rows = captured.out.splitlines()
    assert len(rows) == 1 and len(rows[0].split("\t")) == 7
    assert rows[0].split("\t")[1] == "inspection_report"
    assert captured.err.count("\n") == 3
    assert not any(line.startswith("fake") for line in captured.err.splitlines())


def test_a_fifo_named_on_the_command_line_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "peelparse._cli", "parse", str(fifo), str(SEEDS[0])],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert run.returncode == 1
    assert f"{fifo}:1:1: PP105 error: {fifo} is a FIFO" in run.stderr
    # Two files named: one JSON array, holding the document that could be read.
    assert [d["kind"] for d in json.loads(run.stdout)] == ["inspection_report"]
