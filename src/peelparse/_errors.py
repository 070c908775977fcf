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

    def __reduce__(self) -> tuple[object, ...]:
        # Exception's own pickling calls the class with ``args`` (here the one formatted
        # string), which no subclass accepts; rebuild from the fields instead, so an error
        # crosses to and from worker processes whatever a subclass's ``__init__`` takes.
        return (_rebuild, (type(self), self.args), self.__dict__)


def _rebuild(cls: type[PeelParseError], args: tuple[object, ...]) -> PeelParseError:
    return cls.__new__(cls, *args)


class InputError(PeelParseError):
    """The input cannot be read as text (PP1xx): missing file, empty, binary, undecodable."""


class DocumentSyntaxError(PeelParseError):
    """A grammar could not make sense of the text at all (PP2xx)."""


class PluginError(PeelParseError):
    """A plugin is broken: it raised, returned the wrong type or clashed with another (PP3xx).

    ``plugin`` names the plugin at fault when one is (a hook that raised or answered with the
    wrong type), else it is ``None``.
    """

    def __init__(
        self, code: str, message: str, span: Span | None = None, *, plugin: str | None = None
    ) -> None:
        super().__init__(code, message, span)
        self.plugin = plugin


class SchemaError(PeelParseError):
    """JSON given to ``from_json`` does not describe a peelparse document (PP4xx)."""


class OutputError(PeelParseError):
    """An output cannot or must not be written (PP5xx): it would overwrite an input or a
    file peelparse did not make, two inputs would write one file, or the disk refused."""


class BatchError(PeelParseError):
    """A worker process stopped on a file of a batch: it ran past the time limit, crashed or
    exited (PP6xx). The other files of the batch are still parsed."""
