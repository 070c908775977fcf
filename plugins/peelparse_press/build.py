"""Assembling a ``PressRelease``: what only the whole page tells (its title, force, cycle,
pillar and publisher), around the records its rules built."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
from lark import Token

from peelparse import Diagnostic, Force, Pillar, Severity, SourceText, Span
from peelparse.grammar import GrammarRun, fallback_document, token_span
from peelparse.text import find_cycle, find_force, find_pillar, forces_in, strip_marks
from peelparse_press.body import Body, as_heading, stated_in
from peelparse_press.records import ForceRelease, Inspectorate, PressRelease
from peelparse_press.shapes import (
    ANY_YEAR,
    FIRST_PILLAR_YEAR,
    HMIC_NAME,
    HMICFRS_CYCLE,
    HMICFRS_FROM,
    MULTI_TITLE,
    NTH,
    PILLAR_WORD,
    RELEASE_LEAD_IN,
    RUNNING,
    SIGN_OFF,
    SPLIT_CYCLE,
    THIS_YEAR,
    may_name_several,
    names_hmicfrs,
    unmarked,
)
from peelparse_press.transformer import Parsed, Release


def build_press(parsed: Parsed | None, run: GrammarRun) -> PressRelease:
    source = run.source
    if parsed is None:
        cycle = find_cycle(source.head)
        return fallback_document(
            PressRelease,
            run,
            inspectorate=_inspectorate(source.text, None, cycle.year if cycle else None),
        )
    title, page, ends = parsed.title, parsed.page, parsed.ends
    page.read_quotes(source)
    headline = _headline(title) if title is not None else None
    if title is not None and headline is not None:
        stated_in(title, headline[0], headline[1], page)
    releases = [_release(r, source) for r in parsed.releases]
    # A page of several releases, even if only one is told apart (the page may be cut off).
    written = str(title) if title is not None else ""
    multi = bool(releases) or bool(may_name_several(written) and MULTI_TITLE.search(written))
    pillar, year, period = _about(title, page, releases, source.head)
    # A release's own date and metadata lines date and describe the page.
    for body, _ in releases:
        page.dates += body.dates
        page.metadata += body.metadata
    published = next((d.date for d in page.dates if d.date), None)
    diagnostics = (*run.diagnostics, *([_several(title, releases)] if multi else []))
    report_title = page.report_titles[0] if page.report_titles else None
    page.headings += [as_heading(t) for t in page.report_titles[1:]]
    graded = [body.graded(pillar) for body, _ in releases]
    return PressRelease(
        title=strip_marks(str(title)) if title is not None else None,
        title_span=token_span(title) if title is not None else None,
        force=None if multi else _force(headline[2] if headline else "", source.head),
        year=year,
        period=period,
        pillar=pillar,
        judgements=page.graded(pillar) + tuple(j for own in graded for j in own),
        diagnostics=diagnostics,
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
        span=source.span(0, len(source.text)),
    )


def _about(
    title: Token | None, page: Body, releases: Sequence[tuple[Body, ForceRelease]], head: str
) -> tuple[Pillar | None, int | None, str | None]:
    """The page's pillar and cycle, from its titles first."""
    titles = [str(t) for t in ([title] if title is not None else [])]
    titles += [str(t) for body, _ in releases[:1] for t in body.report_titles[:1]]
    titles += [str(t) for t in page.report_titles[:1]]
    pillar = _pillar(titles, page, releases, head)
    return pillar, *_cycle(titles, page, releases, head, pillar)


def _several(title: Token | None, releases: Sequence[tuple[Body, ForceRelease]]) -> Diagnostic:
    named = ", ".join(r.force.name for _, r in releases if r.force) or "none told apart"
    return Diagnostic(
        "PP220",
        Severity.WARNING,
        f"the page holds several forces' press releases ({len(releases)} found: "
        f"{named}); each is in 'releases' and the page has no single force",
        token_span(title) if title is not None else None,
    )


def _cycle(
    titles: Sequence[str],
    page: Body,
    releases: Sequence[tuple[Body, ForceRelease]],
    head: str,
    pillar: Pillar | None,
) -> tuple[int | None, str | None]:
    """The PEEL cycle: named in a title, else in the page's text (a date line, "Published 2
    May 2019", is not a cycle), else counted from the inspections."""
    undated = head
    for line in (*page.dates, *(d for body, _ in releases for d in body.dates)):
        if line.span.end <= len(undated):
            undated = (
                undated[: line.span.start]
                + " " * (line.span.end - line.span.start)
                + (undated[line.span.end :])
            )
    cycle = next((c for c in map(find_cycle, titles) if c is not None), None) or find_cycle(undated)
    if cycle is not None:
        return cycle.year, cycle.period
    return _body_cycle(undated) or (_running_year(undated, pillar), None)


def _headline(token: Token) -> tuple[int, int, str]:
    """Where the headline is, less a "- HMIC" sign-off, and its text."""
    first, last = unmarked(str(token))
    start = (token.start_pos or 0) + first
    raw = str(token)[first:last]
    signed = SIGN_OFF.search(raw)
    end = start + (signed.start() if signed else len(raw))
    return start, end, strip_marks(raw[: end - start])


def _release(release: Release, source: SourceText) -> tuple[Body, ForceRelease]:
    body = release.body
    body.read_quotes(source)
    headline: str | None = None
    headline_span: Span | None = None
    sign_off: tuple[int, int] = (0, 0)
    if release.headline is not None:
        start, end, headline = _headline(release.headline)
        line_end = (release.headline.start_pos or 0) + unmarked(str(release.headline))[1]
        gap = source.text[end:line_end]
        sign_off = (end + len(gap) - len(gap.lstrip()), line_end)
        headline_span = source.span(start, end)
        stated_in(release.headline, start, end, body)
        named = forces_in(headline)
    else:
        shaped = RELEASE_LEAD_IN.fullmatch(strip_marks(str(release.lead_in)))
        named = forces_in(shaped.group("who") if shaped is not None else "")
    report_title = body.report_titles[0] if body.report_titles else None
    body.headings += [as_heading(t) for t in body.report_titles[1:]]
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
