"""The press-release grammar, rule by rule, on small texts shaped like real releases."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token, Tree

from conftest import SEEDS, corpus_files
from peelparse import Grade, Parser, PeelParseError, Pillar
from peelparse.grammar import shaped_tree, units_of
from peelparse.testing import assert_lossless, assert_round_trip
from peelparse.text import read_who
from peelparse_press import GRAMMAR, Inspectorate, PressRelease
from peelparse_press import shapes as press_shapes


def press(parser: Parser, text: str) -> PressRelease:
    document = parser.parse_text(text, kind="press_release")
    assert isinstance(document, PressRelease)
    assert_lossless(document, text)
    assert_round_trip(parser, document)
    return document


def test_grammar_has_no_conflicts() -> None:
    # strict mode fails on any shift/reduce conflict and on colliding terminals
    Lark.open_from_package(
        GRAMMAR.package, GRAMMAR.filename, ("",), parser="lalr", lexer="contextual", strict=True
    )


HEADLINE = (
    "Kent Police judged as 'good' at how legitimately it keeps people safe and reduces crime - HMIC"
)


def test_headline_with_grade_and_sign_off(parser: Parser) -> None:
    doc = press(parser, f"\n\n{HEADLINE}\n\nText.\n")
    assert doc.title == HEADLINE
    assert doc.headline == HEADLINE.removesuffix(" - HMIC")
    assert (doc.force and doc.force.slug, doc.pillar) == ("kent", Pillar.LEGITIMACY)
    (judgement,) = doc.judgements
    assert (judgement.grade, judgement.subject, judgement.headline) == (
        Grade.GOOD,
        "how legitimately it keeps people safe and reduces crime",
        True,
    )
    assert judgement.text == doc.headline


def test_headline_judging_two_areas(parser: Parser) -> None:
    doc = press(
        parser,
        "Kent Police judged as 'good' at preventing crime, but 'requires improvement' at "
        "investigating crime - HMIC\n\nText.\n",
    )
    assert [(j.grade, j.subject) for j in doc.judgements] == [
        (Grade.GOOD, "preventing crime"),
        (Grade.REQUIRES_IMPROVEMENT, "investigating crime"),
    ]


def test_headline_without_a_grade(parser: Parser) -> None:
    doc = press(parser, "Kent Police must make urgent improvements\n\nKent Police was told.\n")
    assert doc.headline == "Kent Police must make urgent improvements"
    assert doc.judgements == () and doc.force is not None and doc.force.slug == "kent"


def test_furniture_before_the_headline(parser: Parser) -> None:
    doc = press(
        parser,
        "Skip to content\nHM Inspectorate of Constabulary\nHome > News > Kent\n"
        "Printable version\n12 December 2016\n\n"
        f"{HEADLINE}\n\nText.\n",
    )
    assert doc.title == HEADLINE
    assert doc.published == "2016-12-12"
    assert [d.text for d in doc.dates] == ["12 December 2016"]
    assert {u.reason for u in doc.unclassified} == {
        "furniture: navigation",
        "furniture: site name",
        "furniture: breadcrumb",
    }


def test_labelled_metadata_and_dates(parser: Parser) -> None:
    doc = press(
        parser,
        "PEEL: police effectiveness 2016 - Kent press release\n\nPublished on: 2 March 2017\n\n"
        "Publication types: Press releases\n\nText.\n",
    )
    assert doc.published == "2017-03-02"
    assert [(m.label, m.value) for m in doc.metadata] == [("Publication types", "Press releases")]
    assert (doc.year, doc.period, doc.pillar) == (2016, "2016", Pillar.EFFECTIVENESS)


@pytest.mark.parametrize("bullet", ["- ", "• ", "  • "])
def test_findings_after_a_lead_in(parser: Parser, bullet: str) -> None:
    doc = press(
        parser,
        f"{HEADLINE}\n\nHMIC found that Kent Police:\n\n{bullet}treats people fairly; and\n"
        f"{bullet}is 'outstanding' at treating its workforce with fairness and respect.\n",
    )
    assert [(f.text, f.bullet) for f in doc.findings] == [
        ("treats people fairly; and", True),
        ("is 'outstanding' at treating its workforce with fairness and respect.", True),
    ]
    assert {f.lead_in.text for f in doc.findings if f.lead_in} == {"HMIC found that Kent Police:"}
    assert (Grade.OUTSTANDING, "treating its workforce with fairness and respect") in [
        (j.grade, j.subject) for j in doc.judgements
    ]


def test_graded_items_without_a_lead_in_are_findings(parser: Parser) -> None:
    doc = press(
        parser,
        "Inspectors satisfied by Kent Police’s performance\n\nA report was published.\n\n"
        "  • is ‘good’ at effectively reducing crime and keeping people safe;\n"
        "  • ‘requires improvement’ at how legitimately it treats the public and its workforce\n",
    )
    assert len(doc.findings) == 2 and all(f.lead_in is None for f in doc.findings)
    assert [(j.grade, j.pillar, j.headline) for j in doc.judgements] == [
        (Grade.GOOD, Pillar.EFFECTIVENESS, True),
        (Grade.REQUIRES_IMPROVEMENT, Pillar.LEGITIMACY, True),
    ]
    assert doc.pillar is None  # two pillars graded


def test_a_plain_list_is_not_findings(parser: Parser) -> None:
    doc = press(
        parser,
        "Police forces good at keeping people safe\n\n"
        "Forces were assessed against the following areas:\n\n"
        "  • Preventing crime;\n  • Protecting vulnerable people.\n",
    )
    assert doc.findings == ()
    assert [b.text for b in doc.bullets] == ["Preventing crime;", "Protecting vulnerable people."]
    assert [p.text for p in doc.paragraphs] == ["Forces were assessed against the following areas:"]


def test_findings_as_paragraphs(parser: Parser) -> None:
    doc = press(
        parser,
        "Kent Police has improved\n\n"
        "Kent Police has improved, the police inspectorate has said.\n\n"
        "HMICFRS said the good area was crime data integrity.\n\n"
        "However, inspectors said they had concerns about investigations.\n",
    )
    assert [f.text for f in doc.findings] == [
        "HMICFRS said the good area was crime data integrity.",
        "However, inspectors said they had concerns about investigations.",
    ]
    assert not any(f.bullet for f in doc.findings)
    assert [(j.grade, j.subject) for j in doc.judgements] == [(Grade.GOOD, "crime data integrity")]


def test_grades_in_prose_and_counts(parser: Parser) -> None:
    doc = press(
        parser,
        "Kent Police has improved\n\n"
        "Kent Police has been rated as good at treating people fairly. It was judged to be "
        "outstanding at planning for the future.\n\n"
        "HMICFRS graded the force across eight areas and found it was adequate in five areas "
        "and good in three areas.\n",
    )
    assert [(j.grade, j.subject) for j in doc.judgements] == [
        (Grade.GOOD, "treating people fairly"),
        (Grade.OUTSTANDING, "planning for the future"),
    ]
    assert [(c.grade, c.count, c.counted) for c in doc.grade_counts] == [
        (Grade.ADEQUATE, 5, "area"),
        (Grade.GOOD, 3, "area"),
    ]


def test_quote_after_a_said_line_over_several_paragraphs(parser: Parser) -> None:
    text = (
        f"{HEADLINE}\n\nHM Inspector of Constabulary Zoë Billingham said:\n\n"
        '“Kent Police is good.\n\n"It has more to do.\n\n"I am pleased."\n\n'
        "HMIC has published the report.\n"
    )
    doc = press(parser, text)
    (quote,) = doc.quotes
    assert (quote.speaker, quote.role) == ("Zoë Billingham", "HM Inspector of Constabulary")
    assert quote.attribution == "HM Inspector of Constabulary Zoë Billingham said:"
    assert quote.text == '“Kent Police is good. "It has more to do. "I am pleased."'
    assert quote.text_span is not None and len(quote.paragraphs) == 3
    assert [p.text for p in doc.paragraphs] == ["HMIC has published the report."]


def test_role_in_a_clause_of_its_own(parser: Parser) -> None:
    doc = press(
        parser,
        f"{HEADLINE}\n\nZoë Billingham, HM Inspector of Constabulary, said:\n\n“Good.”\n\n"
        "Her Majesty’s Inspector of Constabulary Stephen Otter, who led the inspection, said:\n\n"
        "“Better.”\n",
    )
    assert [(q.speaker, q.role) for q in doc.quotes] == [
        ("Zoë Billingham", "HM Inspector of Constabulary"),
        ("Stephen Otter", "Her Majesty’s Inspector of Constabulary"),
    ]


def test_speaker_after_the_quote(parser: Parser) -> None:
    doc = press(
        parser,
        f"{HEADLINE}\n\n“Kent Police is fair,” said Wendy Williams, HM Inspector of "
        "Constabulary. “It has more to do.”\n\n“I am pleased.”\n\n"
        "“It was good last year,” she added.\n",
    )
    # "she added" right after Wendy Williams's words carries on her quote
    (first,) = doc.quotes
    assert (first.speaker, first.role) == ("Wendy Williams", "HM Inspector of Constabulary")
    assert first.attribution == "said Wendy Williams, HM Inspector of Constabulary."
    assert [p.text for p in first.paragraphs] == [
        "“Kent Police is fair,”",
        "“It has more to do.”",
        "“I am pleased.”",
        "“It was good last year,”",
    ]
    # the attribution stands inside the quote, so its text is no one stretch of the page
    assert first.text_span is None
    assert first.text == (
        "“Kent Police is fair,” “It has more to do.” “I am pleased.” “It was good last year,”"
    )


def test_speaker_before_the_quote_in_the_same_paragraph(parser: Parser) -> None:
    doc = press(parser, f"{HEADLINE}\n\nChief Inspector Andy Cooke said: “All is well.”\n")
    (quote,) = doc.quotes
    assert (quote.speaker, quote.role, quote.text) == (
        "Andy Cooke",
        "Chief Inspector",
        "“All is well.”",
    )


def test_a_paragraph_that_only_closes_the_quote(parser: Parser) -> None:
    doc = press(
        parser,
        f"{HEADLINE}\n\nZoë Billingham said:\n\n“The force is good.\n\n"
        "This paragraph lost its opening mark.”\n\nAfter the quote.\n",
    )
    (quote,) = doc.quotes
    assert len(quote.paragraphs) == 2
    assert [p.text for p in doc.paragraphs] == ["After the quote."]


def test_an_unattributed_quote(parser: Parser) -> None:
    doc = press(parser, f"{HEADLINE}\n\n“I am pleased to report progress.\n\n“More.”\n")
    (quote,) = doc.quotes
    assert (quote.speaker, quote.attribution, len(quote.paragraphs)) == (None, None, 2)


def test_grades_in_quotes_are_not_the_release_s(parser: Parser) -> None:
    doc = press(
        parser,
        "Kent Police has improved\n\nZoë Billingham said:\n\n"
        "“Last year we judged the force to be good at treating people fairly.”\n",
    )
    assert doc.judgements == ()


def test_notes_to_editors_and_contact(parser: Parser) -> None:
    doc = press(
        parser,
        f"{HEADLINE}\n\nText.\n\nNotes to editors\n\n1. The report is online.\n"
        "2. HMIC inspects forces.\n\nMedia enquiries\n\nPress office: 0300 071 6998\n",
    )
    assert [n.text for n in doc.notes_to_editors] == [
        "1. The report is online.",
        "2. HMIC inspects forces.",
    ]
    assert [c.text for c in doc.contact] == ["Press office: 0300 071 6998"]
    assert [h.text for h in doc.headings] == ["Notes to editors", "Media enquiries"]


def test_report_title_after_a_report_link(parser: Parser) -> None:
    doc = press(
        parser,
        "Cleveland Police has improved\n\nText.\n\nGet the report\n\n"
        "PEEL 2021/22 – An inspection of Cleveland Police\n\nMore text.\n",
    )
    assert doc.report_title == "PEEL 2021/22 – An inspection of Cleveland Police"
    assert (doc.year, doc.period) == (2021, "2021/22")
    assert ("Get the report", "furniture: navigation") in [
        (u.text, u.reason) for u in doc.unclassified
    ]


def test_markdown_headings_and_bold(parser: Parser) -> None:
    doc = press(
        parser,
        f"# {HEADLINE}\n\n**HM Inspector of Constabulary Zoë Billingham said:**\n\n"
        "“Good.”\n\n## Notes to editors\n\n- A note.\n",
    )
    assert doc.headline == HEADLINE.removesuffix(" - HMIC")
    assert doc.quotes[0].speaker == "Zoë Billingham"
    assert [n.text for n in doc.notes_to_editors] == ["A note."]


def test_wrapped_lines_make_one_paragraph(parser: Parser) -> None:
    doc = press(
        parser,
        f"{HEADLINE}\n\nThe force treats people\nfairly. It also does well.\nIt must improve.\n\n"
        "Another paragraph.\n",
    )
    assert [p.text for p in doc.paragraphs] == [
        "The force treats people fairly. It also does well. It must improve.",
        "Another paragraph.",
    ]


def test_a_page_of_several_forces_releases(parser: Parser) -> None:
    doc = press(
        parser,
        "PEEL: police legitimacy 2016 - force press releases\n\nBelow are the releases.\n\n"
        "Kent Police judged to be good at how legitimately it keeps people safe - HMIC\n\n"
        "Kent Police judged to be good at how legitimately it keeps people safe\n\n"
        "HMIC found that Kent Police:\n\n  • treats people fairly.\n\n"
        "HM Inspector of Constabulary Wendy Williams said:\n\n“Kent is fair.”\n\n"
        "Essex Police requires improvement at how legitimately it keeps people safe - HMIC\n\n"
        "Zoë Billingham said:\n\n“Essex has more to do.”\n\nNotes to editors\n\n1. A note.\n",
    )
    assert doc.force is None
    assert [d.code for d in doc.diagnostics if d.code == "PP220"] == ["PP220"]
    kent, essex = doc.releases
    assert (kent.force and kent.force.slug, essex.force and essex.force.slug) == ("kent", "essex")
    assert kent.sign_off == "HMIC"
    assert [h.text for h in kent.headings] == [
        "Kent Police judged to be good at how legitimately it keeps people safe"
    ]
    assert [(j.grade, j.pillar) for j in kent.judgements] == [(Grade.GOOD, Pillar.LEGITIMACY)]
    assert [(j.grade, j.pillar) for j in essex.judgements] == [
        (Grade.REQUIRES_IMPROVEMENT, Pillar.LEGITIMACY)
    ]
    assert [q.speaker for q in kent.quotes] == ["Wendy Williams"]
    assert [q.speaker for q in essex.quotes] == ["Zoë Billingham"]
    assert [f.text for f in kent.findings] == ["treats people fairly."] and essex.findings == ()
    assert len(doc.judgements) == 2 and doc.quotes == () and doc.findings == ()
    assert [n.text for n in doc.notes_to_editors] == ["1. A note."]


def test_headings_naming_two_forces_make_a_multi_force_page(parser: Parser) -> None:
    doc = press(
        parser,
        "Latest releases\n\nKent Police is good\n\nText about Kent.\n\n"
        "Essex Police is good\n\nText about Essex.\n",
    )
    assert doc.force is None and [r.force and r.force.slug for r in doc.releases] == [
        "kent",
        "essex",
    ]


def test_a_single_release_is_no_multi_force_page(parser: Parser) -> None:
    doc = press(parser, f"{HEADLINE}\n\nKent Police findings\n\nText.\n")
    assert doc.releases == () and not [d for d in doc.diagnostics if d.code == "PP220"]


@pytest.mark.parametrize(
    ("text", "inspectorate"),
    [
        ("Kent Police is good\n\nHMIC said so.\n", Inspectorate.HMIC),
        ("Kent Police is good\n\nHMICFRS said so.\n", Inspectorate.HMICFRS),
        ("Kent Police is good\n\n2 March 2017\n\nInspectors said so.\n", Inspectorate.HMIC),
        ("Kent Police is good\n\n2 March 2018\n\nInspectors said so.\n", Inspectorate.HMICFRS),
        ("Kent Police PEEL 2021/22\n\nInspectors said so.\n", Inspectorate.HMICFRS),
        ("Kent Police is good\n\nInspectors said so.\n", None),
    ],
)
def test_inspectorate_from_the_text_or_the_date(
    parser: Parser, text: str, inspectorate: Inspectorate | None
) -> None:
    assert press(parser, text).inspectorate is inspectorate


def test_year_from_counting_the_inspections(parser: Parser) -> None:
    doc = press(
        parser,
        f"{HEADLINE}\n\nThis is the second year running HMIC has carried out inspections of "
        "this kind.\n",
    )
    assert (doc.year, doc.period) == (2016, None)


@pytest.mark.parametrize(
    "text",
    [
        "Notes to editors\n",
        "HM Inspector of Constabulary Zoë Billingham said:\n",
        "“An open quote\n",
        "- a bullet\n",
        "HMIC found that Kent Police:\n",
        "Get the report\n",
        "Media enquiries\n0300 071 6998\n",
        "Published on: 2 March 2017\n",
        f"{HEADLINE}\n{HEADLINE}\n",
    ],
)
def test_odd_fragments_parse(parser: Parser, text: str) -> None:
    press(parser, text)


PRESS_LINES = sorted(
    {line for p in [SEEDS[1], *corpus_files("press")] for line in p.read_text("utf-8").split("\n")}
)
SHAPES = [
    "",
    HEADLINE,
    "HM Inspector of Constabulary Zoë Billingham said:",
    "“Quoted words,” said Wendy Williams. “More.”",
    "“An open quote.",
    'Closing it."',
    "she added.",
    "HMIC found that Kent Police:",
    "  • is ‘good’ at things; and",
    "- requires improvement at others",
    "Notes to editors",
    "Media enquiries",
    "Get the report",
    "PEEL 2016 force press releases",
    "Essex Police is good",
    "Published on: 2 March 2017",
    "lower-case wrapped words",
    "   indented",
]
documents = st.lists(
    st.one_of(st.sampled_from(PRESS_LINES), st.sampled_from(SHAPES), st.text(max_size=40)),
    max_size=30,
).map("\n".join)


PARSER = Parser(autoload=False)


# a third of the profile's examples: tests/test_fuzz.py fuzzes release-like text as well
@settings(max_examples=max(100, settings().max_examples // 3))
@given(documents)
def test_any_release_like_text_parses_without_loss(text: str) -> None:
    with contextlib.suppress(PeelParseError):
        document = PARSER.parse_text(text, kind="press_release")
        assert_lossless(document, PARSER.read(text.encode("utf-8")).text)
        assert not [d for d in document.diagnostics if d.code in ("PP200", "PP201")]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        (
            "HM Inspector of Constabulary Zoë Billingham",
            "Zoë Billingham",
            "HM Inspector of Constabulary",
        ),
        (
            "HM Chief Inspector of Constabulary Sir Thomas Winsor",
            "Sir Thomas Winsor",
            "HM Chief Inspector of Constabulary",
        ),
        (
            "Zoë Billingham, HM Inspector of Constabulary, who led the inspection,",
            "Zoë Billingham",
            "HM Inspector of Constabulary",
        ),
        (
            "Her Majesty’s Inspector Zoë Billingham, who led the inspection,",
            "Zoë Billingham",
            "Her Majesty’s Inspector",
        ),
        ("HMI Matt Parr", "Matt Parr", "HMI"),
        ("APCC Chair Vera Baird QC", "Vera Baird QC", "APCC Chair"),
        (
            "In response Alison Hernandez, Police and Crime Commissioner for Devon, Cornwall and "
            "the Isles of Scilly,",
            "Alison Hernandez",
            "Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly",
        ),
        ("Keith", "Keith", None),
        ("HM Inspector of Constabulary", None, "HM Inspector of Constabulary"),
        ("the inspectorate", None, None),
    ],
)
def test_who_speaks_and_in_what_role(who: str, speaker: str | None, role: str | None) -> None:
    found = read_who(who, 0)
    assert (
        who[slice(*found.speaker)] if found.speaker else None,
        who[slice(*found.role)] if found.role else None,
    ) == (speaker, role)


def test_a_release_without_headline_starts_at_a_lead_in_naming_its_force(parser: Parser) -> None:
    doc = press(
        parser,
        "PEEL: police legitimacy 2017 - force press releases\n\nBelow are the releases.\n\n"
        "HMICFRS judged that Kent Police:\n\n"
        "- is 'outstanding' at treating the people it serves fairly;\n"
        "- is 'good' at treating its workforce fairly.\n\n"
        "Zoë Billingham said:\n\n“Kent is fair.”\n\n"
        "HMIC found that Essex Police:\n\n- is 'good' at treating its workforce fairly.\n",
    )
    assert doc.force is None
    assert [d.code for d in doc.diagnostics if d.code == "PP220"] == ["PP220"]
    kent, essex = doc.releases
    assert (kent.force and kent.force.slug, essex.force and essex.force.slug) == ("kent", "essex")
    assert kent.headline is None and kent.headline_span is None
    assert [(j.subject, j.grade) for j in kent.judgements] == [
        ("treating the people it serves fairly", Grade.OUTSTANDING),
        ("treating its workforce fairly", Grade.GOOD),
    ]
    assert [f.lead_in and f.lead_in.text for f in kent.findings] == [
        "HMICFRS judged that Kent Police:"
    ] * 2
    assert [q.speaker for q in kent.quotes] == ["Zoë Billingham"] and essex.quotes == ()
    assert [(j.subject, j.grade) for j in essex.judgements] == [
        ("treating its workforce fairly", Grade.GOOD)
    ]


def test_a_lead_in_naming_the_release_s_own_force_stays_in_it(parser: Parser) -> None:
    doc = press(
        parser,
        "PEEL: police effectiveness 2017 - force press releases\n\n"
        "Kent Police is good at keeping people safe\n\n"
        "HMICFRS judged that Kent Police:\n\n- is 'good' at preventing crime.\n",
    )
    (kent,) = doc.releases
    assert kent.headline == "Kent Police is good at keeping people safe"
    assert [f.text for f in kent.findings] == ["is 'good' at preventing crime."]


def test_all_other_forces_is_a_count_without_number(parser: Parser) -> None:
    doc = press(
        parser,
        "PEEL: police legitimacy 2017 - force press releases\n\nThe results:\n\n"
        "- Two forces were judged as 'inadequate'.\n- All other forces were judged as ‘good’.\n",
    )
    assert [(c.grade, c.count, c.counted) for c in doc.grade_counts] == [
        (Grade.INADEQUATE, 2, "force"),
        (Grade.GOOD, None, "force"),
    ]
    assert all(j.subject for j in doc.judgements)


def test_the_remaining_forces_with_a_number_are_counted(parser: Parser) -> None:
    doc = press(parser, "Forces graded\n\nThe remaining 14 forces were graded as good.\n")
    assert [(c.grade, c.count, c.counted) for c in doc.grade_counts] == [(Grade.GOOD, 14, "force")]
    assert doc.judgements == ()


def test_a_cycle_named_only_in_the_body_dates_the_release(parser: Parser) -> None:
    doc = press(
        parser,
        "Inspectors praise Kent Police\n\n"
        "In 2018/19, the inspectorate adopted an integrated assessment of every force.\n\n"
        "Inspectors judged that Kent Police:\n\n- is 'good' at reducing crime.\n",
    )
    assert (doc.year, doc.period) == (2018, "2018/19")


@pytest.mark.parametrize(
    "body",
    [
        "In 2018/19 we found it good. This year it has improved.",
        "In 2018/19 we found it good. In 2021 we looked again.",
        "In 2018/19 we found it good; in 2021/22 it was adequate.",
    ],
)
def test_a_release_looking_back_to_an_earlier_cycle_is_not_dated_by_it(
    parser: Parser, body: str
) -> None:
    doc = press(parser, f"Inspectors praise Kent Police\n\n{body}\n")
    assert doc.period != "2018/19"


# -- the layout, rule by rule: which of its shapes a block is, by where it stands ---------------


def layout(text: str) -> list[tuple[str, list[str]]]:
    """The grammar's rules over ``text`` and the terminals each took, in order."""
    source = PARSER.read(text.encode("utf-8"))
    blocks = units_of(source.text, frozenset(), press_shapes.join)
    several = press_shapes.several_releases(blocks)
    table = press_shapes.SEVERAL if several else press_shapes.SHAPES
    tree = shaped_tree(GRAMMAR, table, source)
    # The headline stands alone in the page's rule: a token, shown as a rule of itself.
    return [
        (child.data, [token.type for token in child.children if isinstance(token, Token)])
        if isinstance(child, Tree)
        else (child.type.lower(), [child.type])
        for child in tree.children
    ]


def test_the_block_after_said_is_the_quote_whatever_it_looks_like() -> None:
    assert layout(f"{HEADLINE}\n\nZoë Billingham said:\n\nHMIC found this fair.\n")[1:] == [
        ("quote", ["SAID", "AFTER_SAID"])
    ]
    # a "said:" line before a list introduces the list, not a quote
    assert layout(f"{HEADLINE}\n\nZoë Billingham said:\n\n- one thing\n")[1:] == [
        ("findings", ["LEAD_IN", "ITEM"])
    ]
    # nor before a heading: then it is prose
    assert layout(f"{HEADLINE}\n\nZoë Billingham said:\n\nA Heading\n\nText.\n")[1][0] in (
        "paragraph",
        "finding",
    )


def test_a_lead_in_is_one_only_before_a_list_item() -> None:
    assert layout(f"{HEADLINE}\n\nThe areas were:\n\n- one\n- two\n")[1:] == [
        ("findings", ["LEAD_IN", "ITEM", "ITEM"])
    ]
    assert layout(f"{HEADLINE}\n\nThe areas were:\n\nNone at all.\n")[1:] == [
        ("paragraph", ["PARA"]),
        ("paragraph", ["PARA"]),
    ]
    assert layout(f"{HEADLINE}\n\n- one\n- two\n")[1:] == [
        ("bullet", ["BULLET"]),
        ("bullet", ["BULLET"]),
    ]


def test_only_a_quote_left_open_is_continued_by_a_closing_paragraph() -> None:
    closing = "and this paragraph lost its opening mark.”"
    assert layout(f"{HEADLINE}\n\n“The force is good.\n\n{closing}\n")[1:] == [
        ("quote", ["QUOTE_OPEN", "CLOSING"])
    ]
    assert layout(f"{HEADLINE}\n\n“The force is good.”\n\n{closing}\n")[1:] == [
        ("quote", ["QUOTE"]),
        ("paragraph", ["PARA"]),
    ]


def test_links_are_set_aside_and_unseen_by_the_layout(parser: Parser) -> None:
    text = f"{HEADLINE}\n\nZoë Billingham said:\n\n“One.\n\nRead more\n\nTwo.”\n"
    assert layout(text)[1:] == [("quote", ["SAID", "AFTER_SAID_OPEN", "CLOSING"])]
    doc = press(parser, text)
    assert [(u.text, u.reason) for u in doc.unclassified] == [
        ("Read more", "furniture: navigation")
    ]
    assert len(doc.quotes) == 1 and len(doc.quotes[0].paragraphs) == 2


def test_the_heading_after_a_report_link_is_the_report_s_title() -> None:
    text = f"{HEADLINE}\n\nText.\n\nGet the report\n\nAn inspection of Kent\n\nMore.\n"
    assert ("report_title", ["TITLE_AFTER_LINK"]) in layout(text)
    assert ("heading", ["HEADING"]) in layout(text.replace("Get the report", "Jump to notes"))


def test_a_heading_shaped_line_ending_the_text_is_prose() -> None:
    cut = "Kent Police was found to be good at keeping people safe and"
    assert layout(f"{HEADLINE}\n\n{cut}\n")[1:] == [("paragraph", ["TAIL"])]
    assert layout(f"{HEADLINE}\n\n{cut}\n\nText.\n")[1:] == [
        ("heading", ["HEADING"]),
        ("paragraph", ["PARA"]),
    ]
    assert layout(f"{HEADLINE}\n\nA short heading\n")[1:] == [("heading", ["HEADING"])]


def test_metadata_follows_the_headline_or_a_date_only() -> None:
    meta = "Tags: Kent, legitimacy"
    assert layout(f"{meta}\n\n{HEADLINE}\n\n{meta}\n\nText.\n\n{meta}\n") == [
        ("lead_meta", ["META"]),
        ("headline", ["HEADLINE"]),
        ("meta", ["META"]),
        ("paragraph", ["PARA"]),
        ("heading", ["HEADING"]),
    ]


def test_notes_and_contact_take_every_block_after_them_in_turns() -> None:
    text = (
        f"{HEADLINE}\n\nText.\n\nNotes to editors\n\n“A quote.”\n\nGet the report\n\n"
        "Media enquiries\n\nNotes to editors\n\nCall us.\n"
    )
    assert layout(text)[2:] == [
        ("notes", ["NOTES", "NOTE", "NOTE"]),
        ("contact", ["CONTACT"]),
        ("notes", ["NOTES", "NOTE"]),
    ]


def test_a_site_name_is_set_aside_only_above_the_headline(parser: Parser) -> None:
    doc = press(parser, f"HMICFRS\n\n{HEADLINE}\n\nNews\n\nText.\n")
    assert [(u.text, u.reason) for u in doc.unclassified] == [("HMICFRS", "furniture: site name")]
    assert [h.text for h in doc.headings] == ["News"]


def test_a_release_s_headline_shown_again_stays_in_it() -> None:
    page = (
        "PEEL: police legitimacy 2016 - force press releases\n\n"
        "Kent Police is good at keeping people safe - HMIC\n\n"
        "Kent Police is good at keeping people safe\n\nText.\n\n"
        "Kent Police is good at keeping people safe\n\nMore.\n"
    )
    doc = PARSER.parse_text(page, kind="press_release")
    assert isinstance(doc, PressRelease)
    # straight after the headline it is the same release; after prose it starts another
    assert [len(r.headings) for r in doc.releases] == [1, 0]
    assert [r.force and r.force.slug for r in doc.releases] == ["kent", "kent"]
