"""Reads HTML pages, as saved from the inspectorate's, a force's or a commissioner's site.

The page becomes the line text every grammar reads (see ``peelparse_html.blocks``). It needs
lxml, the ``html`` extra: ``pip install 'peelparse[html]'``. lxml's HTML parser is used with
the network switched off; it neither loads a DTD nor expands entities a page declares, and
nothing a page names (scripts, styles, images, frames) is fetched or run.
"""

from __future__ import annotations

import re
from typing import Any

from peelparse import Diagnostic, InputError, Reading, Severity, current_limits, hookimpl
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


_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4096}")
"""The start of a tag long enough to hold many attributes (libxml2 checks each attribute
against all before it, so their number costs quadratic time)."""
_ATTRIBUTE = re.compile(r"""(?<!\s)\s++[^\s=/>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?""")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*+)[^<>]*+>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def _fewer_attributes(text: str, most: int, notes: list[Diagnostic]) -> str:
    """``text`` with at most ``most`` attributes on each long tag; a note in ``notes`` says
    how many tags lost some."""
    parts: list[str] = []
    done = 0
    for long in _LONG_TAG.finditer(text):
        end = text.find(">", long.end())
        if long.start() < done or end < 0 or text.find("<", long.end(), end) >= 0:
            continue
        tag = text[long.start() : end + 1]
        found = list(_ATTRIBUTE.finditer(tag))
        if len(found) <= most:
            continue
        keep = found[most - 1].end() if most else found[0].start()
        parts += [text[done : long.start()], tag[:keep], ">"]
        done = end + 1
    if not parts:
        return text
    parts.append(text[done:])
    notes.append(
        _note(
            f"{len(parts) // 3} tag(s) have more than {most} "
            "attributes (Limits.html_max_attributes); the rest are dropped"
        )
    )
    return "".join(parts)


def _shallower(text: str, deepest: int) -> str:
    """``text`` without the tags of elements nested deeper than ``deepest``: their text stays
    in the element at that depth."""
    depth = 0

    def keep(tag: re.Match[str]) -> str:
        nonlocal depth
        closing, name = tag.group(1), tag.group(2).lower()
        if name in _VOID or tag.group(0).endswith("/>"):
            return tag.group(0) if depth < deepest else " "
        if closing:
            depth = max(0, depth - 1)
            return tag.group(0) if depth < deepest else " "
        depth += 1
        return tag.group(0) if depth <= deepest else " "

    return _TAG.sub(keep, text)


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
    limits = current_limits()
    notes: list[Diagnostic] = []
    text = _fewer_attributes(_without_doctype(text), limits.html_max_attributes, notes)
    parser = lxml.etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=False,
    )
    try:
        root = _root(parser, text, label, limits.html_max_depth, notes)
        page, furniture = ("", ()) if root is None else to_reading(root)
    except InputError:
        raise
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise InputError("PP111", f"{label} is an HTML page that cannot be read: {exc}") from None
    except Exception as exc:  # lxml is third-party code: no exception of its may escape
        raise InputError(
            "PP111", f"{label} is an HTML page that cannot be read: {type(exc).__name__}: {exc}"
        ) from None
    return Reading(page, "html", encoding, furniture, diagnostics=tuple(notes))


def _without_doctype(text: str) -> str:
    """``text`` less its doctype, which holds no text: an internal subset of entity
    declarations would otherwise be shown as text by the forgiving HTML parser."""
    if doctype := _DOCTYPE.match(text):
        return text[: doctype.start(1)] + text[doctype.end(1) :]
    return text


def _root(parser: Any, text: str, label: str, deepest: int, notes: list[Diagnostic]) -> Any:
    """The root element ``parser`` reads from ``text`` (``None`` for a page with none)."""
    root, fatal = _parsed(parser, text)
    if fatal is not None and "depth" in fatal.message.lower():
        # Past its depth limit the parser stops; the page is read again with the
        # elements below the budget's depth flattened into their text.
        notes.append(
            _note(
                f"elements are nested more than {deepest} deep "
                "(Limits.html_max_depth); the deeper ones are read as text only"
            )
        )
        root, fatal = _parsed(parser, _shallower(text, deepest))
    # Past its other safety limits (a text over 10 MB) the parser stops and keeps what
    # it had, which may be nothing: say so rather than lose the rest.
    if fatal is not None:
        raise InputError(
            "PP111",
            f"{label} is an HTML page beyond the HTML parser's safety limits: {fatal.message}",
        )
    return root


def _parsed(parser: Any, text: str) -> tuple[Any, Any]:
    """The root element ``parser`` reads from ``text``, and the first fatal error it logged
    (``None`` if none)."""
    import lxml.etree

    root = lxml.etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    fatal = next((e for e in parser.error_log if e.level == lxml.etree.ErrorLevels.FATAL), None)
    return root, fatal


def _note(message: str) -> Diagnostic:
    return Diagnostic("PP122", Severity.WARNING, message, None)
