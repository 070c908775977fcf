"""Graded judgments stated in prose: "The force is judged to be good at ...".

Reports, press releases and letters all state grades in sentences; this module finds them
once for every plugin. It looks for the few sentence shapes the inspectorate uses, never
for one document's wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from peelparse._text import sentences
from peelparse._vocab import GRADE_PATTERN, Grade, Pillar

_Q = r"['‘’\"“”]?"
_GRADE = rf"{_Q}(?P<grade>{GRADE_PATTERN}){_Q}"
_WHO = (
    r"(?:the\s+force|the\s+constabulary|it|[A-Z][\w&'’ -]{2,45}?\s+"
    r"(?:Police(?:\s+Service)?|Constabulary))"
)

# Where a judged subject ends: the sentence's end, a clause break, or the next judgment
# ("... lawfully and outstanding at treating ...").
_END = (
    rf"\s*(?=[.;]|$|,\s|\s+(?:and|but|while)\s+(?:it\s+(?:is|was)\s+)?(?:also\s+)?"
    rf"{_Q}{GRADE_PATTERN}{_Q}\s+(?:at|in|for)\b)"
)

_SHAPES = (
    # "The extent to which the force is effective at keeping people safe and reducing crime
    #  requires improvement / is good / is: good / : not yet graded."
    re.compile(
        rf"(?P<subject>the\s+extent\s+to\s+which\s+{_WHO}\s+is\s+"
        rf"(?:effective|efficient|legitimate)\s+at\s+[^.:;]*?)\s*(?:\bis\b\s*:?|:)?\s*{_GRADE}"
        r"\s*(?:\.|$)",
        re.IGNORECASE,
    ),
    # "X is judged to be good at ...", "has been assessed as requires improvement in respect
    #  of ...", "was graded as 'outstanding' for ...", "is rated good at ..."
    re.compile(
        rf"\b(?:is|was|are|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:judged|assessed|"
        rf"graded|rated)(?:\s+(?:to\s+be|as))?\s+{_GRADE}"
        rf"(?:\s+(?:in\s+respect\s+of|at|in|for|on)\s+(?P<subject>[^.;]+?))?{_END}",
        re.IGNORECASE,
    ),
    # "In 2017, we judged Avon and Somerset Constabulary to be good at treating ..."
    re.compile(
        rf"\b(?:judged|assessed|graded|rated)\s+{_WHO}\s+(?:to\s+be|as)\s+{_GRADE}"
        rf"(?:\s+(?:in\s+respect\s+of|at|in|for|on)\s+(?P<subject>[^.;]+?))?{_END}",
        re.IGNORECASE,
    ),
    # "The constabulary is good at treating the public fairly." (sentence about the force)
    re.compile(
        rf"^{_WHO}\s+(?:is|was)\s+(?:also\s+)?{_GRADE}\s+(?:at|in)\s+(?P<subject>[^.;]+?)"
        rf"{_END}",
        re.IGNORECASE,
    ),
)
_IMPLICIT = len(_SHAPES) - 1
"""Shapes from this index on do not say a grade was given."""

# "..., and good at treating its workforce ..." continuing a judgment in the same sentence.
_MORE = re.compile(
    rf"(?:,\s*|\s)(?:and|but|while)\s+(?:it\s+)?(?:is\s+|was\s+)?(?:also\s+)?{_GRADE}\s+"
    rf"(?:at|in|for)\s+(?P<subject>[^.;]+?){_END}",
    re.IGNORECASE,
)

_HEADLINE_SUBJECT = re.compile(
    r"keep(?:s|ing)?\s+people\s+safe|reduc(?:e|es|ing)\s+crime|treats?\s+the\s+public\s+and"
    r"|operates?\s+and\s+how\s+sustainabl",
    re.IGNORECASE,
)
_PILLAR_IN_SUBJECT = re.compile(r"\b(legitima\w*|effective\w*|efficien\w*)", re.IGNORECASE)


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


def judgements_in(paragraph: str) -> Iterator[ProseJudgement]:
    """Every graded judgment stated in ``paragraph``, in order."""
    for start, end in sentences(paragraph):
        sentence = paragraph[start:end]
        if not _MAY_JUDGE.search(sentence):
            continue
        for number, shape in enumerate(_SHAPES):
            match = shape.search(sentence)
            if match is None:
                continue
            explicit = number < _IMPLICIT
            yield _judgement(match, start, end, explicit)
            for more in _MORE.finditer(sentence, match.end("grade")):
                yield _judgement(more, start, end, explicit)
            break


_MAY_JUDGE = re.compile(GRADE_PATTERN, re.IGNORECASE)


def _judgement(match: re.Match[str], start: int, end: int, explicit: bool) -> ProseJudgement:
    subject = " ".join((match.group("subject") or "").split())
    named = _PILLAR_IN_SUBJECT.search(subject)
    return ProseJudgement(
        grade=Grade.from_text(match.group("grade")),
        subject=subject,
        pillar=Pillar.from_word(named.group(1)) if named else None,
        headline=bool(_HEADLINE_SUBJECT.search(subject)),
        start=start,
        end=end,
        explicit=explicit,
    )
