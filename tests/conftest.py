"""Shared fixtures: the seeds, the test corpus, one parser per session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from peelparse import Parser

# "ci" runs about 12,000 fuzz examples in all (see tests/test_fuzz.py); "nightly" ten times as
# many. Choose with HYPOTHESIS_PROFILE.
settings.register_profile(
    "ci", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "nightly", max_examples=30_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
# Real pages under the Open Government Licence, with their sources in manifest.jsonl.
CORPUS = ROOT / "tests" / "corpus"


def corpus_files(kind: str | None = None) -> list[Path]:
    """Corpus files (of one manifest kind: report, press, pcc, other)."""
    manifest = CORPUS / "manifest.jsonl"
    rows = [json.loads(line) for line in manifest.read_text("utf-8").splitlines() if line]
    return sorted(CORPUS / r["file"] for r in rows if kind is None or r["kind"] == kind)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--write-candidates",
        action="store_true",
        help="write <seed>.candidate.json beside the golden files, for review",
    )


@pytest.fixture(scope="session")
def parser() -> Parser:
    return Parser(autoload=False)


@pytest.fixture(scope="session")
def write_candidates(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--write-candidates"))
