"""The shapes of a news page's lines: bylines, page furniture, quotations, mastheads."""

from __future__ import annotations

import re

from peelparse.text import SAID, LazyPattern, may_introduce

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
OUTLET_CONTEXT = LazyPattern(
    r"(?:©|\(c\)|Copyright\b)\s*(?:\d{4}\s+)?(?:the\s+)?(?=[A-Z])"
    r"|\b(?:told|speaking\s+to|interview\s+with|(?:first\s+)?(?:appeared|published)\s+"
    r"(?:first\s+)?(?:in|on|by))\s+(?:the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
"""Words after which a text names where it appeared: a copyright line, "told BBC Wales"."""


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
    stripped = text.strip()
    return len(stripped) <= FURNITURE_LONGEST and FURNITURE.fullmatch(stripped) is not None


def is_byline(text: str) -> bool:
    stripped = text.strip()
    return (
        stripped.startswith("By ")
        and len(stripped) <= BYLINE_LONGEST
        and BYLINE.fullmatch(stripped) is not None
    )


def introduces_quote(text: str) -> bool:
    """Whether ``text`` is a line that introduces a quote (the core's speaker shape)."""
    stripped = text.strip()
    return may_introduce(stripped) and SAID.fullmatch(stripped) is not None


def opens_quote(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in OPENING
