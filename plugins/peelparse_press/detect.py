"""How sure we are that a text is one of the inspectorate's press releases: weighed signs.

Press releases speak of the inspectorate in the third person ("HMIC found that ...", "the
police inspectorate has said") and quote an HM Inspector; news pages of forces and
commissioners speak in the first person or quote their own people, and reports have
questions and findings headings. Negative weights are signs of those other kinds.
"""

from __future__ import annotations

import re

from peelparse import Detection, Sign, Signs, SourceText
from peelparse.text import GRADE_PATTERN, LazyPattern, judgements_in
from peelparse_press.shapes import DATE_LINE, META, SITE, may_be_date, may_be_meta, unmarked

MINIMUM = 0.3
"""Below this the text is not claimed at all."""

_HM = r"(?:HM|Her\s+Majesty['’]s|His\s+Majesty['’]s)"

_FLAGS = re.MULTILINE | re.IGNORECASE

SIGNS = Signs(
    "press_release",
    (
        Sign(
            rf"^[^\n“\"]{{0,120}}\b{_HM}\s+(?:Chief\s+)?Inspector\b[^\n“\"]{{0,150}}"
            r"\b(?:said|added|commented)\s*:\s*$"
            rf"|(?:”|\")\s*,?\s*said\s+[^\n“\"]{{0,60}}\b{_HM}\s+(?:Chief\s+)?Inspector\b",
            0.35,
            "an HM Inspector quoted",
            group="inspector",
            needs=("inspector",),
        ),
        # A copy made from a PDF drops words of the title ("HM of Constabulary X said:").
        Sign(
            rf"^[^\S\n]*{_HM}\s+(?:Chief\s+)?(?:Inspector\s+)?of\s+Constabulary\b"
            r"[^\n“\"]{0,60}\bsaid\s*:\s*$",
            0.35,
            "an HM Inspector quoted",
            group="inspector",
            needs=(("said",), ("constabulary",)),
        ),
        Sign(
            rf"\b(?:judged|graded|rated|assessed)\s+(?:to\s+be\s+|as\s+)?['‘’\"“]?{GRADE_PATTERN}"
            r"['‘’\"”]?[^\n.]{0,40}\bby\s+(?:HMIC(?:FRS)?|the\s+(?:police\s+)?inspectorate)\b",
            0.2,
            "a grade given by the inspectorate",
            needs=(("hmic", "inspectorate"), ("judged", "graded", "rated", "assessed")),
        ),
        Sign(
            r"\bthe\s+(?:police\s+)?inspectorate\s+(?:has\s+|have\s+)?said\b"
            r"|,\s*HMIC(?:FRS)?\s+(?:has\s+)?said\b",
            0.3,
            "the inspectorate reported as saying",
            needs=("said",),
        ),
        Sign(
            r"^[^\S\n]*(?:HMIC(?:FRS)?|Inspectors|The\s+inspectorate)\s+(?:found|judged|concluded)"
            r"\s+that\s+[^:\n]{2,80}:\s*$",
            0.3,
            "a findings lead-in ('HMIC found that X:')",
            needs=("found", "judged", "concluded"),
        ),
        Sign(
            r"\b(?:HMIC(?:FRS)?|the\s+inspect(?:orate|ion)|inspectors)\s+(?:also\s+)?"
            r"(?:found|judged)\s+that\b[^\n]*[^:\s]\s*$",
            0.15,
            "the inspectorate's findings reported",
            needs=("found", "judged"),
        ),
        Sign(
            r"^[^\S\n]*(?:Jump\s+to\s+)?notes?\s+(?:to|for)\s+editors?\b",
            0.3,
            "notes to editors",
            needs=("editor",),
        ),
        Sign(
            r"^[^\S\n]*Publication\s+types?:.*\bpress\s+releases?\b",
            0.4,
            "a press-release page type",
            needs=("publication",),
        ),
        Sign(
            r"^[^\S\n]*(?:Get|Read)\s+the\s+(?:full\s+)?report\s*$",
            0.1,
            "a 'Get the report' link",
        ),
        Sign(
            r"\bHMIC(?:FRS)?\)?\s+(?:has|have)\s+(?:today\s+)?(?:published|graded|assessed|"
            r"inspected)\b",
            0.15,
            "the inspectorate as the actor",
            needs=("hmic",),
        ),
        # Signs of the other kinds.
        Sign(
            r"^[^\S\n]*(?:Dear\s+\w+|Yours\s+(?:sincerely|faithfully)|Our\s+ref)",
            -0.5,
            "letter parts",
            needs=("dear", "yours", "ref"),
        ),
        Sign(
            r"\bPolice,?\s+(?:Fire\s+)?(?:and|&)\s+Crime\s+Commissioner\b|\b(?:PCC|PFCC|OPCC|"
            r"APCC)\b|\bCommissioner\b",
            -0.3,
            "a commissioner's page",
            needs=("commissioner", "pcc", "pfcc"),
        ),
        Sign(
            r"\bour\s+(?:police\s+service|force|constabulary|latest|officers|staff)\b"
            r"|\bwe\s+(?:have\s+been|were)\s+(?:rated|graded|judged|assessed)\b"
            r"|\bChief\s+Constable\b[^\n“\"]{0,60}\b(?:said|welcomed|says)\b",
            -0.3,
            "a force speaking for itself",
            needs=("our", "we", "constable"),
        ),
        Sign(
            r"^[^\S\n]*(?:Last\s+updated|Questions\s+for|Overall\s+summary|Our\s+judgments|"
            r"Areas?\s+for\s+improvement|Causes?\s+of\s+concern)\b",
            -0.3,
            "report sections",
            needs=("improvement", "concern", "updated", "questions", "judgments", "summary"),
        ),
    ),
    minimum=MINIMUM,
    flags=_FLAGS,
)


_SIGN_OFF = LazyPattern(r"\s[-–—]\s*(?:HMIC|HMICFRS)\s*$")
_PRESS_TITLE = LazyPattern(r"\bpress\s+releases?\b", re.IGNORECASE)
_TITLE_LINES = 4
"""Lines at the top where a page names itself (after a site name or a date)."""


def detect_press(source: SourceText) -> Detection | None:
    weighing = SIGNS.start()
    view = source.view
    top = view.top_lines(_TITLE_LINES)
    headline = next((line for line in top if not _above_headline(line)), "")
    # The sign-off names the inspectorate: a headline without the name has none to cut.
    signed = "HMIC" in headline and _SIGN_OFF.search(headline) is not None
    if signed:
        weighing.add(0.5, "a headline signed by the inspectorate")
    if any(_names_press_releases(line) for line in top):
        weighing.add(0.45, "a press-release page title")
    title = _SIGN_OFF.sub("", headline) if signed else headline
    start, end = unmarked(title)
    if any(j.explicit for j in judgements_in(title[start:end])):
        weighing.add(0.2, "a headline stating a grade")
    weighed = SIGNS.weigh_to_detect(view, into=weighing)
    return weighed.detection() if weighed is not None else None


def _names_press_releases(line: str) -> bool:
    lower = line.lower()
    # Parts of "press release" the expression cannot match without (no letter in them has
    # a case-insensitive match that lower-casing leaves apart); most lines lack them.
    return "pre" in lower and "rele" in lower and _PRESS_TITLE.search(line) is not None


def _above_headline(line: str) -> bool:
    """Site names, dates and metadata that stand above a release's headline."""
    return (
        SITE.fullmatch(line) is not None
        or (may_be_date(line) and DATE_LINE.fullmatch(line) is not None)
        or (may_be_meta(line) and META.fullmatch(line) is not None)
    )
