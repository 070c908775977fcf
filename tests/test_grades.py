"""The grades table and the exports that say only what the records say, on the seeds and the
test corpus."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, SEEDS
from peelparse import Corpus, Grade, Pillar
from peelparse._cli import main
from peelparse._grades import supersede

REPORT_2017 = "leicestershire/2017/legitimacy/report"
LETTER = "leicestershire/2017/legitimacy/pcc"
PRESS_2016 = "leicestershire/2016/legitimacy/press"
AVON_PAGE = "national/2016/effectiveness/press"
CITY_PAGE = "national/2018/all/press"
INTERIM = "northamptonshire/2017/all/report-0007631a"
FINAL = "northamptonshire/2017/all/report-e0d62d81"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_paths([*SEEDS, CORPUS / "raw"], autoload=False)


@pytest.fixture(scope="module")
def database(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("grades") / "peel.db"
    corpus.to_sqlite(path)
    return sqlite3.connect(path)


# -- exports that say only what the records say ---------------------------------------------


@pytest.mark.parametrize(
    ("document_id", "grade"),
    [
        (REPORT_2017, "good"),  # "Leicestershire Police is judged to be good at ..."
        ("cleveland/2018/effectiveness/report", "inadequate"),
        (LETTER, None),  # a letter quotes the grade; the record has none
        (PRESS_2016, None),
        (AVON_PAGE, None),  # a page of releases: the grade is Avon and Somerset's
        ("bedfordshire/2016/all/report", None),  # a force overview: a grade per pillar
    ],
)
def test_documents_grade_is_the_records_own(
    database: sqlite3.Connection, corpus: Corpus, document_id: str, grade: str | None
) -> None:
    row = database.execute("SELECT grade FROM documents WHERE id = ?", (document_id,)).fetchone()
    own = getattr(corpus[document_id].document, "grade", None)
    assert row == (grade,)
    assert (None if own is None else str(own)) == grade


def test_per_force_releases_are_exported_with_their_force(database: sqlite3.Connection) -> None:
    releases = database.execute("SELECT id, force, judgements FROM releases ORDER BY id").fetchall()
    assert releases == [
        (f"{AVON_PAGE}#release-1", "avon-and-somerset", 5),
        (f"{CITY_PAGE}#release-1", "city-of-london", 3),
    ]
    forces = database.execute(
        "SELECT DISTINCT force FROM judgements WHERE document_id IN (?, ?)",
        (AVON_PAGE, CITY_PAGE),
    ).fetchall()
    assert sorted(forces) == [("avon-and-somerset",), ("city-of-london",)]
    # A single force's document: its judgements are that force's.
    assert database.execute(
        "SELECT DISTINCT force FROM judgements WHERE document_id = ?", (REPORT_2017,)
    ).fetchall() == [("leicestershire",)]


@pytest.mark.parametrize(
    ("document_id", "published", "updated"),
    [
        (AVON_PAGE, "2017-03-02", None),  # "Published on: 2 March 2017"
        (REPORT_2017, None, "2017-12-12"),  # "Last updated 12/12/2017"
        ("avon-and-somerset/2018/legitimacy/report", None, "2020-01-20"),
        (LETTER, None, None),
    ],
)
def test_published_and_updated_are_columns(
    database: sqlite3.Connection, document_id: str, published: str | None, updated: str | None
) -> None:
    row = database.execute(
        "SELECT published, updated FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    assert row == (published, updated)


# -- the grades table ------------------------------------------------------------------------


def _cells(corpus: Corpus, document_id: str) -> list[tuple[str | None, str, str, str]]:
    return [
        (r.force.slug if r.force else None, r.level, r.subject, str(r.grade))
        for r in corpus.grades()
        if r.document_id == document_id
    ]


def test_the_seeds_grades_once_per_document(corpus: Corpus) -> None:
    seeds = {r.document_id for r in corpus.grades() if r.document_id.startswith("leicester")}
    assert seeds == {PRESS_2016, LETTER, REPORT_2017}
    assert _cells(corpus, PRESS_2016) == [("leicestershire", "pillar", "legitimacy", "good")]
    # 'HMICFRS concluded that the Force was "good" in all three areas.' (line 32) is a
    # count of its own beside the legitimacy grade.
    assert _cells(corpus, LETTER) == [
        ("leicestershire", "pillar", "legitimacy", "good"),
        ("leicestershire", "question", "all three areas", "good"),
    ]
    assert _cells(corpus, REPORT_2017) == [
        ("leicestershire", "pillar", "legitimacy", "good"),
        (
            "leicestershire",
            "question",
            "treating the people it serves with fairness and respect",
            "good",
        ),
        (
            "leicestershire",
            "question",
            "how well it ensures its workforce behaves ethically and lawfully",
            "good",
        ),
        ("leicestershire", "question", "treating its workforce with fairness and respect", "good"),
    ]


def test_repeated_statements_collapse_into_one_row_with_every_span(corpus: Corpus) -> None:
    rows = [r for r in corpus.grades() if r.document_id == "bedfordshire/2016/all/report"]
    efficiency = [r for r in rows if r.pillar == Pillar.EFFICIENCY]
    assert len(efficiency) == 1
    row = efficiency[0]
    # "The extent to which the force is efficient ... requires improvement", the grade line
    # under the headline question, and "... has been assessed as requires improvement ...".
    assert len(row.spans) == len(row.evidence) == len(row.judgement_ids) == 3
    text = (CORPUS / "raw/report/bedfordshire-peel-2016-force-overview-interim.txt").read_text(
        "utf-8"
    )
    for span, words in zip(row.spans, row.evidence, strict=True):
        assert " ".join(span.slice(text).split()) == " ".join(words.split())
    assert row.grade == Grade.REQUIRES_IMPROVEMENT
    assert "has been assessed as requires improvement" in row.sentence


def test_one_row_per_document_force_and_subject(corpus: Corpus) -> None:
    # A tally gives one subject several grades ("'requires improvement' in two areas,
    # 'adequate' in two areas and 'good' in two areas"): each grade is a row of its own.
    keys = Counter(
        (r.document_id, r.force.slug if r.force else None, r.level, r.pillar, r.subject, r.grade)
        for r in corpus.grades()
    )
    assert [key for key, n in keys.items() if n > 1] == []
    # Every judgement of the corpus is in exactly one row.
    stated = [i.id for e in corpus for i in e.items.judgements]
    rowed = [j for r in corpus.grades() for j in r.judgement_ids]
    assert sorted(rowed) == sorted(stated)


def test_a_page_of_releases_grades_each_force(corpus: Corpus) -> None:
    assert _cells(corpus, CITY_PAGE) == [
        ("city-of-london", "pillar", "effectiveness", "good"),
        ("city-of-london", "pillar", "efficiency", "good"),
        ("city-of-london", "pillar", "legitimacy", "requires_improvement"),
    ]
    # "HMIC has graded 1 force (Durham Constabulary) as outstanding"; the headline "Most
    # police forces are good at preventing crime ..." grades no one force.
    assert _cells(corpus, "national/2015/effectiveness/press") == [
        (None, "question", "preventing crime and anti-social behaviour", "good"),
        ("durham", "pillar", "effectiveness", "outstanding"),
    ]


def test_the_final_assessment_supersedes_the_interim(corpus: Corpus) -> None:
    interim = {r.subject: r.superseded_by for r in corpus.grades() if r.document_id == INTERIM}
    final = {r.subject: r.superseded_by for r in corpus.grades() if r.document_id == FINAL}
    # The interim page leaves effectiveness and legitimacy "not graded"; the final grades them.
    assert interim == {
        "effectiveness": FINAL,
        "efficiency": FINAL,
        "legitimacy": FINAL,
        # "judged to be good for its understanding of demand; its use of resources to manage
        # demand is judged to require improvement; and its planning for future demand is good":
        # the final page grades none of the three.
        "its understanding of demand": None,
        "its use of resources to manage demand": None,
        "its planning for future demand": None,
    }
    assert set(final.values()) == {None}
    # Documents of other forces or kinds never supersede each other.
    assert {r.superseded_by for r in corpus.grades()} == {None, FINAL}


def test_areas_from_2021(corpus: Corpus) -> None:
    rows = [r for r in corpus.grades() if r.document_id == "merseyside/2023/all/pcc"]
    assert {r.level for r in rows} == {"area"}
    assert ("Investigating crime", Grade.ADEQUATE) in {(r.subject, r.grade) for r in rows}


def test_grades_table_in_sqlite(database: sqlite3.Connection, corpus: Corpus) -> None:
    rows = database.execute(
        "SELECT id, force, pillar, grade, statements, superseded_by FROM grades "
        "WHERE level = 'pillar' AND force = 'northamptonshire' AND year = 2017 ORDER BY id"
    ).fetchall()
    assert rows == [
        (f"{INTERIM}#grade-1", "northamptonshire", "effectiveness", "not_graded", 2, FINAL),
        (f"{INTERIM}#grade-2", "northamptonshire", "efficiency", "good", 2, FINAL),
        (f"{INTERIM}#grade-3", "northamptonshire", "legitimacy", "not_graded", 1, FINAL),
        (f"{FINAL}#grade-1", "northamptonshire", "effectiveness", "requires_improvement", 1, None),
        (f"{FINAL}#grade-2", "northamptonshire", "efficiency", "good", 1, None),
        (f"{FINAL}#grade-3", "northamptonshire", "legitimacy", "requires_improvement", 1, None),
    ]
    count = database.execute("SELECT count(*) FROM grades").fetchone()[0]
    assert count == len(corpus.grades())


# -- peelparse grades ------------------------------------------------------------------------


def test_grades_command_csv_jsonl_and_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], corpus: Corpus
) -> None:
    paths = [str(p) for p in SEEDS]
    assert main(["--no-autoload", "grades", *paths]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["document_id"], r["subject"], r["grade"]) for r in rows][:2] == [
        (PRESS_2016, "legitimacy", "good"),
        (LETTER, "legitimacy", "good"),
    ]
    assert len(rows) == 7  # the 2016 release 1, the letter 2, the 2017 report 4

    out = tmp_path / "grades.jsonl"
    assert main(["--no-autoload", "grades", *paths, "--to", "jsonl", "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [line["id"] for line in lines] == [r["id"] for r in rows]
    assert lines[0]["spans"] == [{"start": 2, "end": 99, "line": 3, "end_line": 3}]

    db = tmp_path / "grades.db"
    assert main(["--no-autoload", "grades", *paths, "--to", "sqlite", "-o", str(db)]) == 0
    with sqlite3.connect(db) as connection:
        written = connection.execute("SELECT id, grade FROM grades ORDER BY id").fetchall()
    assert written == [(r["id"], r["grade"]) for r in rows]
    assert main(["grades", *paths, "--to", "sqlite"]) == 2


def test_a_later_dated_document_supersedes_an_earlier_one(corpus: Corpus) -> None:
    # Kent's 2017 legitimacy report as two pages; only the first is dated. Given dates, the
    # later page supersedes the subjects both grade, and never the other way round.
    first, second = "kent/2017/legitimacy/report-23449b67", "kent/2017/legitimacy/report-80639c5a"
    rows = [r for r in corpus.grades() if r.document_id in (first, second)]
    undated = {r.id: r.superseded_by for r in supersede(rows, {first: "2017-12-12"})}
    assert set(undated.values()) == {None}
    dated = list(supersede(rows, {first: "2017-12-12", second: "2018-02-01"}))
    assert [(r.document_id, r.subject[:19], r.superseded_by) for r in dated] == [
        (first, "legitimacy", None),  # the second page has no headline grade
        (first, "treating the people", second),
        (first, "ensuring its workfo", second),  # "ensuring that its workforce ..."
        (first, "treating its workfo", None),
        (second, "treating the people", None),
        (second, "ensuring that its w", None),
    ]
