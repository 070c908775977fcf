"""The ``Parser``: reads input, asks plugins what it is, and has the right one parse it."""

from __future__ import annotations

import operator
import os
import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs
import pluggy

from peelparse._coverage import survey, uncovered
from peelparse._dates import year_from_dates
from peelparse._errors import InputError, PluginError
from peelparse._furniture import FurnitureMatcher, add_lines
from peelparse._grammar import unparsed
from peelparse._hooks import Hooks
from peelparse._kinds import Detection, KindRegistry
from peelparse._limits import DEFAULT_LIMITS, Limits, limits_in_force, noting_cuts
from peelparse._over_budget import long_line_note, within_records
from peelparse._plugins import LoadedPlugins, autoload_default, make_plugin_manager
from peelparse._records import DetectionInfo, Diagnostic, Document, Unclassified
from peelparse._scope import force_not_found
from peelparse._source import SourceText, from_bytes, from_text, load
from peelparse._vocab import Severity

if TYPE_CHECKING:
    from peelparse._serialize import Serializer

Input = str | bytes | os.PathLike[str] | BinaryIO
"""What ``Parser.parse`` accepts: text (a ``str`` is always text, never a file name), a
``pathlib.Path`` (or other ``os.PathLike``), bytes or a binary file object."""

NEAR_TIE = 0.1
"""Two kinds whose confidences are closer than this are reported as a near tie."""
# A last line in title case ("Police and Crime Commissioner for Kent") is a signature or a
# heading, not a sentence cut short.
# Each word is taken whole (an atomic group, possessive quantifiers): a run of capitals read
# as one word or as many is the same match, and trying every split is exponential.
_TITLE_LIKE = re.compile(r"(?:(?>[A-Z0-9][\w’'&.,()-]*+|and|of|for|the|in|on|to|at|&)\s*+){1,12}")
_SPAN_START = operator.attrgetter("span.start")
"""Where a record starts (a sort key read without a call of Python code for each record)."""
_CLEAN_ENDS = frozenset(".!?:;\"'”’)]*|")
"""Characters a complete last line may end with (closing a sentence, a quote or a list)."""
_ONE_WORD = 40
"""The longest single word a last line may be (a name, a date) and still end cleanly."""


class Parser:
    """Parses police inspection documents into records, with its own set of plugins.

    ``plugins`` are registered beside the entry-point plugins. ``autoload=False`` (or the
    environment variable ``PEELPARSE_DISABLE_PLUGIN_AUTOLOAD=1``) loads only the built-in
    plugins; ``block`` names plugins not to load. Nothing is loaded until first use.
    ``limits`` bound what one input may cost (``peelparse.Limits``; documented defaults).
    """

    def __init__(
        self,
        plugins: Iterable[object] = (),
        *,
        autoload: bool | None = None,
        block: Sequence[str] = (),
        limits: Limits | None = None,
    ) -> None:
        self._extra = tuple(plugins)
        self.limits = limits or DEFAULT_LIMITS
        """The budgets every parse of this parser keeps to."""
        self._autoload = autoload_default() if autoload is None else autoload
        self._block = tuple(block)

    # Plugins are loaded on first use, not at construction, so that a Parser is cheap to
    # make and importing peelparse loads nothing.
    @cached_property
    def _loaded(self) -> LoadedPlugins:
        return make_plugin_manager(self._extra, autoload=self._autoload, block=self._block)

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        """The plugin manager (plugins are loaded on first access)."""
        return self._loaded.pm

    @property
    def plugin_errors(self) -> list[PluginError]:
        """Plugins that could not be loaded."""
        return self._loaded.problems

    # The hooks are set up (and the kinds declared) on first use, like the plugins.
    @cached_property
    def _hooks(self) -> Hooks:
        return Hooks(self.plugin_manager)

    @property
    def _registry(self) -> KindRegistry:
        return self._hooks.registry

    @property
    def kinds(self) -> dict[str, type[Document]]:
        """Every document kind the plugins declared: tag to record class."""
        return self._registry.kinds

    def owner(self, kind: str) -> str:
        """The plugin that declared ``kind``."""
        return self._registry.owner(kind)

    @cached_property
    def serializer(self) -> Serializer:
        """The JSON converter for every declared kind (built once)."""
        # JSON is imported when first asked for: parsing alone never needs it.
        from peelparse._serialize import Serializer

        return Serializer(self.kinds)

    @cached_property
    def _furniture(self) -> FurnitureMatcher:
        return FurnitureMatcher(self._hooks.furniture())

    # -- reading -----------------------------------------------------------------------------

    def read(self, source: Input) -> SourceText:
        """Decode ``source`` (through a reader plugin for HTML, PDF ...) and mark its
        furniture lines, without parsing it."""
        with limits_in_force(self.limits):
            return self._read(source)

    def _read(self, source: Input) -> SourceText:
        data, name = load(source)
        if isinstance(data, str):
            return self._prepare(from_text(data, name))
        reading = self._hooks.read(data, name)
        if reading is None:
            return self._prepare(from_bytes(data, name))
        if not reading.text.strip():
            raise InputError("PP101", f"{name or 'input'} holds no text ({reading.format})")
        text = attrs.evolve(
            from_text(reading.text, name),
            encoding=reading.encoding,
            format=reading.format,
            diagnostics=reading.diagnostics,
        )
        return self._prepare(text, dict(reading.furniture))

    def _prepare(self, source: SourceText, read: dict[int, str] | None = None) -> SourceText:
        marks, records = self._furniture.mark(source)
        if read:
            marks, records = add_lines(source, marks, records, read)
        if not (marks or records or source.furniture or source.furniture_records):
            return source  # no furniture to mark: the text as it is, not a copy of it
        return source.with_furniture(marks, tuple(records))

    # -- detecting ---------------------------------------------------------------------------

    def detect(self, source: Input | SourceText) -> Detection:
        """The kind ``source`` most likely is, with the confidence and evidence."""
        text = source if isinstance(source, SourceText) else self.read(source)
        return self._detect(text)[0]

    def detect_each(self, source: Input | SourceText) -> list[tuple[str, Detection | None]]:
        """Every plugin's own answer for ``source``, by plugin name: its ``Detection``, or
        ``None`` when it claims nothing (or failed). ``detect`` picks the best of these."""
        text = source if isinstance(source, SourceText) else self.read(source)
        return self._hooks.detect_each(text)

    def _detect(self, source: SourceText) -> tuple[Detection, list[Diagnostic]]:
        found, diagnostics = self._hooks.detect(source)
        if not found:
            raise PluginError(
                "PP300",
                "no plugin answered detection; is peelparse installed "
                "(pip install peelparse) so its built-in plugins are found?",
            )
        found.sort(key=lambda d: d.confidence, reverse=True)
        best = found[0]
        for other in found[1:]:
            if (
                other.kind != best.kind
                and best.confidence - other.confidence < NEAR_TIE
                and best.confidence > 0
            ):
                diagnostics.append(
                    Diagnostic(
                        "PP210",
                        Severity.INFO,
                        f"also looks like {other.kind} ({other.confidence:.2f}: {other.evidence}); "
                        f"chose {best.kind} ({best.confidence:.2f})",
                        None,
                    )
                )
                break
        return best, diagnostics

    # -- parsing -----------------------------------------------------------------------------

    def parse(self, source: Input, kind: str | None = None) -> Document:
        """Parse text, a ``Path``, bytes or a binary file into a document record.

        A ``str`` is the document's text and is never opened as a file; give a file as a
        ``pathlib.Path`` or through ``parse_file``. ``kind`` skips detection. Problems with
        the text become the document's diagnostics; only ``PeelParseError`` is raised (for
        input that is not text at all, a file that cannot be read, an unknown ``kind`` or a
        broken plugin).
        """
        return self._parse(self.read(source), kind)

    def parse_file(self, path: str | os.PathLike[str], kind: str | None = None) -> Document:
        """Parse the regular file at ``path`` (a ``str`` here is a file name); a missing,
        unreadable or special file (a folder, FIFO or device) is an ``InputError``."""
        return self.parse(Path(path), kind)

    def parse_source(self, source: SourceText, kind: str | None = None) -> Document:
        """Parse text already read with ``read`` (which marks its furniture)."""
        return self._parse(source, kind)

    def parse_text(self, text: str, kind: str | None = None) -> Document:
        """Parse text given as a string (never taken as a path)."""
        # White space alone is no text; asking so stops at the first letter, with no copy.
        if not text or text.isspace():
            raise InputError("PP101", "the text is empty")
        return self._parse(self._prepare(from_text(text)), kind)

    def _parse(self, source: SourceText, kind: str | None) -> Document:
        with limits_in_force(self.limits), noting_cuts() as examined:
            document = self._parse_within_limits(source, kind)
            if examined.cut:
                note = long_line_note(source)
                document = attrs.evolve(document, diagnostics=(*document.diagnostics, note))
        return document

    def _parse_within_limits(self, source: SourceText, kind: str | None) -> Document:
        diagnostics = list(source.diagnostics)
        if problems := self._loaded.problems:
            diagnostics += [Diagnostic(e.code, Severity.WARNING, e.message, None) for e in problems]
        if kind is None:
            detection, found = self._detect(source)
            diagnostics += found
        elif kind not in self.kinds:
            raise InputError(
                "PP107",
                f"no plugin parses kind {kind!r}; known kinds: {', '.join(sorted(self.kinds))}",
            )
        else:
            detection = Detection(kind, 1.0, "kind given by the caller")
        whole, source, rest = source, *_within_lines(source, self.limits.max_lines)
        document = self._run_parse(source, detection.kind)
        if rest:
            diagnostics.append(
                Diagnostic(
                    "PP120",
                    Severity.WARNING,
                    f"the text has more than {self.limits.max_lines} lines (Limits.max_lines); "
                    "the lines after them are kept as unclassified text, not parsed",
                    rest[0].span,
                )
            )
            document = attrs.evolve(
                document,
                unclassified=(*document.unclassified, *rest),
                span=whole.span(0, len(whole.text)),
            )
            source = whole
        return self._checked(document, source, detection, diagnostics)

    def _checked(
        self,
        document: Document,
        source: SourceText,
        detection: Detection,
        diagnostics: list[Diagnostic],
    ) -> Document:
        """``document`` as the plugin gave it, within the record budget, with the host's
        findings: text no record holds, a text cut short, no force found, a year inferred."""
        walked = survey(document)
        document, source, past = within_records(
            document, source, self.limits.max_records, walked.starts
        )
        if past:
            # The budget cut records off and kept their text as unclassified: look again.
            walked = survey(document)
        furniture = source.furniture_records
        diagnostics += document.diagnostics
        diagnostics += past
        lost, kept = uncovered(walked.pieces, source, self._hooks.registry.owner(detection.kind))
        diagnostics += lost
        diagnostics += _truncation(source)
        diagnostics += force_not_found(source.text, document)
        unclassified = sorted((*furniture, *document.unclassified, *kept), key=_SPAN_START)
        changes: dict[str, Any] = {
            "source": source.info(),
            "detection": DetectionInfo(round(detection.confidence, 3), detection.evidence),
            "diagnostics": tuple(diagnostics),
            "unclassified": tuple(unclassified),
        }
        if document.year is None and (year := year_from_dates(source.text)) is not None:
            changes.update(year=year, year_inferred=True)
        return attrs.evolve(document, **changes)

    def _run_parse(self, source: SourceText, kind: str) -> Document:
        result = self._hooks.parse(source, kind)
        if result is not None:
            return result
        raise PluginError(
            "PP307",
            f"no plugin parsed kind {kind!r} (declared by plugin "
            f"{self.owner(kind)!r}); its peelparse_parse returned None",
        )

    # -- JSON --------------------------------------------------------------------------------

    def to_dict(self, document: Document) -> dict[str, Any]:
        """The document as JSON-ready Python data."""
        return self.serializer.to_dict(document)

    def to_json(self, document: Document, *, indent: int | None = 2) -> str:
        """The document as JSON text."""
        return self.serializer.to_json(document, indent=indent)

    def from_json(self, text: str | bytes) -> Document:
        """A document back from ``to_json`` output; ``SchemaError`` if it is not one."""
        return self.serializer.from_json(text)

    def from_dict(self, data: Any) -> Document:
        """A document back from ``to_dict`` output; ``SchemaError`` if it is not one."""
        return self.serializer.from_dict(data)

    def plugins(self) -> list[tuple[str, str]]:
        """Registered plugins: name and where each comes from, sorted by name."""
        pm = self.plugin_manager
        names = sorted(pm.get_name(p) or repr(p) for p in pm.get_plugins())
        return [(name, self._loaded.origins.get(name, "registered in code")) for name in names]


def _truncation(source: SourceText) -> list[Diagnostic]:
    """A PP203 note when the document's last line (page furniture aside) stops mid-sentence."""
    text = source.text
    # Furniture lines at the end (a footer, "Page 2") say nothing of where the document stops.
    # Lines are stepped over by offset, each looked at once, so trailing furniture costs
    # time in proportion to its length.
    end = _end_of_text(text, len(text))
    furniture = source.furniture
    while end and furniture and source.line_of(end) in furniture:
        end = _end_of_text(text, text.rfind("\n", 0, end) + 1)
    last_line = text[text.rfind("\n", 0, end) + 1 : end]
    if not end or _ends_cleanly(last_line) or _TITLE_LIKE.fullmatch(last_line.strip()):
        return []
    return [
        Diagnostic(
            "PP203",
            Severity.INFO,
            "the text stops mid-sentence; it looks cut off, so later parts are missing",
            source.span(max(0, end - 1), end),
        )
    ]


def _ends_cleanly(line: str) -> bool:
    """Whether ``line`` ends a sentence (or a quote or list), or is one word at most."""
    # String methods, not an expression searched along the line: the line can be a long
    # paragraph, and only its end matters.
    stripped = line.strip()
    if stripped[-1:] in _CLEAN_ENDS:
        return True
    return len(stripped) <= _ONE_WORD and len(stripped.split()) <= 1


def _end_of_text(text: str, end: int) -> int:
    """Where ``text[:end]`` ends without its trailing white space, reading back line by line."""
    while end:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip()
        if line:
            return start + len(line)
        end = max(0, start - 1)
    return 0


def _within_lines(source: SourceText, most: int) -> tuple[SourceText, list[Unclassified]]:
    """``source`` cut after its first ``most`` lines, and the lines after them as unclassified
    blocks; ``source`` itself when it is no longer."""
    if source.text.count("\n") < most:
        return source, []
    cut = -1
    for _ in range(most):
        cut = source.text.find("\n", cut + 1)
        if cut < 0:
            return source, []
    rest = unparsed(source, cut + 1, "past the line budget")
    if not rest:
        return source, []
    head = attrs.evolve(
        source,
        text=source.text[:cut],
        furniture={n: r for n, r in source.furniture.items() if n <= most},
        furniture_records=tuple(r for r in source.furniture_records if r.span.line <= most),
    )
    return head, rest
