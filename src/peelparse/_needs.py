"""The words a regular expression cannot match without, and the characters a match can
start with, read from the expression itself.

A line shape is tried on every line of every document, and most lines are prose that no
shape but the paragraph matches; a failed match still costs the engine a scan of the line.
Looking for one word in the lower-cased text first is far cheaper, so the core reads from
each expression a set of words one of which any text it matches must hold, and tries the
expression only where one is present. The set is read from the parsed expression, so it
holds by construction: a word is taken only from literal characters every match must
contain, in a form ``str.lower`` cannot disturb.
"""

from __future__ import annotations

import re
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

MIN_WORD = 2
"""Shorter words are found in almost every text: a guard made of them only costs. A mark
that is not a letter, a digit or a space ("?", "@") is rare enough alone."""

_UNSAFE_FOLDED = frozenset("si")
"""Letters that, with case ignored, also match a character that ``str.lower`` leaves as it is
("ſ", "ı"): a text can match them without holding the lower-case letter."""

Words = frozenset[str]


def needed_words(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case words one of which every text ``pattern`` matches holds (found in
    ``text.lower()``), or ``None`` when the expression guarantees no such word."""
    parsed = sre_parse.parse(pattern, flags)
    found = _in_sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    if found is None or not all(map(_rare_enough, found)):
        return None
    return tuple(sorted(found))


def _in_sequence(items: list[tuple[Any, Any]], ignore_case: bool) -> Words | None:
    """The best word set among the parts every match of the sequence ``items`` passes."""
    candidates: list[Words] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, value in items:
        char = _literal(op, value)
        if char is not None:
            if char.isascii() and not (ignore_case and char.lower() in _UNSAFE_FOLDED):
                run.append(char.lower())
            else:
                flush()
            continue
        if op is sre.AT:
            continue  # an anchor takes no character: the literals around it stay adjacent
        flush()
        found = _in_item(op, value, ignore_case)
        if found is not None:
            candidates.append(found)
    flush()
    return max(candidates, key=_strength, default=None)


def _literal(op: Any, value: Any) -> str | None:
    if op is sre.LITERAL:
        return chr(value)
    if op is sre.IN and len(value) == 1 and value[0][0] is sre.LITERAL:
        return chr(value[0][1])
    return None


def _in_item(op: Any, value: Any, ignore_case: bool) -> Words | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = value
        folded = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
            del_flags & re.IGNORECASE
        )
        return _in_sequence(list(inner), folded)
    if op is sre.ATOMIC_GROUP:
        return _in_sequence(list(value), ignore_case)
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in value[1]:
            found = _in_sequence(list(branch), ignore_case)
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _most, inner = value
        return _in_sequence(list(inner), ignore_case) if least >= 1 else None
    return None


def _rare_enough(word: str) -> bool:
    return len(word) >= MIN_WORD or not (word.isalnum() or word.isspace())


def _strength(words: Words) -> tuple[int, int]:
    """A set whose shortest word is longer is rarer; of equal ones, fewer words are cheaper."""
    return min(len(word) for word in words), -len(words)


def holds_any(lowered: str, words: tuple[str, ...] | None) -> bool:
    """Whether ``lowered`` (a lower-cased text) holds one of ``words``; no words (``None`` or
    empty) hold always."""
    if not words:
        return True
    # A plain loop: any() over a generator costs more, and this runs for every unit.
    for word in words:  # noqa: SIM110
        if word in lowered:
            return True
    return False


def first_character(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """An expression that matches the first character of every text ``pattern`` matches at
    its start (with ``match`` or ``fullmatch``), or ``None`` when the expression does not tell
    (it may match the empty text, or its start is not plain characters). The character
    classes are taken from the parsed expression and compiled with its flags, so case is
    ignored exactly as the expression ignores it."""
    parsed = sre_parse.parse(pattern, flags)
    found = _first(list(parsed))
    if found is None or found[1]:
        return None
    branch = [sre_parse.SubPattern(parsed.state, [item]) for item in found[0]]
    whole = sre_parse.SubPattern(parsed.state, [(sre.BRANCH, (None, branch))])
    return sre_compile.compile(whole, flags)  # type: ignore[no-any-return]


_ONE_CHARACTER = frozenset({sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY})
_NO_CHARACTER = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})

First = tuple[list[tuple[Any, Any]], bool]
"""The items one of which takes a match's first character, and whether the match may also
take none (the sequence can match the empty text)."""


def _first(items: list[tuple[Any, Any]]) -> First | None:
    """What may take the first character of a match of the sequence ``items``; ``None`` when
    that cannot be read from it."""
    starts: list[tuple[Any, Any]] = []
    for op, value in items:
        if op in _ONE_CHARACTER:
            return [*starts, (op, value)], False
        if op in _NO_CHARACTER:
            continue  # a look-around or an anchor takes no character: the next item does
        inner = _first_of(op, value)
        if inner is None:
            return None
        starts += inner[0]
        if not inner[1]:
            return starts, False
    return starts, True


def _first_of(op: Any, value: Any) -> First | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = value
        # Flags set for a group alone would need compiling that group's way: not read.
        return None if add_flags or del_flags else _first(list(inner))
    if op is sre.ATOMIC_GROUP:
        return _first(list(value))
    if op is sre.BRANCH:
        starts: list[tuple[Any, Any]] = []
        empty = False
        for branch in value[1]:
            found = _first(list(branch))
            if found is None:
                return None
            starts += found[0]
            empty = empty or found[1]
        return starts, empty
    if op in _REPEATS:
        least, _most, inner = value
        found = _first(list(inner))
        return None if found is None else (found[0], found[1] or least == 0)
    return None
