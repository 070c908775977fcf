"""The press release's table of line shapes: what each block of a release can be, for the
grammar (``press.lark``) to choose among by where the block stands."""

from __future__ import annotations

import functools

import attrs

from peelparse.grammar import LineShape, ShapeTable, Unit, joined
from peelparse.text import (
    CLOSING,
    OPENING,
    SAID,
    SAID_BEFORE,
    first_force_in,
    leaves_open,
    may_introduce,
    may_quote_after,
)
from peelparse_press.shapes import (
    CONTACT,
    DATE_LINE,
    HEADING,
    LEAD_IN,
    LINK,
    META,
    MULTI_TITLE,
    NOTES,
    PHONE_OR_MAIL,
    RELEASE_LEAD_IN,
    REPORT_LINK,
    REPORT_TITLE,
    REPORTED,
    SITE,
    is_bullet,
    may_be_contact,
    may_be_date,
    may_be_heading,
    may_be_notes,
    may_name_several,
    unmarked,
)

MAX_HEADING_WORDS = 40
"""A line of more words is prose even without a full stop."""
MAX_LINK_WORDS = 8
"""A link's text is short."""


@attrs.frozen
class Look:
    """What a block's text shows, read once for all the shapes that ask."""

    text: str
    """The text without markdown heading or bold marks."""
    bullet: bool
    heading_like: bool
    """Shaped as a heading (``HEADING``), of at most ``MAX_HEADING_WORDS`` words, no list item."""
    short: bool
    """Shaped as a heading of at most ``MAX_LINK_WORDS`` words."""
    link: bool
    dated: bool
    notes: bool
    introduces: bool
    contact: bool
    opens_quote: bool
    closes_quote: bool


# The shapes of a table ask the same few questions of one block; the answers are kept for
# the blocks of the page being read.
@functools.lru_cache(maxsize=4096)
def look(raw: str) -> Look:
    """What ``raw`` (a block's text, its lines joined) shows."""
    start, end = unmarked(raw)
    text = raw[start:end]
    bullet = is_bullet(raw)
    # Only a text shaped as a heading has its words counted: such a text is short.
    words = (
        len(text.split()) if may_be_heading(text) and HEADING.fullmatch(text) is not None else None
    )
    heading_like = words is not None and words <= MAX_HEADING_WORDS and not bullet
    short = words is not None and words <= MAX_LINK_WORDS
    contact = (
        may_be_contact(text)
        and CONTACT.fullmatch(text) is not None
        and ((heading_like and short) or PHONE_OR_MAIL.search(text) is not None)
    )
    stripped = text.rstrip()
    return Look(
        text=text,
        bullet=bullet,
        heading_like=heading_like,
        short=short,
        link=short and LINK.fullmatch(text) is not None,
        dated=may_be_date(text) and DATE_LINE.fullmatch(text) is not None,
        notes=may_be_notes(text) and NOTES.fullmatch(text) is not None,
        introduces=may_introduce(text) and SAID.fullmatch(text) is not None,
        contact=contact,
        opens_quote=text[:1] != "" and text[0] in OPENING,
        closes_quote=stripped[-1:] != "" and stripped[-1] in CLOSING,
    )


def quotable(raw: str) -> bool:
    """Whether the block can be the quote a "said:" line introduces."""
    seen = look(raw)
    return seen.opens_quote or not (
        seen.bullet or seen.heading_like or seen.notes or seen.dated or seen.introduces
    )


def quoted(raw: str) -> bool:
    """Whether the block is a quote's paragraph wherever it stands: it opens with a quotation
    mark, or names its speaker before one ("Andy Cooke said: “...”")."""
    text = look(raw).text
    if look(raw).opens_quote:
        return True
    return may_quote_after(text) and SAID_BEFORE.match(text) is not None


def closing(raw: str) -> bool:
    """Whether the block only closes a quote left open: it ends with a closing mark and
    opens none."""
    seen = look(raw)
    text = seen.text
    return (
        not seen.opens_quote
        and seen.closes_quote
        and not any(mark in text for mark in "“„«")
        and text.count('"') <= 1
    )


def left_open(raw: str) -> bool:
    return leaves_open(look(raw).text)


def _force_named(raw: str) -> bool:
    return first_force_in(look(raw).text) is not None


def _lead_in_naming_a_force(raw: str) -> bool:
    shaped = RELEASE_LEAD_IN.fullmatch(look(raw).text)
    return shaped is not None and first_force_in(shaped.group("who")) is not None


def _heading(raw: str) -> bool:
    return look(raw).heading_like


def _long_heading(raw: str) -> bool:
    seen = look(raw)
    return seen.heading_like and not seen.short


def _shape(name: str, test: object, **where: object) -> LineShape:
    return LineShape(name, test=test, **where)  # type: ignore[arg-type]


def _both(first: object, second: object) -> object:
    return lambda raw: first(raw) and second(raw)  # type: ignore[operator]


def _on_text(pattern: object, how: str = "fullmatch") -> object:
    return lambda raw: getattr(pattern, how)(look(raw).text) is not None


def _table(multi: bool) -> ShapeTable:
    """The shapes in order of preference. Which of those a block fits it is, the grammar
    decides by where it stands: a block after "said:" is the quote whatever else it looks
    like, notes and contact lines end the page, a list item after a lead-in is a finding."""
    prose = _on_text(REPORTED, "match")
    force_lead_in = [
        _shape(
            "FORCE_LEAD_IN",
            _both(_on_text(LEAD_IN), _lead_in_naming_a_force),
            before="BULLET",
        )
    ]
    force_headline = [_shape("FORCE_HEADLINE", _both(_heading, _force_named))]
    shapes = [
        _shape("AFTER_SAID_OPEN", _both(quotable, left_open)),
        _shape("AFTER_SAID", quotable),
        _shape(
            "REPORT_LINK",
            _both(lambda raw: look(raw).link, _on_text(REPORT_LINK)),
            aside="furniture: navigation",
        ),
        _shape("LINK", lambda raw: look(raw).link, aside="furniture: navigation"),
        _shape("DATE", lambda raw: look(raw).dated),
        _shape("SITE", _on_text(SITE), aside="furniture: site name"),
        _shape("META", _on_text(META)),
        _shape("HEADLINE", _heading),
        _shape("NOTES", lambda raw: look(raw).notes),
        _shape("CONTACT", lambda raw: look(raw).contact),
        _shape("ITEM", lambda raw: look(raw).bullet),
        _shape("BULLET", lambda raw: look(raw).bullet),
        _shape("QUOTE_OPEN", _both(quoted, left_open)),
        _shape("QUOTE", quoted),
        _shape("CLOSING_OPEN", _both(closing, left_open)),
        _shape("CLOSING", closing),
        _shape("SAID", lambda raw: look(raw).introduces, before="AFTER_SAID"),
        *(force_lead_in if multi else []),
        _shape("LEAD_IN", _on_text(LEAD_IN), before="BULLET"),
        _shape("TAIL_FINDING", _both(_long_heading, prose), last=True),
        _shape("TAIL", _long_heading, last=True),
        _shape("REPORT_TITLE", _both(_heading, _on_text(REPORT_TITLE, "match"))),
        _shape("TITLE_AFTER_LINK", _heading, after="REPORT_LINK"),
        *(force_headline if multi else []),
        _shape("HEADING", _heading),
        _shape("FINDING", prose),
        _shape("NOTE", lambda raw: True),
        _shape("CONTACT_LINE", lambda raw: True),
    ]
    return ShapeTable(shapes, fallback="PARA", join=join)


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


SINGLE = _table(multi=False)
"""The shapes of a page of one release."""
MULTI = _table(multi=True)
"""The shapes of a page of several forces' releases: a heading or a lead-in naming a force
starts one."""


def several_releases(blocks: list[Unit]) -> bool:
    """Whether the page holds several forces' releases: its title says so, or headings name
    two forces or more. A fact of the whole page, which no rule of its grammar can state (a
    heading naming a force starts a release only on such a page), so it is read first."""
    title = next((b for b in blocks if not _header_furniture(b.text)), None)
    if title is not None:
        text = look(title.text).text
        if may_name_several(text) and MULTI_TITLE.search(text):
            return True
    forces = set()
    for block in blocks:
        seen = look(block.text)
        if block is title or not seen.heading_like or seen.link:
            continue
        if REPORT_TITLE.match(seen.text) or seen.notes:
            continue
        named = first_force_in(seen.text)
        if named is not None:
            forces.add(named[0].slug)
    return len(forces) > 1


def _header_furniture(raw: str) -> bool:
    seen = look(raw)
    return (
        SITE.fullmatch(seen.text) is not None
        or seen.link
        or seen.dated
        or META.fullmatch(seen.text) is not None
    )
