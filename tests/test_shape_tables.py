"""Every kind's table of line shapes, checked the same way: the words the core reads from a
shape's expression never keep it from a line it matches."""

from __future__ import annotations

import importlib
import re
from importlib.metadata import entry_points

import attrs
import pytest

from conftest import CORPUS, SEEDS
from peelparse._needs import first_character, holds_any
from peelparse._shapes import LineShape, ShapeTable, Unit, units_of


def _tables() -> dict[str, ShapeTable]:
    """The ``SHAPES`` table of every installed plugin that has one (in ``<plugin>.shapes``)."""
    found: dict[str, ShapeTable] = {}
    for point in entry_points(group="peelparse"):
        try:
            module = importlib.import_module(f"{point.value}.shapes")
        except ModuleNotFoundError:
            continue
        table = getattr(module, "SHAPES", None)
        if isinstance(table, ShapeTable):
            found[point.name] = table
    return found


TABLES = _tables()


def _units() -> list[Unit]:
    texts = [path.read_text("utf-8") for path in [*SEEDS, *sorted(CORPUS.rglob("*.txt"))]]
    lines: list[Unit] = []
    for text in texts:
        lines += units_of(text, frozenset())
    return lines


UNITS = _units()


def _unguarded(shape: LineShape) -> LineShape:
    return attrs.evolve(shape, needs=())


def test_some_tables_are_found() -> None:
    assert TABLES, "no plugin's shapes.SHAPES table was found; is peelparse installed?"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_shape_matches_no_line_that_lacks_its_words(name: str) -> None:
    for shape in TABLES[name].shapes:
        if not shape.needs:
            continue
        # Alone in a table, a shape is asked only about its own unit, not its neighbours.
        bare = attrs.evolve(_unguarded(shape), before=None, after=None, last=None)
        alone = ShapeTable([bare], fallback="NONE")
        for unit in UNITS:
            if alone.classify(unit)[0] == shape.name:
                assert holds_any(unit.text.lower(), shape.needs), (
                    f"{name}: {shape.name} fits {unit.text[:80]!r} without any of {shape.needs}"
                )


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_shape_matches_no_line_that_starts_otherwise(name: str) -> None:
    for shape in TABLES[name].shapes:
        first = first_character(shape.pattern, shape.flags)
        if first is None or shape.mode == "search":
            continue
        tried = getattr(re.compile(shape.pattern, shape.flags), shape.mode)
        for unit in UNITS:
            if tried(unit.text) is not None:
                assert first.match(unit.text[:1]), f"{name}: {shape.name} fits {unit.text[:80]!r}"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_guarded_table_types_every_line_as_the_bare_one(name: str) -> None:
    table = TABLES[name]
    bare = ShapeTable(
        [_unguarded(shape) for shape in table.shapes],
        fallback=table.fallback,
        join=table.join,
        ends=table.ends,
        regions=table.regions,
    )
    for unit in UNITS:
        assert table.classify(unit) == bare.classify(unit), unit.text[:80]
