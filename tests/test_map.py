"""The grades map: its HTML, and the page as headless Chromium renders it (colours, legend,
details on click, phone width, print)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import CORPUS, SEEDS
from peelparse import Corpus, Grade, Role
from peelparse._cli import main
from peelparse._grades import document_date
from peelparse._map import COLOURS, grid, render, roles, write_map

BROWSERS = ("chromium", "chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# Written into a copy of the page only: it records what the browser computed, so that
# --dump-dom shows it. The page itself has no script.
PROBE = """<script>
window.addEventListener("load", () => {
for (const el of document.querySelectorAll("td.cell, .legend .swatch, section.detail")) {
  const style = getComputedStyle(el);
  el.setAttribute("data-bg", style.backgroundColor);
  el.setAttribute("data-display", style.display);
}
document.body.setAttribute("data-scroll-width", document.documentElement.scrollWidth);
document.body.setAttribute("data-inner-width", window.innerWidth);
});
</script>"""


def _chromium() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "headless Chromium is not installed (looked for chromium and chromium-browser on PATH, "
        "e.g. /usr/bin/chromium): scripts/ci-install-chromium.sh installs it"
    )


def _run(browser: str, *arguments: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *arguments],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    return done.stdout


def _rgb(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_paths(SEEDS, autoload=False)


@pytest.fixture(scope="module")
def everything() -> Corpus:
    return Corpus.from_paths([*SEEDS, CORPUS / "raw"], autoload=False)


@pytest.fixture(scope="module")
def pages(everything: Corpus, seeds: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("map")
    for name, corpus in (("all", everything), ("seeds", seeds)):
        write_map(corpus, folder / f"{name}.html")
        page = (folder / f"{name}.html").read_text("utf-8")
        probed = page.replace("</body>", PROBE + "\n</body>")
        (folder / f"{name}-probe.html").write_text(probed, "utf-8")
    return folder


def _dom(browser: str, page: Path, width: int = 1280, fragment: str = "") -> lxml_html.HtmlElement:
    dumped = _run(browser, f"--window-size={width},900", "--dump-dom", page.as_uri() + fragment)
    return lxml_html.fromstring(dumped)


# -- the page as written ---------------------------------------------------------------------


def test_the_page_is_self_contained(everything: Corpus) -> None:
    page = render(everything)
    assert "<script" not in page
    assert not re.search(r"""\b(?:src|srcset)\s*=|@import|url\(|https?://""", page)
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//meta[@name='viewport']")
    assert "@media print" in page and "@media (max-width" in page


def test_every_cell_is_the_grade_of_its_rows(everything: Corpus) -> None:
    tree = lxml_html.fromstring(render(everything))
    dates = {e.id: document_date(e.document) for e in everything}
    columns, cells = grid(everything.grades(), dates, roles(everything))
    forces = tree.xpath("//table[@class='grid']/tbody/tr")
    assert len(tree.xpath("//td[contains(@class, 'cell')]")) == len(forces) * len(columns)
    graded = tree.xpath("//td[contains(@class, 'cell') and @data-grade != '']")
    assert len(graded) == len(cells)
    for td in graded:
        (cell,) = (
            c
            for (slug, column), c in cells.items()
            if slug == td.get("data-force")
            and column.year == int(td.get("data-year"))
            and column.key == td.get("data-subject")
        )
        assert td.get("data-grade") == str(cell.shown.grade)
        assert td.get("data-document") == cell.shown.document_id
        anchor = td.xpath("./a/@href")[0].lstrip("#")
        (detail,) = tree.xpath(f"//section[@id='{anchor}']")
        assert cell.shown.sentence in detail.text_content()


def test_the_seeds_cells_as_the_seed_texts_state_them(seeds: Corpus) -> None:
    tree = lxml_html.fromstring(render(seeds))
    cells = {
        (td.get("data-force"), td.get("data-year"), td.get("data-subject")): (
            td.get("data-grade"),
            td.get("data-document"),
        )
        for td in tree.xpath("//td[contains(@class, 'cell')]")
    }
    assert cells == {
        # seed 001: "Leicestershire Police judged as 'good' at how legitimately ..."; the 2016
        # report (seed 000) states no grade.
        ("leicestershire", "2016", "legitimacy"): ("good", "leicestershire/2016/legitimacy/press"),
        # seed 002: "Leicestershire Police is judged to be good at how legitimately ...", and
        # the 2018 letter (seed 003) quotes "an overall rating of 'Good'".
        ("leicestershire", "2017", "legitimacy"): (
            "good",
            "leicestershire/2017/legitimacy/report",
        ),
        # seed 004 (Lancashire 2016) states no grade.
        ("lancashire", "2016", "legitimacy"): ("", None),
        ("lancashire", "2017", "legitimacy"): ("", None),
    }
    detail = tree.xpath("//td[@data-year='2017' and @data-force='leicestershire']/a/@href")[0]
    (section,) = tree.xpath(f"//section[@id='{detail.lstrip('#')}']")
    text = section.text_content()
    assert "Leicestershire Police is judged to be good at how legitimately" in text
    assert "overall rating of 'Good'" in text
    # Its two areas for improvement, each with the 2018 letter's answer.
    assert "In response, guidance has been developed" in text
    assert "In response, processes are being updated" in text
    assert section.xpath(".//a[@href='#response-leicestershire-2017-legitimacy-pcc']")
    assert tree.xpath("//section[@id='response-leicestershire-2017-legitimacy-pcc']")


# -- the page in Chromium --------------------------------------------------------------------


def test_chromium_renders_cells_colours_and_legend(pages: Path, everything: Corpus) -> None:
    browser = _chromium()
    tree = _dom(browser, pages / "all-probe.html")
    cells = tree.xpath("//td[contains(@class, 'cell')]")
    assert cells
    for td in cells:
        grade = td.get("data-grade")
        want = _rgb(COLOURS[Grade(grade)][0]) if grade else "rgb(255, 255, 255)"
        assert td.get("data-bg") == want, (td.get("data-force"), td.get("data-year"), grade)
    swatches = tree.xpath("//ul[@class='legend']//span[@data-grade]")
    assert [s.get("data-grade") for s in swatches] == [str(g) for g in Grade]
    assert [s.get("data-bg") for s in swatches] == [_rgb(COLOURS[g][0]) for g in Grade]
    # Details are hidden until a cell is chosen.
    assert {s.get("data-display") for s in tree.xpath("//section")} == {"none"}


def test_chromium_shows_a_cells_details_when_chosen(pages: Path) -> None:
    browser = _chromium()
    tree = _dom(browser, pages / "seeds-probe.html", fragment="#cell-2")
    shown = [s.get("id") for s in tree.xpath("//section") if s.get("data-display") == "block"]
    assert shown == ["cell-2"]


@pytest.mark.parametrize("width", [390, 1280])
def test_chromium_fits_a_phone_and_a_desktop(pages: Path, width: int) -> None:
    browser = _chromium()
    body = _dom(browser, pages / "all-probe.html", width=width).xpath("//body")[0]
    # The grid scrolls in its own box; the page itself never scrolls sideways.
    assert int(body.get("data-scroll-width")) <= int(body.get("data-inner-width"))


def test_chromium_screenshot_and_print(pages: Path) -> None:
    browser = _chromium()
    shots = Path(tempfile.mkdtemp(prefix="peelparse-map-"))
    for name, width in (("desktop", 1280), ("phone", 390)):
        shot = shots / f"{name}.png"
        _run(
            browser,
            f"--window-size={width},900",
            f"--screenshot={shot}",
            (pages / "all.html").as_uri(),
        )
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert shot.stat().st_size > 10_000
    pdf = shots / "grades.pdf"
    _run(
        browser, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (pages / "seeds.html").as_uri()
    )
    from pypdf import PdfReader

    printed = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    # In print every cell's details follow the grid.
    assert "judged to be good at how legitimately" in " ".join(printed.split())
    print(f"screenshots and print in {shots}")


# -- peelparse map ---------------------------------------------------------------------------


def test_map_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "grades.html"
    assert main(["--no-autoload", "map", *map(str, SEEDS), "-o", str(out)]) == 0
    tree = lxml_html.fromstring(out.read_text("utf-8"))
    assert len(tree.xpath("//td[contains(@class, 'g-good')]")) == 2
    assert "7 grades" in capsys.readouterr().err
    # File links are relative to the page, so the folder can be moved with the documents.
    hrefs = tree.xpath("//p[@class='document']/a/@href")
    assert hrefs and all(not h.startswith(("/", "file:")) for h in hrefs)
    assert all((tmp_path / h).resolve().exists() for h in hrefs)
    assert os.path.isabs(str(out))


def test_a_cell_shows_the_row_whose_kind_has_the_first_role(everything: Corpus) -> None:
    dates = {e.id: document_date(e.document) for e in everything}
    kinds = roles(everything)
    _columns, cells = grid(everything.grades(), dates, kinds)
    order = {Role.REPORT: 0, Role.ANNOUNCEMENT: 1, Role.RESPONSE: 2}
    mixed = [c for c in cells.values() if len({kinds[r.kind] for r in c.rows}) > 1]
    assert mixed, "the corpus has cells graded by documents of several roles"
    for cell in mixed:
        current = [r for r in cell.rows if r.superseded_by is None]
        best = min(order.get(kinds[r.kind], 3) for r in current)
        assert order.get(kinds[cell.shown.kind], 3) == best
    # The role decides, not the kind's tag: with no roles, the latest document is shown.
    _columns, unranked = grid(everything.grades(), dates, {})
    assert any(unranked[where].shown != cell.shown for where, cell in cells.items())


def test_a_statement_names_its_kind_as_a_person_reads_it(everything: Corpus) -> None:
    page = render(everything)
    assert ">PCC response: " in page and ">Inspection report: " in page
    assert ">Pcc response" not in page
