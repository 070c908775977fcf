"""Fixtures: a parser with this plugin and the built-ins only, and the test data."""

from __future__ import annotations

from pathlib import Path

import peelparse_minutes
import pytest

from peelparse import Parser
from peelparse.testing import parser_with

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def parser() -> Parser:
    """The built-in plugins and this one; no other installed plugin can change the results."""
    return parser_with(peelparse_minutes)


@pytest.fixture(scope="session")
def page() -> Path:
    """A page written for these tests, laid out as a council's meetings site shows the
    minutes of a police and crime panel: wide gaps after numerals, runs of blank lines and
    white space at the ends of lines."""
    return HERE / "data" / "panel-minutes-peel-2021-22.txt"


@pytest.fixture(scope="session")
def golden() -> Path:
    """Where the reviewed JSON of each data file is."""
    return HERE / "golden"
