"""The peelparse benchmark: speed and memory as ratios to baseline A, measured side by side.

    python benchmarks/run.py            # full run (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # a smaller run that only checks everything still works

Every figure is timed in this process on the same texts, the methods interleaved round by
round, and reported as the median over the rounds and as a ratio to baseline A (split into
lines + one regular expression per line), the least work a line parser can do.
Results go to ``benchmarks/results/latest.json`` and ``latest.md``.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import peelparse
from peelparse._source import from_text
from peelparse.grammar import shaped_tree
from peelparse_report import GRAMMAR
from peelparse_report.shapes import SHAPES

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import export_benchmark

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PEELPARSE_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "benchmarks" / "results"


def load_baseline() -> ModuleType:
    path = SHARED / "bench" / "baseline_a.py"
    spec = importlib.util.spec_from_file_location("baseline_a", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"baseline A not found at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_texts() -> list[str]:
    """The seeds and every corpus document, as text."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (SHARED / "corpus" / "raw").rglob("*.txt")
    )
    return [f.read_text("utf-8") for f in files]


def repeat_to(texts: Sequence[str], count: int) -> list[str]:
    return [texts[i % len(texts)] for i in range(count)]


def megabytes(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def timed(rounds: int, methods: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median seconds of each method, the methods interleaved in every round."""
    times: dict[str, list[float]] = {name: [] for name in methods}
    for _ in range(rounds):
        for name, method in methods.items():
            gc.collect()
            start = time.perf_counter()
            method()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def bare_lark() -> Callable[[str], Any]:
    """Lark's LALR parse of the report grammar to a tree: no records, no detection."""
    return lambda text: shaped_tree(GRAMMAR, SHAPES, from_text(text))


_STARTUP = """
import time
start = time.perf_counter()
import peelparse
imported = time.perf_counter()
peelparse.parse_file({seed!r})
parsed = time.perf_counter()
print(imported - start, parsed - imported)
"""


def startup(repeats: int) -> dict[str, float]:
    """Import time and time to the first parse, timed inside fresh interpreters (medians).

    Timed as an installed package runs: with its modules' bytecode compiled (pip compiles it
    on install), kept here in a folder of its own so the checkout is left as it was. The
    interpreter's own start and exit are not counted: they are the same with or without
    peelparse.
    """
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    code = _STARTUP.format(seed=str(seed))
    imports: list[float] = []
    parses: list[float] = []
    with tempfile.TemporaryDirectory() as bytecode:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = bytecode
        for run in range(repeats + 1):  # the first run compiles the bytecode
            shown = subprocess.run(
                [sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True
            ).stdout.split()
            if run:
                imports.append(float(shown[0]))
                parses.append(float(shown[1]))
    return {
        "import_ms": statistics.median(imports) * 1000,
        "first_parse_ms": statistics.median(parses) * 1000,
    }


def streaming_rss(documents: int, texts: Sequence[str], jobs: int) -> dict[str, float]:
    """Peak memory of the CLI streaming ``documents`` files to JSON lines (to /dev/null)."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for i in range(documents):
            sub = base / f"{i // 1000:04d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:06d}.txt").write_text(texts[i % len(texts)], "utf-8")
        # The CLI runs under a small watcher process, so that the peak it reports is the
        # CLI's and its workers', not that of processes forked from this one's large heap.
        command = [
            sys.executable,
            "-m",
            "peelparse._cli",
            "parse",
            "--format",
            "jsonl",
            "--jobs",
            str(jobs),
            "--quiet",
            str(base),
        ]
        watcher = (
            "import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        )
        start = time.perf_counter()
        shown = subprocess.run(
            [sys.executable, "-c", watcher, *command], capture_output=True, text=True, check=True
        ).stdout
        seconds = time.perf_counter() - start
    peak_kb = int(shown.strip() or 0)
    return {
        "documents": documents,
        "jobs": jobs,
        "seconds": seconds,
        "docs_per_s": documents / seconds,
        "peak_rss_mb": peak_kb / 1024,
    }


def batch_speedup(texts: Sequence[str], count: int) -> dict[str, float]:
    """Throughput of the batch engine on one process and on every core."""
    from peelparse._batch import ParserOptions, cpu_count, parse_paths

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i in range(count):
            path = Path(folder) / f"{i:05d}.txt"
            path.write_text(texts[i % len(texts)], "utf-8")
            paths.append(path)
        options = ParserOptions(autoload=False)
        result: dict[str, float] = {"cores": cpu_count(), "documents": count}
        for jobs in (1, 0):
            start = time.perf_counter()
            for _ in parse_paths(paths, jobs=jobs, options=options):
                pass
            result[f"seconds_jobs_{jobs or 'all'}"] = time.perf_counter() - start
        result["speedup"] = result["seconds_jobs_1"] / result["seconds_jobs_all"]
    return result


def adversarial(texts: Sequence[str], scale: float) -> dict[str, str]:
    """Hostile sizes: time per MB must stay that of ordinary text (linear parsing)."""
    reports = [t for t in texts if "PEEL" in t[:200]]
    return {
        "a 50 MB file": "\n\n".join(repeat_to(reports, int(25_000 * scale))),
        "one 5 MB line": "word " * int(1_000_000 * scale),
        "100k bullets": "Kent PEEL 2016\nAreas for improvement\n"
        + "- The force should act.\n" * int(100_000 * scale),
        "10k headings": "Kent PEEL 2016\n"
        + "".join(f"Heading {i}\n" for i in range(int(10_000 * scale))),
    }


def unstructured_ratio(texts: Sequence[str], baseline_seconds: float) -> float | None:
    try:
        from unstructured.partition.text import partition_text  # type: ignore[import-not-found]
    except ImportError:
        return None
    start = time.perf_counter()
    for text in texts:
        partition_text(text=text)
    return (time.perf_counter() - start) / baseline_seconds


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="small sizes, few rounds")
    options.add_argument("--out", type=Path, default=RESULTS)
    args = options.parse_args(argv)
    quick = args.quick

    baseline = load_baseline()
    texts = corpus_texts()
    documents = repeat_to(texts, 200 if quick else 2000)
    large = "\n\n".join(repeat_to([t for t in texts if "PEEL" in t[:200]], 400 if quick else 2600))
    rounds = 3 if quick else 5
    parser = peelparse.Parser(autoload=False)
    lark_tree = bare_lark()
    parser.parse_text(texts[0])  # build grammars before timing

    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.machine(),
            "cores": os.cpu_count(),
            "pinned_to": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        },
        "quick": quick,
        "documents": {"count": len(documents), "mb": round(megabytes(documents), 2)},
        "large_file_mb": round(megabytes([large]), 2),
    }

    def per_document(method: Callable[[Any], object], items: Sequence[Any]) -> Callable[[], None]:
        return lambda: [method(t) for t in items] and None

    medians = timed(
        rounds,
        {
            "baseline_a": lambda: baseline.classify_all(documents),
            "lark_tree": per_document(lark_tree, documents),
            "parse": per_document(parser.parse_text, documents),
        },
    )
    # JSON is timed on documents parsed once, and added to the parse time.
    parsed = [parser.parse_text(t) for t in documents]
    medians["json"] = timed(
        rounds, {"json": per_document(lambda d: parser.to_json(d, indent=None), parsed)}
    )["json"]
    medians["parse_json"] = medians["parse"] + medians["json"]
    del medians["json"]
    base = medians["baseline_a"]
    mb = results["documents"]["mb"]
    results["documents"]["methods"] = {
        name: {
            "seconds": round(s, 4),
            "ratio": round(s / base, 2),
            "docs_per_s": round(len(documents) / s, 1),
            "mb_per_s": round(mb / s, 2),
        }
        for name, s in medians.items()
    }
    results["documents"]["json_adds_ratio"] = round(
        (medians["parse_json"] - medians["parse"]) / base, 2
    )
    del parsed

    # One large file is timed over three rounds: each is seconds long, so the median of three
    # is steady, and the run stays within its few minutes.
    large_medians = timed(
        3,
        {
            "baseline_a": lambda: baseline.classify_all([large]),
            "parse": lambda: parser.parse_text(large),
        },
    )
    results["large_file"] = {
        name: {
            "seconds": round(s, 4),
            "ratio": round(s / large_medians["baseline_a"], 2),
            "mb_per_s": round(results["large_file_mb"] / s, 2),
        }
        for name, s in large_medians.items()
    }

    hostile = {}
    for name, text in adversarial(texts, 0.02 if quick else 1.0).items():
        seconds = timed(
            1,
            {
                "baseline_a": lambda t=text: baseline.classify_all([t]),
                "parse": lambda t=text: parser.parse_text(t),
            },
        )
        size = megabytes([text])
        hostile[name] = {
            "mb": round(size, 2),
            "seconds": round(seconds["parse"], 3),
            "ratio": round(seconds["parse"] / seconds["baseline_a"], 1),
            "mb_per_s": round(size / seconds["parse"], 2),
        }
    results["adversarial"] = hostile

    scaling = {}
    for factor in (1, 2, 4) if quick else (1, 10, 100):
        items = repeat_to(texts, len(texts) * factor)
        start = time.perf_counter()
        for text in items:
            parser.parse_text(text)
        seconds = time.perf_counter() - start
        scaling[f"{factor}x"] = {
            "mb": round(megabytes(items), 2),
            "seconds_per_mb": round(seconds / megabytes(items), 4),
        }
    first = next(iter(scaling.values()))["seconds_per_mb"]
    for row in scaling.values():
        row["vs_1x"] = round(row["seconds_per_mb"] / first, 2)
    results["scaling"] = scaling

    results["export"] = export_benchmark(texts, 200 if quick else 2000)
    results["startup"] = {k: round(v, 1) for k, v in startup(3 if quick else 7).items()}
    results["batch"] = {
        k: round(v, 2) if isinstance(v, float) else v
        # Throughput over a batch large enough that starting the workers is a small part.
        for k, v in batch_speedup(texts, 200 if quick else 4000).items()
    }
    results["streaming"] = {
        k: round(v, 1) if isinstance(v, float) else v
        # Memory while streaming depends on how many documents pass, not on their size, so
        # the shortest quarter of the corpus keeps this part of the run within its time.
        for k, v in streaming_rss(
            500 if quick else 100_000, sorted(texts, key=len)[: len(texts) // 4], 0
        ).items()
    }
    ratio = unstructured_ratio(documents[:50], base * 50 / len(documents))
    results["unstructured_ratio"] = None if ratio is None else round(ratio, 1)

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    table = markdown(results)
    (args.out / "latest.md").write_text(table, "utf-8")
    print(table)
    return 0


def _where(machine: dict[str, Any]) -> str:
    """Where the timings ran: a run pinned to fewer cores than the machine has says so, as
    the figures are then one core's."""
    cores, pinned = machine["cores"], machine.get("pinned_to")
    if pinned is not None and pinned < cores:
        return f"pinned to {pinned} of {cores} cores"
    return f"on {cores} cores"


def markdown(r: dict[str, Any]) -> str:
    d = r["documents"]
    m = d["methods"]
    lines = [
        f"Measured {_where(r['machine'])}, Python {r['machine']['python']}"
        f"{' (quick run)' if r['quick'] else ''}: {d['count']} documents, {d['mb']} MB; "
        f"one file of {r['large_file_mb']} MB.",
        "",
        "| what | seconds | × baseline A | docs/s | MB/s |",
        "|---|---:|---:|---:|---:|",
    ]
    names = {
        "baseline_a": "baseline A (lines + one regex)",
        "lark_tree": "bare Lark tree",
        "parse": "parse to records (detection included)",
        "parse_json": "parse + JSON",
    }
    for key, label in names.items():
        row = m[key]
        lines.append(
            f"| {label} | {row['seconds']} | {row['ratio']} | {row['docs_per_s']} | "
            f"{row['mb_per_s']} |"
        )
    big = r["large_file"]["parse"]
    s = r["scaling"]
    lines += [
        "",
        f"- JSON adds {d['json_adds_ratio']} × baseline A.",
        f"- One {r['large_file_mb']} MB file: {big['ratio']} × baseline A, {big['mb_per_s']} MB/s.",
        "- Time per MB at " + ", ".join(f"{k}: {v['vs_1x']}" for k, v in s.items()) + " (1× = 1).",
        f"- `import peelparse`: {r['startup']['import_ms']} ms; first parse: "
        f"{r['startup']['first_parse_ms']} ms more.",
        "- Corpus of {documents} documents: read {read_s} s, link {link_s} s; export to SQLite "
        "{to_sqlite_s} s, CSV {to_csv_s} s, JSON lines {to_jsonl_s} s ({links} links).".format(
            **r["export"]
        ),
        f"- Batch on {r['batch']['cores']} cores: {r['batch']['speedup']}× one core's throughput.",
        f"- Streaming {r['streaming']['documents']} short documents through the CLI: peak "
        f"{r['streaming']['peak_rss_mb']} MB resident, {r['streaming']['docs_per_s']} docs/s.",
    ]
    lines += [
        "",
        "| hostile input | MB | seconds | × baseline A | MB/s |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {v['mb']} | {v['seconds']} | {v['ratio']} | {v['mb_per_s']} |"
        for name, v in r["adversarial"].items()
    ]
    if r["unstructured_ratio"] is not None:
        lines.append(f"- unstructured's partition_text: {r['unstructured_ratio']} × baseline A.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
