"""Typing the lines of a report: what each line is, from its shape and its neighbours."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token

from peelparse.grammar import Line, LinePostLex
from peelparse.text import HEADLINE_QUESTION, first_force_in, may_name_grade
from peelparse_report.shapes import (
    AFI_MENTION,
    AREA_GRADE,
    BULLET,
    DATED,
    FINDING_HEADINGS,
    GLUED_GRADE,
    GRADE_LINE,
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
        state = _State()
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else None
            for token in _type(line, state, following):
                state.previous = token.type
                if token.type != "CONT":  # a continuation keeps a list of findings open
                    state.in_findings = token.type in _FINDINGS
                yield token


class _State:
    previous = "START"
    in_findings = False


_FINDINGS = ("AFI_HEADING", "COC_HEADING", "REC_HEADING", "ITEM", "AFI_LEAD")


def _type(line: Line, state: _State, following: Line | None) -> Iterator[Token]:
    previous = state.previous
    text = line.text.strip()
    in_header = previous in ("START", "TITLE", "PILLAR", "SUBTITLE")
    after_question = previous in ("QUESTION", "HEADLINE", "UPDATED")

    if (
        previous in ("BULLET", "ITEM", "CONT")
        and not line.blank_before
        and (line.indent > 0 or text[:1].islower())
        and not BULLET.match(text)
    ):
        yield line.typed("CONT")
        return
    # Words and marks a shape cannot match without; most lines are prose that holds none of
    # them, so they skip the expressions below.
    graded = may_name_grade(text.lower())
    asks = "?" in text
    if graded and AREA_GRADE.match(text) and not (asks and QUESTION.match(text)):
        yield line.typed("AREA_GRADE")
        return
    if BULLET.match(text):
        yield line.typed("ITEM" if state.in_findings else "BULLET")
        return
    glued = GLUED_GRADE.match(text) if graded and asks else None
    if glued and QUESTION.match(glued.group(1)):
        yield from _split_glued(line, glued)
        return
    if asks and QUESTION.match(text):
        yield line.typed("HEADLINE" if HEADLINE_QUESTION.match(text) else "QUESTION")
        return
    if "/" in text and DATED.match(text):
        yield line.typed("UPDATED" if after_question and previous != "UPDATED" else "PARA")
        return
    if graded and GRADE_LINE.match(text):
        yield line.typed("GRADE" if after_question else "GRADE_ALONE")
        return
    if text[:1].isdigit() and NUMBER.match(text):
        if following is not None and QUESTION.match(following.text.strip()):
            yield line.typed("NUMBER")
        else:
            yield line.typed("PARA")
        return
    heading = FINDING_HEADINGS.get(_key(text))
    if heading is not None:
        yield line.typed(heading)
        return
    if QUESTIONS_FOR.match(text):
        yield line.typed("QUESTIONS_FOR")
        return
    if in_header and PILLAR_LINE.match(text) and previous != "START":
        yield line.typed("PILLAR")
        return
    if HEADING.match(text):
        if (previous == "START" and TITLE_HINT.search(text)) or (
            previous == "START" and first_force_in(text)
        ):
            yield line.typed("TITLE")
        elif in_header and previous != "START":
            yield line.typed("SUBTITLE")
        else:
            yield line.typed("HEADING")
        return
    if state.in_findings and SHOULD.search(text):
        yield line.typed("ITEM")
        return
    if following is not None and AFI_MENTION.search(text) and BULLET.match(following.text.strip()):
        # "One area for improvement remained from that inspection." then its bullet
        yield line.typed("AFI_LEAD")
        return
    yield line.typed("PARA")


def _key(text: str) -> str:
    return " ".join(text.rstrip(":").split()).lower()


def _split_glued(line: Line, glued: re.Match[str]) -> Iterator[Token]:
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
    yield question
    yield grade
