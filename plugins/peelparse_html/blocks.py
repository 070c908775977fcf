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
  left out; the page's ``<title>`` is kept as the first block.

The title is the first ``<h1>``: when the page has one, the ``<title>`` block is furniture
(or left out when the heading repeats it); without one, the ``<title>`` is the title.

The page's furniture keeps its words but is marked (``Reading.furniture``), so no grammar
sees it: ``<nav>``, the page's own ``<header>`` and ``<footer>`` (not those of an
``<article>``, ``<main>`` or ``<section>``), the landmarks of the same roles, and blocks
whose class, id or label names a cookie banner or breadcrumbs. The first ``<h1>`` is never
furniture. The shared furniture patterns still set aside what they match elsewhere.
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
SECTIONS = frozenset({"article", "main", "section"})
"""Elements whose ``<header>`` and ``<footer>`` are their own content, not the page's."""
ROLES = {"navigation": "navigation", "banner": "page header", "contentinfo": "page footer"}
NAMED = (("cookie", "cookie banner"), ("breadcrumb", "breadcrumb"))
"""Words in a block's class, id or label that make it furniture, with the reason."""
PAGE_TITLE = "page title"


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
        self.furniture: list[tuple[str | None, ...]] = []
        """Per block, the furniture reason of each of its lines (``None``: content)."""
        self._reasons: list[str | None] = []
        self._marked: list[tuple[object, str | None]] = []  # open furniture (or not) elements
        self._sections = 0
        self.title_heading: object = None

    def block(self, text: str, reason: str | None) -> None:
        """A block of one line made elsewhere (the page title)."""
        self.blocks.append(text)
        self.furniture.append((reason,))

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
            self._mark(tag, element)
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
            if self._marked and self._marked[-1][0] is element:
                self._marked.pop()
            if tag in SECTIONS:
                self._sections -= 1
            if tag in LISTS:
                self._depth = max(0, self._depth - 1)
            elif tag == "li" and self._items:
                self._items.pop()
            elif tag == "pre":
                self._pre = max(0, self._pre - 1)

    def _mark(self, tag: str, element: Any) -> None:
        """Open an element that makes its lines furniture (or, the title heading, content)."""
        if element is self.title_heading:
            self._marked.append((element, None))
        elif (reason := self._furniture(tag, element)) is not None:
            self._marked.append((element, reason))
        if tag in SECTIONS:
            self._sections += 1

    def _furniture(self, tag: str, element: Any) -> str | None:
        named = " ".join(
            value for value in (element.get(a) for a in ("class", "id", "aria-label")) if value
        ).lower()
        for word, reason in NAMED:
            if word in named:
                return reason
        if tag == "nav":
            return "navigation"
        if tag in ("header", "footer") and not self._sections:
            return "page header" if tag == "header" else "page footer"
        role = element.get("role")
        if role in ROLES and not (role != "navigation" and self._sections):
            return ROLES[role]
        return None

    def end_block(self) -> None:
        self._flush_line()
        if self._lines:
            self.blocks.append("\n".join(self._lines))
            self.furniture.append(tuple(self._reasons))
            self._lines = []
            self._reasons = []

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
                self._reasons.append(self._marked[-1][1] if self._marked else None)

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


def _title(root: Any, heading: Any) -> tuple[str, str | None] | None:
    """The ``<title>`` block and its furniture reason: none when the page has a first
    heading, which is the title then; left out when that heading repeats it."""
    found = root.find("head/title")
    if found is None:
        return None
    title = collapse("".join(found.itertext()))
    if not title:
        return None
    for h1 in root.iterfind("body//h1"):
        if collapse("".join(h1.itertext())).casefold() == title.casefold():
            return None
    return title, (None if heading is None else PAGE_TITLE)


def _first_heading(root: Any) -> Any:
    """The page's first ``<h1>`` with text: its title."""
    for h1 in root.iterfind(".//h1"):
        if collapse("".join(h1.itertext())):
            return h1
    return None


def to_text(root: Any) -> str:
    """The line text of a parsed page (``root`` is its ``html`` element)."""
    return to_reading(root)[0]


def to_reading(root: Any) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The line text of a parsed page (``root`` is its ``html`` element), and its furniture
    lines: (1-based line number, reason)."""
    builder = _Builder()
    builder.title_heading = _first_heading(root)
    title = _title(root, builder.title_heading)
    if title:
        builder.block(*title)
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
    text = "\n\n".join(builder.blocks) + "\n" if builder.blocks else ""
    furniture: list[tuple[int, str]] = []
    line = 1
    for reasons in builder.furniture:
        furniture += [(line + i, r) for i, r in enumerate(reasons) if r is not None]
        line += len(reasons) + 1
    return text, tuple(furniture)
