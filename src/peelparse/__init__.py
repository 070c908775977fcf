"""peelparse: police inspection documents of England and Wales as typed, linked records.

>>> import peelparse
>>> doc = peelparse.parse("seeds/000_440658091af3db9b.txt")   # doctest: +SKIP
>>> doc.kind, doc.force.slug, doc.year                         # doctest: +SKIP
('inspection_report', 'leicestershire', 2016)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from peelparse._errors import (
    DocumentSyntaxError,
    InputError,
    PeelParseError,
    PluginError,
    SchemaError,
)
from peelparse._kinds import Detection, Furniture, KindRegistry, Reading
from peelparse._limits import Limits, current_limits
from peelparse._parser import Input, Parser
from peelparse._records import (
    SCHEMA_VERSION,
    DetectionInfo,
    Diagnostic,
    Document,
    Finding,
    Force,
    Heading,
    Judgement,
    Paragraph,
    Source,
    Unclassified,
)
from peelparse._signs import Needs, Sign, Signs, Weighing
from peelparse._source import SourceText
from peelparse._span import Span
from peelparse._version import __version__
from peelparse._vocab import Grade, Pillar, Severity
from peelparse.hookspecs import hookimpl

if TYPE_CHECKING:
    from peelparse._corpus import Corpus
    from peelparse._links import Link

# The corpus layer is imported on first use: most programs parse files and never link them.
_LAZY = {"Corpus": "peelparse._corpus", "Link": "peelparse._links"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'peelparse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


_default: Parser | None = None


def default_parser() -> Parser:
    """The parser the module-level functions use (made on first call)."""
    global _default
    if _default is None:
        _default = Parser()
    return _default


def parse(source: Input, kind: str | None = None) -> Document:
    """Parse a path, text, bytes or binary file object (see ``Parser.parse``)."""
    return default_parser().parse(source, kind)


def parse_text(text: str, kind: str | None = None) -> Document:
    """Parse text given as a string."""
    return default_parser().parse_text(text, kind)


def detect(source: Input) -> Detection:
    """The kind a document most likely is."""
    return default_parser().detect(source)


def to_dict(document: Document) -> dict[str, Any]:
    """A document as JSON-ready data."""
    return default_parser().to_dict(document)


def to_json(document: Document, *, indent: int | None = 2) -> str:
    """A document as JSON text."""
    return default_parser().to_json(document, indent=indent)


def from_json(text: str | bytes) -> Document:
    """A document from ``to_json`` output."""
    return default_parser().from_json(text)


__all__ = [
    "Corpus",
    "Detection",
    "DetectionInfo",
    "Diagnostic",
    "Document",
    "DocumentSyntaxError",
    "Finding",
    "Force",
    "Furniture",
    "Grade",
    "Heading",
    "Input",
    "InputError",
    "Judgement",
    "KindRegistry",
    "Limits",
    "Link",
    "Needs",
    "Paragraph",
    "Parser",
    "PeelParseError",
    "Pillar",
    "PluginError",
    "Reading",
    "SCHEMA_VERSION",
    "SchemaError",
    "Severity",
    "Sign",
    "Signs",
    "Source",
    "SourceText",
    "Span",
    "Unclassified",
    "Weighing",
    "__version__",
    "current_limits",
    "default_parser",
    "detect",
    "from_json",
    "hookimpl",
    "parse",
    "parse_text",
    "to_dict",
    "to_json",
]
