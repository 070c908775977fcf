"""Detection by weighed signs: the way every built-in plugin scores a text for its kind.

A plugin lists the layouts its kind shows (and those of other kinds, with negative
weights); each sign that fires adds its weight once, and the sum, capped at 1, is the
plugin's confidence. Evidence names the signs for and against, so a person can check why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from peelparse._kinds import Detection


@attrs.frozen
class Sign:
    """A layout that speaks for (or, with a negative weight, against) a kind."""

    pattern: str
    """A regular expression searched for in the text (multi-line mode unless ``flags`` say)."""
    weight: float
    """What it adds to the confidence when found (negative: a sign of another kind)."""
    evidence: str
    """What it shows, in a few words a person can check."""
    group: str | None = None
    """Signs of one group count once: the first listed that fires."""
    flags: int = re.MULTILINE
    """Regular-expression flags."""
    needs: tuple[str, ...] = ()
    """Lower-case words one of which the text must hold for the sign to be searched for at
    all: a cheap test that spares the regular expression on most texts. Each must be
    necessary for a match, never only likely."""


@attrs.define
class Weighing:
    """The signs found in one text so far; add your own with ``add``."""

    kind: str
    minimum: float
    found: list[tuple[float, str]] = attrs.field(factory=list)

    def add(self, weight: float, evidence: str) -> None:
        self.found.append((weight, evidence))

    @property
    def score(self) -> float:
        return round(sum(weight for weight, _ in self.found), 3)

    def detection(self) -> Detection | None:
        """The answer for ``peelparse_detect``: ``None`` below the minimum."""
        score = self.score
        if score < self.minimum or score <= 0:
            return None
        evidence = ", ".join(text for weight, text in self.found if weight > 0)
        against = ", ".join(text for weight, text in self.found if weight < 0)
        if against:
            evidence += f"; against: {against}"
        return Detection(self.kind, min(score, 1.0), evidence)


class Signs:
    """The signs of one kind, compiled once."""

    def __init__(
        self, kind: str, signs: Iterable[Sign], *, minimum: float, flags: int | None = None
    ) -> None:
        """``flags``, when given, replace every sign's own."""
        self.kind = kind
        self.minimum = minimum
        self._signs = [
            (re.compile(s.pattern, s.flags if flags is None else flags), s) for s in signs
        ]

    def start(self) -> Weighing:
        """An empty weighing, for signs a plugin checks itself before ``weigh``."""
        return Weighing(self.kind, self.minimum)

    def weigh(self, text: str, into: Weighing | None = None) -> Weighing:
        """Every sign found in ``text`` (look at the first few KB: ``SourceText.head``), added
        to ``into`` when given."""
        weighing = into if into is not None else self.start()
        groups: set[str] = set()
        lower = text.lower()
        for pattern, sign in self._signs:
            if sign.group is not None and sign.group in groups:
                continue
            if sign.needs and not any(word in lower for word in sign.needs):
                continue
            if pattern.search(text):
                weighing.add(sign.weight, sign.evidence)
                if sign.group is not None:
                    groups.add(sign.group)
        return weighing
