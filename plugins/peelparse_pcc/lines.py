"""Typing the lines of a response: what each line is, from its shape and its place.

A response is read in three zones. The *head* is the run of short lines before the body
begins; when it holds a letter's fields ("Our ref:", "Date:") it is a letterhead, the fields
and an address block, otherwise a web page's title and date. The *sign-off* is the
complimentary close and the signature, found from the end. The *body* between them holds
the salutation, the subject, prose, bullets and the findings with their answers. A block
wrapped over several lines goes to the grammar as one token, its text as written.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

import attrs
from lark import Token

from peelparse.grammar import Line, LinePostLex, current_run
from peelparse_pcc.shapes import (
    BOLD_LINE,
    BULLET,
    CLOSING_REMARKS,
    DATE_LABEL,
    DATE_LINE,
    FINDING_START,
    FINDINGS_HEADING,
    FINDINGS_LEAD,
    HEADING,
    HIGHLIGHT_LEAD,
    ITEM_MARKER,
    ITEM_NUMBER,
    KNOWN_VALEDICTIONS,
    MARKDOWN_HEADING,
    NOT_A_NAME,
    OUR_REF,
    PERSON,
    REF_VALUE,
    REPORT_TITLE,
    RESPONSE_LABEL,
    ROLE_WORDS,
    SALUTATION,
    SHOULD,
    SUBJECT,
    SUBJECT_LABEL,
    VALEDICTION,
    YOUR_REF,
    is_lead_in,
)

MAX_SIGNATURE_LINES = 6
"""A signature block (name, role, office, address) is never longer than this."""
FUZZY = 0.75
"""How alike a misread word must be to the word it stands for ("Dcar" for "Dear")."""
_IN_FINDING = ("ITEM", "ITEM_TEXT", "CONT", "RESPONSE", "RBULLET", "RESPONSE_LABEL")
"""What a finding holds; any other line ends it."""
_GOES_ON = ("CONT", "ITEM_TEXT")
"""Lines that go on with the block above them rather than open one."""
AFTER_SIGNATURE = re.compile(r"(?:cc|c\.c\.|copy\s+to|enc(?:losures?|s?\.)?)\b", re.IGNORECASE)
"""Lines under a signature that are not part of it: copies, enclosures."""
_QUOTED = re.compile(r"[\"“”]|\b(?:said|says)\b")
_ENDS_SENTENCE = (".", "!", "?", ":", ";", '"', "”", "’", ")")


class PCCLines(LinePostLex):
    """Types the lines of a response (see the module's docstring for the zones)."""

    def type_lines(self, lines: list[Line]) -> Iterator[Token]:
        # One postlexer serves every parse, so what it works out lives in this call only.
        kinds = _Typer(lines).kinds()
        text = current_run().source.text
        block: Token | None = None
        for line, kind in zip(lines, kinds, strict=True):
            if kind == "CONT" and block is not None:
                block = _extended(block, line.token, text)
                continue
            if block is not None:
                yield block
            # Each line's token is this parse's own, so it is retyped in place (as Lark's
            # own lexer callbacks retype tokens) rather than copied as ``Line.typed`` would.
            block = line.token
            block.type = kind
        if block is not None:
            yield block


def _extended(block: Token, line: Token, text: str) -> Token:
    """``block`` with ``line`` added to its end: one token of the text both cover, as
    written (a paragraph's wrapped lines, with any page furniture between them)."""
    start = block.start_pos or 0
    end = line.end_pos if line.end_pos is not None else (line.start_pos or 0) + len(line)
    return Token(
        block.type,
        text[start:end],
        start,
        block.line,
        block.column,
        line.end_line or line.line,
        line.end_column,
        end,
    )


def words(text: str) -> int:
    return len(text.split())


def more_words(text: str, limit: int) -> bool:
    """Whether ``text`` has more than ``limit`` words: ``words(text) > limit`` without
    splitting a long line to its end."""
    return len(text.split(None, limit)) > limit


def is_prose(text: str) -> bool:
    """A line of running text rather than a label, name or address line."""
    n = words(text)
    return n > 15 or (n > 8 and text.rstrip().endswith(_ENDS_SENTENCE))


def _is_sentence(text: str) -> bool:
    """Running text that ends a letter's head; a long address line without a full stop
    (office, street, town and postcode on one line) does not."""
    n = words(text)
    return n > 30 or (n > 8 and text.rstrip().endswith(_ENDS_SENTENCE))


def is_salutation(text: str, *, misread: bool = True) -> bool:
    """ "Dear Home Secretary," and, with ``misread``, its OCR misreadings ("Dcar Home
    Secretary"); OCR keeps the capital and garbles the letters after it."""
    # The word count first: it turns away a line of prose before the expression tries it.
    if more_words(text, 7):
        return False
    match = SALUTATION.fullmatch(text)
    if match is None:
        return False
    word = match.group("word")
    return word.lower() == "dear" or (misread and word[:1] == "D" and alike(word.lower(), "dear"))


_KNOWN_KEYS = tuple(known.lower() for known in KNOWN_VALEDICTIONS)


def alike(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are at least ``FUZZY`` alike by ``difflib``'s ratio.

    The length and letter-count bounds never exceed the ratio (all three are the same
    fraction of a count of matches), so a pair they rule out is ruled out exactly; only
    the pairs left get the full, far dearer comparison.
    """
    total = len(a) + len(b)
    if total and 2.0 * min(len(a), len(b)) / total < FUZZY:
        return False
    if total and 2.0 * _shared_letters(a, b) / total < FUZZY:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= FUZZY


def _shared_letters(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` have in common, counted with repeats: the count
    ``SequenceMatcher.quick_ratio`` takes, without building a matcher."""
    left: dict[str, int] = {}
    for char in b:
        left[char] = left.get(char, 0) + 1
    shared = 0
    for char in a:
        count = left.get(char, 0)
        if count > 0:
            left[char] = count - 1
            shared += 1
    return shared


def is_valediction(text: str) -> bool:
    """A complimentary close in its usual words, or a close misread (but still alike)."""
    if VALEDICTION.fullmatch(text):
        return True
    if more_words(text, 3):
        return False
    key = text.lower().strip(" ,.")
    return any(alike(key, known) for known in _KNOWN_KEYS)


def is_signature_like(text: str) -> bool:
    """A line that may stand in a signature block: short, not a sentence, not a quotation,
    not a bullet."""
    return (
        bool(text)
        and words(text) <= 12
        and not text.rstrip().endswith(_ENDS_SENTENCE)
        and not _QUOTED.search(text)
        and not BULLET.match(text)
    )


def is_heading(text: str) -> bool:
    return bool(MARKDOWN_HEADING.match(text)) or (
        may_be_heading(text) and bool(HEADING.match(text)) and not text.startswith("**")
    )


HEADING_LENGTH = 111
"""The most characters ``HEADING`` takes before the white space that may end a line."""


def may_be_heading(text: str) -> bool:
    """Whether ``HEADING`` may match ``text``: a longer line is turned away before the
    expression backtracks through it."""
    return len(text) <= HEADING_LENGTH or len(text.rstrip()) <= HEADING_LENGTH


@attrs.define
class _Typer:
    lines: list[Line]
    out: list[str] = attrs.field(init=False)
    texts: list[str] = attrs.field(init=False)
    """Each line's text, stripped: asked for many times per line by the zones' tests."""

    def __attrs_post_init__(self) -> None:
        self.out = [""] * len(self.lines)
        self.texts = [str(line.token).strip() for line in self.lines]

    def kinds(self) -> list[str]:
        n = len(self.lines)
        closing, signature = self._signoff()
        body_end = closing if closing is not None else signature.start if signature else n
        start, letter = self._head(body_end)
        self._body(start, body_end, letter)
        if closing is not None:
            self.out[closing] = "CLOSING"
        if signature:
            for index in signature:
                self.out[index] = "SIGN"
        after = signature.stop if signature else (closing + 1 if closing is not None else n)
        self._body(after, n, letter)
        return self.out

    # -- the sign-off, found from the end ---------------------------------------------------

    def _signoff(self) -> tuple[int | None, range]:
        n = len(self.lines)
        for index in range(n - 1, -1, -1):
            text = self.texts[index]
            # A close misread by OCR is looked for only near the end, where it stands
            # (``is_valediction`` takes the usual words too).
            near_end = n - index <= MAX_SIGNATURE_LINES + 1
            if is_valediction(text) if near_end else VALEDICTION.fullmatch(text):
                end = index + 1
                while (
                    end < n
                    and end - index <= MAX_SIGNATURE_LINES
                    and is_signature_like(self.texts[end])
                    and not AFTER_SIGNATURE.match(self.texts[end])
                ):
                    end += 1
                return index, range(index + 1, end)
        # No close in its usual words: a signature at the end (bold lines, or a name above
        # a role) with a short line right above it, which is the close by its place.
        run = n
        while run > max(0, n - MAX_SIGNATURE_LINES - 1) and is_signature_like(self.texts[run - 1]):
            run -= 1
        if run == n:
            return None, range(0)
        sign = n
        while sign > run and BOLD_LINE.match(self.texts[sign - 1]):
            sign -= 1
        if sign == n:
            # a name above a role: two lines at least
            roles = [i for i in range(run + 1, n) if ROLE_WORDS.search(self.texts[i])]
            if not roles:
                return None, range(0)
            sign = roles[-1] - 1
        closing = sign - 1
        if (
            closing >= run
            and words(self.texts[closing]) <= 6
            and not BOLD_LINE.match(self.texts[closing])
        ):
            return closing, range(sign, n)
        return None, range(sign, n)

    # -- the head ---------------------------------------------------------------------------

    def _head(self, end: int) -> tuple[int, bool]:
        """Type the letter's fields, letterhead and address; return where the body starts
        and whether the text is a letter."""
        zone = 0
        while zone < end and not self._starts_body(zone):
            zone += 1
        if zone < end and is_salutation(self.texts[zone]) and zone > 0 and self._titled(zone - 1):
            zone -= 1  # the subject stands above the salutation
        fields = [i for i in range(zone) if self._field(i)]
        dated = [i for i in range(zone) if DATE_LINE.match(self.texts[i])]
        saluted = zone < end and is_salutation(self.texts[zone])
        # Without "Dear ..." a letter still shows itself by whom it is sent to: a role
        # ("Home Secretary") in the block above its date.
        addressed = bool(dated) and any(
            ROLE_WORDS.search(self.texts[i]) and self._names_someone(i) for i in range(dated[0])
        )
        if not fields and not (dated and (saluted or addressed)):
            return 0, False
        if (
            not saluted
            and dated
            and zone > dated[-1] + 1
            and zone - 1 not in fields
            and self._report_line(zone - 1)
        ):
            zone -= 1  # the report's title under the date, standing for a "Re:" line
        rest = self._fields(zone)
        typed = [i for i in range(zone) if self.out[i]]
        address = {i for i in rest if i > typed[0]}
        if rest and rest[-1] < typed[-1]:
            # Nothing follows the fields, so the address is the block of lines just above
            # them, below the letterhead; a block alone is the address only when it names
            # someone.
            start = len(rest) - 1
            while (
                start > 0
                and rest[start - 1] == rest[start] - 1
                and not self.lines[rest[start]].blank_before
            ):
                start -= 1
            if start > 0 or any(self._names_someone(i) for i in rest[start:]):
                address.update(rest[start:])
        for index in rest:
            self.out[index] = "ADDRESS" if index in address else "LETTERHEAD"
        return zone, True

    def _fields(self, zone: int) -> list[int]:
        """Type the fields of the head (before ``zone``): a label and its value on one line,
        or the value on the line after; return the other lines."""
        rest: list[int] = []
        index = 0
        while index < zone:
            text = self.texts[index]
            following = self.texts[index + 1] if index + 1 < zone else None
            our, your = OUR_REF.match(text), YOUR_REF.match(text)
            ref = our or your
            if ref is not None:
                prefix = "OUR" if our is not None else "YOUR"
                if ref.group("value"):
                    self.out[index] = f"{prefix}_REF"
                else:
                    self.out[index] = f"{prefix}_REF_LABEL"
                    if following is not None and self._ref_value(following):
                        index += 1
                        self.out[index] = "REF_VALUE"
            elif DATE_LABEL.match(text):
                self.out[index] = "DATE_LABEL"
                if following is not None and DATE_LINE.match(following):
                    index += 1
                    self.out[index] = "DATE_VALUE"
            elif DATE_LINE.match(text):
                self.out[index] = "DATE"
            else:
                rest.append(index)
            index += 1
        return rest

    def _names_someone(self, index: int) -> bool:
        """A line of an address block that is a person or a role ("Home Secretary")."""
        first = self.texts[index].split(", ")[0]
        return words(first) <= 5 and bool(
            ROLE_WORDS.search(first) or (PERSON.fullmatch(first) and not NOT_A_NAME.search(first))
        )

    def _report_line(self, index: int) -> bool:
        """A report's title on a line of its own, without closing punctuation."""
        text = self.texts[index]
        return (
            bool(REPORT_TITLE.search(text))
            and is_heading(text)
            and not ROLE_WORDS.search(text)
            and not DATE_LINE.match(text)
        )

    def _titled(self, index: int) -> bool:
        """A report's title set apart on its own line (bold or heading-like)."""
        text = self.texts[index]
        return (
            bool(REPORT_TITLE.search(text))
            and (bool(BOLD_LINE.match(text)) or is_heading(text))
            and not ROLE_WORDS.search(text)
            and not self._field(index)
            and not DATE_LINE.match(text)
        )

    def _field(self, index: int) -> bool:
        text = self.texts[index]
        return bool(OUR_REF.match(text) or YOUR_REF.match(text) or DATE_LABEL.match(text))

    def _ref_value(self, text: str) -> bool:
        return bool(REF_VALUE.fullmatch(text)) and not (
            self._is_label(text) or DATE_LINE.match(text)
        )

    @staticmethod
    def _is_label(text: str) -> bool:
        return bool(OUR_REF.match(text) or YOUR_REF.match(text) or DATE_LABEL.match(text))

    def _starts_body(self, index: int) -> bool:
        text = self.texts[index]
        return (
            is_salutation(text)
            or bool(SUBJECT.match(text))
            or bool(BULLET.match(text))
            or bool(ITEM_MARKER.match(text))
            or bool(FINDINGS_HEADING.match(text))
            or _is_sentence(text)
        )

    # -- the body ---------------------------------------------------------------------------

    def _body(self, start: int, end: int, letter: bool) -> None:
        state = _Body(letter=letter)
        index = start
        while index < end:
            line = self.lines[index]
            text = self.texts[index]
            kind = self._body_kind(index, line, text, state, end)
            self.out[index] = kind
            if kind == "SUBJECT_LABEL":
                index += 1
                self.out[index] = "SUBJECT_VALUE"
                state.block = "SUBJECT_VALUE"
            index += 1

    def _body_kind(self, index: int, line: Line, text: str, state: _Body, end: int) -> str:
        # Both tests of a line's shape ask whether it is a bullet or a finding's marker.
        bullet = BULLET.match(text)
        marker = ITEM_MARKER.match(text)
        kind = self._continues(line, text, state, bullet or marker)
        if kind is None:
            kind = self._new_block(index, text, state, end, bullet, marker)
        if kind not in _IN_FINDING:
            state.close_item()
        if kind not in ("HIGHLIGHT", "CONT"):
            state.highlights = False
        if kind not in _GOES_ON:
            state.block = kind
            if kind in ("PARA", "RESPONSE"):
                state.para_seen = True
        state.last_text = text if kind not in _GOES_ON else f"{state.last_text} {text}"
        return kind

    def _continues(
        self, line: Line, text: str, state: _Body, listed: re.Match[str] | None
    ) -> str | None:
        """ "CONT" when the line goes on with the block above it (a hard-wrapped line);
        ``listed`` is the line's bullet or finding marker, if it opens with one."""
        block = state.block
        if state.pending_text:
            state.pending_text = False
            if not (listed or FINDINGS_HEADING.match(text) or MARKDOWN_HEADING.match(text)):
                return "ITEM_TEXT"
        if line.blank_before or listed:
            return None
        if block in ("BULLET", "HIGHLIGHT", "RBULLET", "ITEM") and (
            line.indent > 0 or text[:1].islower()
        ):
            return "CONT"
        if block in ("PARA", "RESPONSE") and (
            text[:1].islower() or not state.last_text.rstrip().endswith(_ENDS_SENTENCE)
        ):
            return "CONT"
        return None

    def _new_block(
        self,
        index: int,
        text: str,
        state: _Body,
        end: int,
        bullet: re.Match[str] | None,
        marker: re.Match[str] | None,
    ) -> str:
        following = self.texts[index + 1] if index + 1 < end else None
        if not state.saluted and is_salutation(text, misread=state.letter):
            state.saluted = True
            return "SALUTATION"
        if FINDINGS_HEADING.match(text):
            state.in_findings = True
            state.number = 0
            return "FINDINGS_HEADING"
        subject = None if state.subject else self._subject(index, text, state, following, end)
        if subject is not None:
            state.subject = True
            return subject
        marker = marker or self._numbered(text, state)
        if marker is not None:
            state.close_item()
            state.item = True
            state.number = int(marker.group("number"))
            state.pending_text = not text[marker.end() :].strip()
            return "ITEM"
        if bullet is not None and self._listed_finding(text[bullet.end() - 1 :], state):
            state.close_item()
            state.item = True
            return "ITEM"
        if bullet is not None:
            return self._bullet(state)
        if state.item and RESPONSE_LABEL.match(text):
            return "RESPONSE_LABEL"
        if not state.letter and not state.dated and not state.para_seen and DATE_LINE.match(text):
            state.dated = True
            return "DATELINE"
        if (
            is_heading(text)
            and not self._wraps(index, end)
            and not (state.item and state.block == "ITEM")
        ):
            state.in_findings = False
            if (
                not state.letter
                and not state.titled
                and not state.para_seen
                and words(text) >= 3
                and not MARKDOWN_HEADING.match(text)
            ):
                state.titled = True
                return "TITLE"
            return "HEADING"
        if state.item and not state.bullets_answer and not CLOSING_REMARKS.match(text):
            state.answered = True
            return "RESPONSE"
        return "PARA"

    def _subject(
        self, index: int, text: str, state: _Body, following: str | None, end: int
    ) -> str | None:
        """ "SUBJECT" for "Re: ..." anywhere, a title set apart right under the salutation,
        or a report's title opening the body of a letter that has no salutation;
        "SUBJECT_LABEL" for a label with the report's title on the next line."""
        if (
            SUBJECT.match(text)
            or (
                state.saluted
                and state.block == "SALUTATION"
                and (BOLD_LINE.match(text) or is_heading(text))
                and not self._wraps(index, end)
            )
            or (
                state.letter
                and state.block == "START"
                and following is not None
                and is_salutation(following)
                and self._titled(index)
            )
            or (
                state.letter
                and state.block == "START"
                and following is not None
                and is_prose(following)
                and self._report_line(index)
            )
        ):
            return "SUBJECT"
        if (
            SUBJECT_LABEL.match(text)
            and following is not None
            and not is_prose(following)
            and not BULLET.match(following)
        ):
            return "SUBJECT_LABEL"
        return None

    @staticmethod
    def _numbered(text: str, state: _Body) -> re.Match[str] | None:
        """A finding under a bare number: one that reads like a finding, or the next number
        of a list under a findings heading."""
        bare = ITEM_NUMBER.match(text)
        if bare is None:
            return None
        if SHOULD.search(text[bare.end() :]):
            return bare
        if state.in_findings and int(bare.group("number")) == state.number + 1:
            return bare
        return None

    @staticmethod
    def _listed_finding(body: str, state: _Body) -> bool:
        """A bulleted finding (``body``: the line from the last character of its bullet):
        under a findings heading or lead-in, worded like one."""
        lead = state.block in ("PARA", "RESPONSE") and is_lead_in(FINDINGS_LEAD, state.last_text)
        listed = state.in_findings or state.block == "ITEM" or bool(lead)
        return listed and not state.highlights and bool(FINDING_START.match(body))

    def _wraps(self, index: int, end: int) -> bool:
        """Whether the line runs on into the next (hard-wrapped prose, not a heading)."""
        if index + 1 >= end:
            return False
        following = self.lines[index + 1]
        return not following.blank_before and self.texts[index + 1][:1].islower()

    def _bullet(self, state: _Body) -> str:
        if state.highlights:
            return "HIGHLIGHT"
        lead = state.last_text if state.block in ("PARA", "RESPONSE") else ""
        if lead and is_lead_in(HIGHLIGHT_LEAD, lead):
            state.highlights = True
            return "HIGHLIGHT"
        if state.item and (
            not state.answered or state.block == "RBULLET" or lead.rstrip().endswith(":")
        ):
            if not state.answered:
                state.bullets_answer = True
            state.answered = True
            return "RBULLET"
        return "BULLET"


@attrs.define
class _Body:
    letter: bool
    block: str = "START"
    """The type of the line that opened the current block (not a continuation)."""
    last_text: str = ""
    """The current block's text so far."""
    saluted: bool = False
    subject: bool = False
    titled: bool = False
    dated: bool = False
    para_seen: bool = False
    in_findings: bool = False
    """After a findings heading: numbered lines are findings."""
    number: int = 0
    """The number of the last finding."""
    item: bool = False
    """Inside a finding: what follows answers it."""
    answered: bool = False
    bullets_answer: bool = False
    """The answer is a list of bullets (minutes), so prose after them is not part of it."""
    pending_text: bool = False
    """The finding's marker stood alone, so its text is on the next line."""
    highlights: bool = False

    def close_item(self) -> None:
        self.item = False
        self.answered = False
        self.bullets_answer = False
        self.pending_text = False
