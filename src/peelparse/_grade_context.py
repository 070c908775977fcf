"""Whether a grade word in a sentence states a grade, read from the words around it.

The inspectorate, commissioners, forces and newspapers give grades in many wordings ("was
rated 'good' for ...", "received four 'Good' grades", "is judged to require improvement",
"has an outstanding approach to ...", "slipped to Adequate"), and use the same words for the
scale, for earlier years and as plain adjectives ("good practice", "no force was
inadequate"). Each grade word is judged by a few tests on a short stretch of text either side
of it: words that state a grade, and words that take the grade back. Every window is capped,
so a sentence costs time in proportion to its length.
"""

from __future__ import annotations

import re

import attrs

from peelparse._lazy import LazyPattern
from peelparse._vocab import GRADE_PATTERN, Grade

_QUOTES = frozenset("'‘’\"“”")
_QUOTES_OR_MANGLED = _QUOTES | {"˜"}
_Q = r"['‘’\"“”]?"
_LEFT = 160
"""How far before a grade word its cues are looked for."""
_RIGHT = 200
"""How far after it."""

MENTION = LazyPattern(rf"(?<![\w-])(?P<grade>{GRADE_PATTERN})(?![\w-])", re.IGNORECASE)
"""A grade's words anywhere in a text."""

_CLAUSE_BREAK = LazyPattern(
    r"[;:()•]|\s[–—]\s|\s-\s|\b(?:but|while|whereas|although|though|however|yet|and\s+which)\b",
    re.IGNORECASE,
)
"""Where the clause a grade word sits in starts (the last of these before it)."""

# Words before the grade that say it was given (each ends where the grade starts).
_JUDGED = LazyPattern(
    r"\b(?:judged|assessed|graded|rated|deemed|considered|classed|classified|categori[sz]ed|"
    r"labelled|labeled|found|concluded|declared|recognised|recognized|described|named)\b"
    r"(?:[^.;:]{0,80}?\b(?:as|to\s+be|be|as\s+being))?\s*+(?:an?\s+|the\s+)?(?:overall\s+)?"
    rf"{_Q}\s*+\Z",
    re.IGNORECASE,
)
_COPULA = LazyPattern(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|continues?\s+to\s+be|"
    r"continued\s+to\s+be|stays?|stayed)\s++"
    r"(?:(?:also|still|now|already|again|overall|all|both|consistently|currently|therefore|"
    r"only|once\s+again|rated|judged)\s++)*"
    rf"{_Q}\Z",
    re.IGNORECASE,
)
_RATING_OF = LazyPattern(
    r"\b(?:ratings?|gradings?|grades?|judge?ments?|category|verdict|assessment)\s++"
    rf"(?:of|as|was|is|remains|:)\s*+{_Q}\s*+\Z",
    re.IGNORECASE,
)
_CHANGED_TO = LazyPattern(
    r"\b(?:slipped|dropped|fallen|fell|moved|rose|risen|improved|changed|downgraded|upgraded|"
    rf"gone\s+(?:up|down)|went\s+(?:up|down))\b[^.;]{{0,60}}?\b(?:to|into)\s++{_Q}\Z",
    re.IGNORECASE,
)
_HAS = LazyPattern(r"\b(?:has|have|had|with)\s++(?:an?\s++)?\Z", re.IGNORECASE)
_AFTER_LIST = LazyPattern(rf"(?:\b(?:as|be|and|or|but)|,)\s*+{_Q}\s*+\Z", re.IGNORECASE)

# Words right after the grade.
_PREPOSITION = LazyPattern(
    rf"{_Q}[ \t]*+(?:overall\b|at\b|in\b|for\b|on\b|across\b|when\s+it\s+comes\s+to\b|"
    r"with\s+(?:regard|respect)\s+to\b|[–—-]\s)",
    re.IGNORECASE,
)
_SENTENCE_END = LazyPattern(rf"{_Q}[ \t]*+{_Q}[ \t]*+(?:[.!]|\Z)")
_GRADE_NOUN = LazyPattern(
    rf"{_Q}[ \t]*+(?:overall\s+)?(?:grades?|gradings?|ratings?|judge?ments?|category|rated)\b",
    re.IGNORECASE,
)
_APPROACH = LazyPattern(r"[ \t]*+approach\s+to\b", re.IGNORECASE)
_IN_AREAS = LazyPattern(
    rf"{_Q}[ \t]*+(?:in|for|across|at)\s++(?:\d{{1,2}}|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|all|both|each|every|most|many|some|several|certain|other|"
    r"more|the\s+other|the\s+remaining)\b[^.;]{0,30}?\b(?:areas?|pillars?|questions?|strands?|"
    r"categories|parts)\b",
    re.IGNORECASE,
)

# Words that take a grade word back.
_NEGATION = LazyPattern(
    r"\b(?:no|none|not|never|nor|neither|nothing|without|cannot|rather\s+than|instead\s+of)\b"
    r"|n['’]t\b",
    re.IGNORECASE,
)
_EARLIER = LazyPattern(
    r"\b(?:last\s+year|previous(?:ly)?|earlier|formerly|in\s+the\s+past|used\s+to|had\s+been|"
    r"originally|when\s+(?:it|they|the\s+force)\s+(?:was|were)|since\s+(?:our|the|its|their|"
    r"last)|in\s+(?:19|20)\d\d,?\s+(?:we|i|hmic\w*|inspectors|it|the\s+(?:force|"
    r"inspectorate)))\b",
    re.IGNORECASE,
)
_EARLIER_AFTER = LazyPattern(
    r"[^.;,]{0,40}?\b(?:last\s+year|previously|(?:over|in|for|during)\s+the\s+(?:last|past|"
    r"previous)\b)",
    re.IGNORECASE,
)
_OPINION = LazyPattern(
    r"\b(?:in\s+my\s+(?:view|opinion)|i\s+(?:think|believe|feel|would\s+say)|"
    r"we\s+(?:think|believe|feel)|personally)\b",
    re.IGNORECASE,
)
_FROM = LazyPattern(rf"\bfrom\s++{_Q}\Z", re.IGNORECASE)
_TO = LazyPattern(rf"{_Q}\s*+(?:to|into)\b", re.IGNORECASE)
_LEFT_SINCE = LazyPattern(rf"{_Q}\s*+(?:have|has|had)?\s*+(?:slipped|dropped|fallen|fell|declined)")
_DEGREE = LazyPattern(
    r"\b(?:very|really|extremely|so|too|quite|particularly|exceptionally|reasonably|fairly|"
    r"generally|largely|broadly|how|what|more|most|less|least|a|an|is\s+a|of)\s++\Z",
    re.IGNORECASE,
)
_PLAIN_NOUN = LazyPattern(
    r"[ \t]*+(?:enough|as\b|than\b|or\s+bad|news|practice|progress|job|work\b|understanding|"
    r"awareness|standard|service|example|idea|faith|relationships?|start|level|quality|deal|"
    r"reason|thing|results?\b|grasp|knowledge|track\s+record|foundations?|use\b|performance|"
    r"value|outcomes?|evidence|for\s+(?:the\s+)?(?:public|people|victims|communities)\b)",
    re.IGNORECASE,
)
_SCALE_GAP = LazyPattern(r"[\s,;'‘’\"“”/]*+(?:(?:or|and|to|and/or)\b)?[\s,;'‘’\"“”]*+\Z", re.I)
"""What parts grade words listed as the scale: "outstanding, good, adequate or inadequate"."""
_SUBJECT_WORDS = LazyPattern(
    r"\b(?:approach|use\s+of\s+(?:its\s+)?resources|effectiveness|efficiency|legitimacy|"
    r"leadership|overall|grade|rating|grading|judge?ment)\b",
    re.IGNORECASE,
)
"""Words of a subject that a bare "... is good." grades: a pillar, an approach, a grade."""
_REPORTED = LazyPattern(
    r"\b(?:report\w*|inspect\w*|hmic\w*|found|finds|judg\w*|says?|said|according|assess\w*|"
    r"rated|graded|noted|notes|concluded|considered|pleased|welcome\w*|recogni[sz]\w*)\b",
    re.IGNORECASE,
)
_SUBJECT_END = LazyPattern(
    rf"[.;!?]|,\s|\s(?:and|but|while)\s++(?:(?:it|they)\s++)?(?:(?:is|was|are|were)\s++)?{_Q}"
    rf"(?:{GRADE_PATTERN})\b|\s(?:and|but|while)\s++(?:one|two|three|four|five|\d{{1,2}}|the|a|an|it|"
    r"they|this|that|its|their|all|most|some|no)\b[^.;,]{0,30}?\b(?:is|was|are|were|has|have)\s",
    re.IGNORECASE,
)
_LEAD = LazyPattern(rf"\A{_Q}[ \t]*+(?:overall\s+)?(?:at|in|for|on|across|[–—-])?[ \t]*+", re.I)
_OVERALL = "\0overall"
"""The subject ``_read`` gives a grade stated as the overall one."""
_NOT_GRADED = LazyPattern(
    r"\b(?:(?:do|does|did)\s+not|don['’]t|doesn['’]t|didn['’]t)\s+(?:make|give|award|include)\s+"
    r"(?:an?\s+)?(?:overall\s+)?(?:graded\s+judge?ments?|grades?|gradings?)\b"
    r"(?:[^.;]{0,30}?\bbut\s+a\s+narrative\b)?"
    r"|\bnarrative\s+(?:assessment\s+|judge?ment\s+)?(?:rather\s+than|instead\s+of|not)\s+"
    r"(?:an?\s+)?grad(?:ed|e|ing)\b",
    re.IGNORECASE,
)
"""A sentence saying an area gets no grade: "We don't make a graded judgment for this area",
"a narrative rather than graded judgment"."""
_CUE_WORDS = ("judg", "assess", "grad", "rat", "deem", "consider", "class", "label", "found")


@attrs.frozen
class Mention:
    """A grade word that states a grade, and what the words around it say."""

    grade: Grade
    start: int
    """Where the grade's words start in the sentence."""
    end: int
    subject: str
    """What was graded, as written ("" when the sentence does not say)."""
    explicit: bool
    """Whether the words say a grade was given (see ``ProseJudgement.explicit``)."""
    overall: bool = False
    """Whether the words give the overall grade ("an overall rating of 'Good'")."""


def read(sentence: str, shaped: frozenset[int] = frozenset()) -> tuple[set[int], list[Mention]]:
    """The grade words of ``sentence`` that state a grade.

    ``shaped`` holds where grade words start that a fuller sentence shape has read already:
    of those, the offsets whose words are taken back (a negation, an earlier assessment, a
    non-inspector's opinion, the scale) come back first; every other grade word that states a
    grade comes back second, as a ``Mention``.
    """
    found = [
        (m.start("grade"), m.end("grade"), m.group("grade")) for m in MENTION.finditer(sentence)
    ]
    if not found:
        return set(), _not_graded(sentence)
    scale = _scale(sentence, found)
    opinion = _OPINION.search(sentence) is not None
    reported = _REPORTED.search(sentence) is not None
    dropped: set[int] = set()
    read: list[Mention] = []
    accepted = False
    for index, (start, end, words) in enumerate(found):
        if start in shaped:
            if index in scale or opinion or _takes_back(sentence, start, end):
                dropped.add(start)
            else:
                accepted = True
            continue
        if index in scale or opinion:
            continue
        grade = Grade.from_text(words)
        stated = _read(sentence, start, end, grade, accepted, reported)
        if stated is None:
            continue
        explicit, subject = stated
        accepted = True
        overall = subject == _OVERALL
        read.append(Mention(grade, start, end, "" if overall else subject, explicit, overall))
    return dropped, read + _not_graded(sentence)


def _not_graded(sentence: str) -> list[Mention]:
    lower = sentence.lower()
    if "grad" not in lower or (
        " not " not in lower
        and "n't" not in lower
        and "n’t" not in lower
        and "narrative" not in lower
    ):
        return []
    return [
        Mention(
            Grade.NOT_GRADED,
            m.start(),
            m.end(),
            _subject(sentence, "", sentence[m.end() : m.end() + _RIGHT]),
            True,
        )
        for m in _NOT_GRADED.finditer(sentence)
    ]


def _scale(sentence: str, found: list[tuple[int, int, str]]) -> set[int]:
    """Indexes of grade words listed as a scale: three or more with only commas, "or",
    "and" or "to" between them."""
    scale: set[int] = set()
    run = [0]
    for index in range(1, len(found) + 1):
        if index < len(found):
            gap = sentence[found[index - 1][1] : found[index][0]]
            if len(gap) <= 12 and _SCALE_GAP.match(gap):
                run.append(index)
                continue
        if len(run) >= 3:
            scale.update(run)
        run = [index]
    return scale


def _left(sentence: str, start: int) -> str:
    """The clause before ``start`` (capped) that the grade sits in."""
    left = sentence[max(0, start - _LEFT) : start]
    clause_start = 0
    for brk in _CLAUSE_BREAK.finditer(left):
        clause_start = brk.end()
    return left[clause_start:]


def _takes_back(sentence: str, start: int, end: int) -> str | None:
    """Why the words around a grade take it back, or ``None``."""
    clause = _left(sentence, start)
    near = sentence[max(0, start - 60) : start]
    cut = max(near.rfind(","), near.rfind(";"), near.rfind(":"))
    if _NEGATION.search(near[cut + 1 :]):
        return "negation"
    if _EARLIER.search(clause):
        return "earlier"
    right = sentence[end : end + _RIGHT]
    if _EARLIER_AFTER.match(right):
        return "earlier"
    if _FROM.search(clause) and _TO.match(right):
        return "changed from"
    if _LEFT_SINCE.match(right):
        return "changed from"
    return None


def _read(
    sentence: str, start: int, end: int, grade: Grade, after_grade: bool, reported: bool
) -> tuple[bool, str] | None:
    """Whether the grade at ``sentence[start:end]`` is stated, and its subject; ``None``
    when it is not a grade. ``after_grade``: an earlier grade word of the sentence is one;
    ``reported``: the sentence says someone found or reported it."""
    if _takes_back(sentence, start, end) is not None:
        return None
    clause = _left(sentence, start)
    right = sentence[end : end + _RIGHT]
    quoted = _quoted(sentence, start, end)
    if grade is Grade.NOT_GRADED:
        stated = (
            quoted
            or _COPULA.search(clause) is not None
            or _HAS.search(clause) is not None
            or not clause.strip(" \t'‘\"“•-–*")
        )
        return (True, _subject(sentence, clause, right)) if stated else None
    # "has an outstanding approach to ..." grades; "a good approach" is praise that does not
    # name the area graded good.
    if grade is not Grade.GOOD and _HAS.search(clause) and _APPROACH.match(right):
        return True, _phrase(right[_APPROACH.match(right).end() :])  # type: ignore[union-attr]
    if _GRADE_NOUN.match(right):
        return True, _subject(sentence, clause, "")
    rating = _RATING_OF.search(clause)
    if rating is not None and "overall" in clause[max(0, rating.start() - 12) :].lower():
        return True, _OVERALL
    if rating is not None or _CHANGED_TO.search(clause):
        return True, _subject(sentence, clause, right)
    plain = not quoted and (_DEGREE.search(clause) is not None or _PLAIN_NOUN.match(right))
    if plain:
        return None
    lower = clause.lower()
    if any(word in lower for word in _CUE_WORDS) and _JUDGED.search(clause):
        return True, _subject(sentence, clause, right)
    if _IN_AREAS.match(right):
        return True, _subject(sentence, clause, right)
    follows = _PREPOSITION.match(right)
    if _COPULA.search(clause):
        if follows:
            return reported, _subject(sentence, clause, right)
        if _SENTENCE_END.match(right) and (quoted or _SUBJECT_WORDS.search(clause)):
            return True, _subject(sentence, clause, "")
        return None
    if grade is Grade.REQUIRES_IMPROVEMENT and words_are_verb(sentence, start):
        return True, _subject(sentence, clause, right)
    if quoted:
        return True, _subject(sentence, clause, right)
    if follows and not clause.strip(" \t'‘\"“•-–*"):
        return True, _subject(sentence, clause, right)  # "Good at reducing crime."
    if after_grade and follows and _AFTER_LIST.search(clause):
        return True, _subject(sentence, clause, right)
    return None


def _quoted(sentence: str, start: int, end: int) -> bool:
    """Whether the grade's words are in quote marks ("rated 'good'"), not the first words of
    a quotation ("has “good governance ..."). A capture may have mangled the opening mark."""
    after = sentence[end : end + 3].lstrip(" .,!")[:1]
    return after in _QUOTES and sentence[start - 1 : start] in _QUOTES_OR_MANGLED


def words_are_verb(sentence: str, start: int) -> bool:
    """Whether "requires/required/requiring improvement" at ``start`` is the grade used as a
    verb ("the force requires improvement in ..."), not a noun phrase ("areas which require
    improvement")."""
    before = sentence[max(0, start - 24) : start].lower().rstrip()
    return not before.endswith(("which", "that", "things", "aspects", "areas", "steps"))


def _subject(sentence: str, clause: str, right: str) -> str:
    """What the grade is of: the words after its preposition, else the clause before it."""
    lead = _LEAD.match(right)
    after = right[lead.end() :] if lead and lead.end() else ""
    if after and lead and lead.group(0).strip(" \t'’\"”"):
        return _phrase(after)
    return " ".join(clause.strip(" \t'‘’\"“”,").split())


def _phrase(after: str) -> str:
    """The words of ``after`` up to the end of their clause."""
    stop = _SUBJECT_END.search(after)
    return " ".join(after[: stop.start() if stop else len(after)].split())
