"""Regular expressions compiled the first time they are used."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any


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
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self.compiled.groupindex)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")
