"""The PCC-response plugin: a local policing body's comments on an inspection report (a
section 55 letter, a web statement, minutes answering the report's findings) into
``PCCResponse``."""

from __future__ import annotations

from peelparse import Detection, KindRegistry, SourceText, hookimpl
from peelparse.grammar import GrammarFile, load_shaped, run_shaped
from peelparse_pcc.detect import detect_pcc
from peelparse_pcc.records import AnsweredFinding, Party, PCCResponse

GRAMMAR = GrammarFile(__name__, "pcc.lark")

__all__ = ["GRAMMAR", "AnsweredFinding", "PCCResponse", "Party"]


@hookimpl
def peelparse_register_kinds(registry: KindRegistry) -> None:
    registry.add(PCCResponse)


@hookimpl
def peelparse_detect(source: SourceText) -> Detection | None:
    return detect_pcc(source)


@hookimpl
def peelparse_parse(source: SourceText, kind: str) -> PCCResponse | None:
    if kind != PCCResponse.kind:
        return None
    # Imported here: a process that never parses a response never compiles its rules.
    from peelparse_pcc.build import build_response
    from peelparse_pcc.shapes import SHAPES
    from peelparse_pcc.transformer import PCCTransformer

    parsed, run = run_shaped(load_shaped(GRAMMAR, PCCTransformer), SHAPES, source)
    return build_response(parsed, run)
