"""Budgets that bound what one input may cost, whatever its size: past one, the reader or
parser stops, keeps what it has (the rest of the text as ``unclassified``) and says so in a
coded diagnostic, instead of running on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import attrs


@attrs.frozen
class Limits:
    """What one parse may spend; give ``Parser(limits=Limits(...))`` to change any."""

    max_lines: int = 1_000_000
    """Lines a grammar reads; the lines after them are kept unclassified (PP120)."""
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

_CURRENT: ContextVar[Limits] = ContextVar("peelparse_limits", default=DEFAULT_LIMITS)


def current_limits() -> Limits:
    """The budgets of the parse in progress (for readers and plugins)."""
    return _CURRENT.get()


@contextmanager
def limits_in_force(limits: Limits) -> Iterator[None]:
    """Make ``limits`` the current budgets inside the ``with`` block."""
    reset = _CURRENT.set(limits)
    try:
        yield
    finally:
        _CURRENT.reset(reset)
