"""The generated parts of the documentation, from the code they describe.

Used as a MkDocs hook (``hooks:`` in mkdocs.yml): a page that holds one of these markers on a
line of its own gets the generated text in its place when the site is built.

    <!-- generated: hooks -->        every hook in peelparse.hookspecs, from its docstring
    <!-- generated: data-model -->   every record and field of the built-in kinds
    <!-- generated: cli -->          the help of every command
    <!-- generated: benchmark -->    benchmarks/results/latest.md, when it has been written

A page read on disk as well as on the site holds the text itself, between the marker and
``<!-- end generated -->``: ``python scripts/docgen.py --write PAGE`` writes it there again,
and the site is built from the text as it is generated then.

Run it to print one of them: ``python scripts/docgen.py hooks``.
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import click

from peelparse import Document, Parser, hookspecs
from peelparse._cli import cli
from peelparse._schema import _field_docs

ROOT = Path(__file__).resolve().parent.parent
BENCHMARK = ROOT / "benchmarks" / "results" / "latest.md"
PROJECT = "peelparse"
MARKER = re.compile(r"^<!-- generated: (?P<what>[a-z-]+) -->$", re.MULTILINE)
END = "<!-- end generated -->"
REGION = re.compile(
    r"^<!-- generated: (?P<what>[a-z-]+) -->\n.*?^<!-- end generated -->$", re.MULTILINE | re.DOTALL
)


# -- hooks ---------------------------------------------------------------------------------


def hook_names() -> list[str]:
    """Every hook ``peelparse.hookspecs`` declares, in the order of the module."""
    return [
        name
        for name, value in vars(hookspecs).items()
        if name.startswith(f"{PROJECT}_") and hasattr(value, f"{PROJECT}_spec")
    ]


def hook_parameters(name: str) -> list[str]:
    """The parameters of a hook, as its spec names them."""
    return list(inspect.signature(getattr(hookspecs, name)).parameters)


def hooks_reference() -> str:
    """A section per hook: how to implement it, how it is called, and its docstring."""
    parts: list[str] = []
    for name in hook_names():
        spec = getattr(hookspecs, name)
        options = getattr(spec, f"{PROJECT}_spec")
        params = ", ".join(
            f"{p}: {spec.__annotations__.get(p, 'object')}" for p in hook_parameters(name)
        )
        returns = spec.__annotations__.get("return", "None")
        calling = (
            "The first plugin to return something other than `None` wins; the others are "
            "not called."
            if options.get("firstresult")
            else "Every plugin that implements it is called."
        )
        parts += [
            f"## `{name}` {{ #{name} }}",
            "",
            "```python",
            "@peelparse.hookimpl",
            f"def {name}({params}) -> {returns}:",
            "```",
            "",
            _rest_to_markdown(inspect.getdoc(spec) or ""),
            "",
            calling,
            "",
        ]
    return "\n".join(parts).rstrip() + "\n"


def _rest_to_markdown(doc: str) -> str:
    """Docstring markup (``code``, :param x: ...) as Markdown."""
    doc = re.sub(r"``([^`]+)``", r"`\1`", doc)
    lines: list[str] = []
    params: list[str] = []
    for line in doc.splitlines():
        match = re.match(r":param (\w+):\s*(.*)", line)
        if match:
            params.append(f"- `{match.group(1)}`: {match.group(2)}")
        elif params and line.startswith(" ") and line.strip():
            params[-1] += " " + line.strip()
        else:
            lines.append(line)
    text = "\n".join(lines).rstrip()
    if params:
        text += "\n\n**Parameters**\n\n" + "\n".join(params)
    return text


# -- data model ----------------------------------------------------------------------------


def records(kinds: dict[str, type[Document]]) -> list[type[Any]]:
    """``Document``, each kind's record, then every record and enum they hold (by name)."""
    found: dict[str, type[Any]] = {}

    def visit(hint: Any) -> None:
        if isinstance(hint, type) and (attrs.has(hint) or issubclass(hint, enum.Enum)):
            if hint.__name__ in found:
                return
            found[hint.__name__] = hint
            if attrs.has(hint):
                for field_hint in typing.get_type_hints(hint).values():
                    visit(field_hint)
            return
        for arg in typing.get_args(hint):
            visit(arg)

    for record in [Document, *(kinds[k] for k in sorted(kinds))]:
        visit(record)
    heads = [Document.__name__, *(kinds[k].__name__ for k in sorted(kinds))]
    rest = sorted(
        (n for n in found if n not in heads),
        key=lambda n: (issubclass(found[n], enum.Enum), n),
    )
    return [found[n] for n in [*heads, *rest]]


def data_model(kinds: dict[str, type[Document]] | None = None) -> str:
    """A section per record (its fields: name, type, meaning) and per enumeration."""
    kinds = kinds if kinds is not None else Parser(autoload=False).kinds
    by_kind = {record: kind for kind, record in kinds.items()}
    shared = {f.name for f in attrs.fields(Document)}
    parts: list[str] = []
    for record in records(kinds):
        name = record.__name__
        parts += [f"### `{name}` {{ #{_anchor(name)} }}", ""]
        if record in by_kind:
            parts += [f'Kind `{by_kind[record]}`: `"kind": "{by_kind[record]}"` in JSON.', ""]
        parts += [_rest_to_markdown(inspect.cleandoc(record.__doc__ or "")), ""]
        if issubclass(record, enum.Enum):
            parts += ["Values: " + ", ".join(f"`{m.value}`" for m in record) + ".", ""]
            continue
        own = [f for f in attrs.fields(record) if record is Document or f.name not in shared]
        if record is not Document and issubclass(record, Document):
            also = "and:" if own else "and no fields of its own."
            parts += [f"Every field of [`Document`](#{_anchor('Document')}), {also}", ""]
        if not own:
            continue
        hints = typing.get_type_hints(record)
        docs = _field_docs(record)
        parts += ["| field | type | meaning |", "|---|---|---|"]
        for field in own:
            meaning = _rest_to_markdown(docs.get(field.name, ""))
            parts.append(f"| `{field.name}` | {_type_name(hints[field.name])} | {_cell(meaning)} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _anchor(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is type(None):
        return "`None`"
    if origin in (typing.Union, types.UnionType):
        return " \\| ".join(_type_name(a) for a in args)
    if origin is tuple:
        return f"tuple of {_type_name(args[0])}"
    if isinstance(hint, type) and (attrs.has(hint) or issubclass(hint, enum.Enum)):
        return f"[`{hint.__name__}`](#{_anchor(hint.__name__)})"
    if isinstance(hint, type):
        return f"`{hint.__name__}`"
    return f"`{hint}`"


# -- the command line ----------------------------------------------------------------------


def cli_reference() -> str:
    """The ``--help`` of ``peelparse`` and of each of its commands."""
    parts: list[str] = []
    with click.Context(cli, info_name=PROJECT, terminal_width=90) as context:
        parts += ["```text", f"$ {PROJECT} --help", cli.get_help(context), "```", ""]
        for name in cli.list_commands(context):
            command = cli.get_command(context, name)
            if command is None:
                continue
            with click.Context(command, info_name=name, parent=context) as sub:
                parts += [
                    f"### `{PROJECT} {name}` {{ #{name} }}",
                    "",
                    "```text",
                    f"$ {PROJECT} {name} --help",
                    command.get_help(sub),
                    "```",
                    "",
                ]
    return "\n".join(parts).rstrip() + "\n"


# -- benchmark -----------------------------------------------------------------------------


def benchmark_results() -> str:
    """The latest benchmark table, or how to make it when this checkout has none."""
    if BENCHMARK.is_file():
        return BENCHMARK.read_text("utf-8").rstrip() + "\n"
    return (
        "This checkout has no recorded results yet: run `python benchmarks/run.py` and "
        "build the site again to see them here.\n"
    )


# -- the MkDocs hook -----------------------------------------------------------------------

GENERATORS: dict[str, Callable[[], str]] = {
    "hooks": hooks_reference,
    "data-model": data_model,
    "cli": cli_reference,
    "benchmark": benchmark_results,
}


def _generated(match: re.Match[str]) -> str:
    what = match.group("what")
    if what not in GENERATORS:
        raise ValueError(f"no generated text called {what!r}; known: {', '.join(GENERATORS)}")
    return GENERATORS[what]().rstrip()


def expand(markdown: str) -> str:
    """``markdown`` with every marker (and the text written after it) replaced by what it
    stands for."""
    return MARKER.sub(_generated, REGION.sub(_generated, markdown))


def written(markdown: str) -> str:
    """``markdown`` with the text of every written region generated again."""
    return REGION.sub(lambda m: f"{m.group(0).splitlines()[0]}\n{_generated(m)}\n{END}", markdown)


def markers(markdown: str) -> Iterator[str]:
    """The generated parts a page asks for."""
    for match in MARKER.finditer(markdown):
        yield match.group("what")


def on_page_markdown(markdown: str, **_: Any) -> str:
    """MkDocs calls this with each page's Markdown before rendering it."""
    return expand(markdown)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--write":
        page = Path(sys.argv[2])
        page.write_text(written(page.read_text("utf-8")), "utf-8")
        sys.exit(0)
    if len(sys.argv) != 2 or sys.argv[1] not in GENERATORS:
        sys.exit(f"usage: python scripts/docgen.py {{{'|'.join(GENERATORS)}}}")
    sys.stdout.write(GENERATORS[sys.argv[1]]())
