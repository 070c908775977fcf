"""Typing the blocks of a press release: what each paragraph is, from its shape and its
neighbours."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from lark import Token

from peelparse import Unclassified
from peelparse.grammar import Line, LinePostLex, current_run, token_span
from peelparse.text import (
    CLOSING,
    OPENING,
    SAID,
    SAID_AFTER,
    SAID_BEFORE,
    first_force_in,
    join_lines,
    leaves_open,
    may_attribute_after,
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

QUOTED = ("QUOTE", "QUOTE_SAID", "QUOTE_CONT")
"""Types of a quote's paragraphs."""

MAX_HEADING_WORDS = 40
"""A line of more words is prose even without a full stop."""
MAX_LINK_WORDS = 8
"""A link's text is short."""


# Not frozen: a frozen class sets each field through ``object.__setattr__``, a cost paid
# for every block of every page; nothing changes a block once it is made.
@attrs.define
class Block:
    """One paragraph, heading or list item: a line, or lines wrapped inside one.

    The rules ask each block's shape again and again (a block's own rule, then its
    neighbours'), so ``Block.of`` answers every question once, when the block is made."""

    lines: tuple[Line, ...]
    raw: str
    """The block's lines joined by one space."""
    text: str
    """Its text without markdown heading or bold marks."""
    bullet: bool
    """Whether it is a list item."""
    heading_like: bool
    """Whether it reads as a heading: shaped as one (``HEADING``), of at most
    ``MAX_HEADING_WORDS`` words, not a list item."""
    short: bool
    """Whether it is shaped as a heading of at most ``MAX_LINK_WORDS`` words."""
    link: bool
    """Whether it is a link's text on the page."""
    dated: bool
    """Whether it is only a date (``DATE_LINE``)."""
    notes: bool
    """Whether it is the heading of the notes to editors."""
    introduces: bool
    """Whether it introduces a quote ("... said:")."""
    contact: bool
    """Whether it is a contact heading ("Media enquiries") or gives the press office's
    number."""
    opens_quote: bool
    """Whether its text starts with a mark that opens a quotation."""
    closes_quote: bool
    """Whether its text ends with a mark that closes one."""

    @classmethod
    def of(cls, lines: tuple[Line, ...], texts: list[str], bullet: bool | None = None) -> Block:
        """The block of ``lines``, whose texts are ``texts``; ``bullet`` when already known
        whether its text is a list item."""
        raw = join_lines("\n".join(texts))
        start, end = unmarked(raw)
        text = raw[start:end]
        if bullet is None:
            bullet = is_bullet(raw)
        # Only a text shaped as a heading has its words counted: that is all the counts are
        # asked of, and such a text is short.
        words = (
            len(text.split())
            if may_be_heading(text) and HEADING.fullmatch(text) is not None
            else None
        )
        heading_like = words is not None and words <= MAX_HEADING_WORDS and not bullet
        short = words is not None and words <= MAX_LINK_WORDS
        contact = (
            may_be_contact(text)
            and CONTACT.fullmatch(text) is not None
            and ((heading_like and short) or PHONE_OR_MAIL.search(text) is not None)
        )
        stripped = text.rstrip()
        return cls(
            lines=lines,
            raw=raw,
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

    def token(self, kind: str, text: str) -> Token:
        """This block as one token of type ``kind``, covering its lines."""
        first, last = self.lines[0].token, self.lines[-1].token
        start = first.start_pos or 0
        length = len(str(last).rstrip())
        end = (last.start_pos or 0) + length
        return Token(
            kind,
            text[start:end],
            start,
            first.line,
            first.column,
            last.end_line or last.line,
            (last.column or 1) + length,
            end,
        )


class PressLines(LinePostLex):
    """Types the blocks of a press release. In the order of a page:

    * above the headline, site names and links are set aside, and dates and labelled
      metadata lines are kept as such; the first other block is the headline;
    * a page titled as several forces' press releases (or with headlines naming several
      forces) starts a force's release at each heading that names a force;
    * a line ending "said:" introduces the quote that follows it; a paragraph opening with
      a quotation mark straight after a quote's paragraph continues that quote, and so
      does one that only closes a quote left open;
    * a line ending in a colon before a list is the list's lead-in; on a page of several
      releases, one naming another force ("HMICFRS judged that Kent Police:") starts that
      force's release, which then has no headline;
    * "Notes to editors" and a contact block end the release.
    """

    def type_lines(self, lines: list[Line]) -> Iterator[Token]:
        # One postlexer serves every parse, so what it remembers lives in this call only.
        blocks = _blocks(lines)
        state = _State(text=current_run().source.text, multi=_is_multi(blocks))
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            kind = _type(block, state, following, last=following is None)
            if kind is None:
                continue
            state.previous = kind
            state.quote_open = kind in QUOTED and leaves_open(block.text)
            yield block.token(kind, state.text)


@attrs.define
class _State:
    text: str
    multi: bool
    previous: str = "START"
    headline_seen: bool = False
    after_report_link: bool = False
    quote_open: bool = False
    release_force: str | None = None


def _blocks(lines: list[Line]) -> list[Block]:
    """Lines grouped into blocks. A line continues the one before it (no blank line
    between) when it is wrapped: it starts in lower case after a line without closing
    punctuation, it is indented under a bullet, or the page separates its paragraphs by
    blank lines and the line before ends a sentence inside a paragraph."""
    spaced = sum(line.blank_before for line in lines[1:]) * 2 >= len(lines) - 1
    # Each group: its lines, their texts, and whether its first line is a list item.
    groups: list[tuple[list[Line], list[str], bool]] = []
    for line in lines:
        text = line.text
        bullet = is_bullet(text.strip())
        if groups and not line.blank_before and not bullet:
            before, texts, in_bullet = groups[-1]
            ending = texts[-1].rstrip()[-1:]
            wrapped = text.strip()[:1].islower() and ending not in ".;:!?" + CLOSING
            under_bullet = in_bullet and line.indent > 0
            inside = spaced and not in_bullet and ending in ".!?,;" + CLOSING
            if wrapped or under_bullet or inside:
                before.append(line)
                texts.append(text)
                continue
        groups.append(([line], [text], bullet))
    # A block of one line has the text its line was asked about: that answer stands.
    return [
        Block.of(tuple(group), texts, bullet if len(group) == 1 else None)
        for group, texts, bullet in groups
    ]


def _is_multi(blocks: list[Block]) -> bool:
    """Whether the page holds several forces' releases: its title says so, or headings name
    two forces or more."""
    title = next((b for b in blocks if not _header_furniture(b)), None)
    if title is not None and may_name_several(title.text) and MULTI_TITLE.search(title.text):
        return True
    forces = set()
    for block in blocks:
        if block is title or not block.heading_like or block.link:
            continue
        if REPORT_TITLE.match(block.text) or block.notes:
            continue
        named = first_force_in(block.text)
        if named is not None:
            forces.add(named[0].slug)
    return len(forces) > 1


def _header_furniture(block: Block) -> bool:
    return (
        SITE.fullmatch(block.text) is not None
        or block.link
        or block.dated
        or META.fullmatch(block.text) is not None
    )


def _set_aside(block: Block, reason: str, text: str) -> None:
    token = block.token("SET_ASIDE", text)
    current_run().unclassified.append(
        Unclassified(join_lines(str(token)), reason, token_span(token))
    )


def _type(block: Block, state: _State, following: Block | None, *, last: bool) -> str | None:
    """The block's type, or ``None`` when it is set aside."""
    text = block.text
    previous = state.previous

    if previous == "SAID":
        return "QUOTE"  # "said:" is typed only before a block that can be its quote
    if previous in ("CONTACT", "CONTACT_LINE"):
        return "NOTES" if block.notes else "CONTACT_LINE"
    if previous in ("NOTES", "NOTE"):
        return "CONTACT" if block.contact else "NOTE"
    if block.link:
        state.after_report_link = REPORT_LINK.fullmatch(text) is not None
        _set_aside(block, "furniture: navigation", state.text)
        return None
    after_report_link, state.after_report_link = state.after_report_link, False
    if block.dated:
        return "DATE"
    if not state.headline_seen:
        if SITE.fullmatch(text):
            _set_aside(block, "furniture: site name", state.text)
            return None
        if META.fullmatch(text):
            return "META"
        state.headline_seen = True
        if block.heading_like:
            return "HEADLINE"
    elif previous in ("HEADLINE", "DATE", "META") and META.fullmatch(text):
        return "META"
    if block.notes:
        return "NOTES"
    if block.contact:
        return "CONTACT"

    if block.bullet:
        return "ITEM" if previous in ("LEAD_IN", "FORCE_LEAD_IN", "ITEM") else "BULLET"

    quoted = _quote_type(block, state)
    if quoted is not None:
        return quoted
    if block.introduces and following is not None and _may_be_quoted(following):
        return "SAID"
    if following is not None and following.bullet and LEAD_IN.fullmatch(text):
        return _lead_in(text, state)

    if block.heading_like and (block.short or not last):
        if REPORT_TITLE.match(text) or after_report_link:
            return "REPORT_TITLE"
        named = first_force_in(text) if state.multi else None
        if named is not None:
            slug = named[0].slug
            if slug == state.release_force and previous in ("FORCE_HEADLINE", "HEADING"):
                return "HEADING"  # the same headline again, as pages show it twice
            state.release_force = slug
            return "FORCE_HEADLINE"
        return "HEADING"
    if REPORTED.match(text):
        return "FINDING"
    return "PARA"


def _lead_in(text: str, state: _State) -> str:
    """LEAD_IN, or FORCE_LEAD_IN when on a page of several releases it names a force other
    than the current release's: that release has no headline and starts here."""
    if not state.multi:
        return "LEAD_IN"
    shaped = RELEASE_LEAD_IN.fullmatch(text)
    named = first_force_in(shaped.group("who")) if shaped is not None else None
    if named is None or named[0].slug == state.release_force:
        return "LEAD_IN"
    state.release_force = named[0].slug
    return "FORCE_LEAD_IN"


def _quote_type(block: Block, state: _State) -> str | None:
    """QUOTE, QUOTE_SAID or QUOTE_CONT when the block is part of a quote."""
    text = block.text
    if state.previous in QUOTED:
        if block.opens_quote:
            return (
                "QUOTE_SAID"
                if may_attribute_after(text) and SAID_AFTER.search(text)
                else "QUOTE_CONT"
            )
        if (
            state.quote_open
            and block.closes_quote
            and not any(mark in text for mark in "“„«")
            and text.count('"') <= 1
        ):
            return "QUOTE_CONT"  # a paragraph whose opening mark was left out
    if block.opens_quote:
        return "QUOTE_SAID" if _attributed_after(text) else "QUOTE"
    if may_quote_after(text) and SAID_BEFORE.match(text):
        return "QUOTE_SAID"
    return None


def _attributed_after(text: str) -> bool:
    return may_attribute_after(text) and SAID_AFTER.search(text) is not None


def _may_be_quoted(block: Block) -> bool:
    """Whether the block after a "said:" line can be the quote it introduces."""
    if block.opens_quote:
        return True
    return not (
        block.bullet or block.heading_like or block.notes or block.dated or block.introduces
    )
