"""Budgets that bound what one input may cost, whatever its size: past one, the reader or
parser stops, keeps what it has (the rest of the text as ``unclassified``) and says so in a
coded diagnostic, instead of running on."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager
from contextvars import ContextVar, Token
from typing import Any, Generic, TypeVar

import attrs


@attrs.frozen
class Limits:
    """What one parse may spend; give ``Parser(limits=Limits(...))`` to change any."""

    max_lines: int = 1_000_000
    """Lines a grammar reads; the lines after them are kept unclassified (PP120)."""
    max_records: int = 1_000_000
    """Records a document holds; past them, the text of later records is kept unclassified
    instead (PP123)."""
    line_chars: int = 20_000
    """Characters of one line that shapes (the readers of judgements, quotes, dates, forces
    and the PEEL cycle) examine; a longer line is examined only up to here (PP124)."""
    pdf_max_pages: int = 2_000
    """PDF pages read; later pages are left out (PP121)."""
    pdf_max_inflated_bytes: int = 256_000_000
    """Bytes of page content a PDF may inflate to, all pages together; the pages past the
    budget are left out (PP121)."""
    html_max_depth: int = 200
    """Elements nested deeper are read as text without their own structure (PP122)."""
    html_max_attributes: int = 256
    """Attributes kept on one HTML element; the rest are dropped (PP122)."""


DEFAULT_LIMITS = Limits()

T = TypeVar("T")

_CURRENT: ContextVar[Limits] = ContextVar("peelparse_limits", default=DEFAULT_LIMITS)


def current_limits() -> Limits:
    """The budgets of the parse in progress (for readers and plugins)."""
    return _CURRENT.get()


class _Setting(Generic[T]):
    """Gives a context variable a value inside a ``with`` block, and that value to ``as``.

    A class, not a generator made a context manager: every parse enters two of these, and a
    generator costs several calls more on the way in and out.
    """

    __slots__ = ("_reset", "_value", "_variable")

    # The variable may hold more than ``T`` (``None`` outside any block).
    def __init__(self, variable: ContextVar[Any], value: T) -> None:
        self._variable = variable
        self._value = value
        self._reset: Token[Any] | None = None

    def __enter__(self) -> T:
        self._reset = self._variable.set(self._value)
        return self._value

    def __exit__(self, *exc_info: object) -> None:
        if self._reset is not None:
            self._variable.reset(self._reset)


def limits_in_force(limits: Limits) -> AbstractContextManager[Limits]:
    """Make ``limits`` the current budgets inside the ``with`` block."""
    return _Setting(_CURRENT, limits)


@attrs.define
class Examined:
    """Whether shapes left part of a line unexamined in the parse in progress."""

    cut: bool = False


_EXAMINED: ContextVar[Examined | None] = ContextVar("peelparse_examined", default=None)


def noting_cuts() -> AbstractContextManager[Examined]:
    """Note, inside the ``with`` block, whether a line was examined only in part."""
    return _Setting(_EXAMINED, Examined())


@functools.lru_cache(maxsize=4)
def _longer_line(most: int) -> re.Pattern[str]:
    # Tried at line starts only, each line read once: linear in the text.
    return re.compile(rf"^[^\n]{{{most + 1}}}", re.MULTILINE)


def long_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Where each line of ``text[start:end]`` longer than ``Limits.line_chars`` starts and
    ends (the first line counted from ``start``)."""
    end = len(text) if end is None else end
    most = current_limits().line_chars
    if end - start <= most:
        return
    first_end = text.find("\n", start, end)
    first_end = end if first_end < 0 else first_end
    if first_end - start > most:
        yield start, first_end
    at = first_end + 1
    longer = _longer_line(most)
    while at < end and (found := longer.search(text, at, end)) is not None:
        line_end = text.find("\n", found.end(), end)
        line_end = end if line_end < 0 else line_end
        yield found.start(), line_end
        at = line_end + 1


def examined_parts(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` that shapes examine: all of it, less what each
    line longer than ``Limits.line_chars`` holds past that many characters."""
    end = len(text) if end is None else end
    most = current_limits().line_chars
    if end - start <= most:
        return [(start, end)]  # no line of it can be longer: most texts asked about
    parts: list[tuple[int, int]] = []
    at = start
    for line_start, line_end in long_lines(text, start, end):
        parts.append((at, line_start + most))
        at = line_end + 1
    if not parts:
        return [(start, end)]
    if at < end:
        parts.append((at, end))
    noted = _EXAMINED.get()
    if noted is not None:
        noted.cut = True
    return parts


def examined_text(text: str) -> str:
    """``text`` as shapes examine it: each line longer than ``Limits.line_chars`` is blanked
    past that many characters, so that offsets into it are offsets into ``text``."""
    parts = examined_parts(text)
    if parts == [(0, len(text))]:
        return text
    pieces: list[str] = []
    at = 0
    for start, end in parts:
        # The line break after a blanked stretch stays, so lines keep their starts.
        gap = start - at
        pieces.append(" " * (gap - 1) + "\n" if gap and text[start - 1] == "\n" else " " * gap)
        pieces.append(text[start:end])
        at = end
    pieces.append(" " * (len(text) - at))
    return "".join(pieces)
