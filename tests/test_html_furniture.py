"""An HTML page's furniture (navigation, page header and footer, cookie banners,
breadcrumbs) is set aside by what the markup says, and the title is the first ``<h1>``."""

from __future__ import annotations

import pytest

import peelparse_html
from conftest import SEEDS
from peelparse import Parser
from peelparse.testing import assert_lossless

SEED = SEEDS[0]
TITLE = SEED.read_text("utf-8").splitlines()[0]


def reading(body: str, title: str = "A site") -> tuple[list[str], dict[str, str]]:
    """The lines of a page with this body, and each furniture line's reason."""
    page = f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"
    found = peelparse_html.peelparse_read(page.encode("utf-8"), "page.html")
    assert found is not None
    lines = found.text.split("\n")
    return lines, {lines[number - 1]: reason for number, reason in found.furniture}


@pytest.mark.parametrize(
    ("markup", "line", "reason"),
    [
        ("<nav><ul><li>Our work</li></ul></nav>", "• Our work", "navigation"),
        ("<div role='navigation'><p>Our work</p></div>", "Our work", "navigation"),
        ("<header><p>HM Inspectorate</p></header>", "HM Inspectorate", "page header"),
        ("<div role='banner'><p>HM Inspectorate</p></div>", "HM Inspectorate", "page header"),
        ("<footer><p>Crown copyright</p></footer>", "Crown copyright", "page footer"),
        ("<div role='contentinfo'><p>Crown copyright</p></div>", "Crown copyright", "page footer"),
        (
            "<div class='govuk-cookie-banner'><p>We use some essential cookies</p></div>",
            "We use some essential cookies",
            "cookie banner",
        ),
        ("<section id='cookieConsent'><p>Accept all</p></section>", "Accept all", "cookie banner"),
        (
            "<nav aria-label='Breadcrumb'><ol><li>Home</li><li>PEEL</li></ol></nav>",
            "• PEEL",
            "breadcrumb",
        ),
        ("<ol class='breadcrumbs'><li>Kent</li></ol>", "• Kent", "breadcrumb"),
    ],
)
def test_page_furniture_is_marked(markup: str, line: str, reason: str) -> None:
    lines, furniture = reading(f"{markup}<main><h1>Kent PEEL 2017</h1><p>Text.</p></main>")
    assert line in lines, "furniture keeps its words"
    assert furniture[line] == reason
    assert "Text." not in furniture and "Kent PEEL 2017" not in furniture


@pytest.mark.parametrize(
    "markup",
    [
        "<main><header><p>Published 12 December 2017</p></header><h1>Kent</h1></main>",
        "<article><footer><p>Published 12 December 2017</p></footer><h1>Kent</h1></article>",
        "<section><div role='banner'><p>Published 12 December 2017</p></div></section>",
        "<div class='content'><p>Published 12 December 2017</p></div>",
    ],
)
def test_an_articles_own_header_and_footer_are_content(markup: str) -> None:
    _, furniture = reading(markup)
    assert "Published 12 December 2017" not in furniture


def test_the_first_heading_is_never_furniture() -> None:
    lines, furniture = reading("<header><h1>Kent PEEL 2017</h1><p>HMICFRS</p></header>")
    assert "Kent PEEL 2017" in lines and "Kent PEEL 2017" not in furniture
    assert furniture["HMICFRS"] == "page header"


def test_the_title_is_the_first_heading_and_the_title_element_is_furniture() -> None:
    lines, furniture = reading("<h1>Kent PEEL 2017</h1>", title="Kent | HMICFRS")
    assert lines[0] == "Kent | HMICFRS" and furniture["Kent | HMICFRS"] == "page title"
    lines, furniture = reading("<p>No heading here</p>", title="Kent | HMICFRS")
    assert lines[0] == "Kent | HMICFRS" and not furniture


def _page(title: str) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in SEED.read_text("utf-8").splitlines()[1:])
    return (
        "<!doctype html><html><head>"
        f"<title>{title}</title></head><body>"
        "<div class='cookie-banner'><p>Cookies on this site</p><p>Accept additional cookies</p>"
        "</div><header><p>HM Inspectorate of Constabulary</p>"
        "<nav><ul><li>Home</li><li>Publications</li></ul></nav></header>"
        "<nav aria-label='breadcrumb'><ol><li>Home</li><li>PEEL 2016</li></ol></nav>"
        f"<main><h1>{TITLE}</h1>{body}</main>"
        "<footer><p>Follow us</p><p>Crown copyright 2016</p></footer></body></html>"
    ).encode()


def test_a_report_page_parses_as_its_text(readers: Parser) -> None:
    page = _page("Police legitimacy 2016 | Publications | HM Inspectorate")
    document = readers.parse(page)
    plain = readers.parse(SEED)
    assert (document.kind, document.title) == (plain.kind, TITLE)
    assert (document.force, document.year, document.pillar) == (
        plain.force,
        plain.year,
        plain.pillar,
    )
    reasons = {u.text: u.reason for u in document.unclassified}
    assert reasons["Accept additional cookies"] == "furniture: cookie banner"
    assert reasons["• PEEL 2016"] == "furniture: breadcrumb"
    assert reasons["Crown copyright 2016"] == "furniture: page footer"
    assert_lossless(document, readers.read(page).text)


@pytest.fixture(scope="module")
def readers() -> Parser:
    return Parser(autoload=False)
