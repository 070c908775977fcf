"""Searching a sign's pattern in a form the regular-expression engine scans quickly.

The engine finds a literal first character or prefix with a quick scan and tries the whole
pattern only there; a pattern that opens with an alternation, a line anchor, a word boundary
or (in case-insensitive mode) a letter is instead tried at every position of the text. Most
detection signs open that way, so each is searched as its alternatives, each in a form that
finds a match exactly where the alternative does (see "searching fast" below).

Whether it pays, measured with ``benchmarks/detection.py`` (every plugin's detection as the
host runs it, on the 107 seeds and corpus pages, each document's ``DetectionView`` made
afresh; one core; the two ways interleaved, three runs; process time, median and range):

- patterns searched as written: 126.0 ms (125.5-126.1);
- patterns searched in these forms: 41.1 ms (41.0-41.4).

Detection costs three times as much without them, so they stay, here in their own module.
"""

from __future__ import annotations

import re
import threading
from itertools import pairwise

from peelparse._detection import DetectionView
from peelparse._lazy import LazyPattern


class FastSearch:
    """One pattern, searched in its fast forms; each form is compiled when a head first
    needs it searched."""

    __slots__ = ("compiled", "flags", "key", "pattern", "planned", "searches")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self.key = (pattern, flags)
        """What ``DetectionView.searched`` knows the pattern by."""
        # The searches compiled so far, in order; those still to compile (None until the
        # pattern is first read); whether none is left.
        self.searches: tuple[_Search, ...] = ()
        self.planned: list[_Planned] | None = None
        self.compiled = False

    def found(self, view: DetectionView) -> bool:
        """Whether the pattern is found in the head ``view`` reads."""
        # The searches compiled so far, tried in place (the common case once a few heads
        # were searched); the rest are compiled as a head first needs them.
        done = self.compiled
        searches = self.searches
        for how, pattern, word, prefix, written, tail in searches:
            if tail is not None and not tail.seen_in(view):
                continue
            if how is _SEARCH:
                if pattern.search(view.text):
                    return True
            elif how is _LINES:
                if pattern.search(view.newline_led):
                    return True
            elif how is _LOWER:
                if view.unfolded == "" and prefix is None:
                    if pattern.search(view.lower):
                        return True
                elif _in_lower(pattern, word, prefix, written, view):
                    return True
            elif _found(pattern, word, view):
                return True
        return not done and self._search_on(view, len(searches))

    def seen_in(self, view: DetectionView) -> bool:
        """``found``, searched once per head: the head's view keeps the answer."""
        searched = view.searched
        found = searched.get(self.key)
        if found is None:
            found = searched[self.key] = self.found(view)
        return found

    def _search_on(self, view: DetectionView, tried: int) -> bool:
        """Whether the searches after the first ``tried`` find the pattern, compiling each
        one not compiled yet as it is tried."""
        with _COMPILING:  # one thread at a time adds searches, in order
            if any(_hit(search, view) for search in self.searches[tried:]):
                return True
            if self.planned is None:
                self.planned = _plan(self.pattern, self.flags)
            flags = self.flags
            while self.planned:
                how, source, word, prefix, written, tail = self.planned.pop(0)
                try:
                    prefixed = _compiled(prefix, flags)
                    gate = FastSearch(tail, flags) if tail else None
                    search = (how, re.compile(source, flags), word, prefixed, written, gate)
                except re.error:
                    # Raises the pattern's own error if it is invalid; if it is not, the plan
                    # read it wrongly, and the pattern is searched as written.
                    search = (_SEARCH, re.compile(self.pattern, flags), "", None, "", None)
                    self.planned = []
                self.searches += (search,)
                if _hit(search, view):
                    break
            else:
                self.compiled = True
                return False
            self.compiled = not self.planned
            return True


def _hit(search: _Search, view: DetectionView) -> bool:
    """Whether one search finds its pattern: the loop in ``FastSearch.found``, for one."""
    how, pattern, word, prefix, written, tail = search
    if tail is not None and not tail.seen_in(view):
        return False
    if how is _SEARCH:
        return pattern.search(view.text) is not None
    if how is _LINES:
        return pattern.search(view.newline_led) is not None
    if how is _LOWER:
        return _in_lower(pattern, word, prefix, written, view)
    return _found(pattern, word, view)


def _compiled(source: str, flags: int) -> re.Pattern[str] | None:
    return re.compile(source, flags) if source else None


# Re-entrant: a search compiled under it may first search the part it cannot match without.
_COMPILING = threading.RLock()


# -- searching fast ------------------------------------------------------------------------
#
# The regular-expression engine finds a literal first character or prefix with a quick scan
# and tries the whole pattern only there; a pattern that opens with an alternation, a line
# anchor, a word boundary or (in case-insensitive mode) a letter is instead tried at every
# position of the text, ten to thirty times slower. So a pattern is searched as its
# alternatives, each in a form that finds a match exactly where the alternative does:
#
# - ``(?:a|b)rest`` at the start is searched as ``arest`` and ``brest``.
# - ``^rest`` in multi-line mode matches at the start or after a newline: the same as
#   ``\n(?:rest)`` searched in the text with a newline put in front. Kept as written when
#   ``rest`` looks behind itself or at the start of the text, which the newline would change.
# - ``\bword rest`` (a word of letters and digits) matches where ``word`` is not preceded by
#   a word character: ``word(?<!\wword) rest``.
# - A case-insensitive ``word rest`` is searched in the lower-cased text as a case-sensitive
#   ``word`` and a case-insensitive ``rest``. Case-insensitive matching tests characters
#   lower-cased, and lower-casing keeps a character's kind (space, word, digit: see the
#   tests), so ``rest`` matches the lower-cased text exactly where it matches the text,
#   provided every character stays in its place (``DetectionView.aligned``); other texts are
#   searched as written.
# - ``^[set]{0,n}rest`` with a set of letters but no newline, and ``rest`` as above: ``rest``
#   searched for, each match kept if its line up to there is at most ``n`` of the set.
# - A word in a case-insensitive group, ``(?i:word)rest``, is looked for in the lower-cased
#   text and ``rest`` tried where it is.
#
# A form the engine still tries at many places (a line's start, a short word such as "a",
# "the" or "our") is searched only in a head where the rest of its alternative from a long
# word it cannot match without (``report\s*,?\s+said`` in ``\b(?:the|an?)\s+report\s*,?\s+said``)
# is found: that rest matches wherever the alternative does, opens with a literal the engine
# scans for quickly, and is searched once per head for every alternative that shares it.
#
# Patterns the reading below is not sure of (verbose mode, comments, back-references,
# conditionals, global inline flags) are searched as written.

_SEARCH = "search"
_LINES = "lines"
_LOWER = "lower"
_FIND = "find"
_Search = tuple[str, re.Pattern[str], str, re.Pattern[str] | None, str, FastSearch | None]
"""How to search; the pattern; for ``_LOWER`` and ``_FIND`` the lower-case word it opens
with; for ``_LOWER`` the set (with its repeat) the line must hold before a match, if any,
and the pattern as written, for texts lower-casing moves characters in."""
_Form = tuple[str, str, str, str, str]
"""A search before compiling: how, pattern, word, line prefix and pattern as written."""
_Planned = tuple[str, str, str, str, str, str]
"""A search before compiling, and the part of its alternative it cannot match without that
is searched first (``""`` for none)."""

_AS_WRITTEN = LazyPattern(r"\(\?[aiLmsu]*x|\(\?#|\\[1-9]|\(\?P=|\(\?\(|\A\(\?[aiLmsux]+\)")
_CASE_CHANGES = LazyPattern(r"\(\?[aiLmsux]*[-aLu]")
_LOOKS_BEHIND = ("(?<", "\\A", "\\B")
_WORD = LazyPattern(r"(\\b)?(?:\(\?i:([A-Za-z0-9]+)\)|([A-Za-z0-9]+))")
_LINE_PREFIX = LazyPattern(r"\^(\[\^?\]?(?:\\.|[^\]\\])*\])(?:\{0,\d+\}|\*)\??")
_QUANTIFIERS = ("*", "+", "?", "{")
_INDENT = LazyPattern(r"(?:\[\^\\S\\n\]|\[ \\t\]|\\s)\*\+?")
_SPECIAL = "\\.^$*+?{}[]|()"
_INDENTATION = ("[^\\S\\n]", "[ \\t]")
_MOST_BRANCHES = 16
_TAIL_WORD = 5
"""The shortest word a search opens with that the engine finds quickly: shorter ones (the,
our) are found in most lines."""


def _plan(pattern: str, flags: int) -> list[_Planned]:
    """The searches that together find ``pattern``."""
    if flags & re.VERBOSE or _AS_WRITTEN.search(pattern):
        return [(_SEARCH, pattern, "", "", "", "")]
    branches = _split(pattern, 0)
    if branches is None or branches[1] != len(pattern):
        return [(_SEARCH, pattern, "", "", "", "")]
    plan: list[_Planned] = []
    for branch in branches[0]:
        for alternative in _distributed(branch, flags):
            tail = _tail(alternative, flags) if _opens_slowly(alternative) else ""
            plan.extend((*form, tail) for form in _fast(alternative, flags))
    return plan


def _distributed(branch: str, flags: int, depth: int = 0) -> list[str]:
    """``(?:a|b)rest`` (or ``\\b(?:a|b)rest``) as ``arest`` and ``brest``, when each then
    opens with a word; otherwise the branch itself."""
    opening = 2 if branch.startswith("\\b") else 0
    if depth > 2 or not branch.startswith("(?:", opening):
        return [branch]
    inner = _split(branch, opening + 3)
    if inner is None or len(inner[0]) < 2:
        return [branch]
    alternatives, close = inner
    rest = branch[close + 1 :]
    if close == len(branch) or rest.startswith(_QUANTIFIERS):
        return [branch]
    spread = [
        deeper
        for alternative in alternatives
        for deeper in _distributed(branch[:opening] + alternative + rest, flags, depth + 1)
    ]
    if len(spread) > _MOST_BRANCHES or not all(_opens_with_word(s, flags) for s in spread):
        return [branch]
    return spread


def _opens_with_word(branch: str, flags: int) -> bool:
    if (flags & re.MULTILINE and branch.startswith("^")) or _opens_with_mark(branch):
        return True
    word = _leading_word(branch)
    # A word in a case-insensitive group is looked for letter by letter: one letter is not
    # worth it.
    return word is not None and (len(word[0]) > 1 or not word[1])


def _opens_with_mark(branch: str) -> bool:
    """Whether a branch opens with a punctuation mark (which has no case) as a literal."""
    size = 2 if branch.startswith("\\") else 1  # a mark after a backslash stands for itself
    mark = branch[size - 1 : size]
    return (
        bool(mark)
        and (size == 2 or mark not in _SPECIAL)
        and not mark.isalnum()
        and mark.lower() == mark.upper() == mark.casefold()
        and not branch.startswith(_QUANTIFIERS, size)
    )


def _leading_word(branch: str) -> tuple[str, bool, int, int] | None:
    """The word a branch opens with: (word, whether it is in a ``(?i:...)`` group, where the
    word starts, where what follows it starts)."""
    match = _WORD.match(branch)
    if match is None:
        return None
    if match.group(2):
        end = match.end()
        if branch.startswith(_QUANTIFIERS, end):
            return None
        return match.group(2), True, match.start(2), end
    start, end = match.span(3)
    if branch.startswith(_QUANTIFIERS, end):
        end -= 1  # the last letter is repeated, not part of the word
    if end == start:
        return None
    return branch[start:end], False, start, end


def _fast(branch: str, flags: int) -> list[_Form]:
    """The searches for one alternative, in the first form above that fits it."""
    if flags & re.MULTILINE and branch.startswith("^"):
        after_prefix = _after_line_prefix(branch, flags)
        if after_prefix:
            return after_prefix
        if any(part in branch for part in _LOOKS_BEHIND):
            return [(_SEARCH, branch, "", "", "")]
        openings = _openings(branch[1:])
        gate = f"(?=[{openings}])" if openings else ""
        return [(_LINES, f"\n{gate}(?:{branch[1:]})", "", "", "")]
    word = _leading_word(branch)
    if word is None:
        return [(_SEARCH, branch, "", "", "")]
    literal, scoped, start, end = word
    if not scoped and _lowers_alike(branch, flags):
        return [(_LOWER, _in_lower_case(literal, start, end, branch), literal.lower(), "", branch)]
    if scoped or flags & re.IGNORECASE:
        return [(_FIND, branch, literal.lower(), "", "")]
    if start == 2:
        return [(_SEARCH, f"{literal}(?<!\\w{literal}){branch[end:]}", "", "", "")]
    return [(_SEARCH, branch, "", "", "")]


def _opens_slowly(branch: str) -> bool:
    """Whether the engine tries ``branch`` at many places of a text: where every line
    starts, or where a short word (a, the, our) or a class of characters is."""
    if branch.startswith("^"):
        return True
    word = _leading_word(branch)
    return word is None or word[1] or len(word[0]) < _TAIL_WORD


def _tail(branch: str, flags: int) -> str:
    """The rest of ``branch`` from the first word of at least ``_TAIL_WORD`` letters after
    its opening that it cannot match without (outside every group), or ``""``. A text
    without a match of the rest has none of the branch, and the rest, opening with a long
    word, is searched fast."""
    opening = _leading_word(branch)
    at = opening[3] if opening is not None else 0
    depth = 0
    size = len(branch)
    while at < size:
        char = branch[at]
        if char == "\\":
            at += 2
            if branch.startswith("N{", at - 1):
                at = branch.find("}", at) + 1 or size  # a character's name is no word
            continue
        if char == "[":
            at = _after_set(branch, at)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and char.isalpha() and not branch[at - 1].isalnum():
            word = _leading_word(branch[at:])
            if word is not None and len(word[0]) >= _TAIL_WORD:
                return _valid(branch[at:], flags)
        at += 1
    return ""


def _valid(source: str, flags: int) -> str:
    """``source`` if it compiles, else ``""``: a gate that cannot compile is no gate."""
    try:
        re.compile(source, flags)
    except re.error:
        return ""
    return source


def _after_set(pattern: str, at: int) -> int:
    """Where the character set opening at ``at`` ends: past its ``]``, or past the end of
    ``pattern`` when nothing closes it."""
    at += 1
    if pattern.startswith("^", at):
        at += 1
    if pattern.startswith("]", at):
        at += 1  # a ']' first in a set is one of its characters
    while at < len(pattern) and pattern[at] != "]":
        at += 2 if pattern[at] == "\\" else 1
    return at + 1


def _openings(rest: str) -> str:
    """The characters ``rest`` can open with, as the inside of a set (``""`` if unsure):
    indentation, then optional groups, then a group or literal it cannot match without,
    each opening with a literal character."""
    found = []
    at = 0
    indent = _INDENT.match(rest)
    if indent:
        found.append("\\s")
        at = indent.end()
    while rest.startswith("(?:", at):
        inner = _split(rest, at + 3)
        if inner is None or inner[1] == len(rest):
            return ""
        alternatives, close = inner
        firsts = [_first_character(alternative) for alternative in alternatives]
        if not all(firsts):
            return ""
        found.extend(re.escape(first) for first in firsts)
        at = close + 1
        if rest.startswith("{", at):
            return ""  # a repeat that may be none, or not: unsure
        if not rest.startswith(("?", "*"), at):
            return "".join(found)
        at += 2 if rest.startswith(("??", "*?"), at) else 1
    first = _first_character(rest[at:])
    return "".join(found) + re.escape(first) if first else ""


def _first_character(part: str) -> str:
    """The literal character ``part`` opens with, when it cannot open with another."""
    if part.startswith("\\b"):
        part = part[2:]
    if part.startswith("\\"):
        first, after = part[1:2], part[2:3]
        if not first or (first.isascii() and first.isalnum()):
            return ""
    else:
        first, after = part[:1], part[1:2]
        if not first or first in _SPECIAL:
            return ""
    return "" if after in ("*", "?", "{") else first


def _lowers_alike(branch: str, flags: int) -> bool:
    """Whether the whole branch is matched case-insensitively, in the full Unicode sense."""
    return bool(flags & re.IGNORECASE) and not flags & re.ASCII and not _CASE_CHANGES.search(branch)


def _in_lower_case(literal: str, start: int, end: int, branch: str) -> str:
    """A branch that opens with ``literal`` (after ``\\b`` when ``start`` is 2), as found in
    the lower-cased text: the word in lower case and matched as it is."""
    word = literal.lower()
    bounded = f"(?<!\\w{word})" if start == 2 else ""
    return f"(?-i:{word}){bounded}{branch[end:]}"


def _after_line_prefix(branch: str, flags: int) -> list[_Form]:
    """``^[set]{0,n}rest`` as searches for ``rest`` in the lower-cased text that keep a match
    where its line up to there is at most ``n`` of the set; empty unless the set holds
    letters but no newline and each alternative of ``rest`` opens with a word."""
    opening = _LINE_PREFIX.match(branch)
    # Indentation alone is cheaper to scan line by line.
    if opening is None or opening.group(1) in _INDENTATION or not _lowers_alike(branch, flags):
        return []
    try:
        characters = re.compile(opening.group(1), flags)
    except re.error:
        return []
    if characters.fullmatch("\n") or not characters.fullmatch("x"):
        return []
    prefix = opening.group()[1:]
    plan: list[_Form] = []
    for rest in _distributed(branch[opening.end() :], flags):
        word = _leading_word(rest)
        if word is None or word[1]:
            return []
        literal, _, start, end = word
        opened = _in_lower_case(literal, start, end, rest)
        plan.append((_LOWER, opened, literal.lower(), prefix, rest))
    return plan


def _in_lower(
    pattern: re.Pattern[str],
    word: str,
    prefix: re.Pattern[str] | None,
    written: str,
    view: DetectionView,
) -> bool:
    """Whether a search planned for the lower-cased text finds its pattern (searched as
    written where lower-casing moves characters)."""
    if view.aligned(word):
        text = view.lower
    else:
        text = view.text
        pattern = re.compile(written, pattern.flags)
    if prefix is None:
        return pattern.search(text) is not None
    at = 0
    while (match := pattern.search(text, at)) is not None:
        start = match.start()
        if prefix.fullmatch(text, text.rfind("\n", 0, start) + 1, start):
            return True
        at = start + 1
    return False


def _found(pattern: re.Pattern[str], word: str, view: DetectionView) -> bool:
    """Whether ``pattern``, which opens with ``word`` in a case-insensitive group, matches
    where the lower-cased head holds ``word``."""
    text = view.text
    if not view.aligned(word):
        return pattern.search(text) is not None
    at = view.first(word)
    if at < 0:
        return False
    find = view.lower.find
    match = pattern.match
    while at >= 0:
        if match(text, at):
            return True
        at = find(word, at + 1)
    return False


def _split(pattern: str, start: int) -> tuple[list[str], int] | None:
    """The alternatives of ``pattern`` from ``start`` to the ``)`` that closes the group
    ``start`` is in (or to the end), and where that ends; ``None`` if it is malformed."""
    cuts = [start - 1]
    depth = 0
    at = start
    size = len(pattern)
    while at < size:
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at = _after_set(pattern, at)
            if at > size:
                return None
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char == "|" and depth == 0:
            cuts.append(at)
        at += 1
    if depth:
        return None
    cuts.append(at)
    return [pattern[a + 1 : b] for a, b in pairwise(cuts)], at
