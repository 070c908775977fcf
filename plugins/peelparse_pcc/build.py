"""Assembling a ``PCCResponse`` from what the grammar found."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Sequence

from peelparse import (
    Diagnostic,
    Force,
    Heading,
    Judgement,
    Paragraph,
    Pillar,
    Quote,
    Severity,
    SourceText,
    Span,
)
from peelparse.grammar import GrammarRun, fallback_document
from peelparse.text import (
    Cycle,
    LazyPattern,
    actor_in,
    area_grade,
    find_cycle,
    find_force,
    find_pillar,
    force_by_slug,
    heading_date,
    iso_date,
    judgements_in,
    may_name_grade,
    may_pair_area,
    published_date,
    quotes_in,
    statement_by,
    strip_marks,
)
from peelparse_pcc.patterns import (
    COMMISSIONER_ROLE,
    COMMISSIONER_WORDS,
    FORCE_RANK,
    FUZZY,
    KNOWN_ADDRESSES,
    KNOWN_VALEDICTIONS,
    ROLE_ACTS,
    ROLE_ACTS_VERBS,
    ROLE_WORDS,
    SALUTATION,
    SENT_TO,
    VALEDICTION,
    WRITTEN_TO,
    is_valediction,
    person,
    piece,
    sub_span,
)
from peelparse_pcc.records import Party, PCCResponse
from peelparse_pcc.transformer import Block, Field, Layout

GUESS = "PP230"
"""Diagnostic code: a part of the letter was recognised by its place, not its words."""

_PILLAR_NAMED_WRITTEN = (
    r"\b(Effectiveness|Efficiency|Legitimacy)\s+(?:Report|Inspection)\b"
    r"|\bPEEL\b[^\n.]{0,40}?\((Effectiveness|Efficiency|Legitimacy)\)"
    r"|\bhow\s+(effective|efficient|legitimate)(?:ly)?\s+(?:the\s+(?:force|constabulary)|"
    r"[A-Z][\w ]{2,40}?\s+(?:Police|Constabulary))\s+(?:is|was)\b"
)
_PILLAR_NAMED = re.compile(rf"(?![^ELPh])(?:{_PILLAR_NAMED_WRITTEN})")
"""A pillar as a response names it when the core's reading finds none: a report's title
("latest Effectiveness Report"), a parenthesis ("PEEL Assessment (Legitimacy)") or the
headline question put indirectly ("how effective the force is at ..."). Every match opens
with the letter its alternative opens with; testing it first (as ``_capital_first`` in
``patterns`` does) lets the engine pass over the other positions at once."""


def may_name_pillar(text: str) -> bool:
    """Whether ``_PILLAR_NAMED`` may match in ``text``: a test far cheaper than searching.
    The expression's pillar words ("Effectiveness", "effective(ly)", "Efficiency",
    "efficient(ly)", "Legitimacy", "legitimate(ly)", case as written) each hold a stem."""
    return "ffective" in text or "fficien" in text or "egitima" in text


_POLICING_BODIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?<!Scottish )\bPolice\s+Authority\s+Board\b"),
        "city-of-london",
    ),
    (re.compile(r"\bMayor['’]s\s+Office\s+for\s+Policing\s+and\s+Crime\b"), "metropolitan"),
)
"""Local policing bodies not named after their force: since 2012 the City of London Police
Authority Board is the only police authority left in England and Wales."""
_PILLAR_WORDS = re.compile(r"\b(effectiveness|efficiency|legitimacy)\b")
_PEEL = re.compile(r"\bPEEL\b|\b(?:effectiveness|efficiency|legitimacy)\b", re.IGNORECASE)
"""What makes a subject a PEEL report's title rather than a thematic report's."""
# A cycle the core's reading misses, in one of two shapes; the earlier in the text counts.
_CYCLE_BEFORE_PEEL = re.compile(
    r"(20(?<![\d/–-]20)[12]\d)(\s*[/–—-]\s*)(20[12]\d|\d\d)\b"
    r"(?=\s+(?:Police\s+)?Effectiveness,?\s+Efficiency)",
    re.IGNORECASE,
)
"""Before PEEL written out: "2021-22 Police Effectiveness Efficiency and Legitimacy". What
comes before the year is tested after its "20", so the engine looks for "20" alone."""
_CYCLE_AFTER_PEEL = re.compile(
    r"\bPEEL\b[^\n.?!]{0,160}?\bfor\s+(20[12]\d)(\s*[/–—-]\s*)(20[12]\d|\d\d)\b",
    re.IGNORECASE,
)
"""Far after PEEL: "PEEL (...) assessment of X for 2023-25"."""
_FOR_A_CYCLE = re.compile(r"for\s+20[12]\d")


def may_name_cycle_after_peel(lower: str) -> bool:
    """Whether ``_CYCLE_AFTER_PEEL`` may match a text whose lower case is ``lower``: a test far
    cheaper than the search, which tries up to 160 characters after every "PEEL". No letter
    but those of "peel" and "for" themselves matches them when case is ignored, and white
    space and digits lower-case to themselves, so ``lower`` holds both parts of a match."""
    return "peel" in lower and _FOR_A_CYCLE.search(lower) is not None


def build_response(parsed: Layout | None, run: GrammarRun) -> PCCResponse:
    if parsed is None:
        return fallback_document(PCCResponse, run)
    source = run.source
    head = source.head
    fields = parsed.fields
    subject = fields.get("subject")
    title_text, title_span = _written(parsed.title or _as_title(subject))
    subject_text, subject_span = _written(_value(subject))
    cycle, pillar = _about(subject_text, title_text, head)
    date_text, date_span = _date(fields.get("date"), source)
    reference, reference_span = _written(_value(fields.get("reference")))
    their_reference, their_reference_span = _written(_value(fields.get("addressee_reference")))
    salutation, salutation_span = _written(parsed.salutation)
    closing, closing_span = _written(parsed.closing)

    # The prose, the answers to findings among it, in the order of the text.
    texts = sorted(
        [*parsed.paragraphs, *(r for f in parsed.findings for r in f.response)],
        key=lambda p: p.span.start,
    )
    quotes = quotes_in(source, texts)
    sender = _party(parsed.signature, source.text) or _attributed(texts, source.text, quotes)
    return PCCResponse(
        title=title_text,
        title_span=title_span,
        force=_force(head, title_text or subject_text),
        year=cycle.year if cycle else None,
        period=cycle.period if cycle else None,
        pillar=pillar,
        judgements=_judged((*texts, *parsed.highlights, *parsed.bullets), source.text, pillar),
        diagnostics=(*run.diagnostics, *_guesses(parsed)),
        unclassified=tuple(run.unclassified),
        letterhead=tuple(parsed.letterhead),
        reference=reference,
        reference_span=reference_span,
        addressee_reference=their_reference,
        addressee_reference_span=their_reference_span,
        date=iso_date(date_text) if date_text else None,
        date_text=date_text,
        date_text_span=date_span,
        addressee=_addressee(parsed, texts, source.text),
        sender=sender,
        subject=subject_text,
        subject_span=subject_span,
        salutation=salutation,
        salutation_span=salutation_span,
        headings=tuple(parsed.headings),
        paragraphs=tuple(parsed.paragraphs),
        bullets=tuple(parsed.bullets),
        recommendations=tuple(parsed.findings),
        quotes=quotes,
        highlights=tuple(parsed.highlights),
        closing=closing,
        closing_span=closing_span,
        span=source.span(0, len(source.text)),
    )


def _addressee(parsed: Layout, texts: Sequence[Paragraph], text: str) -> Party | None:
    """Whom the response is written to: its address block, its salutation, or its opening
    paragraphs or headings that say so."""
    opening = texts[:_OPENING]
    return (
        _party(parsed.address, text)
        or _saluted(parsed.salutation, text)
        or _written_to(opening, text)
        or _sent_to([*parsed.headings, *opening], text)
    )


def _value(field: Field | None) -> Block | None:
    """A field's value, or nothing when the field has none."""
    return field.value if field is not None else None


def _written(block: Block | None) -> tuple[str | None, Span | None]:
    """A block's text and where it is, or nothing."""
    return (block.text, block.span) if block is not None else (None, None)


def _date(field: Field | None, source: SourceText) -> tuple[str | None, Span | None]:
    """The date as written: a letter's date field, else the date a statement or news item
    gives itself in a label or after its heading."""
    text, span = _written(_value(field))
    if text is None:
        own = published_date(source.text, own=True) or heading_date(source.text)
        if own is not None:
            text, span = source.text[own.start : own.end], source.span(own.start, own.end)
    return text, span


def _guesses(parsed: Layout) -> list[Diagnostic]:
    """What was recognised by its place rather than its words: the close, the salutation."""
    found = (_closing_guess(parsed.closing), _salutation_guess(parsed.salutation))
    return [guess for guess in found if guess is not None]


def _as_title(subject: Field | None) -> Block | None:
    """A subject line ("Re: ...", or a title under the salutation) as the title, when there
    is no other; a label with the report's title under it is not one."""
    if subject is None or subject.line.span.line != subject.line.span.end_line:
        return None
    return subject.line


def _force(head: str, title: str | None) -> Force | None:
    """The force the response speaks for: the one its title names, else its policing body's,
    else the first the text names; a response speaks for one force even on a national
    report, whose title names none."""
    return find_force(head, title) or _policing_body(head) or find_force(head)


_OPENING = 2
"""How many paragraphs open a response: where it says whom it is written to."""


# -- who the response is from and to -------------------------------------------------------


_Found = tuple[str, Span]
"""Words of the text as written, marks removed, and where they are."""


def _party(lines: Sequence[Block], text: str) -> Party | None:
    """A party from an address or signature block: the first line that starts with a
    person's name, and the first role, on a line of its own or after the name and a comma
    ("Rt Hon Amber Rudd MP, Home Secretary")."""
    if not lines:
        return None
    name: _Found | None = None
    role: _Found | None = None
    for line in lines:
        raw = line.span.slice(text)
        content = strip_marks(raw)
        at = raw.find(content)
        first, comma, rest = content.partition(", ")
        named = person(first)
        if name is None and named is not None and not ROLE_WORDS.search(first):
            name = piece(line.span, raw, at + named.start("name"), at + named.end("name"))
            if role is None and rest and ROLE_WORDS.search(rest):
                start = at + len(first) + len(comma)
                role = piece(line.span, raw, start, start + len(rest))
        elif role is None and ROLE_WORDS.search(content):
            role = piece(line.span, raw, at, at + len(content))
    written = tuple(line.paragraph() for line in lines)
    return _named(name, role, Span.cover(line.span for line in lines), written)


def _named(
    name: _Found | None, role: _Found | None, span: Span, lines: tuple[Paragraph, ...] = ()
) -> Party:
    """A party by the person's name, the role, or both."""
    return Party(
        name=name[0] if name else None,
        name_span=name[1] if name else None,
        role=role[0] if role else None,
        role_span=role[1] if role else None,
        lines=lines,
        span=span,
    )


def _addressed_as(role: _Found) -> Party:
    """An addressee named by the role alone ("Home Secretary"), which is whom the text names."""
    return Party(role=role[0], role_span=role[1], span=role[1], text=role[0], text_span=role[1])


def _attributed(
    paragraphs: Sequence[Paragraph], text: str, quotes: Sequence[Quote]
) -> Party | None:
    """The commissioner a statement names: a person the prose says spoke or acted with a
    commissioner's role ("The Police and Crime Commissioner for X, Jane Doe, today
    welcomed"), else the first quoted speaker who may be the commissioner, else the role
    alone. A speaker named without a role takes the role a sentence of its own gives ("The
    Police and Crime Commissioner for X has welcomed ..." and later "David Lloyd said:")."""
    raws = [(p.span, p.span.slice(text)) for p in paragraphs]
    found: tuple[_Found | None, _Found | None] | None = _acting(raws)
    if found is None:
        quoted = next((q for q in quotes if _commissioner_may_say(q)), None)
        if quoted is not None and quoted.speaker and quoted.speaker_span:
            role = (quoted.role, quoted.role_span) if quoted.role and quoted.role_span else None
            found = (quoted.speaker, quoted.speaker_span), role or _role_acting(raws)
    if found is None:
        role = _role_acting(raws)
        if role is None:
            return None
        found = None, role
    name, role = found
    return _named(name, role, Span.cover(item[1] for item in (name, role) if item is not None))


def _acting(paragraphs: Sequence[tuple[Span, str]]) -> tuple[_Found, _Found | None] | None:
    """The first person a statement's lead-in names, or the prose says spoke or acted in a
    commissioner's role."""
    for span, raw in paragraphs:
        lead_in = statement_by(raw)
        if lead_in is not None and lead_in.speaker is not None:
            role = piece(span, raw, *lead_in.role) if lead_in.role else None
            return piece(span, raw, *lead_in.speaker), role
        if not any(word in raw for word in COMMISSIONER_WORDS):
            continue
        who = actor_in(raw, 0, len(raw))
        if who is None or who.speaker is None or who.role is None:
            continue
        if COMMISSIONER_ROLE.search(raw[slice(*who.role)]) is None:
            continue
        return piece(span, raw, *who.speaker), piece(span, raw, *who.role)
    return None


def _commissioner_may_say(quote: Quote) -> bool:
    """Whether a quote's speaker may be the commissioner: named, with no rank of a force
    or of the inspectorate."""
    return (
        quote.speaker is not None
        and quote.speaker_span is not None
        and not (quote.role and FORCE_RANK.search(quote.role))
    )


def _role_acting(paragraphs: Sequence[tuple[Span, str]]) -> _Found | None:
    """The commissioner's role the first sentence naming the commissioner by role alone
    gives (``ROLE_ACTS``), in ``paragraphs`` (each paragraph's span and its raw text)."""
    for span, raw in paragraphs:
        if not any(word in raw for word in COMMISSIONER_WORDS):
            continue
        if not any(verb in raw for verb in ROLE_ACTS_VERBS):
            continue
        match = ROLE_ACTS.search(raw)
        if match is not None:
            return piece(span, raw, *match.span("role"))
    return None


def _saluted(salutation: Block | None, text: str) -> Party | None:
    """The addressee's role from a salutation such as "Dear Home Secretary," when the
    letter has no address block."""
    if salutation is None:
        return None
    match = SALUTATION.fullmatch(salutation.text)
    if match is None or match.group("word").lower() != "dear":
        return None
    to = match.group("to")
    if to not in KNOWN_ADDRESSES or not ROLE_WORDS.search(to):
        return None
    raw = salutation.span.slice(text)
    start = raw.index(to, raw.index(match.group("word")) + len(match.group("word")))
    return _addressed_as(piece(salutation.span, raw, start, start + len(to)))


def _written_to(paragraphs: Sequence[Paragraph], text: str) -> Party | None:
    """The addressee an opening paragraph names ("I am writing to the Home Secretary"),
    for a response with no address block or salutation."""
    to = _first_to(paragraphs, text, "writ", WRITTEN_TO)
    if to is None:
        return None
    return _named(to, None, to[1]) if person(to[0]) is not None else _addressed_as(to)


def _sent_to(paragraphs: Sequence[Paragraph | Heading], text: str) -> Party | None:
    """The addressee a paragraph or a form's label line names by the addresses a response
    is sent to, as written."""
    to = _first_to(paragraphs, text, "@", SENT_TO)
    return Party(span=to[1], text=to[0], text_span=to[1]) if to is not None else None


def _first_to(
    paragraphs: Sequence[Paragraph | Heading], text: str, word: str, pattern: LazyPattern
) -> _Found | None:
    """Whom the first of ``paragraphs`` that ``pattern`` matches (its group ``to``) says the
    response goes to; a paragraph without ``word`` (case as written) is not searched."""
    for paragraph in paragraphs:
        raw = paragraph.span.slice(text)
        if word in raw:
            match = pattern.search(raw)
            if match is not None:
                return piece(paragraph.span, raw, *match.span("to"))
    return None


# -- what was guessed -----------------------------------------------------------------------


def _closing_guess(closing: Block | None) -> Diagnostic | None:
    """A close not in its usual words: misread, or known only by its place."""
    if closing is None or VALEDICTION.fullmatch(closing.text):
        return None
    near = difflib.get_close_matches(closing.text, KNOWN_VALEDICTIONS, n=1, cutoff=FUZZY)
    if near and is_valediction(closing.text):
        why = f"its words look like a misreading of {near[0]!r}"
    else:
        why = "by its place between the last paragraph and the signature"
    return _guessed(closing, f"the complimentary close {why}")


def _salutation_guess(salutation: Block | None) -> Diagnostic | None:
    """A salutation whose "Dear" or form of address looks misread."""
    if salutation is None:
        return None
    match = SALUTATION.fullmatch(salutation.text)
    if match is None:
        return None
    word, to = match.group("word"), match.group("to")
    if word.lower() != "dear":
        why = f" by its place before the body; {word!r} looks like a misreading of 'Dear'"
    elif to in KNOWN_ADDRESSES:
        # A form of address as written is its own closest match (only equal strings are
        # alike in full), so no misreading is reported.
        return None
    else:
        near = difflib.get_close_matches(to, KNOWN_ADDRESSES, n=1, cutoff=FUZZY)
        if not near or near[0] == to:
            return None
        why = f"; {to!r} looks like a misreading of {near[0]!r}"
    return _guessed(salutation, f"the salutation{why}")


def _guessed(block: Block, what: str) -> Diagnostic:
    """That ``block`` was taken for ``what``, and why, and is kept as written."""
    return Diagnostic(
        GUESS, Severity.INFO, f"took {block.text!r} for {what}; kept as written", block.span
    )


# -- what the response is about ------------------------------------------------------------


def _policing_body(head: str) -> Force | None:
    """The force of the local policing body that speaks, when no force is named."""
    for pattern, slug in _POLICING_BODIES:
        if pattern.search(head):
            return force_by_slug(slug)
    return None


def _about(subject: str | None, title: str | None, head: str) -> tuple[Cycle | None, Pillar | None]:
    """The PEEL cycle and pillar of the report answered; a letter on a report that is not
    PEEL has only the cycle its subject says, and no pillar."""
    if subject and not _PEEL.search(subject):
        return find_cycle(subject), None
    titles = [text for text in (subject, title) if text]
    return _cycle(titles, head), _pillar(titles, head)


def _cycle(titles: list[str], head: str) -> Cycle | None:
    """The cycle the subject or the title names, else the text."""
    for text in (*titles, head):
        found = find_cycle(text)
        if found is not None:
            return found
    return _long_cycle(head)


def _long_cycle(head: str) -> Cycle | None:
    """The first cycle of either shape the core's reading misses (they cannot start at the
    same place: one starts with a digit, the other with a letter)."""
    before = _CYCLE_BEFORE_PEEL.search(head)
    after = _CYCLE_AFTER_PEEL.search(head) if may_name_cycle_after_peel(head.lower()) else None
    found = [match for match in (before, after) if match is not None]
    if not found:
        return None
    first = min(found, key=lambda match: match.start())
    start, end = first.start(1), first.end(3)
    return Cycle(head[start:end], int(first.group(1)), start)


def _pillar(titles: list[str], head: str) -> Pillar | None:
    """The pillar the subject or the title names, else the text."""
    for text in titles:
        if len(set(_PILLAR_WORDS.findall(text.lower()))) > 1:
            return None  # an integrated report: "effectiveness, efficiency and legitimacy"
        found = find_pillar(text)
        if found is not None:
            return found
    found = find_pillar(head)
    if found is not None:
        return found
    if not may_name_pillar(head):
        return None
    named = {
        Pillar.from_word(next(g for g in m.groups() if g)) for m in _PILLAR_NAMED.finditer(head)
    }
    return named.pop() if len(named) == 1 else None


def _judged(stated: Iterable[Paragraph], text: str, pillar: Pillar | None) -> tuple[Judgement, ...]:
    """The judgements ``stated`` state, in the order of the text."""
    judged = [found for paragraph in stated for found in _judgements(paragraph, text, pillar)]
    return tuple(sorted(judged, key=lambda j: j.span.start))


def _judgements(paragraph: Paragraph, text: str, pillar: Pillar | None) -> Iterator[Judgement]:
    """The judgments ``paragraph`` states: an "Area: Grade" line, or the grades its
    sentences state (a headline grade with no pillar takes the letter's)."""
    raw = paragraph.span.slice(text)
    body = paragraph.text
    lower = body.lower()
    if not may_name_grade(lower):
        return
    listed = area_grade(body) if may_pair_area(lower) and "\n" not in raw.strip() else None
    if listed is not None:
        yield Judgement(listed[0], None, listed[1], body, paragraph.span)
        return
    for found in judgements_in(raw, counts=True):
        if found.explicit:
            yield Judgement(
                found.subject,
                found.pillar or (pillar if found.headline else None),
                found.grade,
                found.text,
                sub_span(paragraph.span, raw, found.start, found.end),
                headline=found.headline,
            )
