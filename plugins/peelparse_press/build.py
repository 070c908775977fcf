"""Assembling a ``PressRelease`` from what the grammar found."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence

import attrs
from lark import Token

from peelparse import (
    Diagnostic,
    Force,
    Grade,
    Heading,
    Judgement,
    Paragraph,
    Pillar,
    Quote,
    Severity,
    SourceText,
    Span,
)
from peelparse.grammar import GrammarRun, fallback_document, token_span
from peelparse.text import (
    BULLET_GRADE,
    area_grade,
    date_of,
    find_cycle,
    find_force,
    find_pillar,
    forces_in,
    judgements_in,
    quotes_in,
    strip_marks,
)
from peelparse_press.records import (
    ForceRelease,
    GradeCount,
    Inspectorate,
    PressDate,
    PressFinding,
    PressMeta,
    PressRelease,
)
from peelparse_press.shapes import (
    ANY_YEAR,
    BULLET,
    DATE_LINE,
    FINDINGS_LEAD_IN,
    FIRST_PILLAR_YEAR,
    HEADING,
    HMIC_NAME,
    HMICFRS_CYCLE,
    HMICFRS_FROM,
    META,
    MULTI_TITLE,
    NTH,
    PHONE_OR_MAIL,
    PILLAR_WORD,
    RELEASE_LEAD_IN,
    RUNNING,
    SIGN_OFF,
    SPLIT_CYCLE,
    SUBJECT_END,
    THIS_YEAR,
    may_name_several,
    names_hmicfrs,
    unmarked,
)
from peelparse_press.transformer import Block, Parsed, Release

_OPENING = "‘'\"“"
_PILLAR_IN_SUBJECT = re.compile(r"\b(legitima\w*|effective\w*|efficien\w*)", re.IGNORECASE)


@attrs.define
class Body:
    """The records of one release (or of what a page holds outside its releases)."""

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

    def graded(self, pillar: Pillar | None) -> tuple[Judgement, ...]:
        """Its judgments, those that name no pillar given ``pillar``."""
        ordered = sorted(self.judgements, key=lambda j: j.span.start)
        if pillar is None:
            return tuple(ordered)  # nothing to fill in
        return tuple(j if j.pillar is not None else attrs.evolve(j, pillar=pillar) for j in ordered)


def build_press(parsed: Parsed | None, run: GrammarRun) -> PressRelease:
    source = run.source
    if parsed is None:
        cycle = find_cycle(source.head)
        return fallback_document(
            PressRelease,
            run,
            inspectorate=_inspectorate(source.text, None, cycle.year if cycle else None),
        )
    head = source.head
    whole = source.span(0, len(source.text))

    title_block = next((b for b in parsed.blocks if b.what == "headline"), None)
    title = title_block.tokens[0] if title_block else None
    headline = _headline(title, source) if title is not None else None
    page = _body([b for b in parsed.blocks if b is not title_block], source)
    if headline is not None:
        page.judgements += _prose(headline[0], headline[1], source, page, implicit=True)

    releases = [_release(r, source) for r in parsed.releases]
    multi = bool(releases) or bool(
        title is not None and may_name_several(str(title)) and MULTI_TITLE.search(str(title))
    )

    titles = [str(t) for t in ([title] if title is not None else [])]
    titles += [str(t) for body, _ in releases[:1] for t in body.report_titles[:1]]
    titles += [str(t) for t in page.report_titles[:1]]
    pillar = _pillar(titles, page, releases, head)
    # A date line ("Published 2 May 2019") is not a PEEL cycle.
    undated = head
    for line in (*page.dates, *(d for body, _ in releases for d in body.dates)):
        if line.span.end <= len(undated):
            undated = (
                undated[: line.span.start]
                + " " * (line.span.end - line.span.start)
                + (undated[line.span.end :])
            )
    cycle = next((c for c in map(find_cycle, titles) if c is not None), None) or find_cycle(undated)
    year: int | None
    period: str | None
    if cycle is not None:
        year, period = cycle.year, cycle.period
    else:
        year, period = _body_cycle(undated) or (_running_year(undated, pillar), None)

    force: Force | None = None
    if not multi:
        force = _force(headline[2] if headline else "", head)

    # A release's own date and metadata lines date and describe the page.
    for body, _ in releases:
        page.dates += body.dates
        page.metadata += body.metadata
    published = next((d.date for d in page.dates if d.date), None)
    diagnostics = list(run.diagnostics)
    if multi:
        named = ", ".join(r.force.name for _, r in releases if r.force) or "none told apart"
        diagnostics.append(
            Diagnostic(
                "PP220",
                Severity.WARNING,
                f"the page holds several forces' press releases ({len(releases)} found: "
                f"{named}); each is in 'releases' and the page has no single force",
                token_span(title) if title is not None else None,
            )
        )

    ends = _ends(parsed.ends, source)
    report_title = page.report_titles[0] if page.report_titles else None
    page.headings += [_heading(t) for t in page.report_titles[1:]]
    graded = [body.graded(pillar) for body, _ in releases]
    judgements = page.graded(pillar) + tuple(j for own in graded for j in own)
    return PressRelease(
        title=strip_marks(str(title)) if title is not None else None,
        title_span=token_span(title) if title is not None else None,
        force=force,
        year=year,
        period=period,
        pillar=pillar,
        judgements=judgements,
        diagnostics=tuple(diagnostics),
        unclassified=tuple(run.unclassified),
        headline=headline[2] if headline else None,
        headline_span=source.span(headline[0], headline[1]) if headline else None,
        inspectorate=_inspectorate(source.text, published, year),
        published=published,
        dates=tuple(page.dates),
        metadata=tuple(page.metadata),
        report_title=strip_marks(str(report_title)) if report_title is not None else None,
        report_title_span=token_span(report_title) if report_title is not None else None,
        grade_counts=tuple(page.counts) + tuple(c for body, _ in releases for c in body.counts),
        findings=tuple(page.findings),
        quotes=tuple(page.quotes),
        paragraphs=tuple(page.paragraphs),
        bullets=tuple(page.bullets),
        headings=tuple(sorted(page.headings + ends.headings, key=lambda h: h.span.start)),
        notes_to_editors=tuple(ends.notes),
        contact=tuple(ends.contact),
        releases=tuple(
            attrs.evolve(record, judgements=own)
            for (_, record), own in zip(releases, graded, strict=True)
        ),
        span=whole,
    )


def _headline(token: Token, source: SourceText) -> tuple[int, int, str]:
    """Where the headline is, less a "- HMIC" sign-off, and its text."""
    first, last = unmarked(str(token))
    start = (token.start_pos or 0) + first
    raw = str(token)[first:last]
    signed = SIGN_OFF.search(raw)
    end = start + (signed.start() if signed else len(raw))
    return start, end, strip_marks(source.text[start:end])


def _release(release: Release, source: SourceText) -> tuple[Body, ForceRelease]:
    body = _body(release.blocks, source)
    headline: str | None = None
    headline_span: Span | None = None
    sign_off: tuple[int, int] = (0, 0)
    if release.headline is not None:
        start, end, headline = _headline(release.headline, source)
        line_end = (release.headline.start_pos or 0) + unmarked(str(release.headline))[1]
        sign_off = _strip(source.text, end, line_end)
        headline_span = source.span(start, end)
        body.judgements += _prose(start, end, source, body, implicit=True)
        named = forces_in(headline)
    else:
        lead_in = release.blocks[0].tokens[0]
        shaped = RELEASE_LEAD_IN.fullmatch(_text(lead_in))
        named = forces_in(shaped.group("who") if shaped is not None else "")
    report_title = body.report_titles[0] if body.report_titles else None
    body.headings += [_heading(t) for t in body.report_titles[1:]]
    record = ForceRelease(
        force=named.most_common(1)[0][0] if len(named) == 1 else None,
        headline=headline,
        headline_span=headline_span,
        sign_off=strip_marks(source.text[slice(*sign_off)]) if sign_off[1] > sign_off[0] else None,
        sign_off_span=source.span(*sign_off) if sign_off[1] > sign_off[0] else None,
        report_title=strip_marks(str(report_title)) if report_title is not None else None,
        report_title_span=token_span(report_title) if report_title is not None else None,
        grade_counts=tuple(body.counts),
        findings=tuple(body.findings),
        quotes=tuple(body.quotes),
        paragraphs=tuple(body.paragraphs),
        bullets=tuple(body.bullets),
        headings=tuple(sorted(body.headings, key=lambda h: h.span.start)),
        span=release.span,
    )
    return body, record


def _body(blocks: Sequence[Block], source: SourceText) -> Body:
    body = Body()
    run: list[Token] = []  # list items without a lead-in, read as one list
    quoted: list[Token] = []  # quotes one after another, read together
    for block in [*blocks, None]:
        if block is not None and block.what == "bullet":
            run += block.tokens
            continue
        if block is not None and block.what == "quote":
            quoted += block.tokens
            continue
        if run:
            _list(None, run, source, body)
            run = []
        if quoted:
            _quotes(quoted, source, body)
            quoted = []
        if block is None:
            break
        tokens = block.tokens
        if block.what == "paragraph":
            body.paragraphs.append(_paragraph(tokens[0]))
            body.judgements += _prose_token(tokens[0], source, body, implicit=False)
        elif block.what == "finding":
            body.findings.append(
                PressFinding(text=_text(tokens[0]), span=token_span(tokens[0]), bullet=False)
            )
            body.judgements += _prose_token(tokens[0], source, body, implicit=True)
        elif block.what == "findings":
            _list(tokens[0], tokens[1:], source, body)
        elif block.what == "report_title":
            body.report_titles.append(tokens[0])
        elif block.what == "dated":
            body.dates.append(_dated(tokens[0]))
        elif block.what == "meta":
            body.metadata.append(_meta(tokens[0]))
        else:
            body.headings += [_heading(t) for t in tokens]
    return body


def _quotes(tokens: Sequence[Token], source: SourceText, body: Body) -> None:
    """Quotes one after another, read by the core's quote reader; a paragraph it finds
    no one's words in (the report quoted as a document) is prose."""
    earlier = body.quotes[-1] if body.quotes else None
    found = quotes_in(source, [_paragraph(t) for t in tokens], earlier=earlier)
    body.quotes += found
    # The farthest end of a quote starting at or before each start: a paragraph is inside a
    # quote when the farthest end before it reaches past its own (one look, not one per quote).
    spans = sorted((q.span.start, q.span.end) for q in found)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))
    for token in tokens:
        span = token_span(token)
        at = bisect.bisect_right(starts, span.start)
        if not at or reach[at - 1] < span.end:
            body.paragraphs.append(_paragraph(token))


def _list(lead_in: Token | None, items: Sequence[Token], source: SourceText, body: Body) -> None:
    """A list: findings when its lead-in reports them ("HMIC found that X:") or, without a
    lead-in, when its items complete one the page left out ("is 'good' at ..."); else plain
    items, the lead-in a paragraph."""
    if lead_in is None:
        # Items that carry on a sentence ("is 'good' at ...") complete a lead-in left out.
        carried = [_text(i).lstrip(_OPENING)[:1].islower() for i in items]
        reports = sum(carried) * 2 > len(carried)
    else:
        reports = FINDINGS_LEAD_IN.search(str(lead_in)) is not None
    lead = _paragraph(lead_in) if lead_in is not None else None
    if lead_in is not None:
        body.judgements += _prose_token(lead_in, source, body, implicit=False)
        if not reports and lead is not None:
            body.paragraphs.append(lead)
    for item in items:
        text = _text(item)
        if reports:
            body.findings.append(
                PressFinding(text=text, span=token_span(item), bullet=True, lead_in=lead)
            )
        else:
            body.bullets.append(Paragraph(text, token_span(item)))
        body.judgements += _item_judgements(item, source, body)


def _item_judgements(item: Token, source: SourceText, body: Body) -> list[Judgement]:
    """Grades a list item gives: "is 'good' at X, but 'requires improvement' at Y",
    "Investigating crime: Adequate", or a sentence that states one."""
    raw = str(item).rstrip()
    start = item.start_pos or 0
    mark = BULLET.match(raw)
    offset = mark.end() - 1 if mark else 0
    content = raw[offset:]
    text = strip_marks(raw)
    span = token_span(item)
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
    if found:
        return [
            Judgement(
                subject,
                _pillar_of(subject),
                grade,
                text,
                span,
                headline=_pillar_of(subject) is not None,
            )
            for subject, grade in found
        ]
    return _prose(start, start + len(raw), source, body, implicit=True)


def _prose_token(
    token: Token, source: SourceText, body: Body, *, implicit: bool
) -> list[Judgement]:
    start = token.start_pos or 0
    return _prose(start, start + len(str(token).rstrip()), source, body, implicit=implicit)


def _prose(
    start: int, end: int, source: SourceText, body: Body, *, implicit: bool
) -> list[Judgement]:
    """Judgments stated in ``source.text[start:end]``; counts of grades go to ``body``.
    ``implicit`` takes sentences that state a grade without saying it was given ("The force
    is good at ..."), as a headline or a finding does."""
    found: list[Judgement] = []
    raw = source.text[start:end]
    for prose in judgements_in(raw, counts=True):
        a, b = start + prose.start, start + prose.end
        text, span = strip_marks(source.text[a:b]), source.span(a, b)
        if prose.count is not None or prose.rest:
            forces = tuple(forces_in(prose.subject))
            body.counts.append(
                GradeCount(
                    grade=prose.grade,
                    count=prose.count,
                    counted=prose.counted,
                    forces=forces,
                    text=text,
                    span=span,
                )
            )
            found += [
                Judgement(
                    force.name, None, prose.grade, text, span, headline=prose.counted == "force"
                )
                for force in forces
            ]
        elif prose.explicit or implicit:
            found.append(
                Judgement(
                    prose.subject, prose.pillar, prose.grade, text, span, headline=prose.headline
                )
            )
    return found


def _pillar_of(subject: str) -> Pillar | None:
    named = _PILLAR_IN_SUBJECT.search(subject)
    return Pillar.from_word(named.group(1)) if named else None


def _pillar(
    titles: Iterable[str], page: Body, releases: Sequence[tuple[Body, ForceRelease]], head: str
) -> Pillar | None:
    """The one pillar the page is about: named in its titles or by its graded judgments;
    ``None`` when they name several (an integrated PEEL release) or none."""
    named = {Pillar.from_word(m.group(1)) for t in titles for m in PILLAR_WORD.finditer(t)}
    judged = {j.pillar for j in page.judgements if j.pillar is not None}
    judged |= {j.pillar for body, _ in releases for j in body.judgements if j.pillar is not None}
    found = named | judged
    if len(found) == 1:
        return found.pop()
    if not found:
        return find_pillar(head)
    return None


def _body_cycle(head: str) -> tuple[int, str] | None:
    """The cycle a release names only in its prose ("In 2018/19, HMICFRS adopted ..."), when
    it names no other: no other year, no other cycle, nothing like "this year" that would
    make it a later release looking back."""
    if "/" not in head:
        return None  # every cycle written across two years has one; most releases have none
    cycles = {(int(m.group("year")), m.group(0)) for m in SPLIT_CYCLE.finditer(head)}
    if len({year for year, _ in cycles}) != 1 or THIS_YEAR.search(head):
        return None
    year, period = min(cycles)
    own = {year, year + 1}
    if any(int(m.group(0)) not in own for m in ANY_YEAR.finditer(head)):
        return None
    return year, "".join(period.split())


def _running_year(head: str, pillar: Pillar | None) -> int | None:
    """The cycle of a one-pillar release that gives no year but counts the inspections
    ("the second year running HMIC has carried out inspections of this kind")."""
    if pillar is None:
        return None
    match = RUNNING.search(head)
    if match is None:
        return None
    nth = match.group("nth").lower()
    number = NTH.get(nth) or (int(nth[:-2]) if nth[:-2].isdigit() else None)
    return FIRST_PILLAR_YEAR + number if number else None


def _force(headline: str, head: str) -> Force | None:
    """The force the headline names, or else the one the text is about."""
    named = forces_in(headline)
    if len(named) == 1:
        return next(iter(named))
    if named:
        return None
    return find_force(head)


def _inspectorate(text: str, published: str | None, year: int | None) -> Inspectorate | None:
    if names_hmicfrs(text):
        return Inspectorate.HMICFRS
    if HMIC_NAME.search(text):
        return Inspectorate.HMIC
    if published is not None:
        return Inspectorate.HMICFRS if published >= HMICFRS_FROM else Inspectorate.HMIC
    if year is not None:
        return Inspectorate.HMICFRS if year >= HMICFRS_CYCLE else Inspectorate.HMIC
    return None


@attrs.define
class _Ends:
    headings: list[Heading] = attrs.field(factory=list)
    notes: list[Paragraph] = attrs.field(factory=list)
    contact: list[Paragraph] = attrs.field(factory=list)


def _ends(blocks: Sequence[Block], source: SourceText) -> _Ends:
    ends = _Ends()
    for block in blocks:
        for token in block.tokens:
            text = _text(token)
            if token.type == "NOTES" or (
                token.type == "CONTACT"
                and HEADING.fullmatch(text)
                and not PHONE_OR_MAIL.search(text)
            ):
                ends.headings.append(_heading(token))
            elif block.what == "notes":
                ends.notes.append(_paragraph(token))
            else:
                ends.contact.append(_paragraph(token))
    return ends


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _text(token: Token) -> str:
    return strip_marks(str(token))


def _paragraph(token: Token) -> Paragraph:
    return Paragraph(_text(token), token_span(token))


def _heading(token: Token) -> Heading:
    return Heading(_text(token), token_span(token))


def _dated(token: Token) -> PressDate:
    text = _text(token)
    match = DATE_LINE.fullmatch(text)
    found = date_of(match) if match is not None else None
    iso = found.iso if found is not None else None
    return PressDate(text=text, date=iso, span=token_span(token))


def _meta(token: Token) -> PressMeta:
    text = _text(token)
    match = META.fullmatch(text)
    label, value = (match.group("label"), match.group("value")) if match else ("", text)
    return PressMeta(label=label, value=value, text=text, span=token_span(token))
