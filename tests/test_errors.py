"""The error family: every class crosses a process boundary (pickle) unchanged."""

from __future__ import annotations

import pickle

import pytest

import peelparse
from peelparse import PeelParseError, PluginError, Span


def _family(cls: type[PeelParseError]) -> list[type[PeelParseError]]:
    return [cls, *(c for sub in cls.__subclasses__() for c in _family(sub))]


def test_the_walk_finds_the_family() -> None:
    found = set(_family(PeelParseError))
    assert {peelparse.InputError, peelparse.PluginError, peelparse.BatchError} <= found


@pytest.mark.parametrize("cls", _family(PeelParseError), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("span", [None, Span(3, 9, 2, 3)])
def test_every_error_pickles_with_its_fields(cls: type[PeelParseError], span: Span | None) -> None:
    error = cls("PP999", "a message a person understands", span)
    error.detail = ("any", "other", "field")  # type: ignore[attr-defined]
    error.add_note("a note")
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is cls
    assert (back.code, back.message, back.span) == ("PP999", error.message, span)
    assert back.detail == error.detail  # type: ignore[attr-defined]
    assert back.__notes__ == ["a note"]
    assert back.args == error.args and str(back) == str(error) == f"PP999: {error.message}"


def test_a_plugin_error_keeps_the_plugin_it_names() -> None:
    error = PluginError("PP306", "plugin 'x' failed", plugin="x")
    back = pickle.loads(pickle.dumps(error))
    assert back.plugin == "x" and PluginError("PP304", "clash").plugin is None
