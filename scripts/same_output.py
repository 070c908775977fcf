"""Whether two versions of peelparse give the same JSON on the same texts.

    python scripts/same_output.py write OUT.jsonl [--pages DIR] [--variants N]
    python scripts/same_output.py compare BEFORE.jsonl AFTER.jsonl

``write`` parses the seeds, every ``.txt`` page under ``--pages`` (default: the test corpus)
and ``N`` variants made from them (cut at a random point, paragraphs shuffled, two pages
spliced), and writes one JSON line per text: its name and the parse result as JSON. The
variants come from a fixed random seed, so two checkouts make the same ones. Run ``write``
once with the version before a change and once after, then ``compare``: it prints the texts
whose output differs, with the first differing field, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def texts(pages: Path, variants: int) -> Iterator[tuple[str, str]]:
    """The seeds, the pages, then the variants, each with a name."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(pages.rglob("*.txt"))
    originals = [(f.relative_to(f.parents[1]).as_posix(), f.read_text("utf-8")) for f in files]
    yield from originals
    rng = random.Random(17)
    for number in range(variants):
        name, text = rng.choice(originals)
        how = ("cut", "shuffled", "spliced")[number % 3]
        if how == "cut":
            text = text[: rng.randrange(len(text) + 1)]
        elif how == "shuffled":
            parts = text.split("\n\n")
            rng.shuffle(parts)
            text = "\n\n".join(parts)
        else:
            other_name, other = rng.choice(originals)
            text = text[: rng.randrange(len(text) + 1)] + other[rng.randrange(len(other) + 1) :]
            name = f"{name}+{other_name}"
        yield f"{how}-{number}:{name}", text


def write(out: Path, pages: Path, variants: int) -> None:
    import peelparse

    parser = peelparse.Parser()
    with out.open("w", encoding="utf-8") as sink:
        for name, text in texts(pages, variants):
            try:
                result: Any = json.loads(parser.to_json(parser.parse(text), indent=None))
            except peelparse.PeelParseError as error:
                result = {"error": error.code, "message": error.message}
            sink.write(json.dumps({"name": name, "result": result}, sort_keys=True) + "\n")


def _first_difference(before: Any, after: Any, path: str = "") -> str:
    if type(before) is not type(after):
        return f"{path or '/'}: {before!r:.120} != {after!r:.120}"
    if isinstance(before, dict):
        for key in sorted(set(before) | set(after)):
            if before.get(key, "<absent>") != after.get(key, "<absent>"):
                return _first_difference(before.get(key), after.get(key), f"{path}/{key}")
    if isinstance(before, list):
        if len(before) != len(after):
            return f"{path}: {len(before)} items != {len(after)} items"
        for index, (b, a) in enumerate(zip(before, after, strict=True)):
            if b != a:
                return _first_difference(b, a, f"{path}/{index}")
    return f"{path or '/'}: {before!r:.120} != {after!r:.120}"


def compare(before: Path, after: Path) -> int:
    def read(path: Path) -> dict[str, Any]:
        lines = path.read_text("utf-8").splitlines()
        return {(row := json.loads(line))["name"]: row["result"] for line in lines}

    old, new = read(before), read(after)
    differing = [name for name in old if old[name] != new.get(name)]
    for name in differing:
        print(f"{name}\n    {_first_difference(old[name], new.get(name))}")
    missing = sorted(set(new) ^ set(old))
    for name in missing:
        print(f"{name}: only in one file")
    print(f"{len(old)} texts, {len(differing)} differ, {len(missing)} in one file only")
    return 1 if differing or missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    writing = verbs.add_parser("write", help="parse the texts and write their JSON")
    writing.add_argument("out", type=Path)
    writing.add_argument("--pages", type=Path, default=ROOT / "tests" / "corpus")
    writing.add_argument("--variants", type=int, default=3000)
    comparing = verbs.add_parser("compare", help="the texts whose JSON differs")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.verb == "write":
        write(args.out, args.pages, args.variants)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
