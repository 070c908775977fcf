"""What the commands write: documents as one JSON value, diagnostics clear of the progress bar."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def echo_diagnostic(line: str) -> None:
    """Write a line to standard error above the progress bar, never onto the bar's line."""
    if sys.stderr.isatty():
        # The bar is drawn only on a terminal (see _progress); tqdm.write clears it, writes
        # the line and draws it again below.
        from tqdm import tqdm

        tqdm.write(line, file=sys.stderr)
    else:
        click.echo(line, err=True)


class JsonOut:
    """Documents to standard output: one JSON value each, or, for several inputs in the json
    format, one JSON array of them all, so the output is one value a JSON reader takes."""

    def __init__(self, *, array: bool) -> None:
        self._array = array
        self._written = 0

    def write(self, document_json: str) -> None:
        if self._array:
            click.echo("[" if self._written == 0 else ",")
        click.echo(document_json)
        self._written += 1

    def close(self) -> None:
        if self._array:
            click.echo("[]" if self._written == 0 else "]")


def out_folder(out: str, *, mkdir: bool) -> Path | None:
    """The folder ``OUT`` goes into (``None`` for standard output); a CSV set is a folder
    made beside its final name and moved into place, so it too needs only its parent.
    Unless ``mkdir``, refuse (a usage error) one that does not exist: a slip in a path
    should not scatter files into a new folder nobody meant. The caller makes it once there
    is something to write."""
    if out == "-":
        return None
    folder = Path(out).parent
    if not mkdir and not folder.is_dir():
        raise click.BadParameter(
            f"the folder {str(folder)!r} does not exist; give --mkdir (-p) to make it",
            param_hint="OUT",
        )
    return folder
