"""Links between documents of a corpus, each with the evidence for it.

Three rules, all within one force (a document with no force is never linked). Which rules
concern a document follows from its kind's ``Role`` (the record class's ``role``), never from
its tag, so any plugin's kind takes part by declaring one; quoted findings are found by type
(``QuotedFinding``), whatever kind holds them.

- ``answers``: a finding a PCC response quotes → the report finding it answers, among the
  force's reports of the response's cycle (and pillar, when both name one). First an exact
  match of the normalised texts, then a fuzzy one: the Sørensen–Dice similarity of the two
  texts' content words, at least ``FUZZY_THRESHOLD``.
- ``announces`` (a press release) and ``responds_to`` (a PCC response) → the report the
  document is about: the force's report of the same cycle and pillar (``metadata``). When
  the document does not state its cycle, the reports of the cycles its name for the
  inspectorate allows ("HMIC": 2016 or before; "HMICFRS": 2017 on; "His Majesty's": 2021 on)
  whose headline grades do not contradict its own, ranked by how much of their wording they
  share with it; the best is linked only if it shares enough and clearly more than the next
  (``inferred``).
- ``covers`` (a news story) → the report and the press release it covers: the force's
  reports and releases of the same cycle and pillar, found as for ``announces``.
- ``followed_by``: a report's finding → the force's report of the next cycle (same pillar
  when both name one), when that report lists the finding again (``exact`` or ``fuzzy``,
  status ``remains``) or has a sentence about it that says it remains or was addressed
  (``sentence``; the sentence is the evidence). Otherwise there is no link.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, cached_property
from typing import Any

import attrs
from cattrs.preconf.json import JsonConverter, make_converter

from peelparse._ids import AnswerItem, DocumentItems, FindingItem, texts_of
from peelparse._records import Document, Paragraph, Role
from peelparse._scope import force_key
from peelparse._span import Span
from peelparse._text import content_words, sentences
from peelparse._vocab import Grade, Pillar

RELATIONS = ("answers", "announces", "responds_to", "covers", "followed_by")
"""What a link says about its source and target."""
METHODS = ("exact", "fuzzy", "sentence", "metadata", "inferred")
"""How a link was found."""
STATUSES = ("remains", "addressed")
"""For ``followed_by``: what the later report says about the finding."""

FUZZY_THRESHOLD = 0.6
"""Least Sørensen–Dice similarity of two findings' content words for a fuzzy match."""
SENTENCE_THRESHOLD = 0.5
"""Least share of a finding's content words a later report's sentence must have to be about
it."""
SENTENCE_MIN_WORDS = 3
"""Least number of a finding's content words a sentence must have to be about it."""
INFER_THRESHOLD = 0.4
"""Least similarity of two documents' content words for a report to be inferred."""
INFER_MARGIN = 0.05
"""How far the inferred report must lead the next candidate."""

ABOUT: dict[Role, tuple[str, tuple[Role, ...]]] = {
    Role.ANNOUNCEMENT: ("announces", (Role.REPORT,)),
    Role.RESPONSE: ("responds_to", (Role.REPORT,)),
    Role.COVERAGE: ("covers", (Role.REPORT, Role.ANNOUNCEMENT)),
}
"""Roles whose documents are linked to what they are about: the relation, and the roles of
the documents they may be linked to."""

WORD_PREFIX = 5
"""Words are compared by their first characters, so that "complies" meets "complying"."""
_COMMON = frozenset(
    w[:WORD_PREFIX]
    for w in "should ensure improve make sure all any has have can will also more into so "
    "they there them not".split()
)
"""Words nearly every finding uses ("The force should ensure ..."): no evidence of a topic."""


@attrs.frozen(kw_only=True)
class Link:
    """A link between two documents of a corpus, or items in them, with its evidence."""

    source_id: str
    """The ID of what links: a quoted finding, a press release, a news story, a report's
    finding."""
    target_id: str
    """The ID of what it links to: a report's finding, a report or (from a news story) a
    press release."""
    relation: str = attrs.field(validator=attrs.validators.in_(RELATIONS))
    """"answers", "announces", "responds_to", "covers" or "followed_by"."""
    method: str = attrs.field(validator=attrs.validators.in_(METHODS))
    """"exact" (equal after normalisation), "fuzzy" (similar content words), "sentence" (a
    sentence of the later report), "metadata" (same force, cycle and pillar) or "inferred"
    (same force; cycle or pillar inferred from the text)."""
    score: float
    """1.0 for exact and metadata links; else the similarity that decided (0 to 1)."""
    source_span: Span | None
    """Where the evidence is in the source document."""
    target_span: Span | None
    """Where the evidence is in the target document."""
    status: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(STATUSES))
    )
    """For ``followed_by``: "remains" or "addressed", as the later report says."""
    evidence: str
    """Why, in words: the rule that matched and, for a sentence, the sentence."""

    @property
    def source_document(self) -> str:
        """The ID of the source's document."""
        return self.source_id.partition("#")[0]

    @property
    def target_document(self) -> str:
        """The ID of the target's document."""
        return self.target_id.partition("#")[0]

    def to_dict(self) -> dict[str, Any]:
        """The link as JSON-ready data."""
        data: dict[str, Any] = _converter().unstructure(self)
        return data

    def to_json(self) -> str:
        """The link as one line of JSON."""
        return _converter().dumps(self, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> Link:
        """A link back from ``to_json``."""
        return _converter().loads(text, cls)


@cache
def _converter() -> JsonConverter:
    # Made on first use, so that importing peelparse stays quick.
    return make_converter(forbid_extra_keys=True)


_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Lower case, punctuation (quotes, dashes, full stops) dropped, words separated by one
    space: two texts are an exact match when these are equal."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def words(text: str) -> frozenset[str]:
    """The content words of ``text`` (``peelparse.text.content_words``), each cut to its
    first ``WORD_PREFIX`` characters, without words every finding uses."""
    return frozenset(w[:WORD_PREFIX] for w in content_words(text)) - _COMMON


def dice(first: frozenset[str], second: frozenset[str]) -> float:
    """Sørensen–Dice similarity of two word sets: 2|A∩B| / (|A|+|B|), 0 when both are empty."""
    if not first and not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


# The inspectorate's name dates a text: HMIC until July 2017 (PEEL 2016 was the last cycle
# published under it), HMICFRS after, and "His Majesty's" from September 2022 (PEEL 2021/22).
_HIS_MAJESTY = re.compile(r"\bHis Majesty(?:['’]s)?\s+Inspectorate", re.IGNORECASE)
_HMICFRS = re.compile(r"\bHMICFRS\b|\bFire\s+(?:&|and)\s+Rescue\s+Services\b", re.IGNORECASE)
_HMIC = re.compile(r"\bHMIC\b|\bHer Majesty['’]s Inspectorate of Constabulary\b")


def era(text: str) -> tuple[int | None, int | None]:
    """The first and last PEEL cycle (first years) a text's name for the inspectorate allows;
    ``None`` where it sets no bound."""
    if _HIS_MAJESTY.search(text):
        return 2021, None
    if _HMICFRS.search(text):
        return 2017, None
    if _HMIC.search(text):
        return None, 2016
    return None, None


_ADDRESSED = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|since\s+|successfully\s+|also\s+)?(?:addressed|resolved|"
    r"improved|implemented|introduced|established|completed|put\s+in\s+place|developed|"
    r"made\s+(?:good|significant|considerable|substantial|excellent)\s+progress\s+(?:in|on|with)|"
    r"worked\s+hard\s+to)\b"
    r"|\bhaving\s+worked\s+hard\s+to\b|\bhas\s+been\s+(?:addressed|resolved)\b"
    r"|\bnow\s+(?:complies|meets|has|uses|operates|manages)\b|\bno\s+longer\b",
    re.IGNORECASE,
)
"""Words that say a finding was dealt with."""
_REMAINS = re.compile(
    r"\b(?:not|no(?!\s+longer)|still|remains?|remained|yet\s+to|needs?\s+to|should|must|"
    r"lacks?|limited|insufficient|inconsistent(?:ly)?|fails?|unable|towards|more\s+to\s+do)\b"
    r"|n['’]t\b",
    re.IGNORECASE,
)
"""Words that say it was not, or not yet, or not fully: they win over ``_ADDRESSED``."""


_SAYS = {"remains": "remains", "addressed": "was addressed"}
"""How evidence words each status."""


def status_of(sentence: str) -> str | None:
    """The status ``sentence`` gives a finding: "remains", "addressed" or ``None``."""
    if _REMAINS.search(sentence):
        return "remains"
    if _ADDRESSED.search(sentence):
        return "addressed"
    return None


@attrs.frozen
class _Sentence:
    """A sentence of a report's prose."""

    text: str
    """The sentence."""
    span: Span
    """Where it is: exactly, or its paragraph's span when the paragraph was joined from
    several lines (offsets in it no longer match the source)."""
    words: frozenset[str]
    """Its content words."""


class DocumentView:
    """A document of a corpus as the linking rules see it: ID, items, words, era."""

    def __init__(self, document_id: str, document: Document, items: DocumentItems) -> None:
        self.id = document_id
        self.document = document
        self.items = items

    @cached_property
    def words(self) -> frozenset[str]:
        """Content words of all its text."""
        return words(" ".join(texts_of(self.document)))

    @cached_property
    def era(self) -> tuple[int | None, int | None]:
        """The cycles its name for the inspectorate allows."""
        return era(" ".join(texts_of(self.document)))

    @cached_property
    def finding_words(self) -> tuple[tuple[FindingItem, frozenset[str], frozenset[str]], ...]:
        """Each finding with its normalised forms (text alone, and with its sub-items) and
        its content words."""
        return tuple(
            (
                item,
                frozenset({normalise(item.finding.text), normalise(item.full_text)}),
                words(item.full_text),
            )
            for item in self.items.findings
        )

    @cached_property
    def sentences(self) -> tuple[_Sentence, ...]:
        """The sentences of its prose."""
        return tuple(s for paragraph in self.items.prose for s in _sentences_of(paragraph))

    @cached_property
    def headline_grades(self) -> dict[Pillar | None, Grade]:
        """Grades of its headline judgments, by pillar."""
        return {j.pillar: j.grade for j in self.document.judgements if j.headline}


def _sentences_of(paragraph: Paragraph) -> Iterator[_Sentence]:
    span = paragraph.span
    exact = span.end - span.start == len(paragraph.text) and span.line == span.end_line
    for start, end in sentences(paragraph.text):
        text = paragraph.text[start:end]
        where = Span(span.start + start, span.start + end, span.line, span.line) if exact else span
        yield _Sentence(text, where, words(text))


def link_corpus(views: Sequence[DocumentView]) -> list[Link]:
    """Every link between ``views``, sorted by source, relation and target."""
    by_role: dict[tuple[Role, str], list[DocumentView]] = defaultdict(list)
    for view in views:
        role = view.document.role
        if view.document.force is not None and role is not None:
            by_role[(role, view.document.force.slug)].append(view)
    links: list[Link] = []
    for view in views:
        force = view.document.force
        if force is None:
            continue
        role = view.document.role
        same_force = by_role.get((Role.REPORT, force.slug), [])
        if role in ABOUT:
            relation, targets = ABOUT[role]
            found = [t for r in targets for t in by_role.get((r, force.slug), [])]
            links += _about(view, found, relation)
        if view.items.answers:
            links += _answers(view, same_force)
        if role is Role.REPORT and view.items.findings:
            links += _followed(view, same_force)
    return sorted(links, key=lambda link: (link.source_id, link.relation, link.target_id))


def _pillars_agree(first: Document, second: Document) -> bool:
    return first.pillar is None or second.pillar is None or first.pillar == second.pillar


# -- the report a document is about -----------------------------------------------------------


def _about(view: DocumentView, reports: Sequence[DocumentView], relation: str) -> list[Link]:
    document = view.document
    candidates = list(reports)
    notes: list[str] = []
    if document.year is not None:
        candidates = [r for r in candidates if r.document.year == document.year]
    else:
        low, high = view.era
        candidates = [
            r
            for r in candidates
            if r.document.year is not None
            and (low is None or r.document.year >= low)
            and (high is None or r.document.year <= high)
            and not _grades_disagree(view, r)
        ]
        if low is not None or high is not None:
            notes.append(f"the text's name for the inspectorate allows {_cycles(low, high)}")
    if document.pillar is not None:
        same = [r for r in candidates if r.document.pillar == document.pillar]
        candidates = same or [r for r in candidates if r.document.pillar is None]
    groups: dict[tuple[int | None, Pillar | None], list[DocumentView]] = defaultdict(list)
    for report in candidates:
        groups[(report.document.year, report.document.pillar)].append(report)
    if not groups:
        return []
    stated = ["force"]
    stated += ["year"] if document.year is not None else []
    stated += ["pillar"] if document.pillar is not None else []
    if document.year is not None and len(groups) == 1:
        ((key, chosen),) = groups.items()
        method, score = "metadata", 1.0
        evidence = f"same {_and(stated)} ({_describe(document)})"
    else:
        ranked = sorted(
            ((max(dice(view.words, r.words) for r in group), key) for key, group in groups.items()),
            key=lambda row: row[0],
            reverse=True,
        )
        score, key = ranked[0]
        runner = ranked[1][0] if len(ranked) > 1 else 0.0
        if score < INFER_THRESHOLD or score - runner < INFER_MARGIN:
            return []
        chosen = groups[key]
        method = "inferred"
        inferred = [name for name in ("year", "pillar") if name not in stated]
        notes.append(f"content agreement {score:.2f}")
        if len(ranked) > 1:
            notes.append(f"next candidate {runner:.2f}")
        evidence = (
            f"same {_and(stated)}; {_and(inferred)} inferred "
            f"({_describe(chosen[0].document)}): {'; '.join(notes)}"
        )
    return [
        Link(
            source_id=view.id,
            target_id=report.id,
            relation=relation,
            method=method,
            score=round(score, 4),
            source_span=document.title_span,
            target_span=report.document.title_span,
            evidence=evidence,
        )
        for report in chosen
    ]


def _grades_disagree(view: DocumentView, report: DocumentView) -> bool:
    theirs = report.headline_grades
    return any(p in theirs and theirs[p] != grade for p, grade in view.headline_grades.items())


def _cycles(low: int | None, high: int | None) -> str:
    if low is None:
        return f"{high} or before"
    return f"{low} on" if high is None else f"{low} to {high}"


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _describe(document: Document) -> str:
    parts = [force_key(document)]
    parts.append(str(document.year) if document.year is not None else "undated")
    if document.pillar is not None:
        parts.append(str(document.pillar))
    return ", ".join(parts)


# -- a quoted finding and the report finding it answers ---------------------------------------


@attrs.frozen
class _Match:
    """A report's finding that a text matches."""

    item: FindingItem
    """The report's finding."""
    method: str
    """"exact" or "fuzzy"."""
    score: float
    """1.0, or the Dice similarity."""


def best_match(text: str, report: DocumentView) -> _Match | None:
    """The finding of ``report`` that ``text`` matches best: exactly, else fuzzily."""
    target = normalise(text)
    found = words(text)
    best: _Match | None = None
    for item, normal, item_words in report.finding_words:
        if target in normal:
            return _Match(item, "exact", 1.0)
        score = dice(found, item_words)
        if score >= FUZZY_THRESHOLD and (best is None or score > best.score):
            best = _Match(item, "fuzzy", score)
    return best


def _answers(view: DocumentView, reports: Sequence[DocumentView]) -> list[Link]:
    document = view.document
    candidates = [
        r
        for r in reports
        if (document.year is None or r.document.year == document.year)
        and _pillars_agree(document, r.document)
    ]
    links: list[Link] = []
    for answer in view.items.answers:
        matches = [(r, m) for r in candidates if (m := best_match(answer.text, r)) is not None]
        if not matches:
            continue
        top = max(m.score for _, m in matches)
        chosen = [(r, m) for r, m in matches if m.score == top]
        if document.year is None and len({r.document.year for r, _ in chosen}) > 1:
            continue  # the same wording in two cycles, and nothing says which one is meant
        links += [_answer_link(answer, m) for _, m in chosen]
    return links


def _answer_link(answer: AnswerItem, match: _Match) -> Link:
    evidence = (
        "the texts are equal after normalisation"
        if match.method == "exact"
        else f"Sørensen–Dice similarity of content words {match.score:.2f}"
    )
    return Link(
        source_id=answer.id,
        target_id=match.item.id,
        relation="answers",
        method=match.method,
        score=round(match.score, 4),
        source_span=answer.text_span,
        target_span=match.item.finding.span,
        evidence=evidence,
    )


# -- a finding and the next cycle's report ----------------------------------------------------


def _followed(view: DocumentView, reports: Sequence[DocumentView]) -> list[Link]:
    year = view.document.year
    if year is None:
        return []
    later = [
        r
        for r in reports
        if r.document.year is not None
        and r.document.year > year
        and _pillars_agree(view.document, r.document)
    ]
    if not later:
        return []
    next_year = min(r.document.year for r in later if r.document.year is not None)
    following = [r for r in later if r.document.year == next_year]
    links: list[Link] = []
    for item in view.items.findings:
        for report in following:
            link = _repeated(item, report) or _sentence(item, report)
            if link is not None:
                links.append(link)
    return links


def _repeated(item: FindingItem, report: DocumentView) -> Link | None:
    match = best_match(item.full_text, report)
    if match is None:
        return None
    how = (
        "equal after normalisation"
        if match.method == "exact"
        else f"Sørensen–Dice similarity of content words {match.score:.2f}"
    )
    return Link(
        source_id=item.id,
        target_id=match.item.id,
        relation="followed_by",
        method=match.method,
        score=round(match.score, 4),
        source_span=item.finding.span,
        target_span=match.item.finding.span,
        status="remains",
        evidence=f"the next cycle's report lists it again ({how})",
    )


def _sentence(item: FindingItem, report: DocumentView) -> Link | None:
    wanted = words(item.full_text)
    if len(wanted) < SENTENCE_MIN_WORDS:
        return None
    scored: list[tuple[float, int, _Sentence]] = []
    for place, sentence in enumerate(report.sentences):
        shared = len(wanted & sentence.words)
        share = shared / len(wanted)
        if shared >= SENTENCE_MIN_WORDS and share >= SENTENCE_THRESHOLD:
            scored.append((share, place, sentence))
    scored.sort(key=lambda row: (-row[0], row[1]))
    for share, _, sentence in scored:
        status = status_of(sentence.text)
        if status is None:
            continue
        return Link(
            source_id=item.id,
            target_id=report.id,
            relation="followed_by",
            method="sentence",
            score=round(share, 4),
            source_span=item.finding.span,
            target_span=sentence.span,
            status=status,
            evidence=(
                f"the next cycle's report says it {_SAYS[status]} "
                f"(a sentence with {share:.2f} of its content words): “{sentence.text}”"
            ),
        )
    return None


def views_of(entries: Iterable[tuple[str, Document, DocumentItems]]) -> list[DocumentView]:
    """A view per ``(id, document, items)``."""
    return [DocumentView(i, d, items) for i, d, items in entries]
