"""The ``peelparse`` command."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import click

from peelparse._atomic import write_text
from peelparse._batch import BatchResult, ParserOptions, failure_summary, parse_paths
from peelparse._cli_corpus import FOLLOW_LINKS, JOBS, TIMEOUT, corpus, export, report_skipped
from peelparse._cli_grades import grades, grades_map
from peelparse._cli_inputs import STDIN_NAME, matched_inputs, stdin_results
from peelparse._cli_output import JsonOut, echo_diagnostic
from peelparse._cli_plugins import foreign_claims, scores
from peelparse._errors import PeelParseError
from peelparse._outputs import cannot_write, mirrored_names
from peelparse._parser import Parser
from peelparse._paths import shown
from peelparse._schema import json_schema
from peelparse._vocab import Severity
from peelparse.seeds import paths as seed_paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="peelparse")
@click.option(
    "--disable-plugin",
    "blocked",
    multiple=True,
    metavar="NAME",
    help="Do not load this plugin (repeat for several).",
)
@click.option(
    "--no-autoload",
    is_flag=True,
    help="Load only the built-in plugins (as PEELPARSE_DISABLE_PLUGIN_AUTOLOAD=1).",
)
@click.pass_context
def cli(ctx: click.Context, blocked: tuple[str, ...], no_autoload: bool) -> None:
    """Parse police inspection documents (PEEL reports, press releases, PCC responses)."""
    ctx.obj = ParserOptions(autoload=False if no_autoload else None, block=blocked)


def _options(ctx: click.Context) -> ParserOptions:
    options: ParserOptions = ctx.obj
    return options


def _parser(ctx: click.Context) -> Parser:
    options = _options(ctx)
    return Parser(autoload=options.autoload, block=options.block)


def _progress(results: Iterator[BatchResult], total: int | None) -> Iterator[BatchResult]:
    """Show a progress bar on a terminal (never when standard error is piped)."""
    if not sys.stderr.isatty():
        yield from results
        return
    from tqdm import tqdm

    yield from tqdm(results, total=total, unit="doc", file=sys.stderr, leave=False)


def _print_diagnostics(result: BatchResult, *, quiet: bool) -> None:
    if result.error is not None:
        echo_diagnostic(
            f"{shown(result.path)}:1:1: {result.error.code} error: {shown(result.error.message)}"
        )
    for code, severity, message, line, column in result.diagnostics:
        if quiet and severity == Severity.INFO:
            continue
        echo_diagnostic(
            f"{shown(result.path)}:{line}:{column}: {code} {severity}: {shown(message)}"
        )


def _failed(result: BatchResult, *, strict: bool) -> bool:
    worst = {severity for _, severity, _, _, _ in result.diagnostics}
    return (
        result.error is not None
        or Severity.ERROR in worst
        or (strict and Severity.WARNING in worst)
    )


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default="json",
    show_default=True,
    help="json: an indented document (a JSON array of them for several files); jsonl: one "
    "per line.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write <name>.json files into this folder instead of standard output, each at "
    "its input's path under the folder or glob it was found through.",
)
@click.option("--kind", help="Parse as this kind instead of detecting it.")
@JOBS
@FOLLOW_LINKS
@TIMEOUT
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--quiet", "-q", is_flag=True, help="Do not print info diagnostics.")
@click.pass_context
def parse(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    output: Path | None,
    kind: str | None,
    jobs: int,
    follow_links: bool,
    timeout: float | None,
    strict: bool,
    quiet: bool,
) -> None:
    """Parse FILES (paths, folders or globs; - reads standard input) and print their records
    as JSON, in order. A glob or folder that names no file is an error (exit 1)."""
    base = _options(ctx)
    if kind is not None and kind not in _parser(ctx).kinds:
        raise click.BadParameter(f"no plugin parses kind {kind!r}", param_hint="--kind")
    options = ParserOptions(base.autoload, base.block, kind, None if fmt == "jsonl" else 2)
    found, skipped = matched_inputs(ctx, files, stdin=True, follow_links=follow_links)
    paths = [item.path for item in found]
    targets: dict[Path, Path] = {}
    if output is not None:
        targets = mirrored_names(found, output) if paths else {STDIN_NAME: output / "stdin.json"}
    failed = report_skipped(skipped)
    results = (
        stdin_results(files, options)
        if not paths
        else parse_paths(paths, jobs=jobs, options=options, timeout=timeout)
    )
    out = JsonOut(array=fmt == "json" and len(paths) > 1)
    for result in _progress(results, len(paths) or None):
        _print_diagnostics(result, quiet=quiet)
        if _failed(result, strict=strict):
            failed.append((shown(result.path), result.error.code if result.error else ""))
        if result.json is None:
            continue
        if output is not None:
            target = targets[result.path]
            try:
                write_text(target, result.json + "\n")
            except OSError as exc:
                raise cannot_write(target, exc) from None
        else:
            out.write(result.json)
    if output is None:
        out.close()
    _finish(ctx, failed, len(paths) + len(skipped))


def _finish(ctx: click.Context, failed: list[tuple[str, str]], total: int) -> None:
    """Exit 1 with a summary of the failed files on standard error, or 0."""
    if failed:
        click.echo(failure_summary(failed, total), err=True)
    ctx.exit(EXIT_FAILED if failed else EXIT_OK)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--all",
    "every_plugin",
    is_flag=True,
    help="Print every plugin's score (file, plugin, kind, confidence, evidence), best first.",
)
@FOLLOW_LINKS
@TIMEOUT
@click.pass_context
def detect(
    ctx: click.Context,
    files: tuple[str, ...],
    every_plugin: bool,
    follow_links: bool,
    timeout: float | None,
) -> None:
    """Say what kind each file is, for which force, year and pillar (tab-separated)."""
    found, skipped = matched_inputs(ctx, files, follow_links=follow_links)
    failed = report_skipped(skipped)
    paths = [item.path for item in found]
    if every_plugin:
        parser = _parser(ctx)
        for path in paths:
            try:
                click.echo("\n".join(scores(parser, path)))
            except PeelParseError as exc:
                click.echo(f"{shown(path)}:1:1: {exc.code} error: {shown(exc.message)}", err=True)
                failed.append((shown(path), exc.code))
        _finish(ctx, failed, len(paths) + len(skipped))
    options = attrs.evolve(_options(ctx), detection=True)
    for result in parse_paths(paths, options=options, timeout=timeout):
        if result.error is not None:
            click.echo(
                f"{shown(result.path)}:1:1: {result.error.code} error: "
                f"{shown(result.error.message)}",
                err=True,
            )
            failed.append((shown(result.path), result.error.code))
            continue
        click.echo("\t".join(shown(field) for field in [str(result.path), *result.detection]))
    _finish(ctx, failed, len(paths) + len(skipped))


@cli.command()
@click.pass_context
def plugins(ctx: click.Context) -> None:
    """List the loaded plugins, the kinds they parse and where they come from."""
    parser = _parser(ctx)
    owned: dict[str, list[str]] = {}
    for kind in parser.kinds:
        owned.setdefault(parser.owner(kind), []).append(kind)
    for name, origin in parser.plugins():
        kinds = ", ".join(owned.get(name, [])) or "-"
        click.echo(f"{name}\t{kinds}\t{origin}")
    for problem in parser.plugin_errors:
        click.echo(f"{problem.code} {problem.message}", err=True)
    for warning in foreign_claims(parser, seed_paths()):
        click.echo(warning, err=True)


@cli.command()
@click.argument("kind", required=False)
@click.pass_context
def schema(ctx: click.Context, kind: str | None) -> None:
    """Print the JSON Schema of every kind's JSON, or of KIND."""
    parser = _parser(ctx)
    try:
        click.echo(json.dumps(json_schema(parser.kinds, kind), indent=2, ensure_ascii=False))
    except PeelParseError as exc:
        raise click.UsageError(exc.message) from None


cli.add_command(corpus)
cli.add_command(export)
cli.add_command(grades)
cli.add_command(grades_map)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (0 ok, 1 some file failed, 2 usage)."""
    try:
        # Without standalone mode click returns ctx.exit's code instead of exiting.
        code = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="peelparse",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.Abort:
        return EXIT_FAILED
    except PeelParseError as exc:
        click.echo(f"peelparse: {exc.code} {shown(exc.message)}", err=True)
        return EXIT_FAILED
    return code if isinstance(code, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
