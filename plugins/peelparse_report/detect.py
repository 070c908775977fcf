"""How sure we are that a text is an inspection report: weighed signs of the layout."""

from __future__ import annotations

import re

from peelparse import Detection, Sign, Signs, SourceText
from peelparse.text import HEADLINE_QUESTION, LazyPattern, force_named

MINIMUM = 0.25
"""Less evidence than this (one weak sign, or signs of other kinds outweighing) is no
report: the page is left to other plugins or the fallback."""

# Layouts the inspectorate's report pages share across cycles; negative weights are signs
# of the other kinds of document.
SIGNS = Signs(
    "inspection_report",
    (
        Sign(
            r"^[^\S\n]*Last updated:? \d{1,2}/\d{1,2}/\d{4}\s*$",
            0.15,
            "a 'Last updated' line",
            needs=("updated",),
        ),
        Sign(
            r"^[^\S\n]*Questions for (?:Effectiveness|Efficiency|Legitimacy|Leadership)\s*$",
            0.2,
            "a 'Questions for <pillar>' heading",
            needs=("questions",),
        ),
        Sign(
            r"^[^\S\n]*(?:Areas? for improvement|Causes? of concern)\s*$",
            0.15,
            "a findings heading",
            needs=("improvement", "concern"),
        ),
        Sign(
            r"^[^\S\n]*(?:HMI's observations|HM Inspector’s (?:summary|observations)|Our judgments|"
            r"Overall summary)\s*$",
            0.3,
            "a report section heading",
        ),
        Sign(
            r"The extent to which (?:the force|the constabulary|[A-Z][\w ]+?) is "
            r"(?:effective|efficient|legitimate) at",
            0.3,
            "a pillar judgment sentence",
            needs=("the extent to which",),
        ),
        Sign(
            r"This is (?:HMIC|HMICFRS)[’']s? (?:first|second|third|fourth|fifth) "
            r"(?:PEEL|assessment)|This is the first PEEL Assessment",
            0.3,
            "an overview opening",
            needs=("this is",),
        ),
        Sign(
            r"We make graded judgments|graded judgments in \w+ of these",
            0.3,
            "a graded-judgments statement",
            needs=("graded judgments",),
        ),
        Sign(
            r"^[^\S\n]*To what extent (?:does|is|are) the (?:force|constabulary)\b.*\?\s*$",
            0.15,
            "a core question",
            needs=("to what extent",),
        ),
        Sign(
            HEADLINE_QUESTION.pattern,
            0.3,
            "a pillar headline question",
            flags=re.IGNORECASE,
        ),
        Sign(
            r"^[^\S\n]*(?:Dear\s+\w+|Yours\s+(?:sincerely|faithfully)|Our ref:?)",
            -0.4,
            "letter parts",
            needs=("dear", "yours", "ref"),
        ),
        Sign(
            r"\bsaid:\s*$|^[^\S\n]*Notes to editors",
            -0.25,
            "press-release parts",
            needs=("said", "editor"),
        ),
        Sign(
            r"^[^\S\n]*(?:Get the (?:report|press releases?|national press release|"
            r"force press releases)|Find out more about)\b",
            -0.2,
            "links to a publication (a landing page)",
        ),
        Sign(
            r"\bresponses?\s+(?:from|of)\s+the\s+(?:Police(?:,?\s+Fire)?\s+and\s+Crime\s+"
            r"Commissioner|P(?:F)?CC|commissioner)\b",
            -0.2,
            "the commissioner's response spoken of (a commissioner's page)",
            needs=("response",),
        ),
        Sign(
            r"\b(?:HMIC(?:FRS)?|Inspectors) found that [^:\n]{0,80}:\s*$",
            -0.15,
            "a press-release findings lead-in",
            needs=("found",),
        ),
    ),
    minimum=MINIMUM,
)


_TITLE = LazyPattern(r"(?P<name>[A-Z][\w&' -]{2,40}?)\s+(?:PEEL\s+)?20\d\d")
_PEEL_PUBLICATION = LazyPattern(
    r"\bPEEL\b.*\b(?:cause of concern|revisit|accelerated|spotlight report|national overview)\b",
    re.IGNORECASE,
)


def detect_report(source: SourceText) -> Detection | None:
    weighing = SIGNS.start()
    view = source.view
    first = next(iter(view.top_lines(1)), "")
    title = _TITLE.fullmatch(first)
    if title and force_named(title.group("name")):
        weighing.add(0.3, "a '<force> PEEL <year>' title")
    elif _PEEL_PUBLICATION.search(first):
        weighing.add(0.25, "a PEEL publication title")
    weighed = SIGNS.weigh_to_detect(view, into=weighing)
    return weighed.detection() if weighed is not None else None
