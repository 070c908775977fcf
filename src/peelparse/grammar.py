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

__all__ = [
    "MAX_RECOVERIES",
    "GrammarFile",
    "GrammarRun",
    "Line",
    "LinePostLex",
    "current_run",
    "fallback_document",
    "load_grammar",
    "parse_tree",
    "run_grammar",
    "span_of",
    "token_span",
    "unparsed",
]
