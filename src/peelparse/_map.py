"""The grades of a corpus as one self-contained HTML page: forces down the side, cycles and
pillars (from 2021, areas) across, each cell coloured by grade.

The page needs no network and no script: each cell links to its details further down the
page (shown beside the grid on a wide screen, under it on a phone and in print), which name
the document, quote the sentence that states the grade, list the document's areas for
improvement and the PCC responses the corpus links to them.
"""

from __future__ import annotations

import html
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

import attrs

from peelparse._atomic import write_text
from peelparse._grades import AREAS_FROM, GradeRow, subject_key
from peelparse._ids import FindingItem
from peelparse._records import Document, Force, Role
from peelparse._vocab import Grade, Pillar

if TYPE_CHECKING:
    from peelparse._corpus import Corpus

COLOURS: dict[Grade, tuple[str, str]] = {
    Grade.OUTSTANDING: ("#0b5d2b", "#ffffff"),
    Grade.GOOD: ("#5aa65a", "#000000"),
    Grade.ADEQUATE: ("#f4d03f", "#000000"),
    Grade.REQUIRES_IMPROVEMENT: ("#f0882b", "#000000"),
    Grade.INADEQUATE: ("#b8282e", "#ffffff"),
    Grade.NOT_GRADED: ("#d6d6d6", "#000000"),
}
"""Each grade's fill and text colour, in the inspectorate's order: greens for outstanding and
good, yellow for adequate, orange for requires improvement, red for inadequate; grey for a
judgement not (yet) graded."""

LABELS: dict[Grade, tuple[str, str]] = {
    Grade.OUTSTANDING: ("Outstanding", "O"),
    Grade.GOOD: ("Good", "G"),
    Grade.ADEQUATE: ("Adequate", "A"),
    Grade.REQUIRES_IMPROVEMENT: ("Requires improvement", "RI"),
    Grade.INADEQUATE: ("Inadequate", "I"),
    Grade.NOT_GRADED: ("Not graded", "NG"),
}
"""Each grade's name and the letters a cell shows (so the grid reads without colour)."""

SHOWN_FIRST = (Role.REPORT, Role.ANNOUNCEMENT, Role.RESPONSE)
"""Which document a cell shows when several grade it, by the role of its kind: the report,
else its press release, else a PCC response quoting it."""


@attrs.frozen
class Column:
    """A column of the grid: a pillar of a cycle, or from 2021 an area of a cycle."""

    year: int
    """The cycle's first year."""
    key: str
    """The pillar's name, or the area's content words."""
    label: str
    """What the header says."""


@attrs.frozen
class Cell:
    """What the corpus says of one force and column."""

    shown: GradeRow
    """The row whose grade the cell shows."""
    rows: tuple[GradeRow, ...]
    """Every row for the cell: ``shown`` first, then the others, superseded ones last."""

    @property
    def disagree(self) -> bool:
        """Whether documents that are not superseded give different grades."""
        return len({r.grade for r in self.rows if r.superseded_by is None}) > 1


def _column_of(row: GradeRow) -> tuple[int, str, str] | None:
    if row.force is None or row.year is None:
        return None
    if row.level == "pillar" and row.pillar is not None:
        return (row.year, str(row.pillar), str(row.pillar).capitalize())
    if row.level == "area" and row.year >= AREAS_FROM:
        return (row.year, subject_key(row.subject), row.subject[:1].upper() + row.subject[1:])
    return None


def roles(corpus: Corpus) -> dict[str, Role | None]:
    """The role of each kind of document ``corpus`` holds, by the kind's tag."""
    return {entry.document.kind: entry.document.role for entry in corpus.entries}


def _rank(
    row: GradeRow, dates: Mapping[str, str | None], roles: Mapping[str, Role | None]
) -> tuple[int, int, str, str]:
    role = roles.get(row.kind)
    kind = SHOWN_FIRST.index(role) if role in SHOWN_FIRST else len(SHOWN_FIRST)
    return (row.superseded_by is not None, kind, _negate(dates.get(row.document_id)), row.id)


def _negate(date: str | None) -> str:
    # Later dates first: a string that sorts in reverse date order.
    return "" if date is None else "".join(chr(0x10FFFF - ord(c)) for c in date)


def grid(
    rows: Iterable[GradeRow],
    dates: Mapping[str, str | None],
    roles: Mapping[str, Role | None],
) -> tuple[list[Column], dict[tuple[str, Column], Cell]]:
    """The grid's columns, in cycle order (pillars in PEEL's order, areas in the order first
    met), and its cells by force slug and column. ``dates`` are the documents' dates by ID
    and ``roles`` their kinds' roles by tag: they decide which row a cell shows."""
    found: dict[tuple[str, Column], list[GradeRow]] = defaultdict(list)
    columns: dict[tuple[int, str], Column] = {}
    for row in rows:
        place = _column_of(row)
        if place is None or row.force is None:
            continue
        year, key, label = place
        column = columns.setdefault((year, key), Column(year, key, label))
        found[(row.force.slug, column)].append(row)
    pillars = [str(p) for p in Pillar]
    order = sorted(
        columns.values(),
        key=lambda c: (c.year, pillars.index(c.key) if c.key in pillars else len(pillars)),
    )
    cells: dict[tuple[str, Column], Cell] = {}
    for where, listed in found.items():
        ranked = sorted(listed, key=lambda r: _rank(r, dates, roles))
        cells[where] = Cell(shown=ranked[0], rows=tuple(ranked))
    return order, cells


def render(corpus: Corpus, *, title: str = "PEEL grades", base: Path | None = None) -> str:
    """The page for ``corpus``; file links are relative to the folder ``base`` when given."""
    from peelparse._grades import document_date

    dates = {entry.id: document_date(entry.document) for entry in corpus.entries}
    columns, cells = grid(corpus.grades(), dates, roles(corpus))
    forces = sorted(
        {e.document.force for e in corpus.entries if e.document.force is not None}
        | {r.force for r in corpus.grades() if r.force is not None and r.year is not None},
        key=lambda f: f.name,
    )
    writer = _Writer(corpus, base)
    body = writer.table(forces, columns, cells)
    details = [
        writer.cell_details(force.name, column, cells[(force.slug, column)])
        for force in forces
        for column in columns
        if (force.slug, column) in cells
    ]
    responses = [writer.response_section(doc_id) for doc_id in sorted(writer.responses)]
    template = Template(resources.files("peelparse").joinpath("map.html").read_text("utf-8"))
    return template.substitute(
        title=html.escape(title),
        summary=html.escape(
            f"{len(forces)} forces, {len(cells)} graded cells from {len(corpus)} documents"
        ),
        colours=_colour_rules(),
        legend=_legend(),
        grid=body,
        details="\n".join(details + responses),
    )


def _colour_rules() -> str:
    return "\n".join(
        f".g-{grade} {{ background: {fill}; color: {ink}; }}"
        for grade, (fill, ink) in COLOURS.items()
    )


def _legend() -> str:
    items = "".join(
        f'<li><span class="swatch g-{grade}" data-grade="{grade}">{short}</span> {name}</li>'
        for grade, (name, short) in LABELS.items()
    )
    return (
        f'<ul class="legend" aria-label="Grades, best first">{items}'
        '<li><span class="swatch none">&#8211;</span> No grade stated</li>'
        '<li><span class="swatch disagree-mark">!</span> Documents disagree</li></ul>'
    )


class _Writer:
    """Writes the parts of the page, keeping an anchor per cell and per PCC response."""

    def __init__(self, corpus: Corpus, base: Path | None) -> None:
        self.corpus = corpus
        self.base = base
        self.anchors: dict[tuple[str, Column], str] = {}
        self.responses: set[str] = set()
        self.by_document: dict[str, list[GradeRow]] = defaultdict(list)
        for row in corpus.grades():
            self.by_document[row.document_id].append(row)

    def anchor(self, force: str, column: Column) -> str:
        return self.anchors.setdefault((force, column), f"cell-{len(self.anchors) + 1}")

    def table(
        self,
        forces: Sequence[Force],
        columns: Sequence[Column],
        cells: dict[tuple[str, Column], Cell],
    ) -> str:
        years: dict[int, int] = defaultdict(int)
        for column in columns:
            years[column.year] += 1
        head_years = "".join(
            f'<th scope="colgroup" colspan="{span}" class="cycle">{_cycle(year)}</th>'
            for year, span in years.items()
        )
        head_columns = "".join(
            f'<th scope="col" class="subject" title="{html.escape(c.label)}">'
            f"<span>{html.escape(c.label)}</span></th>"
            for c in columns
        )
        lines = [
            '<table class="grid">',
            f'<thead><tr><th rowspan="2" scope="col" class="force">Force</th>{head_years}</tr>',
            f"<tr>{head_columns}</tr></thead>",
            "<tbody>",
        ]
        for force in forces:
            slug, name = force.slug, force.name
            row = [f'<tr data-force="{html.escape(slug)}"><th scope="row">{html.escape(name)}</th>']
            for column in columns:
                cell = cells.get((slug, column))
                row.append(self._cell(name, slug, column, cell))
            row.append("</tr>")
            lines.append("".join(row))
        lines += ["</tbody>", "</table>"]
        return "\n".join(lines)

    def _cell(self, name: str, slug: str, column: Column, cell: Cell | None) -> str:
        where = (
            f'data-force="{html.escape(slug)}" data-year="{column.year}" '
            f'data-subject="{html.escape(column.key)}"'
        )
        if cell is None:
            return f'<td class="cell none" {where} data-grade="">&#8211;</td>'
        grade = cell.shown.grade
        label, short = LABELS[grade]
        tip = f"{name}, {_cycle(column.year)} {column.label}: {label}. {cell.shown.sentence}"
        mark = (
            '<span class="disagree-mark" title="Documents disagree">!</span>'
            if cell.disagree
            else ""
        )
        return (
            f'<td class="cell g-{grade}" {where} data-grade="{grade}" '
            f'data-document="{html.escape(cell.shown.document_id)}">'
            f'<a href="#{self.anchor(slug, column)}" title="{html.escape(tip)}">'
            f"{short}{mark}</a></td>"
        )

    def cell_details(self, name: str, column: Column, cell: Cell) -> str:
        shown = cell.shown
        force = shown.force.slug if shown.force else ""
        label = LABELS[shown.grade][0]
        parts = [
            f'<section class="detail" id="{self.anchor(force, column)}">',
            f"<h3>{html.escape(name)}: {_cycle(column.year)} {html.escape(column.label)} "
            f'<span class="badge g-{shown.grade}">{label}</span></h3>',
        ]
        for row in cell.rows:
            parts.append(self._statement(row))
        parts.append(self._questions(shown))
        parts.append(self._findings(shown))
        parts.append('<p class="back"><a href="#top">Back to the grid</a></p></section>')
        return "\n".join(p for p in parts if p)

    def _statement(self, row: GradeRow) -> str:
        entry = self.corpus[row.document_id]
        title = entry.document.title or row.document_id
        superseded = (
            f' <span class="superseded">superseded by {html.escape(row.superseded_by)}</span>'
            if row.superseded_by
            else ""
        )
        lines = ", ".join(str(s.line) for s in row.spans)
        return (
            f'<div class="statement" data-document="{html.escape(row.document_id)}">'
            f'<p class="document">{html.escape(_kind(entry.document))}: '
            f"{self._file_link(row.document_id, title)} "
            f"<code>{html.escape(row.document_id)}</code>{superseded}</p>"
            f'<blockquote class="sentence">{html.escape(row.sentence)}</blockquote>'
            f'<p class="where">{LABELS[row.grade][0]}; stated {len(row.spans)} '
            f"time{'s' if len(row.spans) > 1 else ''}, line {lines}</p></div>"
        )

    def _file_link(self, document_id: str, text: str) -> str:
        paths = self.corpus[document_id].paths
        if not paths:
            return html.escape(text)
        target = Path(paths[0]).resolve()
        href = (
            Path(os.path.relpath(target, self.base.resolve())).as_posix()
            if self.base is not None
            else target.as_uri()
        )
        return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'

    def _questions(self, shown: GradeRow) -> str:
        asked = [
            r
            for r in self.by_document[shown.document_id]
            if r.level == "question" and r.pillar == shown.pillar and r.force == shown.force
        ]
        if not asked:
            return ""
        items = "".join(
            f'<li><span class="badge g-{r.grade}">{LABELS[r.grade][1]}</span> '
            f"{html.escape(r.subject)}</li>"
            for r in asked
        )
        return f'<h4>Questions</h4><ul class="questions">{items}</ul>'

    def _findings(self, shown: GradeRow) -> str:
        entry = self.corpus[shown.document_id]
        findings = [
            f
            for f in entry.items.findings
            if f.finding.label == "area_for_improvement" and _of_pillar(f, shown.pillar)
        ]
        parts: list[str] = []
        if findings:
            items = "".join(self._finding(f) for f in findings)
            parts.append(f'<h4>Areas for improvement</h4><ol class="afis">{items}</ol>')
        responses = [
            link.source_document
            for link in self.corpus.links_to(shown.document_id)
            if link.relation == "responds_to" and link.target_id == shown.document_id
        ]
        if responses:
            self.responses.update(responses)
            links = "".join(
                f'<li><a href="#{_response_anchor(doc)}">{html.escape(doc)}</a></li>'
                for doc in sorted(set(responses))
            )
            parts.append(f'<h4>PCC responses</h4><ul class="responses">{links}</ul>')
        return "".join(parts)

    def _finding(self, item: FindingItem) -> str:
        answers = []
        for link in self.corpus.links_to(item.id):
            if link.relation != "answers":
                continue
            self.responses.add(link.source_document)
            answer = self.corpus.item(link.source_id)
            said = " ".join(p.text for p in getattr(answer, "response", ()))
            answers.append(
                f'<p class="answer">PCC response '
                f'(<a href="#{_response_anchor(link.source_document)}">'
                f"{html.escape(link.source_id)}</a>): {html.escape(said)}</p>"
            )
        return f"<li>{html.escape(item.finding.text)}{''.join(answers)}</li>"

    def response_section(self, document_id: str) -> str:
        entry = self.corpus[document_id]
        document = entry.document
        dated = getattr(document, "date_text", None) or getattr(document, "date", None)
        sender = getattr(getattr(document, "sender", None), "name", None)
        named = self._file_link(document_id, document.title or document_id)
        facts = [f"<dt>Document</dt><dd>{named}</dd>"]
        if isinstance(dated, str):
            facts.append(f"<dt>Dated</dt><dd>{html.escape(dated)}</dd>")
        if isinstance(sender, str):
            facts.append(f"<dt>From</dt><dd>{html.escape(sender)}</dd>")
        answers = "".join(
            f"<li><p>{html.escape(a.text)}</p>"
            f'<p class="answer">{html.escape(" ".join(p.text for p in a.response))}</p></li>'
            for a in entry.items.answers
        )
        return (
            f'<section class="detail response" id="{_response_anchor(document_id)}">'
            f"<h3>PCC response <code>{html.escape(document_id)}</code></h3>"
            f"<dl>{''.join(facts)}</dl>"
            + (f'<ol class="answers">{answers}</ol>' if answers else "")
            + '<p class="back"><a href="#top">Back to the grid</a></p></section>'
        )


def _response_anchor(document_id: str) -> str:
    return "response-" + "".join(c if c.isalnum() else "-" for c in document_id)


def _of_pillar(item: FindingItem, pillar: Pillar | None) -> bool:
    """Whether a finding belongs with ``pillar``: its question names no other pillar."""
    if pillar is None or item.question is None:
        return True
    named = set()
    for word in item.question.split():
        try:
            named.add(Pillar.from_word(word))
        except ValueError:
            continue
    return not named or pillar in named


def _cycle(year: int) -> str:
    # Yearly cycles to 2017, then 2018/19 and 2021/22, then the two-year 2023–25.
    if year < 2018:
        return str(year)
    if year < 2023:
        return f"{year}/{(year + 1) % 100:02d}"
    return f"{year}–{(year + 2) % 100:02d}"


def _kind(document: Document) -> str:
    return document.label or document.kind.replace("_", " ").capitalize()


def write_map(corpus: Corpus, path: Path, *, title: str = "PEEL grades") -> None:
    """Write the page for ``corpus`` to ``path`` (file links relative to its folder)."""
    page = render(corpus, title=title, base=path.parent)
    write_text(path, page)
