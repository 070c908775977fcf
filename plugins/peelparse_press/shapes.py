"""The shapes of press-release blocks, and ``SHAPES``, the table the grammar chooses among.
Each regular expression describes a layout or a way releases phrase things, not one
release's wording."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from peelparse.grammar import LineShape, ShapeTable, Unit, joined, needed_words
from peelparse.text import (
    BULLET,
    CLOSING,
    DATE_WRITTEN,
    OPENING,
    SAID,
    SAID_BEFORE,
    LazyPattern,
    end_before_bold,
    first_force_in,
    is_bullet,
    leaves_open,
    may_introduce,
    may_quote_after,
)

_MARKUP_START = LazyPattern(r"^\s*(?:#{1,6}[ \t]+|\*\*(?=\S))")


def unmarked(raw: str) -> tuple[int, int]:
    """Where ``raw`` is without a markdown heading mark or bold marks around it."""
    first = raw[:1]
    # Most blocks open with a letter, which no mark does.
    start = _MARKUP_START.match(raw) if first in ("#", "*") or first.isspace() else None
    return (start.end() if start else 0), end_before_bold(raw, len(raw.rstrip()))


# Each pattern that opens with white space tries it only from where the white space starts:
# tried from each of its characters, a long run of spaces would be read again and again.
SIGN_OFF = LazyPattern(r"(?<!\s)\s+[-–—]\s*(?:HMIC|HMICFRS|HM\s?IC(?:FRS)?)\s*$")
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


CONTACT = LazyPattern(
    r"(?:(?:media|press|news)\s+(?:enquiries|enquiry|contacts?|office|queries|desk)"
    r"|contacts?(?:\s+us)?|for\s+(?:further|more)\s+information(?:\s+contact)?)\b[^.\n]{0,80}"
    r"|.{0,200}\b(?:press\s+office|media\s+team|press\s+team)\b.{0,200}",
    re.IGNORECASE,
)
"""A contact line or heading: "Media enquiries", "Contact the HMICFRS press office on ..."."""

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


PILLAR_IN_SUBJECT = LazyPattern(r"\b(legitima\w*|effective\w*|efficien\w*)", re.IGNORECASE)
"""A pillar named in a list item's subject ("how legitimately it treats people")."""

SUBJECT_END = LazyPattern(
    r"(?<!\s)(?:\s*+[;,.]\s*+(?:and|or)?|\s++(?:and|or))?\s*+$", re.IGNORECASE
)
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


# -- the table -----------------------------------------------------------------------------------

MAX_HEADING_WORDS = 40
"""A line of more words is prose even without a full stop."""
MAX_LINK_WORDS = 8
"""A link's text is short."""


# The shapes of a table ask a few questions of each block; what every answer starts from (the
# text without its marks, the words of a heading) is kept for the blocks of the page read.
@functools.lru_cache(maxsize=4096)
def text_of(raw: str) -> str:
    """``raw`` (a block's lines joined) without markdown heading or bold marks."""
    start, end = unmarked(raw)
    return raw[start:end]


@functools.lru_cache(maxsize=4096)
def _heading_words(raw: str) -> int | None:
    """How many words the block has when it is shaped as a heading (``HEADING``)."""
    text = text_of(raw)
    return len(text.split()) if may_be_heading(text) and HEADING.fullmatch(text) else None


def heading_like(raw: str) -> bool:
    """Shaped as a heading, of at most ``MAX_HEADING_WORDS`` words, and no list item."""
    words = _heading_words(raw)
    return words is not None and words <= MAX_HEADING_WORDS and not is_bullet(raw)


def short(raw: str) -> bool:
    """Shaped as a heading of at most ``MAX_LINK_WORDS`` words."""
    words = _heading_words(raw)
    return words is not None and words <= MAX_LINK_WORDS


def _long_heading(raw: str) -> bool:
    return heading_like(raw) and not short(raw)


def dated(raw: str) -> bool:
    text = text_of(raw)
    return may_be_date(text) and DATE_LINE.fullmatch(text) is not None


def notes(raw: str) -> bool:
    return NOTES.fullmatch(text_of(raw)) is not None


def introduces(raw: str) -> bool:
    text = text_of(raw)
    return may_introduce(text) and SAID.fullmatch(text) is not None


def contact(raw: str) -> bool:
    """A contact heading ("Media enquiries") or a line giving the press office's number."""
    text = text_of(raw)
    if CONTACT.fullmatch(text) is None:
        return False
    return (heading_like(raw) and short(raw)) or PHONE_OR_MAIL.search(text) is not None


def link(raw: str) -> bool:
    return short(raw) and LINK.fullmatch(text_of(raw)) is not None


def _opens_quote(raw: str) -> bool:
    return text_of(raw)[:1] in OPENING and text_of(raw) != ""


def quotable(raw: str) -> bool:
    """Whether the block can be the quote a "said:" line introduces."""
    if _opens_quote(raw):
        return True
    return not (is_bullet(raw) or heading_like(raw) or notes(raw) or dated(raw) or introduces(raw))


def quoted(raw: str) -> bool:
    """Whether the block is a quote's paragraph wherever it stands: it opens with a quotation
    mark, or names its speaker before one ("Andy Cooke said: “...”")."""
    text = text_of(raw)
    if _opens_quote(raw):
        return True
    return may_quote_after(text) and SAID_BEFORE.match(text) is not None


def closing(raw: str) -> bool:
    """Whether the block only closes a quote left open: it ends with a closing mark and
    opens none."""
    text = text_of(raw)
    return (
        not _opens_quote(raw)
        and text.rstrip()[-1:] in CLOSING
        and text.rstrip() != ""
        and not any(mark in text for mark in "“„«")
        and text.count('"') <= 1
    )


def left_open(raw: str) -> bool:
    return leaves_open(text_of(raw))


def _force_named(raw: str) -> bool:
    return first_force_in(text_of(raw)) is not None


def _lead_in_naming_a_force(raw: str) -> bool:
    shaped = RELEASE_LEAD_IN.fullmatch(text_of(raw))
    return shaped is not None and first_force_in(shaped.group("who")) is not None


Test = Callable[[str], bool]


def _shape(
    name: str, test: Test | None = None, words: LazyPattern | None = None, **where: Any
) -> LineShape:
    """A shape the block's text passes ``test`` in; ``words``: the expression the test
    matches, whose words the core reads to skip the test on blocks without them."""
    needs = needed_words(words.pattern, words.flags) if words is not None else None
    return LineShape(name, "", test=test, needs=needs, **where)


def _both(first: Test, second: Test) -> Test:
    return lambda raw: first(raw) and second(raw)


def _on_text(pattern: LazyPattern, how: str = "fullmatch") -> Test:
    """A test of ``pattern`` on the block's text without its marks."""
    tried = getattr(pattern, how)
    return lambda raw: tried(text_of(raw)) is not None


def _table(multi: bool) -> ShapeTable:
    """The shapes in order of preference. Which of those a block fits it is, the grammar
    decides by where it stands: a block after "said:" is the quote whatever else it looks
    like, notes and contact lines end the page, a list item after a lead-in is a finding."""
    prose = _on_text(REPORTED, "match")
    force_lead_in = _both(_on_text(LEAD_IN), _lead_in_naming_a_force)
    shapes = [
        _shape("AFTER_SAID_OPEN", _both(quotable, left_open)),
        _shape("AFTER_SAID", quotable),
        _shape("REPORT_LINK", _both(link, _on_text(REPORT_LINK)), REPORT_LINK, aside=_LINK),
        _shape("LINK", link, LINK, aside=_LINK),
        _shape("DATE", dated),
        _shape("SITE", _on_text(SITE), SITE, aside="furniture: site name"),
        _shape("META", _on_text(META), META),
        _shape("HEADLINE", heading_like),
        _shape("NOTES", notes, NOTES),
        _shape("CONTACT", contact, CONTACT),
        LineShape("ITEM", BULLET.pattern),
        LineShape("BULLET", BULLET.pattern),
        _shape("QUOTE_OPEN", _both(quoted, left_open)),
        _shape("QUOTE", quoted),
        _shape("CLOSING_OPEN", _both(closing, left_open)),
        _shape("CLOSING", closing),
        _shape("SAID", introduces, SAID, before="AFTER_SAID"),
        *([_shape("FORCE_LEAD_IN", force_lead_in, RELEASE_LEAD_IN, before="BULLET")] * multi),
        _shape("LEAD_IN", _on_text(LEAD_IN), LEAD_IN, before="BULLET"),
        _shape("TAIL_FINDING", _both(_long_heading, prose), REPORTED, last=True),
        _shape("TAIL", _long_heading, last=True),
        _shape("REPORT_TITLE", _both(heading_like, _on_text(REPORT_TITLE, "match")), REPORT_TITLE),
        _shape("TITLE_AFTER_LINK", heading_like, after="REPORT_LINK"),
        *([_shape("FORCE_HEADLINE", _both(heading_like, _force_named))] * multi),
        _shape("HEADING", heading_like),
        _shape("FINDING", prose, REPORTED),
        LineShape("NOTE"),
        LineShape("CONTACT_LINE"),
    ]
    return ShapeTable(shapes, fallback="PARA", join=join, ends="text")


_LINK = "furniture: navigation"


def join(lines: list[Unit]) -> list[Unit]:
    """Lines grouped into blocks. A line continues the one before it (no blank line
    between) when it is wrapped: it starts in lower case after a line without closing
    punctuation, it is indented under a bullet, or the page separates its paragraphs by
    blank lines and the line before ends a sentence inside a paragraph."""
    spaced = sum(line.blank_before for line in lines[1:]) * 2 >= len(lines) - 1
    blocks: list[Unit] = []
    in_bullet = False
    last_text = ""
    for line in lines:
        bullet = is_bullet(line.text)
        if blocks and not line.blank_before and not bullet:
            ending = last_text[-1:]
            wrapped = line.text[:1].islower() and ending not in ".;:!?" + CLOSING
            under_bullet = in_bullet and line.indent > 0
            inside = spaced and not in_bullet and ending in ".!?,;" + CLOSING
            if wrapped or under_bullet or inside:
                blocks[-1] = joined(blocks[-1], line)
                last_text = line.text
                continue
        blocks.append(line)
        in_bullet = bullet
        last_text = line.text
    return blocks


SHAPES = _table(multi=False)
"""The shapes of a page of one release."""
SEVERAL = _table(multi=True)
"""The shapes of a page of several forces' releases: a heading or a lead-in naming a force
starts one."""


def several_releases(blocks: list[Unit]) -> bool:
    """Whether the page holds several forces' releases: its title says so, or headings name
    two forces or more. A fact of the whole page, which no rule of its grammar can state (a
    heading naming a force starts a release only on such a page), so it is read first."""
    title = next((b for b in blocks if not _header_furniture(b.text)), None)
    if title is not None:
        text = text_of(title.text)
        if may_name_several(text) and MULTI_TITLE.search(text):
            return True
    forces = set()
    for block in blocks:
        raw = block.text
        if block is title or not heading_like(raw) or link(raw):
            continue
        if REPORT_TITLE.match(text_of(raw)) or notes(raw):
            continue
        named = first_force_in(text_of(raw))
        if named is not None:
            forces.add(named[0].slug)
    return len(forces) > 1


def _header_furniture(raw: str) -> bool:
    text = text_of(raw)
    return (
        SITE.fullmatch(text) is not None
        or link(raw)
        or dated(raw)
        or META.fullmatch(text) is not None
    )
