"""How sure we are that a text is a local policing body's response: weighed signs.

A response is recognised by who speaks (a commissioner, in the singular, saying or
welcoming something, or signing a letter), by a letter's parts, and by findings quoted with
their answers. Pages that only talk about responses (index pages, explainers, national
statements of the commissioners' association) and the inspectorate's own letters carry
signs that count against.
"""

from __future__ import annotations

from peelparse import Detection, Sign, Signs, SourceText
from peelparse_pcc.records import PCCResponse

_COMMISSIONER = (
    r"Police(?:,?\s+(?:Fire\s+)?(?:and|&)\s+Crime|,\s+Crime\s+and\s+Victims['’]?)?"
    r"\s+Commissioner(?!s)|\b(?:PCC|PFCC)\b(?!s)|\bOPCC\b|Mayor['’]s\s+Office\s+for\s+Policing|"
    r"\bMOPAC\b|Deputy\s+Mayor\s+for\s+Policing"
)

# One line of a list of responses ("Response to the PEEL report ...").
_RESPONSES_LINE = (
    r"[ \t]*(?:[A-Z]{2,5}\s+(?:&\s+\w+\s+)?)?(?i:responses?)\s+(?i:to|on)\b[^\n.]{0,100}$\n?"
)

MIN_CONFIDENCE = 0.4
"""Below this the text only mentions a commissioner; it is not taken for a response."""

_MENTIONS = ("commissioner", "pcc", "pfcc", "mopac", "mayor")
# "respons" first: most texts lack it, and are then spared looking for the longer words.
_RESPONSE = (("respons",), ("response",))

# Signs of one group count once. A sign's alternatives are searched one by one until one is
# found, so those most texts hold early come first. A sign's needs are words without which
# it cannot match: they spare most texts the slower searches. In groups, every group must be
# met, and a text without the first is spared the others: first come words other signs look
# for anyway (each is looked for once a text), or rare ones. A sign whose search opens with
# a rare word of its own ("APCC", "(PDF", "Home Secretary") names none: looking for the word
# first would cost as much as the search.
SIGNS = Signs(
    PCCResponse.kind,
    (
        Sign(r"^[^\S\n]*Dear\s+\S", 0.3, "a salutation", group="letter", needs=("dear",)),
        Sign(
            r"^[^\S\n]*(?:#+\s*)?(?:\*\*)?(?:Re|RE)\s*:\s*\S",
            0.15,
            "a 'Re:' line",
            group="subject",
            needs=(":",),
        ),
        Sign(
            r"^[^\S\n]*(?:\*\*)?(?:Our|Your)\s+ref(?:erence)?\b",
            0.25,
            "a reference field",
            group="ref",
            needs=("ref",),
        ),
        Sign(
            r"^[^\S\n]*(?:Yours\s+(?:sincerely|faithfully|truly)|Kind\s+regards)",
            0.2,
            "a complimentary close",
            group="close",
            needs=("yours", "regards"),
        ),
        Sign(r"\bHome\s+Secretary\b", 0.1, "the Home Secretary", group="home"),
        Sign(_COMMISSIONER, 0.15, "a commissioner", group="mention", needs=_MENTIONS),
        Sign(
            rf"(?:{_COMMISSIONER})[^.\n]{{0,120}}?\b(?:said|says|stated|welcome[sd]?|comment(?:s|ed)|"
            r"respond(?:s|ed|ing)|has\s+(?:received|written)|wrote|today)\b",
            0.35,
            "the commissioner speaking",
            group="speaks",
            needs=_MENTIONS,
        ),
        Sign(
            rf"^[^\S\n]*(?:Statement|Response|Comments?)\s+(?:from|by)\s+(?:[A-Z]|the\s+(?:{_COMMISSIONER}))",
            0.35,
            "a statement's lead-in",
            group="speaks",
            needs=("respons", "statement", "comment"),
        ),
        Sign(
            r"\b(?:Commissioner|commissioner|PCC|PFCC)\s+(?:welcomes|responds|comments)\b",
            0.35,
            "a headline on the commissioner's response",
            group="speaks",
            needs=("pcc", "pfcc", "commissioner"),
        ),
        Sign(
            rf"^[^\S\n]*\*\*(?:{_COMMISSIONER})[^\n]*\*\*\s*$",
            0.3,
            "a commissioner's signature",
            group="signed",
            needs=_MENTIONS,
        ),
        Sign(
            r"^[^\S\n]*(?:#+\s*)?(?:\*\*)?(?:AFI|Action\s+for\s+further\s+improvement(?:\s*\(AFI\))?|"
            r"Areas?\s+for\s+improvement|Recommendation|Causes?\s+of\s+concern)\s*\d{1,2}\s*"
            r"[–—:.)-]",
            0.3,
            "numbered findings",
            group="items",
            needs=("improvement", "concern", "recommendation", "afi"),
        ),
        Sign(
            r"^[^\S\n]*(?:[-•·*]\s*)?In\s+response\b",
            0.15,
            "an answer ('In response')",
            group="answer",
            needs=_RESPONSE,
        ),
        Sign(
            r"^[^\S\n]*I\s+(?:(?:warmly\s+)?welcome|am\s+(?:pleased|delighted|encouraged|"
            r"reassured|disappointed))\b",
            0.2,
            "a statement in the first person",
            group="first_person",
            needs=("welcome", "pleased", "delighted", "encouraged", "reassured", "disappointed"),
        ),
        Sign(
            r"\b(?i:response)\s+(?i:to|on)\s+(?:the\s+)?(?:publication\s+of\s+)?"
            r"(?:(?:latest|recent)\s+)?"
            r"(?:HMIC|HMICFRS|[Ii]nspection|PEEL|[Rr]eport|Her\s+Majesty|His\s+Majesty)"
            r"|\b(?:Force|force)\s+response\s+to\b",
            0.15,
            "a response to a report",
            group="about",
            needs=_RESPONSE,
        ),
        Sign(
            r"\bhold(?:ing)?\s+(?:the\s+)?(?:Chief\s+Constable|force)\s+to\s+account\b|"
            r"\bPolice\s+and\s+Crime\s+Plan\b",
            0.15,
            "the commissioner's duties",
            group="duties",
        ),
        Sign(
            r"\bPEEL\b|\bHMIC(?:FRS)?\b|\bInspectorate\b", 0.1, "an inspection", group="inspection"
        ),
        Sign(
            r"\b(?:publish(?:es|ed)?|available|find|see|read|view)\b[^.\n]{0,60}\bresponses\b",
            -0.4,
            "a page listing responses",
            group="index",
            needs=(("respons",), ("responses",)),
        ),
        Sign(r"\(PDF(?:\s+document)?\)", -0.2, "links to documents", group="index"),
        Sign(
            rf"^{_RESPONSES_LINE}(?:^{_RESPONSES_LINE})+",
            -0.4,
            "a list of responses",
            group="index",
            needs=("respons",),
        ),
        Sign(
            r"\brequired\s+to\s+(?:respond|comment)",
            -0.3,
            "an explanation of the duty",
            group="duty",
            needs=("required",),
        ),
        Sign(r"\bAPCC\b", -0.6, "the commissioners' national association", group="national"),
        Sign(
            r"\b(?:NPCC|National\s+Police\s+Chiefs['’]?\s+Council|Local\s+Government\s+Association)"
            r"\b",
            -0.4,
            "a national body",
            group="national",
        ),
        Sign(
            r"^[^\S\n]*(?:RESOLVED\b|Agenda\s+item\b|Minutes\s*:)|\b(?:Members|Panel|Committee|"
            r"Board)\s+(?:considered|received|noted)\s+(?:a|the)\s+report\b",
            -0.4,
            "minutes of a meeting",
            group="minutes",
            needs=("resolved", "agenda", "minutes", "considered", "received", "noted"),
        ),
        Sign(
            r"^[^\S\n]*(?:[A-Z][\w&-]*\s+){0,3}(?:Police|Constabulary|Force)\s+(?i:welcomes|"
            r"responds\s+to|comments\s+on)\b|\bour\s+(?:full\s+)?(?:previous\s+)?news\s+release\b",
            -0.3,
            "the force speaking for itself",
            group="force",
            needs=("welcomes", "responds", "comments", "release"),
        ),
        Sign(
            r"\bwe\s+inspected\b",
            -0.5,
            "the inspectorate writing",
            group="inspectorate",
            needs=("inspected",),
        ),
        Sign(
            r"\bOur\s+inspection\s+found\b",
            -0.5,
            "the inspectorate writing",
            group="inspectorate",
            needs=("found",),
        ),
        Sign(
            r"^[^\S\n]*Letter\s+information\s*$",
            -0.5,
            "the inspectorate writing",
            group="inspectorate",
            needs=(("information",), ("letter",)),
        ),
        Sign(
            r"\bChief\s+Inspector\s+of\s+Constabulary\b|^[^\S\n]*(?:\*\*)?(?:HM|His\s+Majesty['’]s|"
            r"Her\s+Majesty['’]s)\s+Inspector\s+of\s+Constabulary\s*(?:\*\*)?\s*$",
            -0.5,
            "the inspectorate writing",
            group="inspectorate",
            needs=(("inspector",), ("constabulary",)),
        ),
    ),
    minimum=MIN_CONFIDENCE,
)


SEVERAL_FORCES = 3
"""A page naming this many forces is about several; a response answers for its own force."""


_SEVERAL = -0.3
"""What naming several forces adds."""


def detect_pcc(source: SourceText) -> Detection | None:
    view = source.view
    weighing = SIGNS.weigh_to_detect(view)
    if weighing is None:
        return None
    # Finding the forces costs as much as a few signs: most texts score too little for the
    # answer to turn on them.
    if weighing.could_detect(_SEVERAL) and len(view.forces) >= SEVERAL_FORCES:
        weighing.add_first(_SEVERAL, "several forces named")
    return weighing.detection()
