"""peelparse: police inspection documents of England and Wales as typed, linked records.

>>> import peelparse
>>> from peelparse import seeds
>>> doc = peelparse.parse(seeds.path("000_440658091af3db9b.txt"))  # doctest: +SKIP
>>> doc.kind, doc.force.slug, doc.year                         # doctest: +SKIP
('inspection_report', 'leicestershire', 2016)

Two names are type aliases, documented here because ``help()`` on an alias shows the
type it stands for: ``Input`` is what ``parse`` and ``detect`` take (a ``pathlib.Path``,
text as ``str``, ``bytes`` or a binary file object); ``Needs`` is the type of
``Sign.needs``, words one of which a text must hold, or groups of such words that must all
be met.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

from peelparse._detection import DetectionView
from peelparse._errors import (
    BatchError,
    DocumentSyntaxError,
    InputError,
    OutputError,
    PeelParseError,
    PluginError,
    SchemaError,
)
from peelparse._kinds import Detection, Furniture, KindRegistry, Reading
from peelparse._limits import Limits, current_limits
from peelparse._parser import Input, Parser
from peelparse._quotes import Quote
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
    QuotedFinding,
    Role,
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
    """Parse text, a ``Path``, bytes or a binary file object (see ``Parser.parse``); a
    ``str`` is always text, never a file name."""
    return default_parser().parse(source, kind)


def parse_file(path: str | os.PathLike[str], kind: str | None = None) -> Document:
    """Parse the file at ``path`` (a ``str`` or a ``Path``)."""
    return default_parser().parse_file(path, kind)


def parse_text(text: str, kind: str | None = None) -> Document:
    """Parse text given as a string.

    Like ``parse``, ``to_dict`` and ``from_dict``, a pure function that pickles by name: a
    worker process (multiprocessing, Dask) makes its own default parser on first call, and
    the same text gives an equal document in every process."""
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


def from_dict(data: dict[str, Any]) -> Document:
    """A document from ``to_dict`` output."""
    return default_parser().from_dict(data)


__all__ = [
    "BatchError",
    "Corpus",
    "Detection",
    "DetectionInfo",
    "DetectionView",
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
    "OutputError",
    "Paragraph",
    "Parser",
    "PeelParseError",
    "Pillar",
    "PluginError",
    "Quote",
    "QuotedFinding",
    "Reading",
    "Role",
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
    "from_dict",
    "from_json",
    "hookimpl",
    "parse",
    "parse_file",
    "parse_text",
    "to_dict",
    "to_json",
]
