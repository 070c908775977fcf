"""How sure we are that a text is a news story or commentary about an inspection.

A story reports the inspectorate in the third person ("inspectors found", "the police
watchdog said", "rated 'good' by inspectors"), carries a news site's byline, dates and
furniture, and often covers several forces. What speaks against: the parts of the other
kinds (a letter, notes to editors, a report's sections), a commissioner's own response
(also when a paper carries it), and a force or a meeting speaking for itself.
"""

from __future__ import annotations

from peelparse import Detection, Sign, Signs, SourceText

MINIMUM = 0.35
"""Below this the text is not claimed at all."""
SEVERAL_FORCES = 3
"""A story naming this many forces covers several."""

_INSPECTORS = (
    r"(?:HMIC(?:FRS)?\)?|Inspectors|inspectors|the\s+(?:police\s+)?(?:[Ii]nspectorate|watchdogs?)|"
    r"a\s+(?:police\s+)?watchdog|watchdogs)"
)
"""The inspectorate as a story names it; each alternative opens with a word, which keeps the
search fast."""
_COMMISSIONER = r"(?:[Cc]ommissioner|PCC|PFCC)"

SIGNS = Signs(
    "news_article",
    (
        Sign(
            r"^[^\S\n]*By\s+(?:The\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*(?:[,|]|$)",
            0.25,
            "a byline",
            needs=("by",),
        ),
        Sign(
            r"^[^\S\n]*(?:Advertisement|Hide\s+Ad|Sign\s+up\s+to\s+our\b|Media\s+playback\s+is"
            r"|Media\s+caption|Image\s+caption|Share\s+this\s+(?:article|story)|Most\s+read\b)",
            0.2,
            "a news site's furniture",
            # No words: a text lacks all seven more often than not, and looking for each costs
            # more than the search, which tries only lines opening with their letters.
        ),
        Sign(
            r"^[^\S\n]*(?:Published|Updated)?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
            r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4},?\s+\d{1,2}[:.]\d{2}",
            0.15,
            "a date line with the time",
            needs=(":", "."),
        ),
        Sign(
            r"^[^\S\n]*(?:Posted\s*:|This\s+(?:article|story)\s+is\s+(?:old|more\s+than))",
            0.15,
            "a posting date",
        ),
        Sign(
            r"\bwatchdogs?\b",
            0.25,
            "the inspectorate called a watchdog",
            needs=("watchdog",),
        ),
        Sign(
            rf"\b(?:rated|graded|judged|branded|assessed|criticised|praised|told|ranked)\s+"
            rf"(?:[^\n.]{{0,40}}\s)?by\s+{_INSPECTORS}",
            0.2,
            "a force rated by inspectors",
            needs=(
                ("by",),
                (
                    "rated",
                    "graded",
                    "judged",
                    "branded",
                    "assessed",
                    "criticised",
                    "praised",
                    "told",
                    "ranked",
                ),
            ),
        ),
        Sign(
            rf"\b{_INSPECTORS}\s+(?:also\s+)?(?:highlighted|raised|warned|praised|criticised|"
            r"looked\s+at|said\s+(?:it|the|there)|rated|graded|gave|visited)\b",
            0.2,
            "the inspectorate reported in the third person",
            needs=("hmic", "inspector", "watchdog"),
        ),
        Sign(
            r"(?:”|\")\s*,?\s*(?:he|she)\s+(?:said|added)\b|^[^\S\n]*(?:He|She)\s+(?:said|added)\b",
            0.15,
            "a reporter's attribution ('he said')",
            needs=("said", "added"),
        ),
        Sign(
            r"\b(?:according\s+to\s+(?:the\s+)?(?:report|inspectors|HMIC)|an?\s+(?:official|"
            r"independent)\s+(?:report|review|inspection))\b",
            0.1,
            "the report reported on",
            needs=("according", "official", "independent"),
        ),
        Sign(
            r"\b(?:the|its|an?)\s+(?:HMIC(?:FRS)?\s+|inspection\s+|(?:police\s+)?watchdog\s+)?"
            r"report\s*,?\s+"
            r"(?:said|says|found|finds|described|describes|assessed|claims?|claiming|highlighted)\b",
            0.15,
            "the report reported as speaking",
            needs=("report",),
        ),
        Sign(
            r"\A\s*(?:THE\s+)?[A-Z]{3,}\s+(?:[A-Z][a-z]|[a-z])",
            0.15,
            "a story's opening word in capitals",
        ),
        Sign(
            r"\b(?:writes|writing)\s+for\s+(?:the\s+)?[A-Z]",
            0.35,
            "a columnist",
            needs=("writ",),
        ),
        Sign(
            r"\bthe\s+county(?:['’]s)?\s+(?:police\s+)?force\b|\b(?:released|published)\s+"
            r"(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri)day|(?:earlier\s+)?this\s+week)\b",
            0.15,
            "a reporter's wording",
            needs=("county", "day", "week"),
        ),
        # Signs of other kinds.
        Sign(
            r"^[^\S\n]*(?:Dear\s+\w+|Yours\s+(?:sincerely|faithfully)|Our\s+ref)",
            -0.5,
            "letter parts",
            needs=("dear", "yours", "ref"),
        ),
        Sign(
            r"^[^\S\n]*(?:Jump\s+to\s+)?Notes?\s+(?:to|for)\s+editors?\b",
            -0.4,
            "notes to editors",
            needs=("editor",),
        ),
        Sign(
            r"^[^\S\n]*(?:Last\s+updated|Questions\s+for|Overall\s+summary|Our\s+judgments|"
            r"Areas?\s+for\s+improvement|Causes?\s+of\s+concern)\b",
            -0.3,
            "report sections",
            needs=("improvement", "concern", "updated", "questions", "judgments", "summary"),
        ),
        Sign(
            rf"^[^\S\n]*[^\n]{{0,60}}\b{_COMMISSIONER}\s+(?:welcomes|responds|comments)\b",
            -0.4,
            "a headline on the commissioner's response",
            group="response",
            needs=("welcomes", "responds", "comments"),
        ),
        Sign(
            r"^[^\S\n]*(?:Statement|Response|Comments?)\s+(?:from|by)\s+",
            -0.4,
            "a statement's lead-in",
            group="response",
            needs=("statement", "respons", "comment"),
        ),
        Sign(
            r"^[^\S\n]*I\s+(?:(?:warmly\s+)?welcome|am\s+(?:pleased|delighted|encouraged|"
            r"reassured|disappointed))\b",
            -0.3,
            "a statement in the first person",
            needs=("welcome", "pleased", "delighted", "encouraged", "reassured", "disappointed"),
        ),
        Sign(
            r"\bour\s+(?:police\s+service|force|constabulary|officers|staff|communities)\b"
            r"|\bwe\s+(?:have\s+been|were)\s+(?:rated|graded|judged|assessed)\b",
            -0.3,
            "a force speaking for itself",
            needs=("our", "we"),
        ),
        Sign(
            r"^[^\S\n]*(?:RESOLVED\b|Agenda\s+item\b|Minutes\s*:)|\b(?:Members|Panel|Committee|"
            r"Board)\s+(?:considered|received|noted)\s+(?:a|the)\s+report\b",
            -0.4,
            "minutes of a meeting",
            needs=("resolved", "agenda", "minutes", "considered", "received", "noted"),
        ),
    ),
    minimum=MINIMUM,
)


_SEVERAL = 0.2
"""What naming several forces adds."""


def detect_news(source: SourceText) -> Detection | None:
    view = source.view
    weighing = SIGNS.weigh_to_detect(view, later=_SEVERAL)
    if weighing is None:
        return None
    # Finding the forces costs as much as a few signs: most texts score too little for the
    # answer to turn on them.
    if weighing.could_detect(_SEVERAL) and len(view.forces) >= SEVERAL_FORCES:
        weighing.add_first(_SEVERAL, "several forces named")
    return weighing.detection()
