"""The fallback: text no plugin recognises becomes an ``unknown`` document, all unclassified.

What the text plainly states is still read through the core's readers: force, PEEL cycle and
pillar, and the judgements it states, so that minutes, landing pages and statements carry
what a reader sees in them.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from peelparse import (
    Detection,
    Diagnostic,
    Document,
    KindRegistry,
    Paragraph,
    Quote,
    Severity,
    SourceText,
    hookimpl,
)
from peelparse.grammar import blocks_of, text_lines
from peelparse.text import about, judgements_of, quotes_in


@attrs.frozen(kw_only=True)
class UnknownDocument(Document):
    """A text no plugin recognised; every line of it is in ``unclassified``."""

    kind: ClassVar[str] = "unknown"

    quotes: tuple[Quote, ...] = ()
    """Whom the text quotes, read by the core's quote reader; the words stay in
    ``unclassified`` too."""


@hookimpl
def peelparse_register_kinds(registry: KindRegistry) -> None:
    registry.add(UnknownDocument)


@hookimpl(trylast=True)
def peelparse_detect(source: SourceText) -> Detection:
    return Detection(UnknownDocument.kind, 0.0, "no plugin recognised the text")


_NOTHING_RECOGNISED = Diagnostic(
    "PP204",
    Severity.WARNING,
    "no plugin recognised this text as an inspection report, press release or PCC "
    "response; all of it is kept as unclassified",
    None,
)


@hookimpl(trylast=True)
def peelparse_parse(source: SourceText, kind: str) -> UnknownDocument | None:
    if kind != UnknownDocument.kind:
        return None
    # One walk over the lines gives both the blocks kept as unclassified and the lines
    # the quote reader reads.
    lines = text_lines(source)
    text = source.text
    span = source.span
    return UnknownDocument(
        **about(source.head).fields(),
        judgements=judgements_of(source),
        diagnostics=(_NOTHING_RECOGNISED,),
        # Each line that is not blank or furniture, as a paragraph for the quote reader.
        quotes=quotes_in(
            source, [Paragraph(text[first:last], span(first, last)) for _, first, last in lines]
        ),
        unclassified=tuple(blocks_of(source, lines, "unparsed")),
        span=span(0, len(text)),
    )
