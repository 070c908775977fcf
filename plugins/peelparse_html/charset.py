"""Which characters an HTML page's bytes stand for: its byte-order mark, then what the page
declares, then UTF-8, then Windows Latin-1."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
PRESCAN = 8192
"""How many bytes are searched for a declared charset (and for HTML markup)."""

# Attribute runs are bounded so that a head full of unclosed tags costs little to search.
_META_CHARSET = re.compile(r"""<meta\b[^<>]{0,512}?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(r"""\A\s*<\?xml\b[^<>]{0,512}?\bencoding\s*=\s*["']([\w.:-]+)""", re.I)

# Labels are looked up in this table only, never handed to the codec registry as written: a
# page must not be able to name an arbitrary codec (a compressor, a module of the encodings
# package) for its bytes. As browsers do, Latin-1 and ASCII mean Windows Latin-1, and a UTF-16
# label on a page without a UTF-16 mark means UTF-8.
_LABELS = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso-ir-100": "cp1252",
    "latin9": "iso8859-15",
    "latin-9": "iso8859-15",
    "l9": "iso8859-15",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "macintosh": "mac-roman",
    "mac": "mac-roman",
    "shift_jis": "shift_jis",
    "shift-jis": "shift_jis",
    "sjis": "shift_jis",
    "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "gbk": "gbk",
    "gb2312": "gbk",
    "gb18030": "gb18030",
    "big5": "big5",
    "euc-kr": "euc_kr",
}
_WINDOWS = re.compile(r"(?:windows|cp|x-cp)-?125([0-8])")
_ISO_8859 = re.compile(r"iso[-_ ]?8859[-_ ]?(\d{1,2})")
_ISO_8859_PARTS = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16})


def bom(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def sniff_text(data: bytes) -> str:
    """The start of the page as text good enough to look for markup in."""
    found = bom(data)
    if found is not None and found[0] == "utf-16":
        return data[: PRESCAN * 2].decode("utf-16", errors="ignore")
    start = found[1] if found else 0
    # Every charset a page may declare agrees with ASCII on markup, so Latin-1 is enough to
    # see the tags whatever the page's real charset is.
    return data[start : start + PRESCAN].decode("latin-1")


def codec_for(label: str) -> str | None:
    """The Python codec for a charset label a page declares, or None if it is not one."""
    label = label.strip().lower()
    if label in _LABELS:
        return _LABELS[label]
    if match := _WINDOWS.fullmatch(label):
        return f"cp125{match.group(1)}"
    if match := _ISO_8859.fullmatch(label):
        part = int(match.group(1))
        if part == 1:
            return "cp1252"
        return f"iso8859-{part}" if part in _ISO_8859_PARTS else None
    return None


def declared(head: str) -> str | None:
    """The codec the page's ``<meta charset>``, http-equiv or XML declaration names."""
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match and (codec := codec_for(match.group(1))):
            return codec
    return None


def decode(data: bytes) -> tuple[str, str]:
    """The page as text and the encoding used to decode it."""
    found = bom(data)
    if found is not None:
        return data.decode(found[0], errors="replace"), found[0]
    candidates = [declared(sniff_text(data)), "utf-8"]
    for encoding in dict.fromkeys(c for c in candidates if c is not None):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace"), "cp1252"
