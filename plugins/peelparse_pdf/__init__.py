"""Reads PDFs that have a text layer, as the inspectorate and commissioners publish them.

Text is taken page by page with where it is drawn, and wrapped lines are joined back into
paragraphs by layout (see ``peelparse_pdf.layout``). It needs pypdf, the ``pdf`` extra:
``pip install 'peelparse[pdf]'``. pypdf reads the file's objects only: it runs none of a
PDF's JavaScript or actions and follows none of its links.
"""

from __future__ import annotations

import io
import logging
import math
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from peelparse import Diagnostic, Furniture, InputError, Reading, Severity, current_limits, hookimpl

if TYPE_CHECKING:
    from peelparse_pdf.layout import Run

EXTRA = "pip install 'peelparse[pdf]'"
MINIMUM_PYPDF = "6.18"
"""The first pypdf that can be told, call by call, never to run an external decoder."""
MAGIC = b"%PDF-"
_SNIFF = 1024
"""How many bytes are looked at for the header; only white space may stand before it."""

_MOST_NOTES = 20
"""pypdf's warnings kept as diagnostics; a damaged file can give thousands."""

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

FURNITURE: tuple[Furniture, ...] = (Furniture(r"page \d+(?:\s*(?:of|/)\s*\d+)?", "page number"),)


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF: its header near the start, after white space at most."""
    return data[:_SNIFF].lstrip().startswith(MAGIC)


@hookimpl
def peelparse_furniture() -> Sequence[Furniture]:
    return FURNITURE


@hookimpl
def peelparse_read(data: bytes, name: str | None) -> Reading | None:
    if not is_pdf(data):
        return None
    label = name or "the input"
    notes: list[str] = []
    pages, budget = _read(data, label, notes)
    if not pages:
        raise InputError("PP111", f"{label} is a broken or unsupported PDF: it has no pages")
    # Imported here: a process that reads no PDF never loads the layout rules.
    from peelparse_pdf.layout import to_text

    text = to_text(pages)
    if not text.strip():
        raise InputError("PP110", f"{label} has no text layer (a scanned PDF?); run OCR first")
    diagnostics = [
        Diagnostic("PP115", Severity.WARNING, f"pypdf: {note}", None)
        for note in notes[:_MOST_NOTES]
    ]
    if budget:
        diagnostics.append(Diagnostic("PP121", Severity.WARNING, budget, None))
    return Reading(text, "pdf", diagnostics=tuple(diagnostics))


def _read(data: bytes, label: str, notes: list[str]) -> tuple[list[list[Run]], str | None]:
    """``_pages`` of the PDF ``data``, pypdf's warnings put in ``notes``; whatever stops
    pypdf is an ``InputError``."""
    try:
        import pypdf
        import pypdf.errors  # the error classes _unreadable tells apart
    except ImportError:
        raise InputError(
            "PP108", f"{label} is a PDF; reading PDF needs the pdf extra: {EXTRA}"
        ) from None
    configure = getattr(pypdf, "apply_configuration", None)
    if configure is None:
        raise InputError(
            "PP108",
            f"{label} is a PDF; reading PDF needs pypdf {MINIMUM_PYPDF} or later "
            f"(this is {pypdf.__version__}): {EXTRA}",
        )
    encrypted = False
    try:
        # pypdf hands JBIG2 streams to an external decoder when one is installed; a PDF is
        # data here, so no program is ever run for it.
        with configure(jbig2dec_binary=None), _warnings_into(notes):
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            encrypted = bool(reader.is_encrypted)
            _open(reader, label)
            return _pages(reader)
    except InputError:
        raise
    except Exception as exc:  # pypdf is third-party code: no exception of its may escape
        raise _unreadable(exc, label, encrypted) from None


def _unreadable(exc: Exception, label: str, encrypted: bool) -> InputError:
    """The input error for ``exc``, raised while pypdf read a PDF (``encrypted``: found to
    be encrypted)."""
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    if encrypted and isinstance(exc, DependencyError):  # AES needs the cryptography package
        return InputError(
            "PP109",
            f"{label} is an encrypted PDF that needs the pdf extra to be opened ({exc}): {EXTRA}",
        )
    if encrypted and isinstance(exc, FileNotDecryptedError):
        return InputError("PP109", f"{label} is an encrypted PDF that cannot be opened: {exc}")
    if isinstance(exc, DependencyError | PyPdfError):
        return InputError("PP111", f"{label} is a broken or unsupported PDF: {exc}")
    return InputError(
        "PP111", f"{label} is a broken or unsupported PDF ({type(exc).__name__}: {exc})"
    )


def _pages(reader: Any) -> tuple[list[list[Run]], str | None]:
    """The text runs of each page, as far as the budgets (``peelparse.Limits``) allow, and
    what a budget left out."""
    limits = current_limits()
    pages: list[list[Run]] = []
    seen: set[object] = set()
    inflated = 0
    for number, page in enumerate(reader.pages):
        if number >= limits.pdf_max_pages:
            return pages, (
                f"only the first {limits.pdf_max_pages} pages are read (Limits.pdf_max_pages)"
            )
        # A page tree can name one page object many times over; each is read once.
        ref = page.indirect_reference
        key = (ref.idnum, ref.generation) if ref is not None else None
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        contents = page.get_contents()
        inflated += len(contents.get_data()) if contents is not None else 0
        if inflated > limits.pdf_max_inflated_bytes:
            return pages, (
                f"pages from {number + 1} on are left out: their content inflates past "
                f"{limits.pdf_max_inflated_bytes} bytes (Limits.pdf_max_inflated_bytes)"
            )
        pages.append(_runs(page))
    return pages, None


class _Notes(logging.Handler):
    def __init__(self, notes: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append(record.getMessage())


@contextmanager
def _warnings_into(notes: list[str]) -> Iterator[None]:
    """pypdf's warnings (logged and warned) collected in ``notes`` instead of printed."""
    logger = logging.getLogger("pypdf")
    handler = _Notes(notes)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        notes.extend(str(w.message) for w in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _open(reader: Any, label: str) -> None:
    """Open an encrypted PDF with the empty password, as viewers do for files that are only
    protected against editing; one that needs a password to be read cannot be opened."""
    if not reader.is_encrypted:
        return
    from pypdf import PasswordType

    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise InputError("PP109", f"{label} is an encrypted PDF that needs a password to be opened")


def _runs(page: Any) -> list[Run]:
    """The text runs of one page with where each is drawn."""
    from peelparse_pdf.layout import Run

    runs: list[Run] = []

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any, size: float) -> None:
        if not text:
            return
        a, b, c, d, e, f = (float(v) for v in cm)
        if (a, b, c, d, e, f) == _IDENTITY and tuple(float(v) for v in tm) == _IDENTITY:
            # Some pypdf versions pass no position with the text they join to a run (a space
            # and what follows it); it belongs to the line being drawn.
            runs.append(Run(text, 0.0, 0.0, 0.0, placed=False))
            return
        # Where the text matrix puts the run, in page space: the text matrix times the
        # current transformation matrix.
        x = float(tm[4]) * a + float(tm[5]) * c + e
        y = float(tm[4]) * b + float(tm[5]) * d + f
        scale = math.hypot(float(tm[2]) * a + float(tm[3]) * c, float(tm[2]) * b + float(tm[3]) * d)
        size = abs(float(size)) * scale
        placed = math.isfinite(x) and math.isfinite(y) and math.isfinite(size)
        runs.append(Run(text, x, y, size) if placed else Run(text, 0.0, 0.0, 0.0, placed=False))

    page.extract_text(visitor_text=visit)
    return runs
