"""The press-release plugin: the inspectorate's press releases into ``PressRelease``."""

from __future__ import annotations

from peelparse import Detection, KindRegistry, SourceText, hookimpl
from peelparse.grammar import GrammarFile, load_shaped, run_shaped, units_of
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
    from peelparse_press.shapes import SEVERAL, SHAPES, join, several_releases
    from peelparse_press.transformer import PressTransformer

    blocks = units_of(source.text, frozenset(source.furniture), join)
    table = SEVERAL if several_releases(blocks) else SHAPES
    parsed, run = run_shaped(load_shaped(GRAMMAR, PressTransformer), table, source, blocks)
    return build_press(parsed, run)
