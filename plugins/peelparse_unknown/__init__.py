"""The fallback: text no plugin recognises becomes an ``unknown`` document, all unclassified.

What the text plainly states (force, PEEL cycle, pillar) is still read, so that a news page
or an index page is at least findable by force and year.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from peelparse import Detection, Diagnostic, Document, KindRegistry, Severity, SourceText, hookimpl
from peelparse.grammar import unparsed
from peelparse.text import about, judgements_of


@attrs.frozen(kw_only=True)
class UnknownDocument(Document):
    """A text no plugin recognised; every line of it is in ``unclassified``."""

    kind: ClassVar[str] = "unknown"


@hookimpl
def peelparse_register_kinds(registry: KindRegistry) -> None:
    registry.add(UnknownDocument)


@hookimpl(trylast=True)
def peelparse_detect(source: SourceText) -> Detection:
    return Detection(UnknownDocument.kind, 0.0, "no plugin recognised the text")


@hookimpl(trylast=True)
def peelparse_parse(source: SourceText, kind: str) -> UnknownDocument | None:
    if kind != UnknownDocument.kind:
        return None
    blocks = unparsed(source)
    return UnknownDocument(
        **about(source.head).fields(),
        judgements=judgements_of(source),
        diagnostics=(
            Diagnostic(
                "PP204",
                Severity.WARNING,
                "no plugin recognised this text as an inspection report, press release or PCC "
                "response; all of it is kept as unclassified",
                None,
            ),
        ),
        unclassified=tuple(blocks),
        span=source.span(0, len(source.text)),
    )
