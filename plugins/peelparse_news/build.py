"""Assembling a ``NewsArticle`` from the parts the grammar found."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Any

from peelparse import Diagnostic, Force, Heading, Judgement, Paragraph, Severity, SourceText
from peelparse.grammar import GrammarRun, fallback_document
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
    sentences,
)
from peelparse_news.records import ForceJudgement, NewsArticle
from peelparse_news.shapes import CLOSING, MASTHEAD, OPENING, OUTLET_CONTEXT
from peelparse_news.transformer import Byline, Dated, Headline, Page, Part, Quoted

OUTLET_REACH = 60
"""How far after the words that introduce it an outlet's name may run."""


def build_news(page: Page | None, run: GrammarRun) -> NewsArticle:
    source = run.source
    if page is None:
        return fallback_document(NewsArticle, run)
    parts = [part for story in page.stories for part in story]
    paragraphs = list(_paragraphs(parts))
    diagnostics = list(run.diagnostics)
    fields, labels = _about(source, parts)
    if len(page.stories) > 1:
        fields["force"] = _force_of_stories(page.stories, source, diagnostics)
    named = forces_named_in(source.text)
    if not named:
        diagnostics.append(
            Diagnostic("PP251", Severity.INFO, "the story names no force; force is null", None)
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
        unclassified=tuple(sorted([*run.unclassified, *page.aside], key=lambda u: u.span.start)),
        span=source.span(0, len(source.text)),
    )


def _about(source: SourceText, parts: Sequence[Part]) -> tuple[dict[str, Any], list[Heading]]:
    """The story's title, date, byline and outlet, with what the text states (force, cycle);
    and the lines that label what follows them: date lines and bylines other than those
    read here, and the headlines of further stories."""
    headlines = [p for p in parts if isinstance(p, Headline)]
    title = headlines[0] if headlines else None
    dated = next((p for p in parts if isinstance(p, Dated) and _publishes(p)), None)
    signed = next((p for p in parts if isinstance(p, Byline)), None)
    fields: dict[str, Any] = {
        **about(source.head, title.text if title is not None else None).fields(),
        **_published(dated),
        **_byline(signed),
        **_outlet(source),
    }
    labels = [
        Heading(p.text, p.span)
        for p in parts
        if isinstance(p, Dated | Byline) and p is not dated and p is not signed
    ]
    labels += [Heading(h.text, h.span) for h in headlines[1:]]
    if title is not None:
        fields["title"] = title.text
        fields["title_span"] = title.span
    if fields["year"] is None and "published_text" in fields:
        # A story comes out with the report it covers: its date places it in a cycle.
        dated_on = next((d for d in dates_in(fields["published_text"]) if d.day), None)
        year = cycle_of(dated_on) if dated_on is not None else None
        if year is not None:
            fields["year"] = year
            fields["year_inferred"] = True
    return fields, labels


def _paragraphs(parts: Sequence[Part]) -> Iterator[Paragraph]:
    for part in parts:
        if isinstance(part, Paragraph):
            yield part
        elif isinstance(part, Quoted):
            if part.said is not None:
                yield part.said
            yield from part.paragraphs


def _publishes(line: Dated) -> bool:
    """Whether a date line gives the date of publication, not of an update."""
    return line.date is not None and line.date.label not in ("Updated", "Last updated")


def _published(line: Dated | None) -> dict[str, Any]:
    if line is None or line.date is None:
        return {}
    return {
        "published": line.date.iso,
        "published_text": line.text,
        "published_text_span": line.span,
    }


def _byline(line: Byline | None) -> dict[str, Any]:
    if line is None:
        return {}
    return {
        "byline": line.text,
        "byline_span": line.span,
        "author": line.author,
        "author_span": line.author_span,
    }


def _outlet(source: SourceText) -> dict[str, Any]:
    """The outlet where the text names it: after a copyright sign or words such as "told"."""
    text = source.head
    # Detection lower-cased the head already (``SourceText.view``).
    for context in OUTLET_CONTEXT.finditer(text, source.view.lower):
        found = MASTHEAD.match(text, context.end(), context.end() + OUTLET_REACH)
        if found is not None:
            start, end = found.span("outlet")
            return {"outlet": text[start:end], "outlet_span": source.span(start, end)}
    return {}


def _force_of_stories(
    stories: Sequence[Sequence[Part]], source: SourceText, diagnostics: list[Diagnostic]
) -> Force | None:
    """One force for a page of several stories only when every story is about it."""
    found: list[Force | None] = []
    for story in stories:
        spans = [p.span for p in story]
        if not spans:
            continue
        start = min(s.start for s in spans)
        end = max(s.end for s in spans)
        found.append(find_force(source.text[start:end]))
    forces = {f.slug if f else None for f in found}
    same = len(forces) == 1
    held = f"the page holds {len(stories)} stories"
    if same:
        message = f"{held}, all about the same force"
    else:
        message = f"{held} about different forces (or none); force is null"
    at = stories[1][0].span if stories[1] else None
    diagnostics.append(Diagnostic("PP250", Severity.WARNING, message, at))
    return found[0] if same else None


def _cut_quotations(parts: Sequence[Part]) -> list[Diagnostic]:
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
