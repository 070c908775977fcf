"""Rebuilding blocks from where a PDF puts its text.

A PDF holds wrapped lines placed on pages; the grammars read one paragraph per line. So runs
of text are grouped into lines by their height on the page, and lines into blocks by layout:

* a vertical gap clearly larger than the document's line spacing (paragraph spacing) starts
  a block, and so does a line that moves up the page (a new column);
* a change of font size starts a block (a heading and the text under it);
* a line that starts with a bullet glyph starts a block, and so does a line back at the
  bullet's left edge after an item whose text is indented past its bullet;
* at a page break a paragraph goes on when the next page starts in the same font size, not
  with a bullet, and the last line before the break is a full line that does not end a
  sentence; otherwise a block starts.

Lines at the top or bottom of their page that recur at the same height on several pages with
the same words, numbers aside (running headers, footers, page numbers), are kept as blocks of
their own and do not cut a paragraph that runs across the page break: they follow it.

Wrapped lines are joined by one space; a soft hyphen at a line end joins without one.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

BULLET = "• "
# Bullet glyphs, the private-use ones symbol fonts draw bullets with among them; a dash or
# star counts only with a space after it.
_GLYPHS = (
    "\u2022\u25aa\u25a0\u25cf\u25e6\u2023\u2219\u00b7\u25ba\u27a2\uf0b7\uf0a7\uf0d8\uf076\uf0fc"
)
_BULLETS = re.compile(rf"^(?:[{_GLYPHS}]\s*|[-\u2013\u2014*]\s+)(?=\S)")
_ONLY_BULLET = re.compile(rf"[{_GLYPHS}\-\u2013\u2014*]")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_DIGITS = re.compile(r"\d+")

LINE_SPACING = (0.9, 1.6)
"""Bounds, in font sizes, of what counts as the usual distance between wrapped lines."""
PARAGRAPH_GAP = 1.25
"""A gap this many times the usual line distance starts a block."""
SAME_LINE = 0.5
"""Runs whose heights differ by less than this share of the font size are on one line."""
SIZE_CHANGE = 0.5
"""Points by which a font size must differ to count as another size."""
FULL_LINE = 0.7
"""A line at least this share of the usual long line's length is full (it wraps on)."""
RUNNING_HEIGHT = 3.0
"""Points within which a recurring line must stand on each page to be running furniture."""


@attrs.frozen
class Run:
    """A piece of text drawn at one place on a page."""

    text: str
    x: float
    y: float
    """Height above the page's bottom edge (PDF coordinates grow upwards)."""
    size: float
    """Font size in points, as drawn."""
    placed: bool = True
    """False when the run came without a usable position: it goes on the line being drawn."""


@attrs.define
class Line:
    """The runs of one line of one page, in the order they were drawn."""

    page: int
    x: float
    y: float
    size: float
    text: str = ""
    text_x: float = 0.0
    """Where the text after a leading bullet begins, when the bullet is a run of its own."""
    running: bool = False


def lines_of(pages: Iterable[Sequence[Run]]) -> list[Line]:
    """Group each page's runs into lines."""
    lines: list[Line] = []
    for number, runs in enumerate(pages):
        current: Line | None = None
        sizes: Counter[float] = Counter()
        for run in runs:
            if not run.text.strip():
                if current is not None:
                    current.text += " "
                continue
            if not run.placed and current is not None:
                current.text += run.text
                sizes[_size_key(current.size)] += len(run.text.strip())
                continue
            if current is None or abs(run.y - current.y) > SAME_LINE * max(run.size, 1.0):
                if current is not None:
                    _finish(current, sizes, lines)
                current = Line(number, run.x, run.y, run.size, text_x=run.x)
                sizes = Counter()
            elif _ONLY_BULLET.fullmatch(current.text.strip()):
                current.text_x = run.x
            current.text += run.text
            sizes[_size_key(run.size)] += len(run.text.strip())
        if current is not None:
            _finish(current, sizes, lines)
    _mark_running(lines)
    return lines


def _size_key(size: float) -> float:
    """Sizes to the half point, so that rounding in the PDF does not make a new size."""
    return round(size * 2) / 2


def _finish(line: Line, sizes: Counter[float], into: list[Line]) -> None:
    text = " ".join(line.text.split())
    if not text:
        return
    line.text = text
    # The size most of the line's characters have: a footnote mark or an inline symbol in
    # another size does not make the line a heading.
    line.size = sizes.most_common(1)[0][0] if sizes else line.size
    into.append(line)


def _mark_running(lines: list[Line]) -> None:
    pages = {line.page for line in lines}
    if len(pages) < 2:
        return
    edges: dict[int, tuple[float, float]] = {}
    for line in lines:
        low, high = edges.get(line.page, (line.y, line.y))
        edges[line.page] = (min(low, line.y), max(high, line.y))
    seen: dict[str, list[Line]] = {}
    for line in lines:
        if line.y in edges[line.page]:
            seen.setdefault(_DIGITS.sub("#", line.text).casefold(), []).append(line)
    for group in seen.values():
        on_pages = {line.page for line in group}
        if len(on_pages) < max(2, len(pages) / 2):
            continue
        heights = Counter(round(line.y / RUNNING_HEIGHT) for line in group)
        height, count = heights.most_common(1)[0]
        if count < 2:
            continue
        for line in group:
            if abs(round(line.y / RUNNING_HEIGHT) - height) <= 1:
                line.running = True


def _usual_spacing(lines: Sequence[Line]) -> float:
    """The distance between wrapped lines, in font sizes: the least one that is plausible."""
    ratios = []
    for above, below in itertools.pairwise(lines):
        if (
            above.page == below.page
            and not (above.running or below.running)
            and abs(above.size - below.size) < SIZE_CHANGE
            and above.size > 0
        ):
            ratio = (above.y - below.y) / above.size
            if LINE_SPACING[0] <= ratio <= LINE_SPACING[1]:
                ratios.append(ratio)
    return min(ratios) if ratios else 1.2


def _full_length(lines: Sequence[Line]) -> dict[float, float]:
    """Per font size, the length of a long line: the upper quartile of line lengths."""
    lengths: dict[float, list[int]] = {}
    for line in lines:
        if not line.running:
            lengths.setdefault(line.size, []).append(len(line.text))
    return {size: sorted(found)[(len(found) * 3) // 4] for size, found in lengths.items()}


def _bullet(text: str) -> str | None:
    """The text with its leading bullet glyph as "• ", or None if it starts with none."""
    match = _BULLETS.match(text)
    if match is None:
        return None
    return BULLET + text[match.end() :]


class _Blocks:
    def __init__(self, lines: Sequence[Line]) -> None:
        self.spacing = _usual_spacing(lines)
        self.full = _full_length(lines)
        self.blocks: list[str] = []
        self.held: list[str] = []  # running lines met inside a paragraph that crosses a page
        self.parts: list[str] = []
        self.last: Line | None = None
        self.bullet_x: float | None = None  # text edge of the open item, past its bullet

    def add(self, line: Line) -> None:
        if line.running:
            if self.parts and self.last is not None:
                self.held.append(line.text)
            else:
                self.blocks.append(line.text)
            return
        bulleted = _bullet(line.text)
        if self.last is None or self._starts_block(self.last, line, bulleted is not None):
            self.close()
            self.bullet_x = line.text_x if bulleted and line.text_x > line.x + 1 else None
            self.parts = [bulleted or line.text]
        else:
            self._join(line.text)
        self.last = line

    def close(self) -> None:
        if self.parts:
            self.blocks.append("".join(self.parts))
        self.blocks.extend(self.held)
        self.parts = []
        self.held = []

    def _join(self, text: str) -> None:
        previous = self.parts[-1]
        if previous.endswith("\u00ad"):
            self.parts[-1] = previous[:-1]
            self.parts.append(text)
        else:
            self.parts.append(" " + text)

    def _starts_block(self, last: Line, line: Line, bulleted: bool) -> bool:
        if bulleted or abs(last.size - line.size) >= SIZE_CHANGE:
            return True
        if self.bullet_x is not None and line.x < self.bullet_x - 1:
            return True
        if last.page != line.page:
            return not self._wraps(last)
        gap = last.y - line.y
        return gap < 0 or gap > PARAGRAPH_GAP * self.spacing * line.size

    def _wraps(self, last: Line) -> bool:
        full = self.full.get(last.size, 0)
        return len(last.text) >= FULL_LINE * full and not _SENTENCE_END.search(last.text)


def blocks_of(lines: Sequence[Line]) -> list[str]:
    """The blocks the lines make, each on one line (a block is a paragraph, heading or
    list item)."""
    builder = _Blocks(lines)
    for line in lines:
        builder.add(line)
    builder.close()
    return builder.blocks


def to_text(pages: Iterable[Sequence[Run]]) -> str:
    """The line text of a document's pages of runs, blank lines between blocks."""
    blocks = blocks_of(lines_of(pages))
    return "\n\n".join(blocks) + "\n" if blocks else ""
