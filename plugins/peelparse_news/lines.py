"""Typing the lines of a news page: what each line is, from its shape and its neighbours."""

from __future__ import annotations

from collections.abc import Iterator

from lark import Token

from peelparse import Unclassified
from peelparse.grammar import Line, LinePostLex, current_run, token_span
from peelparse.text import join_lines, read_date_line, strip_marks
from peelparse_news.shapes import (
    introduces_quote,
    is_byline,
    is_furniture,
    is_heading_shaped,
    opens_quote,
)

QUOTED = ("QUOTE", "QUOTE_CONT")
HEADING_WORDS = 12
"""A cross-head inside a story is shorter than a headline."""
_META = ("BYLINE", "DATE")
_BODY = ("PARA", "QUOTE", "QUOTE_CONT", "SAID", "BULLET")
"""Kinds of line that show a story's text has begun: a headline before any of them is the
first story's standfirst or a cross-head, not another story."""


class NewsLines(LinePostLex):
    """Types the lines of a news page. In page order:

    * furniture (advertising, captions, sign-up prompts) wherever it stands;
    * a byline ("By ...") and a line that is only a date;
    * the first line shaped as a headline, before any paragraph, is the headline;
    * once the story's text has begun, a line shaped as a headline and followed by a byline
      or a date starts another story (a page that glued two together);
    * a line ending "said:" introduces a quotation: the next paragraph is quoted, and so
      are paragraphs that open with a quotation mark; those right after a quoted one
      continue it;
    * list items, short lines shaped as headings, and paragraphs.
    """

    def type_lines(self, lines: list[Line]) -> Iterator[Token]:
        run = current_run()
        kinds = [_own_kind(line.text) for line in lines]
        previous = "START"
        story_started = False
        body_started = False
        for at, line in enumerate(lines):
            kind = kinds[at]
            text = line.text
            if kind == "FURNITURE":
                # Set aside here: furniture can stand inside a quotation, which the grammar
                # then reads as one.
                span = token_span(line.token)
                run.unclassified.append(Unclassified(join_lines(text), "furniture", span))
                continue
            if kind is None:
                kind = _kind_in_context(lines, kinds, at, previous, story_started, body_started)
                story_started = True
                body_started = body_started or kind in _BODY
            previous = kind
            yield line.typed(kind)


def _kind_in_context(
    lines: list[Line],
    kinds: list[str | None],
    at: int,
    previous: str,
    story_started: bool,
    body_started: bool,
) -> str:
    text = lines[at].text
    if previous == "SAID":
        return "QUOTE"
    if not story_started and is_heading_shaped(text):
        return "HEADLINE"
    if body_started and is_heading_shaped(text) and _next_kind(kinds, at) in _META:
        return "NEXT_HEADLINE"
    if opens_quote(text) and previous not in QUOTED:
        return "QUOTE"
    if opens_quote(text):
        return "QUOTE_CONT"
    if introduces_quote(text) and at + 1 < len(lines) and _next_kind(kinds, at) is None:
        return "SAID"
    if strip_marks(text) != text.strip() and not text.lstrip().startswith(("#", "*")):
        return "BULLET"
    if is_heading_shaped(text) and len(text.split()) <= HEADING_WORDS:
        return "HEADING"
    return "PARA"


def _own_kind(text: str) -> str | None:
    """The kind a line has whatever stands around it."""
    if is_furniture(text):
        return "FURNITURE"
    if is_byline(text):
        return "BYLINE"
    if read_date_line(text) is not None:
        return "DATE"
    return None


def _next_kind(kinds: list[str | None], at: int) -> str | None:
    """The own kind of the next line that is not furniture ("END" after the last)."""
    for kind in kinds[at + 1 :]:
        if kind != "FURNITURE":
            return kind
    return "END"
