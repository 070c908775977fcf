"""A peelparse plugin: the minutes of a police and crime panel on inspection reports.

Installed beside peelparse, it is found through its entry point (``pyproject.toml``)::

    [project.entry-points.peelparse]
    minutes = "peelparse_minutes"

and adds the kind ``panel_minutes``: the agenda item's title, the reports the panel
considered, and what it resolved, each with where it stands in the text.
"""

from __future__ import annotations

from peelparse import Detection, KindRegistry, SourceText, hookimpl
from peelparse.grammar import GrammarFile, load_shaped, run_shaped
from peelparse_minutes.detect import detect_minutes
from peelparse_minutes.records import ConsideredReport, PanelMinutes, Resolution, ResolutionItem

GRAMMAR = GrammarFile(__name__, "minutes.lark")
"""The grammar, loaded from this package (so it works from a wheel too)."""

__all__ = ["GRAMMAR", "ConsideredReport", "PanelMinutes", "Resolution", "ResolutionItem"]


@hookimpl
def peelparse_register_kinds(registry: KindRegistry) -> None:
    """Declare the kind: its record class carries the tag ``panel_minutes``."""
    registry.add(PanelMinutes)


@hookimpl
def peelparse_detect(source: SourceText) -> Detection | None:
    """Score the text; the highest score of all plugins wins."""
    return detect_minutes(source)


@hookimpl
def peelparse_parse(source: SourceText, kind: str) -> PanelMinutes | None:
    """Parse the text when it was detected (or asked for) as ``panel_minutes``."""
    if kind != PanelMinutes.kind:
        return None
    # Imported here: a process that never parses minutes never loads their rules.
    from peelparse_minutes.shapes import SHAPES
    from peelparse_minutes.transformer import MinutesTransformer, build_minutes

    parsed, run = run_shaped(load_shaped(GRAMMAR, MinutesTransformer), SHAPES, source)
    return build_minutes(parsed, run)
