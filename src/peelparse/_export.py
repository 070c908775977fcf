"""A corpus as JSON lines, CSV files or a SQLite database.

CSV and SQLite share one set of tables, so a column means the same in both: ``documents``,
``findings`` (a report's areas for improvement, causes of concern and recommendations),
``judgements``, ``responses`` (the findings PCC responses quote, with their answers),
``quotes``, ``links``, ``releases`` (the parts of a page of several forces' press releases)
and ``grades`` (``Corpus.grades()``). Every row of the item tables has the stable ID as its key and
``document_id`` pointing at ``documents``; spans are ``span_start``, ``span_end`` (character
offsets), ``line`` and ``end_line``.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from peelparse._atomic import replacing, replacing_file, replacing_folder
from peelparse._errors import OutputError
from peelparse._grades import GRADE_COLUMNS, grade_values, published_of, updated_of
from peelparse._paths import shown
from peelparse._records import Document
from peelparse._releases import RELEASE_COLUMNS, judgement_forces, release_values, releases_of
from peelparse._span import Span
from peelparse._vocab import Grade

if TYPE_CHECKING:
    from peelparse._corpus import Corpus

Row = tuple[Any, ...]


@attrs.frozen
class Column:
    """A column of an exported table."""

    name: str
    """Its name."""
    type: str
    """Its SQLite type: "TEXT", "INTEGER" or "REAL"."""
    references: str | None = None
    """The table whose ``id`` it refers to, if any."""
    required: bool = False
    """Whether every row has a value."""


@attrs.frozen
class Table:
    """A table of the export: its columns and how to make its rows from a corpus."""

    name: str
    """The table's (and the CSV file's) name."""
    columns: tuple[Column, ...]
    """Its columns, in order."""
    key: tuple[str, ...]
    """The columns of its primary key."""
    rows: Callable[[Corpus], Iterator[Row]]
    """Its rows, one value per column."""


_SPAN = (
    Column("span_start", "INTEGER"),
    Column("span_end", "INTEGER"),
    Column("line", "INTEGER"),
    Column("end_line", "INTEGER"),
)


def _span(span: Span | None) -> Row:
    if span is None:
        return (None, None, None, None)
    return (span.start, span.end, span.line, span.end_line)


def _grade(document: Document) -> str | None:
    # Only the record's own grade: a press release or letter has none of its own, and the
    # grades it states are in the judgements and grades tables, each with its force.
    own = getattr(document, "grade", None)
    return str(own) if isinstance(own, Grade) else None


def _documents(corpus: Corpus) -> Iterator[Row]:
    for entry in corpus.entries:
        d = entry.document
        source = d.source
        yield (
            entry.id,
            d.kind,
            d.force.slug if d.force else None,
            d.force.name if d.force else None,
            d.year,
            d.period,
            None if d.pillar is None else str(d.pillar),
            d.title,
            _grade(d),
            source.name if source else None,
            source.sha256 if source else None,
            source.chars if source else None,
            source.format if source else None,
            entry.paths[0] if entry.paths else None,
            published_of(d),
            updated_of(d),
        )


def _findings(corpus: Corpus) -> Iterator[Row]:
    for entry in corpus.entries:
        for item in entry.items.findings:
            f = item.finding
            yield (
                item.id,
                item.document_id,
                f.label,
                item.ordinal,
                f.number,
                item.question,
                f.section,
                f.text,
                "\n".join(p.text for p in f.items) or None,
                *_span(f.span),
            )


def _judgements(corpus: Corpus) -> Iterator[Row]:
    for entry in corpus.entries:
        forces = judgement_forces(entry.document)
        for item in entry.items.judgements:
            j = item.judgement
            force = forces.get(j.span)
            yield (
                item.id,
                item.document_id,
                item.ordinal,
                j.subject,
                None if j.pillar is None else str(j.pillar),
                str(j.grade),
                int(j.headline),
                j.text,
                *_span(j.span),
                force.slug if force else None,
            )


def _responses(corpus: Corpus) -> Iterator[Row]:
    for entry in corpus.entries:
        for item in entry.items.answers:
            yield (
                item.id,
                item.document_id,
                item.label,
                item.ordinal,
                item.number,
                item.marker,
                item.text,
                "\n\n".join(p.text for p in item.response) or None,
                *_span(item.text_span),
            )


def _quotes(corpus: Corpus) -> Iterator[Row]:
    for entry in corpus.entries:
        for item in entry.items.quotes:
            yield (
                item.id,
                item.document_id,
                item.ordinal,
                item.speaker,
                item.role,
                item.text,
                *_span(item.span),
            )


def _releases(corpus: Corpus) -> Iterator[Row]:
    for entry in corpus.entries:
        for item in releases_of(entry.document, entry.id):
            yield release_values(item)


def _grades(corpus: Corpus) -> Iterator[Row]:
    for row in corpus.grades():
        yield grade_values(row)


def _links(corpus: Corpus) -> Iterator[Row]:
    for link in corpus.links:
        yield (
            link.source_id,
            link.target_id,
            link.relation,
            link.source_document,
            link.target_document,
            link.method,
            link.score,
            link.status,
            link.evidence,
            *_span(link.source_span)[:3],
            *_span(link.target_span)[:3],
        )


_ID = Column("id", "TEXT", required=True)
_DOCUMENT = Column("document_id", "TEXT", references="documents", required=True)

TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        (
            _ID,
            Column("kind", "TEXT", required=True),
            Column("force", "TEXT"),
            Column("force_name", "TEXT"),
            Column("year", "INTEGER"),
            Column("period", "TEXT"),
            Column("pillar", "TEXT"),
            Column("title", "TEXT"),
            Column("grade", "TEXT"),
            Column("source_name", "TEXT"),
            Column("sha256", "TEXT"),
            Column("chars", "INTEGER"),
            Column("format", "TEXT"),
            Column("path", "TEXT"),
            Column("published", "TEXT"),
            Column("updated", "TEXT"),
        ),
        ("id",),
        _documents,
    ),
    Table(
        "findings",
        (
            _ID,
            _DOCUMENT,
            Column("label", "TEXT", required=True),
            Column("ordinal", "INTEGER", required=True),
            Column("number", "TEXT"),
            Column("question", "TEXT"),
            Column("section", "TEXT"),
            Column("text", "TEXT", required=True),
            Column("items", "TEXT"),
            *_SPAN,
        ),
        ("id",),
        _findings,
    ),
    Table(
        "judgements",
        (
            _ID,
            _DOCUMENT,
            Column("ordinal", "INTEGER", required=True),
            Column("subject", "TEXT", required=True),
            Column("pillar", "TEXT"),
            Column("grade", "TEXT", required=True),
            Column("headline", "INTEGER", required=True),
            Column("text", "TEXT", required=True),
            *_SPAN,
            Column("force", "TEXT"),
        ),
        ("id",),
        _judgements,
    ),
    Table(
        "responses",
        (
            _ID,
            _DOCUMENT,
            Column("label", "TEXT", required=True),
            Column("ordinal", "INTEGER", required=True),
            Column("number", "TEXT"),
            Column("marker", "TEXT"),
            Column("text", "TEXT", required=True),
            Column("response", "TEXT"),
            *_SPAN,
        ),
        ("id",),
        _responses,
    ),
    Table(
        "quotes",
        (
            _ID,
            _DOCUMENT,
            Column("ordinal", "INTEGER", required=True),
            Column("speaker", "TEXT"),
            Column("role", "TEXT"),
            Column("text", "TEXT", required=True),
            *_SPAN,
        ),
        ("id",),
        _quotes,
    ),
    Table(
        "links",
        (
            Column("source_id", "TEXT", required=True),
            Column("target_id", "TEXT", required=True),
            Column("relation", "TEXT", required=True),
            Column("source_document", "TEXT", references="documents", required=True),
            Column("target_document", "TEXT", references="documents", required=True),
            Column("method", "TEXT", required=True),
            Column("score", "REAL", required=True),
            Column("status", "TEXT"),
            Column("evidence", "TEXT", required=True),
            Column("source_start", "INTEGER"),
            Column("source_end", "INTEGER"),
            Column("source_line", "INTEGER"),
            Column("target_start", "INTEGER"),
            Column("target_end", "INTEGER"),
            Column("target_line", "INTEGER"),
        ),
        ("source_id", "relation", "target_id"),
        _links,
    ),
    Table("releases", tuple(Column(*c) for c in RELEASE_COLUMNS), ("id",), _releases),
    Table("grades", tuple(Column(*c) for c in GRADE_COLUMNS), ("id",), _grades),
)
"""The exported tables, in the order they are written (``documents`` first)."""

AFI_RESPONSES = """\
CREATE VIEW afi_responses AS
SELECT d.force, d.year, d.pillar, f.document_id, f.id AS finding_id, f.ordinal,
       f.text AS area_for_improvement, r.id AS response_id,
       r.document_id AS response_document, r.response, l.method, l.score
FROM findings AS f
JOIN documents AS d ON d.id = f.document_id
LEFT JOIN links AS l ON l.target_id = f.id AND l.relation = 'answers'
LEFT JOIN responses AS r ON r.id = l.source_id
WHERE f.label = 'area_for_improvement'
ORDER BY d.force, d.year, f.document_id, f.ordinal, r.id"""
"""Every area for improvement with the PCC response that answers it (``NULL`` when none)."""


def schema() -> list[str]:
    """The SQL that makes the database's tables, indexes and view."""
    statements: list[str] = []
    for table in TABLES:
        columns = [f"{c.name} {c.type}{' NOT NULL' if c.required else ''}" for c in table.columns]
        columns.append(f"PRIMARY KEY ({', '.join(table.key)})")
        columns += [
            f"FOREIGN KEY ({c.name}) REFERENCES {c.references}(id)"
            for c in table.columns
            if c.references
        ]
        statements.append(f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(columns) + "\n)")
        statements += [
            f"CREATE INDEX {table.name}_{c.name} ON {table.name}({c.name})"
            for c in table.columns
            if c.references
        ]
    statements.append("CREATE INDEX links_target_id ON links(target_id)")
    statements.append(AFI_RESPONSES)
    return statements


APPLICATION_ID = 0x5065_656C
"""``PRAGMA application_id`` of the databases peelparse writes ("Peel"): how a re-export
knows a file is its own."""


def write_sqlite(corpus: Corpus, path: Path, *, force: bool = False) -> None:
    """Write the tables to a SQLite file at ``path``, replacing it whole.

    A database that also holds tables of its own is refused (``OutputError``); with
    ``force`` only peelparse's tables, indexes and view in it are replaced, and the rest is
    kept, as is the file's mode.
    """
    import sqlite3

    existing = sqlite_objects(path)
    ours = _own_objects()
    theirs = sorted(name for kind, name in existing if kind == "table" and name not in ours)
    if theirs and not force:
        raise OutputError(
            "PP503",
            f"{shown(path)} holds tables peelparse did not write ({', '.join(theirs)}); "
            "use --force to replace only peelparse's tables",
        )
    # Built beside the target and moved over it only when complete, so a failed export
    # never leaves half a database where a good one was.
    with replacing_file(path) as temporary:
        if theirs:
            shutil.copyfile(path, temporary)
        connection = sqlite3.connect(temporary)
        try:
            # Before foreign keys are on, so dropping a table does not first delete its rows.
            for kind, name in sorted(existing, key=lambda o: o[0] != "view"):
                if theirs and name in ours:
                    connection.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            with connection:
                for statement in schema():
                    connection.execute(statement)
                for table in TABLES:
                    marks = ", ".join("?" * len(table.columns))
                    connection.executemany(
                        f"INSERT INTO {table.name} VALUES ({marks})", table.rows(corpus)
                    )
        finally:
            connection.close()


def _own_objects() -> set[str]:
    return {table.name for table in TABLES} | {"afi_responses"}


def sqlite_objects(path: Path) -> set[tuple[str, str]]:
    """The (type, name) of the tables and views in the SQLite file ``path``; empty when
    it is missing or not a SQLite database."""
    import sqlite3

    try:
        with open(path, "rb") as head:
            if head.read(16) != b"SQLite format 3\x00":
                return set()
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return set()
    try:
        rows = connection.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    except sqlite3.Error:
        return set()
    finally:
        connection.close()
    return {(str(kind), str(name)) for kind, name in rows}


def sqlite_application_id(path: Path) -> int | None:
    """The ``application_id`` of the SQLite file ``path``, or ``None`` if it is not one."""
    try:
        with open(path, "rb") as head:
            header = head.read(72)
    except OSError:
        return None
    if len(header) < 72 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[68:72], "big")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula when a cell begins with it."""


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet shows as text: a string that begins like a
    formula gets a leading ``'`` (as OWASP advises against CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(corpus: Corpus, folder: Path, *, raw: bool = False) -> None:
    """Write ``<table>.csv`` for every table into ``folder`` (UTF-8, a header row), as a
    new folder swapped in whole. A folder that holds other files keeps them: only the
    table files in it are replaced, each whole. Cells that a spreadsheet would take for a
    formula start with ``'`` unless ``raw``."""
    names = {f"{table.name}.csv" for table in TABLES}
    if folder.is_dir() and not names.issuperset(os.listdir(folder)):
        for table in TABLES:
            with replacing(folder / f"{table.name}.csv", newline="") as out:
                _write_table(out, table, corpus, raw)
        return
    with replacing_folder(folder) as building:
        for table in TABLES:
            with (building / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as out:
                _write_table(out, table, corpus, raw)


def _write_table(out: TextIO, table: Table, corpus: Corpus, raw: bool) -> None:
    writer = csv.writer(out)
    writer.writerow([c.name for c in table.columns])
    rows = table.rows(corpus)
    writer.writerows(rows if raw else ([safe_cell(v) for v in r] for r in rows))


def document_lines(corpus: Corpus) -> Iterator[str]:
    """Each document as one line of JSON, in ID order."""
    parser = corpus.parser
    for entry in corpus.entries:
        yield parser.to_json(entry.document, indent=None)


def write_jsonl(corpus: Corpus, path: Path, links: Path | None) -> None:
    """Write one document per line to ``path`` and, if given, one link per line to
    ``links`` (each whole or not at all)."""
    with replacing(path) as out:
        for line in document_lines(corpus):
            out.write(line + "\n")
    if links is not None:
        write_links(corpus, links)


def write_links(corpus: Corpus, path: Path) -> None:
    """Write one link per line to ``path`` (whole or not at all)."""
    with replacing(path) as out:
        for link in corpus.links:
            out.write(link.to_json() + "\n")
