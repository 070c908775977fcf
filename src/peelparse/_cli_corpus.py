"""The ``peelparse corpus`` and ``peelparse export`` commands."""

from __future__ import annotations

from pathlib import Path

import click

from peelparse._batch import ParserOptions, failure_summary
from peelparse._cli_inputs import require_matches
from peelparse._cli_output import out_folder
from peelparse._corpus import Corpus
from peelparse._outputs import cannot_write, check_export_target
from peelparse._paths import Skipped, find_inputs, shown

EXIT_OK, EXIT_FAILED = 0, 1

JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes; 0 uses every core.",
)

FOLLOW_LINKS = click.option(
    "--follow-links",
    is_flag=True,
    help="Follow symbolic links that lead out of a folder or glob given (not followed by "
    "default, and reported).",
)

CSV_RAW = click.option(
    "--csv-raw",
    is_flag=True,
    help="With --to csv: write cells as they are, without the ' that keeps a spreadsheet "
    "from reading a cell starting with = + - @ as a formula.",
)

TIMEOUT = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop a file that takes longer (it fails with PP601); files then parse in worker "
    "processes.",
)


def report_skipped(skipped: list[Skipped]) -> list[tuple[str, str]]:
    """Print what was left out of the inputs; return them as failed files (name, code), since
    leaving anything out fails the run."""
    for item in skipped:
        click.echo(f"{shown(item.path)}:1:1: {item.code} error: {shown(item.message)}", err=True)
    return [(shown(item.path), item.code) for item in skipped]


def _build(
    ctx: click.Context,
    paths: tuple[str, ...],
    jobs: int,
    timeout: float | None,
    follow_links: bool = False,
) -> Corpus:
    require_matches(ctx, paths)
    options = ctx.obj if isinstance(ctx.obj, ParserOptions) else ParserOptions()
    built = Corpus.from_paths(
        paths,
        jobs=jobs,
        timeout=timeout,
        autoload=options.autoload,
        block=options.block,
        follow_links=follow_links,
    )
    for failure in built.failures:
        click.echo(
            f"{shown(failure.path)}:1:1: {failure.code} error: {shown(failure.message)}", err=True
        )
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
@FOLLOW_LINKS
@TIMEOUT
@click.option("--links", "show_links", is_flag=True, help="Also list every link, tab-separated.")
@click.pass_context
def corpus(
    ctx: click.Context,
    paths: tuple[str, ...],
    jobs: int,
    follow_links: bool,
    timeout: float | None,
    show_links: bool,
) -> None:
    """Summarise PATHS as one corpus: documents and links.

    PATHS are files, folders or globs. Prints the documents by kind, force and year, and the
    links found between them by relation and method.
    """
    built = _build(ctx, paths, jobs, timeout, follow_links)
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
@click.option("--mkdir", "-p", is_flag=True, help="Make OUT's folder if it does not exist.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace an output peelparse did not write (in a SQLite file, only peelparse's "
    "own tables; the others are kept).",
)
@CSV_RAW
@JOBS
@FOLLOW_LINKS
@TIMEOUT
@click.pass_context
def export(
    ctx: click.Context,
    paths: tuple[str, ...],
    out: str,
    fmt: str,
    links_path: Path | None,
    mkdir: bool,
    force: bool,
    csv_raw: bool,
    jobs: int,
    follow_links: bool,
    timeout: float | None,
) -> None:
    """Export PATHS as one corpus to OUT: SQLite, CSV or JSON lines.

    PATHS are files, folders or globs. The SQLite database and the CSV files hold a table
    per record type, keyed by stable IDs, and the links; JSON lines hold the documents.
    """
    if links_path is not None and fmt != "jsonl":
        raise click.UsageError("--links goes with --to jsonl (sqlite and csv hold the links)")
    folder = out_folder(out, mkdir=mkdir)
    inputs = [item.path for item in find_inputs(paths, follow_links=True)[0]]
    if out != "-":
        check_export_target(Path(out), fmt, inputs, force=force)
    if links_path is not None:
        check_export_target(links_path, "jsonl", [*inputs, Path(out)], force=force)
    built = _build(ctx, paths, jobs, timeout, follow_links)
    if not len(built):
        click.echo(f"peelparse: no document could be read; nothing written to {out}", err=True)
        ctx.exit(EXIT_FAILED)
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        _write(built, out, fmt, links_path, force=force, raw=csv_raw)
    except OSError as exc:
        raise cannot_write(Path(out), exc) from None
    where = "standard output" if out == "-" else shown(out)
    click.echo(f"{len(built)} documents, {len(built.links)} links written to {where}", err=True)
    _exit(ctx, built)


def _write(
    built: Corpus, out: str, fmt: str, links_path: Path | None, *, force: bool, raw: bool
) -> None:
    if fmt == "sqlite":
        built.to_sqlite(out, force=force)
    elif fmt == "csv":
        built.to_csv(out, raw=raw)
    elif out == "-":
        from peelparse._export import document_lines, write_links

        for line in document_lines(built):
            click.echo(line)
        if links_path is not None:
            write_links(built, links_path)
    else:
        built.to_jsonl(out, links=links_path)
