"""Detection by weighed signs: the way every built-in plugin scores a text for its kind.

A plugin lists the layouts its kind shows (and those of other kinds, with negative
weights); each sign that fires adds its weight once, and the sum, capped at 1, is the
plugin's confidence. Evidence names the signs for and against, so a person can check why.

Every plugin weighs every document, so the weighing is kept cheap: the head is read
through the document's one ``DetectionView``, which every plugin shares; a sign's words are
looked for before its pattern is; a pattern is compiled only when a head first needs it
searched, in a form the regular-expression engine scans quickly (``peelparse._fast_search``)
that finds a match exactly when the pattern as written would; and a pattern two plugins
share is searched once per document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

import attrs

from peelparse._detection import DetectionView
from peelparse._fast_search import FastSearch
from peelparse._kinds import Detection

Needs = tuple[str, ...] | tuple[tuple[str, ...], ...]
"""Words one of which a text must hold, or groups of such words that must all be met."""


def _check_needs(_sign: Any, _attribute: Any, needs: Needs) -> None:
    items = tuple(needs)
    groups = [item for item in items if not isinstance(item, str)]
    if not groups:
        return
    if len(groups) != len(items):
        raise TypeError("needs are words or groups (tuples) of words, not both")
    for group in groups:
        if not all(isinstance(word, str) for word in group):
            raise TypeError(f"a group of needed words holds something else: {group!r}")
        if not group:
            raise ValueError("a group of needed words is empty: no text could meet it")


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
    needs: Needs = attrs.field(default=(), validator=_check_needs)
    """Lower-case words the text must hold for the sign to be searched for at all: a cheap
    test that spares the regular expression on most texts. Either words one of which the
    text must hold, ``("dear", "yours")``, or groups of such words, every group having one
    in the text: ``(("dear",), ("sir", "madam"))``. Words are looked for in
    ``text.lower()``. Each group must be necessary for a match, never only likely: for a
    case-insensitive pattern, leave 's' and 'i' out of words ('ſ' and 'ı' match them but
    lower-case to themselves)."""


@attrs.define
class Weighing:
    """The signs found in one text so far; add your own with ``add``."""

    kind: str
    minimum: float
    found: list[tuple[float, str]] = attrs.field(factory=list)

    def add(self, weight: float, evidence: str) -> None:
        """Count a sign found: its weight and what it shows."""
        self.found.append((weight, evidence))

    def add_first(self, weight: float, evidence: str) -> None:
        """Count a sign found, before every sign found so far: where a plugin checks a sign
        only after ``weigh``, its answer stays what it would be had it checked it first."""
        self.found.insert(0, (weight, evidence))

    def could_detect(self, weight: float) -> bool:
        """Whether the answer could be a detection with a sign of ``weight`` added first or
        without it: a plugin need not check a costly sign where neither could."""
        weights = [found for found, _ in self.found]
        return self._enough(_summed([weight, *weights])) or self._enough(_summed(weights))

    @property
    def score(self) -> float:
        """The sum of the weights found so far (not capped; see ``detection``)."""
        return _summed(weight for weight, _ in self.found)

    def detection(self) -> Detection | None:
        """The answer for ``peelparse_detect``: ``None`` below the minimum."""
        score = self.score
        if not self._enough(score):
            return None
        evidence = ", ".join(text for weight, text in self.found if weight > 0)
        against = ", ".join(text for weight, text in self.found if weight < 0)
        if against:
            evidence += f"; against: {against}"
        return Detection(self.kind, min(score, 1.0), evidence)

    def _enough(self, score: float) -> bool:
        return score >= self.minimum and score > 0


_MARGIN = 0.001
"""More than rounding can move a sum of a few weights given to three decimals."""


def _summed(weights: Iterable[float]) -> float:
    """A score: the weights summed in the order found, rounded."""
    return round(sum(weights), 3)


class Signs:
    """The signs of one kind; each pattern is compiled when a head first needs it."""

    def __init__(
        self, kind: str, signs: Iterable[Sign], *, minimum: float, flags: int | None = None
    ) -> None:
        """``flags``, when given, replace every sign's own."""
        self.kind = kind
        self.minimum = minimum
        self._entries = [_Entry(sign, sign.flags if flags is None else flags) for sign in signs]
        # For each sign, the most it and the signs after it can add, with what ``_weigh``
        # reads of it, in one tuple: this runs for every sign of every document.
        ahead = list(accumulate(max(e.weight, 0.0) for e in reversed(self._entries)))
        self._steps = [
            (most, e.group, e.needs, e.search, e.weight, e.evidence)
            for e, most in zip(self._entries, reversed(ahead), strict=True)
        ]

    def start(self) -> Weighing:
        """An empty weighing, for signs a plugin checks itself before ``weigh``."""
        return Weighing(self.kind, self.minimum)

    def weigh(self, text: DetectionView | str, into: Weighing | None = None) -> Weighing:
        """Every sign found in ``text``, added to ``into`` when given. Give the document's
        ``SourceText.view``, which every plugin shares, or text (the first few KB)."""
        weighing = into if into is not None else self.start()
        self._weigh(text, weighing, None)
        return weighing

    def weigh_to_detect(
        self, text: DetectionView | str, into: Weighing | None = None, *, later: float = 0.0
    ) -> Weighing | None:
        """``weigh``, for a plugin's ``peelparse_detect``: ``None`` as soon as the score could
        not reach the minimum whatever the signs not weighed yet find, with ``later`` (what
        the plugin may still add itself, at most) added. Its ``detection()`` would then be
        ``None``; most texts are of other kinds, and the signs against a kind, listed
        last, are then never searched."""
        weighing = into if into is not None else self.start()
        # What the score must be able to reach; a margin above any rounding of a sum.
        reach = max(self.minimum, 0.0) - max(later, 0.0) - _MARGIN
        return weighing if self._weigh(text, weighing, reach) else None

    def _weigh(self, text: DetectionView | str, weighing: Weighing, reach: float | None) -> bool:
        """Add the signs found to ``weighing``, in order; ``False`` where it stopped because
        the score, with every sign left found, would stay below ``reach``."""
        view = text if isinstance(text, DetectionView) else DetectionView(text)
        meets = view.meets
        fired: set[str] = set()
        score = sum(weight for weight, _ in weighing.found)
        for ahead, group, needs, search, weight, evidence in self._steps:
            if reach is not None and score + ahead < reach:
                return False
            if group is not None and group in fired:
                continue
            if needs and not meets(needs):
                continue
            if not search.seen_in(view):
                continue
            weighing.add(weight, evidence)
            score += weight
            if group is not None:
                fired.add(group)
        return True

    def _compiled(self) -> int:
        """How many signs have had a pattern compiled so far."""
        return sum(1 for entry in self._entries if entry.search.searches)


def needs_groups(needs: Needs) -> tuple[tuple[str, ...], ...]:
    """``needs`` as groups of words, every group needing one of its words in the head."""
    items: tuple[Any, ...] = tuple(needs)
    if items and not isinstance(items[0], str):
        return tuple(tuple(group) for group in items)
    return (items,) if items else ()


class _Entry:
    """One sign as ``weigh`` uses it: its needs as groups, and its search."""

    __slots__ = ("evidence", "flags", "group", "needs", "pattern", "search", "weight")

    def __init__(self, sign: Sign, flags: int) -> None:
        self.pattern = sign.pattern
        self.weight = sign.weight
        self.evidence = sign.evidence
        self.group = sign.group
        self.flags = flags
        self.needs = needs_groups(sign.needs)
        self.search = FastSearch(sign.pattern, flags)
