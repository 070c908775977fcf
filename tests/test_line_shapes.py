"""Line shapes: the words read from an expression, the units a text is cut into, and the
lexer that lets the grammar choose among the terminals a unit fits."""

from __future__ import annotations

import gc
import re

import attrs
import pytest
from lark import Lark

from peelparse._handed import Before
from peelparse._line_lexer import _ORDERS, LineLexer, run_shaped
from peelparse._needs import first_character, needed_words
from peelparse._shapes import Classifier, LineShape, ShapeTable, Unit, joined, units_of
from peelparse._source import from_text

# -- the words an expression cannot match without ----------------------------------------------

GUARDED = [
    (r"Areas? for improvement", re.IGNORECASE, ("mprovement",)),
    (r"(?:Good|Outstanding|Inadequate)\b", 0, ("good", "inadequate", "outstanding")),
    (r"Dear\s+(?:Sir|Madam)", 0, ("dear",)),
    (r"(?:notes?\s+to|editors['’]?\s+notes?)", re.IGNORECASE, ("note",)),
    (r".*\?\s*$", 0, ("?",)),
    (r"(?i:Chief)\s+Constable", 0, ("constable",)),
    (r"^\s*(?:Yours\s+(?:sincerely|faithfully))", 0, ("faithfully", "sincerely")),
]
"""Expressions, their flags, and the words every match holds."""


@pytest.mark.parametrize(("pattern", "flags", "words"), GUARDED)
def test_needed_words_are_read_from_the_expression(
    pattern: str, flags: int, words: tuple[str, ...]
) -> None:
    assert needed_words(pattern, flags) == words


def test_words_are_none_or_necessary() -> None:
    assert needed_words(r"(?:HMIC)?\s+found", re.IGNORECASE) == ("found",)
    assert needed_words(r"\d+") is None
    assert needed_words(r"(?:Good|\d+)") is None
    assert needed_words(r"[A-Z][a-z]+") is None
    assert needed_words(r"a|b") is None
    assert needed_words(r"(?:said)*:") == (":",)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?i)Assessment", "ASSEſSMENT"),  # "ſ" matches "s" with case ignored
        (r"(?i)inspection", "ınspectıon"),  # so does the dotless "ı" for "i"
        (r"(?i)KNOWN", "\u212anown"),  # the Kelvin sign lower-cases to "k"
    ],
)
def test_a_case_folded_match_always_holds_the_words(pattern: str, text: str) -> None:
    assert re.search(pattern, text) is not None
    words = needed_words(pattern)
    assert words is None or any(word in text.lower() for word in words)


# -- the characters a match can start with --------------------------------------------------

STARTS = [
    (r"\d{1,2}\.?\s*$", 0, "7", "a"),
    (r"(?:Last\s+updated|Updated)", re.IGNORECASE, "u", "p"),
    (r"(?![^\n]{9})[^\s•\-*a-z]", 0, "T", "t"),
    (r"(?:[-•]\s++)?(?:Good|Bad)", 0, "•", "g"),
    (r"\b(?=[A-Z])\w+", 0, "x", " "),
    (r"(?i)sister", 0, "ſ", "t"),  # "ſ" matches "s" with case ignored
    (r"keep", re.IGNORECASE, "\u212a", "c"),  # so does the Kelvin sign "k"
    (r"(?:a|)b", 0, "b", "c"),
]
"""Expressions, their flags, a character a match of each may start with, and one no match
of it starts with."""


@pytest.mark.parametrize(("pattern", "flags", "may", "cannot"), STARTS)
def test_the_first_character_is_read_from_the_expression(
    pattern: str, flags: int, may: str, cannot: str
) -> None:
    first = first_character(pattern, flags)
    assert first is not None
    assert first.match(may) is not None
    assert first.match(cannot) is None


@pytest.mark.parametrize("pattern", [r"x?", r"", r"(?i:a)b", r"\s*$", r"(?:a|\d*)"])
def test_an_expression_that_may_start_anyhow_tells_nothing(pattern: str) -> None:
    assert first_character(pattern) is None


def test_a_unit_is_tried_only_on_shapes_it_can_start_as() -> None:
    table = ShapeTable([LineShape("NUMBER", r"\d+$"), LineShape("ANY", r".")], fallback="PARA")
    number, prose = units_of("12\n\nProse.\n", frozenset(), None)
    classifier = table.classifier([number, prose], "12\n\nprose.\n", 1_000)
    assert classifier.possible[1] & table.starting("P") == classifier.possible[1]
    assert [table.classify(u) for u in (number, prose)] == [
        ("NUMBER", "ANY", "PARA"),
        ("ANY", "PARA"),
    ]


# -- units --------------------------------------------------------------------------------------


def test_units_keep_indent_blank_lines_and_neighbours() -> None:
    text = "Title\n\n  First para\nstill first\n\n- item\n"
    units = units_of(text, frozenset(), None)
    assert [(u.text, u.indent, u.blank_before, u.next_to) for u in units] == [
        ("Title", 0, True, False),
        ("First para", 2, True, False),
        ("still first", 0, False, True),
        ("- item", 0, True, False),
    ]
    assert [text[u.start : u.end] for u in units] == [
        "Title",
        "First para",
        "still first",
        "- item",
    ]


def test_joined_units_cover_their_lines() -> None:
    text = "A paragraph that\nwraps here.\n\nNext one.\n"

    def wrapped(lines: list[Unit]) -> list[Unit]:
        units: list[Unit] = []
        for line in lines:
            if units and not line.blank_before and line.text[:1].islower():
                units[-1] = joined(units[-1], line)
            else:
                units.append(line)
        return units

    units = units_of(text, frozenset(), wrapped)
    assert [u.text for u in units] == ["A paragraph that wraps here.", "Next one."]
    assert (units[0].line, units[0].end_line) == (1, 2)
    assert text[units[0].start : units[0].end] == "A paragraph that\nwraps here."


def test_furniture_lines_are_left_out_and_break_adjacency() -> None:
    units = units_of("One\nPage 1 of 2\nTwo\nThree\n", frozenset({2}), None)
    assert [(u.text, u.next_to, u.after_furniture) for u in units] == [
        ("One", False, False),
        ("Two", False, True),
        ("Three", True, False),
    ]
    under = ShapeTable([LineShape("CONT", after_blank=False)], fallback="PARA")
    clean = ShapeTable([LineShape("CLEAN", after_furniture=False)], fallback="PARA")
    assert [under.classify(u)[0] for u in units] == ["PARA", "PARA", "CONT"]
    assert [clean.classify(u)[0] for u in units] == ["CLEAN", "PARA", "CLEAN"]


def test_a_shape_may_stand_under_the_line_before_past_page_furniture() -> None:
    text = "One\nPage 1 of 2\nTwo\nThree\n\nFour\n"
    units = units_of(text, frozenset({2}), None)
    past = ShapeTable([LineShape("CONT", after_blank=False, past_furniture=True)], fallback="PARA")
    # no blank line before: straight under, or under with only furniture between
    assert [past.classify(u)[0] for u in units] == ["PARA", "CONT", "CONT", "PARA"]


# -- the table --------------------------------------------------------------------------------

TABLE = ShapeTable(
    [
        LineShape("SAID", r".*\bsaid:$"),
        LineShape("QUOTE", r"[\"“]"),
        LineShape("ITEM", r"[-•]\s", indented=False),
        LineShape("CONT", r"\S", indented=True),
    ],
    fallback="PARA",
)


def test_a_unit_fits_every_shape_in_order_and_the_fallback_last() -> None:
    unit = units_of("“He said:\n", frozenset(), None)[0]
    assert TABLE.classify(unit) == ("SAID", "QUOTE", "PARA")
    plain = units_of("Plain prose.\n", frozenset(), None)[0]
    assert TABLE.classify(plain) == ("PARA",)


def test_where_a_shape_may_start() -> None:
    at_margin, indented = units_of("- item\n  - item\n", frozenset(), None)
    assert TABLE.classify(at_margin) == ("ITEM", "PARA")
    assert TABLE.classify(indented) == ("CONT", "PARA")


def test_a_shape_is_named_as_a_terminal_and_names_are_unique() -> None:
    with pytest.raises(ValueError, match="capitals"):
        LineShape("quote", r"x")
    with pytest.raises(ValueError, match="share a name"):
        ShapeTable([LineShape("A", "x"), LineShape("A", "y")], fallback="PARA")


# -- the lexer ----------------------------------------------------------------------------------

QUOTES = """
start: _item*
_item: quote | paragraph
quote: SAID QUOTE+
paragraph: PARA
%declare SAID QUOTE PARA
"""


def _parse(grammar: str, text: str) -> tuple[object, object]:
    parser = Lark(grammar, parser="lalr", lexer=LineLexer)
    return run_shaped(parser, TABLE, from_text(text))


def test_the_grammar_chooses_among_the_shapes_a_unit_fits() -> None:
    text = 'The chief said:\n\n"We are glad."\n\nPlain.\n\n"Stray."\n'
    tree, _ = _parse(QUOTES, text)
    assert [(t.data, [str(c) for c in t.children]) for t in tree.children] == [  # type: ignore[attr-defined]
        ("quote", ["The chief said:", '"We are glad."']),
        ("paragraph", ["Plain."]),
        ("paragraph", ['"Stray."']),
    ]


def test_no_unit_is_lost_after_one_is_set_aside() -> None:
    # After the opening paragraph only a quote may follow: the second paragraph is set
    # aside, and every later unit is still parsed.
    grammar = (
        "start: paragraph quote*\nparagraph: PARA\nquote: SAID QUOTE\n%declare SAID QUOTE PARA\n"
    )
    text = "Opening.\n\nStray paragraph.\n\nShe said:\n\n“Yes.”\n"
    tree, run = _parse(grammar, text)
    assert [u.text for u in run.unclassified] == ["Stray paragraph."]  # type: ignore[attr-defined]
    assert [d.code for d in run.diagnostics] == ["PP201"]  # type: ignore[attr-defined]
    kept = [str(c) for t in tree.children for c in t.children]  # type: ignore[attr-defined]
    assert kept == ["Opening.", "She said:", "“Yes.”"]


def test_a_unit_with_parts_gives_a_token_for_each() -> None:
    table = ShapeTable(
        [
            LineShape("GLUED", r"(?P<QUESTION>.+\?)\s*(?P<GRADE>Good|Inadequate)$", parts=True),
            LineShape("QUESTION", r".+\?$"),
        ],
        fallback="PARA",
    )
    grammar = "start: question*\nquestion: QUESTION GRADE? PARA*\n%declare QUESTION GRADE PARA\n"
    text = "  How safe is it?Good\n\nSome prose.\n\nHow fair is it?\n"
    tree, run = run_shaped(Lark(grammar, parser="lalr", lexer=LineLexer), table, from_text(text))
    tokens = [(t.type, str(t), t.start_pos) for q in tree.children for t in q.children]  # type: ignore[attr-defined]
    assert tokens == [
        ("QUESTION", "How safe is it?", 2),
        ("GRADE", "Good", 17),
        ("PARA", "Some prose.", 23),
        ("QUESTION", "How fair is it?", 36),
    ]
    assert not run.unclassified
    with pytest.raises(ValueError, match="groups named as terminals"):
        LineShape("GLUED", r"(.+\?)(Good)", parts=True)


# -- where a unit stands among the others --------------------------------------------------------

PLACED = ShapeTable(
    [
        LineShape("ITEM", r"- "),
        LineShape("LEAD_IN", r".*:$", before="ITEM"),
        LineShape("LINK", r"Read more$", aside="furniture: navigation"),
        LineShape("TITLE", r"[A-Z]", after="LINK"),
        LineShape("TAIL", r"\w+$", last=True),
    ],
    fallback="PARA",
)


def _candidates(text: str) -> list[tuple[str, ...]]:
    units = units_of(text, frozenset(), None)
    return PLACED.classify_all(units, text.lower(), 1_000_000)


def test_a_shape_may_depend_on_the_units_around() -> None:
    assert _candidates("Found:\n- one\nFound:\nplain.\n") == [
        ("LEAD_IN", "PARA"),
        ("ITEM", "PARA"),
        ("PARA",),
        ("PARA",),
    ]
    assert _candidates("Read more\nTitle here.\nTitle again.\n")[1:] == [
        ("TITLE", "PARA"),
        ("PARA",),
    ]
    assert _candidates("cut\ncut\n") == [("PARA",), ("TAIL", "PARA")]


def test_a_neighbour_is_a_shape_read_alone() -> None:
    with pytest.raises(ValueError, match="neighbour"):
        ShapeTable([LineShape("A", "x", before="B"), LineShape("B", "y", last=True)], fallback="P")
    with pytest.raises(ValueError, match="neighbour"):
        ShapeTable([LineShape("A", "x", after="MISSING")], fallback="P")


ASIDE = """
start: _item*
_item: quote | paragraph | LINK
quote: SAID QUOTE+
paragraph: PARA
%declare SAID QUOTE PARA LINK
"""


def test_a_unit_set_aside_is_unseen_by_the_grammar() -> None:
    table = ShapeTable(
        [
            LineShape("LINK", r"Read more$", aside="furniture: navigation"),
            LineShape("SAID", r".*\bsaid:$"),
            LineShape("QUOTE", r"[\"“]"),
        ],
        fallback="PARA",
    )
    text = "The chief said:\n\n“One.”\n\nRead more\n\n“Two.”\n\nPlain.\n"
    tree, run = run_shaped(Lark(ASIDE, parser="lalr", lexer=LineLexer), table, from_text(text))
    assert [(t.data, [str(c) for c in t.children]) for t in tree.children] == [  # type: ignore[attr-defined]
        ("quote", ["The chief said:", "“One.”", "“Two.”"]),
        ("paragraph", ["Plain."]),
    ]
    assert [(u.text, u.reason, u.span.line) for u in run.unclassified] == [  # type: ignore[attr-defined]
        ("Read more", "furniture: navigation", 5)
    ]
    assert not run.diagnostics  # type: ignore[attr-defined]


def test_a_shape_the_parser_cannot_take_is_never_tried() -> None:
    tried: list[str] = []

    def never_here(text: str) -> bool:
        tried.append(text)
        return True

    table = ShapeTable(
        [
            LineShape("LINK", r"Read more$", aside="furniture: navigation"),
            LineShape("SAID", r".*\bsaid:$"),
            LineShape("QUOTE", r"[\"“]"),
            LineShape("ELSEWHERE", "", test=never_here),
        ],
        fallback="PARA",
    )
    text = "The chief said:\n\n“One.”\n\nPlain.\n"
    tree, _ = run_shaped(Lark(ASIDE, parser="lalr", lexer=LineLexer), table, from_text(text))
    assert len(tree.children) == 2  # type: ignore[attr-defined]
    assert tried == []
    # asked for every shape, the classifier tries it
    assert "ELSEWHERE" in table.classify(units_of("Plain.\n", frozenset(), None)[0])
    assert tried == ["Plain."]


@pytest.mark.parametrize(("ends", "value"), [("line", "Plain prose.  "), ("text", "Plain prose.")])
def test_a_token_ends_where_the_table_says(ends: str, value: str) -> None:
    table = ShapeTable([], fallback="PARA", ends=ends)  # type: ignore[arg-type]
    parser = Lark("start: PARA*\n%declare PARA\n", parser="lalr", lexer=LineLexer)
    tree, _ = run_shaped(parser, table, from_text("Plain prose.  \nNext.\n"))
    first = tree.children[0]  # type: ignore[attr-defined]
    assert (str(first), first.end_pos) == (value, len(value))


def test_a_shape_may_stand_only_in_the_regions_it_names() -> None:
    def sign_off(units: list[Unit]) -> list[Unit]:
        # The last two units of a text are its sign-off.
        return [
            attrs.evolve(u, region="sign-off") if i >= len(units) - 2 else u
            for i, u in enumerate(units)
        ]

    table = ShapeTable(
        [LineShape("CLOSE", r"Yours\b", region="sign-off"), LineShape("NAME", region="sign-off")],
        fallback="PARA",
        regions=sign_off,
    )
    parser = Lark(
        "start: PARA* (CLOSE NAME)?\n%declare PARA CLOSE NAME\n", parser="lalr", lexer=LineLexer
    )
    text = "Yours is the choice.\n\nWe agree.\n\nYours sincerely\n\nA. Person\n"
    tree, run = run_shaped(parser, table, from_text(text))
    assert [t.type for t in tree.children] == ["PARA", "PARA", "CLOSE", "NAME"]  # type: ignore[attr-defined]
    assert not run.unclassified


def test_a_shape_is_chosen_only_where_the_parser_can_shift_it() -> None:
    # One furniture rule serves the page and the inside of a quote, so LALR lists QUOTE as
    # a possible next token after furniture anywhere; on the page itself a QUOTE would only
    # be refused once the furniture rule is closed, so the plain line must be a paragraph.
    grammar = (
        "start: _item*\n_item: furniture | quote | paragraph\n"
        "quote: SAID (QUOTE | furniture)*\nfurniture: FURNITURE\nparagraph: PARA\n"
        "%declare SAID QUOTE FURNITURE PARA\n"
    )
    table = ShapeTable(
        [
            LineShape("SAID", r".*said:$"),
            LineShape("FURNITURE", r"Advertisement$"),
            LineShape("QUOTE"),
        ],
        fallback="PARA",
    )
    text = "Advertisement\n\nPlain words.\n\nShe said:\n\nAdvertisement\n\nQuoted words.\n"
    tree, run = run_shaped(Lark(grammar, parser="lalr", lexer=LineLexer), table, from_text(text))
    assert [t.data for t in tree.children] == ["furniture", "paragraph", "quote"]  # type: ignore[attr-defined]
    assert not run.diagnostics


def test_a_text_the_grammar_cannot_finish_gives_a_layout_failure() -> None:
    parser = Lark("start: PARA PARA\n%declare PARA\n", parser="lalr", lexer=LineLexer)
    tree, run = run_shaped(parser, ShapeTable([], fallback="PARA"), from_text("One line only.\n"))
    assert tree is None
    assert [(d.code, d.span.start if d.span else None) for d in run.diagnostics] == [("PP200", 0)]


def test_what_the_lexer_keeps_of_a_parser_goes_with_it() -> None:
    parser = Lark(QUOTES, parser="lalr", lexer=LineLexer)
    run_shaped(parser, TABLE, from_text("The chief said:\n\n“Yes.”\n"))
    kept = len(_ORDERS)
    del parser
    gc.collect()
    assert len(_ORDERS) == kept - 1


def test_a_forgotten_unit_is_answered_again_the_same() -> None:
    units = units_of("The chief said:\n\n“One.”\n\n- item\n", frozenset(), None)
    text = "The chief said:\n\n“One.”\n\n- item\n"
    kept = TABLE.classifier(units, text.lower(), 1_000)
    answers = [kept.candidates(i) for i in range(len(units))]
    for index in range(len(units)):
        kept.forget(index)
    assert [kept.candidates(i) for i in range(len(units))] == answers
    assert answers == [("SAID", "PARA"), ("QUOTE", "PARA"), ("ITEM", "PARA")]


def test_the_lexer_lets_go_of_the_units_behind_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # What is kept about a unit (its answers, its lower case) costs many times a short
    # line; the lexer keeps it only for the unit before the one it reads.
    forgotten: list[int] = []
    forget = Classifier.forget

    def recording(self: Classifier, index: int) -> None:
        forgotten.append(index)
        forget(self, index)

    monkeypatch.setattr(Classifier, "forget", recording)
    text = "".join(f"Paragraph {n}.\n\n" for n in range(6))
    tree, _ = _parse(QUOTES, text)
    assert len(tree.children) == 6  # type: ignore[attr-defined]
    assert forgotten == [0, 1, 2, 3]


JOINED = """
start: _item*
_item: PARA | BULLET
%declare PARA BULLET
"""


def _lines_marked(units: list[Unit]) -> list[Unit]:
    # A line starting in lower case goes on with the one above it (as a kind's own reading
    # of the whole text might say).
    return [
        attrs.evolve(u, region="on" if i and u.text[:1].islower() else "")
        for i, u in enumerate(units)
    ]


def _joining_table() -> ShapeTable:
    return ShapeTable(
        [LineShape("BULLET", r"- "), LineShape("ON", region="on", joins=True)],
        fallback="PARA",
        regions=_lines_marked,
    )


def test_a_joining_unit_goes_on_with_the_token_before_it() -> None:
    text = "- One item\nwrapped here\n\nA paragraph\nthat wraps\nand wraps.\n\nAnother.\n"
    source = from_text(text)
    tree, run = run_shaped(Lark(JOINED, parser="lalr", lexer=LineLexer), _joining_table(), source)
    tokens = tree.children  # type: ignore[attr-defined]
    assert [(t.type, str(t), t.line, t.end_line) for t in tokens] == [
        ("BULLET", "- One item\nwrapped here", 1, 2),
        ("PARA", "A paragraph\nthat wraps\nand wraps.", 4, 6),
        ("PARA", "Another.", 8, 8),
    ]
    assert tokens[1].end_pos == text.index("and wraps.") + len("and wraps.")
    assert not run.diagnostics  # type: ignore[attr-defined]


def test_a_joined_token_keeps_the_page_furniture_between_its_units() -> None:
    text = "A paragraph\nPage 2 of 3\nthat wraps.\n"
    source = attrs.evolve(from_text(text), furniture={2: "page number"})
    tree, _ = run_shaped(Lark(JOINED, parser="lalr", lexer=LineLexer), _joining_table(), source)
    assert [str(t) for t in tree.children] == [text.rstrip("\n")]  # type: ignore[attr-defined]


def test_a_joining_unit_with_nothing_before_it_is_typed_as_any_other() -> None:
    table = ShapeTable([LineShape("ON", r"[a-z]", joins=True)], fallback="PARA")
    tree, _ = run_shaped(
        Lark(JOINED, parser="lalr", lexer=LineLexer), table, from_text("lower case\n")
    )
    assert [(t.type, str(t)) for t in tree.children] == [("PARA", "lower case")]  # type: ignore[attr-defined]


def test_a_unit_marked_with_its_region_is_the_unit_evolved() -> None:
    units = units_of("One\nPage 2\nTwo\n\n  Three\n", frozenset({2}), None)
    assert [u.in_region("body") for u in units] == [attrs.evolve(u, region="body") for u in units]


# -- what came before: shapes that rule others out, and tests of the tokens handed over ----------


def test_a_shape_may_rule_out_units_that_fit_others() -> None:
    table = ShapeTable(
        [
            LineShape("HEADING", r"[A-Z][^.]*$", unless=("NOTE",)),
            LineShape("NOTE", r"Note\b"),
        ],
        fallback="PARA",
    )
    text = "A Heading\nNote this\nEnds here.\n"
    assert table.classify_all(units_of(text, frozenset(), None), text.lower(), 1_000_000) == [
        ("HEADING", "PARA"),
        ("NOTE", "PARA"),
        ("PARA",),
    ]


def test_a_shape_ruled_out_rules_out_none_itself() -> None:
    with pytest.raises(ValueError, match="rules out none"):
        ShapeTable(
            [LineShape("A", "x", unless=("B",)), LineShape("B", "y", unless=("C",))],
            fallback="P",
        )


def test_a_unit_may_stand_before_any_of_several_shapes() -> None:
    table = ShapeTable(
        [
            LineShape("LEAD", r".*:$", before=("ONE", "TWO")),
            LineShape("ONE", "1"),
            LineShape("TWO", "2"),
        ],
        fallback="P",
    )
    text = "a:\n1\nb:\n2\nc:\n3\n"
    units = units_of(text, frozenset(), None)
    assert [c[0] for c in table.classify_all(units, text.lower(), 1_000_000)] == [
        "LEAD",
        "ONE",
        "LEAD",
        "TWO",
        "P",
        "P",
    ]


NUMBERED = """
start: _item*
_item: HEADING | NEXT | PARA
%declare HEADING NEXT PARA
"""


def _next_number(before: Before, text: str) -> bool:
    # The number after the last numbered line's, counted again under each heading.
    last = before.last("NEXT", "HEADING")
    number = int(last.text.split(".")[0]) if last is not None and last.kind == "NEXT" else 0
    return text.startswith(f"{number + 1}.")


def test_a_shape_may_test_the_tokens_handed_over_before_it() -> None:
    table = ShapeTable(
        [
            LineShape("HEADING", r"#"),
            LineShape("NEXT", r"\d+\.", follows=_next_number),
        ],
        fallback="PARA",
    )
    text = "# One\n\n1. a\n\n2. b\n\n4. c\n\n# Two\n\n1. d\n\n3. e\n"
    tree, _ = run_shaped(Lark(NUMBERED, parser="lalr", lexer=LineLexer), table, from_text(text))
    assert [(t.type, str(t)) for t in tree.children] == [  # type: ignore[attr-defined]
        ("HEADING", "# One"),
        ("NEXT", "1. a"),
        ("NEXT", "2. b"),
        ("PARA", "4. c"),
        ("HEADING", "# Two"),
        ("NEXT", "1. d"),
        ("PARA", "3. e"),
    ]


def test_what_came_before_is_the_last_token_and_the_last_of_each_terminal() -> None:
    regions = ("head", "head", "body", "body")
    units = [
        unit.in_region(region)
        for unit, region in zip(units_of("a\nb\nc\nd\n", frozenset(), None), regions, strict=True)
    ]
    before = Before(units)
    assert before.previous is None and before.last("P") is None
    before.hand("P", 0)
    before.run_on(1)
    assert before.previous is not None and before.previous.region == "head"
    before.hand("Q", 2)
    before.hand("P", 3)
    assert (before.previous.kind, before.previous.text) == ("P", "d")  # type: ignore[union-attr]
    assert before.previous.region == "body"  # type: ignore[union-attr]
    found = before.last("Q", "X")
    assert found is not None and (found.kind, found.first, found.last) == ("Q", 2, 2)
    assert before.last("P", "Q") is before.previous
    before = Before(units)
    before.hand("P", 0)
    before.run_on(1)
    assert before.previous is not None
    assert (before.previous.text, before.previous.tail) == ("a b", "b")


def _sentence_open(before: Before, text: str) -> bool:
    return before.previous is not None and not before.previous.text.endswith(".")


def test_a_joining_unit_goes_on_only_with_the_tokens_it_names_and_that_its_test_passes() -> None:
    table = ShapeTable(
        [
            LineShape("BULLET", r"- "),
            LineShape("ON", r"[a-z]", joins=True, onto=("BULLET",)),
            LineShape(
                "RUNS", after_blank=False, joins=True, onto=("PARA",), follows=_sentence_open
            ),
        ],
        fallback="PARA",
    )
    text = "- One item\nwrapped\n\nA paragraph\nThat goes on.\nNot this.\nthis neither\n"
    tree, _ = run_shaped(Lark(JOINED, parser="lalr", lexer=LineLexer), table, from_text(text))
    assert [(t.type, str(t)) for t in tree.children] == [  # type: ignore[attr-defined]
        ("BULLET", "- One item\nwrapped"),
        ("PARA", "A paragraph\nThat goes on."),
        ("PARA", "Not this."),
        ("PARA", "this neither"),
    ]


def test_only_a_joining_shape_names_what_it_goes_on_with() -> None:
    with pytest.raises(ValueError, match="onto"):
        LineShape("A", onto=("PARA",))
