"""Parsing many files: in order, on every core, with flat memory.

Workers each build their own ``Parser`` once and send back JSON text, which is small and
cheap to pickle; the caller turns it into records only if it wants them. Results come back
in input order as soon as they are ready, so memory holds a bounded window of documents
however many files there are.

One bad file never takes the batch down: a file that cannot be read, or a plugin that
raises, gives that file's ``error``; a worker that crashes or exits while parsing a file, or
a file that runs past ``timeout``, gives it a ``BatchError`` (PP602, PP601) and the worker
is replaced (see ``peelparse._workers``). Every other file's result is still given, in order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

import attrs

from peelparse._errors import BatchError, PeelParseError
from peelparse._parser import Parser
from peelparse._records import Document
from peelparse._workers import ordered_map

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
    """The document as JSON text (one line), or ``None`` when it failed or only its
    detection was asked for."""
    error: PeelParseError | None
    """Why it failed, or ``None``."""
    diagnostics: tuple[tuple[str, str, str, int, int], ...] = ()
    """(code, severity, message, line, column) of each diagnostic, for printing; 1, 1 for
    one about the whole document."""
    detection: tuple[str, ...] = ()
    """What ``peelparse detect`` prints after the path (with ``ParserOptions.detection``)."""


@attrs.frozen
class ParserOptions:
    """What workers need to build the same parser as the caller's."""

    autoload: bool | None = None
    block: tuple[str, ...] = ()
    kind: str | None = None
    indent: int | None = None
    """Indentation of the JSON written (``None``: one line)."""
    detection: bool = False
    """Give each file's ``detection`` fields instead of its JSON."""


def _start_worker(options: ParserOptions) -> Callable[[Path], BatchResult]:
    parser = Parser(autoload=options.autoload, block=options.block)
    return partial(parse_file, parser, options=options)


def _failed(path: Path, error: BatchError) -> BatchResult:
    return BatchResult(path, None, error)


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
    if options.detection:
        return BatchResult(path, None, None, diagnostics, detection_fields(document))
    return BatchResult(path, parser.to_json(document, indent=options.indent), None, diagnostics)


def detection_fields(document: Document) -> tuple[str, ...]:
    """Kind, confidence, force, year, pillar and evidence, as ``peelparse detect`` prints."""
    info = document.detection
    return (
        document.kind,
        f"{info.confidence:.2f}" if info else "",
        document.force.slug if document.force else "-",
        str(document.year or "-"),
        str(document.pillar or "-"),
        info.evidence if info else "",
    )


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def parse_paths(
    paths: Iterable[Path],
    *,
    jobs: int = 1,
    options: ParserOptions | None = None,
    timeout: float | None = None,
) -> Iterator[BatchResult]:
    """Parse files in order; ``jobs`` processes (0 means one per core, 1 means no pool).

    ``timeout`` (seconds) stops a file that takes longer, which then fails with PP601; it
    needs a worker process to stop, so with it even ``jobs=1`` parses in one worker process.
    A worker that crashes or exits fails its file with PP602 and is replaced.
    """
    options = options or ParserOptions()
    workers = cpu_count() if jobs == 0 else max(1, jobs)
    if workers == 1 and timeout is None:
        parser = Parser(autoload=options.autoload, block=options.block)
        for path in paths:
            yield parse_file(parser, path, options)
        return
    # At most 4 chunks a worker are in flight or waiting to be read, so memory stays flat
    # however many files there are and however slowly the caller reads.
    yield from ordered_map(
        partial(_start_worker, options),
        _chunks(paths, FIRST_CHUNK, CHUNK),
        workers=workers,
        failed=_failed,
        timeout=timeout,
        window=4 * workers,
    )


def failure_summary(failed: Sequence[tuple[str, str]], total: int) -> str:
    """The lines that end a batch with failures: how many of ``total`` files failed, then
    each failed file with its error code (``failed`` holds (path, code) pairs)."""
    lines = [f"{len(failed)} of {total} files failed:"]
    lines += [f"  {path} ({code})" if code else f"  {path}" for path, code in failed]
    return "\n".join(lines)


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
