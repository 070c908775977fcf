"""Quotes: who speaks, in what role, and the quoted words without the words that attribute
them."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from lark import Token

from peelparse import Paragraph, SourceText, Span
from peelparse.text import force_named, strip_marks
from peelparse_press.records import PressQuote
from peelparse_press.shapes import SAID, SAID_AFTER, SAID_BEFORE, unmarked

PRONOUNS = frozenset({"she", "he", "they"})
"""Attributions that name no one: the speaker is the one named before."""

# Words of roles and titles; a person's name is made of none of them.
_ROLE_CORE = frozenset(
    "inspector inspectorate constable commissioner chair chairman chairwoman chairperson lead "
    "director minister secretary officer superintendent head president deputy assistant "
    "commander mayor leader spokesperson spokesman spokeswoman manager executive chief "
    "member hmi".split()
)
_ROLE_OTHER = frozenset(
    "constabulary police crime fire rescue services service majesty's majesty’s hm hmi her his "
    "association council panel team unit college national policing home office england wales "
    "force forces inspectorates justice local".split()
)
_CONNECTORS = frozenset("of and for the & to in at on".split())
_HONORIFICS = frozenset(
    "sir dame dr dr. mr mr. mrs mrs. ms ms. miss professor prof lord lady baroness".split()
)
_POSTNOMINALS = frozenset("QC KC QPM KPM CBE OBE MBE DBE KBE CB CVO LVO DL MP PCC".split())
_RELATIVE = re.compile(r"(?:who|whom|whose|which|that)\b|[a-z]")
_WORD = re.compile(r"\S+")
_PART = re.compile(r"[^,]+")
_TRIM = ",.;:()[]"


@attrs.frozen
class Who:
    """Where the speaker's name and role are, as offsets into the source."""

    speaker: tuple[int, int] | None
    role: tuple[int, int] | None
    pronoun: bool


def read_who(text: str, start: int) -> Who:
    """The speaker and role in ``text``, the words that say who speaks, which stand at
    ``start`` in the source: "HM Inspector of Constabulary Zoë Billingham", "Wendy Williams,
    HM Inspector of Constabulary", "Zoë Billingham, who led the inspection,"."""
    if text.strip(_TRIM + " \n").lower() in PRONOUNS:
        return Who(None, None, pronoun=True)
    parts = [
        (
            m.start() + len(m.group()) - len(m.group().lstrip()),
            m.end() - (len(m.group()) - len(m.group().rstrip())),
        )
        for m in _PART.finditer(text)
        if m.group().strip()
    ]
    # A relative clause ("who led the inspection") neither names nor describes a role.
    parts = [(a, b) for a, b in parts if not _RELATIVE.match(text[a:b])]
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if len(words) == 1 and _is_name(text[words[0][0] : words[0][1]]):
        a, b = _trimmed(text, *words[0])
        return Who((start + a, start + b), None, pronoun=False)
    for index, (a, b) in enumerate(parts):
        found = _name_in(text, a, b)
        if found is None:
            continue
        name_start, name_end, at_end = found
        role = _role_before(text, a, name_start) if at_end else None
        if role is None:
            role = _role_among(text, parts[index + 1 :]) or _role_among(text, parts[:index][-1:])
        return Who(
            (start + name_start, start + name_end),
            (start + role[0], start + role[1]) if role else None,
            pronoun=False,
        )
    role = _role_among(text, parts)
    return Who(None, (start + role[0], start + role[1]) if role else None, pronoun=False)


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _bare(word: str) -> str:
    return word.strip(_TRIM)


def _is_name(word: str) -> bool:
    bare = _bare(word)
    if not bare or not bare[0].isupper() or bare.isdigit():
        return False
    lower = bare.lower()
    if lower in _ROLE_CORE or lower in _ROLE_OTHER or lower in _CONNECTORS or lower in PRONOUNS:
        return False
    if bare != word.rstrip(",;:.") or force_named(bare) is not None:
        return False  # "(PCC)" or a force's name
    return any(c.islower() for c in bare) or (len(bare) <= 2 and bare.isalpha())


def _name_in(text: str, a: int, b: int) -> tuple[int, int, bool] | None:
    """A person's name in ``text[a:b]``: the run of name words that ends it (with an
    honorific before and letters after), else the first run of two name words or more.
    Returns its offsets and whether it ends the part."""
    words = [(a + m.start(), a + m.end()) for m in _WORD.finditer(text[a:b])]
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        first = index
        if _bare(text[slice(*words[index])]).lower() in _HONORIFICS:
            index += 1
        begin = index
        while index < len(words) and _is_name(text[slice(*words[index])]):
            index += 1
        names = index - begin
        while names and index < len(words) and _bare(text[slice(*words[index])]) in _POSTNOMINALS:
            index += 1
        if names >= 2 or (names == 1 and begin > first):
            runs.append((first, index - 1))
        index = max(index, first + 1)
    if not runs:
        return None
    last = runs[-1]
    chosen, at_end = (last, True) if last[1] == len(words) - 1 else (runs[0], False)
    start, end = _trimmed(text, words[chosen[0]][0], words[chosen[1]][1])
    return start, end, at_end


def _role_like(text: str) -> bool:
    words = [_bare(w) for w in text.split()]
    if not words or not any(w.lower() in _ROLE_CORE for w in words):
        return False
    return all(w.lower() in _CONNECTORS or (w[:1].isupper() or w[:1].isdigit()) for w in words if w)


def _role_before(text: str, a: int, name_start: int) -> tuple[int, int] | None:
    start, end = _trimmed(text, a, name_start)
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start and _role_like(text[start:end]) else None


def _role_among(text: str, parts: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first part that is a role, with the capitalised parts that continue it ("Police
    and Crime Commissioner for Devon, Cornwall and the Isles of Scilly")."""
    for index, (a, b) in enumerate(parts):
        if not _role_like(text[a:b]):
            continue
        end = b
        for c, d in parts[index + 1 :]:
            words = [_bare(w) for w in text[c:d].split()]
            if not all(w.lower() in _CONNECTORS or w[:1].isupper() for w in words if w):
                break
            end = d
        return _trimmed(text, a, end)
    return None


def quote_record(tokens: Sequence[Token], source: SourceText) -> PressQuote:
    """A quote from its tokens: perhaps a "said:" line, then its paragraphs."""
    text = source.text
    pieces: list[tuple[int, int]] = []
    attribution: tuple[int, int] | None = None
    who: Who | None = None
    for token in tokens:
        start = token.start_pos or 0
        raw = str(token)
        if token.type == "SAID":
            attribution = (start, start + len(raw.rstrip()))
            a, b = unmarked(raw)
            match = SAID.fullmatch(raw[a:b])
            group = "who" if match and match.group("who") else "from"
            if match and match.group(group):
                who = read_who(match.group(group), start + a + match.start(group))
        elif token.type == "QUOTE_SAID":
            attribution, who, found = _split(raw, start)
            pieces += found
        else:
            pieces.append(_strip(text, start, start + len(raw)))
    paragraphs = tuple(Paragraph(strip_marks(text[a:b]), source.span(a, b)) for a, b in pieces)
    joined = " ".join(p.text for p in paragraphs)
    stretch = Span.cover([p.span for p in paragraphs]) if paragraphs else None
    text_span = stretch if stretch and strip_marks(stretch.slice(text)) == joined else None
    speaker = who.speaker if who else None
    role = who.role if who else None
    spans = [p.span for p in paragraphs]
    if attribution is not None:
        spans.append(source.span(*attribution))
    return PressQuote(
        speaker=strip_marks(text[slice(*speaker)]) if speaker else None,
        speaker_span=source.span(*speaker) if speaker else None,
        role=strip_marks(text[slice(*role)]) if role else None,
        role_span=source.span(*role) if role else None,
        attribution=strip_marks(text[slice(*attribution)]) if attribution else None,
        attribution_span=source.span(*attribution) if attribution else None,
        paragraphs=paragraphs,
        text=joined,
        text_span=text_span,
        span=Span.cover(spans),
    )


def is_pronoun(quote: PressQuote) -> bool:
    """Whether the quote's attribution names no one ("she added")."""
    if quote.attribution is None or quote.speaker is not None:
        return False
    words = re.sub(r"[^\w ]", " ", quote.attribution).lower().split()
    return bool(words) and any(w in PRONOUNS for w in words)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _split(
    raw: str, start: int
) -> tuple[tuple[int, int] | None, Who | None, list[tuple[int, int]]]:
    """A paragraph holding its own attribution: the attribution, who it names, and the
    quoted pieces around it."""
    end = start + len(raw)
    before = SAID_BEFORE.match(raw)
    if before is not None:
        who = read_who(before.group("who"), start + before.start("who"))
        pieces = [(start + before.end(), end)]
        attribution = (start + before.start("attribution"), start + before.end("attribution"))
    else:
        after = SAID_AFTER.search(raw)
        if after is None:
            return None, None, [(start, end)]
        group = "who" if after.group("who") else "who2"
        who = read_who(after.group(group), start + after.start(group))
        attribution = (start + after.start("attribution"), start + after.end("attribution"))
        pieces = [(start, attribution[0]), (attribution[1], end)]
    return (
        _strip_pair(raw, start, attribution),
        who,
        [p for p in (_strip_pair(raw, start, piece) for piece in pieces) if p[1] > p[0]],
    )


def _strip_pair(raw: str, start: int, pair: tuple[int, int]) -> tuple[int, int]:
    a, b = pair
    while a < b and raw[a - start].isspace():
        a += 1
    while b > a and raw[b - 1 - start].isspace():
        b -= 1
    return a, b
