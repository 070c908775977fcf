"""Where a parse spends its time: each stage's share, over the seeds and the real pages.

    taskset -c 1 python benchmarks/stages.py [--rounds N]

Every text is parsed once to build the grammars, then ``--rounds`` times under the profiler;
each stage's time is the profiler's cumulative time of the functions that make it. The
readers (grades, quotes, dates, forces) run inside the other stages, so their line is a part
of those, not an addition. The profiler slows every call alike, so the shares are what to
read, not the seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from collections.abc import Sequence

from run import corpus_texts

import peelparse

STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "read (furniture lines)": (("_parser.py", "_prepare"),),
    "detect (every plugin scores)": (("_parser.py", "_detect"),),
    "kind's parse (plugin hook)": (("_parser.py", "_run_parse"),),
    "host's checks after the parse": (
        ("_coverage.py", "survey"),
        ("_over_budget.py", "within_records"),
        ("_coverage.py", "uncovered"),
        ("_parser.py", "_truncation"),
        ("_scope.py", "force_not_found"),
        ("_dates.py", "year_from_dates"),
    ),
    "  lines into typed units": (("_line_lexer.py", "shape_text"),),
    "  LALR parser and transformer": (("_line_lexer.py", "run_shaped"),),
    "all (Parser.parse)": (("_parser.py", "parse_text"),),
}
"""Each stage and the functions (file, name) whose cumulative time it is."""

READERS: dict[str, tuple[tuple[str, str], ...]] = {
    "grades (sentence by sentence)": (("_judgements.py", "judgements_in"),),
    "quotes": (("_quotes.py", "quotes_in"),),
    "forces": (("_forces.py", "forces_in"),),
    "coverage check and record budget": (
        ("_coverage.py", "survey"),
        ("_over_budget.py", "within_records"),
        ("_coverage.py", "uncovered"),
    ),
}
"""Readers the stages call, and the host's checks that records cover the text and keep to
the record budget (one walk over the records serves both)."""


def cumulative(stats: pstats.Stats, functions: Sequence[tuple[str, str]]) -> float:
    """The cumulative seconds of ``functions``, summed (list functions that do not call one
    another, or their time counts twice)."""
    total = 0.0
    table = stats.stats  # type: ignore[attr-defined]
    for (path, _line, name), (_cc, _nc, _tt, ct, _callers) in table.items():
        if any(path.endswith(file) and name == wanted for file, wanted in functions):
            total += ct
    return total


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5)
    args = options.parse_args(argv)
    texts = corpus_texts()
    parser = peelparse.Parser(autoload=False)
    for text in texts:
        parser.parse_text(text)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.rounds):
        for text in texts:
            parser.parse_text(text)
    profile.disable()
    stats = pstats.Stats(profile)
    whole = cumulative(stats, STAGES["all (Parser.parse)"])
    print(f"{len(texts)} texts, {args.rounds} rounds; share of Parser.parse time:")
    for name, functions in {**STAGES, **READERS}.items():
        print(f"  {name:<32} {100 * cumulative(stats, functions) / whole:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
