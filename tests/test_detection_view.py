"""The one view of a document's head that every plugin's detection reads: made once per
document, shared by every plugin, and holding the same facts each plugin would work out."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from peelparse import Detection, DetectionView, Parser, Sign, Signs, SourceText, hookimpl
from peelparse._forces import forces_named_in
from peelparse._source import from_text
from peelparse_news.detect import SIGNS as NEWS_SIGNS
from peelparse_pcc.detect import SIGNS as PCC_SIGNS
from peelparse_press.detect import SIGNS as PRESS_SIGNS
from peelparse_report.detect import SIGNS as REPORT_SIGNS

BUILT_IN = (REPORT_SIGNS, PRESS_SIGNS, PCC_SIGNS, NEWS_SIGNS)


class _Watcher:
    """A plugin that notes the view each detection call reads, and claims nothing."""

    def __init__(self, name: str) -> None:
        self.__name__ = name
        self.seen: list[tuple[SourceText, DetectionView]] = []

    @hookimpl
    def peelparse_detect(self, source: SourceText) -> Detection | None:
        self.seen.append((source, source.view))
        return None


def test_every_plugin_reads_one_view_made_once_per_document() -> None:
    first, second = _Watcher("first"), _Watcher("second")
    parser = Parser([first, second], autoload=False)
    for text in ("Dear Sir\nYours sincerely\n", "HMIC found that the force was good.\n"):
        parser.parse(text)
    assert len(first.seen) == len(second.seen) == 2
    for (source, view), (other_source, other_view) in zip(first.seen, second.seen, strict=True):
        assert source is other_source and view is other_view
        assert view.text == source.head
    assert first.seen[0][1] is not first.seen[1][1]


def test_a_text_with_its_furniture_marked_gets_a_view_of_its_own() -> None:
    source = from_text("Page 1 of 3\nNotes to editors\n")
    before = source.view
    marked = source.with_furniture({1: "page number"}, ())
    assert marked.view is not before
    assert marked.view.top_lines(1) == ["Notes to editors"]
    assert before.top_lines(1) == ["Page 1 of 3"]


@pytest.mark.parametrize(
    ("text", "furniture", "count", "expected"),
    [
        ("\n  Title  \n\nSecond\nThird\n", {}, 2, ["Title", "Second"]),
        ("Site name\nTitle\nBody\n", {1: "site"}, 1, ["Title"]),
        ("\n\n \t\n", {}, 3, []),
        ("One\nTwo\n", {}, 5, ["One", "Two"]),
        ("A\nB\nC\n", {2: "x"}, 3, ["A", "C"]),
    ],
)
def test_top_lines_are_stripped_and_leave_out_blank_lines_and_furniture(
    text: str, furniture: dict[int, str], count: int, expected: list[str]
) -> None:
    source = from_text(text).with_furniture(furniture, ())
    assert source.view.top_lines(count) == expected
    assert source.top_lines(count) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab \t\n", max_size=30),
    st.sets(st.integers(1, 8), max_size=3),
    st.lists(st.integers(0, 6), min_size=1, max_size=4),
)
def test_top_lines_asked_for_in_any_order_are_those_of_the_whole_head(
    text: str, furniture: set[int], counts: list[int]
) -> None:
    view = DetectionView(text, dict.fromkeys(furniture, "x"))
    kept = [
        line.strip()
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip() and number not in furniture
    ]
    for count in counts:
        assert view.top_lines(count) == kept[:count]


_WORDS = st.text(alphabet="abcsſıİKk :.(*", min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcsſıİK :.(*\n", max_size=40), st.lists(_WORDS, max_size=6))
def test_words_are_found_where_the_lower_cased_head_holds_them(text: str, words: list[str]) -> None:
    view = DetectionView(text)
    lower = text.lower()
    for word in words:
        assert view.has(word) == (word in lower)
        assert view.first(word) == lower.find(word)
        assert view.has(word) == (word in lower)  # asked again, from what was found


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcd \n", max_size=30),
    st.lists(st.lists(st.text(alphabet="abcd", min_size=1, max_size=2), min_size=1), max_size=3),
)
def test_needs_are_met_when_every_group_has_a_word_in_the_head(
    text: str, groups: list[list[str]]
) -> None:
    needs = tuple(tuple(group) for group in groups)
    expected = all(any(word in text.lower() for word in group) for group in needs)
    assert DetectionView(text).meets(needs) == expected


def test_the_forces_are_those_the_head_names() -> None:
    for path in SEEDS:
        source = from_text(path.read_text("utf-8"))
        assert source.view.forces == forces_named_in(source.head)


def test_a_pattern_two_tables_share_is_searched_once_per_document() -> None:
    def table(kind: str) -> Signs:
        return Signs(
            kind, (Sign(r"^Dear\s+\w+", 0.5, "a salutation", needs=("dear",)),), minimum=0.1
        )

    first, second = table("one"), table("two")
    view = from_text("Dear Madam\n").view
    assert first.weigh(view).found == second.weigh(view).found == [(0.5, "a salutation")]
    assert first._compiled() == 1
    assert second._compiled() == 0  # found through the first table's search
    assert second.weigh("Dear Sir").found == [(0.5, "a salutation")]
    assert second._compiled() == 1


@pytest.mark.parametrize("signs", BUILT_IN, ids=lambda s: s.kind)
def test_a_table_finds_the_same_signs_in_a_head_or_in_its_view(signs: Signs) -> None:
    for path in SEEDS:
        source = from_text(path.read_text("utf-8"))
        shared = source.view
        for other in BUILT_IN:  # other plugins have read the view first
            other.weigh(shared)
        assert signs.weigh(shared).found == signs.weigh(source.head).found


def test_a_copied_text_starts_without_the_view_of_the_one_copied() -> None:
    source = from_text("Dear Sir\n")
    assert source.view is source.view
    assert attrs.evolve(source).view is not source.view
