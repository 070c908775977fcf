"""The news grammar, rule by rule, and the line shapes it reads: texts written for these tests,
never a page of a newspaper."""

from __future__ import annotations

import random

import pytest
from lark import Lark, Token, Tree

from peelparse import Parser
from peelparse.grammar import LineLexer, Unit, shaped_tree, units_of
from peelparse.testing import assert_lossless
from peelparse_news import GRAMMAR, NewsArticle
from peelparse_news.shapes import OUTLET_CONTEXT, SHAPES


@pytest.fixture(scope="module")
def news_parser() -> Parser:
    return Parser(autoload=False)


def test_grammar_has_no_conflicts() -> None:
    # strict mode fails on any shift/reduce or reduce/reduce conflict
    Lark.open_from_package(
        GRAMMAR.package, GRAMMAR.filename, ("",), parser="lalr", lexer=LineLexer, strict=True
    )


def _unit(text: str) -> Unit:
    (unit,) = units_of(text, frozenset())
    return unit


def _fits(name: str, text: str) -> bool:
    return name in SHAPES.classify(_unit(text))


# -- shapes: each wording class, five lines that fit and five that do not ------------------

SHAPE_CASES = {
    "FURNITURE": (
        [
            "Advertisement",
            "Hide Ad",
            "Sign up to our daily newsletter",
            "Image caption, Officers on patrol",
            "Share this article",
        ],
        [
            "The advertisement was withdrawn by the force.",
            "Officers were asked to sign up to the plan.",
            "Comments from the inspectorate were mixed.",
            "Read the report in full on the inspectorate's site.",
            "Image caption, " + "very long " * 30,
        ],
    ),
    "BYLINE": (
        [
            "By Jane Example",
            "By The Newsroom",
            "By Jane Example, Crime reporter",
            "By Ann de Example | Reporter",
            "By J. O'Example",
        ],
        [
            "By the end of the year the force had improved.",
            "by Jane Example",
            "Byline: Jane Example",
            "By jane example",
            "Written By Jane Example",
        ],
    ),
    "DATE": (
        [
            "Thursday, 22nd March 2018, 6:39 am",
            "Updated Thursday, 22nd March 2018, 6:40 am",
            "Published: 2 March 2017",
            "14:05, 3 Nov 2022",
            "Nov 3, 2022",
        ],
        [
            "March 2017",
            "The report of 2 March 2017 said so",
            "Police rated good on 2 March",
            "2017/18",
            "Page 3",
        ],
    ),
    "TITLE": (
        [
            "Kent Police rated 'good' by watchdog",
            "Force told to improve",
            "- Force told to improve",
            "Police forces in the North East rated by inspectors after a visit",
            "Crime figures 2017",
        ],
        [
            "Kent Police was rated good.",
            "“We are proud of our officers",
            "The chief constable said:",
            "2017 - 18",
            " ".join(["word"] * 31),
        ],
    ),
    "HEADING": (
        [
            "What the inspectors found",
            "Crime recording",
            "# What happens next",
            "**Victims**",
            "Recording data about crime - Adequate",
        ],
        [
            "- What the inspectors found",
            "What the inspectors found in the force was not what the force had said it would be",
            "What the inspectors found.",
            "‘What the inspectors found",
            "Next steps;",
        ],
    ),
    "INTRO": (
        [
            "Chief Constable Alan Example said:",
            "The chief constable said:",
            "Mr Example added:",
            "She told the Evening Gazette:",
            "Statement from the chief constable:",
        ],
        [
            "The chief constable said",
            "The chief constable said: “We are proud.”",
            "Findings:",
            "He said that the force would improve.",
            "Chief Constable Alan Example said: and more",
        ],
    ),
    "BULLET": (
        [
            "- the force is good at preventing crime",
            "• the force is good at preventing crime",
            "– the force is good at preventing crime",
            "· a list item",
            "▪ a list item",
        ],
        [
            "the force is good at preventing crime",
            "* bold-looking list item",
            "# a heading",
            "-hyphen without a space",
            "2017 - 18 was a good year",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(SHAPE_CASES))
def test_a_shape_fits_its_wording_class(name: str) -> None:
    fit, misfit = SHAPE_CASES[name]
    assert [text for text in fit if not _fits(name, text)] == []
    assert [text for text in misfit if _fits(name, text)] == []


def test_an_opening_mark_makes_a_quotation_line() -> None:
    for text in ["“We are proud.", '"We are proud."', "‘We are proud’", "„Wir“", "«Nous»"]:
        assert _fits("QUOTE", text) and _fits("QUOTE_CONT", text)
    for text in ["We are “proud”.", "Proud”", "(“Proud”)", "—“Proud”", "We said: “Yes”"]:
        assert not _fits("QUOTE", text)


# -- the grammar --------------------------------------------------------------------------


def _layout(parser: Parser, text: str) -> list[str]:
    """Each rule under the top as ``rule(terminals and rules under it)``; plain lines as
    their rule's name."""
    tree = shaped_tree(GRAMMAR, SHAPES, parser.read(text))

    def name(node: Tree[Token] | Token) -> str:
        if isinstance(node, Token):
            return str(node.type)
        inner = [name(child) for child in node.children if isinstance(child, Tree)]
        inner += [child.type for child in node.children if isinstance(child, Token)]
        if node.data in ("quote", "story"):
            return f"{node.data}({' '.join(name(child) for child in node.children)})"
        return str(node.data)

    return [name(child) for child in tree.children]


STORY = """\
By Jane Example
Kent Police rated 'good' by watchdog
What the report says
Thursday, 22nd March 2018, 6:39 am

Kent Police has been judged to be good at keeping people safe.
"""


def test_the_headline_is_the_first_line_shaped_as_one(news_parser: Parser) -> None:
    assert _layout(news_parser, STORY) == ["byline", "headline", "heading", "dated", "paragraph"]
    # After the text has begun, a line shaped as a headline is a cross-head.
    text = "The force was rated good.\n\nWhat the report says\n\nMore text.\n"
    assert _layout(news_parser, text) == ["paragraph", "heading", "paragraph"]


def test_x_said_quotes_the_line_under_it_whatever_it_looks_like(news_parser: Parser) -> None:
    text = "Text.\n\nThe chief said:\nA line shaped as a heading\n“And more.”\n"
    assert _layout(news_parser, text) == [
        "paragraph",
        "quote(said QUOTED QUOTE_CONT)",
    ]


def test_x_said_with_a_byline_a_date_or_nothing_under_it_is_a_paragraph(
    news_parser: Parser,
) -> None:
    assert _layout(news_parser, "Text.\n\nThe chief said:\nBy Jane Example\n") == [
        "paragraph",
        "said",
        "byline",
    ]
    assert _layout(news_parser, "Text.\n\nThe chief said:\nNov 3, 2022\n")[1:] == [
        "said",
        "dated",
    ]
    assert _layout(news_parser, "Text.\n\nThe chief said:\nAdvertisement\n")[1:] == [
        "said",
        "furniture",
    ]


def test_furniture_under_x_said_leaves_the_quotation_whole(news_parser: Parser) -> None:
    text = "Text.\n\nThe chief said:\nAdvertisement\nHide Ad\nWe are proud.\n"
    assert _layout(news_parser, text)[1:] == ["quote(said furniture furniture QUOTED)"]


def test_quotation_marks_go_on_the_quotation_before_them(news_parser: Parser) -> None:
    text = "Text.\n\n“We are proud.\nAdvertisement\n“We will improve.”\n\nMore text.\n\n“Again.”\n"
    assert _layout(news_parser, text) == [
        "paragraph",
        "quote(QUOTE furniture QUOTE_CONT)",
        "paragraph",
        "quote(QUOTE)",
    ]


def test_a_headline_followed_by_a_byline_inside_the_text_starts_a_story(
    news_parser: Parser,
) -> None:
    text = STORY + "\nEssex Police praised\nAdvertisement\nBy Jane Example\n\nEssex text.\n"
    assert _layout(news_parser, text)[-2:] == [
        "story(heading furniture byline)",
        "paragraph",
    ]
    long_title = " ".join(["Essex"] * 20)
    text = STORY + f"\n{long_title}\nNov 3, 2022\n\nEssex text.\n"
    assert _layout(news_parser, text)[-2:] == ["story(title dated)", "paragraph"]


def test_the_first_line_of_the_text_never_starts_a_story(news_parser: Parser) -> None:
    # A list item shaped as a headline opens the text; the byline under it is the story's.
    text = "Kent Police rated good\n\n- A finding without a stop\nBy Jane Example\n\nText.\n"
    assert _layout(news_parser, text) == ["headline", "title", "byline", "paragraph"]


def test_a_line_after_furniture_is_read_where_it_stands(news_parser: Parser) -> None:
    # Furniture under "X said:" takes a quoted line, furniture inside a quotation takes its
    # next paragraph, and furniture above the headline takes the headline; elsewhere none of
    # them, and a byline inside the text takes no headline after it.
    text = (
        "Text.\n\nAdvertisement\nA cross-head\n\nAdvertisement\n“A new quotation.”\n\n"
        "By Jane Example\nAnother cross-head\n\nMore.\n"
    )
    assert _layout(news_parser, text) == [
        "paragraph",
        "furniture",
        "heading",
        "furniture",
        "quote(QUOTE)",
        "byline",
        "heading",
        "paragraph",
    ]


def test_furniture_is_kept_in_order_with_its_reason(news_parser: Parser) -> None:
    text = (
        "Advertisement\nKent Police rated good\n\nThe chief said:\nHide Ad\nWe are proud.\n"
        "Advertisement\n“And more.”\n"
    )
    document = news_parser.parse_text(text, kind="news_article")
    assert isinstance(document, NewsArticle)
    assert_lossless(document, text)
    assert [(u.text, u.reason, u.span.line) for u in document.unclassified] == [
        ("Advertisement", "furniture", 1),
        ("Hide Ad", "furniture", 5),
        ("Advertisement", "furniture", 7),
    ]
    assert [p.text for p in document.paragraphs] == [
        "The chief said:",
        "We are proud.",
        "“And more.”",
    ]
    assert not document.diagnostics or all(d.code != "PP201" for d in document.diagnostics)


_OUTLET_WORDING = (
    "©", "(c)", "(C)", "Copyright", "COPYRIGHT", "told", "Told", "untold", "speaking to",
    "Speaking To", "ſpeaking to", "interview with", "ınterview with", "İnterview with",
    "first", "First", "appeared", "published", "Published", "in", "on", "by", "the", "The",
    "BBC", "Hartlepool Mail", "2023", "x", "K", "ſ", "a", "Σ", ".", " ", "  ", "\n",
)  # fmt: skip
"""Pieces of text around an outlet's name, in odd cases and letters too ('ſ', 'ı', 'İ')."""


def test_outlet_contexts_are_those_the_expression_finds_anywhere() -> None:
    # The expression is tried only where one of its words starts; what it finds must be
    # what trying it at every place finds.
    draw = random.Random(7)
    for _ in range(3000):
        text = "".join(
            draw.choice(_OUTLET_WORDING) + draw.choice(("", " "))
            for _ in range(draw.randint(1, 14))
        )
        expected = [found.span() for found in OUTLET_CONTEXT.pattern.finditer(text)]
        found = [found.span() for found in OUTLET_CONTEXT.finditer(text, text.lower())]
        assert found == expected, text
