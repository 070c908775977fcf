"""Assembling a ``NewsArticle`` from the parts the grammar found."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Any

from peelparse import (
    Diagnostic,
    Force,
    Heading,
    Judgement,
    Paragraph,
    Severity,
    SourceText,
    Span,
)
from peelparse.grammar import GrammarRun, fallback_document, token_span
from peelparse.text import (
    about,
    cycle_of,
    dates_in,
    find_force,
    first_force_in,
    forces_in,
    forces_named_in,
    judgements_of,
    quotes_in,
    read_date_line,
    sentences,
    strip_marks,
)
from peelparse_news.records import ForceJudgement, NewsArticle
from peelparse_news.shapes import BYLINE, CLOSING, MASTHEAD, OPENING, OUTLET_CONTEXT
from peelparse_news.transformer import Marked, Quoted, Story

OUTLET_REACH = 60
"""How far after the words that introduce it an outlet's name may run."""


def build_news(parsed: list[Any] | None, run: GrammarRun) -> NewsArticle:
    source = run.source
    if parsed is None:
        return fallback_document(NewsArticle, run)
    stories: list[list[Any]] = [[]]
    for part in parsed:
        if isinstance(part, Story):
            stories.append([Marked("headline", part.headline), *part.items])
        else:
            stories[-1].append(part)
    parts = [part for story in stories for part in story]
    marked = [p for p in parts if isinstance(p, Marked)]
    headlines = [m.token for m in marked if m.role == "headline"]
    paragraphs = list(_paragraphs(parts))
    diagnostics = list(run.diagnostics)
    title = headlines[0] if headlines else None
    title_text = strip_marks(str(title)) if title is not None else None
    published, dated = _published(marked)
    byline, signed = _byline(marked, source)
    fields: dict[str, Any] = {
        **about(source.head, title_text).fields(),
        **published,
        **byline,
        **_outlet(source),
    }
    # Date lines and bylines other than those read above label what follows them.
    labels = [
        Heading(strip_marks(str(m.token)), token_span(m.token))
        for m in marked
        if m.role in ("dated", "byline") and m is not dated and m is not signed
    ]
    labels += [Heading(strip_marks(str(t)), token_span(t)) for t in headlines[1:]]
    if title is not None:
        fields["title"] = title_text
        fields["title_span"] = token_span(title)
    if len(stories) > 1:
        fields["force"] = _force_of_stories(stories, source, diagnostics)
    if fields["year"] is None and "published_text" in fields:
        # A story comes out with the report it covers: its date places it in a cycle.
        dated_on = next((d for d in dates_in(fields["published_text"]) if d.day), None)
        year = cycle_of(dated_on) if dated_on is not None else None
        if year is not None:
            fields["year"] = year
            fields["year_inferred"] = True
    named = forces_named_in(source.text)
    if not named:
        diagnostics.append(
            Diagnostic(
                "PP251",
                Severity.INFO,
                "the story names no force; force is null",
                None,
            )
        )
    diagnostics += _cut_quotations(parts)
    judgements = list(_judgements(paragraphs, source))
    force = fields["force"]
    return NewsArticle(
        **fields,
        forces_named=named,
        headings=tuple(
            sorted(
                [*labels, *(p for p in parts if isinstance(p, Heading))],
                key=lambda h: h.span.start,
            )
        ),
        paragraphs=tuple(paragraphs),
        quotes=quotes_in(source, paragraphs),
        judgements=tuple(j for j, _ in judgements),
        force_judgements=tuple(
            _with_force(j, paragraph, source, force, several=len(named) > 1)
            for j, paragraph in judgements
        ),
        diagnostics=tuple(diagnostics),
        unclassified=tuple(sorted(run.unclassified, key=lambda u: u.span.start)),
        span=source.span(0, len(source.text)),
    )


def _paragraphs(parts: Sequence[Any]) -> Iterator[Paragraph]:
    for part in parts:
        if isinstance(part, Paragraph):
            yield part
        elif isinstance(part, Quoted):
            if part.said is not None:
                yield part.said
            yield from part.paragraphs


def _published(marked: Sequence[Marked]) -> tuple[dict[str, Any], Marked | None]:
    for mark in marked:
        if mark.role != "dated":
            continue
        found = read_date_line(str(mark.token))
        if found is None or found.label in ("Updated", "Last updated"):
            continue
        fields = {
            "published": found.iso,
            "published_text": strip_marks(str(mark.token)),
            "published_text_span": token_span(mark.token),
        }
        return fields, mark
    return {}, None


def _byline(marked: Sequence[Marked], source: SourceText) -> tuple[dict[str, Any], Marked | None]:
    for mark in marked:
        if mark.role != "byline":
            continue
        raw = str(mark.token)
        lead = len(raw) - len(raw.lstrip())
        match = BYLINE.fullmatch(raw.strip())
        if match is None:
            continue
        base = (mark.token.start_pos or 0) + lead
        start, end = base + match.start("name"), base + match.end("name")
        fields = {
            "byline": strip_marks(raw),
            "byline_span": token_span(mark.token),
            "author": source.text[start:end],
            "author_span": source.span(start, end),
        }
        return fields, mark
    return {}, None


def _outlet(source: SourceText) -> dict[str, Any]:
    """The outlet where the text names it: after a copyright sign or words such as "told"."""
    text = source.head
    for context in OUTLET_CONTEXT.finditer(text):
        found = MASTHEAD.match(text, context.end(), context.end() + OUTLET_REACH)
        if found is not None:
            start, end = found.span("outlet")
            return {"outlet": text[start:end], "outlet_span": source.span(start, end)}
    return {}


def _force_of_stories(
    stories: list[list[Any]], source: SourceText, diagnostics: list[Diagnostic]
) -> Force | None:
    """One force for a page of several stories only when every story is about it."""
    found: list[Force | None] = []
    for story in stories:
        spans = [_span_of(p) for p in story]
        if not spans:
            continue
        start = min(s.start for s in spans)
        end = max(s.end for s in spans)
        found.append(find_force(source.text[start:end]))
    forces = {f.slug if f else None for f in found}
    at = _span_of(stories[1][0]) if stories[1] else None
    if len(forces) == 1:
        diagnostics.append(
            Diagnostic(
                "PP250",
                Severity.WARNING,
                f"the page holds {len(stories)} stories, all about the same force",
                at,
            )
        )
        return found[0]
    diagnostics.append(
        Diagnostic(
            "PP250",
            Severity.WARNING,
            f"the page holds {len(stories)} stories about different forces (or none); "
            "force is null",
            at,
        )
    )
    return None


def _span_of(part: Any) -> Span:
    if isinstance(part, Marked):
        return token_span(part.token)
    if isinstance(part, Quoted):
        said = (part.said,) if part.said is not None else ()
        return Span.cover([p.span for p in (*said, *part.paragraphs)])
    span: Span = part.span
    return span


def _cut_quotations(parts: Sequence[Any]) -> list[Diagnostic]:
    """A quotation still open where the text ends: the capture cut it."""
    quotes = [p for p in parts if isinstance(p, Quoted)]
    if not quotes or parts[-1] is not quotes[-1]:
        return []
    last = quotes[-1].paragraphs[-1]
    opened = sum(last.text.count(c) for c in OPENING if c not in CLOSING)
    closed = sum(last.text.count(c) for c in CLOSING if c not in OPENING)
    if opened <= closed and last.text.rstrip()[-1:] in CLOSING:
        return []
    return [
        Diagnostic(
            "PP252",
            Severity.INFO,
            "the text ends inside a quotation: its last words may be missing",
            last.span,
        )
    ]


def _judgements(
    paragraphs: Sequence[Paragraph], source: SourceText
) -> Iterator[tuple[Judgement, Paragraph | None]]:
    """The judgements the core reads in the whole text, each with the paragraph it is in
    (``None`` for a grade line the story's paragraphs do not hold)."""
    starts = [p.span.start for p in paragraphs]
    for judgement in judgements_of(source):
        at = bisect.bisect_right(starts, judgement.span.start) - 1
        inside = at >= 0 and judgement.span.start < paragraphs[at].span.end
        yield judgement, paragraphs[at] if inside else None


def _with_force(
    judgement: Judgement,
    paragraph: Paragraph | None,
    source: SourceText,
    force: Force | None,
    *,
    several: bool,
) -> ForceJudgement:
    """The force the judgement's sentence names; else its paragraph's only force; else the
    story's force when the story names only one."""
    if paragraph is None:
        return ForceJudgement(force=None if several else force, judgement=judgement)
    base = paragraph.span.start
    raw = paragraph.span.slice(source.text)
    for start, end in sentences(raw):
        if base + start <= judgement.span.start < base + end:
            named = first_force_in(raw[start:end])
            if named is not None:
                return ForceJudgement(force=named[0], judgement=judgement)
            break
    counts = forces_in(raw)
    if len(counts) == 1:
        return ForceJudgement(force=next(iter(counts)), judgement=judgement)
    if not several:
        return ForceJudgement(force=force, judgement=judgement)
    return ForceJudgement(force=None, judgement=judgement)


__all__ = ["build_news"]
