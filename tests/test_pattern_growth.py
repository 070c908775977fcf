"""Every regular expression of the core and the built-in plugins runs in linear time: each is
timed on near-miss texts of two sizes (made of its own words and characters, spaces and
capitals), and its time per MB may not grow past ``GROWTH_LIMIT`` from one to the other."""

from __future__ import annotations

import re._parser as sre_parse
import time

import pytest

from growth import GROWTH_LIMIT, no_collection, seconds_per_call
from pattern_scan import Found, near_misses, patterns

PROBES, SMALL, LARGE = (*range(16, 65, 4), 250), 2_000, 16_000
TOO_SLOW = 0.5
"""Seconds one call on the smaller text may take before the larger is not even tried (and
a call on the probe, in proportion)."""
CLEARLY = 4.0
"""Growth past this, of calls longer than ``QUICK``, is not noise and is not measured again."""
QUICK = 0.05
RETRIES = 3
"""Careful measurements of a growth past the limit before it counts: a busy machine can
slow any one of them."""

USED_AS = {
    # where: (how callers try it, why)
    "peelparse._forces._SUFFIX": ("never", "read on the table of force names, not on input"),
    "peelparse._fast_search._INDENT": ("never", "read on the signs' own patterns, not on input"),
    "peelparse_html._DOCTYPE": ("match", "matched at the start of a page"),
    "peelparse_press.shapes.CONTACT": ("fullmatch", "matched whole on one line"),
    "peelparse._grade_lines.AREA_GRADE": ("match", "matched from the start of one line"),
    "peelparse_pcc.patterns.OUR_REF": ("match", "matched from the start of one line"),
    "peelparse_pcc.patterns.YOUR_REF": ("match", "matched from the start of one line"),
    "peelparse_pcc.patterns.DATE_LABEL": ("match", "matched from the start of one line"),
    "peelparse_pcc.patterns.SUBJECT_LABEL": ("match", "matched from the start of one line"),
    "peelparse_press.shapes.RELEASE_LEAD_IN": ("fullmatch", "matched whole on one lead-in"),
    "peelparse._grade_lines.GLUED_GRADE": ("match", "matched from the start of one line"),
    "peelparse_news.shapes.MASTHEAD": ("match", "matched where a credit line points to it"),
}

KNOWN_SUPERLINEAR: set[str] = set()
"""Patterns known to be super-linear on near misses, each to be made linear: an entry fails
the moment its pattern becomes linear, so that it is taken off this list."""

FOUND = patterns()


def _per_char(found: Found, mode: str, text: str, *, careful: bool = False) -> float:
    run = found.runner(mode)
    if careful:
        return seconds_per_call(lambda: run(text)) / len(text)
    return seconds_per_call(lambda: run(text), repeats=2, sample=0.002) / len(text)


def _slow(found: Found, mode: str, probe: str, small_size: int) -> bool:
    run = found.runner(mode)
    run(probe[:1])  # a lazily compiled pattern is compiled outside the timing
    with no_collection():
        start = time.process_time()
        run(probe)
        return time.process_time() - start > TOO_SLOW * len(probe) / small_size


def _sizes(found: Found) -> tuple[int, int]:
    """The two sizes to time ``found`` at: texts shorter than the least a pattern can match
    are turned away at once, so the smaller must be well past that."""
    shortest = sre_parse.parse(found.pattern, found.flags).getwidth()[0]
    small = max(SMALL, 2 * shortest)
    return small, small * LARGE // SMALL


def _growth(found: Found, mode: str) -> dict[str, float]:
    grown: dict[str, float] = {}
    small_size, large_size = _sizes(found)
    for family, make in near_misses(found.pattern).items():
        # A pattern slow on a short text is not tried on longer ones (that could take hours):
        # exponential backtracking shows on a few dozen characters.
        if any(_slow(found, mode, make(size), small_size) for size in PROBES):
            grown[family] = float("inf")
            break
        small = _per_char(found, mode, make(small_size))
        if small * small_size > TOO_SLOW:
            grown[family] = float("inf")
            break
        large = _per_char(found, mode, make(large_size))
        ratio = large / small
        # Measured again, longer, unless a call is slow enough to be measured well at once:
        # on a busy machine one short sample can be several times too long.
        if ratio > GROWTH_LIMIT and (ratio < CLEARLY or large * large_size < QUICK):
            for _ in range(RETRIES):
                larger = _per_char(found, mode, make(large_size), careful=True)
                smaller = _per_char(found, mode, make(small_size), careful=True)
                ratio = min(ratio, larger / smaller)
                if ratio <= GROWTH_LIMIT:
                    break
        if ratio > GROWTH_LIMIT:
            grown[family] = ratio
            break  # one family is enough to fail; the others could take long
    return grown


def _params() -> list[object]:
    return [
        pytest.param(
            found,
            id=found.where,
            marks=[pytest.mark.xfail(strict=True, reason="known super-linear")]
            if found.where in KNOWN_SUPERLINEAR
            else [],
        )
        for found in FOUND
        if USED_AS.get(found.where, ("search",))[0] != "never"
    ]


def test_the_scan_finds_the_patterns_of_core_and_plugins() -> None:
    where = {found.where.split(".")[0] for found in FOUND}
    assert {"peelparse", "peelparse_pcc", "peelparse_press", "peelparse_report"} <= where
    assert len(FOUND) > 150
    named = set(USED_AS) | KNOWN_SUPERLINEAR
    assert named <= {found.where for found in FOUND}


@pytest.mark.parametrize("found", _params())
def test_pattern_is_linear_on_near_misses(found: Found) -> None:
    mode = USED_AS.get(found.where, ("search",))[0]
    grown = _growth(found, mode)
    assert not grown, f"{found.where} ({mode}) grows: " + ", ".join(
        f"{family} {ratio:.1f}x" for family, ratio in grown.items()
    )
