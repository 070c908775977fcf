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
from collections.abc import Iterable

import attrs

from peelparse._lazy import AnchoredPattern, LazyPattern
from peelparse._vocab import GRADE_PATTERN, Grade

_QUOTES = frozenset("'‘’\"“”")
_QUOTES_OR_MANGLED = _QUOTES | {"˜"}
_Q = r"['‘’\"“”]?"
_LEFT = 160
"""How far before a grade word its cues are looked for."""
_RIGHT = 200
"""How far after it."""
_VERB_SPAN = 100
"""How far before a grade word the verbs that give it are looked for ("is also now", "rated
... as", "changed from 'good' to", "a rating of")."""
_WORD_SPAN = 24
"""How far before it the one or two words that qualify it are ("has an", "very", "from")."""

MENTION = LazyPattern(rf"(?<![\w-])(?P<grade>{GRADE_PATTERN})(?![\w-])", re.IGNORECASE)
"""A grade's words anywhere in a text."""
_LOWER_MENTION = LazyPattern(rf"(?=[ogairnut])(?<![\w-])(?P<grade>{GRADE_PATTERN})(?![\w-])")
"""``MENTION`` for text in lower case."""

_BREAK_MARKS = (";", ":", "(", ")", "•", " – ", " — ", " - ")
_BREAK_WORDS = ("but", "while", "whereas", "although", "though", "however", "yet", "and which")
"""Where the clause a grade word sits in starts (the last of these before it)."""
_FRONTING_WORDS = ("while", "whereas", "although", "though")
"""Break words that may open a clause put before the main one ("While ..., it is ...")."""
_MAIN_CLAUSE = LazyPattern(
    r",\s*+(?=(?:it|they|the\s+force|the\s+constabulary|the\s+service)\s++"
    rf"(?:(?:is|are|was|were|still|now|also|has\s+been|have\s+been)\s++)*{_Q}\Z)",
    re.IGNORECASE,
)
"""The comma before a main clause's subject (and verb) that ends right where a grade starts."""

# Words before the grade that say it was given (each ends where the grade starts).
_JUDGED = LazyPattern(
    r"\b(?:judged|assessed|graded|rated|deemed|considered|classed|classified|categori[sz]ed|"
    r"labelled|labeled|found|concluded|declared|recognised|recognized|described|named)\b"
    r"(?:[^.;:]{0,80}?\b(?:as|to\s+be|be|as\s+being)|\s+(?:it|them|us|the\s+(?:force|"
    r"constabulary|service)))?\s*+(?:an?\s+|the\s+)?(?:overall\s+)?"
    rf"{_Q}\s*+\Z",
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

# Words right after the grade, each matched at the start of the text that follows it. A run
# of spaces is entered only from its first character (the lookbehinds), so that a search,
# which would try every position of a long run, stays linear too.
_PREPOSITION = LazyPattern(
    rf"{_Q}(?<![ \t])[ \t]*+(?:overall\b|at\b|in\b|for\b|on\b|across\b|when\s+it\s+comes\s+to\b|"
    r"with\s+(?:regard|respect)\s+to\b|[–—-]\s)",
    re.IGNORECASE,
)
_SENTENCE_END = LazyPattern(rf"{_Q}(?<![ \t])[ \t]*+{_Q}[ \t]*+(?:[.!]|\Z)")
_GRADE_NOUN = LazyPattern(
    rf"{_Q}(?<![ \t])[ \t]*+(?:overall\s+)?"
    r"(?:grades?|gradings?|ratings?|judge?ments?|category|rated)\b",
    re.IGNORECASE,
)
_APPROACH = LazyPattern(r"(?<![ \t])[ \t]*+approach\s+to\b", re.IGNORECASE)
_IN_AREAS = LazyPattern(
    rf"{_Q}(?<![ \t])[ \t]*+(?:in|for|across|at)\s++(?:\d{{1,2}}|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|all|both|each|every|most|many|some|several|certain|other|"
    r"more|the\s+other|the\s+remaining)\b[^.;]{0,30}?\b(?:areas?|pillars?|questions?|strands?|"
    r"categories|parts)\b",
    re.IGNORECASE,
)

# Words that take a grade word back.
_NEGATION = LazyPattern(
    r"\b(?:no|none|not|never|nor|neither|nothing|without|cannot|rather\s+than|instead\s+of)\b"
    r"|n['’]t\b",
)
_EARLIER = LazyPattern(
    r"\b(?:last\s+year|previous(?:ly)?|earlier|formerly|in\s+the\s+past|used\s+to|had\s+been|"
    r"originally|when\s+(?:it|they|the\s+force)\s+(?:was|were)|since\s+(?:our|the|its|their|"
    r"last)|in\s+(?:19|20)\d\d,?\s+(?:we|i|hmic\w*|inspectors|it|the\s+(?:force|"
    r"inspectorate)))\b",
)
_EARLIER_AFTER = LazyPattern(
    r"[^.;,]{0,40}?\b(?:last\s+year|previously|(?:over|in|for|during)\s+the\s+(?:last|past|"
    r"previous)\b)",
    re.IGNORECASE,
)
_OPINION = LazyPattern(
    r"\b(?:in\s+my\s+(?:view|opinion)|i\s+(?:think|believe|feel|would\s+say)|"
    r"we\s+(?:think|believe|feel)|personally)\b",
)
_MODAL = LazyPattern(
    r"\b(?:may|might|could|would|will|should|must|can|aims?\s+to|hopes?\s+to|wants?\s+to|"
    r"needs?\s+to|strives?\s+to|expects?\s+to)\b"
)
"""Words (in lower case) that put a grade in the future or the hoped-for."""
_FROM = LazyPattern(rf"\bfrom\s++{_Q}\Z", re.IGNORECASE)
_TO = LazyPattern(rf"{_Q}(?<!\s)\s*+(?:to|into)\b", re.IGNORECASE)
_LEFT_SINCE = LazyPattern(
    rf"{_Q}(?<!\s)\s*+(?:have|has|had)?\s*+(?:slipped|dropped|fallen|fell|declined)"
)
_DEGREE = LazyPattern(
    r"\b(?:very|really|extremely|so|too|quite|particularly|exceptionally|reasonably|fairly|"
    r"generally|largely|broadly|how|what|more|most|less|least|a|an|is\s+a|of)\s++\Z",
    re.IGNORECASE,
)
_PLAIN_NOUN = LazyPattern(
    r"(?<![ \t])[ \t]*+(?:enough|as\b|than\b|or\s+bad|news|practice|progress|job|work\b|"
    r"understanding|"
    r"awareness|standard|service|example|idea|faith|relationships?|start|level|quality|deal|"
    r"reason|thing|results?\b|grasp|knowledge|track\s+record|foundations?|use\b|performance|"
    r"value|outcomes?|evidence|for\s+(?:the\s+)?(?:public|people|victims|communities)\b)",
    re.IGNORECASE,
)
_SCALE_GAP = LazyPattern(
    r"(?<![\s,;'‘’\"“”/])[\s,;'‘’\"“”/]*+(?:(?:or|and|to|and/or)\b)?[\s,;'‘’\"“”]*+\Z", re.I
)
"""What parts grade words listed as the scale: "outstanding, good, adequate or inadequate"."""
_COUNT_BEFORE = LazyPattern(
    r"\b\d{1,2}\s+(?:of|out\s+of)\s+(?:the\s+)?\d{1,2}\s+\w+\s+(?:were\s+|was\s+)?"
    r"(?:rated|graded|judged|assessed)\s+(?:as\s+)?\Z",
    re.IGNORECASE,
)
_SUBJECT_WORDS = LazyPattern(
    r"\b(?:approach|use\s+of\s+(?:its\s+)?resources|effectiveness|efficiency|legitimacy|"
    r"leadership|overall|grade|rating|grading|judge?ment)\b",
    re.IGNORECASE,
)
"""Words of a subject that a bare "... is good." grades: a pillar, an approach, a grade."""
# A sentence that says the inspectorate found what it states; "said" is left out, as a force
# or a commissioner saying its force is good gives an opinion, not a grade.
_REPORTED = LazyPattern(
    r"\b(?:report\w*|inspect\w*|hmic\w*|found|finds|judg\w*|assess\w*|rated|graded|noted|"
    r"notes|concluded|considered|recogni[sz]\w*)\b",
    re.IGNORECASE,
)
_FORCE_SUBJECT = LazyPattern(r"\b(?:it|they|forces?|constabulary|constabularies|service|police)\b")
"""A clause about a force or forces (read in lower case)."""
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


class _Reported:
    """Whether a sentence says someone found or reported what it states, looked up once and
    only when a grade word needs it."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.answer: bool | None = None

    def found(self) -> bool:
        if self.answer is None:
            self.answer = reports_finding(self.sentence)
        return self.answer


def mentions(sentence: str, lower: str) -> list[tuple[int, int, str]]:
    """Where each grade's words stand in ``sentence`` (as whole words), and the words;
    ``lower`` is ``sentence.lower()``."""
    # Lower case keeps the offsets of nearly every text, and a search that keeps case is far
    # faster; the few letters lower-casing lengthens ("İ") take the slower search.
    matches = _lower_mentions(lower) if len(lower) == len(sentence) else MENTION.finditer(sentence)
    # The lookarounds are empty, so each match is its grade's words.
    return [(*m.span(), m.group()) for m in matches]


_OPENED = AnchoredPattern(
    _LOWER_MENTION, ("outstanding", "good", "adequate", "inadequate", "requir")
)
"""``_LOWER_MENTION`` tried only where a grade's words open, but for the phrases of "graded"
("not graded", "to be graded", "ungraded")."""


def _lower_mentions(lower: str) -> Iterable[re.Match[str]]:
    """What ``_LOWER_MENTION.finditer(lower)`` finds: tried at the openings of grade words
    alone, unless the text holds "graded"."""
    if "graded" in lower:
        return _LOWER_MENTION.finditer(lower)
    return _OPENED.finditer(lower, lower)


def read(
    sentence: str,
    shaped: frozenset[int] = frozenset(),
    *,
    lower: str | None = None,
    found: list[tuple[int, int, str]] | None = None,
) -> tuple[set[int], list[Mention]]:
    """The grade words of ``sentence`` that state a grade.

    ``shaped`` holds where grade words start that a fuller sentence shape has read already:
    of those, the offsets whose words are taken back (a negation, an earlier assessment, a
    non-inspector's opinion, the scale) come back first; every other grade word that states a
    grade comes back second, as a ``Mention``. ``lower``: ``sentence.lower()``, and
    ``found``: its ``mentions``, if known.
    """
    if lower is None:
        lower = sentence.lower()
    if found is None:
        found = mentions(sentence, lower)
    if not found:
        return set(), _not_graded(sentence, lower)
    scale = _scale(sentence, found)
    # a non-inspector's opinion, or another inspectorate's grade
    not_ours = (
        may_give_opinion(lower) and _OPINION.search(lower) is not None
    ) or _names_other_body(lower)
    reported = _Reported(sentence)
    dropped: set[int] = set()
    read: list[Mention] = []
    previous: Mention | None = None
    for index, (start, end, words) in enumerate(found):
        if start in shaped:
            if (
                index in scale
                or not_ours
                or _takes_back(sentence, start, end, _left(sentence, start))
            ):
                dropped.add(start)
            else:
                previous = Mention(Grade.from_text(words), start, end, "", True)
            continue
        if index in scale or not_ours:
            continue
        grade = Grade.from_text(words)
        stated = _read(sentence, start, end, grade, previous, reported)
        if stated is None:
            continue
        explicit, subject = stated
        overall = subject == _OVERALL
        previous = Mention(grade, start, end, "" if overall else subject, explicit, overall)
        read.append(previous)
    return dropped, read + _not_graded(sentence, lower)


def _names_other_body(lower: str) -> bool:
    """Whether ``lower`` names another inspectorate, whose grades are of its own scale."""
    # Spelled out: a search for any of the names would try most letters of the sentence,
    # and any() over a generator costs more than the tests themselves.
    return (
        "ofsted" in lower
        or "care quality commission" in lower
        or "cqc" in lower
        or "estyn" in lower
        or "inspectorate of prisons" in lower
        or "inspectorate of probation" in lower
        or "hmi prisons" in lower
        or "hmi probation" in lower
    )


def _not_graded(sentence: str, lower: str) -> list[Mention]:
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
    """Indexes of grade words listed as a scale: four or more with only commas, "or", "and"
    or "to" between them, or three that no count leads ("6 of the 9 areas rated outstanding,
    good or adequate" tallies)."""
    scale: set[int] = set()
    if len(found) < 3:  # the shortest scale lists three
        return scale
    run = [0]
    for index in range(1, len(found) + 1):
        if index < len(found) and _listed(sentence, found[index - 1][1], found[index][0]):
            run.append(index)
            continue
        first = found[run[0]][0]
        if len(run) >= 4 or (
            len(run) == 3 and not _COUNT_BEFORE.search(sentence, max(0, first - 60), first)
        ):
            scale.update(run)
        run = [index]
    return scale


def _listed(sentence: str, end: int, start: int) -> bool:
    """Whether only a list's commas and conjunctions part two grade words."""
    return start - end <= 12 and _SCALE_GAP.match(sentence[end:start]) is not None


def _left(sentence: str, start: int) -> str:
    """The clause before ``start`` (capped) that the grade sits in."""
    left = sentence[max(0, start - _LEFT) : start]
    lower = left.lower()
    cut = 0
    for mark in _BREAK_MARKS:
        at = lower.rfind(mark)
        if at >= 0:
            cut = max(cut, at + len(mark))
    fronted = False
    for word in _BREAK_WORDS:
        # only a break after the ones found so far can move the clause's start
        at = lower.rfind(word, cut)
        while at >= cut and not _whole_word(lower, at, at + len(word)):
            at = lower.rfind(word, cut, at)
        if at >= cut:
            cut = at + len(word)
            fronted = word in _FRONTING_WORDS
    if fronted:
        # "while it has done well in the past, it requires improvement": the grade's clause
        # is the main one, after the comma that closes the clause put before it.
        main = _MAIN_CLAUSE.search(left, cut)
        if main is not None:
            cut = main.end()
    return left[cut:]


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def _takes_back(sentence: str, start: int, end: int, clause: str) -> str | None:
    """Why the words around a grade take it back, or ``None``; ``clause`` is ``_left``'s."""
    near = clause[-60:]
    cut = max(near.rfind(","), near.rfind(";"), near.rfind(":"))
    near = near[cut + 1 :].lower()
    if may_negate(near) and _NEGATION.search(near):
        return "negation"
    if _MODAL.search(near):
        return "not stated as given"  # "may be graded good", "forces should be good at"
    lower = clause.lower()
    if may_be_earlier(lower) and _EARLIER.search(lower):
        return "earlier"
    right = sentence[end : end + _RIGHT]
    after = right[:60].lower()
    if ("last" in after or "previous" in after or "past" in after) and _EARLIER_AFTER.match(right):
        return "earlier"
    if "from" in lower and _FROM.search(clause[-_WORD_SPAN:]) and _TO.match(right):
        return "changed from"
    if _LEFT_SINCE.match(right):
        return "changed from"
    follows = _PREPOSITION.match(right)
    if follows and not right[follows.end() :].strip(" \t'’\"”"):
        return "subject cut off"  # "judged to be good at" where the capture ends
    return None


def _read(
    sentence: str,
    start: int,
    end: int,
    grade: Grade,
    previous: Mention | None,
    reported: _Reported,
) -> tuple[bool, str] | None:
    """Whether the grade at ``sentence[start:end]`` is stated, and its subject; ``None``
    when it is not a grade. ``previous``: the last grade word before it that is one;
    ``reported``: the sentence says someone found or reported it."""
    right = sentence[end : end + _RIGHT]
    quoted = _quoted(sentence, start, end)
    if not quoted and _PLAIN_NOUN.match(right):  # "good practice": the commonest use, first
        return None
    clause = _left(sentence, start)
    # Most grade words state nothing; the words that take one back are looked for only
    # around those that do.
    stated = _stated(sentence, start, grade, previous, reported, clause, right, quoted)
    if stated is None or _takes_back(sentence, start, end, clause) is not None:
        return None
    return stated


def _stated(
    sentence: str,
    start: int,
    grade: Grade,
    previous: Mention | None,
    reported: _Reported,
    clause: str,
    right: str,
    quoted: bool,
) -> tuple[bool, str] | None:
    """The words before and after a grade word that say it was given, as ``_read``."""
    if grade is Grade.NOT_GRADED:
        stated = (
            quoted
            or _COPULA.search(clause[-_VERB_SPAN:]) is not None
            or _HAS.search(clause[-_WORD_SPAN:]) is not None
            or not clause.strip(" \t'‘\"“•-–*")
        )
        return (True, _subject(sentence, clause, right)) if stated else None
    # "has an outstanding approach to ..." grades; "a good approach" is praise that does not
    # name the area graded good.
    if grade is not Grade.GOOD and _HAS.search(clause[-_WORD_SPAN:]) and _APPROACH.match(right):
        return True, _phrase(right[_APPROACH.match(right).end() :])  # type: ignore[union-attr]
    if _GRADE_NOUN.match(right):
        return True, _subject(sentence, clause, "")
    tail = clause[-_VERB_SPAN:]
    rating = _RATING_OF.search(tail)
    if rating is not None and "overall" in tail[max(0, rating.start() - 12) :].lower():
        return True, _OVERALL
    if rating is not None or (ends_with_to(tail) and _CHANGED_TO.search(tail)):
        return True, _subject(sentence, clause, right)
    if not quoted and _DEGREE.search(clause[-_WORD_SPAN:]) is not None:
        return None
    if previous is not None and _listed(sentence, previous.end, start):
        return previous.explicit, previous.subject  # "rated outstanding, good or adequate"
    lower = clause.lower()
    if may_judge(lower) and _JUDGED.search(lower):
        return True, _subject(sentence, clause, right)
    if _IN_AREAS.match(right):
        return True, _subject(sentence, clause, right)
    follows = _PREPOSITION.match(right)
    if _COPULA.search(tail):
        if follows:
            if quoted or reported.found():
                return True, _subject(sentence, clause, right)
            # unreported, "is good at" grades only a force: "officers are good at" praises
            forces = _FORCE_SUBJECT.search(clause.lower()) is not None
            return (False, _subject(sentence, clause, right)) if forces else None
        if _SENTENCE_END.match(right) and (quoted or _SUBJECT_WORDS.search(clause)):
            return True, _subject(sentence, clause, "")
        return None
    if grade is Grade.REQUIRES_IMPROVEMENT and words_are_verb(sentence, start):
        # "the force requires improvement in ...", not "the website requires improvement"
        about = clause.lower()
        if (
            quoted
            or _FORCE_SUBJECT.search(about)
            or _SUBJECT_WORDS.search(clause)
            or reported.found()
            or not clause.strip(" \t'‘\"“•-–*")
        ):
            return True, _subject(sentence, clause, right)
        return None
    if quoted:
        return True, _subject(sentence, clause, right)
    if follows and not clause.strip(" \t'‘\"“•-–*"):
        return True, _subject(sentence, clause, right)  # "Good at reducing crime."
    if previous is not None and follows and _AFTER_LIST.search(clause[-_WORD_SPAN:]):
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


# The verbs that state a grade after its subject ("its use of resources is judged to ..."):
# not part of what was judged. Only the clause's last words are read, which keeps it linear.
_STATING_VERBS = frozenset(
    "is are was were has have had been being be judged assessed graded rated deemed "
    "considered to as".split()
)
_TAIL_REACH = 60


def _subject(sentence: str, clause: str, right: str) -> str:
    """What the grade is of: the words after its preposition, else the clause before it
    without the verbs that state the grade."""
    lead = _LEAD.match(right)
    after = right[lead.end() :] if lead and lead.end() else ""
    if after and lead and lead.group(0).strip(" \t'’\"”"):
        return _phrase(after)
    words = clause.strip(" \t'‘’\"“”,")
    return " ".join(words[: _stating_tail(words)].split())


def _stating_tail(words: str) -> int:
    """Where the stating verbs that end ``words`` start (with the spaces before them), looked
    for in its last ``_TAIL_REACH`` characters; ``len(words)`` when there are none, or when
    nothing but them is left."""
    reach = max(0, len(words) - _TAIL_REACH)
    end = len(words.rstrip())
    tail = len(words)
    while end > reach:
        start = end
        while start > reach and not words[start - 1].isspace():
            start -= 1
        # a verb counts only whole, with a space before it inside the reach
        if start <= reach or words[start:end].lower() not in _STATING_VERBS:
            break
        end = start
        while end > reach and words[end - 1].isspace():
            end -= 1
        tail = end
    return tail if tail > 0 else len(words)


def _phrase(after: str) -> str:
    """The words of ``after`` up to the end of their clause."""
    stop = _SUBJECT_END.search(after)
    return " ".join(after[: stop.start() if stop else len(after)].split())


def may_negate(lower: str) -> bool:
    """Whether ``lower`` can hold a match of ``_NEGATION`` (a far cheaper test)."""
    return (
        "no" in lower
        or "n't" in lower
        or "n’t" in lower
        or "never" in lower
        or "neither" in lower
        or "without" in lower
        or "rather" in lower
        or "instead" in lower
    )


# Cheap tests run before the expressions above, which like them read text in lower case:
# each holds for every text its expression finds (the tests check this), and turns most text
# away. Every alternative opens with a letter or digit of its own, so the engine looks for
# those first letters at C speed instead of trying the whole expression at every position.
_EARLIER_HINT = re.compile(
    r"last|previous|earlier|formerly|past|used|had|originally|when|since|19\d\d|20\d\d"
)
_JUDGED_HINT = re.compile(
    r"judg|assess|grad|rat|deem|consider|class|categori|label|found|conclu|declar|recogni|"
    r"describ|named"
)


def may_be_earlier(lower: str) -> bool:
    """Whether ``lower`` can hold a match of ``_EARLIER``."""
    return _EARLIER_HINT.search(lower) is not None


def may_give_opinion(lower: str) -> bool:
    """Whether ``lower`` can hold a match of ``_OPINION``."""
    # Spelled out: seven tests of a word are cheaper than one expression tried at every
    # position of the sentence.
    return (
        "view" in lower
        or "opinion" in lower
        or "think" in lower
        or "believe" in lower
        or "feel" in lower
        or "would" in lower
        or "personally" in lower
    )


def ends_with_to(text: str) -> bool:
    """Whether ``text`` can hold a match of ``_CHANGED_TO``, which ends it with "to" or "into",
    white space and perhaps a quote mark."""
    body = text[:-1] if text[-1:] in _QUOTES else text
    head = body.rstrip()
    return len(head) < len(body) and head[-2:].lower() == "to"


def may_judge(lower: str) -> bool:
    """Whether ``lower`` can hold a match of ``_JUDGED``."""
    return _JUDGED_HINT.search(lower) is not None


def reports_finding(sentence: str) -> bool:
    """Whether ``sentence`` says the inspectorate found or reported what it states."""
    return _REPORTED.search(sentence) is not None
