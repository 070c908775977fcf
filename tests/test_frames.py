"""Data frames of a corpus's tables, and the pivot example of docs/corpus.md."""

from __future__ import annotations

import contextlib
import io
import os
import re
from typing import Any

import pytest

from conftest import CORPUS, ROOT, SEEDS
from peelparse import Corpus, InputError
from peelparse._export import TABLES

pandas = pytest.importorskip("pandas")

FLAT = ("documents", "grades", "findings", "links", "quotes")
BEST_FIRST = ["outstanding", "good", "adequate", "requires_improvement", "inadequate"]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_paths([*SEEDS, CORPUS / "raw"], autoload=False)


@pytest.mark.parametrize("name", FLAT)
def test_pandas_frames_are_flat_with_the_exported_columns(corpus: Corpus, name: str) -> None:
    frame = corpus.to_pandas(name)
    table = next(t for t in TABLES if t.name == name)
    assert list(frame.columns) == [c.name for c in table.columns]
    assert len(frame) == sum(1 for _ in table.rows(corpus))
    assert len(frame) > 0
    for column in frame.columns:
        values = frame[column].dropna()
        assert not any(isinstance(v, list | tuple | dict) for v in values), column


def test_grade_and_pillar_are_ordered_categories(corpus: Corpus) -> None:
    grades = corpus.to_pandas("grades")
    assert list(grades.grade.cat.categories)[:5] == BEST_FIRST
    assert grades.grade.cat.ordered and grades.pillar.cat.ordered
    assert list(grades.pillar.cat.categories)[:3] == ["effectiveness", "efficiency", "legitimacy"]
    ranked = grades.sort_values("grade").grade.tolist()
    assert ranked[0] == "outstanding" and ranked[-1] == "not_graded"
    # Ordered: "good" is better (less) than "requires improvement".
    city = grades[grades.force == "city-of-london"].set_index("pillar").grade
    assert city["efficiency"] < city["legitimacy"]
    documents = corpus.to_pandas("documents")
    assert documents.grade.dtype.name == "category"
    assert str(documents.year.dtype) == "Int64"


def test_the_documented_pivot_example_runs(corpus: Corpus) -> None:
    page = (ROOT / "docs" / "corpus.md").read_text("utf-8")
    match = re.search(r"<!-- pivot-example -->\n```python\n(.*?)```", page, re.DOTALL)
    assert match is not None, "docs/corpus.md has lost its pivot example"
    namespace: dict[str, Any] = {}
    printed = io.StringIO()
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(match.group(1), "docs/corpus.md", "exec"), namespace)
    finally:
        os.chdir(here)
    table = namespace["table"]
    northamptonshire = table.loc["northamptonshire"]
    assert list(northamptonshire.index.get_level_values("year")) == [2016, 2017]
    final = northamptonshire.loc[2017].iloc[0]
    assert (final["effectiveness"], final["efficiency"], final["legitimacy"]) == (
        "requires_improvement",
        "good",
        "requires_improvement",
    )
    # The seeds: Leicestershire's legitimacy is good in the 2016 release, the 2017 report
    # and the 2018 letter about it.
    leicestershire = table.loc["leicestershire"]
    assert list(leicestershire["legitimacy"]) == ["good", "good", "good"]
    assert "northamptonshire/2017/all/report-e0d62d81" in printed.getvalue()


def test_polars_frames(corpus: Corpus) -> None:
    polars = pytest.importorskip("polars")
    frame = corpus.to_polars("grades")
    assert frame.columns == [c.name for c in next(t for t in TABLES if t.name == "grades").columns]
    assert frame.schema["grade"] == polars.Enum([*BEST_FIRST, "not_graded"])
    assert frame.height == len(corpus.grades())
    assert frame.sort("grade")["grade"][0] == "outstanding"
    for name in FLAT:
        assert corpus.to_polars(name).height == len(corpus.to_pandas(name))


def test_unknown_table_and_missing_library(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(KeyError, match="no table 'grade'"):
        corpus.to_pandas("grade")
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(InputError, match=r"peelparse\[pandas\]") as raised:
        corpus.to_pandas("grades")
    assert raised.value.code == "PP108"
