"""Reads HTML pages, as saved from the inspectorate's, a force's or a commissioner's site.

The page becomes the line text every grammar reads (see ``peelparse_html.blocks``). It needs
lxml, the ``html`` extra: ``pip install 'peelparse[html]'``. lxml's HTML parser is used with
the network switched off; it neither loads a DTD nor expands entities a page declares, and
nothing a page names (scripts, styles, images, frames) is fetched or run.
"""

from __future__ import annotations

import re

from peelparse import InputError, Reading, hookimpl
from peelparse_html.blocks import to_reading
from peelparse_html.charset import decode, sniff_text

EXTRA = "pip install 'peelparse[html]'"

_PROLOGUE = re.compile(r"\s*(?:<\?xml\b[^>]*>\s*)?(?:<!--.*?-->\s*)*", re.S)
_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_MARKUP = re.compile(
    r"<(?:p|h[1-6]|div|ul|ol|li|dl|dt|dd|table|tr|td|th|section|article|header|footer|nav|main|"
    r"aside|blockquote|span|a|br|hr|strong|em|b|i|meta|title|link|script|style)\b[^<>]*>",
    re.I,
)
_MARKUP_NEEDED = 3
"""Block or inline tags needed near the start of markup that is not a whole document."""
_DOCTYPE = re.compile(
    r"\s*(?:<\?xml\b[^>]*>\s*)?(?:<!--.*?-->\s*)*(<!doctype\b(?:[^\[>]++|\[[^\]]*+\])*+>)",
    re.I | re.S,
)


def is_html(data: bytes, name: str | None = None) -> bool:
    """Whether the bytes are an HTML page: a doctype, ``<html>``, ``<head>`` or ``<body>``
    near the start, or text that opens with markup rich in HTML tags. A ``.html`` or
    ``.htm`` name lowers how much markup is needed, no more."""
    head = sniff_text(data)
    start = _PROLOGUE.match(head)
    at = start.end() if start else 0
    if not head.startswith("<", at):
        return False
    window = head[at : at + 2048]
    if _DOCUMENT.search(window):
        return True
    needed = 1 if name and name.lower().endswith((".html", ".htm")) else _MARKUP_NEEDED
    return len(_MARKUP.findall(window, 0)) >= needed


@hookimpl
def peelparse_read(data: bytes, name: str | None) -> Reading | None:
    if not is_html(data, name):
        return None
    label = name or "the input"
    try:
        import lxml.etree
    except ImportError:
        raise InputError(
            "PP108", f"{label} is an HTML page; reading HTML needs the html extra: {EXTRA}"
        ) from None
    text, encoding = decode(data)
    # The doctype holds no text, and an internal subset of entity declarations would
    # otherwise be shown as text by the forgiving HTML parser.
    if doctype := _DOCTYPE.match(text):
        text = text[: doctype.start(1)] + text[doctype.end(1) :]
    parser = lxml.etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=False,
    )
    try:
        root = lxml.etree.fromstring(text.encode("utf-8", errors="replace"), parser)
        # Past its safety limits (elements nested over 256 deep, a text over 10 MB) the
        # parser stops and keeps what it had, which may be nothing: say so rather than lose
        # the rest.
        fatal = [e for e in parser.error_log if e.level == lxml.etree.ErrorLevels.FATAL]
        if fatal:
            raise InputError(
                "PP111",
                f"{label} is an HTML page beyond the HTML parser's safety limits: "
                f"{fatal[0].message}",
            )
        page, furniture = ("", ()) if root is None else to_reading(root)
    except InputError:
        raise
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise InputError("PP111", f"{label} is an HTML page that cannot be read: {exc}") from None
    except Exception as exc:  # lxml is third-party code: no exception of its may escape
        raise InputError(
            "PP111", f"{label} is an HTML page that cannot be read: {type(exc).__name__}: {exc}"
        ) from None
    return Reading(page, "html", encoding, furniture)
