"""Output a person can use: one JSON value, diagnostics clear of the progress bar, errors
that name the right remedy, folders made only when asked, and forces kept apart from
"national"."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image

from conftest import SEEDS, corpus_files
from peelparse import Corpus, InputError, Parser
from peelparse._cli import main

# -- several documents are one JSON array --------------------------------------------------


def test_several_documents_in_json_are_one_array(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS[0]), str(SEEDS[1])]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["kind"] for d in documents] == ["inspection_report", "press_release"]


def test_a_glob_of_one_file_is_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS[0])]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "inspection_report"


def test_the_array_holds_what_was_read_when_a_file_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["parse", str(empty), str(SEEDS[1])]) == 1
    assert [d["kind"] for d in json.loads(capsys.readouterr().out)] == ["press_release"]
    assert main(["parse", str(empty), str(empty)]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_jsonl_stays_one_document_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "jsonl", str(SEEDS[0]), str(SEEDS[1])]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["inspection_report", "press_release"]


# -- diagnostics above the progress bar ------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_diagnostics_go_above_the_progress_bar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut = tmp_path / "cut.txt"
    cut.write_text(SEEDS[2].read_text("utf-8")[:3000], "utf-8")  # stops mid-sentence: PP203
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("TQDM_MININTERVAL", "0")  # the bar is drawn again after every document
    assert main(["parse", "--format", "jsonl", *map(str, SEEDS), str(cut), *map(str, SEEDS)]) == 0
    written = terminal.getvalue()
    assert "it/s" in written or "doc/s" in written, "a progress bar was drawn"
    diagnostic_lines = [line for line in written.split("\n") if " PP2" in line]
    assert any(f"{cut}:" in line for line in diagnostic_lines)
    for line in diagnostic_lines:
        # What the terminal shows of the line: the text after the last carriage return.
        shown = line.split("\r")[-1]
        assert shown.startswith((f"{cut}:", str(SEEDS[0].parent))), repr(line)


# -- the binary-data error names an extra only when a reader's library is missing -------------


def test_binary_data_names_no_extra(tmp_path: Path) -> None:
    image = tmp_path / "photo.txt"
    image.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(InputError) as caught:
        Parser(autoload=False).parse(image)
    assert caught.value.code == "PP102"
    assert "extra" not in caught.value.message and "pip install" not in caught.value.message


def test_a_pdf_no_plugin_reads_is_called_a_pdf(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(40, 10, "PEEL 2017")
    pdf.image(Image.effect_noise((160, 160), 90), x=20, y=30, w=80)  # a compressed, binary stream
    path = tmp_path / "report.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(InputError) as caught:
        Parser(autoload=False, block=["pdf_reader"]).parse(path)
    assert caught.value.code == "PP102"
    assert "no loaded plugin reads PDF" in caught.value.message
    assert "extra" not in caught.value.message


# -- export into a folder that is not there ----------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "out"),
    [("sqlite", "new/peel.db"), ("csv", "new/tables"), ("jsonl", "new/peel.jsonl")],
)
def test_export_into_a_missing_folder_needs_mkdir(
    fmt: str, out: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / out
    assert main(["export", str(SEEDS[0]), "--to", fmt, str(target)]) == 2
    assert "does not exist; give --mkdir (-p)" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()
    for flag in ("--mkdir", "-p"):
        assert main(["export", str(SEEDS[0]), "--to", fmt, flag, str(target)]) == 0
        assert target.exists()


# -- "national" is not "force not found" --------------------------------------------------------

NO_FORCE_NAMED = """Response to the HMICFRS PEEL 2017 legitimacy inspection

Dear Sir Thomas,

Thank you for your report on the legitimacy of the force, published in December 2017.

I welcome the inspectorate's finding that the force is good at treating the people it serves
with fairness and respect.

Area for improvement: The force should ensure that it complies with national guidelines for
vetting.

The Chief Constable has put in place a plan to address this.

Yours sincerely,

Police and Crime Commissioner
"""
"""A commissioner's letter that never names its force (written for this test)."""


def _corpus_file(name: str) -> Path:
    (found,) = [path for path in corpus_files() if path.name == name]
    return found


@pytest.mark.parametrize(
    ("source", "key"),
    [
        (NO_FORCE_NAMED, "unknown-force"),
        ("Shopping list\nEggs\nMilk\n", "unknown-force"),
        (_corpus_file("national-peel-effectiveness-2015-press.txt"), "national"),
        (_corpus_file("national-peel-effectiveness-2016-force-press-releases.txt"), "national"),
        (_corpus_file("national-peel-spotlight-2018-19-group-2-report.txt"), "national"),
        (SEEDS[3], "leicestershire"),
    ],
    ids=[
        "letter naming no force",
        "not a PEEL text",
        "national release",
        "several forces",
        "spotlight report",
        "one force",
    ],
)
def test_national_and_force_not_found_are_kept_apart(
    source: str | Path, key: str, parser: Parser
) -> None:
    document = parser.parse(source) if isinstance(source, Path) else parser.parse_text(source)
    corpus = Corpus([document], parser=parser)
    (entry,) = corpus
    assert entry.id.split("/")[0] == key
    assert corpus.summary()["force"] == {key: 1}
    assert corpus.select(force=key) == (entry,)
    other = "national" if key != "national" else "unknown-force"
    assert corpus.select(force=other) == ()
    # The key survives a round trip through JSON.
    (again,) = Corpus([parser.from_json(parser.to_json(document))], parser=parser)
    assert again.id == entry.id


def test_not_found_is_a_note_on_the_document(parser: Parser) -> None:
    document = parser.parse_text(NO_FORCE_NAMED)
    assert document.force is None
    assert [(d.code, str(d.severity)) for d in document.diagnostics] == [("PP205", "info")]


@pytest.mark.parametrize(
    ("slug", "closest"),
    [
        ("leicestershre", "leicestershire"),
        ("Leicestershire", "leicestershire"),
        ("nationl", "national"),
        ("met", "metropolitan"),
        ("zzzz", None),
        ("avon-somerset", "avon-and-somerset"),
    ],
)
def test_select_rejects_an_unknown_force_with_the_closest(
    slug: str, closest: str | None, parser: Parser
) -> None:
    corpus = Corpus([parser.parse(SEEDS[0])], parser=parser)
    with pytest.raises(InputError) as caught:
        corpus.select(force=slug)
    assert caught.value.code == "PP112"
    if closest is not None:
        assert f"did you mean {closest!r}?" in caught.value.message
    else:
        assert "the slugs are: " in caught.value.message
        assert "metropolitan" in caught.value.message


def test_select_of_a_force_with_no_documents_is_empty(parser: Parser) -> None:
    corpus = Corpus([parser.parse(SEEDS[0])], parser=parser)
    assert corpus.select(force="kent") == ()
