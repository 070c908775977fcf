"""How sure we are that a text is the minutes of a panel's agenda item: weighed signs."""

from __future__ import annotations

from peelparse import Detection, Sign, Signs, SourceText

# (sign, weight, what it shows). Negative weights are signs of the built-in kinds, so that
# a commissioner's letter that quotes a resolution stays a letter, and minutes that answer
# the findings one by one are left to the commissioner's-response plugin.
THRESHOLD = 0.3
"""Below this the text is not claimed at all."""

SIGNS = Signs(
    "panel_minutes",
    (
        Sign(r"^[ \t]*Agenda item\b[^\n]{0,20}$", 0.3, "an 'Agenda item' label"),
        Sign(
            r"^[ \t]*(?i:it was\s+)?(?:RESOLVED|Resolved)\b|^[ \t]*(?:AGREED|DECIDED)\b",
            0.3,
            "a 'Resolved' line",
        ),
        Sign(
            r"\b(?:Panel|Committee|Board|Members)\s+(?:considered|received|noted)\s+(?:a|the)\s+"
            r"(?:joint\s+|written\s+)?(?:report|update|briefing)\b",
            0.3,
            "'the Panel considered a report'",
        ),
        Sign(r"^[ \t]*\((?:i|a|1)\)[ \t]+\S", 0.1, "numbered resolution items"),
        Sign(r"^[ \t]*(?:Supporting|Background) (?:documents|papers):", 0.1, "a documents list"),
        Sign(r"^[ \t]*(?:Minutes|Decision):[ \t]*$", 0.1, "a 'Minutes:' label"),
        Sign(r"\bPolice,? (?:Fire,? )?(?:and|&) Crime Panel\b", 0.1, "a police and crime panel"),
        Sign(
            r"^[ \t]*(?:Dear\s+\w+|Yours\s+(?:sincerely|faithfully)|Our ref:?)",
            -0.4,
            "letter parts",
        ),
        Sign(r"\bsaid:\s*$|^\s*Notes to editors", -0.3, "press-release parts"),
        Sign(
            r"^[ \t]*(?:Action for Further Improvement(?: \(AFI\))?|AFI|Area for improvement|"
            r"Recommendation) \d+\b",
            -1.0,
            "findings answered one by one, as a commissioner's response does",
        ),
        Sign(
            r"^\s*(?:Questions for (?:Effectiveness|Efficiency|Legitimacy)|Last updated\b)",
            -0.3,
            "report parts",
        ),
    ),
    minimum=THRESHOLD,
)


def detect_minutes(source: SourceText) -> Detection | None:
    return SIGNS.weigh(source.view).detection()
