"""How sure we are that a text is a local policing body's response: weighed signs.

A response is recognised by who speaks (a commissioner, in the singular, saying or
welcoming something, or signing a letter), by a letter's parts, and by findings quoted with
their answers. Pages that only talk about responses (index pages, explainers, national
statements of the commissioners' association) and the inspectorate's own letters carry
signs that count against.
"""

from __future__ import annotations

from typing import Any

from peelparse import Detection, Needs, Sign, Signs, SourceText
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

# (group, pattern, weight, evidence[, words the pattern needs]); signs of one group count once.
# A sign's alternatives are searched one by one until one is found, so those most texts hold
# early come first.
_GROUPED: tuple[tuple[Any, ...], ...] = (
    ("letter", r"^[^\S\n]*Dear\s+\S", 0.3, "a salutation"),
    ("subject", r"^[^\S\n]*(?:#+\s*)?(?:\*\*)?(?:Re|RE)\s*:\s*\S", 0.15, "a 'Re:' line"),
    ("ref", r"^[^\S\n]*(?:\*\*)?(?:Our|Your)\s+ref(?:erence)?\b", 0.25, "a reference field"),
    (
        "close",
        r"^[^\S\n]*(?:Yours\s+(?:sincerely|faithfully|truly)|Kind\s+regards)",
        0.2,
        "a complimentary close",
    ),
    ("home", r"\bHome\s+Secretary\b", 0.1, "the Home Secretary"),
    ("mention", _COMMISSIONER, 0.15, "a commissioner"),
    (
        "speaks",
        rf"(?:{_COMMISSIONER})[^.\n]{{0,120}}?\b(?:said|says|stated|welcome[sd]?|comment(?:s|ed)|"
        r"respond(?:s|ed|ing)|has\s+(?:received|written)|wrote|today)\b",
        0.35,
        "the commissioner speaking",
    ),
    (
        "speaks",
        rf"^[^\S\n]*(?:Statement|Response|Comments?)\s+(?:from|by)\s+(?:[A-Z]|the\s+(?:{_COMMISSIONER}))",
        0.35,
        "a statement's lead-in",
    ),
    (
        "speaks",
        r"\b(?:Commissioner|commissioner|PCC|PFCC)\s+(?:welcomes|responds|comments)\b",
        0.35,
        "a headline on the commissioner's response",
    ),
    (
        "signed",
        rf"^[^\S\n]*\*\*(?:{_COMMISSIONER})[^\n]*\*\*\s*$",
        0.3,
        "a commissioner's signature",
    ),
    (
        "items",
        r"^[^\S\n]*(?:#+\s*)?(?:\*\*)?(?:AFI|Action\s+for\s+further\s+improvement(?:\s*\(AFI\))?|"
        r"Areas?\s+for\s+improvement|Recommendation|Causes?\s+of\s+concern)\s*\d{1,2}\s*"
        r"[–—:.)-]",
        0.3,
        "numbered findings",
    ),
    ("answer", r"^[^\S\n]*(?:[-•·*]\s*)?In\s+response\b", 0.15, "an answer ('In response')"),
    (
        "first_person",
        r"^[^\S\n]*I\s+(?:(?:warmly\s+)?welcome|am\s+(?:pleased|delighted|encouraged|"
        r"reassured|disappointed))\b",
        0.2,
        "a statement in the first person",
    ),
    (
        "about",
        r"\b(?i:response)\s+(?i:to|on)\s+(?:the\s+)?(?:publication\s+of\s+)?"
        r"(?:(?:latest|recent)\s+)?"
        r"(?:HMIC|HMICFRS|[Ii]nspection|PEEL|[Rr]eport|Her\s+Majesty|His\s+Majesty)"
        r"|\b(?:Force|force)\s+response\s+to\b",
        0.15,
        "a response to a report",
    ),
    (
        "duties",
        r"\bhold(?:ing)?\s+(?:the\s+)?(?:Chief\s+Constable|force)\s+to\s+account\b|"
        r"\bPolice\s+and\s+Crime\s+Plan\b",
        0.15,
        "the commissioner's duties",
    ),
    ("inspection", r"\bPEEL\b|\bHMIC(?:FRS)?\b|\bInspectorate\b", 0.1, "an inspection"),
    (
        "index",
        r"\b(?:publish(?:es|ed)?|available|find|see|read|view)\b[^.\n]{0,60}\bresponses\b",
        -0.4,
        "a page listing responses",
    ),
    ("index", r"\(PDF(?:\s+document)?\)", -0.2, "links to documents"),
    ("index", rf"^{_RESPONSES_LINE}(?:^{_RESPONSES_LINE})+", -0.4, "a list of responses"),
    ("duty", r"\brequired\s+to\s+(?:respond|comment)", -0.3, "an explanation of the duty"),
    ("national", r"\bAPCC\b", -0.6, "the commissioners' national association"),
    (
        "national",
        r"\b(?:NPCC|National\s+Police\s+Chiefs['’]?\s+Council|Local\s+Government\s+Association)"
        r"\b",
        -0.4,
        "a national body",
    ),
    (
        "minutes",
        r"^[^\S\n]*(?:RESOLVED\b|Agenda\s+item\b|Minutes\s*:)|\b(?:Members|Panel|Committee|"
        r"Board)\s+(?:considered|received|noted)\s+(?:a|the)\s+report\b",
        -0.4,
        "minutes of a meeting",
    ),
    (
        "force",
        r"^[^\S\n]*(?:[A-Z][\w&-]*\s+){0,3}(?:Police|Constabulary|Force)\s+(?i:welcomes|"
        r"responds\s+to|comments\s+on)\b|\bour\s+(?:full\s+)?(?:previous\s+)?news\s+release\b",
        -0.3,
        "the force speaking for itself",
    ),
    ("inspectorate", r"\bwe\s+inspected\b", -0.5, "the inspectorate writing", ("inspected",)),
    (
        "inspectorate",
        r"\bOur\s+inspection\s+found\b",
        -0.5,
        "the inspectorate writing",
        ("found",),
    ),
    (
        "inspectorate",
        r"^[^\S\n]*Letter\s+information\s*$",
        -0.5,
        "the inspectorate writing",
        (("information",), ("letter",)),
    ),
    (
        "inspectorate",
        r"\bChief\s+Inspector\s+of\s+Constabulary\b|^[^\S\n]*(?:\*\*)?(?:HM|His\s+Majesty['’]s|"
        r"Her\s+Majesty['’]s)\s+Inspector\s+of\s+Constabulary\s*(?:\*\*)?\s*$",
        -0.5,
        "the inspectorate writing",
        (("inspector",), ("constabulary",)),
    ),
)
_MENTIONS = ("commissioner", "pcc", "pfcc", "mopac", "mayor")
# "respons" first: most texts lack it, and are then spared looking for the longer words.
_RESPONSE = (("respons",), ("response",))
# Words without which a sign cannot match: they spare most texts the slower searches. In
# groups, every group must be met, and a text without the first is spared the others: first
# come words other signs look for anyway (each is looked for once a text), or rare ones.
# A sign whose search opens with a rare word of its own ("APCC", "(PDF", "Home Secretary")
# names none: looking for the word first would cost as much as the search.
_NEEDS: dict[str, Needs] = {
    "a commissioner": _MENTIONS,
    "the commissioner speaking": _MENTIONS,
    "a commissioner's signature": _MENTIONS,
    "a headline on the commissioner's response": ("pcc", "pfcc", "commissioner"),
    "a statement's lead-in": ("respons", "statement", "comment"),
    "a response to a report": _RESPONSE,
    "a page listing responses": (("respons",), ("responses",)),
    "a list of responses": ("respons",),
    "an explanation of the duty": ("required",),
    "numbered findings": ("improvement", "concern", "recommendation", "afi"),
    "an answer ('In response')": _RESPONSE,
    "a salutation": ("dear",),
    "a statement in the first person": (
        "welcome",
        "pleased",
        "delighted",
        "encouraged",
        "reassured",
        "disappointed",
    ),
    "minutes of a meeting": ("resolved", "agenda", "minutes", "considered", "received", "noted"),
    "the force speaking for itself": ("welcomes", "responds", "comments", "release"),
    "a 'Re:' line": (":",),
    "a reference field": ("ref",),
    "a complimentary close": ("yours", "regards"),
}


def _sign(group: str, pattern: str, weight: float, evidence: str, needs: Needs = ()) -> Sign:
    return Sign(pattern, weight, evidence, group, needs=needs or _NEEDS.get(evidence, ()))


SIGNS = Signs(
    PCCResponse.kind,
    (_sign(*entry) for entry in _GROUPED),
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
