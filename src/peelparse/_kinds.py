"""What plugins declare to the host: document kinds, detections, furniture."""

from __future__ import annotations

import re

import attrs

from peelparse._errors import PluginError
from peelparse._records import Document


@attrs.frozen
class Detection:
    """A plugin's answer to "is this text one of your kinds?"."""

    kind: str
    """The kind tag, e.g. "inspection_report"."""
    confidence: float
    """0 (no idea) to 1 (certain)."""
    evidence: str
    """What was seen, in a few words a person can check."""

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be within 0..1, not {self.confidence}")


@attrs.frozen
class Furniture:
    """A kind of web-page or PDF line that is not part of the document (menus, banners)."""

    pattern: str
    """A regular expression a whole line (stripped of surrounding white space) must match;
    matched case-insensitively. Use ``(?:...)``, not named groups."""
    reason: str
    """Why such lines are set aside, e.g. "navigation", "cookie banner"."""
    needs: tuple[str, ...] = ()
    """Lower-case words one of which a line must hold for the pattern to match it: a cheap
    test that spares the expression on the lines of prose that hold none. Each word must be
    necessary, never only likely; leave 's' and 'i' out ('ſ' and 'ı' match them
    case-insensitively but lower-case to themselves). Empty: every line is tried."""

    def __attrs_post_init__(self) -> None:
        if isinstance(self.needs, str):
            raise TypeError(f"furniture needs are a tuple of words, not the string {self.needs!r}")
        for word in self.needs:
            if not isinstance(word, str) or not word or word != word.lower():
                raise ValueError(f"furniture needs are lower-case words, not {word!r}")
        try:
            compiled = re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"bad furniture pattern {self.pattern!r}: {exc}") from None
        if compiled.groupindex:
            raise ValueError(f"furniture pattern {self.pattern!r} must not name its groups")


@attrs.frozen
class Reading:
    """A file format turned into the line text every grammar reads."""

    text: str
    """One block (paragraph, heading, list item, table row) per line; list items start with
    a bullet; blank lines between blocks."""
    format: str
    """The format read, e.g. "html", "pdf"."""
    encoding: str = "utf-8"
    """The character encoding the format declared or the reader found."""
    furniture: tuple[tuple[int, str], ...] = ()
    """Lines of ``text`` that are page furniture by what the format says (an HTML page's
    ``<nav>``, say): (1-based line number, reason). Like lines the furniture patterns
    match, they are kept in ``unclassified`` and no grammar sees them."""


class KindRegistry:
    """Collects the document kinds plugins declare (``peelparse_register_kinds``)."""

    def __init__(self) -> None:
        self._kinds: dict[str, type[Document]] = {}
        self._owners: dict[str, str] = {}
        self.current_plugin = "?"

    def add(self, record: type[Document]) -> None:
        """Declare a document kind by its record class (a subclass of ``Document``)."""
        if not (isinstance(record, type) and issubclass(record, Document)):
            raise PluginError(
                "PP303",
                f"plugin {self.current_plugin!r} registered "
                f"{record!r}, which is not a Document subclass",
            )
        kind = record.kind
        if not re.fullmatch(r"[a-z][a-z0-9_]*", kind) or kind == Document.kind:
            raise PluginError(
                "PP303",
                f"plugin {self.current_plugin!r}: {record.__name__}.kind "
                f"must be a snake_case tag of its own, not {kind!r}",
            )
        if kind in self._kinds and self._owners[kind] != self.current_plugin:
            raise PluginError(
                "PP304",
                f"kind {kind!r} is registered twice: by plugin "
                f"{self._owners[kind]!r} and by plugin {self.current_plugin!r}",
            )
        self._kinds[kind] = record
        self._owners[kind] = self.current_plugin

    @property
    def kinds(self) -> dict[str, type[Document]]:
        """Kind tag to record class."""
        return dict(self._kinds)

    def owner(self, kind: str) -> str:
        """Name of the plugin that declared ``kind``."""
        return self._owners[kind]
