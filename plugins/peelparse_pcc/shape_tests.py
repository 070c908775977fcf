"""Tests of a line's shape that an expression alone cannot make: counts of words, a word
misread by OCR, what may stand in a signature block. The shapes they complete are in
``shapes``."""

from __future__ import annotations

import difflib
import re

from peelparse_pcc.shapes import (
    BOLD_LINE,
    BULLET,
    DATE_LABEL,
    DATE_LINE,
    HEADING,
    KNOWN_VALEDICTIONS,
    MARKDOWN_HEADING,
    NOT_A_NAME,
    OUR_REF,
    PERSON,
    REF_VALUE,
    REPORT_TITLE,
    ROLE_WORDS,
    SALUTATION,
    VALEDICTION,
    YOUR_REF,
)

FUZZY = 0.75
"""How alike a misread word must be to the word it stands for ("Dcar" for "Dear")."""
AFTER_SIGNATURE = re.compile(r"(?:cc|c\.c\.|copy\s+to|enc(?:losures?|s?\.)?)\b", re.IGNORECASE)
"""Lines under a signature that are not part of it: copies, enclosures."""
_QUOTED = re.compile(r"[\"“”]|\b(?:said|says)\b")
ENDS_SENTENCE = (".", "!", "?", ":", ";", '"', "”", "’", ")")
"""How a line that ends a sentence ends."""


def words(text: str) -> int:
    return len(text.split())


def more_words(text: str, limit: int) -> bool:
    """Whether ``text`` has more than ``limit`` words: ``words(text) > limit`` without
    splitting a long line to its end."""
    return len(text.split(None, limit)) > limit


def is_prose(text: str) -> bool:
    """A line of running text rather than a label, name or address line."""
    n = words(text)
    return n > 15 or (n > 8 and text.rstrip().endswith(ENDS_SENTENCE))


def is_sentence(text: str) -> bool:
    """Running text that ends a letter's head; a long address line without a full stop
    (office, street, town and postcode on one line) does not."""
    n = words(text)
    return n > 30 or (n > 8 and text.rstrip().endswith(ENDS_SENTENCE))


def is_salutation(text: str, *, misread: bool = True) -> bool:
    """ "Dear Home Secretary," and, with ``misread``, its OCR misreadings ("Dcar Home
    Secretary"); OCR keeps the capital and garbles the letters after it."""
    # The word count first: it turns away a line of prose before the expression tries it.
    if more_words(text, 7):
        return False
    match = SALUTATION.fullmatch(text)
    if match is None:
        return False
    word = match.group("word")
    return word.lower() == "dear" or (misread and word[:1] == "D" and alike(word.lower(), "dear"))


_KNOWN_KEYS = tuple(known.lower() for known in KNOWN_VALEDICTIONS)


def alike(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are at least ``FUZZY`` alike by ``difflib``'s ratio.

    The length and letter-count bounds never exceed the ratio (all three are the same
    fraction of a count of matches), so a pair they rule out is ruled out exactly; only
    the pairs left get the full, far dearer comparison.
    """
    total = len(a) + len(b)
    if total and 2.0 * min(len(a), len(b)) / total < FUZZY:
        return False
    if total and 2.0 * shared_letters(a, b) / total < FUZZY:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= FUZZY


def shared_letters(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` have in common, counted with repeats: the count
    ``SequenceMatcher.quick_ratio`` takes, without building a matcher."""
    left: dict[str, int] = {}
    for char in b:
        left[char] = left.get(char, 0) + 1
    shared = 0
    for char in a:
        count = left.get(char, 0)
        if count > 0:
            left[char] = count - 1
            shared += 1
    return shared


def is_valediction(text: str) -> bool:
    """A complimentary close in its usual words, or a close misread (but still alike)."""
    if VALEDICTION.fullmatch(text):
        return True
    if more_words(text, 3):
        return False
    key = text.lower().strip(" ,.")
    return any(alike(key, known) for known in _KNOWN_KEYS)


def is_signature_like(text: str) -> bool:
    """A line that may stand in a signature block: short, not a sentence, not a quotation,
    not a bullet."""
    return (
        bool(text)
        and words(text) <= 12
        and not text.rstrip().endswith(ENDS_SENTENCE)
        and not _QUOTED.search(text)
        and not BULLET.match(text)
    )


def is_heading(text: str) -> bool:
    return bool(MARKDOWN_HEADING.match(text)) or (
        may_be_heading(text) and bool(HEADING.match(text)) and not text.startswith("**")
    )


HEADING_LENGTH = 111
"""The most characters ``HEADING`` takes before the white space that may end a line."""


def may_be_heading(text: str) -> bool:
    """Whether ``HEADING`` may match ``text``: a longer line is turned away before the
    expression backtracks through it."""
    return len(text) <= HEADING_LENGTH or len(text.rstrip()) <= HEADING_LENGTH


def is_field_label(text: str) -> bool:
    """A letter's field label, with or without its value: "Our ref:", "Your ref", "Date:"."""
    return bool(OUR_REF.match(text) or YOUR_REF.match(text) or DATE_LABEL.match(text))


def is_ref_value(text: str) -> bool:
    """A reference standing on the line under its label."""
    return bool(REF_VALUE.fullmatch(text)) and not (is_field_label(text) or DATE_LINE.match(text))


def names_someone(text: str) -> bool:
    """A line of an address block that is a person or a role ("Home Secretary")."""
    first = text.split(", ")[0]
    return words(first) <= 5 and bool(
        ROLE_WORDS.search(first) or (PERSON.fullmatch(first) and not NOT_A_NAME.search(first))
    )


def is_report_line(text: str) -> bool:
    """A report's title on a line of its own, without closing punctuation."""
    return (
        bool(REPORT_TITLE.search(text))
        and is_heading(text)
        and not ROLE_WORDS.search(text)
        and not DATE_LINE.match(text)
    )


def is_titled(text: str) -> bool:
    """A report's title set apart on its own line (bold or heading-like)."""
    return (
        bool(REPORT_TITLE.search(text))
        and (bool(BOLD_LINE.match(text)) or is_heading(text))
        and not ROLE_WORDS.search(text)
        and not is_field_label(text)
        and not DATE_LINE.match(text)
    )
