"""How sure we are that a text is the minutes of a panel's agenda item: weighed signs."""

from __future__ import annotations

import re

from peelparse import Detection, SourceText

# (sign, weight, what it shows). Negative weights are signs of the built-in kinds, so that
# a commissioner's letter that quotes a resolution stays a letter, and minutes that answer
# the findings one by one are left to the commissioner's-response plugin.
_SIGNS: tuple[tuple[re.Pattern[str], float, str], ...] = tuple(
    (re.compile(pattern, re.MULTILINE), weight, evidence)
    for pattern, weight, evidence in (
        (r"^[ \t]*Agenda item\b[^\n]{0,20}$", 0.3, "an 'Agenda item' label"),
        (
            r"^[ \t]*(?i:it was\s+)?(?:RESOLVED|Resolved)\b|^[ \t]*(?:AGREED|DECIDED)\b",
            0.3,
            "a 'Resolved' line",
        ),
        (
            r"\b(?:Panel|Committee|Board|Members)\s+(?:considered|received|noted)\s+(?:a|the)\s+"
            r"(?:joint\s+|written\s+)?(?:report|update|briefing)\b",
            0.3,
            "'the Panel considered a report'",
        ),
        (r"^[ \t]*\((?:i|a|1)\)[ \t]+\S", 0.1, "numbered resolution items"),
        (r"^[ \t]*(?:Supporting|Background) (?:documents|papers):", 0.1, "a documents list"),
        (r"^[ \t]*(?:Minutes|Decision):[ \t]*$", 0.1, "a 'Minutes:' label"),
        (r"\bPolice,? (?:Fire,? )?(?:and|&) Crime Panel\b", 0.1, "a police and crime panel"),
        (r"^[ \t]*(?:Dear\s+\w+|Yours\s+(?:sincerely|faithfully)|Our ref:?)", -0.4, "letter parts"),
        (r"\bsaid:\s*$|^\s*Notes to editors", -0.3, "press-release parts"),
        (
            r"^[ \t]*(?:Action for Further Improvement(?: \(AFI\))?|AFI|Area for improvement|"
            r"Recommendation) \d+\b",
            -1.0,
            "findings answered one by one, as a commissioner's response does",
        ),
        (
            r"^\s*(?:Questions for (?:Effectiveness|Efficiency|Legitimacy)|Last updated\b)",
            -0.3,
            "report parts",
        ),
    )
)
THRESHOLD = 0.3
"""Below this the text is not claimed at all."""


def detect_minutes(source: SourceText) -> Detection | None:
    head = source.head
    score = 0.0
    seen: list[str] = []
    for pattern, weight, evidence in _SIGNS:
        if pattern.search(head):
            score += weight
            seen.append(evidence)
    if score < THRESHOLD:
        return None
    return Detection("panel_minutes", min(score, 1.0), ", ".join(seen))
