"""The wording of the lines of a response: regular expressions, each naming a layout or a
closed vocabulary (months, valedictions, roles), never one document's wording, and the tests
an expression alone cannot make (counts of words, a word misread by OCR). The kind's table
of line shapes (``shapes.SHAPES``) is made of them."""

from __future__ import annotations

import difflib
import re
from collections import Counter

from peelparse import Span
from peelparse.text import DAY_DATE_WRITTEN, LazyPattern, strip_marks

_MD = r"(?:\#{1,6}[ \t]+)?(?:\*\*)?"
"""An optional markdown heading mark and bold opening, as PDF-to-markdown text has them."""
_BOLD_END = r"(?:\*\*)?"

_REF = r"ref(?:erence)?\b\.?(?:\s+(?:no\.?|number))?"


def _field_line(label: str) -> LazyPattern:
    """A field's ``label``, alone or with its value on the same line."""
    # The value runs to the last non-space character (greedy): a lazy value followed by
    # trailing white space would try the rest of the line once per character.
    return LazyPattern(
        rf"(?P<label>{_MD}{label}{_BOLD_END})(?:\s*+(?P<value>\S(?:.*\S)?))?\s*$", re.IGNORECASE
    )


OUR_REF = _field_line(rf"(?:(?:Our|My)\s+{_REF}\s*:?|{_REF}\s*:)")
"""The sender's reference: "Our ref:" (or "Ref:") alone, or with its value on the same
line."""
YOUR_REF = _field_line(rf"Your\s+{_REF}\s*:?")
"""The addressee's reference."""

REF_VALUE = LazyPattern(r"[^\s:]\S{0,40}(?:\s\S{1,20}){0,2}")
"""A reference on the line after its label: a code of a few short words, not prose."""

DATE_LABEL = LazyPattern(rf"{_MD}Dated?\s*+:?{_BOLD_END}\s*+$", re.IGNORECASE)
"""A "Date:" label with its value on a later line."""

DATE_LINE = LazyPattern(
    rf"(?P<label>{_MD}(?:Dated?|Published(?:\s+on)?|Posted(?:\s+on)?)\s*:?{_BOLD_END}\s*)?"
    rf"(?P<value>{DAY_DATE_WRITTEN}){_BOLD_END}\s*$",
    re.IGNORECASE,
)
"""A line that is a date ("09 April 2018", "22nd March 2018", "Date: 9/4/2018",
"Published on 22 March 2018")."""


SUBJECT = LazyPattern(
    rf"(?P<label>{_MD}(?:Re|Subject)\s*(?::|\.|\s[–—-]))\s*(?P<value>\S.*?){_BOLD_END}\s*$",
    re.IGNORECASE,
)
"""The subject line of a letter: "## Re: PEEL Police Legitimacy 2017"."""

REPORT_TITLE = LazyPattern(r"\bPEEL\b|\b(?:report|inspection|review)\b", re.IGNORECASE)
"""Words of a report's title, on a subject line without "Re:"."""

SUBJECT_LABEL = LazyPattern(
    rf"{_MD}(?:(?:HMICFRS|HMIC|Inspection)\s+)?(?:inspection\s+)?report(?:\s+title)?"
    rf"\s*:?{_BOLD_END}\s*$",
    re.IGNORECASE,
)
"""A label such as "HMICFRS Report" with the report's title on the next line."""

FINDINGS_HEADING = LazyPattern(
    rf"{_MD}(?:The\s+)?(?:report'?s\s+)?(?P<what>Recommendations?|Areas?\s+for\s+improvement|"
    r"Causes?\s+of\s+concern|Actions?\s+for\s+further\s+improvement)"
    rf"(?:\s*\((?:AFIs?|CoCs?)\))?\s*:?{_BOLD_END}\s*$",
    re.IGNORECASE,
)
"""A heading that opens the findings the response answers."""

ITEM_MARKER = LazyPattern(
    rf"(?P<marker>{_MD}(?P<what>Recommendation|Areas?\s+for\s+improvement|AFI|"
    r"Causes?\s+of\s+concern|CoC|Actions?\s+for\s+further\s+improvement)"
    r"(?:\s*\((?:AFIs?|CoCs?)\))?\s*(?:no\.?\s*)?"
    rf"(?P<number>\d{{1,2}}){_BOLD_END}(?:\s*[–—:.)-])?{_BOLD_END})"
    r"(?:\s+|$)",
    re.IGNORECASE,
)
"""A finding introduced by its name and number: "Recommendation 2:", "AFI 7 –"."""

ITEM_NUMBER = LazyPattern(r"(?P<marker>(?P<number>\d{1,2})(?:[.)]|\s*[–—:-])?)\s+(?=\S)")
"""A finding introduced by a bare number ("1 The force should ..."), under a findings
heading or when it reads like a finding."""

SHOULD = LazyPattern(r"\b(?:should|must)\b", re.IGNORECASE)
"""Wording of a finding."""

FINDING_START = LazyPattern(
    r"(?:(?:Within|By)\s+[^,\n]{3,40},\s+)?(?:the\s+)?(?:force|constabulary|chief\s+constable|"
    r"[A-Z][\w&' -]{2,40}?\s+(?:Police|Constabulary))\s+(?:should|must)\b",
    re.IGNORECASE,
)
"""How a finding given as a bullet opens: "The force should ...", "Within three months,
Kent Police should ..."."""

FINDINGS_LEAD = LazyPattern(
    r"\b(?:areas?\s+for\s+improvement|recommendations?|causes?\s+of\s+concern|AFIs?)\b",
    re.IGNORECASE,
)
"""Words of a lead-in ending in a colon that introduces the report's findings (tried with
``is_lead_in``)."""

RESPONSE_LABEL = LazyPattern(
    rf"{_MD}(?:(?:Our|Force|PCC|PFCC|OPCC|Commissioner['’]s|Chief\s+Constable['’]s|"
    r"The\s+force['’]s)\s+)?(?:response|update|progress(?:\s+update)?|actions?\s+taken)"
    rf"(?:\s+(?:to\s+date|so\s+far))?\s*:?{_BOLD_END}\s*$",
    re.IGNORECASE,
)
"""A label over the answer to a finding: "Response:", "Force response", "Progress"."""


def label_of(words: str) -> str:
    """The finding label a heading or marker names, by its first word."""
    key = words.lower()
    if key.startswith(("area", "afi", "action")):
        return "area_for_improvement"
    if key.startswith(("cause", "coc")):
        return "cause_of_concern"
    return "recommendation"


BULLET = LazyPattern(r"(?:[-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6]|\d{1,2}[.)])[ \t\u00a0]+\S")
"""A bulleted or numbered list item ("- ", "• ", "· ", "1. ")."""

MARKDOWN_HEADING = LazyPattern(r"\#{1,6}[ \t]+\S")
"""A markdown heading line."""

HEADING = LazyPattern(r"[^\s•\-*a-z(\"“‘'][^\n]{0,110}(?<![.,;:!?\"”’])\s*$")
"""A short line without closing punctuation: a title or a sub-heading."""

BOLD_LINE = LazyPattern(r"\*\*\S.*\*\*\s*$")
"""A line set in bold, as the signature block of a converted letter is."""

CLOSING_REMARKS = LazyPattern(
    r"(?:I\s+(?:trust|hope)\b|In\s+(?:conclusion|summary)\b|To\s+conclude\b|"
    r"(?:Finally|In\s+closing),)",
    re.IGNORECASE,
)
"""Openings of a letter's closing remarks, which end the answer before them."""

HIGHLIGHT_LEAD = LazyPattern(
    r"\b(?:highlights?|positives?|positive\s+(?:points|findings|aspects)|welcome|praise[sd]?|"
    r"commend\w*|strengths?|good\s+practice|notabl[ey]|pleas(?:ed|ing)|encourag\w*)\b",
    re.IGNORECASE,
)
"""Words of a lead-in ending in a colon that introduces the report's good points (tried
with ``is_lead_in``)."""


def is_lead_in(words: LazyPattern, text: str) -> bool:
    """Whether the last line of ``text`` ends in a colon and holds one of ``words``.

    The words are looked for in that line only: a pattern that scanned on from each of them
    to the line's end would read a long line once per word it holds."""
    text = text.rstrip()
    if not text.endswith(":"):
        return False
    return words.search(text, text.rfind("\n") + 1) is not None


VALEDICTION = LazyPattern(
    r"(?:Yours\s+(?:sincerely|faithfully|truly|ever)|Yours|(?:With\s+)?(?:kind|best|warm)"
    r"(?:est)?\s+(?:regards|wishes)|Regards|(?:With\s+)?many\s+thanks|With\s+thanks)"
    r"[\s,.]*",
    re.IGNORECASE,
)
"""A complimentary close, in its usual words."""

KNOWN_VALEDICTIONS = ("Yours sincerely", "Yours faithfully", "Kind regards", "Best wishes")
"""What a garbled close is compared with."""

SALUTATION = LazyPattern(r"(?P<word>[A-Za-z]{3,5})\s+(?P<to>[^\n]{1,60}?)\s*[,:;.]?\s*$")
"""A salutation's shape: "Dear" (perhaps misread) and whom it addresses."""

KNOWN_ADDRESSES = (
    "Home Secretary",
    "Secretary of State",
    "Minister",
    "Policing Minister",
    "Sir",
    "Madam",
    "Sir or Madam",
    "Sir/Madam",
    "Colleague",
    "Colleagues",
    "Chief Constable",
    "Commissioner",
    "Chair",
    "Chief Inspector",
)
"""Forms of address a letter about an inspection uses besides the addressee's name."""

WRITTEN_TO = LazyPattern(
    r"\b(?:(?:am|is|are|was|were)\s+writing|I\s+write|(?:has|have|had)\s+(?:now\s+)?written"
    r"|wrote|writes)\s+to\s+(?:the\s+)?"
    r"(?P<to>[A-Z][\w’'&-]*(?:\s+(?:(?:and|&|of|for|the)\s+){0,2}[A-Z][\w’'&-]*){0,8})"
)
"""An opening that names whom the response is written to: "I am writing to the Home
Secretary", "has written to the Home Office and HMIC"."""

_ADDRESS = r"[\w+-][\w.+-]*+@[\w-]++(?:[.,][\w-]++)+(?![\w@-])"
"""An e-mail address as written, a comma typed for a dot included ("homeoffice,gsi.gov.uk");
a comma and a space part two addresses."""
SENT_TO = LazyPattern(
    r"\b(?:[Rr]espon[cs]es?|[Rr]epl(?:y|ies)|[Ll]etters?|[Ee]-?mails?|[Cc]op(?:y|ies))\s++"
    r"(?:(?:is|are|was|were|has\s++been|have\s++been|(?:to|should|must|will)\s++be)\s++)?"
    r"(?:sent|e-?mailed|returned|addressed)\s++to(?:\s*+:)?\s++"
    rf"(?P<to>{_ADDRESS}(?:\s*+(?:&|and|,|;|/)\s*+{_ADDRESS})*+)"
)
"""Where a response is sent, as e-mail addresses, for a form that names whom it answers only
so: "(Responses to be sent to a@b.gov.uk & c@d.gov.uk)", "Replies should be e-mailed to:
a@b.gov.uk", "E-mail sent to a@b.gov.uk"."""

ROLE_WORDS = LazyPattern(
    r"\b(?:Secretary|Minister|Commissioner|Constable|Mayor|Inspector|Chair(?:man|woman|person)?"
    r"|Director|Clerk|Chief\s+Executive|Chief\s+Officer|Deputy|Leader|Lead)\b"
)
"""Words that make a line of an address or signature a role."""

NOT_A_NAME = LazyPattern(
    r"\b(?:Office|Street|Road|House|Building|Lane|Avenue|Square|Place|Court|Park|Centre|"
    r"Headquarters|HQ|London|Police|Crime|Commissioner|Secretary|Department|Home|Ministry|"
    r"Council|Authority|Service|Services|Constabulary|Government|Dear|Yours|Regards)\b"
)
"""Words no person's name has, in an address or signature."""

_STYLE = r"(?:(?:The\s+)?(?:Rt\.?|Right)\s+Hon(?:\.|ourable)?\s+)"
_POST_NOMINALS = r"(?:\s*,?\s+(?:MP|QC|KC|QPM|OBE|MBE|CBE|DBE|DL|JP|PhD|MSc|MA|BA))*"
_NAME_WORD = r"(?:[A-Z][a-z’'-]*(?:[A-Z][a-z’'-]+)?[a-z]|[A-Z]\.?)"
"""A word of a name: "Smith", "McDonald", "O’Brien", "Anne-Marie", an initial."""
_TITLE_WORD = r"(?:Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Mr|Mrs|Ms|Miss|Cllr|Councillor)\.?"

PERSON = LazyPattern(
    rf"{_STYLE}?(?P<name>{_TITLE_WORD}(?:\s+{_NAME_WORD}){{1,4}}|"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
    rf"{_POST_NOMINALS}\s*$"
)
"""A part of a line that is a person: styles and post-nominals around the name."""


def person(text: str) -> re.Match[str] | None:
    """``text`` as a person (``PERSON``), unless it holds a word no name has."""
    return None if NOT_A_NAME.search(text) else PERSON.fullmatch(text)


_AREA = (
    r"[A-Z][\w’'-]*(?:(?:,\s*|\s+(?:and|&)\s+(?:the\s+)?|\s+of\s+(?:the\s+)?|\s+)[A-Z][\w’'-]*)*"
)
# The words before a role start where a run of word characters does and are taken whole:
# tried from inside a long run, each would read to its end again.
_ROLE = (
    r"(?:(?<![\w’'-])(?!The\b)[A-Z][\w’'-]*+\s+){0,3}?(?:Deputy\s+)?"
    r"(?:Police,?\s+(?:Fire\s+)?(?:and|&)\s+Crime|Police,\s+Crime\s+and\s+Victims[’']?|Police)"
    rf"\s+Commissioner(?:\s*\((?:PCC|PFCC)\))?(?:\s+for\s+(?:the\s+)?{_AREA})?"
    r"|(?:(?<![\w’'-])(?!The\b)[A-Z][\w’'-]*+\s+){0,2}?P(?:F)?CC"
    r"|(?:Deputy\s+)?Mayor\s+for\s+Policing(?:\s+and\s+Crime)?"
)


def _capital_first(written: str) -> LazyPattern:
    """``written``, every match of which opens with a capital letter, tested first for one:
    the engine then passes over the other positions at once instead of trying each name and
    role shape there (the alternatives and the groups are as written). The test says what
    may not follow, so that a text drawn from the expression need not spell it out; at the
    end of a text, where it passes, ``written`` cannot match."""
    return LazyPattern(rf"(?![^A-Z])(?:{written})")


COMMISSIONER_ROLE = LazyPattern(rf"(?:{_ROLE})")
"""A commissioner's role, as a speaker's role is written."""
COMMISSIONER_WORDS = ("Commissioner", "CC", "Mayor")
"""Words (case as written) one of which every commissioner's role holds: most paragraphs
hold none, and are spared the expressions that look for one."""

FORCE_RANK = LazyPattern(
    r"\b(?:Constable|Inspector|Officer|Superintendent|Sergeant|Director|Chief|"
    r"(?:Assistant|Deputy)\s+Commissioner)\b"
)
"""Ranks of a force's officers and an inspectorate's: a quoted speaker with one is not the
commissioner a statement is from."""

ROLE_ACTS_WRITTEN = rf"(?P<role>{_ROLE})\s+(?:has|have|says|said|welcomed|welcomes)\b"
ROLE_ACTS = _capital_first(ROLE_ACTS_WRITTEN)
"""The commissioner named by role alone ("The Police, Fire and Crime Commissioner for
Northamptonshire has received ...")."""
ROLE_ACTS_VERBS = ("has", "have", "says", "said", "welcome")
"""What (case as written) a paragraph must hold, on top of one of ``COMMISSIONER_WORDS``, for
``ROLE_ACTS`` to match it: many paragraphs name the commissioner without a speaking verb."""


def sub_span(span: Span, text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]``, where ``text`` is what ``span`` covers."""
    first = span.line + text.count("\n", 0, start)
    last = first + text.count("\n", start, max(start, end - 1))
    return Span(span.start + start, span.start + end, first, last)


def piece(span: Span, text: str, start: int, end: int) -> tuple[str, Span]:
    """The words of ``text[start:end]`` (marks removed) and where they are, where ``text`` is
    what ``span`` covers."""
    return strip_marks(text[start:end]), sub_span(span, text, start, end)


# -- Tests of a line's shape that an expression alone cannot make: counts of words, a word
# -- misread by OCR, what may stand in a signature block.

FUZZY = 0.75
"""How alike a misread word must be to the word it stands for ("Dcar" for "Dear")."""
AFTER_SIGNATURE = re.compile(r"(?:cc|c\.c\.|copy\s+to|enc(?:losures?|s?\.)?)\b", re.IGNORECASE)
"""Lines under a signature that are not part of it: copies, enclosures."""
_QUOTED = re.compile(r"[\"“”]|\b(?:said|says)\b")
ENDS_SENTENCE = (".", "!", "?", ":", ";", '"', "”", "’", ")")
"""How a line that ends a sentence ends."""


def words(text: str) -> int:
    return len(text.split())


def more_words(text: str, limit: int) -> bool:
    """Whether ``text`` has more than ``limit`` words: ``words(text) > limit`` without
    splitting a long line to its end."""
    return len(text.split(None, limit)) > limit


def is_prose(text: str) -> bool:
    """A line of running text rather than a label, name or address line."""
    n = words(text)
    return n > 15 or (n > 8 and text.rstrip().endswith(ENDS_SENTENCE))


def is_sentence(text: str) -> bool:
    """Running text that ends a letter's head; a long address line without a full stop
    (office, street, town and postcode on one line) does not."""
    n = words(text)
    return n > 30 or (n > 8 and text.rstrip().endswith(ENDS_SENTENCE))


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
    if total and 2.0 * shared_letters(a, b) / total < FUZZY:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= FUZZY


def shared_letters(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` have in common, counted with repeats: the count
    ``SequenceMatcher.quick_ratio`` takes, without building a matcher."""
    return (Counter(a) & Counter(b)).total()


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
        and not text.rstrip().endswith(ENDS_SENTENCE)
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


def is_field_label(text: str) -> bool:
    """A letter's field label, with or without its value: "Our ref:", "Your ref", "Date:"."""
    return bool(OUR_REF.match(text) or YOUR_REF.match(text) or DATE_LABEL.match(text))


def is_ref_value(text: str) -> bool:
    """A reference standing on the line under its label."""
    return bool(REF_VALUE.fullmatch(text)) and not (is_field_label(text) or DATE_LINE.match(text))


def names_someone(text: str) -> bool:
    """A line of an address block that is a person or a role ("Home Secretary")."""
    first = text.split(", ")[0]
    return words(first) <= 5 and bool(ROLE_WORDS.search(first) or person(first))


def is_report_line(text: str) -> bool:
    """A report's title on a line of its own, without closing punctuation."""
    return (
        bool(REPORT_TITLE.search(text))
        and is_heading(text)
        and not ROLE_WORDS.search(text)
        and not DATE_LINE.match(text)
    )


def is_titled(text: str) -> bool:
    """A report's title set apart on its own line (bold or heading-like)."""
    return (
        bool(REPORT_TITLE.search(text))
        and (bool(BOLD_LINE.match(text)) or is_heading(text))
        and not ROLE_WORDS.search(text)
        and not is_field_label(text)
        and not DATE_LINE.match(text)
    )


def is_exact_salutation(text: str) -> bool:
    return is_salutation(text, misread=False)


def is_misread_salutation(text: str) -> bool:
    return is_salutation(text) and not is_salutation(text, misread=False)


def reads_like_finding(text: str) -> bool:
    """A finding given a bare number: "1 The force should ..."."""
    bare = ITEM_NUMBER.match(text)
    return bare is not None and SHOULD.search(text[bare.end() :]) is not None


def is_listed_finding(text: str) -> bool:
    """A finding given as a bullet: "- The force should ..."."""
    bullet = BULLET.match(text)
    return bullet is not None and FINDING_START.match(text[bullet.end() - 1 :]) is not None


# -- The regions of a response (marked by ``regions.mark_regions``) --------------------------

LETTERHEAD = "letterhead"
ADDRESS = "address"
FIELDS = "fields"
"""The regions of a letter's head: its sender's lines, its addressee's, its labelled fields."""
LETTER = "letter"
PAGE = "page"
"""The body of a letter, and of anything else (a web statement, minutes)."""
BODY = (LETTER, PAGE)
"""The regions of a body."""
CLOSING = "closing"
SIGNATURE = "signature"
