"""Hostile inputs at growing sizes: time per MB and peak memory of a whole parse.

Each family is text built to be slow for some rule (a line shape, the furniture test, the
cut-off note, the HTML reader ...). A parse that is linear in time keeps its time per MB as
the size grows; ``tests/test_adversarial.py`` checks that at two sizes per family, and this
script prints the table at 10 KB, 100 KB, 1 MB and 10 MB::

    python benchmarks/adversarial.py                 # every family, all four sizes
    python benchmarks/adversarial.py --sizes 10000 100000 --family bullets

Each size is parsed in a fresh process, so that its peak memory (``ru_maxrss``, less the
process's before the parse) is its own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)


def _fill(unit: str, head: str = "") -> Callable[[int], str]:
    return lambda size: head + unit * max(1, (size - len(head)) // len(unit))


def _numbered(line: str, head: str = "") -> Callable[[int], str]:
    def make(size: int) -> str:
        parts = [head]
        total = len(head)
        number = 0
        while total < size:
            part = line.format(number)
            parts.append(part)
            total += len(part)
            number += 1
        return "".join(parts)

    return make


FAMILIES: dict[str, Callable[[int], str | bytes]] = {
    "one long word": lambda size: "a" * size,
    "one long line of words": _fill("word "),
    "a question that never ends": _fill("How effective is the force ", "Kent PEEL 2016\n"),
    "a judgement that never ends": _fill("The extent to which the force is effective at "),
    "judged again and again": _fill("It is judged to be good at "),
    "short lines": _fill("x1\n", "Kent PEEL 2016\n"),
    "bullets": _fill("- The force should act.\n", "Kent PEEL 2016\nAreas for improvement\n"),
    "headings": _numbered("Heading {}\n", "Kent PEEL 2016\n"),
    "graded questions": _numbered("To what extent does it do {}?\nGood\n"),
    "quotes": _fill(
        "HM Inspector Zoë Billingham said:\n“The force is good at it.”\n\n",
        "Kent Police is good - HMIC\nPress release\n",
    ),
    "AFI headings": _numbered(
        "AFI {} – the Force should ensure that it acts.\n\nWe have acted.\n\n",
        "Dear Home Secretary\n\n",
    ),
    "a letter's paragraph wrapped over lines": _fill(
        "The Force Has Made Progress\n", "Dear Home Secretary\n\n"
    ),
    "opening quotes": lambda size: "“" * size,
    "white space": lambda size: " \t" * (size // 2) + "x",
    "furniture-like lines": _fill("Contact Someone Else\n", "Skip to content\n"),
    "trailing page numbers": _fill("Page 1 of 2\n", "Kent PEEL 2016\nThe force is good.\n"),
    "nested markup": _fill("## "),
    "capitals then a mark": lambda size: "Report\n" + "A" * size + " ~",
    "HTML paragraphs": lambda size: ("<html><body>" + "<p>x</p>" * (size // 8)).encode(),
    "HTML nested deep": lambda size: (
        "<html><body>" + "<div>" * (size // 11) + "deep" + "</div>" * (size // 11)
    ).encode(),
}


def _measure(family: str, size: int) -> dict[str, float]:
    """Parse one family at one size in a fresh process: seconds of CPU and peak memory."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(__file__.rsplit("/", 1)[0])!r})
from adversarial import FAMILIES
from peelparse import Parser, PeelParseError
parser = Parser(autoload=False)
parser.parse_text("Kent PEEL 2016\\nThe force is good.\\n")
data = FAMILIES[{family!r}]({size})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.process_time()
try:
    parser.parse(data)
except PeelParseError:
    pass
spent = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({{"seconds": spent, "peak_kb": peak, "chars": len(data)}}))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout))


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    options.add_argument("--family", action="append", choices=sorted(FAMILIES))
    args = options.parse_args(argv)
    families = args.family or list(FAMILIES)
    head = " | ".join(f"{size // 1000:,} KB s/MB" for size in args.sizes)
    print(f"| family | {head} | peak at largest (× input) |")
    print("|---|" + "---:|" * (len(args.sizes) + 1))
    for family in families:
        cells = []
        peak = 0.0
        for size in args.sizes:
            found = _measure(family, size)
            cells.append(f"{found['seconds'] / (found['chars'] / 1e6):.2f}")
            peak = found["peak_kb"] * 1024 / found["chars"]
        print(f"| {family} | " + " | ".join(cells) + f" | {peak:.0f}× |", flush=True)


if __name__ == "__main__":
    main()
