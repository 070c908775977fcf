"""The ``peelparse`` command."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import click

from peelparse._errors import PeelParseError
from peelparse._parser import Parser
from peelparse._records import Diagnostic, Document
from peelparse._schema import json_schema
from peelparse._vocab import Severity

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser(ctx: click.Context) -> Parser:
    parser: Parser = ctx.obj
    return parser


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
    ctx.obj = Parser(autoload=False if no_autoload else None, block=blocked)


def _files(patterns: Sequence[str]) -> Iterator[Path]:
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


def _location(name: str, diagnostic: Diagnostic, text: str | None) -> str:
    if diagnostic.span is None:
        return f"{name}:1:1"
    start = diagnostic.span.start
    column = start - (text.rfind("\n", 0, start) + 1) + 1 if text is not None else 1
    return f"{name}:{diagnostic.span.line}:{column}"


def _report(parser: Parser, path: Path, document: Document, *, quiet: bool) -> None:
    """Print diagnostics like a compiler: ``file:line:column: code severity: message``."""
    shown = [d for d in document.diagnostics if not (quiet and d.severity is Severity.INFO)]
    # Records keep offsets, not columns; the text is read again only when there is something
    # to point at.
    text = parser.read(path).text if any(d.span for d in shown) else None
    for diagnostic in shown:
        click.echo(
            f"{_location(str(path), diagnostic, text)}: {diagnostic.code} "
            f"{diagnostic.severity}: {diagnostic.message}",
            err=True,
        )


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default="json",
    show_default=True,
    help="json: indented documents; jsonl: one per line.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write <name>.json files into this folder instead of standard output.",
)
@click.option("--kind", help="Parse as this kind instead of detecting it.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--quiet", "-q", is_flag=True, help="Do not print info diagnostics.")
@click.pass_context
def parse(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    output: Path | None,
    kind: str | None,
    strict: bool,
    quiet: bool,
) -> None:
    """Parse FILES (paths or folders) and print their records as JSON."""
    parser = _parser(ctx)
    failed = False
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
    for path in _files(files):
        try:
            document = parser.parse(path, kind)
        except PeelParseError as exc:
            click.echo(f"{path}:1:1: {exc.code} error: {exc.message}", err=True)
            failed = True
            continue
        _report(parser, path, document, quiet=quiet)
        if any(
            d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING)
            for d in document.diagnostics
        ):
            failed = True
        text = parser.to_json(document, indent=None if fmt == "jsonl" else 2)
        if output is not None:
            (output / f"{path.stem}.json").write_text(text + "\n", encoding="utf-8")
        else:
            click.echo(text)
    ctx.exit(EXIT_FAILED if failed else EXIT_OK)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.pass_context
def detect(ctx: click.Context, files: tuple[str, ...]) -> None:
    """Say what kind each file is, for which force, year and pillar (tab-separated)."""
    parser = _parser(ctx)
    failed = False
    for path in _files(files):
        try:
            document = parser.parse(path)
        except PeelParseError as exc:
            click.echo(f"{path}:1:1: {exc.code} error: {exc.message}", err=True)
            failed = True
            continue
        info = document.detection
        fields = [
            str(path),
            document.kind,
            f"{info.confidence:.2f}" if info else "",
            document.force.slug if document.force else "-",
            str(document.year or "-"),
            str(document.pillar or "-"),
            info.evidence if info else "",
        ]
        click.echo("\t".join(fields))
    ctx.exit(EXIT_FAILED if failed else EXIT_OK)


@cli.command()
@click.pass_context
def plugins(ctx: click.Context) -> None:
    """List the loaded plugins, where they come from and the kinds they parse."""
    parser = _parser(ctx)
    owned: dict[str, list[str]] = {}
    for kind in parser.kinds:
        owned.setdefault(parser.owner(kind), []).append(kind)
    for name, origin in parser.plugins():
        kinds = ", ".join(owned.get(name, [])) or "-"
        click.echo(f"{name}\t{kinds}\t{origin}")
    for problem in parser.plugin_errors:
        click.echo(f"{problem.code} {problem.message}", err=True)


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
        click.echo(f"peelparse: {exc.code} {exc.message}", err=True)
        return EXIT_FAILED
    return code if isinstance(code, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
