"""The ``peelparse grades`` and ``peelparse map`` commands."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from peelparse._atomic import replacing, replacing_file
from peelparse._cli_corpus import CSV_RAW, FOLLOW_LINKS, JOBS, TIMEOUT, _build
from peelparse._export import safe_cell
from peelparse._grades import GRADE_COLUMNS, GradeRow, grade_dict, grade_values
from peelparse._outputs import cannot_write, check_export_target
from peelparse._paths import find_inputs, shown

EXIT_OK, EXIT_FAILED = 0, 1


@contextmanager
def _text_out(out: str) -> Iterator[TextIO]:
    """Standard output, or a file written whole or not at all."""
    if out == "-":
        yield sys.stdout
        return
    with replacing(Path(out), newline="") as stream:
        yield stream


def write_grades_csv(rows: Sequence[GradeRow], out: str, *, raw: bool = False) -> None:
    """The grades as CSV with a header row, to ``out`` ("-": standard output); a cell that
    a spreadsheet would read as a formula starts with ``'`` unless ``raw``."""
    with _text_out(out) as stream:
        writer = csv.writer(stream)
        writer.writerow([name for name, *_ in GRADE_COLUMNS])
        for row in rows:
            values = grade_values(row)
            writer.writerow(values if raw else [safe_cell(value) for value in values])


def write_grades_jsonl(rows: Sequence[GradeRow], out: str) -> None:
    """The grades as JSON lines, one row a line, to ``out`` ("-": standard output)."""
    with _text_out(out) as stream:
        for row in rows:
            stream.write(json.dumps(grade_dict(row), ensure_ascii=False) + "\n")


def write_grades_sqlite(rows: Sequence[GradeRow], path: Path) -> None:
    """The grades as the table ``grades`` of a new SQLite file (replacing ``path``)."""
    with replacing_file(path) as temporary:
        connection = sqlite3.connect(temporary)
        try:
            columns = ", ".join(
                f"{name} {kind}{' NOT NULL' if required else ''}"
                for name, kind, _, required in GRADE_COLUMNS
            )
            with connection:
                connection.execute(f"CREATE TABLE grades ({columns}, PRIMARY KEY (id))")
                marks = ", ".join("?" * len(GRADE_COLUMNS))
                connection.executemany(
                    f"INSERT INTO grades VALUES ({marks})", (grade_values(r) for r in rows)
                )
        finally:
            connection.close()


def _check_target(out: Path, paths: Sequence[str]) -> None:
    """Refuse an output that is one of the inputs or a folder (``OutputError``), before
    anything is parsed; the table or page it replaces is the command's own to rewrite."""
    inputs = [item.path for item in find_inputs(paths, follow_links=True)[0]]
    check_export_target(out, "file", inputs, force=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["csv", "jsonl", "sqlite"]),
    default="csv",
    show_default=True,
    help="csv: a header and a row per grade; jsonl: one grade per line; sqlite: a database "
    "with the table 'grades'.",
)
@click.option(
    "--output",
    "-o",
    "out",
    default="-",
    show_default=True,
    help="Where to write ('-': standard output; a file for sqlite).",
)
@CSV_RAW
@JOBS
@FOLLOW_LINKS
@TIMEOUT
@click.pass_context
def grades(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    out: str,
    csv_raw: bool,
    jobs: int,
    follow_links: bool,
    timeout: float | None,
) -> None:
    """Write the grades PATHS state: one row per document, force and subject.

    PATHS are files, folders or globs. A subject is a pillar (a headline judgement), a
    question, or from 2021 an area. Statements of one judgement in one document are one row
    with every statement's span; 'superseded_by' names a later document (final over interim,
    updated over original) that grades the same subject.
    """
    if fmt == "sqlite" and out == "-":
        raise click.UsageError("--to sqlite needs a file: -o grades.db")
    if out != "-":
        _check_target(Path(out), paths)
    built = _build(ctx, paths, jobs, timeout, follow_links)
    rows = built.grades()
    try:
        if fmt == "csv":
            write_grades_csv(rows, out, raw=csv_raw)
        elif fmt == "jsonl":
            write_grades_jsonl(rows, out)
        else:
            write_grades_sqlite(rows, Path(out))
    except OSError as exc:
        raise cannot_write(Path(out), exc) from None
    where = "standard output" if out == "-" else shown(out)
    click.echo(f"{len(rows)} grades of {len(built)} documents written to {where}", err=True)
    ctx.exit(EXIT_FAILED if built.failures else EXIT_OK)


@click.command(name="map")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--output",
    "-o",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("grades.html"),
    show_default=True,
    help="The page to write.",
)
@click.option("--title", default="PEEL grades", show_default=True, help="The page's title.")
@JOBS
@FOLLOW_LINKS
@TIMEOUT
@click.pass_context
def grades_map(
    ctx: click.Context,
    paths: tuple[str, ...],
    out: Path,
    title: str,
    jobs: int,
    follow_links: bool,
    timeout: float | None,
) -> None:
    """Write the grades PATHS state as one HTML page: forces by cycle and pillar.

    The page is self-contained (no network, no script): each cell is coloured by grade and
    links to the document, the sentence that states the grade, the areas for improvement
    and the PCC responses linked to them.
    """
    from peelparse._map import write_map

    _check_target(out, paths)
    built = _build(ctx, paths, jobs, timeout, follow_links)
    try:
        write_map(built, out, title=title)
    except OSError as exc:
        raise cannot_write(out, exc) from None
    click.echo(f"{len(built.grades())} grades of {len(built)} documents drawn in {out}", err=True)
    ctx.exit(EXIT_FAILED if built.failures else EXIT_OK)
