"""Detection alone: every plugin's ``peelparse_detect`` on the seeds and every corpus page.

    taskset -c 1 python benchmarks/detection.py [--runs 3]

Times detection as the host runs it, each document fresh (its ``DetectionView`` not yet
made), two ways interleaved run by run: the signs' patterns searched in their fast forms
(``peelparse._fast_search``), and searched as written. Prints the median and range of each
in milliseconds for all the documents, and the ratio between them. Times are process CPU
time, which other work on a shared machine moves less than wall-clock time.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import peelparse
from peelparse._detection import DetectionView
from peelparse._signs import Signs

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PEELPARSE_SHARED", ROOT.parent / "shared"))
REPEAT = 5
"""Passes over all the documents in one run."""


class _AsWritten:
    """A sign's pattern searched as written: what the fast forms are measured against."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._search = re.compile(pattern, flags).search

    def found(self, view: DetectionView) -> bool:
        return self._search(view.text) is not None


def _tables() -> list[Signs]:
    """Every table of signs a loaded module defines at its top level."""
    found: dict[int, Signs] = {}
    for module in list(sys.modules.values()):
        for value in list(vars(module).values()):
            if isinstance(value, Signs):
                found[id(value)] = value
    return list(found.values())


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--runs", type=int, default=3)
    runs = options.parse_args().runs
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (SHARED / "corpus" / "raw").rglob("*.txt")
    )
    parser = peelparse.Parser()
    sources = [parser.read(path.read_text("utf-8")) for path in files]
    parser.detect(sources[0])  # loads every plugin's signs
    entries = [entry for table in _tables() for entry in table._entries]
    fast = [entry.search for entry in entries]
    written = [_AsWritten(entry.pattern, entry.flags) for entry in entries]

    def timed(searches: list[object]) -> float:
        for entry, search in zip(entries, searches, strict=True):
            entry.search = search
        copies = [[attrs.evolve(source) for source in sources] for _ in range(REPEAT)]
        gc.collect()
        gc.disable()
        start = time.process_time()
        for copy in copies:
            for source in copy:
                parser.detect(source)
        seconds = (time.process_time() - start) / REPEAT
        gc.enable()
        return seconds

    ways: dict[str, Callable[[], float]] = {
        "fast forms": lambda: timed(list(fast)),
        "as written": lambda: timed(list(written)),
    }
    for way in ways.values():
        way()  # compiles every pattern outside the timing
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(runs):
        for name, way in ways.items():
            times[name].append(way())
    timed(list(fast))
    print(f"{len(sources)} documents, {len(entries)} signs, median of {runs} runs")
    for name, found in times.items():
        print(
            f"{name:11s} {statistics.median(found) * 1000:7.1f} ms "
            f"(range {min(found) * 1000:.1f}-{max(found) * 1000:.1f})"
        )
    ratio = statistics.median(times["as written"]) / statistics.median(times["fast forms"])
    print(f"as written / fast forms: {ratio:.2f}")


if __name__ == "__main__":
    main()
