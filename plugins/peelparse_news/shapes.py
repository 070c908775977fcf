"""What the lines of a news page look like: the grammar's terminals, as shapes.

The table lists the shapes in order of preference. A line often fits several (a short line
without a full stop is a headline, a cross-head and a paragraph); the grammar takes the first
that fits where the line stands, so the first such line is the headline, one under "X said:"
is quoted whatever it looks like, and one followed by a byline inside the text starts another
story.
"""

from __future__ import annotations

import re

from peelparse.grammar import LineShape, ShapeTable
from peelparse.text import (
    SAID,
    AnchoredPattern,
    LazyPattern,
    may_introduce,
    read_date_line,
    strip_marks,
)

BYLINE = LazyPattern(
    r"By\s+(?P<name>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von)){0,4})"
    r"(?:\s*[,|–—-]\s*[^\n]{0,80})?"
)
"""A byline: "By Jane Example", "By The Newsroom", "By Jane Example, Crime reporter"."""
BYLINE_LONGEST = 120

FURNITURE = LazyPattern(
    r"(?:Advertisement|Hide\s+Ad(?:Advertisement)?|(?:Hide\s+Ad)?Advertisement(?:Hide\s+Ad)?|"
    r"Sign\s+up\s+(?:to|for)\s+(?:our|the)\b.{0,80}|Media\s+playback\s+is\s+unsupported.{0,60}|"
    r"Media\s+caption.{0,200}|Image\s+(?:caption|source|copyright).{0,200}|"
    r"Share\s+(?:this\s+)?(?:article|story|page)|Read\s+more\s*:.{0,200}|Most\s+read|"
    r"Related\s+(?:articles|stories|topics)|Facebook\s+Pixel|Skip\s+to\s+(?:main\s+)?content|"
    r"Subscribe(?:\s+(?:now|today))?\b.{0,80}|Comments?|Follow\s+us\b.{0,80})",
    re.IGNORECASE,
)
"""Lines a news site puts around its stories: advertising, captions, sign-up prompts."""
FURNITURE_LONGEST = 220

OPENING = "“\"‘'„«"
"""Marks that open a quotation."""
CLOSING = "”\"’'»"
"""Marks that close one."""

HEADING_WORDS = 30
"""A headline or cross-head has at most this many words."""
CROSS_HEAD_WORDS = 12
"""A cross-head inside a story is shorter than a headline."""
_SENTENCE_END = (".", ",", ";", ":")

_NEWS_WORD = (
    r"(?:News|Times|Gazette|Echo|Post|Mail|Herald|Advertiser|Journal|Mirror|Telegraph|Guardian|"
    r"Standard|Express|Chronicle|Argus|Observer|Today|World|Live|Sentinel|Examiner|Courier|"
    r"Recorder|Leader|Citizen|Press)"
)
MASTHEAD = LazyPattern(
    r"(?P<outlet>\b(?:BBC|ITV|Sky)(?:\s+(?:News|Wales|Cymru|Radio|Local\s+News|[A-Z][a-z]+))?"
    rf"|(?:[A-Z][\w'’&-]+\s+){{1,3}}{_NEWS_WORD})\b"
)
"""The name of a news outlet: a broadcaster, or capitalised words ending in a word papers
call themselves by ("Evening Gazette", "Hartlepool Mail")."""
OUTLET_CONTEXT = AnchoredPattern(
    LazyPattern(
        r"(?:©|\(c\)|Copyright\b)\s*(?:\d{4}\s+)?(?:the\s+)?(?=[A-Z])"
        r"|\b(?:told|speaking\s+to|interview\s+with|(?:first\s+)?(?:appeared|published)\s+"
        r"(?:first\s+)?(?:in|on|by))\s+(?:the\s+)?(?=[A-Z])",
        re.IGNORECASE,
    ),
    ("©", "(c)", "copyright", "told", "speaking", "interview", "first", "appeared", "published"),
)
"""Words after which a text names where it appeared: a copyright line, "told BBC Wales".
Tried only where one of them stands: with case ignored and an alternation first, the
expression would be tried at every place of a page's head."""


def is_heading_shaped(text: str) -> bool:
    """Whether a line reads as a headline or cross-head: short, no closing punctuation, not
    a quotation."""
    stripped = text.strip()
    return (
        bool(stripped)
        and not stripped.endswith(_SENTENCE_END)
        and stripped[0] not in OPENING
        and len(stripped.split()) <= HEADING_WORDS
        and any(c.isalpha() for c in stripped)
    )


def is_furniture(text: str) -> bool:
    return len(text) <= FURNITURE_LONGEST


def is_byline(text: str) -> bool:
    return text.startswith("By ") and len(text) <= BYLINE_LONGEST


def introduces_quote(text: str) -> bool:
    """Whether ``text`` is a line that introduces a quote (the core's speaker shape)."""
    return may_introduce(text) and SAID.fullmatch(text) is not None


def is_bulleted(text: str) -> bool:
    """Whether the line opens with a list mark (a heading's "#" and bold "*" are not)."""
    return strip_marks(text) != text and not text.startswith(("#", "*"))


def is_cross_head(text: str) -> bool:
    return (
        is_heading_shaped(text) and len(text.split()) <= CROSS_HEAD_WORDS and not is_bulleted(text)
    )


def is_date_line(text: str) -> bool:
    return read_date_line(text) is not None


# A shape read by its test alone has the empty expression, which fits any line at once.
SHAPES = ShapeTable(
    [
        # Lines that are what they are wherever they stand: page furniture, a byline, a date.
        LineShape("FURNITURE", FURNITURE.pattern, FURNITURE.flags, "fullmatch", test=is_furniture),
        LineShape("BYLINE", BYLINE.pattern, mode="fullmatch", test=is_byline),
        LineShape("DATE", test=is_date_line),
        # Any other line under "X said:" is what X said.
        LineShape("QUOTED"),
        # A line opening with a quotation mark goes on the quotation before it, if any.
        LineShape("QUOTE_CONT", f"[{OPENING}]"),
        LineShape("QUOTE", f"[{OPENING}]"),
        LineShape("INTRO", test=introduces_quote),
        LineShape("HEADING", test=is_cross_head),
        # Shaped as a headline, but a list item or too long for a cross-head: a paragraph,
        # unless it is the headline or a byline or date follows it.
        LineShape("TITLE", test=is_heading_shaped),
        LineShape("BULLET", test=is_bulleted),
    ],
    fallback="PARA",
)
"""The shapes of a news page's lines, in order of preference."""
