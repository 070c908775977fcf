"""The on-disk cache of built parse tables, in a form that cannot run code when read.

Lark's own cache is a pickle, and unpickling a file runs whatever the file says; a cache
folder another user can write to would then run their code as whoever parses. So the
tables are kept as JSON (tuples, sets and integer-keyed dicts tagged so they come back as
they were), read only from a folder and file that are the user's own, not symbolic links
and not writable by anyone else, and used only when their header names the same grammar,
options and versions. Anything that does not hold is no cache: the tables are built afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lark
from lark import Lark
from lark.grammar import Rule
from lark.lexer import TerminalDef

from peelparse._version import __version__

CACHE_ENV = "PEELPARSE_GRAMMAR_CACHE"
"""Folder for built parse tables; set it to an empty value to build them afresh each time."""

FORMAT = 1
"""Version of the cache files' layout; a file of another layout is rebuilt."""

MAX_BYTES = 64 * 1024 * 1024
"""A cache file larger than this is not one peelparse wrote."""

# Options that hold objects (postlexer, transformer, where the grammar was found) are given
# again when the tables are loaded, so they are not stored.
_LIVE_OPTIONS = frozenset(
    {"postlex", "transformer", "import_paths", "source_path", "lexer_callbacks", "_plugins"}
)
_TAG = "\x00"
_warned: set[str] = set()


class GrammarCacheWarning(UserWarning):
    """The parse-table cache cannot be used (it is only slower: nothing is lost)."""


def _warn_once(folder: str, why: str) -> None:
    if folder in _warned:
        return
    _warned.add(folder)
    warnings.warn(
        f"peelparse: grammar cache {folder!r} not used: {why}", GrammarCacheWarning, stacklevel=3
    )


def cache_folder() -> Path | None:
    """The user's own cache folder, made if missing; ``None`` when caching is off or the
    folder cannot be trusted (with one warning saying why)."""
    setting = os.environ.get(CACHE_ENV)
    if setting is not None:
        if not setting:
            return None
        chosen = setting
    else:
        # The XDG specification says a relative XDG_CACHE_HOME is invalid and to be ignored.
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
        chosen = os.path.join(base, "peelparse")
    if not os.path.isabs(chosen):
        # Relative to the current folder, which may be anyone's.
        _warn_once(chosen, "not an absolute path")
        return None
    try:
        os.makedirs(chosen, mode=0o700, exist_ok=True)
        info = os.lstat(chosen)
    except OSError as exc:
        _warn_once(chosen, exc.strerror or type(exc).__name__)
        return None
    why = _untrusted(info, want_dir=True)
    if why:
        _warn_once(chosen, why)
        return None
    return Path(chosen)


def _untrusted(info: os.stat_result, *, want_dir: bool) -> str | None:
    """Why a file or folder must not be trusted, or ``None``."""
    if stat.S_ISLNK(info.st_mode):
        return "it is a symbolic link"
    if want_dir != stat.S_ISDIR(info.st_mode) or not (want_dir or stat.S_ISREG(info.st_mode)):
        return "not a folder" if want_dir else "not a regular file"
    if info.st_uid != os.getuid():
        return "owned by another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "writable by other users"
    return None


def grammar_key(package: str, filename: str, text: str, options: dict[str, Any]) -> str:
    """What the stored tables must have been built from: grammar, options and versions."""
    plain = sorted((k, repr(v)) for k, v in options.items() if k not in _LIVE_OPTIONS)
    parts = [package, filename, text, repr(plain), lark.__version__, __version__]
    parts.append(".".join(map(str, sys.version_info[:2])))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def cached_lark(name: str, key: str, build: Callable[[], Lark], **live: Any) -> Lark:
    """The parser ``build`` makes, its tables read from the cache when a trusted entry for
    ``key`` is there (``live`` options, such as the postlexer, are given to the loaded
    parser), else built and stored."""
    folder = cache_folder()
    if folder is None:
        return build()
    # A lexer class is code: never stored, it is put back in the loaded tables' places for
    # it (Lark takes no lexer option on loading).
    lexer = live.pop("lexer", None)
    stored = read_entry(folder / f"{name}.json", key)
    if stored is not None:
        # Lark's loader of serialised tables (what its standalone parsers use), given the
        # data itself rather than a pickle.
        try:
            if lexer is not None:
                stored["data"]["options"]["lexer"] = lexer
                stored["data"]["parser"]["lexer_conf"]["lexer_type"] = lexer
            loaded: Lark = Lark._load_from_dict(  # type: ignore[no-untyped-call]
                stored["data"], stored["memo"], **live
            )
            return loaded
        except Exception:
            # A damaged or foreign entry is rebuilt, never fatal.
            pass
    parser = build()
    try:
        data, memo = parser.memo_serialize([TerminalDef, Rule])
    except Exception:
        # A parser Lark cannot describe is simply not cached.
        return parser
    data["options"] = {k: v for k, v in data["options"].items() if k not in _LIVE_OPTIONS}
    if lexer is not None:
        data["options"]["lexer"] = data["parser"]["lexer_conf"]["lexer_type"] = "custom"
    write_entry(folder / f"{name}.json", key, {"data": data, "memo": memo})
    return parser


def read_entry(path: Path, key: str) -> dict[str, Any] | None:
    """The stored tables for ``key``, or ``None`` when the file is missing, not the user's
    own, a link, writable by others, damaged or built from something else."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        _warn_once(str(path), exc.strerror or type(exc).__name__)
        return None
    with os.fdopen(handle, "rb") as stream:
        why = _untrusted(os.fstat(handle), want_dir=False)
        if why:
            _warn_once(str(path), why)
            return None
        raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return None
    try:
        entry = json.loads(raw, object_hook=_untag)
    except (ValueError, TypeError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
        return None
    tables = entry.get("tables")
    return tables if isinstance(tables, dict) else None


def write_entry(path: Path, key: str, tables: dict[str, Any]) -> None:
    """Store ``tables`` under ``key``: written 0600 beside ``path`` and moved over it."""
    try:
        text = json.dumps({"format": FORMAT, "key": key, "tables": _tag(tables)})
    except (TypeError, ValueError):
        return
    try:
        # mkstemp makes a new file (0600, never through a link) that only this user reads.
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        _warn_once(str(path.parent), exc.strerror or type(exc).__name__)
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        _warn_once(str(path.parent), exc.strerror or type(exc).__name__)


def _tag(value: Any) -> Any:
    """``value`` as JSON data, with what JSON lacks (tuples, sets, non-string keys) tagged."""
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith(_TAG) for k in value):
            return {k: _tag(v) for k, v in value.items()}
        return {_TAG + "items": [[_tag(k), _tag(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {_TAG + "tuple": [_tag(v) for v in value]}
    if isinstance(value, set | frozenset):
        return {_TAG + "set": [_tag(v) for v in value]}
    if isinstance(value, list):
        return [_tag(v) for v in value]
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in the grammar cache")


def _untag(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        [(name, items)] = obj.items()
        if name == _TAG + "tuple":
            return tuple(items)
        if name == _TAG + "set":
            return set(items)
        if name == _TAG + "items":
            return {_hashable(k): v for k, v in items}
    return obj


def _hashable(key: Any) -> Any:
    # A tagged tuple key is already a tuple; a list key would be a damaged file.
    if isinstance(key, list):
        raise ValueError("a list cannot be a key")
    return key
