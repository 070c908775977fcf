"""Graded judgments stated in prose: "The force is judged to be good at ...".

Reports, press releases and letters all state grades in sentences; this module finds them
once for every plugin. It looks for the few sentence shapes the inspectorate uses, never
for one document's wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from peelparse._grade_context import mentions, reports_finding
from peelparse._grade_context import read as grade_words
from peelparse._lazy import LazyPattern
from peelparse._limits import examined_parts
from peelparse._text import (
    folded_lower,
    sentences,
    strip_marks,
    unfolded_letters,
    word_branches,
    word_opening,
)
from peelparse._vocab import GRADE_PATTERN, Grade, Pillar, may_name_grade

_Q = r"['‘’\"“”]?"
_GRADE = rf"{_Q}(?P<grade>{GRADE_PATTERN}){_Q}"
_WHO = (
    r"(?:the\s+force|the\s+constabulary|it|[A-Z][\w&'’ -]{2,45}?(?<!\s)\s++"
    r"(?:Police(?:\s+Service)?|Constabulary))"
)

# Where a judged subject ends: the sentence's end, a clause break, or the next judgment
# ("... lawfully and outstanding at treating ...").
_END = (
    rf"(?<!\s)\s*+(?=[.;]|$|,\s|(?<=\s)(?:and|but|while)\s++(?:it\s++(?:is|was)\s++)?"
    rf"(?:also\s++)?{_Q}{GRADE_PATTERN}{_Q}\s++(?:at|in|for)\b)"
)


@attrs.frozen
class _Shape:
    """A sentence shape and words it cannot match without: most sentences hold none of
    them, so the cheap test spares the regular expression."""

    pattern: LazyPattern
    needs: tuple[str, ...]
    """Lower-case words one of which a matching sentence must hold (empty: always search)."""
    tail: LazyPattern | None = None
    """An expression for the end of a match, which the engine finds fast where the whole
    pattern is slow to try at every position: a sentence it misses cannot match."""
    after: LazyPattern | None = None
    """What follows the grade's words in every match (which are then whole words), matched
    right where they end: a sentence whose grade words are all followed otherwise cannot
    match."""

    def search(
        self, sentence: str, lower: str, ends: list[int] | None = None
    ) -> re.Match[str] | None:
        """The first match in ``sentence``; ``ends``: see ``may_match``."""
        found = self.may_match(sentence, lower, ends)
        return self.pattern.search(sentence) if found else None

    def may_match(self, sentence: str, lower: str, ends: list[int] | None = None) -> bool:
        """Whether the cheap tests leave ``sentence`` to the whole pattern. ``ends``: where
        each of its grade words ends, if known to hold every one this shape can read."""
        # A plain loop: this runs for every shape of every sentence, and any() over a
        # generator costs more than the test itself.
        for word in self.needs:
            if word in lower:
                break
        else:
            if self.needs:
                return False
        if self.after is not None and ends is not None and not self._followed(sentence, ends):
            return False
        return self.tail is None or self.tail.search(sentence) is not None

    def _followed(self, sentence: str, ends: list[int]) -> bool:
        assert self.after is not None
        match = self.after.match
        return any(match(sentence, end) is not None for end in ends)


_VERBS = ("judged", "assessed", "graded", "rated")
_PILLAR_NOUN = r"(?:effectiveness|efficiency|legitimacy|leadership)\b"

_SHAPES = (
    # "The extent to which the force is effective at keeping people safe and reducing crime
    #  requires improvement / is good / is: good / : not yet graded." From 2018/19 the
    #  subject names the pillar by an adverb instead ("operates efficiently and sustainably",
    #  "treats the public and its workforce legitimately"), so any wording naming a pillar.
    _Shape(
        LazyPattern(
            rf"(?P<subject>the\s++extent\s++to\s++which\s++{_WHO}\s++"
            rf"(?=[^.:;]{{0,300}}?\b(?:effective|efficient|legitimate)(?:ly)?\b)"
            rf"[^.:;]{{0,300}}?)(?<!\s)\s*+(?:\bis\b\s*+:?|:)?\s*+{_GRADE}\s*+(?:\.|$)",
            re.IGNORECASE,
        ),
        ("extent",),
    ),
    # "X is judged to be good at ...", "has been assessed as requires improvement in respect
    #  of ...", "was graded as 'outstanding' for ...", "is rated good at ..."
    _Shape(
        LazyPattern(
            word_opening(("is", "was", "are", "were", r"has\s+been", r"have\s+been"))
            + rf"(?i:\s+(?:also\s+)?(?:judged|assessed|graded|rated)(?:\s+(?:to\s+be|as))?\s+"
            rf"{_GRADE}(?:\s+(?:in\s+respect\s+of|at|in|for|on)\s+(?P<subject>[^.;]{{1,300}}?))?"
            rf"{_END})"
        ),
        _VERBS,
    ),
    # "In 2017, we judged Avon and Somerset Constabulary to be good at treating ..."
    _Shape(
        LazyPattern(
            word_opening(_VERBS) + rf"(?i:\s+{_WHO}\s+(?:to\s+be|as)\s+{_GRADE}"
            rf"(?:\s+(?:in\s+respect\s+of|at|in|for|on)\s+(?P<subject>[^.;]{{1,300}}?))?{_END})"
        ),
        _VERBS,
    ),
    # "The constabulary is good at treating the public fairly." (sentence about the force)
    _Shape(
        LazyPattern(
            rf"^{_WHO}\s+(?:is|was)\s+(?:also\s+)?{_GRADE}\s+(?:at|in)\s+(?P<subject>[^.;]{{1,300}}?)"
            rf"{_END}",
            re.IGNORECASE,
        ),
        (),
        # Tried on nearly every sentence that names a grade, where "good at" is rare. Right
        # after a grade's words no space comes before the run; a search, which would try
        # every place of a long run, enters it only from its first character too.
        after=LazyPattern(rf"{_Q}(?<!\s)\s++(?:at|in)\s", re.IGNORECASE),
    ),
)
_IMPLICIT = len(_SHAPES) - 1
"""Shapes from this index on do not say a grade was given."""

# "..., and good at treating its workforce ..." continuing a judgment in the same sentence.
_MORE = LazyPattern(
    rf"(?:,\s*|\s)(?:and|but|while)\s+(?:it\s+)?(?:is\s+|was\s+)?(?:also\s+)?{_GRADE}\s+"
    rf"(?:at|in|for)\s+(?P<subject>[^.;]{{1,300}}?){_END}",
    re.IGNORECASE,
)

_HEADLINE_SUBJECT = LazyPattern(
    r"^the\s+(?:effectiveness|efficiency|legitimacy)\s+with\s+which\b"
    r"|keep(?:s|ing)?\s+people\s+safe|reduc(?:e|es|ing)\s+crime|treats?\s+the\s+public\s+and"
    r"|operates?\s+and\s+how\s+sustainabl|operat(?:e|es|ing)\s+efficiently\s+and\s+sustainabl",
    re.IGNORECASE,
)


def _may_be_headline(subject: str) -> bool:
    """Whether ``_HEADLINE_SUBJECT`` can find a match in ``subject``: each of its branches
    opens with one of these words, which hold no letter that case-folding reaches from
    another ("ı", "ſ"), so a test of the lower case is exact."""
    lower = subject.lower()
    return (
        lower.startswith("the")
        or "keep" in lower
        or "reduc" in lower
        or "treat" in lower
        or "operat" in lower
    )


_ANY_GRADE = LazyPattern(GRADE_PATTERN, re.IGNORECASE)
"""A grade's words anywhere, whole or not: every shape holds them."""
_LOWER_GRADE = LazyPattern(GRADE_PATTERN)
"""``_ANY_GRADE`` for a text's ``folded_lower``: its words are ASCII, so it finds them there
exactly where ``_ANY_GRADE`` finds them in the text."""


def _holds_grade(sentence: str, lower: str) -> bool:
    """Whether ``_ANY_GRADE`` finds a grade's words in ``sentence``: ``_LOWER_GRADE`` answers
    alike, and far faster, unless lower-casing moved characters ("İ")."""
    folded = folded_lower(sentence, lower)
    if folded is None:
        return _ANY_GRADE.search(sentence) is not None
    return _LOWER_GRADE.search(folded) is not None


_PILLAR_IN_SUBJECT = LazyPattern(rf"({word_opening(('legitima', 'effective', 'efficien'))}\w*)")


@attrs.frozen
class ProseJudgement:
    """A judgment found in a sentence; offsets are into the paragraph given."""

    grade: Grade
    subject: str
    """What was judged, as written ("" when the sentence does not say)."""
    pillar: Pillar | None
    """The pillar the subject names, if it names one."""
    headline: bool
    """Whether the subject is a pillar's headline (keeping people safe, reducing crime)."""
    explicit: bool
    """Whether the sentence says the grade was given ("judged to be", "the extent to which
    ... is"); "The force is good at ..." is not explicit, and counts only where it matches
    a graded question."""
    start: int
    """Where the sentence starts."""
    end: int
    """Where it ends."""
    count: int | None = None
    """For a sentence that counts grades ("good in one area", "24 forces as good"), how many
    were given this grade; ``subject`` is then what was counted, as written. Only
    ``judgements_in(..., counts=True)`` gives these."""
    counted: str | None = None
    """What ``count`` counts, in the singular: "area", "force" or "question"."""
    rest: bool = False
    """For a sentence that gives one grade to all the others without a number ("All other
    forces were judged as good"): ``count`` is then ``None`` and ``subject`` what was
    counted."""
    grade_start: int | None = None
    """Where the words that state the grade start ("'good'", "requires improvement", "don't
    make a graded judgment"), like ``start`` an offset into the paragraph."""
    grade_end: int | None = None
    """Where they end."""
    text: str = ""
    """The sentence as record text (``strip_marks`` of it): one string, shared by every
    judgment the sentence states, so that a sentence of many grades is not held once for
    each."""


_Fields = tuple[
    Grade,
    str,
    Pillar | None,
    bool,
    bool,
    int,
    int,
    int | None,
    str | None,
    bool,
    int | None,
    int | None,
]
"""A judgment's fields but its ``text``, in the order ``ProseJudgement`` takes them: a
sentence's judgments are made once its text is known, and only those it keeps."""


def judgements_in(paragraph: str, *, counts: bool = False) -> Iterator[ProseJudgement]:
    """Every graded judgment stated in ``paragraph``, in order.

    With ``counts``, a sentence that counts grades ("found the force was good in one area,
    adequate in four areas ...", "24 forces as good", "all other forces as good") gives one
    judgment per grade with ``count`` (or ``rest``) set, instead of any other judgment of
    that sentence's shapes. Grade words the shapes leave are read by their context (see
    ``peelparse._grade_context``); none is given for the scale, a negation, an earlier
    assessment or an opinion.
    """
    lowered = paragraph.lower()
    if not may_name_grade(lowered):
        return
    # Where lower-casing keeps every offset, a sentence's lower case is a slice of the
    # paragraph's: one call for the whole paragraph instead of one for each sentence.
    kept_offsets = len(lowered) == len(paragraph)
    for start, end in _examined_sentences(paragraph):
        lower = lowered[start:end] if kept_offsets else paragraph[start:end].lower()
        if not may_name_grade(lower):
            continue
        sentence = paragraph[start:end]
        kept = _kept(sentence, lower, start, end, counts)
        if kept:
            text = strip_marks(sentence)
            for fields in kept:
                yield ProseJudgement(*fields, text)


def _kept(sentence: str, lower: str, start: int, end: int, counts: bool) -> list[_Fields]:
    """The judgments a sentence states, in the order of their grade words."""
    words = mentions(sentence, lower)
    found: _Found = []
    # Every shape reads a grade's words: a sentence that holds none, even inside other words,
    # is spared the shapes ("requirement", "goods", "a narrative judgment").
    if words or _holds_grade(sentence, lower):
        found = _counts(sentence, lower, start, end) if counts else []
        if not found:
            found = _shaped(sentence, lower, start, end, _ends(sentence, lower, words))
    shaped = frozenset([m.start("grade") for m, _ in found])
    dropped, read = grade_words(sentence, shaped, lower=lower, found=words)
    if read and not counts:  # the words a count gives stay unread
        counted = {m.start("grade") for m in _counted(sentence, lower)}
        read = [word for word in read if word.start not in counted]
    kept = [(m.start("grade"), j) for m, j in found if m.start("grade") not in dropped]
    kept += [
        (
            word.start,
            _prose(
                word.grade,
                word.subject,
                start,
                end,
                explicit=word.explicit,
                headline=word.overall,
                at=(start + word.start, start + word.end),
            ),
        )
        for word in read
    ]
    kept.sort(key=lambda item: item[0])
    return [fields for _, fields in kept]


def _examined_sentences(paragraph: str) -> Iterator[tuple[int, int]]:
    """The sentences of ``paragraph`` as far as shapes examine it (``Limits.line_chars``)."""
    parts = examined_parts(paragraph)
    if len(parts) == 1 and parts[0][0] == 0:  # nothing cut: the offsets are the paragraph's
        return sentences(paragraph[: parts[0][1]])
    return _sentences_of(paragraph, parts)


def _sentences_of(paragraph: str, parts: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for a, b in parts:
        for start, end in sentences(paragraph[a:b]):
            yield a + start, a + end


# The judgments a sentence's shapes give, each with the match that gave it. The readers
# below return lists: a sentence gives few, and a generator costs more to run than a list.
_Found = list[tuple[re.Match[str], _Fields]]


def _ends(sentence: str, lower: str, words: list[tuple[int, int, str]]) -> list[int] | None:
    """Where the grade ``words`` of ``sentence`` end, if they are every grade a shape can
    read as whole words: the words were read from the lower case, which misses one spelled
    with a letter that only matches where case is ignored ("ı" for "i", "ſ" for "s")."""
    if len(lower) == len(sentence) and unfolded_letters(lower):
        return None
    return [end for _, end, _ in words]


def _shaped(sentence: str, lower: str, start: int, end: int, ends: list[int] | None) -> _Found:
    """The judgments of the first of ``_SHAPES`` that matches, else of ``_LATER_SHAPES``."""
    for number, shape in enumerate(_SHAPES):
        match = shape.search(sentence, lower, ends)
        if match is None:
            continue
        # "The force is good at ..." says a grade was given when the sentence reports a
        # finding ("HMICFRS found the constabulary was good at ...").
        explicit = number < _IMPLICIT or reports_finding(sentence)
        return _continued(match, sentence, start, end, explicit)
    return _later_shapes(sentence, lower, start, end)


def _continued(match: re.Match[str], sentence: str, start: int, end: int, explicit: bool) -> _Found:
    """The judgment of a shape's ``match``, and those that continue it in the sentence."""
    found = [(match, _judgement(match, start, end, explicit))]
    for more in _MORE.finditer(sentence, match.end("grade")):
        found.append((more, _judgement(more, start, end, explicit)))
    return found


_AS_VERB = (
    rf"{_WHO}\s+(?:still\s+|now\s+|also\s+)?{_Q}(?P<grade>requires?\s+improvement|"
    rf"required\s+improvement){_Q}\s+"
    rf"(?:in\s+respect\s+of|at|in|for|on|to(?=\s+(?:its|their|the\s+way|how)\b))\s+"
    rf"(?P<subject>[^.;]{{1,300}}?){_END}"
)
"""The grade's own words as the verb of a clause about the force."""

# Shapes tried only when none of ``_SHAPES`` matched, so adding them changes no judgment
# the shapes above find. All say a grade was given.
_LATER_SHAPES = (
    # A headline that drops the verb: "Leicestershire Police judged as 'good' at how
    # legitimately it keeps people safe and reduces crime", "Kent Police rated 'good' for ..."
    _Shape(
        LazyPattern(
            rf"^{_WHO}\s+(?:judged|assessed|graded|rated)\s+(?:to\s+be\s+|as\s+)?{_GRADE}"
            rf"(?:\s+(?:in\s+respect\s+of|at|in|for|on)\s+(?P<subject>[^.;]{{1,300}}?))?{_END}",
            re.IGNORECASE,
        ),
        _VERBS,
    ),
    # "Inspectors find Derbyshire Constabulary outstanding at operating efficiently"
    _Shape(
        LazyPattern(
            word_opening(("find", "finds", "found", "rate", "rates", "judge", "judges"))
            + rf"(?i:\s+{_WHO}\s+(?:to\s+be\s+)?{_GRADE}"
            rf"\s+(?:in\s+respect\s+of|at|in|for|on)\s+(?P<subject>[^.;]{{1,300}}?){_END})"
        ),
        ("find", "found", "rate", "judge"),
    ),
    # "Avon and Somerset Constabulary's effectiveness at keeping people safe and reducing
    #  crime is good"
    _Shape(
        LazyPattern(
            rf"{_WHO}['’]s?\s++(?P<subject>{_PILLAR_NOUN}[^.;:]{{0,300}}?)(?<!\s)\s++(?:is|was|remains)\s++"
            rf"{_GRADE}\s*(?:[.!]|$)",
            re.IGNORECASE,
        ),
        ("effectiveness", "efficiency", "legitimacy", "leadership"),
        # The force's name is tried at every position of a sentence, and the words after the
        # pillar at every one of theirs; a sentence whose verb gives no grade at its end is
        # spared both. The tail opens with the white space before the verb, which follows a
        # word: the engine looks for white space at C speed, and only the first space of a
        # run goes on, which keeps a long run linear.
        LazyPattern(rf"\s(?<!\s\s)\s*+(?:is|was|remains)\s++{_GRADE}\s*+(?:[.!]|$)", re.IGNORECASE),
    ),
    # "the efficiency with which the force carries out its responsibilities is good" (2014)
    _Shape(
        LazyPattern(
            rf"\b(?P<subject>the\s++(?:effectiveness|efficiency|legitimacy)\s++with\s++which\s++"
            rf"{_WHO}\s++[^.;:]{{0,300}}?)(?<!\s)\s++(?:is|was)\s++{_GRADE}\s*+(?:[.;,!]|$)",
            re.IGNORECASE,
        ),
        ("which",),
    ),
    # "Kent Police requires improvement in how it investigates crime": the grade's own words
    # as the verb.
    _Shape(LazyPattern(rf"^{_AS_VERB}", re.IGNORECASE), ("requir",)),
)


# "the good area was crime data integrity", "the areas requiring improvement included
#  responding to the public, investigating crime, ... and ...": one judgment per area.
_AREA_LISTS = tuple(
    LazyPattern(
        word_opening(("the",))
        + rf"(?i:\s+{named}\s+(?:was|were|is|are|included|includes|include)\s+"
        r"(?!(?:set\s+out|listed|shown|detailed|described|given|as\s+follows|below|above)\b)"
        r"(?P<subject>[^.;:]{1,300}?)(?<!\s)\s*+(?=[.;]|$))"
    )
    for named in (
        rf"{_GRADE}\s+(?:areas?|questions?)",
        rf"(?:areas?|questions?)\s+(?:(?:judged|graded|rated|assessed)\s+(?:as\s+|to\s+be\s+)?)?"
        rf"{_GRADE}",
    )
)
_LIST_ITEM = LazyPattern(r"(?<!\s)\s*+,\s*+(?:(?:and|or)\s++)?")
_LAST_ITEM = LazyPattern(r"^(?:and|or)\s+", re.IGNORECASE)

# Shapes tried only when neither ``_LATER_SHAPES`` nor the area lists found a judgment, so
# they change none of those. All say a grade was given.
_LAST_SHAPES = (
    # "... concluded that, while it has done well, it requires improvement to its workforce
    #  planning": the grade's words as the verb of a clause inside the sentence.
    # (Opening with "that" or a comma, which the engine looks for at C speed.)
    _Shape(
        LazyPattern(rf"(?:,|{word_branches(('that',))})\s++(?i:{_AS_VERB})"),
        ("requir",),
    ),
    # "overall the police forces are good at ensuring ...", "most forces were outstanding
    #  in ...": forces in general, a national finding ("no forces are" is a negation).
    _Shape(
        LazyPattern(
            r"(?<![\w-])(?<!\bno\s)(?<!\bfew\s)(?<!\bsome\s)(?<!\bno\spolice\s)"
            r"(?<!\bfew\spolice\s)(?<!\bsome\spolice\s)forces\s++(?:are|were)\s++"
            rf"(?:also\s++|generally\s++|still\s++|now\s++)?{_GRADE}\s+(?:at|in)\s+"
            rf"(?P<subject>[^.;]{{1,300}}?){_END}",
            re.IGNORECASE,
        ),
        ("forces",),
    ),
    # "the inspectorate identified outstanding performance in recording crime"
    _Shape(
        LazyPattern(
            r"\b(?:[Ii]nspectorate|[Ii]nspectors|HMIC(?:FRS)?|[Rr]eport)\s+(?:has\s+|had\s+)?"
            rf"(?:identified|found|recogni[sz]ed|noted)\s+{_GRADE}\s+performance\s+"
            r"(?:in\s+relation\s+to|in\s+respect\s+of|in|for|at|on|when)\s+"
            rf"(?P<subject>[^.;]{{1,300}}?){_END}",
        ),
        ("performance",),
    ),
)


def _later_shapes(sentence: str, lower: str, start: int, end: int) -> _Found:
    found = _first_shape(_LATER_SHAPES, sentence, lower, start, end)
    if not found and ("area" in lower or "question" in lower):
        found = _area_lists(sentence, start, end)
    if not found:
        found = _first_shape(_LAST_SHAPES, sentence, lower, start, end)
    return found


def _first_shape(
    shapes: tuple[_Shape, ...], sentence: str, lower: str, start: int, end: int
) -> _Found:
    """The judgments of the first of ``shapes`` that matches, with the ones that continue it."""
    for shape in shapes:
        match = shape.search(sentence, lower)
        if match is not None:
            return _continued(match, sentence, start, end, True)
    return []


def _area_lists(sentence: str, start: int, end: int) -> _Found:
    matches = (m for shape in _AREA_LISTS for m in shape.finditer(sentence))
    found: _Found = []
    for match in sorted(matches, key=lambda m: m.start()):
        grade = Grade.from_text(match.group("grade"))
        # Items are split at commas only: "building and developing its workforce" is one.
        for item in _LIST_ITEM.split(match.group("subject")):
            subject = " ".join(_LAST_ITEM.sub("", item.strip()).split())
            if subject:
                at = _graded_at(match, start)
                found.append((match, _prose(grade, subject, start, end, explicit=True, at=at)))
    return found


_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_UNITS = r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
_NUM_WORDS = (
    r"a\s+single",
    *(tens + _UNITS for tens in _TENS),
    *sorted(_NUMBER_WORDS, key=len, reverse=True),
)
"""How a count is written in words, longest first where one word opens another."""
_NUM = rf"(?:\d{{1,3}}|{'|'.join(_NUM_WORDS)})"
_NUM_OPENING = rf"(?:\d(?<!\w.)\d{{0,2}}|{word_branches(_NUM_WORDS)})"
"""``\\b{_NUM}`` with case ignored, opening with the number's own first character (see
``word_opening``): a count opening with it is found at C speed, not tried at every position.
Compile without ``re.IGNORECASE``."""
# What follows "24 forces" in a count: the forces named, then how they were graded.
_NAMED = r"(?:\s*\([^)]{3,60}\)|,\s*[^,;]{3,60}?,)?"
_FORCES_COUNTED = (
    rf"(?P<subject>(?P<n>{_NUM_OPENING})(?i:\s+(?:police\s+)?(?P<unit>forces?)\b{_NAMED}))"
)
_GRADED_AS = (
    r"\s+(?:(?:that|which)\s+)?(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?"
    r"(?:(?:graded|judged|rated|assessed|found\s+to\s+be)\s+)?(?:as\s+|to\s+be\s+)?"
    rf"{_GRADE}"
)
_ACHIEVED = (
    r"\s+(?:achieved|received|was\s+given|were\s+given|got)\s+(?:an?\s+)?"
    rf"{_GRADE}\s+(?:grade|grading|rating|judg(?:e)?ment)"
)
_COUNTS = (
    # "'good' in one area, 'adequate' in four areas"
    _Shape(
        LazyPattern(
            rf"{_GRADE}\s+in\s+(?P<subject>(?P<n>\b{_NUM})\s+(?:other\s+|more\s+)?"
            r"(?P<unit>areas?|questions?))\b",
            re.IGNORECASE,
        ),
        ("area", "question"),
        # What follows the grade, from the white space it opens with: the engine looks for
        # white space at C speed, where the grade is tried at every position. Only the first
        # space of a run goes on, which keeps a long run linear.
        LazyPattern(
            rf"\s(?<!\s\s)\s*+in\s+\b{_NUM}\s+(?:other\s+|more\s+)?(?:areas?|questions?)\b",
            re.IGNORECASE,
        ),
    ),
    # "1 force (Durham Constabulary) as outstanding; 24 forces as good", "Thirty seven police
    #  forces were graded as 'good'", "No force was found to be inadequate"
    _Shape(
        LazyPattern(rf"{_FORCES_COUNTED}(?i:{_GRADED_AS})"),
        ("force",),
        # The number words are tried at every position; what follows them is found fast.
        LazyPattern(rf"[fF](?i:orces?\b{_NAMED}{_GRADED_AS})"),
    ),
    # "one police force, Kent Police, achieved an 'outstanding' grade"
    _Shape(
        LazyPattern(rf"{_FORCES_COUNTED}(?i:{_ACHIEVED})"),
        ("force",),
        LazyPattern(rf"[fF](?i:orces?\b{_NAMED}{_ACHIEVED})"),
    ),
    # "All other forces were judged as 'good'", "the remaining areas were graded adequate": no
    #  number, the rest of what is counted
    _Shape(
        LazyPattern(
            r"(?P<subject>\b(?:(?:all|every)\s+(?:of\s+)?(?:the\s+)?|the\s+)(?:other|remaining)\s+"
            r"(?:police\s+)?(?P<unit>forces?|areas?|questions?))\s+(?:(?:that|which)\s+)?"
            r"(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?"
            r"(?:(?:graded|judged|rated|assessed|found\s+to\s+be)\s+)?(?:as\s+|to\s+be\s+)?"
            rf"{_GRADE}",
            re.IGNORECASE,
        ),
        ("other", "remaining"),
    ),
    # "..., none was 'inadequate'"
    _Shape(
        LazyPattern(
            rf"\b(?P<subject>(?P<n>none))\s+(?:was|were|is|are)\s+(?:(?:graded|judged|rated|"
            rf"found\s+to\s+be)\s+)?(?:as\s+)?{_GRADE}",
            re.IGNORECASE,
        ),
        ("none",),
    ),
)


def _number(words: str) -> int | None:
    key = " ".join(words.lower().replace("-", " ").split())
    if key.isdigit():
        return int(key)
    if key in ("none", "no"):
        return 0
    if key == "a single":
        return 1
    if key in _NUMBER_WORDS:
        return _NUMBER_WORDS[key]
    tens, _, units = key.partition(" ")
    if tens in _TENS:
        return _TENS[tens] + (_NUMBER_WORDS.get(units, 0) if units else 0)
    return None


def _counted(sentence: str, lower: str) -> list[re.Match[str]]:
    """The matches of ``_COUNTS`` in ``sentence`` that count a grade, in order."""
    found: list[tuple[int, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for shape in _COUNTS:
        # every match is found below: a search first would only find the first again
        if not shape.may_match(sentence, lower):
            continue
        for match in shape.pattern.finditer(sentence):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), match))
    found.sort(key=lambda item: item[0])
    # "none was inadequate" gives no grade
    return [match for _, match in found if _rest(match) or _number(match.group("n"))]


def _rest(match: re.Match[str]) -> bool:
    """Whether a count's ``match`` gives a grade to the rest, with no number."""
    return "n" not in match.re.groupindex


def _counts(sentence: str, lower: str, start: int, end: int) -> _Found:
    unit: str | None = None
    counted: _Found = []
    for match in _counted(sentence, lower):
        rest = _rest(match)
        number = None if rest else _number(match.group("n"))
        if match.groupdict().get("unit"):
            unit = match.group("unit").lower().rstrip("s")
        subject = " ".join(match.group("subject").split()).rstrip(", ")
        grade = Grade.from_text(match.group("grade"))
        at = _graded_at(match, start)
        judgement = _prose(
            grade, subject, start, end, explicit=True, at=at, count=number, counted=unit, rest=rest
        )
        counted.append((match, judgement))
    return counted


def _prose(
    grade: Grade,
    subject: str,
    start: int,
    end: int,
    *,
    explicit: bool,
    headline: bool = False,
    at: tuple[int, int] | None = None,
    count: int | None = None,
    counted: str | None = None,
    rest: bool = False,
) -> _Fields:
    """A judgment of ``subject``; ``at`` is where the grade's words are."""
    named = _PILLAR_IN_SUBJECT.search(subject)
    return (
        grade,
        subject,
        Pillar.from_word(named.group(1)) if named else None,
        headline or (_may_be_headline(subject) and _HEADLINE_SUBJECT.search(subject) is not None),
        explicit,
        start,
        end,
        count,
        counted,
        rest,
        at[0] if at else None,
        at[1] if at else None,
    )


def _graded_at(match: re.Match[str], start: int) -> tuple[int, int]:
    return start + match.start("grade"), start + match.end("grade")


def _judgement(match: re.Match[str], start: int, end: int, explicit: bool) -> _Fields:
    subject = " ".join((match.group("subject") or "").split())
    grade = Grade.from_text(match.group("grade"))
    return _prose(grade, subject, start, end, explicit=explicit, at=_graded_at(match, start))
