"""What a plugin needs to run a line grammar the way the built-in plugins do."""

from peelparse._grammar import (
    MAX_RECOVERIES,
    GrammarFile,
    GrammarRun,
    blocks_of,
    fallback_document,
    span_of,
    text_lines,
    token_span,
    unparsed,
)
from peelparse._handed import Before, Handed
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
    "Before",
    "GrammarFile",
    "GrammarRun",
    "Handed",
    "LineLexer",
    "LineShape",
    "ShapeTable",
    "ShapedText",
    "Unit",
    "blocks_of",
    "fallback_document",
    "joined",
    "load_shaped",
    "needed_words",
    "run_shaped",
    "shape_text",
    "shaped_tree",
    "span_of",
    "text_lines",
    "token_span",
    "units_of",
    "unparsed",
]
