"""Weighed signs: the public ``Sign``/``Signs`` API, compiling on first use, needs in groups,
and the fast searches, which must find a sign exactly where its pattern as written does."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from peelparse import Detection, DetectionView, Parser, Sign, Signs, Weighing, _fast_search
from peelparse.testing import assert_guard_holds
from peelparse_news.detect import SIGNS as NEWS_SIGNS
from peelparse_pcc.detect import SIGNS as PCC_SIGNS
from peelparse_press.detect import SIGNS as PRESS_SIGNS
from peelparse_report.detect import SIGNS as REPORT_SIGNS

# -- the public API, as plugins use it ---------------------------------------------------------


def _letters() -> Signs:
    return Signs(
        "letter",
        (
            Sign(r"^[ \t]*Dear\s+\w+", 0.4, "a salutation", needs=("dear",)),
            Sign(r"^Yours\s+sincerely", 0.3, "a close", group="close"),
            Sign(r"^Yours\s+faithfully", 0.3, "a formal close", group="close"),
            Sign(r"\bsaid:\s*$", -0.5, "press-release parts"),
        ),
        minimum=0.3,
    )


def test_a_sign_has_the_defaults_it_always_had() -> None:
    sign = Sign(r"x", 0.2, "an x")
    assert (sign.group, sign.flags, sign.needs) == (None, re.MULTILINE, ())


def test_signs_weigh_a_text_into_a_detection() -> None:
    text = "Dear Sir\nWe write about the report.\nYours sincerely\nYours faithfully\n"
    weighing = _letters().weigh(text)
    assert weighing.found == [(0.4, "a salutation"), (0.3, "a close")]
    assert weighing.score == 0.7
    assert weighing.detection() == Detection("letter", 0.7, "a salutation, a close")


def test_signs_add_to_a_weighing_a_plugin_started() -> None:
    signs = _letters()
    weighing = signs.start()
    weighing.add(0.1, "a letterhead")
    assert signs.weigh("Dear Madam", into=weighing) is weighing
    assert weighing.found == [(0.1, "a letterhead"), (0.4, "a salutation")]
    assert isinstance(weighing, Weighing)


def test_signs_below_the_minimum_detect_nothing() -> None:
    assert _letters().weigh("The chief constable said:\nYours sincerely").detection() is None


def test_flags_given_to_signs_replace_each_signs_own() -> None:
    signs = Signs("k", (Sign(r"^dear", 1.0, "dear", flags=0),), minimum=0.5, flags=re.I | re.M)
    assert signs.weigh("To whom\nDEAR all").found == [(1.0, "dear")]


def test_words_one_of_which_a_text_must_hold_still_work_as_a_list() -> None:
    signs = Signs("k", (Sign(r"x\d", 1.0, "an x", needs=["x", "y"]),), minimum=0.5)  # type: ignore[arg-type]
    assert signs.weigh("x1").found == [(1.0, "an x")]
    assert signs.weigh("z1").found == []


_WEIGHTS = st.sampled_from([-0.6, -0.5, -0.4, -0.3, -0.2, -0.15, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WEIGHTS, max_size=6), _WEIGHTS, st.sampled_from([0.25, 0.3, 0.35, 0.4]))
def test_a_sign_checked_last_is_needed_only_where_it_could_decide(
    weights: list[float], weight: float, minimum: float
) -> None:
    def weighed(first: list[float]) -> Weighing:
        weighing = Weighing("k", minimum)
        for each in [*first, *weights]:
            weighing.add(each, f"w{each}")
        return weighing

    with_it, without = weighed([weight]), weighed([])
    either = with_it.detection() is not None or without.detection() is not None
    assert without.could_detect(weight) == either
    without.add_first(weight, f"w{weight}")
    assert without == with_it  # the sign counts as if it had been found first


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abcdef"), _WEIGHTS), min_size=1, max_size=8),
    st.text(alphabet="abcdef ", max_size=12),
    st.sampled_from([0.0, 0.2, 0.5]),
    st.sampled_from([0.25, 0.4, -0.1]),
)
def test_weighing_to_detect_stops_only_where_no_sign_left_could_make_a_detection(
    signs: list[tuple[str, float]], text: str, later: float, minimum: float
) -> None:
    table = Signs(
        "k",
        [Sign(letter, weight, f"{letter}{i}") for i, (letter, weight) in enumerate(signs)],
        minimum=minimum,
    )
    whole = table.weigh(text)
    weighed = table.weigh_to_detect(text, later=later)
    if weighed is not None:
        assert weighed == whole
        return
    for added in ([], [later]):
        weighing = table.start()
        for weight in added:
            weighing.add(weight, "later")
        assert table.weigh(text, into=weighing).detection() is None


@pytest.mark.parametrize("signs", [REPORT_SIGNS, PRESS_SIGNS, PCC_SIGNS, NEWS_SIGNS], ids=str)
def test_built_in_tables_weighed_to_detect_answer_as_weighed_whole(signs: Signs) -> None:
    for path in SEEDS:
        head = path.read_text("utf-8")[:8192]
        whole = signs.weigh(head)
        weighed = signs.weigh_to_detect(head)
        assert (weighed.detection() if weighed else None) == whole.detection()


# -- compiling on first use --------------------------------------------------------------------


def test_no_pattern_is_compiled_before_a_text_needs_it() -> None:
    signs = _letters()
    assert signs._compiled() == 0
    signs.weigh("Nothing of a letter here.")
    # Only the signs without words to look for first were searched.
    assert signs._compiled() == 3
    signs.weigh("Dear all")
    assert signs._compiled() == 4


def test_a_sign_of_a_group_that_fired_is_not_compiled() -> None:
    signs = _letters()
    signs.weigh("Yours sincerely")
    signs.weigh("Yours sincerely\nYours faithfully")
    assert signs._compiled() == 2  # the first close and "said:"; the formal close never ran


def test_an_invalid_pattern_fails_only_when_searched() -> None:
    signs = Signs("k", (Sign(r"(unclosed", 1.0, "broken", needs=("unclosed",)),), minimum=0.5)
    assert signs.weigh("a text without the word").found == []
    with pytest.raises(re.error):
        signs.weigh("an unclosed group")


def test_built_in_signs_compile_nothing_until_weighed() -> None:
    for built_in in (REPORT_SIGNS, PRESS_SIGNS, PCC_SIGNS, NEWS_SIGNS):
        fresh = Signs(built_in.kind, _signs_of(built_in), minimum=built_in.minimum)
        assert fresh._compiled() == 0


def test_threads_weighing_at_once_find_what_one_thread_finds() -> None:
    texts = [path.read_text("utf-8")[:8192] for path in SEEDS]
    for built_in in (REPORT_SIGNS, PRESS_SIGNS, PCC_SIGNS, NEWS_SIGNS):
        alone = Signs(built_in.kind, _signs_of(built_in), minimum=built_in.minimum)
        expected = [alone.weigh(text).found for text in texts]
        shared = Signs(built_in.kind, _signs_of(built_in), minimum=built_in.minimum)
        with ThreadPoolExecutor(8) as pool:
            for _ in range(3):
                found = [weighing.found for weighing in pool.map(shared.weigh, texts * 4)]
                assert found == expected * 4


# -- words in groups ---------------------------------------------------------------------------


def test_a_sign_needs_a_word_of_every_group() -> None:
    sign = Sign(r"inspect\w*", 1.0, "x", needs=(("hmic", "hmicfrs"), ("found", "judged")))
    signs = Signs("k", (sign,), minimum=0.5)
    assert signs.weigh("HMIC inspected and found").found == [(1.0, "x")]
    assert signs.weigh("HMIC inspected").found == []
    assert signs.weigh("inspectors found").found == []
    assert signs._compiled() == 1


@pytest.mark.parametrize(
    ("needs", "error"),
    [((("a",), "b"), TypeError), (((),), ValueError), (((1,),), TypeError)],
)
def test_needs_are_words_or_groups_of_words(needs: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        Sign(r"x", 1.0, "x", needs=needs)  # type: ignore[arg-type]


# -- fast searches find exactly what the patterns find -----------------------------------------

# Characters that test the search forms: newlines and other spaces, markup, quotes, and
# letters lower-casing moves ('İ') or keeps apart from a case-insensitive match ('ſ', 'ı',
# the Kelvin sign, final sigma).
_NOISE = [
    "\n", "\n\n", " ", "\t", "\xa0", "\x0c", "\u2028", "**", "#", ":", "(", ")", ".", "-",
    "’", "“", "”", '"', "x", "A", "ſ", "ı", "İ", "K", "Σ", "ς", "µ",
]  # fmt: skip

# Patterns in the shapes the search forms handle, and shapes they must leave alone.
_SHAPES = [
    (r"^\s*Dear\s+\S|\bsaid:\s*$", re.M),
    (r"\b(?:ab|cd)e?\b|^x", re.M | re.I),
    (r"(?:a|b)+c", re.M),
    (r"[]|]x|y", re.M),
    (r"[^]|(]|\(|z", re.M),
    (r"\b(?i:said)\s+\w", re.M),
    (r"^(?:a|b)$", re.M),
    (r"\bsaids?\b", re.I | re.M),
    (r"\bsaid{2}", re.M),
    (r"(?:\bfoo|bar)(?:x|y)", re.M),
    (r"^[ \t]*(?:it|IT)\b", re.M),
    (r"\bİs\b", re.I | re.M),
    (r"\bKey\b", re.I | re.M),
    (r"^[^\n“]{0,20}\bHis\s+Majesty['’]s\s+(?:said|stated)", re.I | re.M),
    (r"^[^\S\n]*(?:#+\s*)?(?:\*\*)?(?:Re|RE)\s*:", re.M),
    (r"^\s*(?:a)?(?:b)*c", re.M),
    (r"(?:”|\")\s*said", re.I),
    (r"(?<=x)\bab|^(?<!y)c", re.M),
    (r"(a)\1|b", re.M),
    (r"(?x) a | b", re.M),
    (r"^ab", 0),
    # Slow openings searched only where the part they cannot match without is found.
    (r"\b(?:the|its|an?)\s+(?:HMIC\s+|(?:police\s+)?watchdog\s+)?report\s*,?\s+said\b", re.M),
    (r"^[^\S\n]*(?:Get|Read)\s+the\s+(?:full\s+)?report\s*$", re.M | re.I),
    (r"\bour\s+(?:police\s+)?force\s+(?:[a-z]+\s+)?welcomes?\b", re.M | re.I),
    (r"\bwe\s+[\w-]+\s+(?:rated|graded)(?i:\s+Good)", re.M),
    (r"^\d{1,2}\s+(?:May|June)\s+\d{4}\s+\N{EM DASH}\s+[A-Z]\w+", re.M),
]


def _signs_of(signs: Signs) -> list[Sign]:
    return [
        Sign(entry.pattern, entry.weight, entry.evidence, entry.group, entry.flags, entry.needs)
        for entry in signs._entries
    ]


def _patterns() -> Iterator[tuple[str, int]]:
    for built_in in (REPORT_SIGNS, PRESS_SIGNS, PCC_SIGNS, NEWS_SIGNS):
        for entry in built_in._entries:
            yield entry.pattern, entry.flags
    yield from _SHAPES


_PATTERNS = sorted(set(_patterns()))


def _spoiled(rng: random.Random, text: str) -> Iterator[str]:
    """``text`` and texts near it: with noise put in, letters in the other case, cut."""
    yield text
    yield text.upper()
    yield text.lower()
    for _ in range(3):
        chars = list(text)
        for _ in range(rng.randrange(1, 5)):
            at = rng.randrange(len(chars) + 1)
            if rng.random() < 0.6:
                chars.insert(at, rng.choice(_NOISE))
            elif chars:
                at = min(at, len(chars) - 1)
                chars[at] = chars[at].swapcase()
        yield "".join(chars)


@pytest.mark.parametrize(("pattern", "flags"), _PATTERNS, ids=lambda p: str(p)[:40])
def test_a_sign_is_found_exactly_where_its_pattern_matches(pattern: str, flags: int) -> None:
    written = re.compile(pattern, flags)
    signs = Signs("k", (Sign(pattern, 1.0, "it", flags=flags),), minimum=0.5)
    rng = random.Random(pattern)

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.from_regex(written), st.sampled_from(["", "\n", "Text before.\n", "x "]))
    def check(matching: str, before: str) -> None:
        for text in _spoiled(rng, before + matching):
            assert bool(signs.weigh(text).found) == bool(written.search(text)), text

    check()


@pytest.mark.parametrize(
    "text",
    [
        "HİS MAJESTY’S INSPECTOR OF CONSTABULARY said:",
        "Hıs Majesty’s Inspector Zoë Billingham said:",
        "“Good,” ſaid HM Inspector Zoë Billingham",
        "The Chief Constable of Kent ſaid",
        "The CHIEF CONSTABLE, Alan Pughsley, welcomed the report",
        "OUR POLICE SERVICE is good",
        "We were graded good",
        "İ\nHMIC has today published",
        "HOW EFFECTIVE IS THE FORCE AT KEEPING PEOPLE SAFE AND REDUCING CRIME?",
    ],
)
def test_case_insensitive_signs_match_texts_with_letters_lower_casing_moves(text: str) -> None:
    for built_in in (REPORT_SIGNS, PRESS_SIGNS, PCC_SIGNS, NEWS_SIGNS):
        plain = [
            (entry.weight, entry.evidence)
            for entry in built_in._entries
            if re.search(entry.pattern, text, entry.flags)
        ]
        fast = Signs("k", _signs_without_needs(built_in), minimum=0.5).weigh(text).found
        assert fast == _first_of_each_group(built_in, plain)


def _signs_without_needs(signs: Signs) -> list[Sign]:
    return [
        Sign(entry.pattern, entry.weight, entry.evidence, entry.group, entry.flags)
        for entry in signs._entries
    ]


def _first_of_each_group(signs: Signs, found: list[tuple[float, str]]) -> list[tuple[float, str]]:
    kept: list[tuple[float, str]] = []
    fired: set[str] = set()
    for entry in signs._entries:
        if (entry.weight, entry.evidence) not in found:
            continue
        if entry.group is not None:
            if entry.group in fired:
                continue
            fired.add(entry.group)
        kept.append((entry.weight, entry.evidence))
    return kept


def test_lower_casing_keeps_what_case_insensitive_matching_sees() -> None:
    """What searching the lower-cased text in place of the text rests on: every character
    but 'İ' lower-cases to one character, of the same kind (space, word, digit), that a
    case-insensitive match takes for it; and only the Kelvin sign, besides A-Z, lower-cases
    to an ASCII letter."""
    kinds = [re.compile(r"\s"), re.compile(r"\w"), re.compile(r"\d")]
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        lower = char.lower()
        if lower == char or char == "İ":
            continue
        assert len(lower) == 1, hex(point)
        assert all(bool(kind.match(char)) == bool(kind.match(lower)) for kind in kinds)
        assert re.fullmatch(re.escape(char), lower, re.IGNORECASE), hex(point)
        assert re.fullmatch(re.escape(lower), char, re.IGNORECASE), hex(point)
        if lower.isascii() and lower.isalpha():
            assert char.isascii() or char == "\u212a", hex(point)
    assert len("İ".lower()) == 2
    # Final sigma lower-cases by its place in a word; matching takes both forms alike.
    assert "ΑΣ".lower() == "ας"
    assert re.fullmatch("σ", "ς", re.IGNORECASE) and re.fullmatch("ς", "σ", re.IGNORECASE)


@pytest.mark.parametrize(
    ("branch", "tail"),
    [
        (r"\ba\s+(?:police\s+)?watchdog\s+said", r"watchdog\s+said"),
        (r"^[^\S\n]*Notes?\s+to\s+editors?\b", r"editors?\b"),
        (r"\bthe\s+(?:report|review)\s+said", ""),  # in a group: it may be either
        (r"\bour\s+[report]+\s+x", ""),  # a set is no word
        (r"\bhow\s+\N{EM DASH}\s+[a-z]", ""),  # nor a character's name
        (r"\bwe\s+(?:have\s+)?been\s+rated", r"rated"),
        (r"\bwe\s+\bassessed", ""),  # after an escape: not read as a word
        (r"\bInspectors\s+found", ""),  # a long enough opening needs none
    ],
)
def test_a_slow_opening_is_searched_after_the_word_it_cannot_match_without(
    branch: str, tail: str
) -> None:
    found = _fast_search._tail(branch, re.M) if _fast_search._opens_slowly(branch) else ""
    assert found == tail


# -- the words every sign needs ----------------------------------------------------------------


def _loaded_tables() -> list[Signs]:
    """Every table of signs a module of a loaded plugin defines at its top level."""
    parser = Parser()
    parser.detect("Dear Sir")  # loads every plugin and its signs
    tables: dict[int, Signs] = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in _PLUGIN_PACKAGES:
            tables.update({id(v): v for v in vars(module).values() if isinstance(v, Signs)})
    return list(tables.values())


_PLUGIN_PACKAGES = {
    "peelparse_report",
    "peelparse_press",
    "peelparse_pcc",
    "peelparse_news",
    "peelparse_minutes",
}
_WITH_NEEDS = [
    (table.kind, entry.evidence, entry.pattern, entry.flags, entry.needs)
    for table in _loaded_tables()
    for entry in table._entries
    if entry.needs
]


def test_every_plugins_signs_are_checked() -> None:
    assert {kind for kind, *_ in _WITH_NEEDS} == {
        "inspection_report",
        "press_release",
        "pcc_response",
        "news_article",
    }  # the example plugin's signs name no words


@pytest.mark.parametrize(
    ("kind", "evidence", "pattern", "flags", "needs"), _WITH_NEEDS, ids=lambda v: str(v)[:30]
)
def test_a_signs_words_are_in_every_text_it_matches(
    kind: str, evidence: str, pattern: str, flags: int, needs: tuple[tuple[str, ...], ...]
) -> None:
    """The guard ``weigh`` runs before a sign's pattern (``DetectionView.meets``) lets every
    text the pattern matches through."""

    def guard(text: str) -> bool:
        # Letters a case-insensitive match takes for 's' and 'i' that lower-case to other
        # letters: words in case-insensitive patterns can miss them (see ``Sign.needs``).
        if flags & re.IGNORECASE and any(c in text for c in "ſıİ"):
            return True
        return DetectionView(text).meets(needs)

    assert_guard_holds(re.compile(pattern, flags), guard, examples=40)
