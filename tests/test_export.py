"""Exports: SQLite (and the documented query), CSV, JSON lines, and ``peelparse export``."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from peelparse import Corpus, InputError, Link, Parser
from peelparse._cli import main
from peelparse._export import TABLES
from peelparse._releases import releases_of

REPORT_2017 = "leicestershire/2017/legitimacy/report"
LETTER = "leicestershire/2017/legitimacy/pcc"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_paths(SEEDS, autoload=False)


@pytest.fixture(scope="module")
def database(seeds: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "peel.db"
    seeds.to_sqlite(path)
    return path


def documented_query() -> str:
    page = (ROOT / "docs" / "corpus.md").read_text("utf-8")
    match = re.search(r"<!-- afi-query -->\n```sql\n(.*?)```", page, re.DOTALL)
    assert match is not None, "docs/corpus.md has lost its query"
    return match.group(1)


def expected_counts(corpus: Corpus) -> dict[str, int]:
    return {
        "documents": len(corpus),
        "findings": sum(len(e.items.findings) for e in corpus),
        "judgements": sum(len(e.items.judgements) for e in corpus),
        "responses": sum(len(e.items.answers) for e in corpus),
        "quotes": sum(len(e.items.quotes) for e in corpus),
        "links": len(corpus.links),
        "releases": sum(len(releases_of(e.document, e.id)) for e in corpus),
        "grades": len(corpus.grades()),
    }


# -- SQLite --------------------------------------------------------------------------------


def test_the_documented_query_gives_every_afi_with_its_response(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(documented_query()).fetchall()
    assert [(row[0], row[1], row[3]) for row in rows] == [
        *((f"leicestershire/2016/legitimacy/report#afi-{n}", 2016, None) for n in range(1, 6)),
        (f"{REPORT_2017}#afi-1", 2017, f"{LETTER}#rec-1"),
        (f"{REPORT_2017}#afi-2", 2017, f"{LETTER}#rec-2"),
    ]
    assert rows[5][2].startswith("The force should ensure that it has effective systems")
    assert rows[5][4].startswith("In response, guidance has been developed")
    assert rows[6][4].startswith("In response, processes are being updated")


def test_the_view_agrees_with_the_query(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        view = connection.execute(
            "SELECT finding_id, response_id, method FROM afi_responses "
            "WHERE force = 'leicestershire'"
        ).fetchall()
        written = connection.execute(documented_query()).fetchall()
        lancashire = connection.execute(
            "SELECT count(*), count(response_id) FROM afi_responses WHERE force = 'lancashire'"
        ).fetchone()
    assert [(f, r) for f, r, _ in view] == [(row[0], row[3]) for row in written]
    assert [m for _, r, m in view if r] == ["exact", "exact"]
    assert lancashire == (6, 0)


def test_tables_keys_and_foreign_keys(database: Path, seeds: Corpus) -> None:
    with sqlite3.connect(database) as connection:
        names = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert names == {table.name for table in TABLES}
        for table in TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table.name})")]
            assert columns == [c.name for c in table.columns]
        counts = {
            table.name: connection.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
            for table in TABLES
        }
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        targets = {row[2] for row in connection.execute("PRAGMA foreign_key_list(findings)")}
        assert targets == {"documents"}
        link = connection.execute(
            "SELECT method, score, status, source_line, target_line FROM links WHERE source_id = ?",
            ("leicestershire/2016/legitimacy/report#afi-2",),
        ).fetchone()
        grade = connection.execute(
            "SELECT grade FROM documents WHERE id = ?", (REPORT_2017,)
        ).fetchone()
    assert counts == expected_counts(seeds)
    assert counts["findings"] == 13 and counts["responses"] == 2
    assert link == ("sentence", 0.5, "remains", 18, 42)
    assert grade == ("good",)


def test_exporting_again_replaces_the_database(seeds: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "peel.db"
    path.write_text("not a database")
    seeds.to_sqlite(path)
    seeds.to_sqlite(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone() == (5,)
    assert [p.name for p in tmp_path.iterdir()] == ["peel.db"]


# -- CSV -----------------------------------------------------------------------------------


def test_csv_headers_and_row_counts(seeds: Corpus, tmp_path: Path) -> None:
    seeds.to_csv(tmp_path / "csv")
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(
        f"{table.name}.csv" for table in TABLES
    )
    counts = {}
    for table in TABLES:
        with (tmp_path / "csv" / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == [c.name for c in table.columns]
        counts[table.name] = len(rows) - 1
    assert counts == expected_counts(seeds)
    with (tmp_path / "csv" / "responses.csv").open(encoding="utf-8", newline="") as f:
        responses = list(csv.DictReader(f))
    assert [r["id"] for r in responses] == [f"{LETTER}#rec-1", f"{LETTER}#rec-2"]
    assert responses[0]["number"] == "1"


# -- JSON lines ----------------------------------------------------------------------------


def test_jsonl_lines_parse_back(seeds: Corpus, tmp_path: Path) -> None:
    out, links = tmp_path / "peel.jsonl", tmp_path / "links.jsonl"
    seeds.to_jsonl(out, links=links)
    parser = Parser(autoload=False)
    lines = out.read_text("utf-8").splitlines()
    assert [parser.from_json(line) for line in lines] == list(seeds.documents)
    assert [Link.from_json(line) for line in links.read_text("utf-8").splitlines()] == list(
        seeds.links
    )
    again = Corpus.from_jsonl(out, parser=parser)
    assert [e.id for e in again] == [e.id for e in seeds]
    assert again.links == seeds.links


# -- the command ---------------------------------------------------------------------------


def test_export_command_writes_each_format(
    seeds: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(seed) for seed in SEEDS]
    assert main(["export", *paths, "--to", "sqlite", str(tmp_path / "peel.db")]) == 0
    with sqlite3.connect(tmp_path / "peel.db") as connection:
        assert connection.execute("SELECT count(*) FROM links").fetchone() == (6,)
    assert main(["export", *paths, "--to", "csv", "-p", str(tmp_path / "csv"), "--jobs", "2"]) == 0
    assert (tmp_path / "csv" / "findings.csv").is_file()
    links = tmp_path / "links.jsonl"
    assert main(["export", *paths, "--to", "jsonl", "-", "--links", str(links)]) == 0
    captured = capsys.readouterr()
    printed = [json.loads(line)["source"]["sha256"] for line in captured.out.splitlines()]
    assert printed == [e.document.source.sha256 for e in seeds if e.document.source]
    assert len(links.read_text("utf-8").splitlines()) == 6
    assert "5 documents, 6 links written to standard output" in captured.err


def test_export_command_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "peel.db")
    assert main(["export", str(SEEDS[0]), out]) == 2
    assert main(["export", str(SEEDS[0]), "--to", "xml", out]) == 2
    assert main(["export", str(SEEDS[0]), "--to", "sqlite", out, "--links", "x.jsonl"]) == 2
    assert not Path(out).exists()
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["export", str(empty), str(SEEDS[0]), "--to", "jsonl", out]) == 1
    assert len(Path(out).read_text("utf-8").splitlines()) == 1


def test_reading_json_lines_that_are_not_there(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read") as caught:
        Corpus.from_jsonl(tmp_path / "missing.jsonl")
    assert caught.value.code == "PP105"
    corpus = Corpus.from_paths([tmp_path / "missing.txt", SEEDS[0]], autoload=False)
    assert [(f.code, Path(f.path).name) for f in corpus.failures] == [("PP105", "missing.txt")]
