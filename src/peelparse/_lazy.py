"""Regular expressions compiled on their first use, and tried only where they can match."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from peelparse._text import folded_lower, line_starts, offsets


class LazyPattern:
    """A regular expression compiled on its first use, with the methods of ``re.Pattern``.

    Compiling every expression of every plugin when the plugins load is most of a process's
    time to its first parse, and most texts need only some of them. After the first use the
    compiled expression's own methods answer, with nothing in between.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        """The expression, as given."""
        self.flags = flags
        """Its flags, as given."""
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled expression (compiled now if it was not yet)."""
        if self._compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            self._compiled = compiled
            # Attributes of the instance come before the methods below, so from here on a
            # call goes straight to the compiled expression.
            vars(self).update({name: getattr(compiled, name) for name in _METHODS})
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.search``, compiling the pattern on first use."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.Pattern.match``, compiling the pattern on first use."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """``re.Pattern.fullmatch``, compiling the pattern on first use."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``, compiling the pattern on first use."""
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """``re.Pattern.findall``, compiling the pattern on first use."""
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """``re.Pattern.sub``, compiling the pattern on first use."""
        return self.compiled.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """``re.Pattern.split``, compiling the pattern on first use."""
        return self.compiled.split(string, maxsplit)

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self.compiled.groupindex)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


def _plain_case(character: str) -> bool:
    """Whether ``character`` in an anchor word is found, with case ignored, exactly where a
    text's ``folded_lower`` holds it: ASCII, or without case at all."""
    return character.isascii() or character.lower() == character.upper() == character


class AnchoredPattern:
    """A pattern each match of which starts at the start of a line or at one of a few words,
    tried only at those places.

    A pattern that opens with an alternation, a line anchor or (in case-insensitive mode) a
    letter is tried by the expression engine at every position of a text; finding its few
    possible starts with ``str.find`` first and trying it only there finds exactly the same
    matches, several times faster. ``words`` are written in lower case, of ASCII letters and
    marks or of characters that have no case ("©"), and the pattern must never match the
    empty string.
    """

    def __init__(self, pattern: LazyPattern, words: tuple[str, ...], *, lines: bool = False):
        for word in words:
            if not word or word.lower() != word or not all(map(_plain_case, word)):
                raise ValueError(
                    f"an anchor word must be lower-case ASCII, or characters without case: {word!r}"
                )
        self.pattern = pattern
        """The pattern, as it would be used on its own."""
        self.words = words
        """Lower-case words, one of which each match starts with (in any case)."""
        self.lines = lines
        """Whether matches may also start at the start of a line."""

    def _starts(self, text: str, lower: str | None) -> list[int] | None:
        """Where a match may start, in order; ``None`` when lower-casing ``text`` moves its
        characters, so that the words cannot be looked for in it."""
        folded = folded_lower(text, lower)
        if folded is None:
            return None
        starts = line_starts(text) if self.lines else []
        for word in self.words:
            starts += offsets(folded, word)
        if (self.lines and self.words) or len(self.words) > 1:
            starts.sort()
        return starts

    def finditer(self, text: str, lower: str | None = None) -> Iterator[re.Match[str]]:
        """What ``pattern.finditer(text)`` finds (``lower``: ``text.lower()``, if known)."""
        starts = self._starts(text, lower)
        if starts is None:
            yield from self.pattern.finditer(text)
            return
        match = self.pattern.match
        end = 0
        for start in starts:
            if start < end:
                continue
            found = match(text, start)
            if found is not None:
                end = found.end()
                yield found

    def search(self, text: str, lower: str | None = None) -> re.Match[str] | None:
        """What ``pattern.search(text)`` finds (``lower``: ``text.lower()``, if known)."""
        return next(self.finditer(text, lower), None)
