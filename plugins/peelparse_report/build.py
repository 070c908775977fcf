"""Assembling an ``InspectionReport`` from what the grammar found."""

from __future__ import annotations

from peelparse import Finding, Grade, Heading, Judgement, Pillar
from peelparse.grammar import GrammarRun, fallback_document, token_span
from peelparse.text import (
    ProseJudgement,
    area_grade,
    content_words,
    find_cycle,
    find_force,
    find_pillar,
    strip_marks,
)
from peelparse_report.records import InspectionReport
from peelparse_report.transformer import (
    Block,
    Parsed,
    Part,
    grade_of,
    headings,
    headline_pillar,
    paragraphs,
    prose_judgements,
    question_record,
)

MATCH_THRESHOLD = 0.6
"""Share of a judged subject's words a question must share for the judgment to grade it."""


def build_report(parsed: Parsed | None, run: GrammarRun) -> InspectionReport:
    if parsed is None:
        return fallback_document(InspectionReport, run)
    source = run.source
    head = source.head
    whole = source.span(0, len(source.text))

    header = parsed.header
    title = strip_marks(header.title) if header else None
    cycle = find_cycle(title or "") or find_cycle(head)
    pillar_line = Pillar.from_word(str(header.pillar)) if header and header.pillar else None
    headlines = [p for p in parsed.parts if p.headline]
    pillars = {headline_pillar(p.text) for p in headlines} - {None}
    # A force overview states every pillar's grade before its first question; cut off after
    # one pillar's headline question, it is still about all of them, not that one.
    in_preamble = prose_judgements(parsed.preamble, source.text)
    overview = pillar_line is None and _grades_several_pillars(in_preamble)
    if pillar_line is not None:
        pillar: Pillar | None = pillar_line
    elif overview:
        pillar = None
    elif len(pillars) == 1:
        pillar = pillars.pop()
    elif not headlines:
        pillar = find_pillar(head)
    else:
        pillar = None

    judgements: list[Judgement] = []
    headline_part = (
        headlines[0]
        if len(headlines) == 1 and parsed.parts[0] is headlines[0] and not overview
        else None
    )
    headline_blocks = headline_part.blocks if headline_part else []
    summary_blocks = list(parsed.preamble) + headline_blocks
    core = [p for p in parsed.parts if p is not headline_part]

    # Judgments the prose states grade the questions they are about: one in the summary may
    # grade any question, one inside a question only that question (or, under a pillar's
    # headline, that pillar's questions). One that names no pillar takes its part's pillar.
    part_pillar = _pillars_of(parsed.parts, pillar)
    matcher = _Matcher(parsed.parts, part_pillar)
    stated: list[tuple[Judgement, ProseJudgement, Pillar | None, int | None]] = [
        (j, how, pillar, None)
        for j, how in in_preamble + prose_judgements(headline_blocks, source.text)
    ]
    for index, part in enumerate(parsed.parts):
        if part is not headline_part:
            stated += [
                (j, how, part_pillar[index], index)
                for j, how in prose_judgements(part.blocks, source.text)
            ]
    grades: dict[int, Grade] = {}
    for index, part in enumerate(parsed.parts):
        if part.grade is not None:
            grades[index] = grade_of(part.grade)
            judgements.append(
                Judgement(
                    part.text,
                    part_pillar[index],
                    grades[index],
                    strip_marks(part.grade),
                    token_span(part.grade),
                    headline=part.headline,
                )
            )
    for judgement, how, around, home in stated:
        judged = matcher.judged(judgement, how.headline, home)
        headline = how.headline
        if judged is not None:
            grades.setdefault(judged, judgement.grade)
            around = part_pillar[judged]
            headline = parsed.parts[judged].headline
        elif not how.explicit and matcher.core:
            # "The force is good at ..." grades a question it matches; a page that gives
            # no questions (a summary) states its grades in these words.
            continue
        judgements.append(
            Judgement(
                judgement.subject,
                judgement.pillar or around,
                judgement.grade,
                judgement.text,
                judgement.span,
                headline,
            )
        )
    for block in [*summary_blocks, *(b for p in core for b in p.blocks)]:
        if block.what == "grade":
            judgements.append(
                Judgement("", pillar, Grade.from_text(block.text), block.text, block.span)
            )
        elif block.what == "area_grade":
            judgements.append(_area_judgement(block, pillar))
    judgements.sort(key=lambda j: j.span.start)

    questions = tuple(
        question_record(part, grades.get(index), part_pillar[index])
        for index, part in enumerate(parsed.parts)
        if part is not headline_part
    )
    in_sections = {s.heading.span for q in questions for s in q.sections}
    found_headings: list[Heading] = []
    if header is not None:
        found_headings += [
            Heading(strip_marks(t), token_span(t))
            for t in (header.pillar, *header.subtitles)
            if t is not None
        ]
    found_headings += headings(summary_blocks)
    for part in core:
        found_headings += [h for h in headings(part.blocks) if h.span not in in_sections]
    found_headings.sort(key=lambda h: h.span.start)

    summary_findings: list[Finding] = [
        f for b in summary_blocks if b.what == "findings" for f in b.items
    ]
    return InspectionReport(
        title=title,
        title_span=token_span(header.title) if header else None,
        force=find_force(head, title),
        year=cycle.year if cycle else None,
        period=cycle.period if cycle else None,
        pillar=pillar,
        judgements=tuple(judgements),
        diagnostics=tuple(run.diagnostics),
        unclassified=tuple(run.unclassified),
        headline_question=headline_part.text if headline_part else None,
        headline_question_span=token_span(headline_part.question) if headline_part else None,
        grade=grades.get(0) if headline_part else None,
        updated=headline_part.updated if headline_part else None,
        headings=tuple(found_headings),
        summary=paragraphs(summary_blocks),
        summary_findings=tuple(summary_findings),
        summary_bullets=paragraphs(summary_blocks, "bullet"),
        questions=questions,
        span=whole,
    )


def _grades_several_pillars(found: list[tuple[Judgement, ProseJudgement]]) -> bool:
    """Whether the judgments ``found`` give the headline grades of more than one pillar."""
    stated = {
        how.pillar for _, how in found if how.headline and how.explicit and how.pillar is not None
    }
    return len(stated) > 1


def _pillars_of(parts: list[Part], pillar: Pillar | None) -> list[Pillar | None]:
    """Each part's pillar: its own headline's, else the last headline's before it."""
    current = pillar
    found: list[Pillar | None] = []
    for part in parts:
        if part.headline:
            current = headline_pillar(part.text) or pillar
        found.append(current)
    return found


class _Matcher:
    """Finds the question a judgment in prose grades, by pillar or by shared words."""

    def __init__(self, parts: list[Part], pillars: list[Pillar | None]) -> None:
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


def _area_judgement(block: Block, pillar: Pillar | None) -> Judgement:
    """The judgment of an "Area: Grade" line."""
    shape = area_grade(block.text)
    if shape is None:  # the postlexer typed the line with this same expression
        raise ValueError(f"not an area and its grade: {block.text!r}")
    area, grade = shape
    return Judgement(area, pillar, grade, block.text, block.span)
