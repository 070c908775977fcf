"""Parsing many files: in order, on every core, with flat memory.

Workers each build their own ``Parser`` once and send back JSON text, which is small and
cheap to pickle; the caller turns it into records only if it wants them. Results come back
in input order as soon as they are ready (``imap``), so memory holds a bounded window of
documents however many files there are.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import BinaryIO

import attrs

from peelparse._errors import PeelParseError
from peelparse._parser import Parser

CHUNK = 64
"""Files a worker takes at a time, at most: enough to hide the cost of passing work around,
which grows as a share of the work as parsing gets faster."""
FIRST_CHUNK = 8
"""Files in the first chunks, which double up to ``CHUNK``: the first results come soon, and
a few files are still shared among all the workers."""


@attrs.frozen
class BatchResult:
    """One file's outcome: its JSON, or the error that stopped it."""

    path: Path
    json: str | None
    """The document as JSON text (one line), or ``None`` when it failed."""
    error: PeelParseError | None
    """Why it failed, or ``None``."""
    diagnostics: tuple[tuple[str, str, str, int, int], ...] = ()
    """(code, severity, message, line, column) of each diagnostic, for printing; 1, 1 for
    one about the whole document."""


@attrs.frozen
class ParserOptions:
    """What workers need to build the same parser as the caller's."""

    autoload: bool | None = None
    block: tuple[str, ...] = ()
    kind: str | None = None
    indent: int | None = None
    """Indentation of the JSON written (``None``: one line)."""


_WORKER: tuple[Parser, ParserOptions] | None = None


def _start_worker(options: ParserOptions) -> None:
    global _WORKER
    _WORKER = (Parser(autoload=options.autoload, block=options.block), options)


def _parse_chunk(paths: list[Path]) -> list[BatchResult]:
    if _WORKER is None:
        raise RuntimeError("the batch worker was not started")
    parser, options = _WORKER
    return [parse_file(parser, path, options) for path in paths]


def parse_file(
    parser: Parser, path: Path, options: ParserOptions, stream: BinaryIO | None = None
) -> BatchResult:
    """Parse one file, or ``stream`` under the name ``path``, into a ``BatchResult`` (never
    raises a ``PeelParseError``)."""
    try:
        source = parser.read(path if stream is None else stream)
        document = parser.parse_source(source, options.kind)
    except PeelParseError as exc:
        return BatchResult(path, None, exc)
    text = source.text
    diagnostics = tuple(
        (
            d.code,
            str(d.severity),
            d.message,
            d.span.line if d.span else 1,
            d.span.start - text.rfind("\n", 0, d.span.start) if d.span else 1,
        )
        for d in document.diagnostics
    )
    return BatchResult(path, parser.to_json(document, indent=options.indent), None, diagnostics)


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def parse_paths(
    paths: Iterable[Path], *, jobs: int = 1, options: ParserOptions | None = None
) -> Iterator[BatchResult]:
    """Parse files in order; ``jobs`` processes (0 means one per core, 1 means no pool)."""
    options = options or ParserOptions()
    workers = cpu_count() if jobs == 0 else max(1, jobs)
    if workers == 1:
        parser = Parser(autoload=options.autoload, block=options.block)
        for path in paths:
            yield parse_file(parser, path, options)
        return
    # At most WINDOW chunks are in flight or waiting to be read, so memory stays flat
    # however many files there are and however slowly the caller reads.
    window = 4 * workers
    pending: deque[Future[list[BatchResult]]] = deque()
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(options,)) as pool:
        for chunk in _chunks(paths, FIRST_CHUNK, CHUNK):
            pending.append(pool.submit(_parse_chunk, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _chunks(paths: Iterable[Path], first: int, most: int) -> Iterator[list[Path]]:
    """``paths`` in lists of ``first`` items, each list twice the one before, up to ``most``."""
    size = first
    chunk: list[Path] = []
    for path in paths:
        chunk.append(path)
        if len(chunk) == size:
            yield chunk
            chunk = []
            size = min(most, size * 2)
    if chunk:
        yield chunk


def unmatched(patterns: Sequence[str]) -> list[str]:
    """The globs and folders among ``patterns`` that name no file (``expand`` gives nothing
    for them). A path that is neither stays: reading it says the file does not exist."""
    return [
        pattern
        for pattern in patterns
        if (Path(pattern).is_dir() or _is_glob(pattern)) and next(expand([pattern]), None) is None
    ]


def _is_glob(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[") and not Path(pattern).exists()


def expand(patterns: Sequence[str]) -> Iterator[Path]:
    """Files named by paths, folders (read recursively, hidden files left out) and globs;
    what ``find_inputs`` leaves out (links out of a folder, unreadable folders) is dropped."""
    from peelparse._paths import find_inputs

    for found in find_inputs(patterns)[0]:
        yield found.path
