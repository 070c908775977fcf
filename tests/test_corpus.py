"""The corpus: stable IDs, indexes, copies, failures and the ``peelparse corpus`` command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEEDS, corpus_files
from peelparse import Corpus, Parser, Pillar
from peelparse._cli import main
from peelparse._ids import AnswerItem, FindingItem, JudgementItem, document_key


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_paths(SEEDS, autoload=False)


def ids_by_name(corpus: Corpus) -> dict[str, str]:
    return {Path(path).name: entry.id for entry in corpus for path in entry.paths}


def test_documents_get_ids_from_what_they_say(seeds: Corpus) -> None:
    ids = ids_by_name(seeds)
    assert ids[SEEDS[0].name] == "leicestershire/2016/legitimacy/report"
    assert ids[SEEDS[2].name] == "leicestershire/2017/legitimacy/report"
    assert ids[SEEDS[3].name] == "leicestershire/2017/legitimacy/pcc"
    assert ids[SEEDS[4].name] == "lancashire/2016/legitimacy/report"
    press = seeds[ids[SEEDS[1].name]].document
    assert ids[SEEDS[1].name] == document_key(press)
    assert ids[SEEDS[1].name].startswith("leicestershire/")
    assert [entry.id for entry in seeds] == sorted(ids.values())


def test_findings_are_numbered_in_document_order(seeds: Corpus) -> None:
    entry = seeds["leicestershire/2016/legitimacy/report"]
    findings = entry.items.findings
    assert [item.id for item in findings] == [
        f"leicestershire/2016/legitimacy/report#afi-{n}" for n in range(1, 6)
    ]
    assert findings[1].finding.text.startswith("The force should ensure it complies")
    assert findings[1].question == (
        "How well does the force ensure that its workforce behaves ethically and lawfully?"
    )
    letter = seeds["leicestershire/2017/legitimacy/pcc"].items.answers
    assert [(a.id, a.number) for a in letter] == [
        ("leicestershire/2017/legitimacy/pcc#rec-1", "1"),
        ("leicestershire/2017/legitimacy/pcc#rec-2", "2"),
    ]
    assert letter[0].response[0].text.startswith("In response, guidance has been developed")


def test_items_are_found_by_id(seeds: Corpus) -> None:
    assert isinstance(seeds.item("leicestershire/2016/legitimacy/report#afi-3"), FindingItem)
    assert isinstance(seeds.item("leicestershire/2017/legitimacy/pcc#rec-2"), AnswerItem)
    judgement = seeds.item("leicestershire/2017/legitimacy/report#judgement-1")
    assert isinstance(judgement, JudgementItem) and judgement.judgement.headline
    with pytest.raises(KeyError):
        seeds.item("leicestershire/2016/legitimacy/report#afi-6")
    with pytest.raises(KeyError):
        seeds["kent/2016/legitimacy/report"]


def test_ids_and_links_survive_renaming_and_moving(seeds: Corpus, tmp_path: Path) -> None:
    for n, seed in enumerate(reversed(SEEDS)):
        folder = tmp_path / f"moved-{n}" / "deeper"
        folder.mkdir(parents=True)
        shutil.copy(seed, folder / f"renamed-{n}.md")
    moved = Corpus.from_paths([tmp_path], autoload=False)
    assert [e.id for e in moved] == [e.id for e in seeds]
    assert moved.links == seeds.links
    assert all(p.startswith(str(tmp_path)) for e in moved for p in e.paths)


def test_the_same_ids_with_several_processes(seeds: Corpus) -> None:
    parallel = Corpus.from_paths(SEEDS, jobs=2, autoload=False)
    assert [e.id for e in parallel] == [e.id for e in seeds]
    assert parallel.links == seeds.links


def test_copies_of_one_text_are_one_document(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b" / "a-copy.txt"
    second.parent.mkdir()
    shutil.copy(SEEDS[0], first)
    shutil.copy(SEEDS[0], second)
    corpus = Corpus.from_paths([first, second], autoload=False)
    (entry,) = corpus.entries
    assert entry.id == "leicestershire/2016/legitimacy/report"
    assert entry.paths == (str(first), str(second))


def test_documents_with_the_same_key_get_their_digest(tmp_path: Path) -> None:
    text = SEEDS[0].read_text("utf-8")
    (tmp_path / "page.txt").write_text(text, "utf-8")
    (tmp_path / "page-again.txt").write_text(text + "\n\n", "utf-8")
    corpus = Corpus.from_paths([tmp_path], autoload=False)
    assert len(corpus) == 2
    for entry in corpus:
        assert entry.document.source is not None
        digest = entry.document.source.sha256[:8]
        assert entry.id == f"leicestershire/2016/legitimacy/report-{digest}"
        assert entry.items.findings[0].id == f"{entry.id}#afi-1"
    # Both pages of one report are followed the same way by the 2017 report.
    corpus = Corpus.from_paths([tmp_path, SEEDS[2]], autoload=False)
    followed = [link for link in corpus.links if link.relation == "followed_by"]
    assert len(followed) == 4
    assert {link.target_id for link in followed} == {"leicestershire/2017/legitimacy/report"}


def test_two_pages_of_one_corpus_report_are_told_apart() -> None:
    kent = [p for p in corpus_files("report") if p.name.startswith("kent-peel-2017")]
    corpus = Corpus.from_paths(kent, autoload=False)
    assert len(corpus) == 2
    for entry in corpus:
        assert entry.document.source is not None
        digest = entry.document.source.sha256[:8]
        assert entry.id == f"kent/2017/legitimacy/report-{digest}"


def test_indexes_and_select(seeds: Corpus) -> None:
    assert [e.id for e in seeds.by_force["leicestershire"]] == [
        e.id for e in seeds if e.id.startswith("leicestershire/")
    ]
    assert len(seeds.by_force["leicestershire"]) == 4
    assert [e.id for e in seeds.by_kind["inspection_report"]] == [
        "lancashire/2016/legitimacy/report",
        "leicestershire/2016/legitimacy/report",
        "leicestershire/2017/legitimacy/report",
    ]
    assert {e.id for e in seeds.by_year[2017]} >= {
        "leicestershire/2017/legitimacy/report",
        "leicestershire/2017/legitimacy/pcc",
    }
    assert len(seeds.by_pillar[Pillar.LEGITIMACY]) == 5
    assert [e.id for e in seeds.select(force="leicestershire", year=2017, kind="pcc_response")] == [
        "leicestershire/2017/legitimacy/pcc"
    ]
    assert seeds.select(force="lancashire", year=2017) == ()
    assert seeds.select(pillar="legitimacy") == seeds.entries
    assert "lancashire/2016/legitimacy/report" in seeds
    assert seeds.documents == tuple(e.document for e in seeds)


def test_summary_counts(seeds: Corpus) -> None:
    summary = seeds.summary()
    assert summary["kind"] == {"inspection_report": 3, "pcc_response": 1, "press_release": 1}
    assert summary["force"] == {"lancashire": 1, "leicestershire": 4}
    assert summary["relation"] == {
        "announces": 1,
        "answers": 2,
        "followed_by": 2,
        "responds_to": 1,
    }
    assert sum(summary["method"].values()) == len(seeds.links) == 6


def test_links_from_and_to_an_item_or_a_document(seeds: Corpus) -> None:
    letter = "leicestershire/2017/legitimacy/pcc"
    assert len(seeds.links_from(letter)) == 3
    assert [link.source_id for link in seeds.links_from(f"{letter}#rec-2")] == [f"{letter}#rec-2"]
    into = seeds.links_to("leicestershire/2017/legitimacy/report")
    assert {link.relation for link in into} == {"answers", "followed_by", "responds_to"}


def test_a_corpus_of_records(seeds: Corpus) -> None:
    parser = Parser(autoload=False)
    built = Corpus([parser.parse(seed) for seed in SEEDS], parser=parser)
    assert [e.id for e in built] == [e.id for e in seeds]
    assert built.links == seeds.links
    assert all(e.paths == () for e in built)
    assert len(Corpus()) == 0 and Corpus().links == ()


def test_files_that_fail_are_kept_as_failures(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    corpus = Corpus.from_paths([empty, SEEDS[0]], autoload=False)
    assert len(corpus) == 1
    (failure,) = corpus.failures
    assert (failure.path, failure.code) == (str(empty), "PP101")
    assert "1 failed" in repr(corpus)


def test_corpus_command_summarises(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", *map(str, SEEDS), "--links"]) == 0
    out = capsys.readouterr().out
    assert "documents: 5 (0 failed)" in out
    assert "by force: lancashire 1, leicestershire 4" in out
    assert "links: 6" in out
    assert "by method: exact 2, metadata 2, sentence 2" in out
    assert (
        "leicestershire/2017/legitimacy/pcc#rec-1\tanswers\t"
        "leicestershire/2017/legitimacy/report#afi-1\texact\t1.00\t-\t" in out
    )


def test_corpus_command_fails_when_a_file_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["corpus", str(empty), str(SEEDS[0])]) == 1
    captured = capsys.readouterr()
    assert f"{empty}:1:1: PP101 error" in captured.err
    assert "documents: 1 (1 failed)" in captured.out
