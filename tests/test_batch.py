"""Parsing many files on several cores: results in input order, the same as on one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEEDS, corpus_files
from peelparse._batch import CHUNK, FIRST_CHUNK, _chunks
from peelparse._cli import main


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
