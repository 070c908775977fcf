"""A document with no force: national (about forces in general, or several forces) or one
whose force was not found. IDs, ``Corpus.select`` and summaries keep the two apart.

The parser notes a document whose force it did not find, and that is not national, with a
PP205 diagnostic; ``force_key`` reads it back, so a document read from JSON keeps its key.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from peelparse._errors import InputError
from peelparse._forces import FORCES
from peelparse._metadata import NATIONAL_TITLE, about_forces_in_general
from peelparse._records import Diagnostic, Document
from peelparse._vocab import Severity

NATIONAL = "national"
"""The force key of a document about forces in general, or about several forces."""
UNKNOWN_FORCE = "unknown-force"
"""The force key of a document about one force that was not found in it."""
FORCE_NOT_FOUND = "PP205"
SEVERAL_FORCES = "PP220"
"""A page of several forces' press releases (national by what it holds)."""
NOTHING_RECOGNISED = "PP204"
"""No plugin recognised the text: nothing says what it is about, national or not."""


def force_key(document: Document) -> str:
    """The force slug, ``"national"`` or ``"unknown-force"``: the first part of an ID."""
    if document.force is not None:
        return document.force.slug
    if any(d.code in (FORCE_NOT_FOUND, NOTHING_RECOGNISED) for d in document.diagnostics):
        return UNKNOWN_FORCE
    return NATIONAL


_NATIONAL_OR_UNKNOWN = frozenset((SEVERAL_FORCES, NOTHING_RECOGNISED))


def force_not_found(text: str, document: Document) -> list[Diagnostic]:
    """A PP205 note when ``document`` has no force and does not read as a national one: not
    titled as one, not opening on forces in general, not a page of several forces' releases.
    A text no plugin recognised has its own note (PP204), and its key is ``unknown-force``."""
    if document.force is not None:
        return []
    # The codes first: they cost least to look at, and a text no plugin recognised has one.
    # A loop, not any() over a generator: it runs on every parse.
    for diagnostic in document.diagnostics:
        if diagnostic.code in _NATIONAL_OR_UNKNOWN:
            return []
    if document.title and NATIONAL_TITLE.search(document.title):
        return []
    if about_forces_in_general(text):
        return []
    return [
        Diagnostic(
            FORCE_NOT_FOUND,
            Severity.INFO,
            "no force was found, and the text does not read as a national one: its IDs "
            f"begin {UNKNOWN_FORCE}/",
            None,
        )
    ]


def check_force_key(key: str, also: Iterable[str] = ()) -> None:
    """Raise ``InputError`` (PP112) unless ``key`` is a force slug, ``national``,
    ``unknown-force`` or one of ``also``; the message names the closest of them."""
    known = {force.slug for force in FORCES} | {NATIONAL, UNKNOWN_FORCE} | set(also)
    if key in known:
        return
    # A slug's start ("met", "avon") is what people shorten it to; else the nearest spelling.
    closest = [slug for slug in sorted(known) if slug.startswith(key.lower())][:1]
    closest = closest or difflib.get_close_matches(key.lower(), sorted(known), n=1, cutoff=0.6)
    hint = (
        f"; did you mean {closest[0]!r}?"
        if closest
        else f"; the slugs are: {', '.join(sorted(known))}"
    )
    raise InputError("PP112", f"no force has the slug {key!r}{hint}")
