"""The exceptions that may leave peelparse: one family, each with a code and a span."""

from __future__ import annotations

from peelparse._span import Span


class PeelParseError(Exception):
    """Root of every error peelparse raises; catch this one to catch them all.

    ``code`` is stable (documented in ``docs/diagnostics.md``); ``span`` points at the place
    in the decoded text the error is about, or is ``None`` when it concerns no place.
    """

    def __init__(self, code: str, message: str, span: Span | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.span = span


class InputError(PeelParseError):
    """The input cannot be read as text (PP1xx): missing file, empty, binary, undecodable."""


class DocumentSyntaxError(PeelParseError):
    """A grammar could not make sense of the text at all (PP2xx)."""


class PluginError(PeelParseError):
    """A plugin is broken: it raised, returned the wrong type or clashed with another (PP3xx)."""


class SchemaError(PeelParseError):
    """JSON given to ``from_json`` does not describe a peelparse document (PP4xx)."""


class OutputError(PeelParseError):
    """An output cannot or must not be written (PP5xx): it would overwrite an input or a
    file peelparse did not make, two inputs would write one file, or the disk refused."""
