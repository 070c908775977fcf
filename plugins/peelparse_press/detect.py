"""How sure we are that a text is one of the inspectorate's press releases: weighed signs.

Press releases speak of the inspectorate in the third person ("HMIC found that ...", "the
police inspectorate has said") and quote an HM Inspector; news pages of forces and
commissioners speak in the first person or quote their own people, and reports have
questions and findings headings. Negative weights are signs of those other kinds.
"""

from __future__ import annotations

import re

from peelparse import Detection, SourceText
from peelparse.text import judgements_in
from peelparse_press.shapes import DATE_LINE, META, SITE, unmarked

MINIMUM = 0.3
"""Below this the text is not claimed at all."""

_HM = r"(?:HM|Her\s+Majesty['’]s|His\s+Majesty['’]s)"

_SIGNS: tuple[tuple[re.Pattern[str], float, str], ...] = tuple(
    (re.compile(pattern, re.MULTILINE | re.IGNORECASE), weight, evidence)
    for pattern, weight, evidence in (
        (
            rf"^[^\n“\"]{{0,120}}\b{_HM}\s+(?:Chief\s+)?Inspector\b[^\n“\"]{{0,150}}"
            r"\b(?:said|added|commented)\s*:\s*$"
            rf"|[”\"]\s*,?\s*said\s+[^\n“\"]{{0,60}}\b{_HM}\s+(?:Chief\s+)?Inspector\b",
            0.35,
            "an HM Inspector quoted",
        ),
        (
            r"\bthe\s+(?:police\s+)?inspectorate\s+(?:has\s+|have\s+)?said\b"
            r"|,\s*(?:HMIC|HMICFRS)\s+(?:has\s+)?said\b",
            0.3,
            "the inspectorate reported as saying",
        ),
        (
            r"^\s*(?:HMIC|HMICFRS|Inspectors|The\s+inspectorate)\s+(?:found|judged|concluded)"
            r"\s+that\s+[^:\n]{2,80}:\s*$",
            0.3,
            "a findings lead-in ('HMIC found that X:')",
        ),
        (
            r"\b(?:HMIC|HMICFRS|the\s+inspectorate|the\s+inspection|inspectors)\s+(?:also\s+)?"
            r"(?:found|judged)\s+that\b[^\n]*[^:\s]\s*$",
            0.15,
            "the inspectorate's findings reported",
        ),
        (r"^\s*(?:Jump\s+to\s+)?notes?\s+(?:to|for)\s+editors?\b", 0.3, "notes to editors"),
        (r"^\s*Publication\s+types?:.*\bpress\s+releases?\b", 0.4, "a press-release page type"),
        (r"^\s*(?:Get|Read)\s+the\s+(?:full\s+)?report\s*$", 0.1, "a 'Get the report' link"),
        (
            r"\b(?:HMIC|HMICFRS)\)?\s+(?:has|have)\s+(?:today\s+)?(?:published|graded|assessed|"
            r"inspected)\b",
            0.15,
            "the inspectorate as the actor",
        ),
        # Signs of the other kinds.
        (r"^\s*(?:Dear\s+\w+|Yours\s+(?:sincerely|faithfully)|Our\s+ref)", -0.5, "letter parts"),
        (
            r"\bPolice,?\s+(?:Fire\s+)?(?:and|&)\s+Crime\s+Commissioner\b|\b(?:PCC|PFCC|OPCC|"
            r"APCC)\b|\bCommissioner\b",
            -0.3,
            "a commissioner's page",
        ),
        (
            r"\bour\s+(?:police\s+service|force|constabulary|latest|officers|staff)\b"
            r"|\bwe\s+(?:have\s+been|were)\s+(?:rated|graded|judged|assessed)\b"
            r"|\bChief\s+Constable\b[^\n“\"]{0,60}\b(?:said|welcomed|says)\b",
            -0.3,
            "a force speaking for itself",
        ),
        (
            r"^\s*(?:Last\s+updated|Questions\s+for|Overall\s+summary|Our\s+judgments|"
            r"Areas?\s+for\s+improvement|Causes?\s+of\s+concern)\b",
            -0.3,
            "report sections",
        ),
    )
)

_SIGN_OFF = re.compile(r"\s[-–—]\s*(?:HMIC|HMICFRS)\s*$")
_PRESS_TITLE = re.compile(r"\bpress\s+releases?\b", re.IGNORECASE)
_TITLE_LINES = 4
"""Lines at the top where a page names itself (after a site name or a date)."""


def detect_press(source: SourceText) -> Detection | None:
    head = source.head
    score = 0.0
    seen: list[str] = []
    top = _top_lines(source)
    headline = next((line for line in top if not _above_headline(line)), "")
    if _SIGN_OFF.search(headline):
        score += 0.5
        seen.append("a headline signed by the inspectorate")
    if any(_PRESS_TITLE.search(line) for line in top):
        score += 0.45
        seen.append("a press-release page title")
    start, end = unmarked(_SIGN_OFF.sub("", headline))
    if any(j.explicit for j in judgements_in(_SIGN_OFF.sub("", headline)[start:end])):
        score += 0.2
        seen.append("a headline stating a grade")
    for pattern, weight, evidence in _SIGNS:
        if pattern.search(head):
            score += weight
            seen.append(evidence)
    if score < MINIMUM:
        return None
    return Detection("press_release", round(min(score, 1.0), 3), ", ".join(seen))


def _above_headline(line: str) -> bool:
    """Site names, dates and metadata that stand above a release's headline."""
    return any(shape.fullmatch(line) for shape in (SITE, DATE_LINE, META))


def _top_lines(source: SourceText) -> list[str]:
    """The first few lines that are not page furniture."""
    lines: list[str] = []
    for number, line in enumerate(source.head.split("\n"), start=1):
        if line.strip() and number not in source.furniture:
            lines.append(line.strip())
            if len(lines) == _TITLE_LINES:
                break
    return lines
