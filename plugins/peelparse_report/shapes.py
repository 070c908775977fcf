"""The shapes of report lines, as regular expressions. Each names a layout, not a wording."""

from __future__ import annotations

import re

from peelparse.text import LazyPattern

BULLET = LazyPattern(r"(?:[-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6]|\d{1,2}[.)])[ \t\u00a0]+\S")
"""A bulleted or numbered list item ("- ", "• ", "1. ")."""

QUESTION = LazyPattern(r"[A-Z\"'‘“][^\n]{8,300}\?[\"'’”]?\s*$")
"""A line that asks a question."""

DATED = LazyPattern(
    r"(?:Last\s+updated|Updated|Published(?:\s+on)?):?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})\s*$",
    re.IGNORECASE,
)
"""A "Last updated dd/mm/yyyy" line."""

NUMBER = LazyPattern(r"\d{1,2}\.?\s*$")
"""A bare number line, as web pages put before a numbered question."""

QUESTIONS_FOR = LazyPattern(r"Questions\s+for\s+\w+\s*$", re.IGNORECASE)
""""Questions for Legitimacy": the core questions follow."""

PILLAR_LINE = LazyPattern(r"(?:Effectiveness|Efficiency|Legitimacy|Leadership)\s*$", re.IGNORECASE)
"""A pillar's name on a line of its own, under the title."""

HEADING = LazyPattern(r"[^\s•\-*a-z][^\n]{0,110}(?<![.,;:!\"”’])\s*$")
"""A short line without closing punctuation: a title or a sub-heading."""

TITLE_HINT = LazyPattern(r"\bPEEL\b|\b20\d\d\b|\binspection\b|\breport\b", re.IGNORECASE)
"""What makes the first heading of a page its title."""

SHOULD = LazyPattern(r"\bshould\b|\bmust\b", re.IGNORECASE)
"""Wording of a finding given as a paragraph rather than a bullet."""

FINDING_HEADINGS = {
    "areas for improvement": "AFI_HEADING",
    "area for improvement": "AFI_HEADING",
    "causes of concern": "COC_HEADING",
    "cause of concern": "COC_HEADING",
    "recommendations": "REC_HEADING",
    "recommendation": "REC_HEADING",
}
"""Headings that open a list of findings, by their words in lower case."""

AFI_MENTION = LazyPattern(r"\bareas? for improvement\b", re.IGNORECASE)
"""A paragraph that speaks of areas for improvement (it may lead into a list of them)."""
