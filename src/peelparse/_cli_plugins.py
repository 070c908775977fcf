"""What the commands show of the plugins: every plugin's score for a file, and plugins that
claim documents of a kind another plugin declares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from peelparse._errors import PeelParseError
from peelparse._parser import Parser


def scores(parser: Parser, path: Path) -> list[str]:
    """One tab-separated line per plugin that scores documents: file, plugin, the kind it
    claims and its confidence (``-`` for none), and its evidence; the highest first."""
    answers = parser.detect_each(path)
    answers.sort(key=lambda pair: -pair[1].confidence if pair[1] else 1.0)
    return [
        "\t".join(
            [str(path), name, answer.kind, f"{answer.confidence:.2f}", answer.evidence]
            if answer
            else [str(path), name, "-", "-", ""]
        )
        for name, answer in answers
    ]


def foreign_claims(parser: Parser, samples: Iterable[Path]) -> Iterator[str]:
    """A warning for each plugin that claims, for one of ``samples``, a kind that another
    plugin declares: it takes that kind's documents, which ``detect --all`` shows."""
    seen: set[tuple[str, str]] = set()
    for path in samples:
        try:
            answers = parser.detect_each(path)
        except PeelParseError:
            continue
        for name, answer in answers:
            if answer is None or answer.kind not in parser.kinds:
                continue
            owner = parser.owner(answer.kind)
            if owner != name and (name, answer.kind) not in seen:
                seen.add((name, answer.kind))
                yield (
                    f"warning: plugins {owner!r} and {name!r} both claim kind {answer.kind!r}: "
                    f"{name!r} scored {path.name} as {answer.kind} ({answer.confidence:.2f}), "
                    f"a kind {owner!r} declares; see peelparse detect --all"
                )
