"""The regions of a response that only the whole text shows: its head, body and sign-off.

No line says by itself where a response's parts are, so they are marked once over the
whole text before any line is typed. The *sign-off* (the complimentary close and the
signature under it) is found from the end: the last close, a misread close only near the
end, or a close guessed from a signature of bold lines or of a name above a role. The
*head* is the run of short lines before the body begins; whether it holds a letter's fields
decides whether the text is a letter, and a letter's body is read by other rules than a web
page's. The head of a letter is its fields, its letterhead and the address it is sent to.
"""

from __future__ import annotations

from peelparse.grammar import Unit
from peelparse_pcc.patterns import (
    ADDRESS,
    AFTER_SIGNATURE,
    BOLD_LINE,
    BULLET,
    CLOSING,
    DATE_LABEL,
    DATE_LINE,
    FIELDS,
    FINDINGS_HEADING,
    ITEM_MARKER,
    LETTER,
    LETTERHEAD,
    OUR_REF,
    PAGE,
    ROLE_WORDS,
    SIGNATURE,
    SUBJECT,
    VALEDICTION,
    YOUR_REF,
    is_field_label,
    is_ref_value,
    is_report_line,
    is_salutation,
    is_sentence,
    is_signature_like,
    is_titled,
    is_valediction,
    names_someone,
    words,
)

MAX_SIGNATURE_LINES = 6
"""A signature block (name, role, office, address) is never longer than this."""


def mark_regions(units: list[Unit]) -> list[Unit]:
    """``units``, each with the region of the response it stands in."""
    texts = [unit.text for unit in units]
    n = len(units)
    closing, signature = signoff(texts)
    body_end = closing if closing is not None else signature.start if signature else n
    zone, letter = _head_zone(texts, body_end)
    marks = [LETTER if letter else PAGE] * n
    if letter:
        marks[:zone] = _head_marks(texts, [unit.blank_before for unit in units], zone)
    if closing is not None:
        marks[closing] = CLOSING
    for index in signature:
        marks[index] = SIGNATURE
    return [unit.in_region(mark) for unit, mark in zip(units, marks, strict=True)]


def signoff(texts: list[str]) -> tuple[int | None, range]:
    """Where the close is, if any, and the lines of the signature."""
    n = len(texts)
    for index in range(n - 1, -1, -1):
        text = texts[index]
        # A close misread by OCR is looked for only near the end, where it stands
        # (``is_valediction`` takes the usual words too).
        near_end = n - index <= MAX_SIGNATURE_LINES + 1
        if is_valediction(text) if near_end else VALEDICTION.fullmatch(text):
            end = index + 1
            while (
                end < n
                and end - index <= MAX_SIGNATURE_LINES
                and is_signature_like(texts[end])
                and not AFTER_SIGNATURE.match(texts[end])
            ):
                end += 1
            return index, range(index + 1, end)
    return _guessed_signoff(texts)


def _guessed_signoff(texts: list[str]) -> tuple[int | None, range]:
    """No close in its usual words: a signature at the end (bold lines, or a name above a
    role) with a short line right above it, which is the close by its place."""
    n = len(texts)
    run = n
    while run > max(0, n - MAX_SIGNATURE_LINES - 1) and is_signature_like(texts[run - 1]):
        run -= 1
    if run == n:
        return None, range(0)
    sign = n
    while sign > run and BOLD_LINE.match(texts[sign - 1]):
        sign -= 1
    if sign == n:
        # a name above a role: two lines at least
        roles = [i for i in range(run + 1, n) if ROLE_WORDS.search(texts[i])]
        if not roles:
            return None, range(0)
        sign = roles[-1] - 1
    closing = sign - 1
    if closing >= run and words(texts[closing]) <= 6 and not BOLD_LINE.match(texts[closing]):
        return closing, range(sign, n)
    return None, range(sign, n)


def _head_zone(texts: list[str], end: int) -> tuple[int, bool]:
    """Where the body starts, and whether the text is a letter (the head before ``end``
    holds a letter's fields, or a date with a salutation or an addressee above it)."""
    zone = 0
    while zone < end and not _starts_body(texts[zone]):
        zone += 1
    if zone < end and is_salutation(texts[zone]) and zone > 0 and is_titled(texts[zone - 1]):
        zone -= 1  # the subject stands above the salutation
    fields = [i for i in range(zone) if is_field_label(texts[i])]
    dated = [i for i in range(zone) if DATE_LINE.match(texts[i])]
    saluted = zone < end and is_salutation(texts[zone])
    # Without "Dear ..." a letter still shows itself by whom it is sent to: a role
    # ("Home Secretary") in the block above its date.
    addressed = bool(dated) and any(
        ROLE_WORDS.search(texts[i]) and names_someone(texts[i]) for i in range(dated[0])
    )
    if not fields and not (dated and (saluted or addressed)):
        return 0, False
    if (
        not saluted
        and dated
        and zone > dated[-1] + 1
        and zone - 1 not in fields
        and is_report_line(texts[zone - 1])
    ):
        zone -= 1  # the report's title under the date, standing for a "Re:" line
    return zone, True


def _starts_body(text: str) -> bool:
    return (
        is_salutation(text)
        or bool(SUBJECT.match(text))
        or bool(BULLET.match(text))
        or bool(ITEM_MARKER.match(text))
        or bool(FINDINGS_HEADING.match(text))
        or is_sentence(text)
    )


def _head_marks(texts: list[str], blank_before: list[bool], zone: int) -> list[str]:
    """The regions of a letter's head (the lines before ``zone``)."""
    fields = head_fields(texts[:zone])
    rest = [i for i in range(zone) if i not in fields]
    address = {i for i in rest if i > min(fields)} if fields else set()
    if rest and fields and rest[-1] < max(fields):
        # Nothing follows the fields, so the address is the block of lines just above
        # them, below the letterhead; a block alone is the address only when it names
        # someone.
        start = len(rest) - 1
        while start > 0 and rest[start - 1] == rest[start] - 1 and not blank_before[rest[start]]:
            start -= 1
        if start > 0 or any(names_someone(texts[i]) for i in rest[start:]):
            address.update(rest[start:])
    return [FIELDS if i in fields else ADDRESS if i in address else LETTERHEAD for i in range(zone)]


def head_fields(texts: list[str]) -> set[int]:
    """The lines of a letter's head that are its fields: a label and its value on one line,
    or a label alone and its value on the line after."""
    fields: set[int] = set()
    index = 0
    while index < len(texts):
        text = texts[index]
        following = texts[index + 1] if index + 1 < len(texts) else None
        ref = OUR_REF.match(text) or YOUR_REF.match(text)
        if ref is not None:
            fields.add(index)
            if not ref.group("value") and following is not None and is_ref_value(following):
                index += 1
                fields.add(index)
        elif DATE_LABEL.match(text):
            fields.add(index)
            if following is not None and DATE_LINE.match(following):
                index += 1
                fields.add(index)
        elif DATE_LINE.match(text):
            fields.add(index)
        index += 1
    return fields
