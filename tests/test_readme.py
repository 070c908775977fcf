"""The README's Python example runs as written, from any folder, and prints what it says."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

from conftest import ROOT


def readme_python_example() -> str:
    """The code of the README's Python example."""
    readme = (ROOT / "README.md").read_text("utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.DOTALL)
    assert code is not None
    return code.group(1)


def check_printed(printed: list[str]) -> None:
    """What the example's comments say it prints."""
    assert printed[0] == "inspection_report leicestershire 2017 legitimacy good"
    assert printed[-1] == "press_release"
    assert any(line.startswith("  AFI: The force should ensure") for line in printed)


def test_readme_python_example_runs(tmp_path: Path) -> None:
    # Anywhere but the checkout: a reader who installed the wheel has no seeds/ folder.
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(readme_python_example(), "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    check_printed(out.getvalue().splitlines())
