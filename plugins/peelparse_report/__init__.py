"""The inspection-report plugin: PEEL report pages of every cycle into ``InspectionReport``."""

from __future__ import annotations

from peelparse import Detection, KindRegistry, SourceText, hookimpl
from peelparse.grammar import GrammarFile, load_shaped, run_shaped
from peelparse_report.detect import detect_report
from peelparse_report.records import Dated, InspectionReport, Question, Section

GRAMMAR = GrammarFile(__name__, "report.lark")

__all__ = ["GRAMMAR", "Dated", "InspectionReport", "Question", "Section"]


@hookimpl
def peelparse_register_kinds(registry: KindRegistry) -> None:
    registry.add(InspectionReport)


@hookimpl
def peelparse_detect(source: SourceText) -> Detection | None:
    return detect_report(source)


@hookimpl
def peelparse_parse(source: SourceText, kind: str) -> InspectionReport | None:
    if kind != InspectionReport.kind:
        return None
    # Imported here: a process that never parses a report never compiles its rules.
    from peelparse_report.build import build_report
    from peelparse_report.shapes import SHAPES
    from peelparse_report.transformer import ReportTransformer

    layout, run = run_shaped(load_shaped(GRAMMAR, ReportTransformer), SHAPES, source)
    return build_report(layout, run)
