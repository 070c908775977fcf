"""Typing the lines of a report: what each line is, from its shape and its neighbours."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token

from peelparse.grammar import Line, LinePostLex
from peelparse.text import (
    AREA_GRADE,
    GLUED_GRADE,
    GRADE_LINE,
    HEADLINE_QUESTION,
    first_force_in,
    may_name_grade,
    may_pair_area,
)
from peelparse_report.shapes import (
    AFI_MENTION,
    BULLET,
    DATED,
    FINDING_HEADINGS,
    HEADING,
    NUMBER,
    PILLAR_LINE,
    QUESTION,
    QUESTIONS_FOR,
    SHOULD,
    TITLE_HINT,
)


class ReportLines(LinePostLex):
    """Types report lines. The context rules, in order of the document:

    * the first heading-like lines that look like a title are the header;
    * a number line is a question number only when a question follows it;
    * a "Last updated" or grade line counts as the question's only right after it;
    * after a findings heading, bullets and "... should ..." lines are its items, and so are
      the bullets right after a paragraph that speaks of areas for improvement;
    * an indented or lower-case line straight after a bullet continues that bullet.
    """

    def type_lines(self, lines: list[Line]) -> Iterator[Token]:
        # One postlexer serves every parse, so what it remembers lives in this call only.
        previous = "START"
        in_findings = False
        texts = [line.text.strip() for line in lines]
        # A line's bullet shape matters to the line before it too: test each line once.
        bullets = [BULLET.match(text) is not None for text in texts]
        last = len(lines) - 1
        line_before = 0
        for index, line in enumerate(lines):
            # A line after page furniture (dropped before typing) is not straight after the
            # line before it, so it cannot continue that line's bullet.
            number = line.token.line or 0
            next_to = number == line_before + 1
            line_before = number
            following = texts[index + 1] if index < last else None
            typed = _type(
                line,
                texts[index],
                bullets[index],
                next_to,
                previous,
                in_findings,
                following,
                following is not None and bullets[index + 1],
            )
            for token in typed if isinstance(typed, tuple) else (typed,):
                previous = token.type
                if previous != "CONT":  # a continuation keeps a list of findings open
                    in_findings = previous in _FINDINGS
                yield token


_FINDINGS = ("AFI_HEADING", "COC_HEADING", "REC_HEADING", "ITEM", "AFI_LEAD")

# Cheap tests a line must pass before a shape can match it (see the shapes): most lines
# are long prose that fails them, and the expressions are far slower to fail.
_HEADING_MAX = 111
"""``HEADING`` takes a first mark and at most 110 more characters."""
_HEADING_ENDS = frozenset('.,;:!"\u201d\u2019')
"""Closing punctuation no ``HEADING`` ends with."""
_FINDING_STARTS = frozenset("AaCcRr")
"""The first letters of ``FINDING_HEADINGS``, in either case."""
_QUESTIONS_FOR_STARTS = frozenset("Qq")
"""The first letter of ``QUESTIONS_FOR``, in either case."""


def _type(
    line: Line,
    text: str,
    bullet: bool,
    next_to: bool,
    previous: str,
    in_findings: bool,
    following: str | None,
    following_bullet: bool,
) -> Token | tuple[Token, Token]:
    """The type of one line (``text``, stripped), or a glued question and its grade."""
    if (
        previous in ("BULLET", "ITEM", "CONT")
        and not line.blank_before
        and next_to
        and (line.indent > 0 or text[:1].islower())
        and not bullet
    ):
        return line.typed("CONT")
    # Words and marks a shape cannot match without; most lines are prose that holds none of
    # them, so they skip the expressions below.
    lower = text.lower()
    graded = may_name_grade(lower)
    asks = "?" in text
    if (
        graded
        and may_pair_area(lower)
        and AREA_GRADE.match(text)
        and not (asks and QUESTION.match(text))
    ):
        return line.typed("AREA_GRADE")
    if bullet:
        return line.typed("ITEM" if in_findings else "BULLET")
    glued = GLUED_GRADE.match(text) if graded and asks else None
    if glued and QUESTION.match(glued.group(1)):
        return _split_glued(line, glued)
    if asks and QUESTION.match(text):
        return line.typed("HEADLINE" if HEADLINE_QUESTION.match(text) else "QUESTION")
    after_question = previous in ("QUESTION", "HEADLINE", "UPDATED")
    if "/" in text and DATED.match(text):
        return line.typed("UPDATED" if after_question and previous != "UPDATED" else "PARA")
    if graded and GRADE_LINE.match(text):
        return line.typed("GRADE" if after_question else "GRADE_ALONE")
    if text[:1].isdigit() and NUMBER.match(text):
        if following is not None and QUESTION.match(following):
            return line.typed("NUMBER")
        return line.typed("PARA")
    if text[:1] in _FINDING_STARTS:
        heading = FINDING_HEADINGS.get(_key(text))
        if heading is not None:
            return line.typed(heading)
    if text[:1] in _QUESTIONS_FOR_STARTS and QUESTIONS_FOR.match(text):
        return line.typed("QUESTIONS_FOR")
    in_header = previous in ("START", "TITLE", "PILLAR", "SUBTITLE")
    if in_header and previous != "START" and PILLAR_LINE.match(text):
        return line.typed("PILLAR")
    if len(text) <= _HEADING_MAX and text[-1:] not in _HEADING_ENDS and HEADING.match(text):
        if (previous == "START" and TITLE_HINT.search(text)) or (
            previous == "START" and first_force_in(text)
        ):
            return line.typed("TITLE")
        if in_header and previous != "START":
            return line.typed("SUBTITLE")
        return line.typed("HEADING")
    if in_findings and SHOULD.search(text):
        return line.typed("ITEM")
    if following_bullet and "mprovement" in lower and AFI_MENTION.search(text):
        # "One area for improvement remained from that inspection." then its bullet
        return line.typed("AFI_LEAD")
    return line.typed("PARA")


def _key(text: str) -> str:
    return " ".join(text.rstrip(":").split()).lower()


def _split_glued(line: Line, glued: re.Match[str]) -> tuple[Token, Token]:
    """ "...keeping people safe?Good" as a question token and a grade token."""
    token = line.token
    base = token.start_pos or 0
    question_end = base + len(str(token)) - len(str(token).lstrip()) + glued.end(1)
    grade_start = base + len(str(token)) - len(str(token).lstrip()) + glued.start(2)
    text = glued.group(1)
    question = Token(
        "HEADLINE" if HEADLINE_QUESTION.match(text) else "QUESTION",
        text,
        start_pos=question_end - len(text),
        line=token.line,
        column=token.column,
        end_line=token.line,
        end_pos=question_end,
    )
    grade = Token(
        "GRADE",
        glued.group(2),
        start_pos=grade_start,
        line=token.line,
        end_line=token.line,
        end_pos=grade_start + len(glued.group(2)),
    )
    return question, grade
