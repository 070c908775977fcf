"""The 43 territorial forces, the names documents call them by, and finding them in text."""

from __future__ import annotations

import operator
import re
from collections import Counter
from functools import cache, lru_cache
from typing import Any

from peelparse._limits import examined_text
from peelparse._records import Force

# Full name, then the other names documents use for the same force. The short name (the full
# name less "Police", "Constabulary" or "Service") is added for every force, so only the
# irregular names are listed here.
_FORCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Avon and Somerset Constabulary", ()),
    ("Bedfordshire Police", ()),
    ("Cambridgeshire Constabulary", ()),
    ("Cheshire Constabulary", ()),
    ("City of London Police", ("City of London Police Authority",)),
    ("Cleveland Police", ()),
    ("Cumbria Constabulary", ()),
    ("Derbyshire Constabulary", ()),
    ("Devon and Cornwall Police", ("Devon & Cornwall",)),
    ("Dorset Police", ()),
    ("Durham Constabulary", ()),
    ("Dyfed-Powys Police", ("Dyfed Powys", "Heddlu Dyfed-Powys")),
    ("Essex Police", ()),
    ("Gloucestershire Constabulary", ()),
    ("Greater Manchester Police", ("GMP",)),
    ("Gwent Police", ("Heddlu Gwent",)),
    ("Hampshire Constabulary", ("Hampshire and Isle of Wight", "Hampshire & Isle of Wight")),
    ("Hertfordshire Constabulary", ()),
    ("Humberside Police", ()),
    ("Kent Police", ()),
    ("Lancashire Constabulary", ("Lancashire Police",)),
    (
        "Leicestershire Police",
        ("Leicester, Leicestershire and Rutland", "Leicestershire Constabulary"),
    ),
    ("Lincolnshire Police", ()),
    ("Merseyside Police", ()),
    ("Metropolitan Police Service", ("Metropolitan Police", "the Met", "MPS", "MOPAC")),
    ("Norfolk Constabulary", ()),
    ("North Wales Police", ("Heddlu Gogledd Cymru",)),
    ("North Yorkshire Police", ()),
    ("Northamptonshire Police", ()),
    ("Northumbria Police", ()),
    ("Nottinghamshire Police", ()),
    ("South Wales Police", ("Heddlu De Cymru",)),
    ("South Yorkshire Police", ()),
    ("Staffordshire Police", ()),
    ("Suffolk Constabulary", ()),
    ("Surrey Police", ()),
    ("Sussex Police", ()),
    ("Thames Valley Police", ()),
    ("Warwickshire Police", ()),
    ("West Mercia Police", ()),
    ("West Midlands Police", ()),
    ("West Yorkshire Police", ()),
    ("Wiltshire Police", ()),
)

_SUFFIX = re.compile(r"\s+(?:Police(?:\s+Service)?|Constabulary|Service)$")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z]+", "-", _SUFFIX.sub("", name).lower()).strip("-")


FORCES: tuple[Force, ...] = tuple(Force(name, _slug(name)) for name, _ in _FORCES)
"""Every territorial force, in alphabetical order."""

_BY_SLUG = {force.slug: force for force in FORCES}


@cache
def _names() -> dict[str, Force]:
    names: dict[str, Force] = {}
    for (full, aliases), force in zip(_FORCES, FORCES, strict=True):
        short = _SUFFIX.sub("", full)
        for name in (full, short, *aliases):
            names[_key(name)] = force
    return names


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


def _all_names() -> list[str]:
    return sorted(
        {full for full, _ in _FORCES}
        | {_SUFFIX.sub("", f) for f, _ in _FORCES}
        | {a for _, aliases in _FORCES for a in aliases}
    )


@cache
def _pattern() -> re.Pattern[str]:
    # The longest name that fits wins, so "North Yorkshire Police" over "North Yorkshire"; a
    # name must stand as whole words and start with a capital, which keeps "the met" (verb)
    # and "kent" in lower-case prose out. "the Met" is matched case-sensitively for the same
    # reason. The names are written as a tree of their shared beginnings: the expression
    # engine then reads each letter once, where a list of names would be tried one by one.
    # That no word character or hyphen comes before a name is checked after its first
    # letter, so the expression opens with the first letters, which the engine looks for
    # at C speed instead of trying every position.
    return re.compile(_name_tree(_all_names(), _NOTHING_BEFORE) + r"(?![\w-])")


_NOTHING_BEFORE = r"(?<![\w-].)"
"""After a name's first letter: no word character or hyphen before it."""


def _name_tree(names: list[str], after_first: str = "") -> str:
    """An expression matching each of ``names`` (a space in one matches any white space) as a
    tree of their shared beginnings: where several match, the longest wins, as it would in
    a list of the names sorted longest first. ``after_first`` follows each first letter."""
    tree: dict[str, Any] = {}
    for name in names:
        node = tree
        for unit in _units(name):
            node = node.setdefault(unit, {})
        node[""] = {}  # a name ends here
    return _branches(tree, after_first)


def _units(name: str) -> list[str]:
    """A name as the expressions of its characters, its spaces as any white space."""
    return ["\\s+" if char == " " else re.escape(char) for char in name]


def _branches(node: dict[str, Any], after: str = "") -> str:
    # Longer names before the one that ends here, so that the engine tries them first and
    # comes back to the shorter only when they do not fit.
    ends = "" in node
    paths = [unit + after + _branches(child) for unit, child in node.items() if unit]
    if not paths:
        return ""
    if len(paths) == 1 and not ends:
        return paths[0]
    return "(?:" + "|".join(paths) + ("|" if ends else "") + ")"


def force_by_slug(slug: str) -> Force:
    """The force with this slug; ``KeyError`` if there is none."""
    return _BY_SLUG[slug]


def force_named(name: str) -> Force | None:
    """The force a name stands for ("Leicestershire", "GMP", "the Met"), or ``None``."""
    return _names().get(_key(name))


def forces_in(text: str) -> Counter[Force]:
    """How often each force is named in ``text`` (as far as a line is examined), in the
    order first named."""
    return Counter(dict(_counted(examined_text(text))))


def most_named(text: str, most: int) -> list[tuple[Force, int]]:
    """``forces_in(text).most_common(most)``: the forces named most often, with how often,
    the first named first among equals. Sorted from the counts themselves: every parse
    asks, and a counter is built for nothing."""
    # A stable sort, as ``most_common`` is: equal counts keep the order first named.
    return sorted(_counted(examined_text(text)), key=_COUNT, reverse=True)[:most]


_COUNT = operator.itemgetter(1)


@lru_cache(maxsize=8)
def _counted(text: str) -> tuple[tuple[Force, int], ...]:
    """``forces_in`` of the last few texts: the detectors, the metadata and the builders
    of one parse count the forces of the same text."""
    named = _named()
    counts: dict[Force, int] = {}
    for match in _pattern().finditer(text):
        written = match.group(0)
        force = named.get(written)
        if force is None:
            force = _names()[_key(written)]
            if len(named) < _MOST_WRITTEN:
                named[written] = force
        counts[force] = counts.get(force, 0) + 1
    return tuple(counts.items())


@cache
def _named() -> dict[str, Force]:
    """Forces by their names as written, filled as they are met: looking up a name as
    written spares folding it again."""
    return {}


_MOST_WRITTEN = 2000
"""The most names as written ``_named`` keeps (each spacing and case of a name is one)."""


@lru_cache(maxsize=4)
def forces_named_in(text: str) -> tuple[Force, ...]:
    """Every force ``text`` names, in the order first named. Kept for the last few texts:
    the detectors of several kinds ask it of the same head."""
    return tuple(forces_in(text))


_FORCE_WORDS = ("Police", "Constabulary", "Service")
_FORCE_WORD_AFTER = re.compile(r"(?<![ \t])[ \t]++(?:Police|Constabulary)\b")
"""The police word after a name written without it ("Kent" in "Kent Police")."""
_IN_PLACE = re.compile(r"\b(?:in|across|throughout|around)[ \t]+(?:the[ \t]+)?$")
_PLACE_REACH = 16
"""How far before a name the words that make it a place may start."""


def forces_not_as_places(text: str) -> Counter[Force]:
    """``forces_in``, leaving out names that stand for an area ("our partners in Devon and
    Cornwall", "crime across Kent"), unless written with their police word."""
    counts: Counter[Force] = Counter()
    for match in _pattern().finditer(text):
        written = match.group(0)
        place = _IN_PLACE.search(text, max(0, match.start() - _PLACE_REACH), match.start())
        if (
            place is None
            or written.endswith(_FORCE_WORDS)
            or _FORCE_WORD_AFTER.match(text, match.end())
        ):
            counts[_names()[_key(written)]] += 1
    return counts


def first_force_in(text: str) -> tuple[Force, int] | None:
    """The first force named in ``text`` and where, or ``None``."""
    match = _pattern().search(examined_text(text))
    if match is None:
        return None
    return _names()[_key(match.group(0))], match.start()
