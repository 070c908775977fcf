"""What every detector reads, worked out once per document.

Every plugin's ``peelparse_detect`` is asked about every document, and each looks at the
same few kilobytes: the head lower-cased, whether it holds a word, its first lines, the
forces it names. ``SourceText.view`` makes one ``DetectionView`` per document and every
plugin reads that, so what one plugin worked out the next finds done, and a sign two
plugins share is searched for once.
"""

from __future__ import annotations

from collections.abc import Mapping

from peelparse._forces import forces_named_in
from peelparse._records import Force
from peelparse._text import unfolded_letters


class DetectionView:
    """The head of one document as detection reads it; facts are worked out when first
    asked for and kept."""

    __slots__ = (
        "_forces",
        "_furniture",
        "_lines",
        "_newline_led",
        "_seen",
        "_top",
        "lower",
        "searched",
        "text",
        "unfolded",
    )

    def __init__(self, text: str, furniture: Mapping[int, str] | None = None) -> None:
        """``text`` is the head; ``furniture`` the 1-based numbers of its page-furniture lines."""
        self.text = text
        """The head: the first few KB of the document."""
        self.lower = text.lower()
        """The head lower-cased, where needed words are looked for."""
        self.searched: dict[tuple[str, int], bool] = {}
        """Whether a pattern (with its flags) is found in the head, for each searched so far:
        signs of several plugins that share a pattern search the head once."""
        self._furniture = furniture or {}
        self._seen: dict[str, bool] = {}
        self._lines: tuple[str, ...] | None = None
        # The top lines read so far, and where reading them stopped.
        self._top: tuple[int, list[str]] | None = None
        self._newline_led: str | None = None
        self._forces: tuple[Force, ...] | None = None
        self.unfolded: str | None = (
            "" if text.isascii() else "*" if len(self.lower) != len(text) else None
        )
        """Letters whose case-insensitive matches lower-casing does not keep: "" for none,
        "*" for all ('İ' lower-cases to two characters and moves what follows), ``None``
        until ``aligned`` first needs to know."""

    def has(self, word: str) -> bool:
        """Whether the lower-cased head holds ``word`` (a lower-case word or mark)."""
        present = self._seen.get(word)
        if present is None:
            present = self._seen[word] = word in self.lower
        return present

    def first(self, word: str) -> int:
        """Where the lower-cased head first holds ``word``; -1 where it does not."""
        if self._seen.get(word) is False:
            return -1
        at = self.lower.find(word)
        self._seen[word] = at >= 0
        return at

    def meets(self, needs: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the head holds a word of every group of ``needs``: the cheap test a sign's
        pattern is spared on most heads by."""
        seen = self._seen
        lower = self.lower
        # Spelled out rather than through ``has``: this runs for every sign of every head.
        for words in needs:
            for word in words:
                present = seen.get(word)
                if present is None:
                    present = seen[word] = word in lower
                if present:
                    break
            else:
                return False
        return True

    @property
    def lines(self) -> tuple[str, ...]:
        """The head's lines, as written (the last may be cut short)."""
        if self._lines is None:
            self._lines = tuple(self.text.split("\n"))
        return self._lines

    def top_lines(self, count: int) -> list[str]:
        """The first ``count`` lines of the document proper: stripped, blank lines and page
        furniture left out (where a page names itself)."""
        top = self._top
        if top is None or (len(top[1]) < count and top[0] <= len(self.text)):
            top = self._top = self._read_top(count)
        return top[1][:count]

    def _read_top(self, count: int) -> tuple[int, list[str]]:
        """``top_lines``, and where the head was read up to: only as many lines are read as
        are asked for, where splitting the whole head would read all of it."""
        found: list[str] = []
        furniture = self._furniture
        text = self.text
        start = 0
        number = 1
        while len(found) < count and start <= len(text):
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
            stripped = text[start:end].strip()
            if stripped and number not in furniture:
                found.append(stripped)
            start = end + 1
            number += 1
        return start, found

    @property
    def forces(self) -> tuple[Force, ...]:
        """Every force the head names, in the order first named."""
        if self._forces is None:
            self._forces = forces_named_in(self.text)
        return self._forces

    @property
    def newline_led(self) -> str:
        """The head after a newline, so that every line, the first too, starts after one."""
        if self._newline_led is None:
            self._newline_led = "\n" + self.text
        return self._newline_led

    def aligned(self, word: str) -> bool:
        """Whether the lower-cased head has every character where the head has it, and
        ``word`` (ASCII letters and digits) wherever the head has it in any case."""
        unfolded = self.unfolded
        if unfolded is None:
            unfolded = self.unfolded = unfolded_letters(self.text)
        return not unfolded or (unfolded != "*" and not any(c in word for c in unfolded))
