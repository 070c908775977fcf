"""The press-release plugin: the inspectorate's press releases into ``PressRelease``."""

from __future__ import annotations

from peelparse import Detection, KindRegistry, SourceText, hookimpl
from peelparse.grammar import GrammarFile, load_grammar, run_grammar
from peelparse_press.detect import detect_press
from peelparse_press.records import (
    ForceRelease,
    GradeCount,
    Inspectorate,
    PressDate,
    PressFinding,
    PressMeta,
    PressRelease,
)

GRAMMAR = GrammarFile(__name__, "press.lark")

__all__ = [
    "GRAMMAR",
    "ForceRelease",
    "GradeCount",
    "Inspectorate",
    "PressDate",
    "PressFinding",
    "PressMeta",
    "PressRelease",
]


@hookimpl
def peelparse_register_kinds(registry: KindRegistry) -> None:
    registry.add(PressRelease)


@hookimpl
def peelparse_detect(source: SourceText) -> Detection | None:
    return detect_press(source)


@hookimpl
def peelparse_parse(source: SourceText, kind: str) -> PressRelease | None:
    if kind != PressRelease.kind:
        return None
    # Imported here: a process that never parses a press release never compiles its rules.
    from peelparse_press.build import build_press
    from peelparse_press.lines import PressLines
    from peelparse_press.transformer import PressTransformer

    parsed, run = run_grammar(load_grammar(GRAMMAR, PressLines, PressTransformer), source)
    return build_press(parsed, run)
