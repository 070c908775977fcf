"""A corpus's tables as pandas or polars data frames: one flat column per exported column.

The frames have the columns of the CSV and SQLite exports (``peelparse._export.TABLES``).
``grade`` and ``pillar`` columns are ordered categories: grades in the inspectorate's order,
best first (outstanding, good, adequate, requires improvement, inadequate, then not graded),
pillars in the order PEEL names them. pandas and polars are optional
(``pip install peelparse[pandas]`` or ``peelparse[polars]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peelparse._errors import InputError
from peelparse._vocab import Grade, Pillar

if TYPE_CHECKING:
    from peelparse._corpus import Corpus
    from peelparse._export import Table

GRADE_ORDER: tuple[str, ...] = tuple(str(g) for g in Grade)
"""Grades best first, as the inspectorate orders them; "not_graded" last."""
PILLAR_ORDER: tuple[str, ...] = tuple(str(p) for p in Pillar)
"""Pillars in the order PEEL names them."""
CATEGORIES: dict[str, tuple[str, ...]] = {"grade": GRADE_ORDER, "pillar": PILLAR_ORDER}
"""The columns that are ordered categories, with their order."""

_PANDAS_TYPES = {"INTEGER": "Int64", "REAL": "Float64", "TEXT": "string"}


def _table(name: str) -> Table:
    from peelparse._export import TABLES

    for table in TABLES:
        if table.name == name:
            return table
    names = ", ".join(t.name for t in TABLES)
    raise KeyError(f"no table {name!r}: the tables are {names}")


def _need(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(
            "PP108", f"{module} is not installed: pip install 'peelparse[{module}]'"
        ) from None


def to_pandas(corpus: Corpus, name: str) -> Any:
    """The table ``name`` of ``corpus`` as a pandas ``DataFrame``; ``KeyError`` when there is
    no such table, ``InputError`` PP108 when pandas is not installed."""
    pandas = _need("pandas")
    table = _table(name)
    columns = [c.name for c in table.columns]
    frame = pandas.DataFrame.from_records(list(table.rows(corpus)), columns=columns)
    for column in table.columns:
        if column.name in CATEGORIES:
            kind = pandas.CategoricalDtype(list(CATEGORIES[column.name]), ordered=True)
            frame[column.name] = frame[column.name].astype(kind)
        else:
            frame[column.name] = frame[column.name].astype(_PANDAS_TYPES[column.type])
    return frame


def to_polars(corpus: Corpus, name: str) -> Any:
    """The table ``name`` of ``corpus`` as a polars ``DataFrame``; ``KeyError`` when there is
    no such table, ``InputError`` PP108 when polars is not installed."""
    polars = _need("polars")
    table = _table(name)
    types = {"INTEGER": polars.Int64, "REAL": polars.Float64, "TEXT": polars.String}
    schema = {
        c.name: polars.Enum(list(CATEGORIES[c.name])) if c.name in CATEGORIES else types[c.type]
        for c in table.columns
    }
    return polars.DataFrame(list(table.rows(corpus)), schema=schema, orient="row")
