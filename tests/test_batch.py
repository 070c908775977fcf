"""Parsing many files on several cores: results in input order, the same as on one."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from conftest import SEEDS, corpus_files
from peelparse import Corpus
from peelparse._batch import CHUNK, FIRST_CHUNK, _chunks, parse_paths
from peelparse._cli import main
from peelparse._plugins import AUTOLOAD_ENV


def test_chunks_double_up_to_the_most_and_keep_the_order() -> None:
    items = [Path(str(i)) for i in range(200)]
    chunks = list(_chunks(items, FIRST_CHUNK, CHUNK))
    assert [len(c) for c in chunks] == [8, 16, 32, 64, 64, 16]
    assert [p for c in chunks for p in c] == items
    assert list(_chunks([], FIRST_CHUNK, CHUNK)) == []


def test_two_workers_print_what_one_prints_in_input_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Enough files for chunks of every size, so that several are in flight at once.
    files = [str(p) for p in [*SEEDS, *corpus_files()] * 2][:160]
    assert main(["--no-autoload", "parse", "--format", "jsonl", *files]) == 0
    alone = capsys.readouterr().out.splitlines()
    assert main(["--no-autoload", "parse", "--format", "jsonl", "--jobs", "2", *files]) == 0
    shared = capsys.readouterr().out.splitlines()
    assert len(alone) == len(files)
    assert shared == alone
    assert json.loads(shared[0])["source"]["name"] == Path(files[0]).name


def _locked_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, "Leicestershire PEEL 2016")
    pdf.set_encryption("owner", user_password="reader", encryption_method=EncryptionMethod.RC4)
    return bytes(pdf.output())


# Files that stop a parse, each with the code its failure must carry. The sabotage plugin
# (tests/sabotage_plugin.py) reads the SABOTAGE files and raises, crashes, exits or hangs.
BAD = {
    "empty.txt": (b"", "PP101"),
    "binary.bin": (random.Random(15).randbytes(600), "PP102"),
    "locked.pdf": (_locked_pdf(), "PP109"),
    "raise.txt": (b"SABOTAGE raise\n", "PP306"),
    "segfault.txt": (b"SABOTAGE segfault\n", "PP602"),
    "exit.txt": (b"SABOTAGE exit\n", "PP602"),
    "hang.txt": (b"SABOTAGE hang\n", "PP601"),
}
# Good files around the bad one: it falls in the first chunk, and a second chunk follows.
GOOD = [str(p) for p in [*SEEDS, *corpus_files()][:12]]
TIMEOUT = "2"


@pytest.fixture
def sabotage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Install the sabotage plugin as an installed distribution would (an entry point in a
    dist-info folder on the path), so that every worker process loads it too."""
    site = tmp_path / "site"
    dist = site / "sabotage-0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sabotage\nVersion: 0\n")
    (dist / "entry_points.txt").write_text("[peelparse]\nsabotage = sabotage_plugin\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    return site


def _bad_file(folder: Path, name: str) -> tuple[str, str]:
    content, code = BAD[name]
    path = folder / name
    path.write_bytes(content)
    return str(path), code


def _timeout(name: str) -> list[str]:
    return ["--timeout", TIMEOUT] if name == "hang.txt" else []


@pytest.mark.parametrize("name", BAD)
def test_parse_with_two_workers_names_a_bad_file_and_writes_the_others_in_order(
    name: str, sabotage: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "--format", "jsonl", *GOOD]) == 0
    expected = capsys.readouterr().out.splitlines()
    bad, code = _bad_file(tmp_path, name)
    files = [*GOOD[:5], bad, *GOOD[5:]]
    arguments = ["parse", "--format", "jsonl", "--jobs", "2", *_timeout(name), *files]
    assert main(arguments) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == expected
    assert f"{bad}:1:1: {code} error: " in captured.err
    assert captured.err.endswith(f"1 of {len(files)} files failed:\n  {bad} ({code})\n")


def test_corpus_and_export_with_two_workers_keep_the_other_files(
    sabotage: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hang, _ = _bad_file(tmp_path, "hang.txt")
    files = [*GOOD[:3], hang, *GOOD[3:6]]
    assert main(["corpus", "-j", "2", "--timeout", TIMEOUT, *files]) == 1
    captured = capsys.readouterr()
    assert "documents: 6 (1 failed)" in captured.out
    assert f"{hang}:1:1: PP601 error: " in captured.err
    assert captured.err.endswith(f"1 of 7 files failed:\n  {hang} (PP601)\n")
    crash, _ = _bad_file(tmp_path, "segfault.txt")
    files = [*GOOD[:3], crash, *GOOD[3:6]]
    out = tmp_path / "out.jsonl"
    assert main(["export", *files, "--to", "jsonl", str(out), "-j", "2"]) == 1
    assert len(out.read_text("utf-8").splitlines()) == 6
    assert capsys.readouterr().err.endswith(f"1 of 7 files failed:\n  {crash} (PP602)\n")


def test_corpus_from_paths_with_a_time_limit(sabotage: Path, tmp_path: Path) -> None:
    hang, _ = _bad_file(tmp_path, "hang.txt")
    exits, _ = _bad_file(tmp_path, "exit.txt")
    built = Corpus.from_paths([hang, *GOOD[:4], exits], jobs=2, timeout=float(TIMEOUT))
    assert len(built) == 4
    assert [(f.path, f.code) for f in built.failures] == [(hang, "PP601"), (exits, "PP602")]
    assert "exited with code 3" in built.failures[1].message


def test_a_time_limit_with_one_job_parses_in_a_worker_process(
    sabotage: Path, tmp_path: Path
) -> None:
    hang, _ = _bad_file(tmp_path, "hang.txt")
    crash, _ = _bad_file(tmp_path, "segfault.txt")
    paths = [Path(p) for p in [GOOD[0], hang, crash, GOOD[1]]]
    results = list(parse_paths(paths, jobs=1, timeout=float(TIMEOUT)))
    assert [r.path for r in results] == paths
    assert [r.error.code if r.error else None for r in results] == [None, "PP601", "PP602", None]
    assert "SIGSEGV" in str(results[2].error)


def test_detect_with_a_time_limit(
    sabotage: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hang, _ = _bad_file(tmp_path, "hang.txt")
    assert main(["detect", GOOD[0], hang, GOOD[1], "--timeout", TIMEOUT]) == 1
    captured = capsys.readouterr()
    assert [line.split("\t")[0] for line in captured.out.splitlines()] == GOOD[:2]
    assert f"{hang}:1:1: PP601 error: " in captured.err


def test_workers_stop_when_the_batch_ends_or_is_left() -> None:
    files = [Path(p) for p in GOOD]
    assert len(list(parse_paths(files, jobs=2))) == len(files)
    assert multiprocessing.active_children() == []
    results = parse_paths(files * 4, jobs=2)
    assert next(results).path == files[0]
    assert multiprocessing.active_children()
    results.close()
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_with_a_killed_parent(sabotage: Path, tmp_path: Path) -> None:
    # Two workers hang on files of their own; the command is killed with SIGKILL, which it
    # cannot catch, so only the workers themselves can see that they are orphans.
    hangs = []
    for i in range(FIRST_CHUNK + 1):
        path = tmp_path / f"hang{i}.txt"
        path.write_bytes(BAD["hang.txt"][0])
        hangs.append(str(path))
    command = ["-m", "peelparse._cli", "parse", "--jobs", "2", *hangs]
    _kill_and_watch_the_children(command, 2, tmp_path, [str(sabotage)])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_worker_that_watches_its_parent_exits_when_it_dies(tmp_path: Path) -> None:
    # Where the system cannot kill a worker with its parent, the worker watches the parent.
    script = (
        "import multiprocessing, os, sys\n"
        "from pathlib import Path\n"
        "from peelparse._workers import _watch_parent\n"
        "def child(folder):\n"
        "    (Path(folder) / str(os.getpid())).touch()\n"
        "    _watch_parent(os.getppid())\n"
        "process = multiprocessing.get_context('fork').Process(\n"
        "    target=child, args=(os.environ['SABOTAGE_PIDS'],))\n"
        "process.start()\n"
        "process.join()\n"
    )
    _kill_and_watch_the_children(["-c", script], 1, tmp_path, [])


def _kill_and_watch_the_children(
    arguments: list[str], count: int, tmp_path: Path, path: list[str]
) -> None:
    """Run Python with ``arguments`` until ``count`` children have written their pids, kill
    it with SIGKILL and check that the children are gone within a few seconds."""
    pids = tmp_path / "pids"
    pids.mkdir()
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([*path, str(Path(__file__).parent), *sys.path]),
        "SABOTAGE_PIDS": str(pids),
    }
    environment.pop(AUTOLOAD_ENV, None)
    parent = subprocess.Popen([sys.executable, *arguments], env=environment)
    children: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(children) < count and time.monotonic() < deadline:
            time.sleep(0.05)
            children = [int(p.name) for p in pids.iterdir()]
        assert len(children) == count, "the children did not start"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 5
        while any(map(_alive, children)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, children))
    finally:
        parent.kill()
        parent.wait()
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its new parent to reap it does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"
