"""Who is speaking: the words that attribute a quote ("HM Inspector Zoë Billingham said:",
"“…,” said Wendy Williams.", "She added:"), and the speaker's name and role in them. Every
kind reads its speakers with these."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from peelparse._forces import force_named
from peelparse._lazy import LazyPattern

OPENING = '“"„«'
"""Marks that open a quotation."""
CLOSING = "”\"»’'"
"""Marks that close one (a closing single mark often ends a quote nested at its end)."""

_STATEMENT_FROM = r"(?:Statement|Response|Comments?|Quote)\s+(?:from|by)\s+"
# A speaker's words run to a non-space before the verb's white space (or are two characters,
# the second a space), and start only where white space does not go on before them: a match
# is the same, but a search does not scan a long run of spaces again from each of its places.
_WHO = r"(?<!\s)(?P<who>[^“\"](?:\s|[^“\"]{0,298}?[^“\"\s]))"
SAID = LazyPattern(
    rf"{_WHO}\s+(?:said|says|added|commented|explained|stated|continued|"
    r"told\s+[\w ]{2,30}?)\s*:\s*$"
    rf"|{_STATEMENT_FROM}(?P<from>[^“\"]{{2,200}}?)\s*:\s*$",
    re.IGNORECASE,
)
"""A line that introduces a quote: "HM Inspector of Constabulary Zoë Billingham said:"."""


def may_introduce(text: str) -> bool:
    """Whether ``SAID`` can match ``text``: both its forms end in a colon."""
    return text.rstrip()[-1:] == ":"


SAID_BEFORE = LazyPattern(
    rf"(?P<attribution>{_WHO}\s+(?:said|says|added|commented|explained|"
    r"stated|continued)\s*+[:,]?)\s*+(?=[“\"‘])",
    re.IGNORECASE,
)
"""A paragraph that names its speaker and then quotes: "She said: “Treating ..."."""


def may_quote_after(text: str) -> bool:
    """Whether ``SAID_BEFORE`` can match ``text``: it ends before a quotation mark."""
    return "“" in text or '"' in text or "‘" in text


SAID_AFTER = LazyPattern(
    r"(?<=[,.!?…]”|[,.!?…]\"|[,.!?…]’)\s*(?P<attribution>(?:"
    r"(?:said|says|added|explained|commented|continued)\s+(?P<who>[^“\"]{2,200}?)"
    r"|(?P<who2>(?:[A-Z][\w’'-]*\s+){0,5}?(?:[A-Z][\w’'-]*|she|he|they))\s+"
    r"(?:said|says|added|explained|commented|continued))"
    r"\s*(?:[.:;,]|(?=[“\"]))?)\s*(?=[“\"]|$)",
)
"""An attribution after the quoted words: "…,” said Wendy Williams.", "…,” she added."."""


def may_attribute_after(text: str) -> bool:
    """Whether ``SAID_AFTER`` can find a match in ``text``: it starts after a closing mark."""
    return "”" in text or '"' in text or "’" in text


def leaves_open(text: str) -> bool:
    """Whether a quote's paragraph ends with its quotation still open (the next paragraph
    then continues it even without an opening mark)."""
    opened = max(text.rfind("“"), text.rfind("„"), text.rfind("«"))
    closed = max(text.rfind("”"), text.rfind("»"))
    if opened > closed:
        return True
    return text.count('"') % 2 == 1 and not text.rstrip().endswith('"')


PRONOUNS = frozenset({"she", "he", "they"})
"""Attributions that name no one: the speaker is the one named before."""

# Words of roles and titles; a person's name is made of none of them.
_ROLE_CORE = frozenset(
    "inspector inspectorate constable commissioner chair chairman chairwoman chairperson lead "
    "director minister secretary officer superintendent head president deputy assistant "
    "commander mayor leader spokesperson spokesman spokeswoman manager executive chief "
    "member hmi pcc pfcc".split()
)
_ROLE_OTHER = frozenset(
    "constabulary police crime fire rescue services service majesty's majesty’s hm hmi her his "
    "association council panel team unit college national policing home office england wales "
    "force forces inspectorates justice local group board committee authority partnership "
    "trust agency department ministry commission network forum".split()
)
_CONNECTORS = frozenset("of and for the & to in at on".split())
_ARTICLES = frozenset({"the", "a", "an"})
_PEOPLE = _ROLE_CORE - {"inspectorate", "lead", "member", "head", "hmi"}
"""Role words that name a person after an article: not "the inspectorate"."""
_LONGEST_PLAIN_ROLE = 8
"""The most words of a role written in lower case after an article ("the force's chief
constable")."""
_GROUPS = frozenset(
    "inspectors inspectorate officers officials staff residents people members councillors "
    "victims campaigners critics ministers commissioners leaders chiefs experts sources "
    "police report it we i you but yet so however meanwhile also today now then when while "
    "after before speaking responding".split()
)
"""Words that open a sentence naming a group or a thing, not a person ("Inspectors said
...", "But Ms Billingham added")."""
_HONORIFICS = frozenset(
    "sir dame dr dr. mr mr. mrs mrs. ms ms. miss professor prof lord lady baroness".split()
)
_POSTNOMINALS = frozenset("QC KC QPM KPM CBE OBE MBE DBE KBE CB CVO LVO DL MP PCC".split())
_RELATIVE = re.compile(r"(?:who|whom|whose|which|that)\b|[a-z]")
_WORD = re.compile(r"\S+")
_PART = re.compile(r"[^,]+")
_TRIM = ",.;:()[]"


@attrs.frozen
class Who:
    """Where the speaker's name and role are, as offsets into the source."""

    speaker: tuple[int, int] | None
    role: tuple[int, int] | None
    pronoun: bool


def read_who(text: str, start: int) -> Who:
    """The speaker and role in ``text``, the words that say who speaks, which stand at
    ``start`` in the source: "HM Inspector of Constabulary Zoë Billingham", "Wendy Williams,
    HM Inspector of Constabulary", "Zoë Billingham, who led the inspection,"."""
    if text.strip(_TRIM + " \n").lower() in PRONOUNS:
        return Who(None, None, pronoun=True)
    parts = [
        (
            m.start() + len(m.group()) - len(m.group().lstrip()),
            m.end() - (len(m.group()) - len(m.group().rstrip())),
        )
        for m in _PART.finditer(text)
        if m.group().strip()
    ]
    # A relative clause ("who led the inspection") neither names nor describes a role.
    parts = [
        (a, b) for a, b in parts if not _RELATIVE.match(text[a:b]) or _plain_role(text[a:b].split())
    ]
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if len(words) == 1 and _is_name(text[words[0][0] : words[0][1]]):
        a, b = _trimmed(text, *words[0])
        return Who((start + a, start + b), None, pronoun=False)
    for index, (a, b) in enumerate(parts):
        found = _name_in(text, a, b)
        if found is None:
            continue
        name_start, name_end, at_end = found
        if not at_end and _role_like(text[a:b]):
            continue  # capitalised words inside a role: "Equalities and Human Rights Lead"
        role = _role_before(text, a, name_start) if at_end else None
        if role is None:
            role = _role_among(text, parts[index + 1 :]) or _role_among(text, parts[:index][-1:])
        return Who(
            (start + name_start, start + name_end),
            (start + role[0], start + role[1]) if role else None,
            pronoun=False,
        )
    role = _role_among(text, parts)
    return Who(None, (start + role[0], start + role[1]) if role else None, pronoun=False)


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _bare(word: str) -> str:
    return word.strip(_TRIM)


@functools.lru_cache(maxsize=4096)
def _is_name(word: str) -> bool:
    bare = _bare(word)
    if not bare or not bare[0].isupper() or bare.isdigit():
        return False
    lower = bare.lower()
    if lower in _ROLE_CORE or lower in _ROLE_OTHER or lower in _CONNECTORS or lower in PRONOUNS:
        return False
    if lower in _GROUPS:
        return False
    if bare != word.rstrip(",;:.") or force_named(bare) is not None:
        return False  # "(PCC)" or a force's name
    return any(c.islower() for c in bare) or (len(bare) <= 2 and bare.isalpha())


def _name_in(text: str, a: int, b: int) -> tuple[int, int, bool] | None:
    """A person's name in ``text[a:b]``: the run of name words that ends it (with an
    honorific before and letters after), else the first run of two name words or more.
    Returns its offsets and whether it ends the part."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, a, b)]
    runs = _runs(text, words)
    if not runs:
        return None
    last = runs[-1]
    chosen, at_end = (last, True) if last[1] == len(words) - 1 else (runs[0], False)
    start, end = _trimmed(text, words[chosen[0]][0], words[chosen[1]][1])
    return start, end, at_end


def first_person(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Where the first person named in the prose ``text[a:b]`` is: two name words or more
    ("Matthew Scott"), or a name after an honorific ("Lord Bach")."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, a, b)]
    runs = _runs(text, words)
    if not runs:
        return None
    first, last = runs[0]
    return _trimmed(text, words[first][0], words[last][1])


def _runs(text: str, words: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of name words among ``words`` (first and last index): two or more, or one
    after an honorific, with the post-nominals after them."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        first = index
        if _bare(text[slice(*words[index])]).lower() in _HONORIFICS:
            index += 1
        begin = index
        while index < len(words) and _is_name(text[slice(*words[index])]):
            index += 1
        names = index - begin
        while names and index < len(words) and _bare(text[slice(*words[index])]) in _POSTNOMINALS:
            index += 1
        named = text[words[begin][0] : words[index - 1][1]] if names else ""
        if (names >= 2 or (names == 1 and begin > first)) and force_named(named) is None:
            runs.append((first, index - 1))
        index = max(index, first + 1)
    return runs


def _role_like(text: str) -> bool:
    words = [_bare(w) for w in text.split()]
    if not words or not any(w.lower() in _ROLE_CORE for w in words):
        return False
    if _plain_role(words):
        return True
    last = max(i for i, w in enumerate(words) if w.lower() in _ROLE_CORE)
    head, tail = words[: last + 1], words[last + 1 :]
    if not all(w.lower() in _CONNECTORS or w[:1].isupper() or w[:1].isdigit() for w in head if w):
        return False
    # "Chief Constable of the force": a role written in capitals, then where it is held.
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in tail if w) or (
        tail[0].lower() in _CONNECTORS and len(tail) <= _LONGEST_PLAIN_ROLE
    )


def _plain_role(words: Sequence[str]) -> bool:
    """A role in lower case after an article: "the commissioner", "a force spokesperson"."""
    return (
        bool(words)
        and words[0].lower() in _ARTICLES
        and len(words) <= _LONGEST_PLAIN_ROLE
        and any(w.lower() in _PEOPLE for w in words)
    )


def _role_before(text: str, a: int, name_start: int) -> tuple[int, int] | None:
    start, end = _trimmed(text, a, name_start)
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _role_like(text[start:end]):
        return _without_article(text, start, end)
    return None


def _role_among(text: str, parts: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first part that is a role, with the capitalised parts that continue it ("Police
    and Crime Commissioner for Devon, Cornwall and the Isles of Scilly") and the words of a
    service that open it ("Police, Fire and Crime Commissioner")."""
    for index, (a, b) in enumerate(parts):
        if not _role_like(text[a:b]):
            continue
        for c, d in reversed(parts[:index]):
            words = [_bare(w) for w in text[c:d].split()]
            if not words or not all(w[:1].isupper() and w.lower() in _ROLE_OTHER for w in words):
                break
            a = c
        end = b
        for c, d in parts[index + 1 :]:
            words = [_bare(w) for w in text[c:d].split()]
            if not all(w.lower() in _CONNECTORS or w[:1].isupper() for w in words if w):
                break
            end = d
        return _without_article(text, *_trimmed(text, a, end))
    return None


def _without_article(text: str, a: int, b: int) -> tuple[int, int]:
    """A role written in capitals without the article before it ("The Police and Crime
    Commissioner for Gwent"); a role in lower case keeps it ("the commissioner")."""
    first, _, rest = text[a:b].partition(" ")
    if first in ("The", "the") and rest[:1].isupper():
        return a + len(first) + 1, b
    return a, b


_LONGEST_WORD = 30
_MOST_MENTIONS = 20
"""How many other mentions of a one-word name are looked at for its fuller form."""


def fullest_name(text: str, a: int, b: int) -> tuple[int, int]:
    """Where the fullest form of the name at ``text[a:b]`` is: for a first name or a
    surname alone ("Keith said:", "Sir Graham"), the first place the text gives it with
    the rest of the name ("Keith Hunter", "Sir Graham Bright"); else ``a, b``."""
    words = [w for w in text[a:b].split() if _bare(w).lower() not in _HONORIFICS]
    if len(words) != 1:
        return a, b
    name = _bare(words[0])
    at = text.find(name)
    for _ in range(_MOST_MENTIONS):
        if at < 0:
            break
        start, end = at, at + len(name)
        after = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if after is not None and _is_name(after.group()) and _bare(after.group()) != name:
            return _trimmed(text, start, after.end())
        lead = text[max(start - _LONGEST_WORD, 0) : start - 1].split()
        previous = lead[-1] if lead and start > 1 and text[start - 1] == " " else ""
        if previous and _is_name(previous) and not previous.endswith((",", ".", ":")):
            return start - 1 - len(previous), end
        at = text.find(name, end)
    return a, b


ACTS = LazyPattern(
    r"\b(?:said|says|stated|states|added|commented|comments|welcomed|welcomes|responded|"
    r"responds|wrote|today|has\s+(?:received|written|welcomed|commented|responded))\b"
)
"""What a sentence says its subject did when the subject speaks for itself ("has welcomed",
"today welcomed", "said")."""
_LONGEST_ACTOR = 200
"""The most characters before such a verb that can name who did it."""


def actor_in(text: str, a: int, b: int) -> Who | None:
    """The person a sentence of the prose ``text[a:b]`` says spoke or acted: the words
    before its speaking verb ("The Police and Crime Commissioner for Gwent, Jeff Cuthbert,
    today welcomed ...", "Katy Bourne, Sussex Police & Crime Commissioner, has commented
    ..."). ``None`` when no sentence names a person so."""
    for verb in ACTS.finditer(text, a, b):
        reach = max(a, verb.start() - _LONGEST_ACTOR)
        stop = max(text.rfind(". ", reach, verb.start()), text.rfind("\n", reach, verb.start()))
        start = stop + 1 if stop >= 0 else reach
        who = read_who(text[start : verb.start()], start)
        if who.speaker is not None:
            return who
    return None


# Tried only where no space or "#" goes before, so a search does not scan their runs again
# from each of their places.
STATEMENT_BY = LazyPattern(
    rf"(?<![ \t#])[ \t]*(?:#+[ \t]+)?(?:\*\*)?{_STATEMENT_FROM}"
    r"(?P<who>[^:\n“\"]{2,200}?)[ \t]*(?::|\*\*|\n|$)",
    re.IGNORECASE,
)
"""The lead-in of a statement, naming whose it is: "Statement from Dr Ann Lee, Police and
Crime Commissioner:"."""


def statement_by(text: str) -> Who | None:
    """Who a paragraph opening with a statement's lead-in says the statement is from."""
    match = STATEMENT_BY.match(text) if text.lstrip(" \t#*")[:1] in "SsRrCcQq" else None
    return read_who(match.group("who"), match.start("who")) if match is not None else None
