"""Each seed parses to its golden JSON, which a person checked against the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import GOLDEN, SEEDS
from peelparse import Parser
from peelparse.testing import assert_matches_golden

GOLDEN_SEEDS = [s for s in SEEDS if (GOLDEN / f"{s.stem}.json").is_file()]


def test_the_reviewed_seeds_have_golden_files() -> None:
    stems = {p.stem.split("_")[0] for p in GOLDEN_SEEDS}
    assert {"000", "002", "004"} <= stems


@pytest.mark.parametrize("seed", GOLDEN_SEEDS, ids=lambda p: p.stem[:3])
def test_seed_matches_golden(parser: Parser, seed: Path, write_candidates: bool) -> None:
    document = parser.parse(seed)
    if write_candidates:
        (GOLDEN / f"{seed.stem}.candidate.json").write_text(
            parser.to_json(document) + "\n", encoding="utf-8"
        )
    assert_matches_golden(parser, document, GOLDEN / f"{seed.stem}.json")
