"""Writing outputs whole or not at all.

Every output is written under a temporary name in its own folder and moved over the final
name (``os.replace``) only when complete, so a crash, a kill or a full disk leaves the
previous output as it was, never half a file. A replaced file keeps its mode; a new one
gets the mode the umask gives. A set of CSV files is written as a folder and swapped in
whole, so it never mixes two runs.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _umask() -> int:
    # Linux shows the umask without changing it; elsewhere it is read by setting it back.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def mode_for(path: Path, *, folder: bool = False) -> int:
    """The permission bits ``path`` should have once written: its own when it exists (and
    is of the same type), else what the umask gives a new file or folder."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode) == folder:
            return stat.S_IMODE(info.st_mode)
    except OSError:
        pass
    return (0o777 if folder else 0o666) & ~_umask()


def temporary_beside(path: Path) -> str:
    """A new empty file (``0600``) in ``path``'s folder, named after it, to be moved over
    it once written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    return temporary


def move_into_place(temporary: str, path: Path) -> None:
    """Give ``temporary`` the mode ``path`` should have and move it over ``path``."""
    os.chmod(temporary, mode_for(path))
    os.replace(temporary, path)


@contextmanager
def replacing_file(path: Path) -> Iterator[str]:
    """The name of a new empty file beside ``path`` to fill (a database, say); it becomes
    ``path`` when the block ends without an error, and is removed otherwise."""
    temporary = temporary_beside(path)
    try:
        yield temporary
        move_into_place(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def replacing(path: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """A UTF-8 text file to write; it becomes ``path`` when the block ends without an
    error, and is removed otherwise."""
    with (
        replacing_file(path) as temporary,
        open(temporary, "w", encoding="utf-8", newline=newline) as out,
    ):
        yield out


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    with replacing(path) as out:
        out.write(text)


@contextmanager
def replacing_folder(folder: Path) -> Iterator[Path]:
    """A new empty folder to fill; it takes the place of ``folder`` (a previous one is
    removed) when the block ends without an error, and is removed otherwise."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    mode = mode_for(folder, folder=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        yield temporary
        os.chmod(temporary, mode)
        _swap_in(temporary, folder)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _swap_in(new: Path, folder: Path) -> None:
    # A folder cannot be replaced in one step: the old one is first moved aside, so at every
    # moment the final name holds one complete set (or, for an instant, none).
    if not folder.is_dir() or folder.is_symlink():
        os.replace(new, folder)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
    os.replace(folder, old / folder.name)
    try:
        os.replace(new, folder)
    except BaseException:
        os.replace(old / folder.name, folder)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
