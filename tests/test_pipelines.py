"""Past one machine: the module-level functions pickle and are pure, and the Dask recipe of
docs/corpus.md gives the table ``peelparse grades`` writes."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import peelparse
from conftest import CORPUS, ROOT, SEEDS
from peelparse._cli import main


def _texts() -> list[str]:
    files = [*SEEDS, *sorted((CORPUS / "raw").rglob("*.txt"))]
    return [path.read_text("utf-8") for path in files]


@pytest.mark.parametrize(
    "function",
    [peelparse.parse, peelparse.parse_text, peelparse.to_dict, peelparse.from_dict],
)
def test_the_functions_pickle_by_name(function: Any) -> None:
    assert pickle.loads(pickle.dumps(function)) is function


def test_to_dict_and_from_dict_are_inverse_and_pure() -> None:
    for text in _texts():
        document = peelparse.parse_text(text)
        data = peelparse.to_dict(document)
        copy = json.loads(json.dumps(data))
        assert peelparse.from_dict(data) == document
        assert data == copy  # from_dict left its argument alone
        assert peelparse.parse_text(text) == document
        assert pickle.loads(pickle.dumps(document)) == document


def test_worker_processes_give_the_same_documents() -> None:
    texts = _texts()[:12]
    here = [peelparse.to_dict(peelparse.parse_text(text)) for text in texts]
    # A fresh interpreter per worker: nothing is inherited from this process.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        documents = list(pool.map(peelparse.parse_text, texts))
        there = list(pool.map(peelparse.to_dict, documents))
    assert there == here
    assert [peelparse.from_dict(d) for d in there] == documents


def test_the_dask_recipe_gives_the_grades_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("dask.bag", reason="the Dask recipe needs peelparse[dask]")
    page = (ROOT / "docs" / "corpus.md").read_text("utf-8")
    match = re.search(r"<!-- dask-recipe -->\n```python\n(.*?)```", page, re.DOTALL)
    assert match is not None, "docs/corpus.md has lost its Dask recipe"
    namespace: dict[str, Any] = {}
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(match.group(1), "docs/corpus.md", "exec"), namespace)
        out = tmp_path / "grades.jsonl"
        assert main(["grades", "seeds", "tests/corpus/raw", "--to", "jsonl", "-o", str(out)]) == 0
    finally:
        os.chdir(here)
    from peelparse._grades import grade_dict

    single = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    dask_rows = [json.loads(json.dumps(grade_dict(row))) for row in namespace["grades"]]
    assert dask_rows == single
    assert len(single) > 80
    assert any(row["superseded_by"] for row in single)
