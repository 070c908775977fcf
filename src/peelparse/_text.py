"""Small text helpers shared by every grammar: normalising record text, splitting sentences,
finding where lines and words start."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

_MARK = re.compile(
    r"""^[ \t\u00a0]*(?:
        \#{1,6}[ \t]+                                   # markdown heading
      | (?:[-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013][ \t\u00a0]+)   # bullet
      | \*\*(?=\S)                                      # bold open
    )""",
    re.VERBOSE,
)
_MARK_STARTS = frozenset("#-*\u2022\u25aa\u25cf\u00b7\u2023\u25e6\u2013 \t\u00a0")
"""The characters ``_MARK`` can start with: a text opening with any other has no mark."""


def offsets(text: str, part: str) -> list[int]:
    """Every offset in ``text`` where ``part`` starts, overlapping ones included."""
    found: list[int] = []
    find = text.find
    at = find(part)
    while at >= 0:
        found.append(at)
        at = find(part, at + 1)
    return found


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts."""
    return [0] + [at + 1 for at in offsets(text, "\n")]


def join_lines(raw: str) -> str:
    """Each line stripped, blank lines dropped, the rest joined by one space.

    This is the one whitespace normalisation record text gets: a record's ``text`` equals
    ``join_lines`` of the source at its span, less any layout mark (see ``strip_marks``).
    """
    if "\n" not in raw:  # most records are one line
        return raw.strip()
    return " ".join(part for line in raw.split("\n") if (part := line.strip()))


def strip_marks(raw: str) -> str:
    """``join_lines`` of ``raw`` less a leading bullet, markdown heading mark or bold marks."""
    text = join_lines(raw)
    if text[:1] in _MARK_STARTS:
        text = _MARK.sub("", text, count=1)
    return text[: end_before_bold(text, len(text))].strip()


def end_before_bold(text: str, end: int, start: int = 0) -> int:
    """Where ``text[start:end]`` ends without the bold marks that close it; they count only
    right after a word ("word**"), never on their own. ``start`` reads a stretch of a longer
    text where it stands, without a copy of it."""
    if end - start > 2 and text.endswith("**", start, end) and not text[end - 3].isspace():
        return end - 2
    return end


# The group is the closing quote mark a sentence keeps: a sentence ends where it ends. The
# expression opens with the mark that ends a sentence, which the engine looks for at C speed.
_SENTENCE_END = re.compile(r"[.!?]([\"'”’]?)\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of each sentence in ``text`` (a paragraph)."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.end(1)
        start = match.end()
    end = len(text.rstrip())
    if start < end:
        yield start, end


_CASES = {"i": "iI\u0130\u0131", "s": "sS\u017f", "k": "kK\u212a"}
"""How these letters may be written where case is ignored ("\u0131" matches "i"); any other
letter is written as itself or its capital."""


def cases(letter: str) -> str:
    """Every character that matches ``letter`` (lower case) where case is ignored."""
    return _CASES.get(letter, letter + letter.upper())


_FOLDED = str.maketrans("\u0131\u017f", "is")
"""'ı' and 'ſ' made the letters they match where case is ignored: of the ways ``_CASES``
writes a letter, the two that lower-casing leaves as they are."""


def unfolded_letters(text: str) -> str:
    """The letters ``text`` writes, somewhere, as 'ı' (dotless i) or 'ſ' (long s): "i", "s",
    both or, for nearly every text, "". Where case is ignored they match "i" and "s", yet
    lower-casing keeps them as they are, so the lower case of a text that holds them misses
    words a case-blind search finds."""
    return ("i" if "\u0131" in text else "") + ("s" if "\u017f" in text else "")


def folded_lower(text: str, lower: str | None = None) -> str | None:
    """``text`` lower-cased, 'ı' and 'ſ' made 'i' and 's': it holds a word of ASCII characters
    exactly where a case-blind search finds the word in ``text``, at the same offsets. ``None``
    where lower-casing moves characters ('İ' lower-cases to two), so that its offsets are not
    those of ``text``. ``lower``: ``text.lower()``, if known (given back for nearly every
    text)."""
    if lower is None:
        lower = text.lower()
    if len(lower) != len(text):
        return None
    return lower.translate(_FOLDED) if unfolded_letters(lower) else lower


def word_opening(words: tuple[str, ...]) -> str:
    """``\\b(?:word|...)`` with case ignored, written as one branch for each way its first
    letter may be written, each opening with that letter: the engine looks for those letters
    at C speed, where an expression whose flags ignore case, or that opens with ``\\b``, is
    tried at every position of a text. It matches the same text in the same order. Each word
    opens with a plain lower-case letter; the rest is an expression. Put what follows it in
    ``(?i:...)`` and compile without ``re.IGNORECASE``."""
    return f"(?:{word_branches(words)})"


def word_branches(words: tuple[str, ...]) -> str:
    """``word_opening`` without its group, to join other branches that open with a character
    of their own (a group inside a branch would hide its letters from the engine)."""
    firsts = list(dict.fromkeys(word[0] for word in words))
    # after the first letter, that no word character stands before it: \b, checked late
    return "|".join(
        rf"{cased}(?<!\w.)(?i:{'|'.join(w[1:] for w in words if w[0] == first)})"
        for first in firsts
        for cased in cases(first)
    )


_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    "a an and are as at be by does for force forces from how in is it its of on or the their "
    "to what which with constabulary extent well whether this that".split()
)


@functools.lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Lower-case word stems of ``text`` without function words, for matching by meaning."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP)


def _stem(word: str) -> str:
    for suffix in ("ingly", "ively", "ately", "ness", "ing", "ive", "ed", "ly", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def overlap(subject: str, candidate: str) -> float:
    """Share of ``subject``'s content words that ``candidate`` also has (0 to 1)."""
    words = content_words(subject)
    if not words:
        return 0.0
    return len(words & content_words(candidate)) / len(words)
