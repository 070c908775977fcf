"""The ``peelparse corpus`` and ``peelparse export`` commands."""

from __future__ import annotations

from pathlib import Path

import click

from peelparse._batch import ParserOptions, failure_summary
from peelparse._corpus import Corpus

EXIT_OK, EXIT_FAILED = 0, 1

JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes; 0 uses every core.",
)

TIMEOUT = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop a file that takes longer (it fails with PP501); files then parse in worker "
    "processes.",
)


def _build(ctx: click.Context, paths: tuple[str, ...], jobs: int, timeout: float | None) -> Corpus:
    options = ctx.obj if isinstance(ctx.obj, ParserOptions) else ParserOptions()
    built = Corpus.from_paths(
        paths, jobs=jobs, timeout=timeout, autoload=options.autoload, block=options.block
    )
    for failure in built.failures:
        click.echo(f"{failure.path}:1:1: {failure.code} error: {failure.message}", err=True)
    return built


def _exit(ctx: click.Context, built: Corpus) -> None:
    """Exit 1 with a summary of the failed files on standard error, or 0."""
    if built.failures:
        failed = [(failure.path, failure.code) for failure in built.failures]
        total = len(failed) + sum(len(entry.paths) for entry in built)
        click.echo(failure_summary(failed, total), err=True)
    ctx.exit(EXIT_FAILED if built.failures else EXIT_OK)


def _counts(title: str, counts: dict[str, int]) -> str:
    parts = ", ".join(f"{name} {count}" for name, count in counts.items()) or "none"
    return f"{title}: {parts}"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@JOBS
@TIMEOUT
@click.option("--links", "show_links", is_flag=True, help="Also list every link, tab-separated.")
@click.pass_context
def corpus(
    ctx: click.Context,
    paths: tuple[str, ...],
    jobs: int,
    timeout: float | None,
    show_links: bool,
) -> None:
    """Summarise PATHS as one corpus: documents and links.

    PATHS are files, folders or globs. Prints the documents by kind, force and year, and the
    links found between them by relation and method.
    """
    built = _build(ctx, paths, jobs, timeout)
    summary = built.summary()
    click.echo(f"documents: {len(built)} ({len(built.failures)} failed)")
    click.echo(_counts("by kind", summary["kind"]))
    click.echo(_counts("by force", summary["force"]))
    click.echo(_counts("by year", summary["year"]))
    click.echo(f"links: {len(built.links)}")
    click.echo(_counts("by relation", summary["relation"]))
    click.echo(_counts("by method", summary["method"]))
    if show_links:
        for link in built.links:
            fields = [
                link.source_id,
                link.relation,
                link.target_id,
                link.method,
                f"{link.score:.2f}",
                link.status or "-",
                link.evidence,
            ]
            click.echo("\t".join(fields))
    _exit(ctx, built)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.argument("out")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["sqlite", "csv", "jsonl"]),
    required=True,
    help="sqlite: a database file; csv: a folder of one file per table; jsonl: one "
    "document per line ('-' for standard output).",
)
@click.option(
    "--links",
    "links_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --to jsonl: also write the links, one per line, to this file.",
)
@JOBS
@TIMEOUT
@click.pass_context
def export(
    ctx: click.Context,
    paths: tuple[str, ...],
    out: str,
    fmt: str,
    links_path: Path | None,
    jobs: int,
    timeout: float | None,
) -> None:
    """Export PATHS as one corpus to OUT: SQLite, CSV or JSON lines.

    PATHS are files, folders or globs. The SQLite database and the CSV files hold a table
    per record type, keyed by stable IDs, and the links; JSON lines hold the documents.
    """
    if links_path is not None and fmt != "jsonl":
        raise click.UsageError("--links goes with --to jsonl (sqlite and csv hold the links)")
    built = _build(ctx, paths, jobs, timeout)
    if fmt == "sqlite":
        built.to_sqlite(out)
    elif fmt == "csv":
        built.to_csv(out)
    elif out == "-":
        from peelparse._export import document_lines, write_links

        for line in document_lines(built):
            click.echo(line)
        if links_path is not None:
            write_links(built, links_path)
    else:
        built.to_jsonl(out, links=links_path)
    where = "standard output" if out == "-" else out
    click.echo(f"{len(built)} documents, {len(built.links)} links written to {where}", err=True)
    _exit(ctx, built)
