"""The hooks a peelparse plugin may implement.

A plugin is a module (or object) with functions named like these, marked with
``@peelparse.hookimpl``, made known through the ``peelparse`` entry-point group::

    [project.entry-points.peelparse]
    minutes = "peelparse_minutes"

Every hook is optional. Hooks are called by keyword, so an implementation may take
fewer arguments than the spec lists.
"""

from __future__ import annotations

from collections.abc import Sequence

import pluggy

from peelparse._kinds import Detection, Furniture, KindRegistry, Reading
from peelparse._records import Document
from peelparse._source import SourceText

hookspec = pluggy.HookspecMarker("peelparse")
hookimpl = pluggy.HookimplMarker("peelparse")


@hookspec
def peelparse_register_kinds(registry: KindRegistry) -> None:
    """Declare the document kinds this plugin parses.

    Call ``registry.add(RecordClass)`` once per kind; ``RecordClass`` is an attrs subclass
    of ``peelparse.Document`` whose class variable ``kind`` is the kind's tag. Runs once per
    ``Parser``, before its JSON converter is built, so the records serialise like the
    built-in ones. A kind declared by two plugins is a ``PluginError``.

    :param registry: the Parser's registry of kinds.
    """


@hookspec
def peelparse_furniture() -> Sequence[Furniture]:
    """Lines every document kind should set aside as page furniture.

    Return ``Furniture(pattern, reason)`` items: a line whose stripped text fully matches
    ``pattern`` (case-insensitively) is kept in ``unclassified`` with ``reason`` and no
    grammar sees it. The patterns of all plugins are compiled once per ``Parser`` into one
    expression, so contributing furniture costs no extra pass over the text.
    """
    return ()


@hookspec
def peelparse_detect(source: SourceText) -> Detection | None:
    """Say how likely ``source`` is to be one of your kinds.

    Every plugin is asked; the highest ``Detection.confidence`` wins and its ``evidence`` is
    kept on the document. Return ``None`` when the text is not one of yours. Read
    ``source.view`` (a ``DetectionView`` of the first few KB) rather than the whole text:
    detection runs on every document, and the view is made once for all plugins, so what
    one worked out (the head lower-cased, the words it holds, its top lines, the forces it
    names, each sign's search) the next finds done. ``Signs.weigh(source.view)`` weighs
    signs through it.

    :param source: the decoded text, with furniture lines marked.
    """


@hookspec(firstresult=True)
def peelparse_parse(source: SourceText, kind: str) -> Document | None:
    """Parse ``source`` into a record of ``kind``, or return ``None`` if ``kind`` is not yours.

    The first plugin to return a record wins. Put text that no rule claims into the record's
    ``unclassified`` and problems into its ``diagnostics``; raise only
    ``peelparse.PeelParseError``.

    :param source: the decoded text, with furniture lines marked.
    :param kind: the kind detection chose (or the caller asked for).
    """


@hookspec(firstresult=True)
def peelparse_read(data: bytes, name: str | None) -> Reading | None:
    """Turn a file format you know (an HTML page, a PDF) into text, or return ``None``.

    Return a ``Reading`` whose ``text`` has one block per line, list items starting with a
    bullet ("• "), so that every grammar reads it as it reads plain text. Recognise your
    format by its bytes (and ``name`` only as a hint). If the format is yours but a library
    it needs is missing, raise ``peelparse.InputError`` naming the extra to install. Plain
    text is never passed to a reader after one returns ``None`` for it. Lines the format
    itself marks as page furniture (an HTML page's navigation, say) go in
    ``Reading.furniture``: they are kept in ``unclassified`` and no grammar sees them.

    :param data: the raw bytes of the file.
    :param name: the file name, or ``None`` for bytes given directly.
    """
