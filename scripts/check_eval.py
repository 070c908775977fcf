"""Fail when the dev-set scorer's result falls below the floor the repository holds.

The scorer (``score.py --checkout .``, kept outside the repository with the corpus it reads)
ends with one line::

    dev field accuracy: 81.5% (2345 fields), crashes: 0

This reads that output on standard input, echoes it, and exits 1 when a file crashed or the
accuracy is below the floor in ``.ci/eval-floor`` (a percentage; raise it when accuracy rises).

    python ../shared/eval/score.py --checkout . | python scripts/check_eval.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT / ".ci" / "eval-floor"
LAST_LINE = re.compile(
    r"^dev field accuracy: (?P<accuracy>\d{1,3}(?:\.\d{1,6})?)% \(\d{1,9} fields\), "
    r"crashes: (?P<crashes>\d{1,9})$"
)


def verdict(output: str, floor: float) -> str | None:
    """Why the scorer's output fails the floor, or None when it passes."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    match = LAST_LINE.match(lines[-1]) if lines else None
    if match is None:
        return "the scorer's last line is not 'dev field accuracy: XX.X% (N fields), crashes: K'"
    accuracy, crashes = float(match["accuracy"]), int(match["crashes"])
    if crashes > 0:
        return f"{crashes} file(s) crashed the parser"
    if accuracy < floor:
        return (
            f"dev field accuracy {accuracy:.1f}% is below the floor of {floor:.1f}% ({FLOOR.name})"
        )
    return None


def main() -> int:
    output = sys.stdin.read()
    sys.stdout.write(output)
    floor = float(FLOOR.read_text("utf-8").strip())
    problem = verdict(output, floor)
    if problem is not None:
        print(f"eval: {problem}", file=sys.stderr)
        return 1
    print(f"eval: at or above the floor of {floor:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
