"""Every regular expression of the core and the built-in plugins, and near-miss texts to time
them on: texts made of each pattern's own words and characters, spaces and capitals."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from types import ModuleType

import attrs

from peelparse._furniture import MAX_FURNITURE_LINE
from peelparse._kinds import Furniture
from peelparse._lazy import AnchoredPattern, LazyPattern
from peelparse._signs import Sign

PACKAGES = (
    "peelparse",
    "peelparse_html",
    "peelparse_pcc",
    "peelparse_pdf",
    "peelparse_news",
    "peelparse_press",
    "peelparse_report",
    "peelparse_unknown",
    "peelparse_web",
)


@attrs.frozen
class Found:
    """One expression, where it is defined and how it is tried on a text."""

    where: str
    """``module.NAME`` (with an index or key when it sits in a container)."""
    pattern: str
    flags: int
    anchored: AnchoredPattern | None = None
    furniture: bool = False

    @property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def runner(self, mode: str = "search") -> Callable[[str], object]:
        """The expression tried on a text as its callers try it: every match searched for
        (the default, the most any caller asks), or ``match``/``fullmatch`` at the start."""
        if self.furniture:
            # Furniture is tried whole on each short line (``peelparse._furniture``).
            compiled = self.compiled
            limit = MAX_FURNITURE_LINE
            return lambda text: [
                compiled.fullmatch(line.strip())
                for line in text.split("\n")
                if len(line.strip()) <= limit
            ]
        if self.anchored is not None:
            anchored = self.anchored
            return lambda text: sum(1 for _ in anchored.finditer(text))
        compiled = self.compiled
        if mode == "match":
            return compiled.match
        if mode == "fullmatch":
            return compiled.fullmatch
        return lambda text: sum(1 for _ in compiled.finditer(text))


def modules() -> Iterator[ModuleType]:
    for name in PACKAGES:
        package = importlib.import_module(name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            yield importlib.import_module(info.name)


def _found(where: str, value: object, depth: int = 0) -> Iterator[Found]:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield Found(where, value.pattern, value.flags & ~re.UNICODE)
    elif isinstance(value, LazyPattern):
        yield Found(where, value.pattern, value.flags)
    elif isinstance(value, AnchoredPattern):
        yield Found(where, value.pattern.pattern, value.pattern.flags, value)
    elif isinstance(value, Sign):
        yield Found(where, value.pattern, value.flags)
    elif isinstance(value, Furniture):
        yield Found(where, value.pattern, re.IGNORECASE, furniture=True)
    elif depth < 3 and isinstance(value, tuple | list | frozenset | set):
        for i, item in enumerate(value):
            yield from _found(f"{where}[{i}]", item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _found(f"{where}[{key!r}]", item, depth + 1)
    elif depth < 3 and attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _found(f"{where}.{field.name}", getattr(value, field.name), depth + 1)
    elif depth < 3 and hasattr(value, "_entries"):  # a Signs table
        for i, entry in enumerate(value._entries):
            yield Found(f"{where}[{i}]", entry.pattern, entry.flags)


def _assigned(module: ModuleType) -> frozenset[str]:
    """The names a module binds itself at its top level, not by importing them."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return frozenset()
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return frozenset(names)


def patterns() -> list[Found]:
    """Every expression defined at module level, once each, named where it is defined (a
    name a module imports, from the core say, is the same expression)."""
    seen: dict[tuple[str, int], Found] = {}
    imported: list[Found] = []
    for module in modules():
        own = _assigned(module)
        for name, value in vars(module).items():
            for found in _found(f"{module.__name__}.{name}", value):
                if name in own:
                    seen.setdefault((found.pattern, found.flags), found)
                else:
                    imported.append(found)
    for found in imported:  # defined where the scan does not look
        seen.setdefault((found.pattern, found.flags), found)
    return sorted(seen.values(), key=lambda f: f.where)


_ESCAPE = re.compile(r"\\[a-zA-Z]|\\.|\(\?[^)]*?[:=!>]|\(\?P<\w+>|\{\d*,?\d*\}")
_WORD = re.compile(r"[A-Za-z’']{2,}")


def near_misses(pattern: str) -> dict[str, Callable[[int], str]]:
    """Families of texts of about ``size`` characters built from what ``pattern`` names, each
    likely to come close to a match many times without one."""
    plain = _ESCAPE.sub(" ", pattern)
    words = list(dict.fromkeys(_WORD.findall(plain)))[:40] or ["word"]
    marks = "".join(sorted({c for c in plain if not c.isalnum() and not c.isspace()}))
    marks = "".join(c for c in marks if c not in "()[]|?*+^$\\{}") or "."
    phrase = " ".join(words)

    def fill(unit: str) -> Callable[[int], str]:
        return lambda size: (unit * (size // max(1, len(unit)) + 1))[:size]

    return {
        "words": fill(phrase + " "),
        "words, no spaces": fill("".join(words)),
        "words and marks": fill(" ".join(w + marks for w in words) + " "),
        "spaces": lambda size: "a" + " " * (size - 2) + "~",
        "words, then spaces": lambda size: (phrase + " " * size)[: size - 1] + "~",
        "capitals": lambda size: "A" * (size - 2) + " ~",
    }
