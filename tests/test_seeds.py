"""The seed documents come with the package, and ``python -m peelparse`` is the command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SEEDS
from peelparse import InputError, seeds


def test_the_seeds_are_the_repository_seeds() -> None:
    assert [p.name for p in seeds.paths()] == [p.name for p in SEEDS]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(seeds.paths(), SEEDS, strict=True))


def test_one_seed_by_its_name() -> None:
    assert seeds.path(SEEDS[1].name).read_bytes() == SEEDS[1].read_bytes()


def test_an_unknown_seed_name_lists_the_names_there_are() -> None:
    with pytest.raises(InputError, match=r"no seed document is called 'nope\.txt'") as caught:
        seeds.path("nope.txt")
    assert caught.value.code == "PP105"
    assert SEEDS[0].name in caught.value.message


def test_python_dash_m_peelparse_is_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "peelparse", "parse", str(SEEDS[2])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["force"]["slug"] == "leicestershire"
    helped = subprocess.run(
        [sys.executable, "-m", "peelparse", "--help"], capture_output=True, text=True, check=False
    )
    assert helped.returncode == 0 and "detect" in helped.stdout
