"""Every expression that reads grades takes time in proportion to the text.

Each is timed on texts that almost match it (long runs of the words and spaces its parts
repeat over) at two sizes; the time per character at the larger size may not grow by more
than half over the smaller one, as it would for an expression that backtracks.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest

import peelparse._grade_context as context
import peelparse._grade_lines as lines
import peelparse._judgements as judgements
from peelparse._lazy import LazyPattern
from peelparse._source import from_text
from peelparse.text import judgements_in, judgements_of

SMALL, LARGE = 2_000, 16_000
GROWTH = 1.5

# Pieces that start many partial matches: openers of the sentence shapes, grade words, the
# cue words around them, and the white space and punctuation their parts stop at.
NEAR_MISSES = [
    " ",
    "the extent to which the force is effective ",
    "the efficiency with which the force ",
    "Kent Police ",
    "the force is good at ",
    "good ",
    "'good' ",
    "good, ",
    "judged ",
    "rated the force as ",
    "requires improvement ",
    "is ",
    "a b ",
    "Area: ",
    "Good – ",
    "? ",
    "24 forces ",
    "no ",
    "the areas judged ",
]


def _near_miss(piece: str, size: int) -> str:
    # a grade-free tail keeps the whole text a near miss, and a head opens it
    return ("the extent to which " + piece * (size // len(piece) + 1))[:size] + " x"


def _patterns() -> list[tuple[str, LazyPattern]]:
    found: list[tuple[str, LazyPattern]] = []
    for module in (judgements, context, lines):
        for name, value in vars(module).items():
            items = value if isinstance(value, tuple) else (value,)
            for index, item in enumerate(items):
                for part in ("pattern", "tail", "after"):
                    inner = getattr(item, part, None)
                    if isinstance(inner, LazyPattern):
                        found.append((f"{module.__name__}.{name}[{index}].{part}", inner))
                if isinstance(item, LazyPattern):
                    found.append((f"{module.__name__}.{name}", item))
    return found


# Expressions matched only at one place: a line's start, or right after a grade word.
_ANCHORED = {
    id(pattern)
    for pattern in (
        lines.AREA_GRADE,
        lines.GRADE_LINE,
        lines.GLUED_GRADE,
        context._PREPOSITION,
        context._SENTENCE_END,
        context._GRADE_NOUN,
        context._APPROACH,
        context._IN_AREAS,
        context._TO,
        context._LEFT_SINCE,
        context._PLAIN_NOUN,
        context._SCALE_GAP,
        context._EARLIER_AFTER,
        context._LEAD,
        *(shape.after for shape in judgements._SHAPES if shape.after),
    )
}


def _per_char(run: Callable[[str], object], text: str) -> float:
    """Least CPU time per character over a few repeats, each long enough to time."""
    start = time.process_time()
    run(text)
    once = time.process_time() - start
    rounds = max(1, int(0.002 / once)) if once > 0 else 50
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        for _ in range(rounds):
            run(text)
        best = min(best, (time.process_time() - start) / rounds)
    return best / len(text)


def _grows(run: Callable[[str], object], piece: str) -> float:
    small = _per_char(run, _near_miss(piece, SMALL))
    large = _per_char(run, _near_miss(piece, LARGE))
    # below a microsecond per 2 KB the timer says nothing
    return large / max(small, 1e-9 / SMALL * 1000)


def _runner(pattern: LazyPattern) -> Callable[[str], object]:
    compiled: re.Pattern[str] = pattern.compiled
    if id(pattern) in _ANCHORED:
        return compiled.match
    return lambda text: sum(1 for _ in compiled.finditer(text))


@pytest.mark.parametrize(("name", "pattern"), _patterns(), ids=[n for n, _ in _patterns()])
def test_a_judgement_pattern_takes_linear_time(name: str, pattern: LazyPattern) -> None:
    run = _runner(pattern)
    slow = {piece: _grows(run, piece) for piece in NEAR_MISSES}
    worst = max(slow, key=lambda piece: slow[piece])
    for _ in range(2):  # a loaded machine: time the worst again before failing
        if slow[worst] > GROWTH:
            slow[worst] = min(slow[worst], _grows(run, worst))
    assert slow[worst] <= GROWTH, f"{name} on {worst!r}: time per MB grew {slow[worst]:.1f}x"


@pytest.mark.parametrize("piece", NEAR_MISSES)
def test_reading_judgements_takes_linear_time(piece: str) -> None:
    def read(text: str) -> object:
        list(judgements_in(text, counts=True))
        return judgements_of(from_text(text))

    growth = _grows(read, piece)
    for _ in range(2):
        if growth > GROWTH:
            growth = min(growth, _grows(read, piece))
    assert growth <= GROWTH, f"reading {piece!r}: time per MB grew {growth:.1f}x"
