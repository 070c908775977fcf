"""Building a press release's records from the grammar's rules, inside the LALR parser."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from lark import Token, Transformer

from peelparse import Heading, Paragraph, Span
from peelparse.grammar import token_span
from peelparse.text import first_force_in, join_lines
from peelparse_press import body
from peelparse_press.body import Body, as_heading, as_paragraph
from peelparse_press.shapes import HEADING, PHONE_OR_MAIL, RELEASE_LEAD_IN, text_of


@attrs.frozen
class Item:
    """A list item without a lead-in: items one after another make one list."""

    token: Token


@attrs.frozen
class Quoted:
    """A quote's paragraphs: quotes one after another are read together."""

    tokens: tuple[Token, ...]


@attrs.define
class Ends:
    """Notes to editors and contact blocks."""

    headings: list[Heading] = attrs.field(factory=list)
    notes: list[Paragraph] = attrs.field(factory=list)
    contact: list[Paragraph] = attrs.field(factory=list)


@attrs.define
class Release:
    """A force's release on a page of several."""

    headline: Token | None
    """``None`` for a release that opens with its findings' lead-in."""
    lead_in: Token | None
    """That lead-in ("HMICFRS judged that Kent Police:")."""
    body: Body
    span: Span
    force: str | None
    """The slug of the force its headline or lead-in names."""
    on_heading: bool
    """Whether its last block is a heading (or it has only its headline)."""


@attrs.define
class Parsed:
    """Everything the grammar found."""

    title: Token | None
    """The headline."""
    page: Body
    """What stands outside the releases (all of a single release)."""
    releases: list[Release]
    ends: Ends


class PressTransformer(Transformer[Token, Any]):
    """One method per rule of ``press.lark``."""

    def start(self, children: list[Any]) -> Parsed:
        # The headline is the one token here: the page reads it as a whole.
        title = next((c for c in children if isinstance(c, Token)), None)
        found = [c for c in children if isinstance(c, Ends)]
        ends = Ends(*([x for end in found for x in getattr(end, f)] for f in _ENDS))
        releases = _joined([c for c in children if isinstance(c, Release)])
        return Parsed(title, _gathered(children), releases, ends)

    def release(self, children: list[Any]) -> Release:
        first: Token = children[0]
        parts = children[1:]
        span = Span.cover(_extent(children))
        last = parts[-1] if parts else None
        # The same headline shown again after this is a heading of this release (see _joined).
        on_heading = isinstance(last, Body) and bool(last.headings)
        if first.type == "FORCE_HEADLINE":
            named = first_force_in(text_of(join_lines(str(first))))
            slug = named[0].slug if named is not None else None
            return Release(first, None, _gathered(parts), span, slug, on_heading or last is None)
        items = [c for c in parts if isinstance(c, Token)]
        parts = [body.listed(first, items), *(c for c in parts if not isinstance(c, Token))]
        shaped = RELEASE_LEAD_IN.fullmatch(text_of(join_lines(str(first))))
        named = first_force_in(shaped.group("who")) if shaped is not None else None
        slug = named[0].slug if named is not None else None
        return Release(None, first, _gathered(parts), span, slug, on_heading)

    def paragraph(self, children: list[Token]) -> Body:
        return body.paragraph(children[0])

    def finding(self, children: list[Token]) -> Body:
        return body.finding(children[0])

    def findings(self, children: list[Token]) -> Body:
        return body.listed(children[0], children[1:])

    def bullet(self, children: list[Token]) -> Item:
        return Item(children[0])

    def quote(self, children: list[Token]) -> Quoted:
        return Quoted(tuple(children))

    def heading(self, children: list[Token]) -> Body:
        return body.heading(children[0])

    def report_title(self, children: list[Token]) -> Body:
        return body.report_title(children[0])

    def dated(self, children: list[Token]) -> Body:
        return body.dated(children[0])

    def meta(self, children: list[Token]) -> Body:
        return body.meta(children[0])

    lead_date = dated
    lead_meta = meta

    def notes(self, children: list[Token]) -> Ends:
        return Ends(headings=[as_heading(children[0])], notes=list(map(as_paragraph, children[1:])))

    def contact(self, children: list[Token]) -> Ends:
        ends = Ends(contact=list(map(as_paragraph, children[1:])))
        first = body.text_of(children[0])
        # "Media enquiries" labels the block; "Press office: 0300 071 6998" is one of its lines.
        if HEADING.fullmatch(first) and not PHONE_OR_MAIL.search(first):
            ends.headings.append(as_heading(children[0]))
        else:
            ends.contact.insert(0, as_paragraph(children[0]))
        return ends


def _gathered(parts: Sequence[Any]) -> Body:
    """The records of a run of blocks. List items and quotes go on across each other: the
    items make one list, the quotes one run, both read when another block comes."""
    gathered = Body()
    items: list[Token] = []
    quoted: list[Token] = []
    for part in [*parts, None]:
        if isinstance(part, Item):
            items.append(part.token)
            continue
        if isinstance(part, Quoted):
            quoted += part.tokens
            continue
        if items:
            gathered.add(body.listed(None, items))
            items = []
        if quoted:
            gathered.quoted.append(quoted)
            quoted = []
        if isinstance(part, Body):
            gathered.add(part)
    return gathered


def _extent(parts: Sequence[Any]) -> list[Span]:
    """Where the blocks of ``parts`` are."""
    spans: list[Span] = []
    for part in parts:
        if isinstance(part, Token):
            spans.append(token_span(part))
        elif isinstance(part, Item):
            spans.append(token_span(part.token))
        elif isinstance(part, Quoted):
            spans += map(token_span, part.tokens)
        elif isinstance(part, Body):
            spans += part.spans
    return spans


_ENDS = ("headings", "notes", "contact")


def _joined(releases: list[Release]) -> list[Release]:
    """Releases as the page tells them apart: a lead-in naming the force of the release it
    stands in goes on with it, and so does that release's headline shown again right after
    a heading of it."""
    kept: list[Release] = []
    for release in releases:
        before = kept[-1] if kept else None
        if (
            before is None
            or release.force != before.force
            or not (release.headline is None or before.on_heading)
        ):
            kept.append(release)
            continue
        if release.headline is not None:
            before.body.add(body.heading(release.headline))
        before.body.add(release.body)
        before.span = Span.cover([before.span, release.span])
        before.on_heading = release.on_heading
    return kept
