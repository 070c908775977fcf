"""A force's name may stand for its area ("our partners in Devon and Cornwall"): when two
forces are named as often, the one named as a force is the page's. Texts written for the
test."""

from __future__ import annotations

import pytest

from peelparse.text import find_force

NAMED_AS_THE_FORCE = [
    (
        "I am pleased Dorset Police has a balanced budget. We work with partners in Wiltshire.",
        "dorset",
    ),
    ("Kent Police was praised. Crime across Essex has also fallen.", "kent"),
    ("The report finds Surrey Police improving, as are forces throughout Sussex.", "surrey"),
    ("Gwent Police welcomed the report. Officers live in the South Wales area.", "gwent"),
    (
        "Thames Valley Police must improve; the alliance works around the Hampshire coast.",
        "thames-valley",
    ),
]
NAMED_AS_TWO_FORCES = [
    "Dorset Police has a balanced budget and Wiltshire Police has not.",
    "Kent and Essex both welcomed the report.",
    "Officers in Kent Police and in Essex Police share a unit.",
    "Surrey has improved, and so has Sussex.",
    "Crime in Dorset fell while crime across Wiltshire rose.",
]


@pytest.mark.parametrize(("text", "slug"), NAMED_AS_THE_FORCE)
def test_a_force_named_as_a_force_outweighs_an_area(text: str, slug: str) -> None:
    force = find_force(text)
    assert force is not None and force.slug == slug


@pytest.mark.parametrize("text", NAMED_AS_TWO_FORCES)
def test_two_forces_named_alike_give_none(text: str) -> None:
    assert find_force(text) is None
