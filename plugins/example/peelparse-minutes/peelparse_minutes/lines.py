"""Typing the lines of a page of minutes: what each line is, from its shape and the lines
before it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token

from peelparse.grammar import Line, LinePostLex, current_run
from peelparse.text import LazyPattern

LABEL = LazyPattern(r"Agenda item(?:\s*(?:no\.?\s*)?\d+[a-z]?)?\s*:?", re.IGNORECASE)
"""The label a council's meetings site puts above the item: "Agenda item"."""
HEADING = LazyPattern(r"(?:Minutes?|Decisions?|Minute and decision|Summary)\s*:", re.IGNORECASE)
"""A label line on its own: "Minutes:", "Decision:"."""
RESOLVED = LazyPattern(
    r"(?i:it was\s+)?(?:(?:RESOLVED|AGREED|DECIDED)\b|Resolved\b"
    r"|(?:Agreed|Decided)(?=\s*[:–-]|,?\s+that\b))(?P<rest>.*)"
)
"""The words that open a resolution: "Resolved: That ...", "RESOLVED, that ...", "AGREED -"."""
NUMERAL = LazyPattern(
    r"(?P<label>\((?P<a>[ivxlcdm]+|[a-z]|\d{1,2})\)|(?P<b>[ivxlcdm]+|[a-z]|\d{1,2})[.)])"
    r"(?=\s|$)",
    re.IGNORECASE,
)
"""The numeral of a resolution's item: "(i)", "(b)", "3.", "ii)"."""
DOCUMENTS = LazyPattern(r"(?:Supporting|Background|Attached) (?:documents|papers)\s*:?.*", re.I)
"""The label of the list of documents under the minutes."""
TITLE_END = LazyPattern(r"[.;,]\s*$")
"""A first line that ends like a sentence is prose, not a title."""


class MinutesLines(LinePostLex):
    """Types the lines of a page of minutes. The context rules, in order of the page:

    * an "Agenda item" line first is the page's label, and the line after it the title;
      without the label, a first line that does not end like a sentence is the title;
    * a "Resolved" line opens a resolution; its numbered lines are its items, and a line
      right under an item (no blank line between) continues it;
    * "Supporting documents:" and every line after it list the documents;
    * nothing continues across a line of page furniture.
    """

    def type_lines(self, lines: list[Line]) -> Iterator[Token]:
        # One postlexer serves every parse, so what it remembers lives in this call only.
        previous = "START"
        in_resolution = False
        open_resolution = False
        furniture = current_run().source.furniture
        last_line = 0
        for line in lines:
            text = line.text.strip()
            number = line.token.line or last_line + 1
            # Words never continue across page furniture: the record's text would skip it.
            interrupted = any(n in furniture for n in range(last_line + 1, number))
            last_line = number
            if previous in ("DOCUMENTS", "DOCUMENT"):
                yield line.typed("DOCUMENT")
                continue
            if DOCUMENTS.fullmatch(text):
                previous = "DOCUMENTS"
                yield line.typed(previous)
                continue
            if previous == "START" and LABEL.fullmatch(text):
                previous = "LABEL"
                yield line.typed(previous)
                continue
            if previous in ("START", "LABEL") and _is_title(text, labelled=previous == "LABEL"):
                previous = "TITLE"
                yield line.typed(previous)
                continue
            resolved = RESOLVED.match(text)
            if resolved:
                in_resolution = True
                # "RESOLVED:" alone, or "RESOLVED that:", says its words come on the next line.
                rest = resolved.group("rest").strip(" :,–-")
                open_resolution = not rest or rest.lower() == "that" or text.endswith(":")
                previous = "RESOLVED"
                yield line.typed(previous)
                continue
            if in_resolution:
                typed = list(
                    _in_resolution(
                        line, text, "START" if interrupted else previous, open_resolution
                    )
                )
                if typed:
                    open_resolution = False
                    previous = typed[-1].type
                    yield from typed
                    continue
                in_resolution = False
            if HEADING.fullmatch(text):
                previous = "HEADING"
                yield line.typed(previous)
                continue
            previous = "PARA"
            yield line.typed(previous)


def _is_title(text: str, *, labelled: bool) -> bool:
    if RESOLVED.match(text) or HEADING.fullmatch(text):
        return False
    if labelled:
        return True
    return len(text) <= 200 and not TITLE_END.search(text)


def _in_resolution(line: Line, text: str, previous: str, open_resolution: bool) -> Iterator[Token]:
    """The tokens of a line inside a resolution; none when the line ends the resolution."""
    numeral = NUMERAL.match(text)
    if numeral:
        yield from _split_numeral(line, numeral)
    elif previous == "NUMERAL":
        yield line.typed("ITEM")
    elif previous in ("RESOLVED", "CONT", "ITEM") and (not line.blank_before or open_resolution):
        yield line.typed("CONT")


def _split_numeral(line: Line, numeral: re.Match[str]) -> Iterator[Token]:
    """ "(ii)      that all ..." as a numeral token and, if words follow, an item token."""
    token = line.token
    raw = str(token)
    lead = len(raw) - len(raw.lstrip())
    yield _part(token, "NUMERAL", lead + numeral.start("label"), lead + numeral.end("label"))
    rest = raw[lead + numeral.end() :]
    if rest.strip():
        start = lead + numeral.end() + len(rest) - len(rest.lstrip())
        yield _part(token, "ITEM", start, len(raw.rstrip()))


def _part(token: Token, kind: str, start: int, end: int) -> Token:
    """A token for ``str(token)[start:end]`` (one line), placed where it is in the text."""
    base = token.start_pos or 0
    return Token(
        kind,
        str(token)[start:end],
        start_pos=base + start,
        line=token.line,
        column=(token.column or 1) + start,
        end_line=token.line,
        end_column=(token.column or 1) + end,
        end_pos=base + end,
    )
