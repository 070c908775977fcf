"""How well the parser reads the corpus, against values a person read in each document.

    python tests/corpus/accuracy.py                 # print the table
    python tests/corpus/accuracy.py --write FILE    # write it as Markdown (docs/corpus-accuracy.md)

The expectations are in ``expectations.json`` beside this file; see its README.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from peelparse import Document, Parser

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXPECTATIONS = HERE / "expectations.json"
CORPUS = HERE
FIELDS = ("kind", "force", "year", "pillar", "grade", "afis")


@attrs.frozen
class Check:
    """One document's fields: what was expected, what was parsed, whether they agree."""

    key: str
    cycle: str
    expected: dict[str, Any]
    got: dict[str, Any]

    def right(self, field: str) -> bool | None:
        """Whether ``field`` is right; ``None`` when the field does not apply."""
        if field not in self.expected:
            return None
        return bool(self.expected[field] == self.got.get(field))


def expectations() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(EXPECTATIONS.read_text("utf-8"))
    return data


def path_of(key: str) -> Path:
    return ROOT / key if key.startswith("seeds/") else CORPUS / key


def expected_fields(want: dict[str, Any]) -> dict[str, Any]:
    """The comparable fields of one expectation (grades and AFIs only for reports)."""
    fields = {name: want.get(name) for name in ("kind", "force", "year", "pillar")}
    if want["kind"] == "inspection_report":
        if "pillar_grades" in want:
            fields["grade"] = want["pillar_grades"]
        elif "headline_grade" in want:
            fields["grade"] = want["headline_grade"]
        fields["afis"] = want.get("afis", 0)
    return fields


def parsed_fields(document: Document, want: dict[str, Any]) -> dict[str, Any]:
    """The same fields read off a parsed document."""
    fields: dict[str, Any] = {
        "kind": document.kind,
        "force": document.force.slug if document.force else None,
        "year": document.year,
        "pillar": str(document.pillar) if document.pillar else None,
    }
    if document.kind == "inspection_report":
        if "pillar_grades" in want:
            grades: dict[str, str] = {}
            for judgement in document.judgements:
                if judgement.headline and judgement.pillar is not None:
                    grades.setdefault(str(judgement.pillar), str(judgement.grade))
            fields["grade"] = grades
        else:
            grade = getattr(document, "grade", None)
            fields["grade"] = str(grade) if grade is not None else None
        fields["afis"] = len(_afis(document))
    return fields


def _afis(document: Document) -> list[object]:
    found = [
        f for f in getattr(document, "summary_findings", ()) if f.label == "area_for_improvement"
    ]
    for question in getattr(document, "questions", ()):
        found += list(question.areas_for_improvement)
    return found


def cycle_of(key: str, want: dict[str, Any]) -> str:
    """The PEEL cycle a document belongs to, for grouping: 2014 ... 2017, 2018/19, 2021/22,
    2023–25, or "other"."""
    year = want.get("year")
    if year is None:
        return "no cycle"
    return {
        2018: "2018/19",
        2019: "2018/19",
        2021: "2021/22",
        2022: "2021/22",
        2023: "2023–25",
        2024: "2023–25",
        2025: "2023–25",
    }.get(year, str(year))


def run(keys: Iterable[str] | None = None, parser: Parser | None = None) -> list[Check]:
    parser = parser or Parser(autoload=False)
    wanted = expectations()
    checks = []
    for key in keys if keys is not None else sorted(wanted):
        want = wanted[key]
        document = parser.parse(path_of(key))
        checks.append(
            Check(key, cycle_of(key, want), expected_fields(want), parsed_fields(document, want))
        )
    return checks


def table(checks: Sequence[Check], kind: str = "inspection_report") -> str:
    """Markdown: per cycle, files and how many of each field are right (of those it applies
    to), and AFIs found against AFIs read."""
    groups: dict[str, list[Check]] = defaultdict(list)
    for check in checks:
        if check.expected["kind"] == kind:
            groups[check.cycle].append(check)
    lines = [
        "| cycle | files | kind | force | year | pillar | headline grade | AFIs found (read) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    every = [c for rows in groups.values() for c in rows]
    for cycle, rows in [*sorted(groups.items()), ("**all**", every)]:
        cells = [str(len(rows))]
        for field in FIELDS[:5]:
            applies = [c.right(field) for c in rows if c.right(field) is not None]
            cells.append(f"{sum(applies)}/{len(applies)}" if applies else "–")
        found = sum(c.got.get("afis", 0) for c in rows)
        read = sum(c.expected.get("afis", 0) for c in rows)
        lines.append(f"| {cycle} | " + " | ".join(cells) + f" | {found} ({read}) |")
    return "\n".join(lines) + "\n"


def share_right(checks: Sequence[Check], field: str, kind: str | None = None) -> float:
    """Share of documents (of a kind a person gave them) whose ``field`` is right."""
    applies = [
        c.right(field)
        for c in checks
        if (kind is None or c.expected["kind"] == kind) and c.right(field) is not None
    ]
    return sum(applies) / len(applies) if applies else 1.0


def confusion(checks: Sequence[Check]) -> str:
    """Markdown: the kind a person gave each file (rows) against the kind parsed (columns)."""
    kinds = sorted({c.expected["kind"] for c in checks} | {c.got["kind"] for c in checks})
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for check in checks:
        counts[(check.expected["kind"], check.got["kind"])] += 1
    lines = ["| read as \\ parsed as | " + " | ".join(kinds) + " |", "|---|" + "---:|" * len(kinds)]
    for want in kinds:
        lines.append(f"| {want} | " + " | ".join(str(counts[(want, got)]) for got in kinds) + " |")
    return "\n".join(lines) + "\n"


def markdown(checks: Sequence[Check]) -> str:
    wrong = [
        (c.key, f, c.expected[f], c.got.get(f))
        for c in checks
        for f in FIELDS
        if c.right(f) is False
    ]
    parts = [
        "# Accuracy on the corpus",
        "",
        "Generated by `python tests/corpus/accuracy.py --write docs/corpus-accuracy.md` from "
        "the corpus documents and the values a person read in each "
        "(`tests/corpus/expectations.json`). Seeds are checked by their golden files instead.",
        "",
        "## Inspection reports by PEEL cycle",
        "",
        table(checks),
        "## Kinds",
        "",
        confusion(checks),
        "## Fields that differ",
        "",
    ]
    if wrong:
        parts += ["| file | field | read | parsed |", "|---|---|---|---|"]
        parts += [f"| {Path(k).name} | {f} | {w} | {g} |" for k, f, w, g in wrong]
    else:
        parts.append("None.")
    return "\n".join(parts) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description="corpus accuracy table")
    options.add_argument("--write", type=Path, help="write the Markdown here")
    args = options.parse_args(argv)
    checks = [c for c in run() if not c.key.startswith("seeds/")]
    text = markdown(checks)
    if args.write:
        args.write.write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
