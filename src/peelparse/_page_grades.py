"""The grades a whole text states, for kinds that have no grammar of their own for them
(news stories, statements, minutes): "Area: Grade" lines, a grade line under its heading,
and the judgments of every paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from peelparse._grade_lines import GRADE_LINE, area_grade, may_pair_area
from peelparse._judgements import judgements_in
from peelparse._records import Judgement
from peelparse._source import SourceText
from peelparse._span import Span
from peelparse._text import line_starts, strip_marks
from peelparse._vocab import Grade, may_name_grade

_BULLETS = frozenset("-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013")
_HEADING_LONGEST = 120


def judgements_of(source: SourceText, *, implicit: bool = False) -> tuple[Judgement, ...]:
    """Every judgment ``source`` states, in order. ``implicit`` also takes sentences that
    state a grade without saying it was given ("The force is good at ...")."""
    text = source.text
    if not may_name_grade(text.lower()):
        return ()
    return tuple(_read(source, implicit))


def _read(source: SourceText, implicit: bool) -> Iterator[Judgement]:
    text = source.text
    starts = line_starts(text)
    paragraph: list[tuple[int, int]] = []
    heading: str | None = None
    for number, start in enumerate(starts):
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
        line = text[start:end].strip()
        lower = line.lower()
        single = line[:1] in _BULLETS or not line
        graded = may_name_grade(lower)
        listed = area_grade(line) if graded and may_pair_area(lower) else None
        alone = graded and heading is not None and GRADE_LINE.match(line) is not None
        if single or listed is not None or alone:
            yield from _paragraph(source, paragraph, implicit)
            paragraph = []
        if listed is not None:
            yield Judgement(
                listed[0], None, listed[1], strip_marks(line), _span(source, start, end)
            )
        elif alone and heading is not None:
            yield Judgement(heading, None, Grade.from_text(line), line, _span(source, start, end))
        elif line:
            paragraph.append((start, end))
            if single:
                yield from _paragraph(source, paragraph, implicit)
                paragraph = []
        if line:
            heading = line if len(line) <= _HEADING_LONGEST and line[-1] not in '.,;:!?"”' else None
    yield from _paragraph(source, paragraph, implicit)


def _span(source: SourceText, start: int, end: int) -> Span:
    raw = source.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    return source.span(start + lead, start + len(raw.rstrip()))


def _paragraph(
    source: SourceText, lines: list[tuple[int, int]], implicit: bool
) -> Iterator[Judgement]:
    if not lines:
        return
    start, end = lines[0][0], lines[-1][1]
    raw = source.text[start:end]
    for found in judgements_in(raw, counts=True):
        if not (found.explicit or implicit):
            continue
        yield Judgement(
            found.subject,
            found.pillar,
            found.grade,
            found.text,
            source.span(start + found.start, start + found.end),
            headline=found.headline,
        )
