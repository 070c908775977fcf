"""Building minutes records from the grammar's rules, inside the LALR parser."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
from lark import Token, Transformer

from peelparse import Force, Heading, Judgement, Paragraph, SourceText
from peelparse.grammar import GrammarRun, span_of, token_span, unparsed
from peelparse.text import (
    LazyPattern,
    find_cycle,
    find_force,
    find_pillar,
    force_by_slug,
    judgements_in,
    sentences,
    strip_marks,
)
from peelparse_minutes.records import ConsideredReport, PanelMinutes, Resolution, ResolutionItem
from peelparse_minutes.shapes import NUMERAL

_AUTHOR_END = (
    r"(?=,?\s+(?:which|that|regarding|on|about|concerning|outlining|setting|providing|"
    r"detailing|summarising|in\s+relation\s+to|in\s+respect\s+of|and\s+the\s+following)\b"
    r"|\s*[(.;]|\s*$)"
)
_ABOUT_END = r"(?=\s*\((?:for\s+copy|copy|see)\b|\s+and\s+the\s+following\b|\s*[.;]?\s*$)"
CONSIDERED = LazyPattern(
    r"\b(?:considered|received|noted|discussed|scrutini[sz]ed)\s+(?:a|the)\s+"
    r"(?:joint\s+|written\s+)?(?:report|update|briefing)\s+(?:of|from|by)\s+"
    rf"(?P<author>.+?){_AUTHOR_END}"
    r"(?:,?\s+(?:which\s+|that\s+)?(?:outlined|outlines|set\s+out|sets\s+out|provided|"
    r"outlining|setting\s+out|providing|detailing|summarised|summarising|regarding|on|about|"
    r"concerning|in\s+relation\s+to|in\s+respect\s+of)\s+"
    rf"(?P<about>.+?){_ABOUT_END})?",
    re.IGNORECASE,
)
"""A sentence that names a report the meeting considered, with its author and subject."""
TITLE_REPORT = LazyPattern(
    r"(?:(?P<about>.+?)\s*[-–—:]\s*)?(?:joint\s+)?report\s+(?:of|from|by)\s+(?P<author>.+?)\s*",
    re.IGNORECASE,
)
"""An agenda item's title that names its report: "HMICFRS Inspection Reports - Report of
the Commissioner"."""
ITEM_NUMBER = LazyPattern(r"(?P<number>\d{1,3}[a-z]?)(?:[.):]|\s)\s*\S")
"""The number an agenda item's title starts with: "7.", "12a"."""
PANEL = LazyPattern(
    r"\bPolice,?\s+(?:Fire,?\s+)?(?:and|&)\s+Crime\s+(?:Panel|(?:Scrutiny\s+)?Committee)\b"
    r"|\bPolice\s+Authority(?:\s+Board)?\b",
    re.IGNORECASE,
)
"""The body that met."""
COMMISSIONER_OF = (
    (LazyPattern(r"\bPolice,\s+Crime\s+and\s+Victims[’']\s+Commissioner", re.I), "durham"),
    (
        LazyPattern(r"\bMayor[’']s\s+Office\s+for\s+Policing\s+and\s+Crime\b|\bMOPAC\b"),
        "metropolitan",
    ),
)
"""Commissioners whose title names one force: minutes often name the commissioner, not the
force ("the Police, Crime and Victims’ Commissioner" is Durham's)."""
INSPECTION = LazyPattern(r"\b(?:HMIC|HMICFRS|PEEL|inspectorate|inspections?)\b", re.IGNORECASE)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


@attrs.define
class Documents:
    """ "Supporting documents:" and the documents under it."""

    heading: Heading
    listed: list[Paragraph]


@attrs.define
class Parsed:
    """Everything the grammar found, in page order."""

    label: Heading | None
    title: Token | None
    blocks: list[Paragraph | Heading | Resolution | Documents]


class MinutesTransformer(Transformer[Token, Any]):
    """One method per rule of ``minutes.lark``."""

    def start(self, children: list[Any]) -> Parsed:
        label = children.pop(0) if children and isinstance(children[0], Heading) else None
        title = children.pop(0) if children and isinstance(children[0], Token) else None
        return Parsed(label, title, children)

    def label(self, children: list[Token]) -> Heading:
        return _heading(children[0])

    def title(self, children: list[Token]) -> Token:
        return children[0]

    def paragraph(self, children: list[Token]) -> Paragraph:
        return Paragraph(strip_marks(str(children[0])), token_span(children[0]))

    def heading(self, children: list[Token]) -> Heading:
        return _heading(children[0])

    def resolution(self, children: list[Any]) -> Resolution:
        opening = [c for c in children if isinstance(c, Token)]
        items = [c for c in children if isinstance(c, ResolutionItem)]
        return Resolution(
            text=_lines_text(opening),
            text_span=span_of(opening),
            items=tuple(_numbered(items)),
            span=span_of(children),
        )

    def item(self, children: list[Token]) -> ResolutionItem:
        numeral, words = children[0], children[1:]
        return ResolutionItem(
            label=str(numeral),
            label_span=token_span(numeral),
            number=None,
            text=_lines_text(words) if words else "",
            text_span=span_of(words) if words else None,
            span=span_of(children),
        )

    def documents(self, children: list[Token]) -> Documents:
        return Documents(
            _heading(children[0]),
            [Paragraph(strip_marks(str(t)), token_span(t)) for t in children[1:]],
        )


def _heading(token: Token) -> Heading:
    return Heading(strip_marks(str(token)), token_span(token))


def _lines_text(tokens: Sequence[Token]) -> str:
    return strip_marks("\n".join(str(t) for t in tokens))


def _numbered(items: list[ResolutionItem]) -> Iterator[ResolutionItem]:
    """Items with the value of their numerals: roman when the first is "i", letters when it
    is another letter, digits otherwise."""
    first = _bare(items[0].label) if items else ""
    roman = first.lower() == "i"
    for item in items:
        bare = _bare(item.label).lower()
        if bare.isdigit():
            number: int | None = int(bare)
        elif roman:
            number = _roman(bare)
        elif len(bare) == 1:
            number = ord(bare) - ord("a") + 1
        else:
            number = None
        yield attrs.evolve(item, number=number)


def _bare(label: str) -> str:
    match = NUMERAL.fullmatch(label)
    return (match.group("a") or match.group("b")) if match else label


def _roman(numeral: str) -> int | None:
    if not numeral or any(ch not in _ROMAN for ch in numeral):
        return None
    total = 0
    for ch, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN[ch]
        total += -value if after and _ROMAN[after] > value else value
    return total


def build_minutes(parsed: Parsed | None, run: GrammarRun) -> PanelMinutes:
    """Assemble the record from what the grammar found."""
    source = run.source
    head = source.head
    cycle = find_cycle(head)
    common: dict[str, Any] = {
        "force": find_force(head) or _force_of_commissioner(head),
        "year": cycle.year if cycle else None,
        "period": cycle.period if cycle else None,
        "pillar": find_pillar(head),
        "diagnostics": tuple(run.diagnostics),
        "span": source.span(0, len(source.text)),
    }
    panel = PANEL.search(source.text)
    if panel is not None:
        common["panel"] = " ".join(panel.group().split())
        common["panel_span"] = source.span(panel.start(), panel.end())
    if parsed is None:
        return PanelMinutes(unclassified=tuple(run.unclassified + unparsed(source)), **common)

    paragraphs = [b for b in parsed.blocks if isinstance(b, Paragraph)]
    headings = [b for b in parsed.blocks if isinstance(b, Heading)]
    documents = [b for b in parsed.blocks if isinstance(b, Documents)]
    headings += [d.heading for d in documents]
    if parsed.label is not None:
        headings.insert(0, parsed.label)
    reports = [r for p in paragraphs for r in _reports_in(p, source)]
    title = parsed.title
    if title is not None:
        common["title"] = strip_marks(str(title))
        common["title_span"] = token_span(title)
        common.update(_item_number(title, source))
        if not reports:
            reports += _report_in_title(title, source)
    return PanelMinutes(
        judgements=tuple(_judgements(paragraphs, source)),
        unclassified=tuple(run.unclassified),
        headings=tuple(sorted(headings, key=lambda h: h.span.start)),
        reports=tuple(reports),
        paragraphs=tuple(paragraphs),
        resolutions=tuple(b for b in parsed.blocks if isinstance(b, Resolution)),
        supporting_documents=tuple(p for d in documents for p in d.listed),
        **common,
    )


def _force_of_commissioner(text: str) -> Force | None:
    for pattern, slug in COMMISSIONER_OF:
        if pattern.search(text):
            return force_by_slug(slug)
    return None


def _reports_in(paragraph: Paragraph, source: SourceText) -> Iterator[ConsideredReport]:
    """Reports named in a paragraph (one line: offsets in its text are offsets in the source)."""
    start = paragraph.span.start
    text = paragraph.span.slice(source.text)
    for match in CONSIDERED.finditer(text):
        sentence = _sentence_around(text, match.start())
        yield ConsideredReport(
            text=strip_marks(text[sentence[0] : sentence[1]]),
            span=source.span(start + sentence[0], start + sentence[1]),
            author=match.group("author"),
            author_span=source.span(start + match.start("author"), start + match.end("author")),
            about=match.group("about"),
            about_span=(
                source.span(start + match.start("about"), start + match.end("about"))
                if match.group("about")
                else None
            ),
            inspection=bool(INSPECTION.search(text, sentence[0], sentence[1])),
        )


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    for start, end in sentences(text):
        if start <= at < end:
            return start, end
    return 0, len(text.rstrip())


def _report_in_title(title: Token, source: SourceText) -> list[ConsideredReport]:
    text = str(title).rstrip()
    match = TITLE_REPORT.fullmatch(text)
    if match is None:
        return []
    base = title.start_pos or 0
    about = match.group("about")
    return [
        ConsideredReport(
            text=strip_marks(text),
            span=token_span(title),
            author=match.group("author"),
            author_span=source.span(base + match.start("author"), base + match.end("author")),
            about=about,
            about_span=(
                source.span(base + match.start("about"), base + match.end("about"))
                if about
                else None
            ),
            inspection=bool(INSPECTION.search(text)),
        )
    ]


def _item_number(title: Token, source: SourceText) -> dict[str, Any]:
    match = ITEM_NUMBER.match(str(title))
    if match is None:
        return {}
    base = title.start_pos or 0
    return {
        "item_number": match.group("number"),
        "item_number_span": source.span(base + match.start("number"), base + match.end("number")),
    }


def _judgements(paragraphs: Sequence[Paragraph], source: SourceText) -> Iterator[Judgement]:
    """Grades the minutes state ("the force was judged to be good at ...")."""
    for paragraph in paragraphs:
        start = paragraph.span.start
        text = paragraph.span.slice(source.text)
        for found in judgements_in(text):
            yield Judgement(
                found.subject,
                found.pillar,
                found.grade,
                text[found.start : found.end],
                source.span(start + found.start, start + found.end),
            )
