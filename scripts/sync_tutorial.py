"""Keep the code in the plugin tutorial equal to the example plugin's files.

The tutorial (``docs/plugins/tutorial.md``) shows each file of the example plugin inline, so
it reads the same on disk, in a repository browser and on the docs site. Each copy follows a
marker naming its file::

    <!-- file: plugins/example/peelparse-minutes/peelparse_minutes/records.py -->
    ```python title="peelparse_minutes/records.py"
    ...the file, as it is...
    ```

``python scripts/sync_tutorial.py`` writes every file's text into its block again (after a
change to the plugin); ``tests/test_docs.py`` fails while a block differs from its file.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "plugins" / "tutorial.md"
BLOCK = re.compile(
    r"^(?P<indent>[ ]*)<!-- file: (?P<path>[^ \n]+) -->\n"
    r"(?P=indent)(?P<fence>`{3,6})(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)(?P=fence)[ ]*$",
    re.MULTILINE | re.DOTALL,
)


def blocks(text: str) -> Iterator[re.Match[str]]:
    """Every marked block of ``text``."""
    return BLOCK.finditer(text)


def unindent(body: str, indent: str) -> str:
    """A block's text as the file holds it."""
    return "".join(line.removeprefix(indent) for line in body.splitlines(keepends=True))


def _block(match: re.Match[str]) -> str:
    indent, path = match["indent"], match["path"]
    text = (ROOT / path).read_text("utf-8")
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`{3,}", text))])
    if not text.endswith("\n"):
        text += "\n"
    body = "".join(
        indent + line if line.strip() else line for line in text.splitlines(keepends=True)
    )
    return f"{indent}<!-- file: {path} -->\n{indent}{fence}{match['info']}\n{body}{indent}{fence}"


def synced(text: str) -> str:
    """``text`` with every marked block holding its file as it is now."""
    return BLOCK.sub(_block, text)


def main() -> int:
    before = TUTORIAL.read_text("utf-8")
    after = synced(before)
    if after != before:
        TUTORIAL.write_text(after, "utf-8")
        print(f"updated {TUTORIAL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
