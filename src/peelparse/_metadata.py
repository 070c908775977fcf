"""What a document is about: force, PEEL cycle and pillar, read from its text."""

from __future__ import annotations

import re
from typing import Any

import attrs

from peelparse._forces import first_force_in, force_by_slug, force_named, forces_in
from peelparse._lazy import AnchoredPattern, LazyPattern
from peelparse._limits import examined_text
from peelparse._records import Force
from peelparse._vocab import Pillar

_YEAR = r"(20[12]\d)(?:(\s*[/–—-]\s*)(20[12]\d|\d\d)\b|(\d\d)\b)?"
# A cycle is a year next to the word PEEL ("PEEL 2021/22", "PEEL: Police legitimacy 2015",
# "2016 PEEL police effectiveness inspection", on one line: a dated line above a title that
# opens with PEEL is not a cycle) or a force name with a year as a page title.
# Every match opens with the letter its alternative opens with; testing it first lets the
# expression engine pass over the other positions at once (the alternatives and the
# groups are as written).
_PEEL_YEAR_WRITTEN = (
    rf"\bPEEL\b(?:[^\n.?!]{{0,70}}?)(?<![\d/–-]){_YEAR}(?![\d/])|(?<![\d/–-]){_YEAR}[ \t]+PEEL\b"
)
_PEEL_YEAR = LazyPattern(rf"(?=[P2])(?:{_PEEL_YEAR_WRITTEN})")
_PILLAR_YEAR = LazyPattern(
    rf"(?<![\d/–-]){_YEAR}[ \t]+(?:[Pp]olice[ \t]+)?"
    r"(?:[Ee]ffectiveness|[Ee]fficiency|[Ll]egitimacy)[ \t]+"
    r"(?:[Ii]nspection|[Rr]eport|[Aa]ssessment)\b"
)
"""A pillar's yearly inspection named by its year ("our 2016 legitimacy inspection"), a
cycle written without the word PEEL."""
_TITLE_YEAR = LazyPattern(rf"^(?P<name>[A-Z][\w&' -]{{2,40}}?)\s+{_YEAR}\s*$", re.MULTILINE)


@attrs.frozen
class Cycle:
    """A PEEL cycle as the text writes it."""

    period: str
    """As written: "2016", "2018/19", "2023–25", "2023–2025"."""
    year: int
    """Its first year."""
    start: int
    """Offset in the text where ``period`` is written."""


def find_cycle(text: str) -> Cycle | None:
    """The first PEEL cycle ``text`` names, or ``None``."""
    text = examined_text(text)
    match = (_PEEL_YEAR.search(text) if "PEEL" in text else None) or next(
        # "Bedfordshire 2016" is a force's page for a cycle; "Published 2 May 2019" is not
        (m for m in _TITLE_YEAR.finditer(text) if force_named(m.group("name"))),
        None,
    )
    if match is None and ("ffect" in text or "ffic" in text or "egitim" in text):
        match = _PILLAR_YEAR.search(text)
    if match is None:
        return None
    first = next(
        i
        for i in range(1, (match.lastindex or 0) + 1)
        if match.group(i) and i != match.re.groupindex.get("name")
    )
    start = match.start(first)
    end = max(match.end(i) for i in range(first, first + 4) if match.group(i))
    return Cycle(text[start:end], int(match.group(first)), start)


# A pillar is named by a line of its own ("Legitimacy"), a "Questions for X" heading, a
# report title ("PEEL: Police legitimacy 2015") or the adjective of a headline question.
_PILLAR_WORD = r"(Effectiveness|Efficiency|Legitimacy|Leadership)"
_PILLAR_WORDS = ("effectiveness", "efficiency", "legitimacy", "leadership")
# "PEEL: Police effectiveness, efficiency and legitimacy" names all three, not the first.
_OTHER_PILLAR = r"(?:effectiveness|efficiency|legitimacy)"
_NOT_A_LIST = rf"(?!\s*,\s*{_OTHER_PILLAR}|\s+and\s+{_OTHER_PILLAR})"
_PILLAR_NAMED_WRITTEN = (
    rf"^(?:Questions for\s+)?{_PILLAR_WORD}\s*$"
    rf"|PEEL:?\s+(?:police\s+)?{_PILLAR_WORD}\b{_NOT_A_LIST}"
    rf"|\bPEEL\s+(?:police\s+)?{_PILLAR_WORD}\b{_NOT_A_LIST}"
    # "Integrated PEEL Assessment (Legitimacy) Findings": the pillar in brackets after it.
    rf"|\bPEEL\s+(?:[A-Za-z]+\s+){{0,2}}\({_PILLAR_WORD}\)"
    r"|\bpolice\s+(effectiveness|efficiency|legitimacy)\s+(?:inspection|report|20\d\d)"
)
_PILLAR_NAMED = LazyPattern(
    rf"(?=[qelp])(?:{_PILLAR_NAMED_WRITTEN})", re.MULTILINE | re.IGNORECASE
)  # the letters its alternatives open with, as for _PEEL_YEAR
# Its matches start at a line's start, at "PEEL" or at "police": looked for there only.
_PILLAR_NAMED_AT = AnchoredPattern(_PILLAR_NAMED, ("peel", "pol"), lines=True)

HEADLINE_QUESTION = LazyPattern(
    r"How\s+(?P<adj>legitimate(?:ly)?|effective(?:ly)?|efficient(?:ly)?|well[- ]led)\s+"
    r"(?:is|does|are)\s+(?:the\s+(?:force|constabulary|police)|[A-Z][\w&' -]{2,40}?)\b"
    r"(?:\s+at)?\s*(?:keep(?:ing)?\s+people\s+safe\s+and\s+reduc(?:e|ing)\s+crime"
    r"|reduc(?:e|ing)\s+crime\s+and\s+keep(?:ing)?\s+people\s+safe"
    r"|treat\s+the\s+public\s+and\s+its\s+workforce"
    r"|operate\s+and\s+how\s+sustainable\s+are\s+its\s+services|\?)",
    re.IGNORECASE,
)
"""The headline question of a PEEL pillar, in every cycle's wording; ``adj`` names the pillar."""


def find_pillar(text: str) -> Pillar | None:
    """The one pillar ``text`` is about, or ``None`` when it names none or several."""
    found: set[Pillar] = set()
    text = examined_text(text)
    lower = text.lower()
    # Every wording names a pillar's word, and a headline question asks "how": most texts
    # that hold neither are spared the expressions.
    named = any(w in lower for w in _PILLAR_WORDS)
    pillars = _PILLAR_NAMED_AT.finditer(text, lower) if named else ()
    for match in pillars:
        found.add(Pillar.from_word(next(g for g in match.groups() if g)))
        if len(found) > 1:
            return None
    for match in HEADLINE_QUESTION.finditer(text) if "how" in lower else ():
        found.add(Pillar.from_word(match.group("adj")))
        if len(found) > 1:
            return None
    return found.pop() if found else None


_NATIONAL = LazyPattern(
    r"\b(?:all|every|most|many|the majority of|\d+|forty-three)\s+(?:of\s+the\s+)?"
    r"(?:\d+\s+)?(?:police\s+)?forces\b|\bforces\s+in\s+England\s+and\s+Wales\b"
    r"|\bnational\s+(?:overview|press\s+release|report)\b",
    re.IGNORECASE,
)


NATIONAL_TITLE = LazyPattern(r"\b(?:spotlight|national|themes|all forces|forces)\b", re.IGNORECASE)
_OPENING = 800
"""Characters at the start of a page where saying it is about forces in general counts."""


_CLAIMED = LazyPattern(
    r"\b(?:inspections?|reports?|findings|assessments?|responses?)\s+(?:of|for|into|on)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
"""Words before a force's name that say the page is about it ("the findings for X")."""
_CLAIM_REACH = 40
"""How far before a force's name those words may start."""

_OFFICES = (
    # The City's chief officer; the Met's is "of the Metropolis".
    (
        LazyPattern(
            r"\bCommissioner\s+of\s+(?:the\s+City\s+of\s+London\s+)?Police\b"
            r"(?!\s+of\s+the\s+Metropolis)"
        ),
        "city-of-london",
    ),
    (LazyPattern(r"\bPolice,\s+Crime\s+and\s+Victims[’']?\s+Commissioner\b"), "durham"),
    # The one police authority left after commissioners replaced the others in 2012.
    (LazyPattern(r"\bPolice\s+Authority\s+Board\b"), "city-of-london"),
)
"""Titles that belong to one office only, for pages that name no force."""


def find_force(text: str, title: str | None = None) -> Force | None:
    """The force a document is about.

    The force its title names wins. Otherwise the force named most often, when it is named
    at least twice as often as any other; a force named once on a page about forces in
    general (a national report naming an example) gives ``None`` unless the page says it is
    about that force ("the findings for X"), and a page about several forces gives ``None``.
    A page that names no force may still name a title only one force's office holds.
    """
    if title:
        if NATIONAL_TITLE.search(title):
            return None
        named = first_force_in(title)
        if named is not None:
            return named[0]
    counts = forces_in(text).most_common(2)
    if not counts:
        return _office_named(text)
    if counts[0][1] == 1 and about_forces_in_general(text):
        return counts[0][0] if len(counts) == 1 and _claimed(text) else None
    if len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]:
        return counts[0][0]
    return None


def _claimed(text: str) -> bool:
    """Whether the one force ``text`` names is named as what the page is about."""
    named = first_force_in(text)
    if named is None:
        return False
    at = named[1]
    return _CLAIMED.search(text, max(0, at - _CLAIM_REACH), at) is not None


def _office_named(text: str) -> Force | None:
    lower = text.lower()
    if "commissioner" not in lower and "authority" not in lower:
        return None
    for pattern, slug in _OFFICES:
        if pattern.search(text):
            return force_by_slug(slug)
    return None


def about_forces_in_general(text: str) -> bool:
    """Whether the opening of ``text`` says it is about forces in general."""
    opening = text[:_OPENING].lower()
    # Every wording holds "force" or "national", whose "nat" is looked for ('ı' matches "i").
    if "force" not in opening and "nat" not in opening:
        return False
    return _NATIONAL.search(text, 0, _OPENING) is not None


@attrs.frozen
class About:
    """What a document is about, as its text states it: the fields every kind has."""

    force: Force | None
    year: int | None
    period: str | None
    pillar: Pillar | None

    def fields(self) -> dict[str, Any]:
        """As keyword arguments for a ``Document``."""
        return {
            "force": self.force,
            "year": self.year,
            "period": self.period,
            "pillar": self.pillar,
        }


def about(text: str, title: str | None = None) -> About:
    """Force, PEEL cycle and pillar of a text (its title, when given, is looked at first)."""
    cycle = (find_cycle(title) if title else None) or find_cycle(text)
    return About(
        find_force(text, title),
        cycle.year if cycle else None,
        cycle.period if cycle else None,
        find_pillar(text),
    )
