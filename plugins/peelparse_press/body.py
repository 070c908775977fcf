"""The records a release's blocks make: paragraphs, findings, lists, headings, dates and the
grades they state. Built from the grammar's rules by the transformer, from each rule's own
tokens; only quotes wait for the page (their reader follows a speaker across paragraphs)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

import attrs
from lark import Token

from peelparse import Grade, Heading, Judgement, Paragraph, Pillar, Quote, SourceText, Span
from peelparse.grammar import token_span
from peelparse.text import (
    BULLET,
    BULLET_GRADE,
    area_grade,
    date_of,
    forces_in,
    judgements_in,
    quotes_in,
    strip_marks,
)
from peelparse_press.records import GradeCount, PressDate, PressFinding, PressMeta
from peelparse_press.shapes import (
    DATE_LINE,
    FINDINGS_LEAD_IN,
    META,
    PILLAR_IN_SUBJECT,
    SUBJECT_END,
)

_OPENING = "‘'\"“"


@attrs.define
class Body:
    """The records of one release (or of what a page holds outside its releases), in page
    order."""

    judgements: list[Judgement] = attrs.field(factory=list)
    counts: list[GradeCount] = attrs.field(factory=list)
    findings: list[PressFinding] = attrs.field(factory=list)
    quotes: list[Quote] = attrs.field(factory=list)
    paragraphs: list[Paragraph] = attrs.field(factory=list)
    bullets: list[Paragraph] = attrs.field(factory=list)
    headings: list[Heading] = attrs.field(factory=list)
    report_titles: list[Token] = attrs.field(factory=list)
    dates: list[PressDate] = attrs.field(factory=list)
    metadata: list[PressMeta] = attrs.field(factory=list)
    quoted: list[list[Token]] = attrs.field(factory=list)
    """Runs of quoted paragraphs, read with the page (``read_quotes``)."""
    spans: list[Span] = attrs.field(factory=list)
    """Where its blocks are."""

    def add(self, other: Body) -> None:
        """``other``'s records after this body's."""
        self.judgements += other.judgements
        self.counts += other.counts
        self.findings += other.findings
        self.quotes += other.quotes
        self.paragraphs += other.paragraphs
        self.bullets += other.bullets
        self.headings += other.headings
        self.report_titles += other.report_titles
        self.dates += other.dates
        self.metadata += other.metadata
        self.quoted += other.quoted
        self.spans += other.spans

    def graded(self, pillar: Pillar | None) -> tuple[Judgement, ...]:
        """Its judgments, those that name no pillar given ``pillar``."""
        ordered = sorted(self.judgements, key=lambda j: j.span.start)
        if pillar is None:
            return tuple(ordered)  # nothing to fill in
        return tuple(j if j.pillar is not None else attrs.evolve(j, pillar=pillar) for j in ordered)

    def read_quotes(self, source: SourceText) -> None:
        """Each run of quoted paragraphs, read by the core's quote reader; a paragraph it
        finds no one's words in (the report quoted as a document) is prose."""
        kept: list[Paragraph] = []
        for run in self.quoted:
            earlier = self.quotes[-1] if self.quotes else None
            found = quotes_in(source, [as_paragraph(t) for t in run], earlier=earlier)
            self.quotes += found
            # The farthest end of a quote starting at or before each start: a paragraph is
            # inside a quote when the farthest end before it reaches past its own.
            spans = sorted((q.span.start, q.span.end) for q in found)
            starts = [start for start, _ in spans]
            reach = list(itertools.accumulate((end for _, end in spans), max))
            for token in run:
                span = token_span(token)
                at = bisect.bisect_right(starts, span.start)
                if not at or reach[at - 1] < span.end:
                    kept.append(as_paragraph(token))
        self.quoted = []
        if kept:
            self.paragraphs = sorted([*self.paragraphs, *kept], key=lambda p: p.span.start)


def paragraph(token: Token) -> Body:
    """A paragraph of prose, and the grades it states in so many words."""
    body = Body(paragraphs=[as_paragraph(token)], spans=[token_span(token)])
    _add_stated(body, token, implicit=False)
    return body


def finding(token: Token) -> Body:
    """A paragraph reporting what the inspectorate found: all the grades it gives."""
    span = token_span(token)
    body = Body(findings=[PressFinding(text=text_of(token), span=span, bullet=False)], spans=[span])
    _add_stated(body, token, implicit=True)
    return body


def listed(lead_in: Token | None, items: Sequence[Token]) -> Body:
    """A list: findings when its lead-in reports them ("HMIC found that X:") or, without a
    lead-in, when its items complete one the page left out ("is 'good' at ..."); else plain
    items, the lead-in a paragraph."""
    body = Body(spans=[token_span(t) for t in ([lead_in] if lead_in else [])])
    body.spans += [token_span(item) for item in items]
    if lead_in is None:
        # Items that carry on a sentence ("is 'good' at ...") complete a lead-in left out.
        carried = [text_of(i).lstrip(_OPENING)[:1].islower() for i in items]
        reports = sum(carried) * 2 > len(carried)
        lead = None
    else:
        reports = FINDINGS_LEAD_IN.search(str(lead_in)) is not None
        lead = as_paragraph(lead_in)
        _add_stated(body, lead_in, implicit=False)
        if not reports:
            body.paragraphs.append(lead)
    for item in items:
        text = text_of(item)
        if reports:
            body.findings.append(
                PressFinding(text=text, span=token_span(item), bullet=True, lead_in=lead)
            )
        else:
            body.bullets.append(Paragraph(text, token_span(item)))
        _add_item_grades(body, item)
    return body


def heading(token: Token) -> Body:
    return Body(headings=[as_heading(token)], spans=[token_span(token)])


def report_title(token: Token) -> Body:
    return Body(report_titles=[token], spans=[token_span(token)])


def dated(token: Token) -> Body:
    """A line that dates the page."""
    text = text_of(token)
    match = DATE_LINE.fullmatch(text)
    found = date_of(match) if match is not None else None
    iso = found.iso if found is not None else None
    span = token_span(token)
    return Body(dates=[PressDate(text=text, date=iso, span=span)], spans=[span])


def meta(token: Token) -> Body:
    """A labelled metadata line."""
    text = text_of(token)
    match = META.fullmatch(text)
    label, value = (match.group("label"), match.group("value")) if match else ("", text)
    span = token_span(token)
    return Body(metadata=[PressMeta(label=label, value=value, text=text, span=span)], spans=[span])


def stated_in(token: Token, start: int, end: int, body: Body) -> None:
    """The grades a headline or a list item states between ``start`` and ``end`` (offsets in
    the text, inside ``token``), added to ``body``."""
    judgements, counts = _grades(token, start, end, implicit=True)
    body.judgements += judgements
    body.counts += counts


def _add_item_grades(body: Body, item: Token) -> None:
    """Grades a list item gives: "is 'good' at X, but 'requires improvement' at Y",
    "Investigating crime: Adequate", or a sentence that states one."""
    raw = str(item).rstrip()
    mark = BULLET.match(raw)
    content = raw[mark.end() - 1 if mark else 0 :]
    matches = list(BULLET_GRADE.finditer(content))
    found: list[tuple[str, Grade]] = []
    if matches and matches[0].start() == 0:
        for index, match in enumerate(matches):
            stop = matches[index + 1].start() if index + 1 < len(matches) else len(content)
            subject = SUBJECT_END.sub("", content[match.end() : stop])
            found.append((" ".join(subject.split()), Grade.from_text(match.group("grade"))))
    else:
        paired = area_grade(content.strip())
        if paired is not None:
            subject, grade = paired
            found.append((" ".join(SUBJECT_END.sub("", subject).split()), grade))
    if not found:
        start = item.start_pos or 0
        stated_in(item, start, start + len(raw), body)
        return
    text, span = strip_marks(raw), token_span(item)
    for subject, grade in found:
        pillar = _pillar_of(subject)
        body.judgements.append(
            Judgement(subject, pillar, grade, text, span, headline=pillar is not None)
        )


def _add_stated(body: Body, token: Token, *, implicit: bool) -> None:
    start = token.start_pos or 0
    judgements, counts = _grades(token, start, start + len(str(token).rstrip()), implicit=implicit)
    body.judgements += judgements
    body.counts += counts


def _grades(
    token: Token, start: int, end: int, *, implicit: bool
) -> tuple[list[Judgement], list[GradeCount]]:
    """Judgments stated between ``start`` and ``end`` (offsets in the text, inside
    ``token``), and counts of grades. ``implicit`` takes sentences that state a grade without
    saying it was given ("The force is good at ..."), as a headline or a finding does."""
    judgements: list[Judgement] = []
    counts: list[GradeCount] = []
    origin = token.start_pos or 0
    written = str(token)
    for prose in judgements_in(written[start - origin : end - origin], counts=True):
        a, b = start + prose.start, start + prose.end
        text, span = prose.text, _span(token, a, b)
        if prose.count is not None or prose.rest:
            forces = tuple(forces_in(prose.subject))
            counts.append(
                GradeCount(
                    grade=prose.grade,
                    count=prose.count,
                    counted=prose.counted,
                    forces=forces,
                    text=text,
                    span=span,
                )
            )
            judgements += [
                Judgement(
                    force.name, None, prose.grade, text, span, headline=prose.counted == "force"
                )
                for force in forces
            ]
        elif prose.explicit or implicit:
            judgements.append(
                Judgement(
                    prose.subject, prose.pillar, prose.grade, text, span, headline=prose.headline
                )
            )
    return judgements, counts


def _span(token: Token, start: int, end: int) -> Span:
    """Where ``start``..``end`` (offsets in the text, inside ``token``) is, with its lines."""
    written = str(token)
    origin = token.start_pos or 0
    first = (token.line or 1) + written.count("\n", 0, start - origin)
    last = (token.line or 1) + written.count("\n", 0, max(start, end - 1) - origin)
    return Span(start, end, first, last)


def _pillar_of(subject: str) -> Pillar | None:
    named = PILLAR_IN_SUBJECT.search(subject)
    return Pillar.from_word(named.group(1)) if named else None


def text_of(token: Token) -> str:
    return strip_marks(str(token))


def as_paragraph(token: Token) -> Paragraph:
    return Paragraph(text_of(token), token_span(token))


def as_heading(token: Token) -> Heading:
    return Heading(text_of(token), token_span(token))
