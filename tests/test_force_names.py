"""Force names in text: the tree of names finds what a list of them, longest first, finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from peelparse._forces import _all_names, _name_tree, _pattern, forces_in
from peelparse.text import FORCES, force_named

_NAMES = _all_names()


def _as_list(names: list[str]) -> re.Pattern[str]:
    """The names as a plain list, longest first: what the tree must find, exactly."""
    longest_first = sorted(names, key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in longest_first)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


_LIST = _as_list(_NAMES)

# Texts made of names, their beginnings and endings, and what may stand around them.
_AROUND = [" ", "  ", "\n", "-", "'s ", "s", ", ", " Police", " Constabulary", " Service", "x"]
_PIECES = st.sampled_from(
    [*_NAMES, *(n[: len(n) // 2] for n in _NAMES), *(n[len(n) // 2 :] for n in _NAMES), *_AROUND]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_tree_finds_what_the_list_finds(text: str) -> None:
    found = [m.span() for m in _pattern().finditer(text)]
    assert found == [m.span() for m in _LIST.finditer(text)]


def test_the_longest_name_that_fits_wins() -> None:
    text = "North Yorkshire Police and North Yorkshire-based staff; North  Yorkshire\nPolice."
    assert [m.group(0) for m in _pattern().finditer(text)] == [
        "North Yorkshire Police",
        "North  Yorkshire\nPolice",
    ]


def test_a_shorter_name_is_found_when_the_longer_does_not_stand_as_words() -> None:
    assert [m.group(0) for m in _pattern().finditer("Thames Valley Policeman")] == ["Thames Valley"]


def test_every_name_of_every_force_is_found_on_its_own() -> None:
    for name in _NAMES:
        assert _pattern().fullmatch(name), name
        assert force_named(name) is not None
    assert len(forces_in(" and ".join(f.name for f in FORCES))) == len(FORCES)


def test_a_tree_of_a_few_names() -> None:
    tree = re.compile(_name_tree(["Kent", "Kent Police", "Kendal"]))
    assert tree.fullmatch("Kent Police") and tree.fullmatch("Kent") and tree.fullmatch("Kendal")
    assert not tree.fullmatch("Ken")
