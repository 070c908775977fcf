"""Where the commands may write: checked before anything is parsed or written.

An output never lands on one of the inputs, never on a file or folder peelparse did not
make (unless forced), and two inputs never write the same output file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from peelparse._errors import OutputError
from peelparse._export import APPLICATION_ID, TABLES, sqlite_application_id
from peelparse._paths import Found, shown

# A line of peelparse's JSON lines is a document (with its schema_version) or a link.
_JSONL_KEYS = frozenset({"schema_version", "source_id"})
_FIRST_LINE_MOST = 256 * 1024 * 1024


def mirrored_names(found: Iterable[Found], folder: Path) -> dict[Path, Path]:
    """The JSON file each input is written to: its path under its folder or glob root, in
    ``folder``, with the extension ``.json``. Two inputs that would still write one file are
    an ``OutputError`` (PP505), raised before anything is written."""
    targets: dict[Path, Path] = {}
    owners: dict[Path, Path] = {}
    for item in found:
        relative = item.relative
        target = folder / relative.parent / f"{relative.stem}.json"
        other = owners.setdefault(target, item.path)
        if other != item.path:
            raise OutputError(
                "PP505",
                f"{shown(other)} and {shown(item.path)} would both be written to "
                f"{shown(target)}; give their folder instead, or parse them separately",
            )
        targets[item.path] = target
    return targets


def check_export_target(
    out: Path, fmt: str, inputs: Iterable[Path], *, force: bool = False
) -> None:
    """Refuse (``OutputError``) an export to ``out`` that would overwrite an input (PP501),
    a folder where a file goes or a file where a folder goes (PP502), or a file or folder
    peelparse did not make, unless ``force`` (PP502)."""
    for path in inputs:
        if _same_or_inside(path, out):
            raise OutputError(
                "PP501",
                f"{shown(out)} is one of the inputs ({shown(path)}); "
                "did you forget the output name?",
            )
    if not os.path.lexists(out):
        return
    folder = fmt == "csv"
    if out.is_dir() != folder or out.is_symlink():
        want = "a folder" if folder else "a file"
        raise OutputError("PP502", f"{shown(out)} exists and is not {want}; choose another name")
    if force or _made_by_peelparse(out, fmt):
        return
    raise OutputError(
        "PP502",
        f"{shown(out)} exists and was not written by peelparse; use --force to replace it",
    )


def _same_or_inside(path: Path, out: Path) -> bool:
    try:
        if os.path.samefile(path, out):
            return True
    except OSError:
        return False
    try:
        return out.is_dir() and path.resolve().is_relative_to(out.resolve())
    except (OSError, RuntimeError):
        return False


def _made_by_peelparse(out: Path, fmt: str) -> bool:
    if fmt == "sqlite":
        return sqlite_application_id(out) == APPLICATION_ID
    if fmt == "csv":
        names = {f"{table.name}.csv" for table in TABLES}
        try:
            return all(entry in names for entry in os.listdir(out))
        except OSError:
            return False
    try:
        with open(out, "rb") as lines:
            first = lines.readline(_FIRST_LINE_MOST)
    except OSError:
        return False
    if not first:
        return True
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and bool(_JSONL_KEYS.intersection(record))


def cannot_write(path: Path, error: OSError) -> OutputError:
    """The ``OutputError`` (PP504) for a write the system refused (a full disk ...)."""
    return OutputError("PP504", f"cannot write {shown(path)}: {error.strerror or error}")
