"""Outputs are written whole or not at all: a failed, killed or full-disk write leaves the
previous output as it was; modes of replaced files are kept, new ones follow the umask."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SEEDS
from peelparse import Corpus
from peelparse._cli import main

ENV = {**os.environ, "PEELPARSE_GRAMMAR_CACHE": ""}


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _no_space(*args: object, **kwargs: object) -> Iterator[str]:
    yield '{"schema_version": "1.0", "kind": "half"'
    raise OSError(errno.ENOSPC, "No space left on device")


def test_jsonl_export_that_fails_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "peel.jsonl"
    assert main(["export", str(SEEDS[0]), "--to", "jsonl", str(out)]) == 0
    before = _snapshot(tmp_path)
    monkeypatch.setattr("peelparse._export.document_lines", _no_space)
    capsys.readouterr()
    assert main(["export", *map(str, SEEDS), "--to", "jsonl", str(out)]) == 1
    err = capsys.readouterr().err
    assert "PP504" in err and "No space left" in err and "Traceback" not in err
    assert _snapshot(tmp_path) == before


def test_csv_export_that_fails_mid_set_keeps_the_old_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "csv"
    assert main(["export", *map(str, SEEDS[:2]), "--to", "csv", str(out)]) == 0
    before = _snapshot(tmp_path)

    def full(self: Corpus) -> tuple[object, ...]:
        raise OSError(errno.ENOSPC, "No space left on device")

    # The links are the last table written: every other file of the new set is complete.
    monkeypatch.setattr(Corpus, "links", property(full))
    assert main(["export", *map(str, SEEDS), "--to", "csv", str(out)]) == 1
    assert "PP504" in capsys.readouterr().err
    assert _snapshot(tmp_path) == before


def test_parse_output_on_a_full_disk_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["parse", "-o", str(out), str(SEEDS[0])]) == 0
    before = _snapshot(tmp_path)
    # A file-size limit makes every write past 2 KB fail as a full disk would.
    limited = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))\n"
        "from peelparse._cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", limited, "parse", "-o", str(out), str(SEEDS[0])],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    assert "PP504" in run.stderr and "Traceback" not in run.stderr
    assert _snapshot(tmp_path) == before


SLOW_EXPORT = """\
import sys, time
from pathlib import Path
import peelparse._export as export

real = export.document_lines
flag = Path(sys.argv[1])

def slow(corpus):
    for line in real(corpus):
        yield line
        flag.touch()
        time.sleep(60)

export.document_lines = slow
from peelparse._cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_export_killed_mid_write_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "peel.jsonl"
    assert main(["export", str(SEEDS[0]), "--to", "jsonl", str(out)]) == 0
    before = out.read_bytes()
    flag = tmp_path / "writing"
    args = [str(flag), "export", *map(str, SEEDS), "--to", "jsonl", str(out)]
    process = subprocess.Popen([sys.executable, "-c", SLOW_EXPORT, *args], env=ENV)
    try:
        deadline = time.monotonic() + 120
        while not flag.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert flag.exists(), "the export never started writing"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert out.read_bytes() == before


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_027")
def test_new_outputs_follow_the_umask_and_replaced_ones_keep_their_mode(tmp_path: Path) -> None:
    seeds = [str(seed) for seed in SEEDS[:2]]
    database, lines, csv = tmp_path / "peel.db", tmp_path / "peel.jsonl", tmp_path / "csv"
    assert main(["export", *seeds, "--to", "sqlite", str(database)]) == 0
    assert main(["export", *seeds, "--to", "jsonl", str(lines)]) == 0
    assert main(["export", *seeds, "--to", "csv", str(csv)]) == 0
    assert main(["parse", "-o", str(tmp_path / "json"), *seeds]) == 0
    assert _mode(database) == _mode(lines) == _mode(csv / "findings.csv") == 0o640
    assert _mode(tmp_path / "json" / f"{SEEDS[0].stem}.json") == 0o640
    assert _mode(csv) == 0o750
    database.chmod(0o604)
    lines.chmod(0o600)
    csv.chmod(0o700)
    assert main(["export", *seeds, "--to", "sqlite", str(database)]) == 0
    assert main(["export", *seeds, "--to", "jsonl", str(lines)]) == 0
    assert main(["export", *seeds, "--to", "csv", str(csv)]) == 0
    assert (_mode(database), _mode(lines), _mode(csv)) == (0o604, 0o600, 0o700)
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone() == (2,)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
