"""News stories and the line between kinds: texts written for these tests, one per wording
class, never a page of a newspaper."""

from __future__ import annotations

import pytest

from peelparse import Corpus, Parser
from peelparse.testing import assert_lossless, assert_round_trip
from peelparse.text import find_force, find_pillar, read_date_line
from peelparse_news import NewsArticle
from peelparse_news.detect import SIGNS as NEWS_SIGNS
from peelparse_pcc.detect import SIGNS as PCC_SIGNS

STORY = """\
Kent Police rated 'good' by watchdog

By Jane Example, Crime reporter
Thursday, 22nd March 2018, 6:39 am

Kent Police has been judged to be good at keeping people safe and reducing crime by the
police watchdog.

Advertisement
Hide Ad

Her Majesty's Inspectorate of Constabulary (HMIC) said the force was good at preventing
crime in the PEEL 2017 effectiveness inspection.

Chief Constable Alan Example said:
“We are proud of our officers and staff.
“We will keep improving for the people of Kent.”

Speaking to the Evening Gazette, the commissioner added that the result was welcome.
"""

SEVERAL = """\
Police forces in the North East rated by inspectors

By The Newsroom
Friday, 23rd March 2018, 7:00 am

Durham Constabulary was judged to be outstanding at keeping people safe after a visit from
the inspectorate.

Northumbria Police was judged to be good at keeping people safe and reducing crime.

Cleveland Police requires improvement in how it protects vulnerable people, inspectors said.
"""


@pytest.fixture(scope="module")
def news_parser() -> Parser:
    return Parser(autoload=False)


def _parse(parser: Parser, text: str) -> NewsArticle:
    document = parser.parse_text(text)
    assert isinstance(document, NewsArticle), document.kind
    assert_lossless(document, text)
    assert_round_trip(parser, document)
    return document


def test_a_story_about_one_force(news_parser: Parser) -> None:
    story = _parse(news_parser, STORY)
    assert story.title == "Kent Police rated 'good' by watchdog"
    assert (story.byline, story.author) == ("By Jane Example, Crime reporter", "Jane Example")
    assert (story.published, story.published_text) == (
        "2018-03-22",
        "Thursday, 22nd March 2018, 6:39 am",
    )
    assert story.outlet == "Evening Gazette"
    assert story.force is not None and story.force.slug == "kent"
    assert story.year == 2017
    assert {str(j.grade) for j in story.judgements} == {"good"}
    assert all(fj.force is not None and fj.force.slug == "kent" for fj in story.force_judgements)
    furniture = [u.text for u in story.unclassified if u.reason == "furniture"]
    assert furniture == ["Advertisement", "Hide Ad"]
    assert "We are proud of our officers and staff." in [p.text[1:] for p in story.paragraphs]
    assert [(q.speaker, q.role) for q in story.quotes] == [("Alan Example", "Chief Constable")]


def test_a_story_naming_no_cycle_takes_it_from_its_date(news_parser: Parser) -> None:
    story = _parse(news_parser, STORY.replace("in the PEEL 2017 effectiveness inspection", ""))
    # Published in March 2018, when the 2017 reports came out.
    assert (story.year, story.year_inferred) == (2017, True)


def test_a_story_about_several_forces_keeps_each_judgements_force(news_parser: Parser) -> None:
    story = _parse(news_parser, SEVERAL)
    assert story.force is None
    assert [f.slug for f in story.forces_named] == ["durham", "northumbria", "cleveland"]
    got = {
        (fj.force.slug if fj.force else None, str(fj.judgement.grade))
        for fj in story.force_judgements
    }
    assert got == {
        ("durham", "outstanding"),
        ("northumbria", "good"),
        ("cleveland", "requires_improvement"),
    }


def test_two_stories_glued_together_about_different_forces_have_no_force(
    news_parser: Parser,
) -> None:
    second = STORY.replace("Kent", "Essex")
    glued = STORY + "\n" + second
    story = _parse(news_parser, glued)
    assert story.force is None
    assert "PP250" in [d.code for d in story.diagnostics]


def test_a_standfirst_above_the_byline_is_not_another_story(news_parser: Parser) -> None:
    text = STORY.replace("\n\nBy Jane", "\n\nThe force's results in a new report\nBy Jane")
    story = _parse(news_parser, text)
    assert "PP250" not in [d.code for d in story.diagnostics]
    assert story.byline == "By Jane Example, Crime reporter"


def test_two_stories_about_the_same_force_keep_it(news_parser: Parser) -> None:
    glued = STORY + "\n" + STORY.replace("rated 'good'", "praised")
    story = _parse(news_parser, glued)
    assert story.force is not None and story.force.slug == "kent"
    assert "PP250" in [d.code for d in story.diagnostics]


def test_a_story_cut_mid_quote(news_parser: Parser) -> None:
    cut = STORY[: STORY.index("officers and staff")]
    story = _parse(news_parser, cut)
    assert "PP252" in [d.code for d in story.diagnostics]
    assert story.force is not None and story.force.slug == "kent"


def test_a_story_naming_no_force(news_parser: Parser) -> None:
    text = STORY.replace("Kent Police", "The force").replace("people of Kent", "county")
    story = _parse(news_parser, text)
    assert story.force is None
    assert "PP251" in [d.code for d in story.diagnostics]


# -- the line between kinds --------------------------------------------------------------------

KINDS = {
    "a news story quoting a commissioner": (
        "Review of police forces finds failings\n\nMedia playback is unsupported on your device\n\n"
        "Gwent Police was found failing by the police watchdog.\n\nInspectors also highlighted "
        "areas for improvement at the North Wales force and at Dyfed-Powys Police.\n\n"
        "But Gwent's PCC John Example, who said the inspection had cost money, was critical.\n",
        "news_article",
    ),
    "a story with a byline and a dated line": (
        "Force told to improve by inspectors\n\nBy Jane Example\nTuesday, 21st June 2022, 5:00 "
        "am\n\nThe county force was rated 'adequate' at investigating crime by the police "
        "watchdog.\n",
        "news_article",
    ),
    "a columnist's piece": (
        "Peeling away the police report\n\nCllr Jane Example writes for the County Times on "
        "an HM Inspector's report on Surrey Police.\n\nIt is disappointing to see the force "
        "slip in a number of areas.\n",
        "news_article",
    ),
    "a commissioner's response carried by a paper": (
        "County crime commissioner responds to latest police inspection report\n"
        "In the PEEL report, published by His Majesty’s Inspectorate of Constabulary and Fire & "
        "Rescue Services (HMICFRS), the force has been graded as good in two areas.\n"
        "Mr Example said: “The independent assessment shows where Warwickshire Police does "
        "well.\nAdvertisement\nHide Ad\n“It also shows where it must improve.”\n",
        "pcc_response",
    ),
    "a commissioner's first-person statement": (
        "Response to HMIC Police Effectiveness, Efficiency and Legitimacy (PEEL) report\n\n"
        "I welcome this report from HMIC. I am pleased that the Inspectorate has recognised "
        "that Dorset Police has good governance in place.\n",
        "pcc_response",
    ),
    "a response form by the commissioner": (
        "Response by the Police and Crime Commissioner to HMIC Inspections of Hampshire "
        "Constabulary\nTitle of Inspection: PEEL Effectiveness Report 2016\n",
        "pcc_response",
    ),
    "a force's own statement": (
        "Force welcomes HMIC PEEL reports\n\nDorset Police and the Police and Crime "
        "Commissioner have welcomed the annual HMIC PEEL report released today.\n\nA link to "
        "our full previous news release can be found below.\n",
        "unknown",
    ),
    "a national body's statement": (
        "Commissioners welcome PEEL report\n\nThe National Police Chiefs' Council said forces "
        "had worked hard. Police and Crime Commissioner Jane Example said the results were "
        "welcome.\n",
        "unknown",
    ),
    "minutes that quote AFIs": (
        "Members considered a report of the Commissioner regarding the Force response to "
        "HMICFRS PEEL findings and the following points were made.\nAFI 7 – the Force should "
        "ensure effective external scrutiny.\n· In response to a question the Assistant "
        "Commissioner confirmed the terms of reference.\nRESOLVED, that the report be "
        "received.\n",
        "unknown",
    ),
    "a press release copied from a PDF": (
        "<<\n\nPolice’s approach to efficiency judged to be ‘good’ by HMIC\n\nHMIC inspects "
        "all police forces on an annual basis.\n\nHM of Constabulary Jane Example said:\n\n"
        "continues to be good in terms of efficiency.\n",
        "press_release",
    ),
}


@pytest.mark.parametrize("case", sorted(KINDS))
def test_the_line_between_kinds(news_parser: Parser, case: str) -> None:
    text, kind = KINDS[case]
    assert news_parser.detect(news_parser.read(text)).kind == kind


def test_evidence_names_the_signs_on_both_sides(news_parser: Parser) -> None:
    text = KINDS["a commissioner's response carried by a paper"][0]
    source = news_parser.read(text)
    detection = news_parser.detect(source)
    assert "a headline on the commissioner's response" in detection.evidence
    news = NEWS_SIGNS.weigh(source.head)
    assert (-0.4, "a headline on the commissioner's response") in news.found
    assert news.detection() is None
    minutes = news_parser.read(KINDS["minutes that quote AFIs"][0])
    assert (-0.4, "minutes of a meeting") in PCC_SIGNS.weigh(minutes.head).found


# -- the fallback kind and the core readers -------------------------------------------------


def test_the_fallback_kind_carries_force_year_and_judgements(news_parser: Parser) -> None:
    text = (
        "Police and crime panel, 3 November 2022\n\nThe panel discussed the PEEL 2021/22 "
        "inspection of Surrey Police. The force was judged to be good at preventing crime.\n\n"
        "Jane Example said:\n“The panel will keep asking questions.”\n"
    )
    document = news_parser.parse_text(text)
    assert document.kind == "unknown"
    assert document.force is not None and document.force.slug == "surrey"
    assert document.year == 2021
    assert [str(j.grade) for j in document.judgements] == ["good"]
    assert [q.speaker for q in getattr(document, "quotes", ())] == ["Jane Example"]
    assert_lossless(document, text)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # A page about forces in general that says it is about one.
        (
            "HMIC inspects all police forces in England and Wales.\nThis report sets out the "
            "findings for Lincolnshire Police.\n",
            "lincolnshire",
        ),
        (
            "HMICFRS inspects the territorial police forces in England and Wales.\nPCC response "
            "to the inspection of Hampshire Constabulary 2019\n",
            "hampshire",
        ),
        # A force named once as an example on a national page.
        ("All 43 forces were graded. One police force, Kent Police, was outstanding.\n", None),
        # Titles only one office holds.
        ("The Sub-Committee received a report of the Commissioner of Police.\n", "city-of-london"),
        ("The Commissioner of Police of the Metropolis spoke.\n", None),
        ("Members of the Police Authority Board asked for the plan.\n", "city-of-london"),
    ],
)
def test_which_force_a_page_is_about(text: str, slug: str | None) -> None:
    force = find_force(text)
    assert (force.slug if force else None) == slug


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thursday, 22nd March 2018, 6:39 am", "2018-03-22"),
        ("Updated Thursday, 22nd March 2018, 6:40 am", "2018-03-22"),
        ("Published: 2 March 2017", "2017-03-02"),
        ("14:05, 3 Nov 2022", "2022-11-03"),
        ("Nov 3, 2022", "2022-11-03"),
        ("Posted: Thu 8th Dec 2016", "2016-12-08"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    found = read_date_line(line)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("line", ["March 2017", "The report of 2 March 2017 said so", ""])
def test_not_date_lines(line: str) -> None:
    assert read_date_line(line) is None


# -- links -------------------------------------------------------------------------------


def test_a_story_covers_the_report_and_release_of_its_force_and_cycle(
    news_parser: Parser,
) -> None:
    from conftest import SEEDS

    documents = [news_parser.parse(SEEDS[0]), news_parser.parse(SEEDS[1])]
    story = STORY.replace("Kent", "Leicestershire").replace(
        "PEEL 2017 effectiveness", "PEEL 2016 legitimacy"
    )
    documents.append(news_parser.parse_text(story))
    corpus = Corpus(documents, parser=news_parser)
    (entry,) = corpus.by_kind["news_article"]
    # Its quotes and judgements are items like any other kind's, with IDs for the exports.
    assert [q.id for q in entry.items.quotes] == [f"{entry.id}#quote-1"]
    assert entry.items.judgements and entry.id.endswith("/news")
    found = {(link.relation, link.target_id, link.method) for link in corpus.links_from(entry.id)}
    assert found == {
        ("covers", "leicestershire/2016/legitimacy/report", "metadata"),
        ("covers", "leicestershire/2016/legitimacy/press", "metadata"),
    }
    # The story names its inspection's pillar ("the PEEL 2016 legitimacy inspection") as well.
    assert all(
        "same force, year and pillar" in link.evidence for link in corpus.links_from(entry.id)
    )


@pytest.mark.parametrize(
    ("text", "pillar"),
    [
        (
            "Force response to HMICFRS Integrated PEEL Assessment (Legitimacy) Findings",
            "legitimacy",
        ),
        ("Response to the Police Effectiveness, Efficiency and Legitimacy (PEEL) report", None),
        ("PEEL Assessment (Legitimacy) and PEEL Assessment (Efficiency)", None),
    ],
)
def test_a_pillar_in_brackets_after_peel(text: str, pillar: str | None) -> None:
    found = find_pillar(text)
    assert (str(found) if found else None) == pillar
