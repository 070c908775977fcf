"""The table of a response's line shapes, ``SHAPES``: the terminals of ``pcc.lark`` by what
their lines look like, in order of preference.

The lines of a letter's head and of its sign-off are what their regions say
(``regions.mark_regions``), its fields by their shapes. A line of the body may fit several
shapes; the lexer gives it the first the grammar can take where the parse stands and whose
test of what came before passes (``before``). A few shapes are no terminal of the grammar:
they say what a line is not ("not the first line of a paragraph wrapped onto the next"),
or what the line after a terminal's must be.
"""

from __future__ import annotations

from collections.abc import Callable

from peelparse.grammar import LineShape, ShapeTable
from peelparse.text import LazyPattern
from peelparse_pcc.before import (
    PROSE,
    SALUTED,
    SUBJECTS,
    Follows,
    answer_goes_on,
    before_prose,
    first_in_body,
    in_highlights,
    next_number,
    not_after_asked,
    opens_body,
    sentence_open,
    under_findings,
)
from peelparse_pcc.patterns import (
    ADDRESS,
    BODY,
    BOLD_LINE,
    BULLET,
    CLOSING,
    CLOSING_REMARKS,
    DATE_LABEL,
    DATE_LINE,
    FIELDS,
    FINDINGS_HEADING,
    ITEM_MARKER,
    ITEM_NUMBER,
    LETTER,
    LETTERHEAD,
    MARKDOWN_HEADING,
    OUR_REF,
    PAGE,
    REF_VALUE,
    REPORT_TITLE,
    RESPONSE_LABEL,
    SIGNATURE,
    SUBJECT,
    SUBJECT_LABEL,
    YOUR_REF,
    is_exact_salutation,
    is_heading,
    is_listed_finding,
    is_misread_salutation,
    is_prose,
    is_ref_value,
    is_report_line,
    is_titled,
    reads_like_finding,
    words,
)
from peelparse_pcc.regions import mark_regions


def _body(
    name: str,
    pattern: LazyPattern | None = None,
    *,
    search: bool = False,
    test: Callable[[str], bool] | None = None,
    region: str | tuple[str, ...] = BODY,
    before: str | tuple[str, ...] | None = None,
    unless: tuple[str, ...] = (),
    follows: Follows | None = None,
) -> LineShape:
    """A shape of a line of the body, from one of ``patterns``' expressions (tried at the
    start, or anywhere with ``search``), or from its test alone."""
    written = ("", 0) if pattern is None else (pattern.pattern, pattern.flags)
    return LineShape(
        name,
        *written,
        "search" if search else "match",
        test=test,
        region=region,
        before=before,
        unless=unless,
        follows=follows,
    )


def _field(name: str, pattern: LazyPattern, test: Callable[[str], bool] | None = None) -> LineShape:
    """A shape of a line of a letter's fields."""
    return LineShape(name, pattern.pattern, pattern.flags, region=FIELDS, test=test)


def _labelled(pattern: LazyPattern, value: bool) -> Callable[[str], bool]:
    """A test of a field's line: its label with a value after it, or alone."""
    return lambda text: (
        (found := pattern.match(text)) is not None and (found.group("value") is not None) is value
    )


def _runs_on(
    name: str,
    onto: tuple[str, ...],
    *,
    test: Callable[[str], bool] | None = None,
    indented: bool | None = None,
    follows: Follows | None = None,
) -> LineShape:
    """A line that goes on with a block of ``onto`` above it: straight under it (page
    furniture may stand between), and no list item of its own."""
    return LineShape(
        name,
        test=test,
        indented=indented,
        after_blank=False,
        past_furniture=True,
        region=BODY,
        unless=_LISTED,
        joins=True,
        onto=onto,
        follows=follows,
    )


def marker_alone(text: str) -> bool:
    """A finding's name and number with nothing after them: its words are on the next line."""
    found = ITEM_MARKER.match(text)
    return found is not None and not text[found.end() :].strip()


def is_set_apart(text: str) -> bool:
    """A line set apart as a title: in bold, or a heading."""
    return bool(BOLD_LINE.match(text)) or is_heading(text)


def is_page_title(text: str) -> bool:
    """A heading that may be a page's title: a few words, not a markdown heading."""
    return is_heading(text) and words(text) >= 3 and not MARKDOWN_HEADING.match(text)


def is_value_line(text: str) -> bool:
    """A line that may be the value under a label: not prose, not a list item."""
    return not is_prose(text) and not BULLET.match(text)


def starts_lower(text: str) -> bool:
    return text[:1].islower()


_LISTED = ("BULLET", "MARKED")
"""A line that opens a list item or a finding goes on with no block above it."""
_LISTS = ("BULLET", "HIGHLIGHT", "RBULLET", "ITEM", "ITEM_SHOULD", "ITEM_NEXT", "ITEM_BULLET")
_ITEMS = (*_LISTS, "ITEM_TEXT")
"""The blocks a list item's wrapped lines go on with, a finding's words among them."""

SHAPES = ShapeTable(
    [
        # -- Lines the line before asks for (the grammar takes them nowhere else): the value
        # under a label such as "HMICFRS Report", and the words of a finding under its marker.
        _body("SUBJECT_VALUE"),
        _body("ITEM_TEXT", unless=("BULLET", "MARKED", "FINDINGS_HEADING", "MARKDOWN_HEADING")),
        # -- A salutation, and a subject: each the first of its body's.
        _body("SALUTATION", test=is_exact_salutation, follows=first_in_body(SALUTED)),
        _body(
            "SALUTATION_MISREAD",
            test=is_misread_salutation,
            region=LETTER,
            follows=first_in_body(SALUTED),
        ),
        _body("FINDINGS_HEADING", FINDINGS_HEADING),
        _body("SUBJECT", SUBJECT, follows=first_in_body(SUBJECTS)),
        # A title set apart right under the salutation (the grammar takes it only there).
        _body(
            "SUBJECT_SET_APART",
            test=is_set_apart,
            unless=("WRAPS",),
            follows=first_in_body(SUBJECTS),
        ),
        # A report's title opening a letter's body, above its salutation or its prose.
        _body(
            "SUBJECT_ABOVE",
            REPORT_TITLE,
            search=True,
            test=is_titled,
            region=LETTER,
            before=SALUTED,
            follows=opens_body,
        ),
        _body(
            "SUBJECT_REPORT",
            REPORT_TITLE,
            search=True,
            test=is_report_line,
            region=LETTER,
            before="PROSE",
            follows=opens_body,
        ),
        _body("SUBJECT_LABEL", SUBJECT_LABEL, before="VALUE", follows=first_in_body(SUBJECTS)),
        # -- Findings: by their name and number; by a bare number when worded as one or
        # next under a findings heading; by a bullet worded as one where findings stand.
        _body("ITEM_ALONE", ITEM_MARKER, test=marker_alone),
        _body("ITEM", ITEM_MARKER),
        _body("ITEM_SHOULD", ITEM_NUMBER, test=reads_like_finding),
        _body("ITEM_NEXT", ITEM_NUMBER, follows=next_number),
        _body("ITEM_BULLET", BULLET, test=is_listed_finding, follows=under_findings),
        # -- Bullets: the report's good points after their lead-in, a finding's answer,
        # any other.
        _body("HIGHLIGHT", BULLET, follows=in_highlights),
        _body("RBULLET", BULLET, follows=answer_goes_on),
        _body("BULLET", BULLET),
        _body("RESPONSE_LABEL", RESPONSE_LABEL),
        _body("DATELINE", DATE_LINE, region=PAGE, follows=before_prose),
        # A heading: none opens a finding's answer. The grammar takes a page's title before
        # any prose, once.
        _body("TITLE", test=is_page_title, unless=("WRAPS",), follows=not_after_asked),
        _body("HEADING", test=is_heading, unless=("WRAPS",), follows=not_after_asked),
        # Prose: a finding's answer where the grammar takes one, up to closing remarks.
        _body("RESPONSE", unless=("CLOSING_REMARKS",)),
        _body("PARA"),
        # -- A line a block wraps onto, which goes on with its token: a list item's when it
        # is indented or runs on in lower case, a paragraph's when it runs on in lower case
        # or the paragraph's last sentence has not ended.
        _runs_on("CONT_LOWER", (*_ITEMS, *PROSE), test=starts_lower),
        _runs_on("CONT_INDENTED", _ITEMS, indented=True),
        _runs_on("CONT", PROSE, follows=sentence_open),
        # -- The head and the sign-off, by their regions; the head's fields by their shapes.
        # A label alone takes the line under it as its value, when that line reads as one.
        LineShape("LETTERHEAD", region=LETTERHEAD),
        LineShape("ADDRESS", region=ADDRESS),
        _field("OUR_REF", OUR_REF, _labelled(OUR_REF, value=True)),
        _field("OUR_REF_LABEL", OUR_REF, _labelled(OUR_REF, value=False)),
        _field("YOUR_REF", YOUR_REF, _labelled(YOUR_REF, value=True)),
        _field("YOUR_REF_LABEL", YOUR_REF, _labelled(YOUR_REF, value=False)),
        _field("REF_VALUE", REF_VALUE, is_ref_value),
        _field("DATE_LABEL", DATE_LABEL),
        _field("DATE_VALUE", DATE_LINE),
        _field("DATE", DATE_LINE),
        LineShape("CLOSING", region=CLOSING),
        LineShape("SIGN", region=SIGNATURE),
        # -- What the shapes above ask of a line, or of the line after one: no terminals.
        _body("MARKED", ITEM_MARKER),
        _body("MARKDOWN_HEADING", MARKDOWN_HEADING),
        _body("CLOSING_REMARKS", CLOSING_REMARKS),
        _body("PROSE", test=is_prose),
        _body("VALUE", test=is_value_line),
        # A line of the body that the line under it runs on from, in lower case and with no
        # blank line between (page furniture may stand there): hard-wrapped prose, which is
        # no heading however it reads.
        LineShape(
            "RUNS_ON",
            test=starts_lower,
            after_blank=False,
            past_furniture=True,
            region=BODY,
        ),
        LineShape("WRAPS", before="RUNS_ON"),
    ],
    fallback="UNTYPED",
    regions=mark_regions,
)
"""Every shape a line of a response can take, in order of preference."""
