"""What the lines of a page of minutes look like: the grammar's terminals, as shapes.

The table lists the shapes in order of preference. A line often fits several (a numbered
line is also a paragraph); the grammar takes the first that fits where the line stands, so
"(ii) that ..." is an item only inside a resolution, and any line under "Supporting
documents:" is a document.
"""

from __future__ import annotations

import re

from peelparse.grammar import LineShape, ShapeTable
from peelparse.text import LazyPattern

RESOLVED = LazyPattern(
    r"(?i:it was\s+)?(?:(?:RESOLVED|AGREED|DECIDED)\b|Resolved\b"
    r"|(?:Agreed|Decided)(?=\s*[:–-]|,?\s+that\b))"
)
"""The words that open a resolution: "Resolved: That ...", "RESOLVED, that ...", "AGREED -"."""
HEADING = LazyPattern(r"(?:Minutes?|Decisions?|Minute and decision|Summary)\s*:", re.IGNORECASE)
"""A label line on its own: "Minutes:", "Decision:"."""
_NUMERAL = r"\((?P<a>[ivxlcdm]+|[a-z]|\d{1,2})\)|(?P<b>[ivxlcdm]+|[a-z]|\d{1,2})[.)]"
NUMERAL = LazyPattern(rf"(?P<label>{_NUMERAL})(?=\s|$)", re.IGNORECASE)
"""The numeral of a resolution's item: "(i)", "(b)", "3.", "ii)"."""


def _opens_resolution(text: str) -> bool:
    """Whether a resolution's words come on the next line: "RESOLVED:", "Resolved that:"."""
    found = RESOLVED.match(text)
    if found is None:
        return False
    rest = text[found.end() :].strip(" :,–-")
    return not rest or rest.lower() == "that" or text.endswith(":")


def _title_under_label(text: str) -> bool:
    return RESOLVED.match(text) is None and HEADING.fullmatch(text) is None


def _title(text: str) -> bool:
    # Without a label above it, a first line that ends like a sentence is prose.
    return len(text) <= 200 and text[-1:] not in ".;," and _title_under_label(text)


SHAPES = ShapeTable(
    [
        # Every line after "Supporting documents:" lists one, whatever it looks like.
        LineShape("DOCUMENT"),
        LineShape(
            "DOCUMENTS",
            r"(?:Supporting|Background|Attached) (?:documents|papers)\s*:?.*",
            re.IGNORECASE,
            mode="fullmatch",
        ),
        LineShape("LABEL", r"Agenda item(?:\s*(?:no\.?\s*)?\d+[a-z]?)?\s*:?", re.I, "fullmatch"),
        LineShape("TITLE", test=_title),
        LineShape("LABELLED_TITLE", test=_title_under_label),
        LineShape("RESOLVED_OPEN", RESOLVED.pattern, test=_opens_resolution),
        LineShape("RESOLVED", RESOLVED.pattern),
        # "(ii)   that all ...": the numeral, and the item's words when they follow on its line.
        LineShape(
            "NUMBERED", rf"(?P<NUMERAL>{_NUMERAL})(?=\s|$)\s*(?P<ITEM>\S.*)?", re.I, parts=True
        ),
        LineShape("ITEM", after_furniture=False),
        LineShape("CONT", after_blank=False),
        LineShape("OPEN_CONT", after_furniture=False),
        LineShape("HEADING", HEADING.pattern, re.IGNORECASE, "fullmatch"),
    ],
    fallback="PARA",
)
"""The shapes of a page of minutes, in order of preference."""
