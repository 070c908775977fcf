"""The export benchmark: about 2,000 documents read into a corpus, linked, and written as
SQLite, CSV and JSON lines.

    python benchmarks/export.py               # 2,000 documents
    python benchmarks/export.py --count 200   # a quick check
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from peelparse import Corpus

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PEELPARSE_SHARED", ROOT.parent / "shared"))


def texts() -> list[str]:
    """The seeds and every corpus document, as text."""
    files = sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted((SHARED / "corpus" / "raw").rglob("*.txt"))
    return [f.read_text("utf-8") for f in files]


def export_benchmark(
    sources: Sequence[str], count: int = 2000, *, jobs: int = 0
) -> dict[str, float | int]:
    """Write ``count`` documents (``sources`` repeated) to a folder, read them into a corpus
    with ``jobs`` processes (0: every core), link them, and time each export. Prints the
    seconds and returns them."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        inputs = base / "texts"
        inputs.mkdir()
        for i in range(count):
            # A corpus keeps one document per distinct text, so each repeat gets as many
            # extra trailing newlines as its round: a document of its own, saying the same.
            copy = i // len(sources)
            (inputs / f"{i:05d}.txt").write_text(sources[i % len(sources)] + "\n" * copy, "utf-8")

        start = time.perf_counter()
        corpus = Corpus.from_paths([inputs], jobs=jobs, autoload=False)
        seconds: dict[str, float] = {"read": time.perf_counter() - start}
        start = time.perf_counter()
        links = corpus.links
        seconds["link"] = time.perf_counter() - start
        exports: dict[str, Callable[[], None]] = {
            "to_sqlite": lambda: corpus.to_sqlite(base / "corpus.db"),
            "to_csv": lambda: corpus.to_csv(base / "csv"),
            "to_jsonl": lambda: corpus.to_jsonl(base / "corpus.jsonl", links=base / "links.jsonl"),
        }
        for name, export in exports.items():
            start = time.perf_counter()
            export()
            seconds[name] = time.perf_counter() - start

    result: dict[str, float | int] = {"documents": len(corpus), "links": len(links)}
    result.update({f"{name}_s": round(value, 3) for name, value in seconds.items()})
    print(
        f"export benchmark: {len(corpus)} documents, {len(links)} links; "
        + ", ".join(f"{name} {value:.3f} s" for name, value in seconds.items())
    )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=2000, help="documents to read")
    options.add_argument("--jobs", type=int, default=0, help="processes (0: every core)")
    args = options.parse_args(argv)
    export_benchmark(texts(), args.count, jobs=args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
