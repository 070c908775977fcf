"""What a plugin needs to run a line grammar the way the built-in plugins do."""

from peelparse._grammar import (
    MAX_RECOVERIES,
    GrammarFile,
    GrammarRun,
    Line,
    LinePostLex,
    current_run,
    fallback_document,
    load_grammar,
    parse_tree,
    run_grammar,
    span_of,
    token_span,
    unparsed,
)
from peelparse._line_lexer import (
    LineLexer,
    ShapedText,
    load_shaped,
    run_shaped,
    shape_text,
    shaped_tree,
)
from peelparse._needs import needed_words
from peelparse._shapes import LineShape, ShapeTable, Unit, joined, units_of

__all__ = [
    "MAX_RECOVERIES",
    "GrammarFile",
    "GrammarRun",
    "Line",
    "LineLexer",
    "LinePostLex",
    "LineShape",
    "ShapeTable",
    "ShapedText",
    "Unit",
    "current_run",
    "fallback_document",
    "joined",
    "load_grammar",
    "load_shaped",
    "needed_words",
    "parse_tree",
    "run_grammar",
    "run_shaped",
    "shape_text",
    "shaped_tree",
    "span_of",
    "token_span",
    "units_of",
    "unparsed",
]
