"""The parse-table cache never runs code found in a file, and trusts only the user's own folder."""

from __future__ import annotations

import os
import pickle
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from peelparse import Parser, _grammar_cache
from peelparse._line_lexer import load_shaped

REPORT = """\
Leicestershire Police
PEEL: Police effectiveness 2016

How effective is the force at preventing crime?

The force is good at preventing crime.
"""
CACHE_NAMES = ("peelparse_report.report.lark.cache", "peelparse_report.report.lark.json")


class _Planted:
    """Unpickling this writes the marker file: what an attacker's cache file would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _plant(folder: Path, marker: Path) -> None:
    """A cache file in both Lark's layout (hash line, then pickles) and as the JSON name."""
    payload = pickle.dumps(_Planted(marker))
    for name in CACHE_NAMES:
        (folder / name).write_bytes(b"0" * 64 + b"\n" + payload + payload)


@pytest.fixture(autouse=True)
def fresh_grammars() -> Iterator[None]:
    load_shaped.cache_clear()
    _grammar_cache._warned.clear()
    yield
    load_shaped.cache_clear()


def _parse_report(parser: Parser) -> str:
    return parser.parse_text(REPORT, kind="inspection_report").kind


def test_planted_pickle_in_own_folder_is_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parser: Parser
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    marker = tmp_path / "ran"
    _plant(cache, marker)
    monkeypatch.setenv("PEELPARSE_GRAMMAR_CACHE", str(cache))
    assert _parse_report(parser) == "inspection_report"
    assert not marker.exists()


def test_planted_pickle_in_another_users_folder_is_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parser: Parser
) -> None:
    cache = tmp_path / "shared"
    cache.mkdir(mode=0o700)
    marker = tmp_path / "ran"
    _plant(cache, marker)
    before = sorted(p.name for p in cache.iterdir())
    # The folder and its files now belong to someone else (tests may run as root, where a
    # chown would prove nothing).
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)
    monkeypatch.setenv("PEELPARSE_GRAMMAR_CACHE", str(cache))
    with pytest.warns(_grammar_cache.GrammarCacheWarning, match="another user"):
        assert _parse_report(parser) == "inspection_report"
    assert not marker.exists()
    assert sorted(p.name for p in cache.iterdir()) == before


def test_entry_owned_by_another_user_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = tmp_path / "x.json"
    _grammar_cache.write_entry(entry, "k", {"data": 1})
    assert _grammar_cache.read_entry(entry, "k") == {"data": 1}
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)
    with pytest.warns(_grammar_cache.GrammarCacheWarning, match="another user"):
        assert _grammar_cache.read_entry(entry, "k") is None


def test_entries_are_written_0600_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parser: Parser
) -> None:
    monkeypatch.setenv("PEELPARSE_GRAMMAR_CACHE", str(tmp_path))
    first = parser.to_json(parser.parse_text(REPORT, kind="inspection_report"))
    written = tmp_path / CACHE_NAMES[1]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [written.name]
    load_shaped.cache_clear()
    again = Parser(autoload=False)
    assert again.to_json(again.parse_text(REPORT, kind="inspection_report")) == first


def test_stored_tables_keep_tuples_sets_and_integer_keys(tmp_path: Path) -> None:
    tables = {"states": {0: {"A": (1, 2)}, 3: {}}, "set": {"x"}, "list": [None, 1.5, True]}
    _grammar_cache.write_entry(tmp_path / "t.json", "key", tables)
    assert _grammar_cache.read_entry(tmp_path / "t.json", "key") == tables
    assert _grammar_cache.read_entry(tmp_path / "t.json", "other key") is None


def test_symlinked_entry_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    _grammar_cache.write_entry(target, "k", {"data": 1})
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.warns(_grammar_cache.GrammarCacheWarning):
        assert _grammar_cache.read_entry(link, "k") is None


@pytest.mark.parametrize("variable", ["PEELPARSE_GRAMMAR_CACHE", "XDG_CACHE_HOME"])
def test_relative_cache_settings_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parser: Parser, variable: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PEELPARSE_GRAMMAR_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(variable, "relative-cache")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", _grammar_cache.GrammarCacheWarning)
        assert _parse_report(parser) == "inspection_report"
    assert not (tmp_path / "relative-cache").exists()


def test_folder_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parser: Parser
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o777)
    monkeypatch.setenv("PEELPARSE_GRAMMAR_CACHE", str(cache))
    with pytest.warns(_grammar_cache.GrammarCacheWarning, match="writable by other users"):
        assert _parse_report(parser) == "inspection_report"
    assert list(cache.iterdir()) == []


def test_unwritable_cache_warns_once_and_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parser: Parser
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setenv("PEELPARSE_GRAMMAR_CACHE", str(tmp_path))
    monkeypatch.setattr(_grammar_cache.tempfile, "mkstemp", refuse)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert _parse_report(parser) == "inspection_report"
        assert parser.parse_text(REPORT, kind="press_release").kind == "press_release"
    messages = [w for w in caught if issubclass(w.category, _grammar_cache.GrammarCacheWarning)]
    assert len(messages) == 1
    assert "Read-only" in str(messages[0].message)
