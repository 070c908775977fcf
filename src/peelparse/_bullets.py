"""List items: the marks a bulleted or numbered item opens with, the same in every kind."""

from __future__ import annotations

from peelparse._lazy import LazyPattern

BULLET_MARKS = frozenset("-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013")
"""The marks a bulleted item opens with: hyphen, asterisk, the bullets of word processors
and web pages, and the en dash."""

BULLET = LazyPattern(
    r"(?:[-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013]|\d{1,2}[.)])[ \t\u00a0]+\S"
)
"""A bulleted or numbered list item ("- ", "• ", "– ", "1. ")."""


def is_bullet(text: str) -> bool:
    """Whether ``BULLET`` matches at the start of ``text``."""
    first = text[:1]
    if first not in BULLET_MARKS and not first.isdecimal():
        return False  # "" too: the expression needs a mark and a word
    return BULLET.match(text) is not None
