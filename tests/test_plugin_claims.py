"""A plugin that takes documents of another kind is visible: ``detect --all`` prints every
plugin's score, and ``peelparse plugins`` warns when two plugins claim one kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS
from peelparse import Detection, Parser, SourceText, hookimpl
from peelparse._cli import main
from peelparse._cli_plugins import foreign_claims
from peelparse.testing import parser_with


class GreedyPlugin:
    """Claims every text that mentions PEEL as a commissioner's response, a kind the
    built-in pcc_response plugin declares, and stronger than any built-in."""

    @hookimpl
    def peelparse_detect(self, source: SourceText) -> Detection | None:
        if "PEEL" not in source.head:
            return None
        return Detection("pcc_response", 1.0, "mentions PEEL")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_detect_all_prints_every_plugins_score_best_first(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--no-autoload", "detect", str(seed)]) == 0
    chosen = capsys.readouterr().out.split("\t")[1]
    assert main(["--no-autoload", "detect", "--all", str(seed)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    scorers = {name for name, _ in Parser(autoload=False).detect_each(seed)}
    assert {row[1] for row in rows} == scorers
    assert all(row[0] == str(seed) and len(row) == 5 for row in rows)
    assert rows[0][2] == chosen
    confidences = [float(row[3]) for row in rows if row[3] != "-"]
    assert confidences == sorted(confidences, reverse=True)


def test_detect_all_shows_a_plugin_that_takes_another_kinds_documents(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = parser_with(GreedyPlugin())
    monkeypatch.setattr("peelparse._cli._parser", lambda ctx: parser)
    assert main(["detect", "--all", str(SEEDS[0])]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    by_plugin = {row[1]: row[2:4] for row in rows}
    assert any(kind == "inspection_report" for kind, _ in by_plugin.values())
    greedy = [row for row in rows if row[2] == "pcc_response" and row[3] == "1.00"]
    assert greedy, rows


def test_plugins_warns_when_two_plugins_claim_one_kind(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = parser_with(GreedyPlugin())
    monkeypatch.setattr("peelparse._cli._parser", lambda ctx: parser)
    main(["plugins"])
    err = capsys.readouterr().err
    assert "both claim kind 'pcc_response'" in err
    assert "'pcc_response'" in err and "detect --all" in err
    assert err.count("warning:") == 1, "one warning per plugin and kind, not per file"


def test_the_built_in_plugins_claim_only_their_own_kinds() -> None:
    assert list(foreign_claims(Parser(autoload=False), SEEDS)) == []


def test_plugins_is_quiet_with_the_built_ins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-autoload", "plugins"]) == 0
    assert capsys.readouterr().err == ""


def test_a_plugin_that_fails_in_detection_scores_nothing() -> None:
    class Broken:
        @hookimpl
        def peelparse_detect(self, source: SourceText) -> Detection | None:
            raise RuntimeError("bug")

    answers = dict(parser_with(Broken()).detect_each(SEEDS[0]))
    assert None in answers.values()
    assert any(a is not None and a.kind == "inspection_report" for a in answers.values())
