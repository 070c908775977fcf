"""Closed vocabularies of the domain: grades, pillars, severities."""

from __future__ import annotations

import enum
import functools
import re

_GRADE_WORDS: dict[str, str] = {
    "outstanding": "outstanding",
    "good": "good",
    "adequate": "adequate",
    "requires improvement": "requires_improvement",
    "require improvement": "requires_improvement",
    "requiring improvement": "requires_improvement",
    "required improvement": "requires_improvement",
    "inadequate": "inadequate",
    "not graded": "not_graded",
    "not yet graded": "not_graded",
    "not been graded": "not_graded",
    "not been inspected or graded": "not_graded",
    "to be graded": "not_graded",
    "ungraded": "not_graded",
}

GRADE_PATTERN = (
    r"(?:outstanding|good|adequate|inadequate|requir(?:es|e|ing|ed)\s+improvement"
    r"|not\s+(?:yet\s+|been\s+(?:inspected\s+or\s+)?)?graded|to\s+be\s+graded|ungraded)"
)
"""A regular expression (no groups, match case-insensitively) for every way text writes a grade."""

GRADE_WORDS = ("good", "adequate", "outstanding", "requir", "graded")
"""Lower-case words one of which every match of ``GRADE_PATTERN`` holds."""


def may_name_grade(lower: str) -> bool:
    """Whether ``lower`` (text in lower case) can hold a grade: a test far cheaper than
    ``GRADE_PATTERN`` that spares it on most sentences and lines."""
    # Spelled out rather than any(...) over the words: it runs on every line and sentence.
    return (
        "good" in lower
        or "adequate" in lower
        or "outstanding" in lower
        or "requir" in lower
        or "graded" in lower
        or "narrative" in lower
    )


class Grade(enum.StrEnum):
    """A graded judgment. 2014-2019 use four tiers; 2021/22 on add ``adequate``."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"
    NOT_GRADED = "not_graded"

    @classmethod
    def from_text(cls, words: str) -> Grade:
        """The grade ``words`` name, in any of the forms reports use.

        >>> Grade.from_text("Requiring improvement")
        <Grade.REQUIRES_IMPROVEMENT: 'requires_improvement'>
        """
        return _grade_named(words)


# Readers name a grade for every grade word they keep, nearly always in the same few
# spellings: each spelling is worked out once. Bounded, as a text may write the words in
# any number of ways.
@functools.lru_cache(maxsize=256)
def _grade_named(words: str) -> Grade:
    key = " ".join(words.strip().strip("'\"‘’“”.:").lower().split())
    try:
        return Grade(_GRADE_WORDS[key])
    except KeyError:
        raise ValueError(f"not a grade: {words!r}") from None


class Pillar(enum.StrEnum):
    """The strands PEEL assesses (leadership was a fourth strand in 2015-2016)."""

    EFFECTIVENESS = "effectiveness"
    EFFICIENCY = "efficiency"
    LEGITIMACY = "legitimacy"
    LEADERSHIP = "leadership"

    @classmethod
    def from_word(cls, word: str) -> Pillar:
        """The pillar a word stands for: "Legitimacy", "legitimately", "efficient", "well led"."""
        return _pillar_named(word)


# As with grades, each spelling is worked out once.
@functools.lru_cache(maxsize=256)
def _pillar_named(word: str) -> Pillar:
    stem = _PILLAR_STEM.match(word.strip().lower())
    if stem is None:
        raise ValueError(f"not a pillar: {word!r}")
    return Pillar(_PILLAR_BY_STEM[stem.group(1)])


_PILLAR_STEM = re.compile(r"(effectiv|efficien|legitima|leader|well[- ]led)")
_PILLAR_BY_STEM = {
    "effectiv": "effectiveness",
    "efficien": "efficiency",
    "legitima": "legitimacy",
    "leader": "leadership",
    "well led": "leadership",
    "well-led": "leadership",
}


class Severity(enum.StrEnum):
    """How much a diagnostic matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
