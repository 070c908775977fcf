"""Reading a report's layout as an ``InspectionReport``: which pillar it is about, and which
question each grade the page states belongs to."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

import attrs

from peelparse import Finding, Grade, Heading, Judgement, Paragraph, Pillar, Span
from peelparse.grammar import GrammarRun, fallback_document
from peelparse.text import (
    HEADLINE_QUESTION,
    ProseJudgement,
    content_words,
    find_cycle,
    find_force,
    find_pillar,
    judgements_in,
)
from peelparse_report.layout import (
    Block,
    Body,
    Layout,
    Part,
    bullets,
    headings,
    listed,
    paragraphs,
    shown_grades,
)
from peelparse_report.records import InspectionReport, Question, Section

MATCH_THRESHOLD = 0.6
"""Share of a judged subject's words a question must share for the judgment to grade it."""

Stated = tuple[Judgement, ProseJudgement, Pillar | None, int | None]
"""A judgment in prose, how it was stated, the pillar around it, and the part it is in."""


def build_report(layout: Layout | None, run: GrammarRun) -> InspectionReport:
    if layout is None:
        return fallback_document(InspectionReport, run)
    source = run.source
    header, parts = layout.header, layout.parts
    title = header.title if header else None
    cycle = find_cycle(title or "") or find_cycle(source.head)
    # A force overview states every pillar's grade before its first question; cut off after
    # one pillar's headline question, it is still about all of them, not that one.
    in_preamble = prose_judgements(layout.preamble.items(), source.text)
    overview = (header is None or header.pillar is None) and _grades_several_pillars(in_preamble)
    pillar = _pillar(header.pillar if header else None, overview, parts, source.head)
    headline = parts[0] if parts and _one_pillar(parts) and not overview else None
    summary = [*layout.preamble.items(), *(headline.body.items() if headline else ())]
    judgements, grades = _judgements(layout, headline, pillar, in_preamble, source.text)
    questions = tuple(
        question_record(part, grades.get(index), pillar_of)
        for index, (part, pillar_of) in enumerate(
            zip(parts, _pillars_of(parts, pillar), strict=True)
        )
        if part is not headline
    )
    found_headings = [*(header.headings if header else ()), *headings(summary)]
    for part in parts:
        if part is not headline:
            found_headings += headings(_blocks_of(part.body))
    return InspectionReport(
        title=title,
        title_span=header.title_span if header else None,
        force=find_force(source.head, title),
        year=cycle.year if cycle else None,
        period=cycle.period if cycle else None,
        pillar=pillar,
        judgements=tuple(judgements),
        diagnostics=tuple(run.diagnostics),
        unclassified=tuple(run.unclassified),
        headline_question=headline.text if headline else None,
        headline_question_span=headline.text_span if headline else None,
        grade=grades.get(0) if headline else None,
        updated=headline.updated if headline else None,
        headings=tuple(sorted(found_headings, key=lambda h: h.span.start)),
        summary=paragraphs(summary),
        summary_findings=tuple(f for found in listed(summary) for f in found.items),
        summary_bullets=bullets(summary),
        questions=questions,
        span=source.span(0, len(source.text)),
    )


def _one_pillar(parts: tuple[Part, ...]) -> bool:
    """Whether the page opens with the only headline question it asks."""
    return parts[0].headline and sum(part.headline for part in parts) == 1


def _pillar(
    named: Pillar | None, overview: bool, parts: tuple[Part, ...], head: str
) -> Pillar | None:
    """The report's pillar: the one under its title, else its only headline question's."""
    if named is not None or overview:
        return named
    headlines = [part for part in parts if part.headline]
    pillars = {headline_pillar(part.text) for part in headlines} - {None}
    if len(pillars) == 1:
        return pillars.pop()
    return find_pillar(head) if not headlines else None


def _blocks_of(body: Body) -> Iterable[Block]:
    """A body's blocks, its sections' included, without the sub-headings."""
    return chain(body.blocks, *(section.blocks for section in body.sections))


def _judgements(
    layout: Layout,
    headline: Part | None,
    pillar: Pillar | None,
    in_preamble: list[tuple[Judgement, ProseJudgement]],
    text: str,
) -> tuple[list[Judgement], dict[int, Grade]]:
    """Every judgment of the page in text order, and the grade of each part that has one.

    Judgments the prose states grade the questions they are about: one in the summary may
    grade any question, one inside a question only that question (or, under a pillar's
    headline, that pillar's questions). One that names no pillar takes its part's pillar.
    """
    parts = layout.parts
    part_pillar = _pillars_of(parts, pillar)
    summary = headline.body.items() if headline else ()
    stated: list[Stated] = [
        (j, how, pillar, None) for j, how in in_preamble + prose_judgements(summary, text)
    ]
    for index, part in enumerate(parts):
        if part is not headline:
            found = prose_judgements(part.body.items(), text)
            stated += [(j, how, part_pillar[index], index) for j, how in found]
    grades = {index: part.grade.grade for index, part in enumerate(parts) if part.grade}
    judgements = [
        part.grade.judgement(part_pillar[index], headline=part.headline)
        for index, part in enumerate(parts)
        if part.grade
    ]
    judgements += _placed(stated, _Matcher(parts, part_pillar), grades)
    shown = chain(
        layout.preamble.items(),
        *(part.body.items() for part in parts),
    )
    judgements += [grade.judgement(pillar) for grade in shown_grades(shown)]
    judgements.sort(key=lambda j: j.span.start)
    return judgements, grades


def _placed(stated: list[Stated], matcher: _Matcher, grades: dict[int, Grade]) -> list[Judgement]:
    """The judgments stated in prose, each with the pillar of the question it grades (whose
    grade it sets in ``grades`` when the layout showed none)."""
    placed: list[Judgement] = []
    for judgement, how, around, home in stated:
        judged = matcher.judged(judgement, how.headline, home)
        headline = how.headline
        if judged is not None:
            grades.setdefault(judged, judgement.grade)
            around = matcher.pillars[judged]
            headline = matcher.parts[judged].headline
        elif not how.explicit and matcher.core:
            # "The force is good at ..." grades a question it matches; a page that gives
            # no questions (a summary) states its grades in these words.
            continue
        pillar = judgement.pillar or around
        if pillar is judgement.pillar and headline is judgement.headline:
            placed.append(judgement)  # already so: no copy to make
        else:
            placed.append(attrs.evolve(judgement, pillar=pillar, headline=headline))
    return placed


def _grades_several_pillars(found: list[tuple[Judgement, ProseJudgement]]) -> bool:
    """Whether the judgments ``found`` give the headline grades of more than one pillar."""
    stated = {
        how.pillar for _, how in found if how.headline and how.explicit and how.pillar is not None
    }
    return len(stated) > 1


def _pillars_of(parts: Iterable[Part], pillar: Pillar | None) -> list[Pillar | None]:
    """Each part's pillar: its own headline's, else the last headline's before it."""
    current = pillar
    found: list[Pillar | None] = []
    for part in parts:
        if part.headline:
            current = headline_pillar(part.text) or pillar
        found.append(current)
    return found


def headline_pillar(text: str) -> Pillar | None:
    """The pillar a headline question asks about."""
    match = HEADLINE_QUESTION.match(text)
    return Pillar.from_word(match.group("adj")) if match else None


def prose_judgements(
    items: Iterable[Block | Heading], source_text: str
) -> list[tuple[Judgement, ProseJudgement]]:
    """Judgments stated in the paragraphs among ``items``, each with how it was stated."""
    found: list[tuple[Judgement, ProseJudgement]] = []
    for paragraph in (item for item in items if isinstance(item, Paragraph)):
        raw = paragraph.span.slice(source_text)
        offset = paragraph.span.start + len(raw) - len(raw.lstrip())
        line = raw.strip()
        for j in judgements_in(line):
            span = Span(offset + j.start, offset + j.end, paragraph.span.line, paragraph.span.line)
            found.append((Judgement(j.subject, j.pillar, j.grade, j.text, span), j))
    return found


class _Matcher:
    """Finds the question a judgment in prose grades, by pillar or by shared words."""

    def __init__(self, parts: tuple[Part, ...], pillars: list[Pillar | None]) -> None:
        self.parts = parts
        self.pillars = pillars
        self.words = [content_words(p.text) for p in parts]
        self.core = [i for i, p in enumerate(parts) if not p.headline]

    def judged(self, judgement: Judgement, is_headline: bool, home: int | None) -> int | None:
        if is_headline:
            return next(
                (
                    i
                    for i, p in enumerate(self.parts)
                    if p.headline
                    and (judgement.pillar is None or self.pillars[i] == judgement.pillar)
                ),
                None,
            )
        if not judgement.subject:
            return None
        subject = content_words(judgement.subject)
        if not subject:
            return None
        best, score = None, 0.0
        for index in self._candidates(home):
            shared = len(subject & self.words[index]) / len(subject)
            if shared > score:
                best, score = index, shared
        return best if score >= MATCH_THRESHOLD else None

    def _candidates(self, home: int | None) -> list[int]:
        if home is None:
            return self.core
        if not self.parts[home].headline:
            return [home]
        following = []
        for index in range(home + 1, len(self.parts)):
            if self.parts[index].headline:
                break
            following.append(index)
        return following


def question_record(part: Part, grade: Grade | None, pillar: Pillar | None) -> Question:
    """A question and what its layout holds, findings filed under their sub-headings."""
    body = part.body
    found: dict[str, list[Finding]] = {
        label: [] for label in ("area_for_improvement", "cause_of_concern", "recommendation")
    }
    under = [(None, body.blocks), *((s.heading.text, s.blocks) for s in body.sections)]
    for section, blocks in under:
        for findings in listed(blocks):
            found[findings.label] += [
                f if f.section == section else attrs.evolve(f, section=section)
                for f in findings.items
            ]
    return Question(
        number=part.number.text if part.number else None,
        number_span=part.number.span if part.number else None,
        text=part.text,
        text_span=part.text_span,
        headline=part.headline,
        pillar=pillar,
        grade=grade,
        updated=part.updated,
        paragraphs=paragraphs(body.blocks),
        areas_for_improvement=tuple(found["area_for_improvement"]),
        causes_of_concern=tuple(found["cause_of_concern"]),
        recommendations=tuple(found["recommendation"]),
        bullets=bullets(_blocks_of(body)),
        sections=tuple(Section(s.heading, paragraphs(s.blocks), s.span) for s in body.sections),
        span=part.span,
    )
