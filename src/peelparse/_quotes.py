"""Quotes: what people are quoted as saying, read from a run of paragraphs, with who says it
and in what role. Every kind reads its quotes here."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

import attrs

from peelparse._limits import examined_parts
from peelparse._records import Paragraph
from peelparse._source import SourceText
from peelparse._span import Span
from peelparse._speakers import (
    CLOSING,
    SAID,
    SAID_AFTER,
    SAID_BEFORE,
    Who,
    first_person,
    fullest_name,
    leaves_open,
    may_attribute_after,
    may_introduce,
    may_quote_after,
    read_who,
)
from peelparse._text import end_before_bold, strip_marks


@attrs.frozen(kw_only=True)
class Quote:
    """What someone is quoted as saying, over one or more paragraphs, or in a few words of a
    sentence ("described the findings as “deeply worrying”")."""

    speaker: str | None
    """Who speaks, as written ("Zoë Billingham"); for "she added" the name given earlier.
    ``None`` when the text does not say."""
    speaker_span: Span | None
    """Where the name is written."""
    role: str | None
    """The speaker's role as written, before the name or in a clause of its own
    ("HM Inspector of Constabulary"); ``None`` when not given."""
    role_span: Span | None
    """Where the role is written."""
    attribution: str | None
    """The words that say who speaks ("HM Inspector of Constabulary Zoë Billingham said:",
    "said Wendy Williams."); ``None`` for a quote the text does not attribute."""
    attribution_span: Span | None
    """Where they are."""
    paragraphs: tuple[Paragraph, ...]
    """The quoted words, paragraph by paragraph, as written with their quotation marks; a
    paragraph that holds the attribution gives only its quoted part."""
    text: str
    """The whole quote: its paragraphs joined by one space, without the attribution."""
    text_span: Span | None
    """Where ``text`` is, when it is one stretch of the text; ``None`` when the attribution
    stands inside it ("'...,' said Wendy Williams. '...'"), as ``paragraphs`` then show."""
    span: Span
    """From the attribution, or the quote's first paragraph, to its end."""
    further_attributions: tuple[Paragraph, ...] = ()
    """The words that attribute the quote again where the same speaker goes on ("she
    added."), after the first."""


_OPENS = '“"„«‘'
"""Marks a quoted paragraph opens with."""
_INNER_OPEN = re.compile("[“„«‘]")
"""A mark that opens a quotation inside a sentence (a straight mark is read by pairs)."""
_MARKUP = re.compile(r"#{1,6}[ \t]+|\*\*(?=\S)|[-*\u2022\u25aa\u25cf\u00b7][ \t]+")
"""A heading mark, bold marks or a bullet at the start of a paragraph's words (matched where
its white space ends)."""
_SPEECH = re.compile(
    r"\b(?:said|says|added|adds|described|describes|called|calls|branded|labelled|hailed|"
    r"stated|states|commented|comments|told|tells|insisted|warned|admitted|believes|felt|"
    r"feels|thinks|thought|ha(?:s|ve|d)(?=\s+[“‘\"]))\b"
)
"""Verbs that carry words from a speaker's mouth into a sentence of prose ("She described
the findings as “deeply worrying”", "she has ‘every confidence’ in ...")."""
_SENTENCE_STOP = re.compile(r"[.!?]\s+")
_MARK = re.compile('[“‘"«„]')
_LEAD = re.compile(
    r"(?:(?:But|And|Yet|So|However|Meanwhile|Also|Now|Today|Speaking\s[^,]{0,80}),?\s+)+"
)
"""Words that open a sentence before its subject."""
_AUXILIARY = frozenset({"has", "have", "had", "also", "previously", "today", "then", "once"})
"""Words between a speaker and a speech verb that are not the speaker's ("she has also")."""
_NOBODY = Who(None, None, pronoun=False)
"""Who speaks after a lead-in that names no one."""
_INTRODUCES = re.compile(
    r"\b(?:said|says|commented|comments|welcomed|welcomes|responded|responds|added|stated|"
    r"explained|reacted|remarked|spoke)\b"
)
"""What a paragraph says a person did before the words it does not attribute."""
_PULL_QUOTE = re.compile(
    r"\[(?P<tag>[A-Za-z_-]*quote[A-Za-z_-]*)\b[^\]]*?\b(?:author|cite|name)\s*=\s*"
    r"[\"“”'‘’](?P<who>[^\"“”'‘’\]]{2,80})[\"“”'‘’][^\]]*\](?P<body>[^\[]+)\[/(?P=tag)\]",
    re.IGNORECASE,
)
"""A pull quote a page left as markup, its author named in the tag that opens it
("[pullquote author="Jane Doe, commissioner"]…[/pullquote]")."""
_LOOK_BACK = 8
"""How many paragraphs back "she said" looks for the person it stands for."""
_LONGEST_WHO = 160
"""The most characters of a sentence before its speech verb that can name a speaker."""
_LONGEST_PARTIAL = 400
"""The most characters between a speech verb and the words it quotes."""


def quotes_in(
    source: SourceText, paragraphs: Sequence[Paragraph], *, earlier: Quote | None = None
) -> tuple[Quote, ...]:
    """Every quote in a run of ``paragraphs`` of ``source``, in order.

    Reads the press-release and news ways of quoting: a line ending "said:" above the
    quoted paragraphs, "“…,” said Chief Constable Jane Doe.", "Jane Doe, the commissioner,
    said: “…”", partial quotes ("described the findings as “…”"), and quotes that run over
    several paragraphs. A quote attributed to "she" or "he" takes the speaker named before
    (``earlier`` gives the one before the run), and one that follows the same speaker's
    quote joins it. Reported speech and the words of an organisation or a report give no
    quote.
    """
    reader = _Reader(source, earlier)
    for paragraph in paragraphs:
        reader.read(paragraph.span)
    return tuple(reader.quotes())


@attrs.define
class _Open:
    """A quote being read: offsets into the source."""

    speaker: tuple[int, int] | None
    role: tuple[int, int] | None
    attribution: tuple[int, int] | None
    pieces: list[tuple[int, int]]
    last: int
    """The index of its last paragraph."""
    left_open: bool = False
    further: list[tuple[int, int]] = attrs.field(factory=list)
    refused: bool = False
    """Words of an organisation or a report: read, to know where they end, but not kept."""
    whole: bool = False
    """A quote its markup closes (a pull quote): the paragraph after it does not go on
    with it."""


@attrs.define
class _Reader:
    source: SourceText
    earlier: Quote | None
    found: list[_Open] = attrs.field(factory=list)
    intro: tuple[Who | None, tuple[int, int], bool] | None = None
    """A line that introduces the next paragraph's quote: who it names, where it is, and
    whether that paragraph must open with a quotation mark (after a lead-in such as
    "Statement from Jane Doe:", which may head unquoted prose)."""
    prose: list[tuple[int, int, int]] = attrs.field(factory=list)
    """Paragraphs that quote no one: their index and where they are."""
    index: int = -1
    edges: tuple[int, int, int, int] = (0, 0, 0, 0)
    """Where the paragraph being read has its words, and where it has its marks too."""

    def _widened(self, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        a, b, outer_a, outer_b = self.edges
        return [(outer_a if p == a else p, outer_b if q == b else q) for p, q in pieces]

    def quotes(self) -> Iterator[Quote]:
        for found in self.found:
            if not found.refused:
                yield self._record(found)

    def read(self, span: Span) -> None:
        a, b = self._edges(span)
        if a >= b:
            return
        self.index += 1
        raw = self.source.text[a:b]
        if self.intro is None and raw[0] != "[" and _plain(raw):
            # Half of all prose: it quotes no one and introduces no quote, whatever the
            # paragraphs before it hold, so none of the tests below can take it.
            self.prose.append((self.index, a, b))
            return
        self._read_marked(raw, a, b)

    def _edges(self, span: Span) -> tuple[int, int]:
        """Where the paragraph at ``span`` has its words; ``edges`` keeps them with where it
        has its marks too."""
        text = self.source.text
        outer = _stripped(text, span.start, span.end)
        a, b = _content(text, *outer)
        # A paragraph is read as far as its first line longer than the budget allows.
        examined = examined_parts(text, a, b)[0][1]
        if examined < b:
            b, outer = examined, (outer[0], examined)
        # Pieces that reach the paragraph's edges keep its layout marks, as records do.
        self.edges = (a, b, *outer)
        return a, b

    def _read_marked(self, raw: str, a: int, b: int) -> None:
        """A paragraph that holds a quotation mark or ends with a colon, or comes after a
        line that introduces a quote."""
        text = self.source.text
        last = self.found[-1] if self.found else None
        current = (
            last if last is not None and last.last == self.index - 1 and not last.whole else None
        )
        intro, self.intro = self.intro, None
        if raw[0] == "[" and self._pulled(raw, a):
            return
        opens = raw[0] in _OPENS
        said = SAID.fullmatch(raw) if may_introduce(raw) else None
        if intro is not None and (opens or (not intro[2] and said is None)):
            who, attribution, _ = intro
            self._attributed(who, attribution, [(a, b)], None)
            return
        if said is not None:
            self._introduce(said, raw, a)
            return
        if raw.endswith(":"):
            # "Our inspection found:": what follows quotes a document, not a person.
            self.intro = (_NOBODY, (a, b), True)
            self.prose.append((self.index, a, b))
            return
        if opens:
            self._quoted(raw, a, b, current)
            return
        if current is not None and _continues(raw, current):
            self._extend(current, [(a, b)], None, None)
            return
        before = SAID_BEFORE.match(raw) if may_quote_after(raw) else None
        if before is not None:
            who = read_who(before.group("who"), a + before.start("who"))
            attribution = (a + before.start("attribution"), a + before.end("attribution"))
            piece = _stripped(text, a + before.end(), b)
            self._attributed(who, attribution, [piece] if piece[1] > piece[0] else [], current)
            return
        if not self._partial(raw, a, current):
            self.prose.append((self.index, a, b))

    def _pulled(self, raw: str, a: int) -> bool:
        """A pull quote left as markup, which names its author in its opening tag."""
        pulled = _PULL_QUOTE.fullmatch(raw)
        if pulled is None:
            return False
        who = read_who(pulled.group("who"), a + pulled.start("who"))
        body = _stripped(self.source.text, a + pulled.start("body"), a + pulled.end("body"))
        # a box of its own: it neither goes on with the quote before it nor names its speaker
        self._attributed(who, (a, a + pulled.start("body")), [body], None)
        self.found[-1].whole = True
        return True

    def _introduce(self, match: re.Match[str], raw: str, a: int) -> None:
        group = "who" if match.group("who") else "from"
        who = read_who(match.group(group), a + match.start(group))
        self.intro = (who, (a, a + len(raw.rstrip())), group == "from")

    def _quoted(self, raw: str, a: int, b: int, current: _Open | None) -> None:
        """A paragraph that opens with a quotation mark."""
        after = SAID_AFTER.search(raw) if may_attribute_after(raw) else None
        if after is not None:
            group = "who" if after.group("who") else "who2"
            who = read_who(after.group(group), a + after.start(group))
            attribution = _stripped(
                self.source.text, a + after.start("attribution"), a + after.end("attribution")
            )
            pieces = [
                _stripped(self.source.text, a, attribution[0]),
                _stripped(self.source.text, attribution[1], b),
            ]
            self._attributed(who, attribution, [p for p in pieces if p[1] > p[0]], current)
            return
        if current is not None:
            self._extend(current, [(a, b)], None, None)
            return
        if raw.rstrip()[-1] in CLOSING or _left_open(raw):
            self._attributed(None, None, [(a, b)], None)
            self._introduced_by_prose(self.found[-1])

    def _partial(self, raw: str, a: int, current: _Open | None) -> bool:
        """A sentence of prose that quotes a few of its speaker's words."""
        if _INNER_OPEN.search(raw) is None and raw.count('"') < 2:
            return False
        verbs = list(_SPEECH.finditer(raw))
        if not verbs:
            return False
        stops = [m.end() for m in _SENTENCE_STOP.finditer(raw)]
        marks = [m.start() for m in _MARK.finditer(raw)]
        for verb in verbs:
            at = bisect.bisect_left(marks, verb.end())
            if at == len(marks) or marks[at] - verb.end() > _LONGEST_PARTIAL:
                continue
            before = bisect.bisect_right(stops, verb.start())
            start = stops[before - 1] if before else 0
            if verb.start() - start > _LONGEST_WHO:
                continue
            quoted = _quoted_after(raw, verb.end())
            if quoted is None:
                continue
            lead = _LEAD.match(raw, start)
            who_start = lead.end() if lead else start
            who_text = _without_auxiliaries(raw[who_start : verb.start()].rstrip(" ,"))
            if not who_text or any(mark in who_text for mark in _OPENS + "”"):
                continue
            who = read_who(who_text, a + who_start)
            if who.speaker is None and not who.pronoun:
                continue
            attribution = (a + who_start, a + verb.end())
            self._attributed(who, attribution, [(a + quoted[0], a + quoted[1])], current)
            return True
        return False

    def _attributed(
        self,
        who: Who | None,
        attribution: tuple[int, int] | None,
        pieces: list[tuple[int, int]],
        current: _Open | None,
    ) -> None:
        pieces = self._widened(pieces)
        named = who is not None and (who.speaker is not None or who.role is not None)
        pronoun = who is not None and who.pronoun
        if who is not None and not named and not pronoun:
            # "The report said:", "“…,” the force said."
            self.found.append(_Open(None, None, attribution, pieces, self.index, refused=True))
            self._settle(self.found[-1])
            return
        if current is not None and not current.refused and self._same(current, who):
            self._extend(current, pieces, attribution, who if who is not None and named else None)
            return
        speaker, role = (who.speaker, who.role) if who is not None else (None, None)
        if pronoun:
            speaker, role = self._named_before()
        found = _Open(speaker, role, attribution, pieces, self.index)
        self._settle(found)
        self.found.append(found)

    def _same(self, current: _Open, who: Who | None) -> bool:
        """Whether ``who`` is the speaker of the quote just before (or that quote names
        nobody yet)."""
        if who is None or who.pronoun or current.speaker is None:
            return True
        if who.speaker is None:
            return False
        text = self.source.text
        return _surname(text[slice(*who.speaker)]) == _surname(text[slice(*current.speaker)])

    def _extend(
        self,
        current: _Open,
        pieces: list[tuple[int, int]],
        attribution: tuple[int, int] | None,
        who: Who | None,
    ) -> None:
        current.pieces += self._widened(pieces)
        current.last = self.index
        if current.attribution is None:
            current.attribution = attribution
        elif attribution is not None:
            current.further.append(attribution)
        if current.speaker is None and who is not None:
            current.speaker, current.role = who.speaker, who.role
        self._settle(current)

    def _settle(self, found: _Open) -> None:
        if found.pieces:
            a, b = found.pieces[-1]
            found.left_open = _left_open(self.source.text[a:b])

    def _introduced_by_prose(self, found: _Open) -> None:
        """An unattributed quote whose speaker the paragraph before it names, with what
        they did: "Katy Bourne, the commissioner, has commented today on the report." """
        if not self.prose or self.prose[-1][0] != self.index - 1:
            return
        _, a, b = self.prose[-1]
        text = self.source.text
        if _INTRODUCES.search(text, a, b) is None:
            return
        person = first_person(text, a, b)
        if person is not None:
            found.speaker = person

    def _named_before(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The speaker "she" or "he" stands for: the last quote's, else the person the
        prose just before names, else the one before the run."""
        for found in reversed(self.found):
            if found.speaker is not None and not found.refused:
                return found.speaker, found.role
        text = self.source.text
        for _, a, b in reversed(self.prose[-_LOOK_BACK:]):
            person = first_person(text, a, b)
            if person is not None:
                return person, None
        if self.earlier is not None and self.earlier.speaker_span is not None:
            role = self.earlier.role_span
            return (
                (self.earlier.speaker_span.start, self.earlier.speaker_span.end),
                (role.start, role.end) if role else None,
            )
        return None, None

    def _record(self, found: _Open) -> Quote:
        source = self.source
        text = source.text
        paragraphs = tuple(
            Paragraph(strip_marks(text[a:b]), source.span(a, b)) for a, b in found.pieces
        )
        joined = " ".join(p.text for p in paragraphs)
        stretch = Span.cover([p.span for p in paragraphs]) if paragraphs else None
        text_span = stretch if stretch and strip_marks(stretch.slice(text)) == joined else None
        spans = [p.span for p in paragraphs]
        if found.attribution is not None:
            spans.append(source.span(*found.attribution))
        speaker, role, attribution = found.speaker, found.role, found.attribution
        if speaker is not None:
            speaker = fullest_name(text, *speaker)
        return Quote(
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
            further_attributions=tuple(
                Paragraph(strip_marks(text[a:b]), source.span(a, b)) for a, b in found.further
            ),
        )


_ANY_MARK = re.compile('[“"„«‘”»\'’](?:(?<=[“"„«‘”»])|(?<!\\w.)|(?!\\w))')
"""Every mark that opens or closes a quotation, or may. An apostrophe inside a word
("force’s", "don't") does neither: a paragraph with no other mark is prose, and is spared
the tests for the ways of quoting. The expression opens with the marks, which the engine
looks for at C speed; an apostrophe then counts only at a word's edge."""


def _plain(raw: str) -> bool:
    """Whether a paragraph holds no quotation mark and does not end with a colon: then it
    can neither quote (every way of quoting needs a mark, even one that closes a quote left
    open) nor introduce the next paragraph's quote."""
    return _ANY_MARK.search(raw) is None and not may_introduce(raw)


def _without_auxiliaries(text: str) -> str:
    """``text`` without the auxiliary words it ends with (a line end after them stays), each
    after white space; read word by word from the end, as a pattern tried from every place
    of the text would scan its end again from each."""
    end = len(text) - 1 if text.endswith("\n") else len(text)
    cut = end
    while True:
        start = cut
        while start and not text[start - 1].isspace():
            start -= 1
        space = start
        while space and text[space - 1].isspace():
            space -= 1
        if start == cut or space == start or text[start:cut] not in _AUXILIARY:
            break
        cut = space
    return text[:cut] + text[end:]


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    """Where a paragraph's words are (``a`` to ``b``, its white space stripped already),
    without a heading mark, a bullet or bold marks."""
    mark = _MARKUP.match(text, a, b)
    if mark is not None:
        a = mark.end()
    return a, end_before_bold(text, b, a)


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    part = text[a:b]
    left = part.lstrip()
    if not left:
        return a, a
    start = a + len(part) - len(left)
    return start, start + len(left.rstrip())


def _left_open(raw: str) -> bool:
    """Whether a quoted paragraph ends with its quotation still open: double marks as
    ``leaves_open`` reads them, or a single opening mark with no closing one after it (an
    apostrophe, "force’s", closes nothing)."""
    if leaves_open(raw):
        return True
    opened = raw.rfind("‘")
    if opened < 0:
        return False
    closed = raw.find("’", opened + 1)
    while closed >= 0 and raw[closed + 1 : closed + 2].isalpha():
        closed = raw.find("’", closed + 1)
    return closed < 0


def _continues(raw: str, current: _Open) -> bool:
    """A paragraph whose opening mark was left out, closing a quote left open."""
    return (
        current.left_open
        and raw.rstrip()[-1] in CLOSING
        and not any(mark in raw for mark in "“„«")
        and raw.count('"') <= 1
    )


def _quoted_after(raw: str, at: int) -> tuple[int, int] | None:
    """The first quotation in the sentence after ``raw[at]``, marks included."""
    end = min(len(raw), at + _LONGEST_PARTIAL)
    stop = raw.find(". ", at, end)
    if stop >= 0:
        end = stop + 1
    for opening, closing in (("“", "”"), ("‘", "’"), ('"', '"'), ("«", "»"), ("„", "“")):
        first = raw.find(opening, at, end)
        if first < 0:
            continue
        last = raw.find(closing, first + 1, min(len(raw), first + _LONGEST_PARTIAL))
        while closing == "’" and 0 <= last < len(raw) - 1 and raw[last + 1].isalpha():
            last = raw.find(closing, last + 1, min(len(raw), first + _LONGEST_PARTIAL))  # "force’s"
        if last > first + 1:
            return first, last + 1
    return None


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].strip(",.").lower() if words else ""
