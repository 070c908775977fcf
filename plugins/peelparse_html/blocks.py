"""An HTML element tree as line text: one block per line, blank lines between blocks.

* Block elements (paragraphs, headings, list items, definition terms and descriptions,
  quotations, and the boundaries of divisions, sections, articles, headers, footers, main
  parts, navigation and asides) each start a block of their own.
* ``<br>`` breaks the line inside a block.
* A list item starts with "• ", in ordered lists too; a list inside a list item is indented
  two spaces a level, and later lines of an item are indented to its text.
* A table row is one line, its non-empty cells joined by " | "; what a cell holds (even
  paragraphs or a table of its own) runs on as one cell.
* ``<pre>`` keeps its lines.
* Inline white space, non-breaking spaces included, becomes one space.
* Scripts, styles, templates, drawings, embedded objects, form choices and the page head are
  left out; the page title is kept as the first block unless a top-level heading repeats it.

Navigation, banners and footers stay as lines of their own: the shared furniture patterns
set them aside later, so a page read here keeps every word it shows.
"""

from __future__ import annotations

from typing import Any

BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody tfoot thead ul".split()
)
LISTS = frozenset({"ul", "ol", "menu", "dir"})
CELLS = frozenset({"td", "th"})
DROPPED = frozenset(
    "head script style noscript template svg math iframe object embed canvas select "
    "datalist audio video".split()
)
BULLET = "• "
INDENT = "  "


def collapse(text: str) -> str:
    """White space runs (non-breaking spaces too) as one space, and none at the ends."""
    return " ".join(text.split())


class _Builder:
    """Collects text into lines and blocks as the tree is walked."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._lines: list[str] = []
        self._parts: list[str] = []
        self._items: list[list[str]] = []  # per open list item: [first-line prefix, later lines']
        self._depth = 0
        self._pre = 0
        self._row: list[str] | None = None
        self._row_element: object = None

    def text(self, text: str) -> None:
        self._parts.append(text)

    def start(self, tag: str, element: object) -> None:
        if self._row is not None:
            if tag in CELLS or tag == "tr":
                self._close_cell()
            elif tag in BLOCKS or tag == "br":
                self._parts.append(" ")
            return
        if tag == "tr":
            self.end_block()
            self._row = []
            self._row_element = element
        elif tag == "br":
            self._flush_line()
        elif tag in BLOCKS:
            self.end_block()
            if tag in LISTS:
                self._depth += 1
            elif tag == "li":
                indent = INDENT * max(0, self._depth - 1)
                self._items.append([indent + BULLET, indent + INDENT])
            elif tag == "pre":
                self._pre += 1

    def end(self, tag: str, element: object) -> None:
        if self._row is not None:
            if element is self._row_element:
                self._close_cell()
                line = " | ".join(self._row)
                self._row = None
                self._row_element = None
                self._parts = [line]
                self.end_block()
            elif tag in CELLS or tag in BLOCKS:
                self._parts.append(" ")
            return
        if tag in BLOCKS:
            self.end_block()
            if tag in LISTS:
                self._depth = max(0, self._depth - 1)
            elif tag == "li" and self._items:
                self._items.pop()
            elif tag == "pre":
                self._pre = max(0, self._pre - 1)

    def end_block(self) -> None:
        self._flush_line()
        if self._lines:
            self.blocks.append("\n".join(self._lines))
            self._lines = []

    def _close_cell(self) -> None:
        cell = collapse("".join(self._parts))
        self._parts = []
        if cell and self._row is not None:
            self._row.append(cell)

    def _flush_line(self) -> None:
        raw = "".join(self._parts)
        self._parts = []
        for piece in raw.split("\n") if self._pre else (raw,):
            line = collapse(piece)
            if line:
                self._lines.append(self._prefix() + line)

    def _prefix(self) -> str:
        if not self._items:
            return ""
        item = self._items[-1]
        prefix = item[0]
        item[0] = item[1]
        return prefix


def _tag(element: Any) -> str | None:
    tag = element.tag
    # Comments, processing instructions and entities have a function, not a name, as tag.
    return tag.lower() if isinstance(tag, str) else None


def _title(root: Any) -> str | None:
    found = root.find("head/title")
    if found is None:
        return None
    title = collapse("".join(found.itertext()))
    if not title:
        return None
    for heading in root.iterfind("body//h1"):
        if collapse("".join(heading.itertext())).casefold() == title.casefold():
            return None
    return title


def to_text(root: Any) -> str:
    """The line text of a parsed page (``root`` is its ``html`` element)."""
    builder = _Builder()
    title = _title(root)
    if title:
        builder.blocks.append(title)
    # An explicit stack rather than recursion, so that the walk takes no Python stack frames
    # however deeply the page nests.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = _tag(element)
        if closing:
            if tag is not None:
                builder.end(tag, element)
            if element.tail:
                builder.text(element.tail)
            continue
        if tag is None or tag in DROPPED:
            if element.tail:
                builder.text(element.tail)
            continue
        builder.start(tag, element)
        if element.text:
            builder.text(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    builder.end_block()
    return "\n\n".join(builder.blocks) + "\n" if builder.blocks else ""
