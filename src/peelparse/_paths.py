"""File names as peelparse reads, shows and stores them.

A name on disk is any bytes but the slash and NUL: Python hands undecodable bytes over as
lone surrogates, which no UTF-8 writer accepts, and a newline or escape sequence in a name
would forge lines in a diagnostic or a tab-separated row. So a name is shown with such
characters escaped, and stored (in JSON, CSV, SQLite) with undecodable bytes as ``\\xNN``.
Only regular files are read: a FIFO or a device named as input would block or never end.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

import attrs

from peelparse._errors import InputError

# Control characters, line separators and lone surrogates (undecodable bytes).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` as one printable line: control characters and undecodable bytes escaped
    (``\\x0a``, ``\\x1b``, ``\\xff`` ...), so a name cannot forge a line or a column."""
    return _UNSAFE.sub(_escape, os.fspath(path))


def stored(name: str) -> str:
    """A name as valid Unicode for JSON, CSV and SQLite: undecodable bytes (and any other
    lone surrogate) become ``\\xNN``; everything else is kept as it is."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def read_regular_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file at ``path``; every failure an ``InputError`` (PP105)
    naming it. A folder, FIFO, socket or device is refused before it is opened."""
    name = shown(path)
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise InputError("PP105", f"{name} is {_what(mode)}, not a file")
        # Non-blocking, so a file swapped for a FIFO after the check cannot hang the read.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("PP105", f"no such file: {name}") from None
    except OSError as exc:
        raise InputError("PP105", f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "rb") as stream:
            mode = os.fstat(stream.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise InputError("PP105", f"{name} is {_what(mode)}, not a file")
            return stream.read()
    except OSError as exc:
        raise InputError("PP105", f"cannot read {name}: {exc.strerror or exc}") from None


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def file_name(path: str | os.PathLike[str]) -> str:
    """The last part of ``path``, as it is stored in a document's ``source``."""
    return stored(Path(path).name)


@attrs.frozen
class Found:
    """A file to read, and its path under the folder or glob it was found through."""

    path: Path
    """The file, as the caller can open it."""
    relative: Path
    """Its path under its folder or the fixed part of its glob; its name alone when it
    was named itself."""


@attrs.frozen
class Skipped:
    """Something named or found that is not read, and why."""

    path: Path
    code: str
    """PP105: a folder that cannot be listed; PP113: a link that leaves its folder."""
    message: str


_MAGIC = frozenset("*?[")


def find_inputs(
    patterns: Sequence[str | os.PathLike[str]], *, follow_links: bool = False
) -> tuple[list[Found], list[Skipped]]:
    """Files named by paths, folders (read recursively, hidden entries left out) and globs,
    in order, and what was left out. A symbolic link whose target lies outside the folder or
    glob root it was found in is not followed unless ``follow_links``; a named file is read
    whatever it is."""
    found: list[Found] = []
    skipped: list[Skipped] = []
    for pattern in patterns:
        text = os.fspath(pattern)
        path = Path(text)
        if path.is_dir():
            _walk(path, path, follow_links, found, skipped, set())
        elif _MAGIC.intersection(text) and not path.exists():
            root = _glob_root(path)
            relative = str(path.relative_to(root))
            for match in sorted(root.glob(relative)):
                if not match.is_file():
                    continue
                if not follow_links and _leaves(match, root):
                    skipped.append(_link_skipped(match))
                    continue
                found.append(Found(match, match.relative_to(root)))
        else:
            found.append(Found(path, Path(path.name)))
    return found, skipped


def _glob_root(pattern: Path) -> Path:
    """The part of a glob before its first wildcard."""
    fixed: list[str] = []
    for part in pattern.parts:
        if _MAGIC.intersection(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path()


def _leaves(path: Path, root: Path) -> bool:
    """Whether ``path`` (found under ``root``) really lies outside it, through a link."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return True


def _link_skipped(path: Path) -> Skipped:
    return Skipped(
        path,
        "PP113",
        f"{shown(path)} is a symbolic link to outside the folder; not followed "
        "(--follow-links follows it)",
    )


def _walk(
    folder: Path,
    root: Path,
    follow_links: bool,
    found: list[Found],
    skipped: list[Skipped],
    seen: set[tuple[int, int]],
) -> None:
    try:
        info = os.stat(folder)
        # A folder reached twice (a link back up the tree) is read once.
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        skipped.append(
            Skipped(folder, "PP105", f"cannot read folder {shown(folder)}: {exc.strerror or exc}")
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            link = entry.is_symlink()
            if link and not follow_links and _leaves(path, root):
                skipped.append(_link_skipped(path))
                continue
            if entry.is_dir():
                _walk(path, root, follow_links, found, skipped, seen)
            elif entry.is_file():
                found.append(Found(path, path.relative_to(root)))
        except OSError as exc:
            skipped.append(
                Skipped(path, "PP105", f"cannot read {shown(path)}: {exc.strerror or exc}")
            )
