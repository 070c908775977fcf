"""What a document is about: force, PEEL cycle and pillar, read from its text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from peelparse._dates import MONTH_WRITTEN, OWN_YEAR_NAME, TITLE_REACH
from peelparse._forces import (
    first_force_in,
    force_by_slug,
    force_named,
    forces_not_as_places,
    most_named,
)
from peelparse._lazy import AnchoredPattern, LazyPattern
from peelparse._limits import examined_text
from peelparse._records import Force
from peelparse._vocab import GRADE_PATTERN, Pillar

_YEAR_REST = r"(?:(\s*[/–—-]\s*)(20[12]\d|\d\d)\b|(\d\d)\b)?"
_YEAR = rf"(20[12]\d){_YEAR_REST}"
_FRESH = r"(?<![\d/–-]\d{4})"
"""After a year's four digits: no digit, slash or dash before them. An expression that
opens with a year and checks this after it opens with "20", which the expression engine
looks for at C speed, where a check before the year would be tried at every position."""
_FRESH_YEAR = rf"(20[12]\d){_FRESH}{_YEAR_REST}"
"""``_YEAR`` with no digit, slash or dash before it."""
# A cycle is a year next to the word PEEL ("PEEL 2021/22", "PEEL: Police legitimacy 2015",
# "2016 PEEL police effectiveness inspection", on one line: a dated line above a title that
# opens with PEEL is not a cycle; nor is the last year of a span, "2023 to 2025 PEEL") or
# a force name with a year as a page title.
_PEEL_YEAR_WRITTEN = (
    rf"\bPEEL\b(?:[^\n.?!]{{0,70}}?)(?<![\d/–-]){_YEAR}(?![\d/])"
    rf"|(?<![\d/–-])(?<!\d to ){_YEAR}[ \t]+PEEL\b"
)
# Each alternative of the form used opens with a letter ("PEEL", its word boundary checked
# after it) or "20", so the engine passes over the other positions at once; it finds what
# the form as written finds, with the same groups.
_PEEL_YEAR = LazyPattern(
    rf"PEEL(?<!\wPEEL)\b(?:[^\n.?!]{{0,70}}?){_FRESH_YEAR}(?![\d/])"
    rf"|(20[12]\d){_FRESH}(?<!\d to \d{{4}}){_YEAR_REST}[ \t]+PEEL\b"
)
_PILLAR_YEAR_WRITTEN = (
    rf"(?<![\d/–-]){_YEAR}[ \t]+(?:[Pp]olice[ \t]+)?"
    r"(?:[Ee]ffectiveness|[Ee]fficiency|[Ll]egitimacy)[ \t]+"
    r"(?:[Ii]nspection|[Rr]eport|[Aa]ssessment)\b"
)
"""A pillar's yearly inspection named by its year ("our 2016 legitimacy inspection"), a
cycle written without the word PEEL."""
_PILLAR_YEAR = LazyPattern(_PILLAR_YEAR_WRITTEN.replace(rf"(?<![\d/–-]){_YEAR}", _FRESH_YEAR, 1))
"""``_PILLAR_YEAR_WRITTEN``, opening with "20"."""
_TITLE_YEAR = LazyPattern(rf"^(?P<name>[A-Z][\w&' -]{{2,40}}?)\s+{_YEAR}\s*$", re.MULTILINE)


_OWN_YEAR = LazyPattern(rf"{OWN_YEAR_NAME}[^\n]{{0,100}}?(?<![\d/–-]){_YEAR}(?![\d/])")
"""A State of Policing (the annual assessment) titled with its year, which is the year it
keeps, whatever PEEL cycles it speaks of."""

_SPAN = LazyPattern(
    r"(20(?:18|21|23))(?<![\d/–-]\d{4})(?:[ \t]*[/–—-][ \t]*|[ \t]+to[ \t]+)"
    r"(20(?:19|22|25)|19|22|25)(?![\d/])"
)
"""A span of years that may be a cycle's ("2018/19", "2023 to 2025")."""
_INSPECTION = r"(?:inspections?|reports?|assessments?)"
_INSPECTION_BEFORE = LazyPattern(
    rf"\b{_INSPECTION}[ \t]*+(?:\([ \t]*+|(?:spanning|covering|for|from)[ \t]++)$", re.IGNORECASE
)
_INSPECTION_AFTER = LazyPattern(
    rf"(?<![ \t])[ \t]++(?:(?:HMICFRS|HMIC|PEEL)[ \t]++)?(?i:{_INSPECTION})\b"
)
"""A cycle of more than one year written by its span next to the inspection or report it
names, without the word PEEL: after it ("the most recent HMICFRS inspection (2018/19)", "its
report spanning 2023 to 2025") or before it ("the 2021/22 HMICFRS report"). Only a span that
is a cycle's own counts: "2019/20" is a financial year."""
_SPAN_REACH = 30
"""The most characters of the words before a span that name the inspection."""
_SPANS = {(2018, 2019), (2021, 2022), (2023, 2025)}
"""The cycles of more than one year, by their first and last years."""
_INSPECTORATE = ("PEEL", "HMIC")
"""Words one of which a page whose spans are cycles names: the programme, the inspectorate."""

_PUBLISHED_IN = LazyPattern(
    r"\b(?i:publish(?:ed)?|publication|released?|due|out|expected)[ \t]+(?i:in|by|during)[ \t]+$"
)
"""Words before a year that make it a year something comes out in ("a full PEEL inspection
to publish in 2016"): a publication year alone falls in two annual cycles."""
_DATED = LazyPattern(
    rf"\b{MONTH_WRITTEN}\.?,?[ \t]+(?:\d\d?(?:st|nd|rd|th)?,?[ \t]+)?$", re.IGNORECASE
)
"""A month (and day) before a year: the year is a date's, which names no cycle of its own
("PEEL inspections – 27 September 2019")."""
_SEVERAL = 3
"""How many different cycles a page lists, one a line, when it spans them (an index of
reports): prose that recalls earlier cycles names the page's own all the same."""
_LISTED_LINE = 150
"""The longest line that is a list's item or a link's title."""


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
    """The first PEEL cycle ``text`` names, or ``None``: also when it names several (an
    index of reports from many cycles). A State of Policing titled with its year keeps it."""
    # Every way of writing a cycle holds a year of this century: a text without "20" is
    # spared every expression.
    if "20" not in text:
        return None
    text = examined_text(text)
    own = _OWN_YEAR.search(text, 0, TITLE_REACH) if "State" in text else None
    if own is not None:
        return _cycle(own)
    match, several = _peel_year(text) if "PEEL" in text else (None, False)
    if several:
        return None
    match = match or next(
        # "Bedfordshire 2016" is a force's page for a cycle; "Published 2 May 2019" is not
        (m for m in _TITLE_YEAR.finditer(text) if force_named(m.group("name"))),
        None,
    )
    if match is None and ("ffect" in text or "ffic" in text or "egitim" in text):
        match = _PILLAR_YEAR.search(text)
    if match is None and any(word in text for word in _INSPECTORATE):
        return _cycle_span(text)
    return _cycle(match) if match is not None else None


def _peel_year(text: str) -> tuple[re.Match[str] | None, bool]:
    """The first cycle named next to the word PEEL, and whether the text names several."""
    first: re.Match[str] | None = None
    years: set[str] = set()
    for match in _PEEL_YEAR.finditer(text):
        at = _first_group(match)
        if _PUBLISHED_IN.search(text, max(0, match.start(at) - 30), match.start(at)):
            continue
        first = first or match
        if _listed(text, match.start(at)) and not _DATED.search(
            text, max(0, match.start(at) - 20), match.start(at)
        ):
            years.add(match.group(at))
        if len(years) >= _SEVERAL:
            return None, True
    return first, False


def _listed(text: str, at: int) -> bool:
    """Whether the line ``at`` is on is short, as a list's item or a link's title is."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return (len(text) if end < 0 else end) - start <= _LISTED_LINE


def _cycle_span(text: str) -> Cycle | None:
    for match in _SPAN.finditer(text):
        first, last = int(match.group(1)), match.group(2)
        if (first, int(last) if len(last) == 4 else 2000 + int(last)) not in _SPANS:
            continue
        if _INSPECTION_AFTER.match(text, match.end()) or _INSPECTION_BEFORE.search(
            text, max(0, match.start() - _SPAN_REACH), match.start()
        ):
            return Cycle(match.group(0), first, match.start())
    return None


def _first_group(match: re.Match[str]) -> int:
    """The number of the group where the year of a match starts."""
    return next(
        i
        for i in range(1, (match.lastindex or 0) + 1)
        if match.group(i) and i != match.re.groupindex.get("name")
    )


def _cycle(match: re.Match[str]) -> Cycle:
    first = _first_group(match)
    start = match.start(first)
    end = max(match.end(i) for i in range(first, first + 4) if match.group(i))
    return Cycle(match.string[start:end], int(match.group(first)), start)


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


_Q = r"['‘’\"“”]?"
_NOT_LISTED_AFTER = r"(?<![,&]\s)(?<!\band\s)(?<!\bor\s)"
"""Not the second of two pillars ("the legitimacy and the leadership reports")."""
# A pillar a story states, read around each pillar's word: what must come before it (ending
# where the word starts) and after it. "our 2016 legitimacy inspection", "the latest
# 'legitimacy' inspection", "HMIC's efficiency report": the pillar names the inspection.
_BEFORE_INSPECTION = LazyPattern(
    rf"{_NOT_LISTED_AFTER}\b(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]his|[Tt]heir|latest|annual|new"
    rf"|20[12]\d|(?:HMIC(?:FRS)?|force|constabulary)[’']s?)\s+{_Q}\Z"
)
_AFTER_INSPECTION = LazyPattern(rf"{_Q}(?<!\s)\s++(?i:inspections?|reports?|assessments?)\b")
# "reports into legitimacy and leadership": the page is about two pillars, so neither
# ("followed reports on efficiency and legitimacy" recalls reports before its own)
_BEFORE_PAIR = LazyPattern(rf"\b(?i:reports|inspections|assessments)\s+into\s+{_Q}\Z")
_AFTER_PAIR = LazyPattern(rf"{_Q}(?<!\s)\s++and\s+{_Q}(?i:{_PILLAR_WORD})")
# "the report by the inspectorate into Kent Police's effectiveness"
_BEFORE_OWN = LazyPattern(
    r"\b(?i:reports?|inspections?|assessments?)\b[^.\n]{0,100}?\b(?:into|of|on)\s+"
    r"(?:the\s+(?:force|constabulary)|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})['’]s?\s+\Z"
)
# "assessed the constabulary as 'good' in terms of efficiency", "graded 'good' for
#  legitimacy": a grade whose subject is a pillar, and only that pillar.
_BEFORE_GRADED = LazyPattern(
    rf"(?i:{GRADE_PATTERN}){_Q}\s+(?:in\s+terms\s+of|for|on)\s+(?:its\s+)?\Z"
)
_AFTER_GRADED = LazyPattern(
    # "outstanding for efficiency and good at reducing crime" grades more than the pillar
    rf"(?<!\s)(?!\s+and\s+(?:(?:is|was)\s+)?{_Q}(?i:{GRADE_PATTERN}))"
    rf"(?=\s*(?:[.,;:!?)'’\"”]|$)|\s+(?:and|but|while|after|by|from|in|at|with)\b)"
)
_ALONE = LazyPattern(rf"\b{_NOT_A_LIST}", re.IGNORECASE)
"""After a pillar's word: it is not the first of a list of pillars."""
_REACH_SHORT = 80
"""The most characters before a pillar's word that a determiner or a grade takes."""
_REACH_LONG = 200
"""The most characters before it that "the report ... into X's" takes."""
_NAMED_FORCE = r"[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}"
_HEADLINE_RETOLD_BY_ADVERB = LazyPattern(
    rf"[Hh](?<!\w[Hh])ow\s+(?:(?:it|the\s+force|the\s+constabulary|{_NAMED_FORCE})\s+)?"
    r"(?P<adverb>legitimately|effectively|efficiently)\s+(?:it\s+)?keeps?\s+people\s+safe"
)
_HEADLINE_RESTATED = LazyPattern(
    r"[Hh](?<!\w[Hh])ow\s+(?P<adj>legitimate|effective|efficient)\s+(?:the\s+force|the\s+constabulary"
    rf"|(?:the\s+)?(?:police\s+)?forces|{_NAMED_FORCE})\s+(?:is|are)\s+at\s+"
    r"(?:keeping\s+people\s+safe|reducing\s+crime)"
)
"""The headline question as a story retells it: "how effective police forces are at keeping
people safe" (``_HEADLINE_RETOLD_BY_ADVERB``: "how it legitimately keeps people safe")."""


def _stated(text: str, lower: str) -> Iterator[Pillar]:
    """The pillars a story states (see ``_BEFORE_INSPECTION`` and the others), read only
    where a pillar's word is: the words before it are tried on a short stretch."""
    words = (
        ((m.start(), m.end()) for m in _PILLAR_WORD_AT.finditer(text))
        if len(lower) != len(text)  # lower-casing moved the offsets ("İ")
        else _found_words(lower)
    )
    for at, end in words:
        # Each wording ends with the word before the pillar's ("the", "2016", "into", "Kent
        # Police's", "for"): that word decides which, if any, is worth trying.
        before = _word_before(text, at)
        short, long = max(0, at - _REACH_SHORT), max(0, at - _REACH_LONG)
        if (
            (before in _DETERMINERS or before.isdigit() or before.endswith(_OWNED))
            and _AFTER_INSPECTION.match(text, end)
            and _BEFORE_INSPECTION.search(text, short, at)
        ):
            yield Pillar.from_word(text[at:end])
            continue
        pair = _AFTER_PAIR.match(text, end) if before == "into" else None
        if pair is not None and _BEFORE_PAIR.search(text, short, at):
            yield Pillar.from_word(text[at:end])
            yield Pillar.from_word(pair.group(1))
            continue
        owned, graded = before.endswith(_OWNED), before in _GRADED_FOR
        if (
            not (owned or graded)
            or text[at:end].lower() == "leadership"
            or not _ALONE.match(text, end)
        ):
            continue
        if (owned and _BEFORE_OWN.search(text, long, at)) or (
            graded and _AFTER_GRADED.match(text, end) and _BEFORE_GRADED.search(text, short, at)
        ):
            yield Pillar.from_word(text[at:end])


_DETERMINERS = frozenset(("the", "its", "our", "this", "their", "latest", "annual", "new"))
_OWNED = ("'s", "’s", "'", "’")
_GRADED_FOR = frozenset(("for", "on", "of", "its"))


def _word_before(text: str, at: int) -> str:
    """The word before ``text[at]``, in lower case, without the opening quotation mark or
    the spaces between."""
    stretch = text[max(0, at - 24) : at].rstrip(' \t\n‘“"')
    stretch = stretch[:-1] if stretch.endswith("'") and not stretch.endswith("s'") else stretch
    words = stretch.split()
    return words[-1].lower().lstrip("‘“\"'(") if words else ""


_HOW_ASKED = LazyPattern(r"how\s+(?:legitimate|effective|efficient|well[- ]led)")
"""What ``HEADLINE_QUESTION`` opens with, in lower case: a page without it is spared the
question's search."""
_ADVERBS = ("legitimately", "effectively", "efficiently")
_PILLAR_WORD_AT = LazyPattern(r"(?i:effectiveness|efficiency|legitimacy|leadership)")


def _found_words(lower: str) -> Iterator[tuple[int, int]]:
    for word in _PILLAR_WORDS:
        at = lower.find(word)
        while at >= 0:
            yield at, at + len(word)
            at = lower.find(word, at + len(word))


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
    asks = "how" in lower and _HOW_ASKED.search(lower) is not None
    for match in HEADLINE_QUESTION.finditer(text) if asks else ():
        found.add(Pillar.from_word(match.group("adj")))
        if len(found) > 1:
            return None
    for pillar in _stated(text, lower) if named else ():
        found.add(pillar)
        if len(found) > 1:
            return None
    # A retelling names keeping people safe with a pillar's adverb, or asks how good a
    # force is "at keeping people safe" or "at reducing crime".
    adverb = "people safe" in lower and any(word in lower for word in _ADVERBS)
    asked = "at keeping people safe" in lower or "at reducing crime" in lower
    retold = (
        [
            *(_HEADLINE_RETOLD_BY_ADVERB.finditer(text) if adverb else ()),
            *(_HEADLINE_RESTATED.finditer(text) if asked else ()),
        ]
        if "how" in lower
        else []
    )
    for match in retold:
        found.add(Pillar.from_word(next(g for g in match.groups() if g)))
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
    counts = most_named(text, 2)
    if not counts:
        return _office_named(text)
    if counts[0][1] == 1 and about_forces_in_general(text):
        return counts[0][0] if len(counts) == 1 and _claimed(text) else None
    if len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]:
        return counts[0][0]
    return _named_as_forces(text)


def _named_as_forces(text: str) -> Force | None:
    """The force named most often as a force, at least twice as often as any other, when
    names of areas are left out ("our partners in Devon and Cornwall")."""
    counts = forces_not_as_places(text).most_common(2)
    if counts and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]):
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
