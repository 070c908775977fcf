"""The shapes of press-release lines. Each regular expression describes a layout or a way
releases phrase things, not one release's wording."""

from __future__ import annotations

import re

from peelparse.text import DATE_WRITTEN, LazyPattern, end_before_bold

_MARKUP_START = LazyPattern(r"^\s*(?:#{1,6}[ \t]+|\*\*(?=\S))")


def unmarked(raw: str) -> tuple[int, int]:
    """Where ``raw`` is without a markdown heading mark or bold marks around it."""
    first = raw[:1]
    # Most blocks open with a letter, which no mark does.
    start = _MARKUP_START.match(raw) if first in ("#", "*") or first.isspace() else None
    return (start.end() if start else 0), end_before_bold(raw, len(raw.rstrip()))


BULLET = LazyPattern(
    r"(?:[-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013]|\d{1,2}[.)])[ \t\u00a0]+\S"
)
"""A bulleted or numbered list item ("- ", "• ", "1. ")."""

_BULLET_MARKS = frozenset("-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013")
"""The marks ``BULLET`` can start with, other than a number."""


def is_bullet(text: str) -> bool:
    """Whether ``BULLET`` matches at the start of ``text``."""
    first = text[:1]
    if first not in _BULLET_MARKS and not first.isdecimal():
        return False  # "" too: the expression needs a mark and a word
    return BULLET.match(text) is not None


SIGN_OFF = LazyPattern(r"\s+[-–—]\s*(?:HMIC|HMICFRS|HM\s?IC(?:FRS)?)\s*$")
"""A headline signed by the inspectorate: "... reduces crime - HMIC"."""

HEADING = LazyPattern(r"[^\s•\-*a-z][^\n]{0,250}(?<![.,;:!])\s*$")
"""A line without closing punctuation: a headline, a title or a link's text."""

_HEADING_LONGEST = 251
"""The most characters ``HEADING`` takes before its trailing white space."""


def may_be_heading(text: str) -> bool:
    """Whether ``HEADING`` can match ``text``. Most blocks are prose ending in a full stop,
    which the expression rejects only after trying every length of the line."""
    if text[-1:] in ".,;:!":  # also rejects "", which has no first character to match
        return False
    return len(text) <= _HEADING_LONGEST or len(text.rstrip()) <= _HEADING_LONGEST


LEAD_IN = LazyPattern(r".{3,300}:\s*$")
"""A line that introduces a list."""

RELEASE_LEAD_IN = LazyPattern(
    r"(?:HMIC(?:FRS)?|HM\s+Inspectorate\b[^:]{0,80}?|(?:the\s+)?inspectors|the\s+inspectorate)"
    r"\s+(?:also\s+)?(?:found|judged|concluded|assessed)\s+that\s+(?P<who>[^:]{3,80}?)\s*:\s*$",
    re.IGNORECASE,
)
"""A lead-in naming the force its findings are about: "HMICFRS judged that Kent Police:"."""

FINDINGS_LEAD_IN = LazyPattern(
    r"\b(?:found|judged|concluded|identified|noted|graded|assessed\s+that|reported)\b",
    re.IGNORECASE,
)
"""Words of a lead-in whose list reports findings ("HMIC found that X:")."""

REPORTED = LazyPattern(
    r"^(?:(?:However|But|Also|In\s+addition|Additionally|Overall|Similarly|Further(?:more)?),?"
    r"\s+)?(?:HMIC(?:FRS)?|the\s+(?:police\s+)?inspectorate|(?:the\s+)?inspectors|"
    r"the\s+inspection|the\s+report|HM\s+Inspectorate\b[^.]{0,80}?)\s+(?:also\s+|further\s+)?"
    r"(?:found|finds|said|says|concluded|identified|noted|highlighted|praised|reported|"
    r"recognised|raised\s+concerns?)\b",
    re.IGNORECASE,
)
"""A paragraph that reports what the inspectorate found: "HMICFRS said the force ..."."""

NOTES = LazyPattern(
    r"(?:notes?\s+(?:to|for)\s+editors?|editors['’]?\s+notes?)\s*:?\s*$", re.IGNORECASE
)
"""The heading of the notes to editors."""


def may_be_notes(text: str) -> bool:
    """Whether ``NOTES`` can match the whole of ``text``: both its forms start with "n" or
    "e", letters no other character matches when case is ignored."""
    return text[:1] in ("n", "N", "e", "E")


CONTACT = LazyPattern(
    r"(?:(?:media|press|news)\s+(?:enquiries|enquiry|contacts?|office|queries|desk)"
    r"|contacts?(?:\s+us)?|for\s+(?:further|more)\s+information(?:\s+contact)?)\b[^.\n]{0,80}"
    r"|.{0,200}\b(?:press\s+office|media\s+team|press\s+team)\b.{0,200}",
    re.IGNORECASE,
)
"""A contact line or heading: "Media enquiries", "Contact the HMICFRS press office on ..."."""

_CONTACT_STARTS = ("med", "pre", "new", "con", "for")
"""How the text of ``CONTACT``'s first form starts. These letters, unlike "i", "k" and "s",
match no other character when case is ignored, so a lower-cased text shows them all."""


def may_be_contact(text: str) -> bool:
    """Whether ``CONTACT`` can match ``text``: its first form starts with one of a few
    words, its second names a press office, a media team or a press team."""
    lower = text.lower()
    if lower.startswith(_CONTACT_STARTS):
        return True
    return ("pre" in lower or "med" in lower) and ("off" in lower or "team" in lower)


PHONE_OR_MAIL = LazyPattern(r"\b0\d{3}\s?\d{3}\s?\d{3,4}\b|\b\S+@\S+\.\w+|\[email\s*protected\]")
"""A telephone number or an e-mail address."""

LINK = LazyPattern(
    r"(?:get|read|download|view|see|jump\s+to|find\s+out\s+more\s+about|back\s+to)\b"
    r"[\w ’'&:()-]{0,70}",
    re.IGNORECASE,
)
"""A link's text on the page: "Get the report", "Jump to notes to editors"."""

REPORT_LINK = LazyPattern(r"(?:get|read|download|view)\s+the\s+(?:full\s+)?reports?", re.IGNORECASE)
"""The link whose next line is the report's title."""

REPORT_TITLE = LazyPattern(r"PEEL\b", re.IGNORECASE)
"""How the title of a PEEL report starts."""

SITE = LazyPattern(
    r"(?:HMIC(?:FRS)?|HM\s+Inspectorate\s+of\s+Constabulary[\w &,]*|(?:Her|His)\s+Majesty['’]s"
    r"\s+Inspectorate\s+of\s+Constabulary[\w &,]*|Justice\s+Inspectorates|News(?:\s+(?:feed|"
    r"releases?|and\s+press\s+releases))?|Press\s+releases?|News\s+releases?|Media\s+centre|"
    r"Latest\s+news|Publications?)\s*$",
    re.IGNORECASE,
)
"""A site or section name standing above a release's headline."""

DATE_LINE = LazyPattern(
    r"(?:(?:Published|Publication\s+date|Date(?:\s+published)?|Last\s+updated|Updated|"
    r"Released|Posted)(?:\s+on)?\s*:?\s*)?(?:\d{1,2}:\d{2}\s+)?"
    rf"{DATE_WRITTEN}\s*$",
    re.IGNORECASE,
)
"""A line that is only a date, perhaps labelled ("Published on: 2 March 2017")."""


def may_be_date(text: str) -> bool:
    """Whether ``DATE_LINE`` can match ``text``: every form of it ends in a year."""
    return text.rstrip()[-1:].isdecimal()


META = LazyPattern(
    r"(?P<label>Publication\s+types?|Police\s+forces?|Forces?|Types?|Tags?|Topics?|"
    r"Categor(?:y|ies)|Themes?|Related\s+themes?|Regions?|Authors?|Source)\s*:\s*"
    r"(?P<value>\S.{0,300})$",
    re.IGNORECASE,
)
"""A labelled metadata line of a publication page."""


def may_be_meta(text: str) -> bool:
    """Whether ``META`` can match the whole of ``text``: its label ends in a colon."""
    return ":" in text


SUBJECT_END = LazyPattern(r"\s*(?:[;,.]\s*(?:and|or)?|\s+and|\s+or)?\s*$", re.IGNORECASE)
"""What ends a list item after its subject: "; and", ",", "."."""

RUNNING = LazyPattern(
    r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|\d(?:st|nd|rd|th))\s+"
    r"(?:year|time)\s+(?:running|in\s+a\s+row)\b[^.]{0,80}\b(?:inspect|assess|judg|grad)",
    re.IGNORECASE,
)
"""A release counting how often PEEL has inspected this ("the second year running HMIC has
carried out inspections of this kind")."""

SPLIT_CYCLE = LazyPattern(r"(?<![\d/])(?P<year>20[12]\d)\s*/\s*(?P<end>\d\d)(?![\d/])")
"""A cycle written across two years ("2018/19"), as only PEEL cycles are."""
ANY_YEAR = LazyPattern(r"(?<![\d/])20[12]\d(?![\d])")
"""A year, alone or starting a cycle."""
THIS_YEAR = LazyPattern(r"\bthis\s+year\b", re.IGNORECASE)
"""A cycle named relative to the release's own: a release saying "this year" is of a
later cycle than the one it looks back to."""

NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
FIRST_PILLAR_YEAR = 2014
"""PEEL graded each pillar in its own yearly inspection from 2015: the Nth year running is
2014 + N."""

PILLAR_WORD = LazyPattern(r"\b(effectiveness|efficiency|legitimacy|leadership)\b", re.IGNORECASE)
"""A pillar named in a title."""

_HMICFRS_ABBREVIATED = r"\bHMICFRS\b"
_HMICFRS_IN_FULL = r"Inspectorate\s+of\s+Constabulary\s+and\s+Fire"
HMICFRS_NAME = LazyPattern(f"{_HMICFRS_ABBREVIATED}|{_HMICFRS_IN_FULL}", re.I)
_HMICFRS_ABBREVIATED_ONLY = LazyPattern(_HMICFRS_ABBREVIATED, re.I)
_HMICFRS_IN_FULL_ONLY = LazyPattern(_HMICFRS_IN_FULL, re.I)
HMIC_NAME = LazyPattern(r"\bHMIC\b|Inspectorate\s+of\s+Constabulary\b")
"""How the text names its publisher."""


_HMICFRS_IN_FULL_HINT = LazyPattern(r"tabulary\s+and\s+f")
"""What the lower-cased text of a release holding ``_HMICFRS_IN_FULL`` holds. Searched
for with case kept, it is found by jumping to each "tabulary"; a search ignoring case
tries every position of the text."""


def names_hmicfrs(text: str) -> bool:
    """Whether ``HMICFRS_NAME`` finds a match in ``text``. Each of its forms is searched
    only in a text holding letters it needs ("i", "k" and "s" are left out: when case is
    ignored they match other characters, which lower-casing does not turn into them), as a
    search of the whole release for either form is slow."""
    lower = text.lower()
    if "cfr" in lower and _HMICFRS_ABBREVIATED_ONLY.search(text) is not None:
        return True
    return (
        _HMICFRS_IN_FULL_HINT.search(lower) is not None
        and _HMICFRS_IN_FULL_ONLY.search(text) is not None
    )


HMICFRS_FROM = "2017-07-19"
"""The day HMIC became HMICFRS."""
HMICFRS_CYCLE = 2017
"""The first PEEL cycle whose reports HMICFRS published."""

MULTI_TITLE = LazyPattern(r"\bpress\s+releases\b|\bforce\s+press\s+release", re.IGNORECASE)
"""The title of a page holding several forces' releases."""


def may_name_several(text: str) -> bool:
    """Whether ``MULTI_TITLE`` can match ``text``: both its forms hold "press" (whose "p",
    "r" and "e" match no other character when case is ignored)."""
    return "pre" in text.lower()
