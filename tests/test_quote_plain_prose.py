"""Prose with no quotation mark is passed over at once by the quote reader; what comes
around it must read as before: a quote it follows or is introduced by, and the speaker a
later "she said" finds in it."""

from __future__ import annotations

import re

from peelparse import Paragraph, Quote
from peelparse._quotes import _plain
from peelparse._source import from_text
from peelparse.text import quotes_in


def read(text: str) -> tuple[Quote, ...]:
    source = from_text(text)
    paragraphs = [
        Paragraph(m.group().strip(), source.span(m.start(), m.end()))
        for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)
    ]
    return quotes_in(source, paragraphs)


def test_plain_prose_is_told_from_prose_that_may_quote() -> None:
    assert _plain("The force was inspected in May.")
    for text in ("It said: “Good.”", "The force’s plan.", "Inspectors found:", "He said 'no'"):
        assert not _plain(text)


def test_a_line_that_introduces_a_quote_still_takes_the_plain_paragraph_after_it() -> None:
    quotes = read("Chief Constable Mary Ashdown said:\n\nWe will act on every point.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Mary Ashdown", "We will act on every point.")
    ]


def test_plain_prose_names_the_speaker_a_later_pronoun_stands_for() -> None:
    text = "Mary Ashdown leads the force.\n\n“We will act,” she said."
    assert [q.speaker for q in read(text)] == ["Mary Ashdown"]


def test_plain_prose_ends_a_quote() -> None:
    text = "“We will act,” said Mary Ashdown.\n\nThe report was published.\n\n“Soon,” she added."
    quotes = read(text)
    assert [q.text for q in quotes] == ["“We will act,”", "“Soon,”"]
