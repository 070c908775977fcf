"""How sure we are that a text is an inspection report: weighed signs of the layout."""

from __future__ import annotations

import re

from peelparse import Detection, SourceText
from peelparse.text import HEADLINE_QUESTION, force_named

# (sign, weight, what it shows). Signs are layouts the inspectorate's report pages share
# across cycles; negative weights are signs of the other kinds of document.
_SIGNS: tuple[tuple[re.Pattern[str], float, str], ...] = tuple(
    (re.compile(pattern, re.MULTILINE), weight, evidence)
    for pattern, weight, evidence in (
        (r"^\s*Last updated:? \d{1,2}/\d{1,2}/\d{4}\s*$", 0.15, "a 'Last updated' line"),
        (
            r"^\s*Questions for (?:Effectiveness|Efficiency|Legitimacy|Leadership)\s*$",
            0.2,
            "a 'Questions for <pillar>' heading",
        ),
        (r"^\s*(?:Areas? for improvement|Causes? of concern)\s*$", 0.15, "a findings heading"),
        (
            r"^\s*(?:HMI's observations|HM Inspector’s (?:summary|observations)|Our judgments|"
            r"Overall summary)\s*$",
            0.3,
            "a report section heading",
        ),
        (
            r"The extent to which (?:the force|the constabulary|[A-Z][\w ]+?) is "
            r"(?:effective|efficient|legitimate) at",
            0.3,
            "a pillar judgment sentence",
        ),
        (
            r"This is (?:HMIC|HMICFRS)[’']s? (?:first|second|third|fourth|fifth) "
            r"(?:PEEL|assessment)|This is the first PEEL Assessment",
            0.3,
            "an overview opening",
        ),
        (
            r"We make graded judgments|graded judgments in \w+ of these",
            0.3,
            "a graded-judgments statement",
        ),
        (
            r"^\s*To what extent (?:does|is|are) the (?:force|constabulary)\b.*\?\s*$",
            0.15,
            "a core question",
        ),
        (r"^\s*(?:Dear\s+\w+|Yours\s+(?:sincerely|faithfully)|Our ref:?)", -0.4, "letter parts"),
        (r"\bsaid:\s*$|^\s*Notes to editors", -0.25, "press-release parts"),
        (
            r"^\s*(?:Get the (?:report|press releases?|national press release|force press releases)"
            r"|Find out more about)\b",
            -0.2,
            "links to a publication (a landing page)",
        ),
        (
            r"\b(?:HMIC|HMICFRS|Inspectors) found that [^:\n]{0,80}:\s*$",
            -0.15,
            "a press-release findings lead-in",
        ),
    )
)


_TITLE = re.compile(r"(?P<name>[A-Z][\w&' -]{2,40}?)\s+(?:PEEL\s+)?20\d\d")
_PEEL_PUBLICATION = re.compile(
    r"\bPEEL\b.*\b(?:cause of concern|revisit|accelerated|spotlight report|national overview)\b",
    re.IGNORECASE,
)


MINIMUM = 0.25
"""Less evidence than this (one weak sign, or signs of other kinds outweighing) is no
report: the page is left to other plugins or the fallback."""


def _first_line(source: SourceText) -> str:
    """The first line of the document proper (furniture and blank lines skipped)."""
    for number, line in enumerate(source.head.split("\n"), start=1):
        if line.strip() and number not in source.furniture:
            return line.strip()
    return ""


def detect_report(source: SourceText) -> Detection | None:
    head = source.head
    score = 0.0
    seen: list[str] = []
    first = _first_line(source)
    title = _TITLE.fullmatch(first)
    if title and force_named(title.group("name")):
        score += 0.3
        seen.append("a '<force> PEEL <year>' title")
    elif _PEEL_PUBLICATION.search(first):
        score += 0.25
        seen.append("a PEEL publication title")
    for pattern, weight, evidence in _SIGNS:
        if pattern.search(head):
            score += weight
            seen.append(evidence)
    if HEADLINE_QUESTION.search(head):
        score += 0.3
        seen.append("a pillar headline question")
    score = round(score, 3)
    if score < MINIMUM:
        return None
    return Detection("inspection_report", min(score, 1.0), ", ".join(seen))
