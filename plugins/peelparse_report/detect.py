"""How sure we are that a text is an inspection report: weighed signs of the layout."""

from __future__ import annotations

import re

from peelparse import Detection, SourceText
from peelparse.text import HEADLINE_QUESTION

# (sign, weight, what it shows). Signs are layouts the inspectorate's report pages share
# across cycles; negative weights are signs of the other kinds of document.
_SIGNS: tuple[tuple[re.Pattern[str], float, str], ...] = tuple(
    (re.compile(pattern, re.MULTILINE), weight, evidence)
    for pattern, weight, evidence in (
        (r"^[A-Z][\w&' -]{2,40}\s+(?:PEEL\s+)?20\d\d\s*$", 0.3, "a '<force> PEEL <year>' title"),
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
            r"\b(?:HMIC|HMICFRS|Inspectors) found that [^:\n]{0,80}:\s*$",
            -0.15,
            "a press-release findings lead-in",
        ),
    )
)


def detect_report(source: SourceText) -> Detection | None:
    head = source.head
    score = 0.0
    seen: list[str] = []
    for pattern, weight, evidence in _SIGNS:
        if pattern.search(head):
            score += weight
            seen.append(evidence)
    if HEADLINE_QUESTION.search(head):
        score += 0.3
        seen.append("a pillar headline question")
    if score <= 0:
        return None
    return Detection("inspection_report", min(score, 1.0), ", ".join(seen))
