"""CI's checks that are not tests: the dev-set score against its floor, the fresh-copy run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from types import ModuleType

import pytest

from conftest import ROOT


def _check_eval() -> ModuleType:
    path = ROOT / "scripts" / "check_eval.py"
    spec = importlib.util.spec_from_file_location("check_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_eval = _check_eval()
SCORED = "per-field table …\n\ndev field accuracy: {accuracy}% (1234 fields), crashes: {crashes}\n"


@pytest.mark.parametrize(
    ("output", "floor", "fails_because"),
    [
        (SCORED.format(accuracy="81.5", crashes=0), 81.5, None),
        (SCORED.format(accuracy="90.0", crashes=0), 81.5, None),
        (SCORED.format(accuracy="81.4", crashes=0), 81.5, "below the floor of 81.5%"),
        (SCORED.format(accuracy="95.0", crashes=2), 81.5, "2 file(s) crashed"),
        ("", 81.5, "last line is not"),
        ("Traceback (most recent call last):\n  ...\nKeyError: 'x'\n", 81.5, "last line is not"),
        (SCORED.format(accuracy="81.5", crashes=0) + "trailing words\n", 81.5, "last line is not"),
    ],
)
def test_the_score_is_held_to_its_floor(
    output: str, floor: float, fails_because: str | None
) -> None:
    problem = check_eval.verdict(output, floor)
    if fails_because is None:
        assert problem is None
    else:
        assert problem is not None and fails_because in problem


def test_the_floor_is_a_percentage_in_the_repository() -> None:
    floor = float((ROOT / ".ci" / "eval-floor").read_text("utf-8"))
    assert 0 < floor <= 100


@pytest.mark.parametrize(("accuracy", "code"), [("99.9", 0), ("10.0", 1)])
def test_the_script_exits_1_below_the_floor(accuracy: str, code: int) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_eval.py")],
        input=SCORED.format(accuracy=accuracy, crashes=0),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == code
    assert "dev field accuracy" in done.stdout


def test_ci_runs_the_readme_commands_in_a_copy_with_nothing_beside_it() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = [
        c
        for c in (
            "pip install -e . && peelparse parse seeds/*.txt",
            'pip install -e ".[test]" && python -m pytest',
        )
        if c in readme
    ]
    assert len(commands) == 2, "the README's two commands changed: change .ci/run with them"
    copy_step = ci[ci.index('cd "$copy"') :]
    assert all(command in copy_step for command in commands)
    assert 'test ! -e "$copy/../shared"' in ci
    assert "score.py --checkout ." in ci and "scripts/check_eval.py" in ci
