"""Outputs never overwrite one another, an input, or a file peelparse did not make."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from conftest import SEEDS
from peelparse._cli import main


@pytest.fixture
def two_reports(tmp_path: Path) -> Path:
    """``in/a/report.txt`` and ``in/b/report.txt``: two documents of one name."""
    folder = tmp_path / "in"
    for sub, seed in (("a", SEEDS[0]), ("b", SEEDS[2])):
        (folder / sub).mkdir(parents=True)
        shutil.copy(seed, folder / sub / "report.txt")
    return folder


def _written(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_output_folder_mirrors_the_input_folder(two_reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(two_reports), "-o", str(out)]) == 0
    assert _written(out) == ["a/report.json", "b/report.json"]
    assert '"year": 2016' in (out / "a" / "report.json").read_text("utf-8")
    assert '"year": 2017' in (out / "b" / "report.json").read_text("utf-8")


def test_output_folder_mirrors_a_glob_below_its_fixed_part(
    two_reports: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(two_reports / "*" / "report.txt"), "-o", str(out)]) == 0
    assert _written(out) == ["a/report.json", "b/report.json"]


def test_two_inputs_for_one_output_file_are_refused_before_writing(
    two_reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    files = [str(two_reports / "a" / "report.txt"), str(two_reports / "b" / "report.txt")]
    assert main(["parse", *files, "-o", str(out)]) == 1
    assert "PP505" in capsys.readouterr().err
    assert not out.exists()


def test_export_never_writes_over_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SEEDS[0], a)
    shutil.copy(SEEDS[2], b)
    for fmt in ("sqlite", "jsonl"):
        # The output name forgotten: the last input is taken for it.
        assert main(["export", str(a), str(b), "--to", fmt]) == 1
        assert "PP502" in capsys.readouterr().err
        # An input named as the output too is refused even with --force.
        assert main(["export", str(a), str(b), "--to", fmt, str(b), "--force"]) == 1
        assert main(["export", str(tmp_path), "--to", fmt, str(a), "--force"]) == 1
        assert capsys.readouterr().err.count("PP501") == 2
    assert a.read_bytes() == SEEDS[0].read_bytes()
    assert b.read_bytes() == SEEDS[2].read_bytes()
    assert main(["export", str(tmp_path), "--to", "csv", str(tmp_path), "--force"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


@pytest.mark.parametrize("fmt", ["sqlite", "jsonl"])
def test_export_over_a_file_it_did_not_make_needs_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    mine = tmp_path / "notes.out"
    mine.write_text("my own notes\n")
    assert main(["export", str(SEEDS[0]), "--to", fmt, str(mine)]) == 1
    assert "PP502" in capsys.readouterr().err
    assert mine.read_text() == "my own notes\n"
    assert main(["export", str(SEEDS[0]), "--to", fmt, str(mine), "--force"]) == 0
    assert main(["export", str(SEEDS[0]), "--to", fmt, str(mine)]) == 0


def test_export_into_a_folder_or_over_a_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (tmp_path / "file.csv").write_text("x\n")
    assert main(["export", str(SEEDS[0]), "--to", "sqlite", str(folder)]) == 1
    assert main(["export", str(SEEDS[0]), "--to", "jsonl", str(folder), "--force"]) == 1
    assert main(["export", str(SEEDS[0]), "--to", "csv", str(tmp_path / "file.csv")]) == 1
    err = capsys.readouterr().err
    assert err.count("PP502") == 3 and "Traceback" not in err
    others = tmp_path / "others"
    others.mkdir()
    (others / "keep.txt").write_text("keep")
    assert main(["export", str(SEEDS[0]), "--to", "csv", str(others)]) == 1
    assert [p.name for p in others.iterdir()] == ["keep.txt"]
    # Forced, the table files are written beside the other files, which are kept.
    assert main(["export", str(SEEDS[0]), "--to", "csv", str(others), "--force"]) == 0
    assert (others / "keep.txt").read_text() == "keep"
    assert (others / "documents.csv").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def _tables(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        names = [row[0] for row in rows]
        return {n: connection.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}


def test_sqlite_export_keeps_the_users_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "peel.db"
    assert main(["export", str(SEEDS[0]), "--to", "sqlite", str(database)]) == 0
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE my_notes (note TEXT)")
        connection.execute("INSERT INTO my_notes VALUES ('mine')")
    database.chmod(0o640)
    seeds = [str(seed) for seed in SEEDS]
    assert main(["export", *seeds, "--to", "sqlite", str(database)]) == 1
    assert "PP503" in capsys.readouterr().err
    assert _tables(database)["documents"] == 1
    assert main(["export", *seeds, "--to", "sqlite", str(database), "--force"]) == 0
    tables = _tables(database)
    assert tables["my_notes"] == 1 and tables["documents"] == 5
    assert stat.S_IMODE(database.stat().st_mode) == 0o640
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM afi_responses").fetchone()[0] > 0
