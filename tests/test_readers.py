"""The HTML and PDF readers: pages and PDFs made here from seed 000 parse to the records of the
text seed, and every bad input gives a coded error."""

from __future__ import annotations

import functools
import html
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fpdf import FPDF
from fpdf.enums import EncryptionMethod
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

import peelparse_html
import peelparse_pdf
from conftest import SEEDS
from peelparse import Document, InputError, Parser
from peelparse.testing import assert_lossless
from peelparse_pdf.layout import Run, to_text

SEED = next(path for path in SEEDS if path.name.startswith("000_"))
READERS = (peelparse_html, peelparse_pdf)
UNCOMPARED = {"span", "source", "detection", "diagnostics", "unclassified"}


@pytest.fixture(scope="module")
def readers() -> Parser:
    """The built-in plugins with both readers, whether or not they are installed as entry
    points yet (registering an installed plugin a second time is an error)."""
    parser = Parser(autoload=False)
    loaded = parser.plugin_manager.get_plugins()
    missing = [module for module in READERS if module not in loaded]
    return Parser(missing, autoload=False) if missing else parser


def _records(parser: Parser, document: Document) -> Any:
    """The document's JSON less everything that depends on where the text came from."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                key: strip(item)
                for key, item in value.items()
                if key not in UNCOMPARED and not key.endswith("_span")
            }
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return strip(parser.to_dict(document))


def _seed_blocks() -> Iterator[tuple[str, str]]:
    """Seed 000 line by line, with the part each line plays in a page."""
    for number, line in enumerate(SEED.read_text("utf-8").splitlines()):
        if number == 0:
            yield "title", line
        elif line == "Legitimacy" or line.endswith("?"):
            yield "heading", line
        elif line == "Areas for improvement":
            yield "subheading", line
        elif line.startswith("- "):
            yield "bullet", line[2:]
        elif line.strip():
            yield "paragraph", line


# -- building an HTML page ------------------------------------------------------------------


def seed_page() -> bytes:
    """Seed 000 as a saved web page: furniture around it, markup that wraps its source
    lines, a script, a style and a title the heading repeats."""
    tags = {"title": "h1", "heading": "h2", "subheading": "h3", "paragraph": "p"}
    body: list[str] = []
    in_list = False
    for part, text in _seed_blocks():
        words = html.escape(text, quote=False)
        if part == "bullet":
            if not in_list:
                body.append("<ul class='afi'>")
                in_list = True
            body.append(f"  <li>{words}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if part == "paragraph":
            first, _, rest = words.partition(" ")
            words = f"<strong>{first}</strong>&nbsp;" + textwrap.fill(rest, 70)
        body.append(f"<{tags[part]}>{words}</{tags[part]}>")
    if in_list:
        body.append("</ul>")
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Leicestershire PEEL 2016</title>
  <style>body {{ font-family: sans-serif; }}</style>
  <script>window.dataLayer = [];</script>
</head>
<body>
  <nav><a href="#main">Skip to content</a></nav>
  <main id="main">
{chr(10).join(body)}
  </main>
  <footer><p>Rate this page</p><script>track("footer");</script></footer>
</body>
</html>
"""
    return page.encode("utf-8")


# -- building a PDF -------------------------------------------------------------------------


def box_font(text: str, folder: Path) -> Path:
    """A TrueType font with a glyph for every character of ``text``, drawn as boxes: an
    embedded Unicode font that every machine can make."""
    codepoints = sorted({ord(ch) for ch in text if not ch.isspace()} | {0x20})
    names = [".notdef", *(f"u{cp:04X}" for cp in codepoints)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({cp: f"u{cp:04X}" for cp in codepoints})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        if name != "u0020":
            pen.moveTo((50, 0))
            pen.lineTo((50, 700))
            pen.lineTo((450, 700))
            pen.lineTo((450, 0))
            pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (250 if name == "u0020" else 500, 50) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Boxes", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    path = folder / "boxes.ttf"
    builder.save(str(path))
    return path


class _NumberedPages(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(self.font_family, "", 8)
        self.cell(0, 5, f"Page {self.page_no()}", align="C")


def seed_pdf(folder: Path | None, font: str) -> bytes:
    """Seed 000 as a PDF: headings in larger type, paragraphs wrapped at 120 mm with space
    between blocks, bullets hanging in front of their text, page numbers in the footer.
    ``font`` is "embedded" (a TrueType font, Unicode text) or "standard" (Helvetica with the
    Windows Latin-1 encoding, which has every character the seed uses)."""
    pdf = _NumberedPages(format="A4")
    if font == "embedded":
        assert folder is not None, "an embedded font is written to a folder first"
        pdf.add_font("Boxes", "", box_font(SEED.read_text("utf-8") + "• Page 0123456789", folder))
        family, bold = "Boxes", ""
    else:
        pdf.core_fonts_encoding = "windows-1252"
        family, bold = "Helvetica", "B"
    pdf.add_page()
    sizes = {"title": 16.0, "heading": 13.0, "subheading": 11.0, "paragraph": 10.0, "bullet": 10.0}
    for part, text in _seed_blocks():
        size = sizes[part]
        pdf.set_font(family, bold if part in ("title", "heading", "subheading") else "", size)
        height = size * 0.5  # millimetres: lines 1.4 times the font size apart
        if part == "bullet":
            pdf.cell(6, height, "•")
            pdf.multi_cell(114, height, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(120, height, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def blank_pdf(draw: str = "") -> FPDF:
    """A one-page PDF, blank or (``draw="image"``) holding only a picture, as a scan does."""
    pdf = FPDF()
    pdf.add_page()
    if draw == "image":
        pdf.image(Image.new("L", (40, 40), color=128), x=20, y=20, w=80)
    return pdf


# -- seed 000 through each reader -----------------------------------------------------------


def test_hook_read_html_page_gives_the_records_of_the_text(readers: Parser) -> None:
    data = seed_page()
    document = readers.parse(data)
    assert document.kind == "inspection_report"
    assert _records(readers, document) == _records(readers, readers.parse(SEED))
    assert document.source is not None
    assert (document.source.format, document.source.encoding) == ("html", "utf-8")
    assert [(u.text, u.reason) for u in document.unclassified] == [
        ("Skip to content", "furniture: navigation"),
        ("Rate this page", "furniture: page footer"),
    ]
    assert_lossless(document, readers.read(data).text)


@pytest.mark.parametrize("font", ["embedded", "standard"])
def test_hook_read_pdf_gives_the_records_of_the_text(
    readers: Parser, tmp_path: Path, font: str
) -> None:
    data = seed_pdf(tmp_path, font)
    document = readers.parse(data)
    assert document.kind == "inspection_report"
    assert _records(readers, document) == _records(readers, readers.parse(SEED))
    assert document.source is not None and document.source.format == "pdf"
    pages = {u.text for u in document.unclassified if u.reason == "furniture: page number"}
    assert pages == {"Page 1", "Page 2"}
    assert_lossless(document, readers.read(data).text)


def test_a_file_is_read_by_its_bytes_and_its_name_is_only_a_hint(
    readers: Parser, tmp_path: Path
) -> None:
    page = tmp_path / "saved.html"
    page.write_bytes(seed_page())
    assert readers.read(page).format == "html"
    fragment = b"<p>Leicestershire PEEL 2016</p>\n"
    (tmp_path / "fragment.htm").write_bytes(fragment)
    (tmp_path / "fragment.txt").write_bytes(fragment)
    assert readers.read(tmp_path / "fragment.htm").text == "Leicestershire PEEL 2016\n"
    assert readers.read(tmp_path / "fragment.txt").format == "text"
    (tmp_path / "misnamed.html").write_bytes(SEED.read_bytes())
    assert readers.read(tmp_path / "misnamed.html").format == "text"
    (tmp_path / "report.txt").write_bytes(seed_pdf(tmp_path, "standard"))
    assert readers.read(tmp_path / "report.txt").format == "pdf"


# -- HTML to line text ----------------------------------------------------------------------


def html_text(markup: str) -> str:
    reading = peelparse_html.peelparse_read(markup.encode("utf-8"), None)
    assert reading is not None
    return reading.text


def test_html_blocks_lists_tables_and_breaks() -> None:
    page = """<!doctype html><html><head><title>Force news</title></head><body>
      <header>Leave this site <button>Menu</button></header>
      <h1>Inspection   published</h1>
      <p>First line<br>second&nbsp;line, <em>with</em>   emphasis</p>
      <ol><li>One<ul><li>Nested <a href="#">link</a></li><li>Two<br>lines</li></ul></li>
          <li><p>Item paragraph</p><p>More of the item</p></li></ol>
      <dl><dt>Term</dt><dd>Definition</dd></dl>
      <blockquote>Quoted</blockquote>
      <table><caption>Grades</caption>
        <tr><th>Pillar</th><th>Grade</th><td></td></tr>
        <tr><td><p>Effectiveness</p><p>2016</p></td><td>Good</td></tr></table>
      <pre>  kept
  lines</pre>
      <div>Loose <span>text</span></div>after the division
      <template><p>never shown</p></template><noscript>Enable scripts</noscript>
      <svg><title>chart</title><text>42</text></svg>
    </body></html>"""
    assert html_text(page) == (
        "Force news\n\n"
        "Leave this site Menu\n\n"
        "Inspection published\n\n"
        "First line\nsecond line, with emphasis\n\n"
        "• One\n\n"
        "  • Nested link\n\n"
        "  • Two\n    lines\n\n"
        "• Item paragraph\n\n"
        "  More of the item\n\n"
        "Term\n\nDefinition\n\n"
        "Quoted\n\n"
        "Grades\n\n"
        "Pillar | Grade\n\n"
        "Effectiveness 2016 | Good\n\n"
        "kept\nlines\n\n"
        "Loose text\n\n"
        "after the division\n"
    )


def test_html_title_is_dropped_when_the_heading_repeats_it() -> None:
    page = "<html><head><title>Leicestershire PEEL 2016</title></head>"
    assert html_text(page + "<body><h1>Leicestershire  PEEL 2016</h1></body></html>") == (
        "Leicestershire PEEL 2016\n"
    )
    assert html_text(page + "<body><h1>Legitimacy</h1></body></html>") == (
        "Leicestershire PEEL 2016\n\nLegitimacy\n"
    )


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (
            b'<html><head><meta charset="windows-1252"></head>'
            b"<body><p>Police\x92s caf\xe9 \x96 \x93fair\x94</p></body></html>",
            "cp1252",
        ),
        (
            b'<html><head><meta http-equiv="Content-Type" content="text/html; '
            b'charset=ISO-8859-1"></head><body><p>Police\x92s caf\xe9 \x96 \x93fair\x94</p>'
            b"</body></html>",
            "cp1252",
        ),
        (
            b"<html><body><p>Police\x92s caf\xe9 \x96 \x93fair\x94</p></body></html>",
            "cp1252",
        ),
        (
            "<html><body><p>Police’s café – “fair”</p></body></html>".encode(),
            "utf-8",
        ),
        (
            b'<html><head><meta charset="windows-1252"></head><body><p>'
            + "Police’s café – “fair”".encode()
            + b"</p></body></html>",
            "utf-8",
        ),
        (
            "<html><head><meta charset=windows-1252></head>"
            "<body><p>Police’s café – “fair”</p></body></html>".encode("utf-16"),
            "utf-16",
        ),
        (
            "\ufeff<html><body><p>Police’s café – “fair”</p></body></html>".encode(),
            "utf-8-sig",
        ),
        (
            b'<html><head><meta charset="zlib"></head>'
            b"<body><p>Police\x92s caf\xe9 \x96 \x93fair\x94</p></body></html>",
            "cp1252",
        ),
    ],
    ids=["meta", "http-equiv", "undeclared", "utf-8", "declared-wrongly", "bom16", "bom8", "bad"],
)
def test_html_charset(readers: Parser, data: bytes, encoding: str) -> None:
    source = readers.read(data)
    assert source.text == "Police’s café – “fair”\n"
    assert (source.format, source.encoding) == ("html", encoding)


def test_html_page_with_no_text(readers: Parser) -> None:
    with pytest.raises(InputError) as caught:
        readers.parse(b"<!DOCTYPE html><html><head><title></title></head><body></body></html>")
    assert (caught.value.code, caught.value.message) == ("PP101", "input holds no text (html)")


def test_html_nested_deeply_keeps_its_text_up_to_the_parser_limit(readers: Parser) -> None:
    def nested(depth: int) -> bytes:
        return ("<html><body>" + "<div>" * depth + "deep" + "</div>" * depth + "tail").encode()

    assert readers.read(nested(250)).text == "deep\n\ntail\n"
    # Past the parser's limit the deeper elements lose their structure, not their text.
    deep = readers.read(nested(5000))
    assert deep.text == "deep\n\ntail\n"
    assert [d.code for d in deep.diagnostics] == ["PP122"]


def test_html_page_never_loads_what_it_names(readers: Parser, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MARKER-1f3a9c not to be read", "utf-8")
    page = f"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "file:///etc/passwd" [
  <!ENTITY secret SYSTEM "{secret.as_uri()}">
  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;
]>
<html><head><script src="{secret.as_uri()}"></script>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"></head>
<body><h1>Leicestershire PEEL 2016</h1><p>Before &secret; after</p>
<iframe src="{secret.as_uri()}">frame</iframe><img src="http://127.0.0.1:9/x.png" alt="">
<script>document.write("SCRIPT-TEXT")</script><p>End.</p></body></html>"""
    text = readers.read(page.encode("utf-8")).text
    assert text == "Leicestershire PEEL 2016\n\nBefore &secret; after\n\nEnd.\n"


def test_html_reader_without_lxml(monkeypatch: pytest.MonkeyPatch, readers: Parser) -> None:
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    with pytest.raises(InputError) as caught:
        readers.parse(seed_page())
    assert caught.value.code == "PP108"
    assert caught.value.message == (
        "the input is an HTML page; reading HTML needs the html extra: "
        "pip install 'peelparse[html]'"
    )


def test_html_reader_failing_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, readers: Parser
) -> None:
    import lxml.etree

    def fail(*args: object) -> None:
        raise RuntimeError("out of luck")

    monkeypatch.setattr(lxml.etree, "fromstring", fail)
    with pytest.raises(InputError) as caught:
        readers.parse(seed_page())
    assert (caught.value.code, caught.value.message) == (
        "PP111",
        "the input is an HTML page that cannot be read: RuntimeError: out of luck",
    )


# -- PDF to line text -----------------------------------------------------------------------


def test_pdf_reader_without_pypdf(
    monkeypatch: pytest.MonkeyPatch, readers: Parser, tmp_path: Path
) -> None:
    data = seed_pdf(tmp_path, "standard")
    monkeypatch.setitem(sys.modules, "pypdf", None)
    monkeypatch.setitem(sys.modules, "pypdf.errors", None)
    with pytest.raises(InputError) as caught:
        readers.parse(data)
    assert caught.value.code == "PP108"
    assert caught.value.message == (
        "the input is a PDF; reading PDF needs the pdf extra: pip install 'peelparse[pdf]'"
    )


def test_pdf_locked_with_a_password(readers: Parser, tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    pdf = blank_pdf()
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, "Leicestershire PEEL 2016")
    pdf.set_encryption("owner", user_password="reader", encryption_method=EncryptionMethod.RC4)
    pdf.output(str(path))
    with pytest.raises(InputError) as caught:
        readers.parse(path)
    assert (caught.value.code, caught.value.message) == (
        "PP109",
        "locked.pdf is an encrypted PDF that needs a password to be opened",
    )


@pytest.mark.parametrize("method", [EncryptionMethod.RC4, EncryptionMethod.AES_128])
def test_pdf_protected_against_editing_only_is_read(
    readers: Parser, method: EncryptionMethod
) -> None:
    pdf = blank_pdf()
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, "Leicestershire PEEL 2016")
    pdf.set_encryption("owner", encryption_method=method)
    assert readers.read(bytes(pdf.output())).text == "Leicestershire PEEL 2016\n"


def test_pdf_encrypted_beyond_what_is_installed(
    monkeypatch: pytest.MonkeyPatch, readers: Parser
) -> None:
    import pypdf
    from pypdf.errors import DependencyError

    def decrypt(self: object, password: str) -> None:
        raise DependencyError("cryptography is required for the AES algorithm")

    pdf = blank_pdf()
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, "Leicestershire PEEL 2016")
    pdf.set_encryption("owner", encryption_method=EncryptionMethod.RC4)
    monkeypatch.setattr(pypdf.PdfReader, "decrypt", decrypt)
    with pytest.raises(InputError) as caught:
        readers.parse(bytes(pdf.output()))
    assert (caught.value.code, caught.value.message) == (
        "PP109",
        "the input is an encrypted PDF that needs the pdf extra to be opened (cryptography is "
        "required for the AES algorithm): pip install 'peelparse[pdf]'",
    )


def test_pdf_reader_with_too_old_a_pypdf(monkeypatch: pytest.MonkeyPatch, readers: Parser) -> None:
    import pypdf

    monkeypatch.delattr(pypdf, "apply_configuration")
    monkeypatch.setattr(pypdf, "__version__", "5.1.0")
    with pytest.raises(InputError) as caught:
        readers.parse(bytes(blank_pdf().output()))
    assert (caught.value.code, caught.value.message) == (
        "PP108",
        "the input is a PDF; reading PDF needs pypdf 6.18 or later (this is 5.1.0): "
        "pip install 'peelparse[pdf]'",
    )


def raw_pdf(content: bytes, content_filter: str) -> bytes:
    """A one-page PDF written object by object, its page content stored under
    ``content_filter``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
        b" >> >>",
        b"<< /Length %d /Filter /%s >>\nstream\n%s\nendstream"
        % (len(content), content_filter.encode(), content),
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_pdf_never_runs_a_program(monkeypatch: pytest.MonkeyPatch, readers: Parser) -> None:
    import pypdf
    import pypdf.filters

    ran: list[object] = []
    monkeypatch.setattr(pypdf.filters.subprocess, "run", lambda *a, **k: ran.append(a))
    data = raw_pdf(b"\x97JB2\r\n\x1a\n" + bytes(64), "JBIG2Decode")
    # Even where a JBIG2 decoder is configured, reading a PDF does not start it.
    with pypdf.apply_configuration(jbig2dec_binary="jbig2dec"), pytest.raises(InputError) as caught:
        readers.parse(data)
    assert ran == []
    assert (caught.value.code, caught.value.message) == (
        "PP111",
        "the input is a broken or unsupported PDF: jbig2dec binary is not available.",
    )


def test_pdf_of_scanned_pages(readers: Parser) -> None:
    with pytest.raises(InputError) as caught:
        readers.parse(bytes(blank_pdf("image").output()))
    assert (caught.value.code, caught.value.message) == (
        "PP110",
        "the input has no text layer (a scanned PDF?); run OCR first",
    )


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + bytes(range(256)) * 8, b"%PDF-", b"  %PDF-1.4\n%%EOF\n"],
    ids=["garbage", "header-only", "no-objects"],
)
def test_broken_pdf(readers: Parser, data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        readers.parse(data)
    assert caught.value.code == "PP111"
    assert caught.value.message.startswith("the input is a broken or unsupported PDF")


def test_pdf_reader_failing_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, readers: Parser, tmp_path: Path
) -> None:
    import pypdf

    def fail(*args: object, **kwargs: object) -> None:
        raise RecursionError("too deep")

    data = seed_pdf(tmp_path, "standard")
    monkeypatch.setattr(pypdf, "PdfReader", fail)
    with pytest.raises(InputError) as caught:
        readers.parse(data)
    assert (caught.value.code, caught.value.message) == (
        "PP111",
        "the input is a broken or unsupported PDF (RecursionError: too deep)",
    )


def _runs(*lines: tuple[float, float, float, str]) -> list[Run]:
    return [Run(text, x, y, size) for x, y, size, text in lines]


def test_pdf_layout_joins_wrapped_lines_and_splits_blocks() -> None:
    page_one = _runs(
        (72, 800, 16, "Areas for"),
        (72, 780, 16, "improvement"),
        (72, 750, 10, "The force has a clear"),
        (72, 736, 10, "focus on wellbeing and"),
        (72, 722, 10, "support."),
        (72, 700, 10, "A second paragraph"),
        (72, 686, 10, "that goes on over the page"),
        (72, 672, 10, "\u2022"),
        (90, 672, 10, " A bullet item whose"),
        (90, 658, 10, "text hangs."),
        (72, 644, 10, "Back at the margin after"),
        (72, 630, 10, "the list and this line runs on over the"),
        (290, 40, 8, "Page 1"),
    )
    page_two = _runs(
        (72, 800, 10, "break with no gap."),
        (72, 786, 10, "- Dash bullet"),
        (290, 40, 8, "Page 2"),
    )
    assert to_text([page_one, page_two]) == (
        "Areas for improvement\n\n"
        "The force has a clear focus on wellbeing and support.\n\n"
        "A second paragraph that goes on over the page\n\n"
        "• A bullet item whose text hangs.\n\n"
        "Back at the margin after the list and this line runs on over the break with no gap."
        "\n\nPage 1\n\n"
        "• Dash bullet\n\n"
        "Page 2\n"
    )


# -- anything in gives text or an input error ------------------------------------------------


@functools.cache
def _sample(form: str) -> bytes:
    return seed_page() if form == "html" else seed_pdf(None, "standard")


@settings(max_examples=max(50, settings.default.max_examples // 20), deadline=None)
@given(
    st.sampled_from(["html", "pdf"]),
    st.lists(
        st.tuples(st.integers(0, 1 << 20), st.integers(0, 400), st.binary(max_size=40)),
        min_size=1,
        max_size=8,
    ),
)
def test_damaged_pages_and_pdfs_give_text_or_an_input_error(
    readers: Parser, form: str, edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(_sample(form))
    for at, cut, insert in edits:
        start = at % (len(data) + 1)
        data[start : start + cut] = insert
    try:
        document = readers.parse(bytes(data))
    except InputError:
        return
    assert_lossless(document, readers.read(bytes(data)).text)
