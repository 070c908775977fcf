"""The news plugin: news stories and commentary about inspections into ``NewsArticle``."""

from __future__ import annotations

from peelparse import Detection, KindRegistry, SourceText, hookimpl
from peelparse.grammar import GrammarFile, load_shaped, run_shaped
from peelparse_news.detect import detect_news
from peelparse_news.records import ForceJudgement, NewsArticle

GRAMMAR = GrammarFile(__name__, "news.lark")

__all__ = ["GRAMMAR", "ForceJudgement", "NewsArticle"]


@hookimpl
def peelparse_register_kinds(registry: KindRegistry) -> None:
    registry.add(NewsArticle)


@hookimpl
def peelparse_detect(source: SourceText) -> Detection | None:
    return detect_news(source)


@hookimpl
def peelparse_parse(source: SourceText, kind: str) -> NewsArticle | None:
    if kind != NewsArticle.kind:
        return None
    # Imported here: a process that never parses a news story never compiles its rules.
    from peelparse_news.build import build_news
    from peelparse_news.shapes import SHAPES
    from peelparse_news.transformer import NewsTransformer

    page, run = run_shaped(load_shaped(GRAMMAR, NewsTransformer), SHAPES, source)
    return build_news(page, run)
