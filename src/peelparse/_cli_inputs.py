"""What the commands read: files, folders and globs that must name something, or standard input."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import click

from peelparse._batch import BatchResult, ParserOptions, parse_file, unmatched
from peelparse._parser import Parser
from peelparse._paths import Found, Skipped, find_inputs

EXIT_FAILED = 1
STDIN = "-"
STDIN_NAME = Path("stdin")
"""The name a document read from standard input goes by in diagnostics and ``--output``."""


def require_matches(ctx: click.Context, patterns: Sequence[str]) -> None:
    """Exit 1, having done nothing, when a glob or folder names no file: a typing slip
    should not look like a corpus with nothing in it."""
    missing = unmatched(patterns)
    for pattern in missing:
        click.echo(f"peelparse: no files matched '{pattern}'", err=True)
    if missing:
        ctx.exit(EXIT_FAILED)


def matched_inputs(
    ctx: click.Context,
    patterns: Sequence[str],
    *,
    stdin: bool = False,
    follow_links: bool = False,
) -> tuple[list[Found], list[Skipped]]:
    """The files ``patterns`` name, in order, and what was left out of them (``find_inputs``);
    exit 1 when a glob or folder names none. With ``stdin``, ``-`` alone means standard input
    (``stdin_results``) and names no file."""
    if stdin and STDIN in patterns:
        if len(patterns) > 1:
            raise click.UsageError(f"'{STDIN}' (standard input) goes alone, without files")
        return [], []
    require_matches(ctx, patterns)
    return find_inputs(patterns, follow_links=follow_links)


def stdin_results(patterns: Sequence[str], options: ParserOptions) -> Iterator[BatchResult]:
    """The one result of parsing standard input, when ``patterns`` is ``-``; else nothing."""
    if tuple(patterns) == (STDIN,):
        parser = Parser(autoload=options.autoload, block=options.block)
        yield parse_file(parser, STDIN_NAME, options, sys.stdin.buffer)
