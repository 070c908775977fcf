"""Turning what the caller gives into the one text every plugin reads."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from bisect import bisect_right
from typing import BinaryIO

import attrs

from peelparse._detection import DetectionView
from peelparse._errors import InputError
from peelparse._paths import file_name, read_regular_file
from peelparse._records import Diagnostic, Source, Unclassified
from peelparse._span import Span
from peelparse._text import join_lines, line_starts
from peelparse._vocab import Severity

_NEWLINES = re.compile(r"\r\n?")
# Characters that never occur in text documents; a few are tolerated (stray NULs from PDF
# extraction), many mean the input is not text at all.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_SHARE = 0.05
_SNIFF = 8192


@attrs.frozen
class SourceText:
    """Decoded, newline-normalised text with what is known about where it came from."""

    text: str
    """The text every span points into; newlines are "\\n" only."""
    name: str | None = None
    """File name, when the text came from a file."""
    encoding: str = "str"
    """How bytes were decoded, or "str" when text was given."""
    format: str = "text"
    """What the input was: "text", or what a reader turned into text ("html", "pdf")."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """What decoding had to guess."""
    furniture: dict[int, str] = attrs.field(factory=dict, eq=False)
    """1-based numbers of lines that are page furniture, with the reason; set by the Parser."""
    furniture_records: tuple[Unclassified, ...] = attrs.field(default=(), eq=False)
    """The furniture lines as unclassified records (the host adds them to the document)."""
    # Found when a span is first asked for: a text is often copied (with its furniture
    # marked) before any span of it is.
    _line_starts: list[int] | None = attrs.field(init=False, default=None, repr=False, eq=False)
    # Made when detection first reads the head, then shared by every plugin's detector.
    _view: DetectionView | None = attrs.field(init=False, default=None, repr=False, eq=False)

    @property
    def head(self) -> str:
        """The first few KB, where detection looks."""
        return self.text[:_SNIFF]

    @property
    def view(self) -> DetectionView:
        """The head as detection reads it, made once per document: its lower-cased form, the
        words it holds, its top lines, the forces it names. Every plugin's
        ``peelparse_detect`` reads this one, so none rescans what another already read."""
        view = self._view
        if view is None:
            view = DetectionView(self.head, self.furniture)
            object.__setattr__(self, "_view", view)
        return view

    def top_lines(self, count: int) -> list[str]:
        """The first ``count`` lines of the document proper: stripped, blank lines and page
        furniture left out (where a page names itself)."""
        return self.view.top_lines(count)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect_right(self._starts(), offset)

    def line_start(self, number: int) -> int:
        """Offset of the first character of 1-based line ``number``."""
        return self._starts()[number - 1]

    def _starts(self) -> list[int]:
        starts = self._line_starts
        if starts is None:
            starts = line_starts(self.text)
            object.__setattr__(self, "_line_starts", starts)
        return starts

    def span(self, start: int, end: int) -> Span:
        """A span of ``text[start:end]`` with its lines."""
        starts = self._starts()
        line = bisect_right(starts, start)
        # Most spans are one line: they end before the next line starts. One number object
        # for both lines of such a span makes a record of a short line that much smaller.
        if line == len(starts) or end <= starts[line]:
            return Span(start, end, line, line)
        return Span(start, end, line, bisect_right(starts, max(start, end - 1)))

    def unclassified(self, start: int, end: int, reason: str) -> Unclassified:
        """``text[start:end]`` kept as unclassified text, with ``reason``."""
        return Unclassified(join_lines(self.text[start:end]), reason, self.span(start, end))

    def with_furniture(
        self, marks: dict[int, str], records: tuple[Unclassified, ...]
    ) -> SourceText:
        """This text with its furniture lines marked."""
        # Made directly, not by attrs.evolve: every text is marked, and evolve looks up the
        # fields of the class each time.
        marked = SourceText(
            self.text, self.name, self.encoding, self.format, self.diagnostics, marks, records
        )
        object.__setattr__(marked, "_line_starts", self._line_starts)
        return marked

    def info(self) -> Source:
        """The record of where this text came from."""
        digest = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        return Source(self.name, self.encoding, len(self.text), digest, self.format)


def from_text(text: str, name: str | None = None) -> SourceText:
    """A ``SourceText`` for text already decoded (newlines are normalised)."""
    # Most texts have no carriage return: looking for one costs less than the expression.
    return SourceText(_NEWLINES.sub("\n", text) if "\r" in text else text, name=name)


def from_bytes(data: bytes, name: str | None = None) -> SourceText:
    """Decode bytes: BOMs first, then UTF-8, then cp1252 with a diagnostic saying so."""
    if not data.strip():
        raise InputError("PP101", f"{name or 'input'} is empty")
    diagnostics: list[Diagnostic] = []
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-16":
            raise InputError(
                "PP103",
                f"{name or 'input'} has a UTF-16 mark but is not UTF-16: "
                f"{exc.reason} at byte {exc.start}",
            ) from None
        mended = _mostly_utf8(data) if encoding == "utf-8" else None
        if mended is not None:
            text, diagnostic = mended
            diagnostics.append(diagnostic)
        else:
            encoding = "cp1252"
            text = data.decode("cp1252", errors="replace")
            diagnostics.append(
                Diagnostic(
                    "PP104",
                    Severity.WARNING,
                    f"not valid UTF-8 (byte {exc.start}); decoded as cp1252 (Windows Latin-1)",
                    None,
                )
            )
    _refuse_binary(text, name)
    source = from_text(text, name)
    return attrs.evolve(source, encoding=encoding, diagnostics=tuple(diagnostics))


_ESCAPED = re.compile(r"[\udc80-\udcff]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> tuple[str, Diagnostic] | None:
    """UTF-8 with a few bad bytes, decoded with U+FFFD for each run of them and a note of
    where they are; ``None`` when the bad bytes outnumber the good non-ASCII characters, as
    in a file written in a Windows code page."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    runs = [(m.start(), m.end()) for m in _ESCAPED.finditer(escaped)]
    bad = sum(end - start for start, end in runs)
    if len(_NON_ASCII.findall(escaped)) < bad:
        return None
    text = _ESCAPED.sub("\ufffd", escaped)
    first = runs[0][0]
    at = len(escaped[:first].encode("utf-8", errors="surrogateescape"))
    # Where the first bad bytes are in the text as every span counts it: newlines normalised.
    start = len(_NEWLINES.sub("\n", text[:first]))
    line = text.count("\n", 0, first) + text.count("\r", 0, first) - text.count("\r\n", 0, first)
    return text, Diagnostic(
        "PP114",
        Severity.WARNING,
        f"not valid UTF-8 in {len(runs)} place(s), first at byte {at}; each bad run of bytes "
        "is replaced by U+FFFD",
        Span(start, start + 1, line + 1, line + 1),
    )


def _refuse_binary(text: str, name: str | None) -> None:
    sample = text[:_SNIFF]
    if sample and len(_BINARY.findall(sample)) > _BINARY_SHARE * len(sample):
        # A reader plugin whose library is missing says which extra to install (PP108); a
        # PDF reaches here only when no loaded plugin reads PDF at all.
        what = "a PDF, and no loaded plugin reads PDF" if sample.startswith("%PDF-") else None
        raise InputError(
            "PP102",
            f"{name or 'input'} looks like binary data, not text" + (f": {what}" if what else ""),
        )


def load(source: str | bytes | os.PathLike[str] | BinaryIO) -> tuple[str | bytes, str | None]:
    """What the caller gave, as text (already decoded) or bytes, with a file name if any.

    A ``str`` is always the text itself, never a file name: only an ``os.PathLike`` (such
    as ``pathlib.Path``) is read as a file, and only a regular one.
    """
    if isinstance(source, bytes):
        return source, None
    if isinstance(source, str):
        if not source.strip():
            raise InputError("PP101", "the text is empty")
        return source, None
    if isinstance(source, os.PathLike):
        return read_regular_file(source), file_name(source)
    if hasattr(source, "read"):
        try:
            data = source.read()
        except OSError as exc:
            raise InputError(
                "PP105", f"cannot read the file object: {exc.strerror or exc}"
            ) from None
        if not isinstance(data, bytes):
            raise InputError("PP106", "file objects must be opened in binary mode ('rb')")
        return data, file_name(str(getattr(source, "name", ""))) or None
    raise InputError("PP106", f"cannot parse a {type(source).__name__}; give text, a Path or bytes")


def read(source: str | bytes | os.PathLike[str] | BinaryIO) -> SourceText:
    """Read a ``Path``, text, bytes or a binary file object as plain text (no file readers)."""
    data, name = load(source)
    return from_text(data, name) if isinstance(data, str) else from_bytes(data, name)
