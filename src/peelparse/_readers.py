"""The core readers run over a stretch of a source, giving records with spans: for plugins
whose own grammar does not read judgements, and for the fallback kind."""

from __future__ import annotations

from collections.abc import Iterator

from peelparse._judgements import judgements_in
from peelparse._records import Judgement
from peelparse._source import SourceText
from peelparse._text import strip_marks


def judgements_at(
    source: SourceText, start: int, end: int, *, counts: bool = False
) -> Iterator[Judgement]:
    """Every judgement ``judgements_in`` finds in ``source.text[start:end]`` (a paragraph,
    perhaps over several lines), as a ``Judgement`` with its place in the source."""
    text = source.text[start:end]
    for found in judgements_in(text, counts=counts):
        yield Judgement(
            found.subject,
            found.pillar,
            found.grade,
            strip_marks(text[found.start : found.end]),
            source.span(start + found.start, start + found.end),
            found.headline,
        )
