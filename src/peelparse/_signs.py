"""Detection by weighed signs: the way every built-in plugin scores a text for its kind.

A plugin lists the layouts its kind shows (and those of other kinds, with negative
weights); each sign that fires adds its weight once, and the sum, capped at 1, is the
plugin's confidence. Evidence names the signs for and against, so a person can check why.

Every plugin weighs every text, so the search is kept cheap: a sign's pattern is compiled
only when a text first needs it searched, its words are looked for before the pattern is,
and the pattern is searched in a form the regular-expression engine can scan quickly
(see ``_plan``), which always finds a match exactly when the pattern as written would.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import attrs

from peelparse._kinds import Detection
from peelparse._lazy import LazyPattern

Needs = tuple[str, ...] | tuple[tuple[str, ...], ...]
"""Words one of which a text must hold, or groups of such words that must all be met."""


def _check_needs(_sign: Any, _attribute: Any, needs: Needs) -> None:
    items = tuple(needs)
    groups = [item for item in items if not isinstance(item, str)]
    if not groups:
        return
    if len(groups) != len(items):
        raise TypeError("needs are words or groups (tuples) of words, not both")
    for group in groups:
        if not all(isinstance(word, str) for word in group):
            raise TypeError(f"a group of needed words holds something else: {group!r}")
        if not group:
            raise ValueError("a group of needed words is empty: no text could meet it")


@attrs.frozen
class Sign:
    """A layout that speaks for (or, with a negative weight, against) a kind."""

    pattern: str
    """A regular expression searched for in the text (multi-line mode unless ``flags`` say)."""
    weight: float
    """What it adds to the confidence when found (negative: a sign of another kind)."""
    evidence: str
    """What it shows, in a few words a person can check."""
    group: str | None = None
    """Signs of one group count once: the first listed that fires."""
    flags: int = re.MULTILINE
    """Regular-expression flags."""
    needs: Needs = attrs.field(default=(), validator=_check_needs)
    """Lower-case words the text must hold for the sign to be searched for at all: a cheap
    test that spares the regular expression on most texts. Either words one of which the
    text must hold, ``("dear", "yours")``, or groups of such words, every group having one
    in the text: ``(("dear",), ("sir", "madam"))``. Words are looked for in
    ``text.lower()``. Each group must be necessary for a match, never only likely: for a
    case-insensitive pattern, leave 's' and 'i' out of words ('ſ' and 'ı' match them but
    lower-case to themselves)."""


@attrs.define
class Weighing:
    """The signs found in one text so far; add your own with ``add``."""

    kind: str
    minimum: float
    found: list[tuple[float, str]] = attrs.field(factory=list)

    def add(self, weight: float, evidence: str) -> None:
        """Count a sign found: its weight and what it shows."""
        self.found.append((weight, evidence))

    @property
    def score(self) -> float:
        """The sum of the weights found so far (not capped; see ``detection``)."""
        return round(sum(weight for weight, _ in self.found), 3)

    def detection(self) -> Detection | None:
        """The answer for ``peelparse_detect``: ``None`` below the minimum."""
        score = self.score
        if score < self.minimum or score <= 0:
            return None
        evidence = ", ".join(text for weight, text in self.found if weight > 0)
        against = ", ".join(text for weight, text in self.found if weight < 0)
        if against:
            evidence += f"; against: {against}"
        return Detection(self.kind, min(score, 1.0), evidence)


class Signs:
    """The signs of one kind; each pattern is compiled when a text first needs it."""

    def __init__(
        self, kind: str, signs: Iterable[Sign], *, minimum: float, flags: int | None = None
    ) -> None:
        """``flags``, when given, replace every sign's own."""
        self.kind = kind
        self.minimum = minimum
        self._entries = [_Entry(sign, sign.flags if flags is None else flags) for sign in signs]

    def start(self) -> Weighing:
        """An empty weighing, for signs a plugin checks itself before ``weigh``."""
        return Weighing(self.kind, self.minimum)

    def weigh(self, text: str, into: Weighing | None = None) -> Weighing:
        """Every sign found in ``text`` (look at the first few KB: ``SourceText.head``), added
        to ``into`` when given."""
        weighing = into if into is not None else self.start()
        lowered = _lowered(text)
        lower = lowered.lower
        seen = lowered.seen
        fired: set[str] = set()
        for entry in self._entries:
            group = entry.group
            if group is not None and group in fired:
                continue
            # The needs spelled out rather than in a helper: this runs for every sign of every
            # text. A group none of whose words is in the text ends the loop early.
            for words in entry.needs:
                for word in words:
                    present = seen.get(word)
                    if present is None:
                        present = seen[word] = word in lower
                    if present:
                        break
                else:
                    break
            else:
                words = ()
            if words:
                continue
            # The searches compiled so far, tried in place (the common case once a few texts
            # were weighed); the rest are compiled as a text first needs them.
            done = entry.compiled
            searches = entry.searches
            for how, pattern, word, prefix, written in searches:
                if how is _SEARCH:
                    if pattern.search(text):
                        break
                elif how is _LINES:
                    if pattern.search(lowered.lines()):
                        break
                elif how is _LOWER:
                    if lowered.unfolded == "" and prefix is None:
                        if pattern.search(lower):
                            break
                    elif _in_lower(pattern, word, prefix, written, lowered):
                        break
                elif _found(pattern, word, lowered):
                    break
            else:
                if done or not entry.search_on(lowered, len(searches)):
                    continue
            weighing.add(entry.weight, entry.evidence)
            if group is not None:
                fired.add(group)
        return weighing

    def _compiled(self) -> int:
        """How many signs have had a pattern compiled so far."""
        return sum(1 for entry in self._entries if entry.searches)


class _Entry:
    """One sign as ``weigh`` uses it: its needs as groups, and its searches, compiled one by
    one as texts need them."""

    __slots__ = (
        "compiled",
        "evidence",
        "flags",
        "group",
        "needs",
        "pattern",
        "planned",
        "searches",
        "weight",
    )

    def __init__(self, sign: Sign, flags: int) -> None:
        self.pattern = sign.pattern
        self.weight = sign.weight
        self.evidence = sign.evidence
        self.group = sign.group
        self.flags = flags
        items: tuple[Any, ...] = tuple(sign.needs)
        self.needs: tuple[tuple[str, ...], ...] = (
            tuple(tuple(group) for group in items)
            if items and not isinstance(items[0], str)
            else ((items,) if items else ())
        )
        # The searches compiled so far, in order; those still to compile (None until the
        # pattern is first read); whether none is left.
        self.searches: tuple[_Search, ...] = ()
        self.planned: list[_Planned] | None = None
        self.compiled = False

    def search_on(self, lowered: _Lowered, tried: int) -> bool:
        """Whether the searches after the first ``tried`` find the sign, compiling each one
        not compiled yet as it is tried."""
        with _COMPILING:  # one thread at a time adds searches, in order
            if any(_hit(search, lowered) for search in self.searches[tried:]):
                return True
            if self.planned is None:
                self.planned = _plan(self.pattern, self.flags)
            flags = self.flags
            while self.planned:
                how, source, word, prefix, written = self.planned.pop(0)
                try:
                    prefixed = _compiled(prefix, flags)
                    search = (how, re.compile(source, flags), word, prefixed, written)
                except re.error:
                    # Raises the pattern's own error if it is invalid; if it is not, the plan
                    # read it wrongly, and the pattern is searched as written.
                    search = (_SEARCH, re.compile(self.pattern, flags), "", None, "")
                    self.planned = []
                self.searches += (search,)
                if _hit(search, lowered):
                    break
            else:
                self.compiled = True
                return False
            self.compiled = not self.planned
            return True


def _hit(search: _Search, lowered: _Lowered) -> bool:
    """Whether one search finds its pattern: the loop in ``Signs.weigh``, for one search."""
    how, pattern, word, prefix, written = search
    if how is _SEARCH:
        return pattern.search(lowered.text) is not None
    if how is _LINES:
        return pattern.search(lowered.lines()) is not None
    if how is _LOWER:
        return _in_lower(pattern, word, prefix, written, lowered)
    return _found(pattern, word, lowered)


def _compiled(source: str, flags: int) -> re.Pattern[str] | None:
    return re.compile(source, flags) if source else None


class _Lowered:
    """A text with its lower-cased form and the words it was found to hold."""

    __slots__ = ("_lines", "lower", "seen", "text", "unfolded")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = lower = text.lower()
        self.seen: dict[str, bool] = {}
        self._lines: str | None = None
        # Letters whose case-insensitive matches lower-casing does not keep ("*": all, as
        # 'İ' lower-cases to two characters and moves what follows); None until needed.
        self.unfolded: str | None = (
            "" if text.isascii() else "*" if len(lower) != len(text) else None
        )

    def lines(self) -> str:
        """The text after a newline, so that every line starts after one."""
        if self._lines is None:
            self._lines = "\n" + self.text
        return self._lines

    def aligned(self, word: str) -> bool:
        """Whether the lower-cased text has every character where the text has it, and
        ``word`` (ASCII letters and digits) wherever the text has it in any case."""
        unfolded = self.unfolded
        if unfolded is None:
            # Letters that match 's' and 'i' case-insensitively but lower-case to themselves.
            text = self.text
            unfolded = self.unfolded = ("s" if "ſ" in text else "") + ("i" if "ı" in text else "")
        return not unfolded or (unfolded != "*" and not any(c in word for c in unfolded))


_COMPILING = threading.Lock()

# The plugins weigh the same head one after another: it is lower-cased once.
_recent = _Lowered("")


def _lowered(text: str) -> _Lowered:
    global _recent
    recent = _recent
    if text is recent.text or text == recent.text:
        return recent
    recent = _recent = _Lowered(text)
    return recent


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
#   provided every character stays in its place (``_Lowered.aligned``); other texts are
#   searched as written.
# - ``^[set]{0,n}rest`` with a set of letters but no newline, and ``rest`` as above: ``rest``
#   searched for, each match kept if its line up to there is at most ``n`` of the set.
# - A word in a case-insensitive group, ``(?i:word)rest``, is looked for in the lower-cased
#   text and ``rest`` tried where it is.
#
# Patterns the reading below is not sure of (verbose mode, comments, back-references,
# conditionals, global inline flags) are searched as written.

_SEARCH = "search"
_LINES = "lines"
_LOWER = "lower"
_FIND = "find"
_Search = tuple[str, re.Pattern[str], str, re.Pattern[str] | None, str]
"""How to search; the pattern; for ``_LOWER`` and ``_FIND`` the lower-case word it opens
with; for ``_LOWER`` the set (with its repeat) the line must hold before a match, if any,
and the pattern as written, for texts lower-casing moves characters in."""
_Planned = tuple[str, str, str, str, str]
"""A search before compiling: how, pattern, word, line prefix and pattern as written."""

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


def _plan(pattern: str, flags: int) -> list[_Planned]:
    """The searches that together find ``pattern``."""
    if flags & re.VERBOSE or _AS_WRITTEN.search(pattern):
        return [(_SEARCH, pattern, "", "", "")]
    branches = _split(pattern, 0)
    if branches is None or branches[1] != len(pattern):
        return [(_SEARCH, pattern, "", "", "")]
    plan: list[_Planned] = []
    for branch in branches[0]:
        for alternative in _distributed(branch, flags):
            plan.extend(_fast(alternative, flags))
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


def _fast(branch: str, flags: int) -> list[_Planned]:
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


def _after_line_prefix(branch: str, flags: int) -> list[_Planned]:
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
    plan: list[_Planned] = []
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
    lowered: _Lowered,
) -> bool:
    """Whether a search planned for the lower-cased text finds its pattern (searched as
    written where lower-casing moves characters)."""
    if lowered.aligned(word):
        text = lowered.lower
    else:
        text = lowered.text
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


def _found(pattern: re.Pattern[str], word: str, lowered: _Lowered) -> bool:
    """Whether ``pattern``, which opens with ``word`` in a case-insensitive group, matches
    where the lower-cased text holds ``word``."""
    text = lowered.text
    if not lowered.aligned(word):
        return pattern.search(text) is not None
    seen = lowered.seen
    if seen.get(word) is False:
        return False
    find = lowered.lower.find
    match = pattern.match
    at = find(word)
    seen[word] = at >= 0
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
            at += 1
            if pattern.startswith("^", at):
                at += 1
            if pattern.startswith("]", at):
                at += 1  # a ']' first in a set is one of its characters
            while at < size and pattern[at] != "]":
                at += 2 if pattern[at] == "\\" else 1
            if at >= size:
                return None
        elif char == "(":
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
