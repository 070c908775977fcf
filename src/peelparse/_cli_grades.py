"""The ``peelparse grades`` and ``peelparse map`` commands."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from peelparse._cli_corpus import JOBS, _build
from peelparse._grades import GRADE_COLUMNS, GradeRow, grade_dict, grade_values

EXIT_OK, EXIT_FAILED = 0, 1


@contextmanager
def _text_out(out: str) -> Iterator[TextIO]:
    if out == "-":
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as stream:
        yield stream


def write_grades_csv(rows: Sequence[GradeRow], out: str) -> None:
    """The grades as CSV with a header row, to ``out`` ("-": standard output)."""
    with _text_out(out) as stream:
        writer = csv.writer(stream)
        writer.writerow([name for name, *_ in GRADE_COLUMNS])
        writer.writerows(grade_values(row) for row in rows)


def write_grades_jsonl(rows: Sequence[GradeRow], out: str) -> None:
    """The grades as JSON lines, one row a line, to ``out`` ("-": standard output)."""
    with _text_out(out) as stream:
        for row in rows:
            stream.write(json.dumps(grade_dict(row), ensure_ascii=False) + "\n")


def write_grades_sqlite(rows: Sequence[GradeRow], path: Path) -> None:
    """The grades as the table ``grades`` of a new SQLite file (replacing ``path``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
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
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
@JOBS
@click.pass_context
def grades(ctx: click.Context, paths: tuple[str, ...], fmt: str, out: str, jobs: int) -> None:
    """Write the grades PATHS state: one row per document, force and subject.

    PATHS are files, folders or globs. A subject is a pillar (a headline judgement), a
    question, or from 2021 an area. Statements of one judgement in one document are one row
    with every statement's span; 'superseded_by' names a later document (final over interim,
    updated over original) that grades the same subject.
    """
    if fmt == "sqlite" and out == "-":
        raise click.UsageError("--to sqlite needs a file: -o grades.db")
    built = _build(ctx, paths, jobs)
    rows = built.grades()
    if fmt == "csv":
        write_grades_csv(rows, out)
    elif fmt == "jsonl":
        write_grades_jsonl(rows, out)
    else:
        write_grades_sqlite(rows, Path(out))
    where = "standard output" if out == "-" else out
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
@click.pass_context
def grades_map(
    ctx: click.Context, paths: tuple[str, ...], out: Path, title: str, jobs: int
) -> None:
    """Write the grades PATHS state as one HTML page: forces by cycle and pillar.

    The page is self-contained (no network, no script): each cell is coloured by grade and
    links to the document, the sentence that states the grade, the areas for improvement
    and the PCC responses linked to them.
    """
    from peelparse._map import write_map

    built = _build(ctx, paths, jobs)
    write_map(built, out, title=title)
    click.echo(f"{len(built.grades())} grades of {len(built)} documents drawn in {out}", err=True)
    ctx.exit(EXIT_FAILED if built.failures else EXIT_OK)
