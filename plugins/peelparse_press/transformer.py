"""Building the parts of a press release from the grammar's rules, inside the LALR parser."""

from __future__ import annotations

from typing import Any

import attrs
from lark import Token, Transformer

from peelparse import Span
from peelparse.grammar import span_of, token_span
from peelparse.text import first_force_in, join_lines
from peelparse_press.shapes import RELEASE_LEAD_IN
from peelparse_press.table import look


@attrs.define
class Block:
    """One rule's match, for ``build.py`` to turn into records."""

    what: str
    """The rule: "headline", "paragraph", "finding", "findings", "bullet", "quote",
    "heading", "report_title", "dated", "meta", "notes", "contact"."""
    tokens: list[Token]
    span: Span


@attrs.define
class Release:
    """A force's release on a page of several."""

    headline: Token | None
    """``None`` for a release that opens with its findings' lead-in (the first block)."""
    blocks: list[Block]
    span: Span
    force: str | None = None
    """The slug of the force that starts it."""


@attrs.define
class Parsed:
    """Everything the grammar found, in page order."""

    blocks: list[Block]
    """What stands outside the releases (all of a single release)."""
    releases: list[Release]
    ends: list[Block]
    """Notes to editors and contact blocks."""


class PressTransformer(Transformer[Token, Any]):
    """One method per rule of ``press.lark``."""

    def start(self, children: list[Any]) -> Parsed:
        blocks = [c for c in children if isinstance(c, Block) and c.what not in _ENDS]
        ends = [c for c in children if isinstance(c, Block) and c.what in _ENDS]
        return Parsed(blocks, _joined([c for c in children if isinstance(c, Release)]), ends)

    def release(self, children: list[Any]) -> Release:
        first = children[0]
        blocks = [c for c in children[1:] if isinstance(c, Block)]
        if first.type == "FORCE_LEAD_IN":
            items = [c for c in children[1:] if isinstance(c, Token) and c.type == "ITEM"]
            blocks.insert(0, _block("findings", [first, *items]))
            shaped = RELEASE_LEAD_IN.fullmatch(look(join_lines(str(first))).text)
            named = first_force_in(shaped.group("who")) if shaped is not None else None
            return Release(None, blocks, span_of(children), _slug(named))
        named = first_force_in(look(join_lines(str(first))).text)
        return Release(first, blocks, span_of(children), _slug(named))

    def quote(self, children: list[Token]) -> Block:
        return Block("quote", children, span_of(children))

    def bullet(self, children: list[Token]) -> Block:
        return _block("bullet", children)

    def headline(self, children: list[Token]) -> Block:
        return _block("headline", children)

    def paragraph(self, children: list[Token]) -> Block:
        return _block("paragraph", children)

    def finding(self, children: list[Token]) -> Block:
        return _block("finding", children)

    def findings(self, children: list[Token]) -> Block:
        return _block("findings", children)

    def heading(self, children: list[Token]) -> Block:
        return _block("heading", children)

    def report_title(self, children: list[Token]) -> Block:
        return _block("report_title", children)

    def dated(self, children: list[Token]) -> Block:
        return _block("dated", children)

    lead_date = dated

    def meta(self, children: list[Token]) -> Block:
        return _block("meta", children)

    lead_meta = meta

    def notes(self, children: list[Token]) -> Block:
        return _block("notes", children)

    def contact(self, children: list[Token]) -> Block:
        return _block("contact", children)


def _slug(named: Any) -> str | None:
    return str(named[0].slug) if named is not None else None


def _joined(releases: list[Release]) -> list[Release]:
    """Releases as the page tells them apart: a lead-in naming the force of the release it
    stands in goes on with it, and so does that release's headline shown again (right after
    it or after another heading)."""
    kept: list[Release] = []
    for release in releases:
        before = kept[-1] if kept else None
        if before is not None and release.force == before.force:
            if release.headline is None:
                before.blocks += release.blocks
            elif not before.blocks or before.blocks[-1].what == "heading":
                before.blocks += [_block("heading", [release.headline]), *release.blocks]
            else:
                kept.append(release)
                continue
            before.span = Span.cover([before.span, release.span])
            continue
        kept.append(release)
    return kept


def _block(what: str, tokens: list[Token]) -> Block:
    # Most rules take one line, whose own span is the one ``span_of`` would give.
    return Block(what, tokens, token_span(tokens[0]) if len(tokens) == 1 else span_of(tokens))


_ENDS = ("notes", "contact")
