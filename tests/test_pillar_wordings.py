"""The pillar a story states in its own words: the inspection it names, a grade given for a
pillar, the headline question retold. Texts written for these tests, one wording class a
table."""

from __future__ import annotations

import pytest

from peelparse.text import find_pillar


def _pillar(text: str) -> str | None:
    found = find_pillar(text)
    return str(found) if found is not None else None


INSPECTION_NAMED = [
    ("Inspectors published our 2017 efficiency inspection of the force on Thursday.", "efficiency"),
    ("The latest ‘legitimacy’ inspection found staff were treated fairly.", "legitimacy"),
    ("HMIC's effectiveness report praised the control room.", "effectiveness"),
    ("The force said the annual effectiveness inspection was a fair picture.", "effectiveness"),
    ("Its leadership report gives a narrative assessment.", "leadership"),
    (
        "The report by the inspectorate into Westshire Police's legitimacy was released today.",
        "legitimacy",
    ),
    ("An inspection of the force's efficiency found savings on track.", "efficiency"),
    # earlier reports recalled are not the page's own
    ("This effectiveness report followed reports on efficiency and legitimacy.", "effectiveness"),
]
INSPECTION_NOT_ONE_PILLAR = [
    "The efficiency and legitimacy inspections were published on the same day.",
    "The PEEL (effectiveness, efficiency and legitimacy) inspection covers every force.",
    "The commissioner read the legitimacy and the leadership reports.",
    "The council's energy efficiency report was approved.",
    "Inspectors published reports into legitimacy and leadership this week.",
    "A report on the force's effectiveness and efficiency is due.",
    "The efficiency of the new rota was discussed at the meeting.",
]


@pytest.mark.parametrize(("text", "pillar"), INSPECTION_NAMED)
def test_an_inspection_named_by_its_pillar(text: str, pillar: str) -> None:
    assert _pillar(text) == pillar


@pytest.mark.parametrize("text", INSPECTION_NOT_ONE_PILLAR)
def test_inspections_of_several_pillars_or_none_name_no_pillar(text: str) -> None:
    assert _pillar(text) is None


GRADED_FOR_A_PILLAR = [
    ("The report assessed the force as ‘good’ in terms of efficiency.", "efficiency"),
    ("Eastshire Constabulary was graded 'outstanding' for legitimacy, they said.", "legitimacy"),
    ("Officers were pleased to be rated good on effectiveness.", "effectiveness"),
    ("The force requires improvement in terms of its efficiency, the report says.", "efficiency"),
    ("Westshire was judged adequate for effectiveness and told to act quickly.", "effectiveness"),
]
GRADED_FOR_MORE = [
    "We were rated outstanding for efficiency and good at reducing crime.",
    "The force was graded good for efficiency and effectiveness.",
    "Good for efficiency savings, the plan was approved.",
    "The force is good at managing its efficiency programme.",
    "The force was good in terms of legitimacy, efficiency and effectiveness.",
]


@pytest.mark.parametrize(("text", "pillar"), GRADED_FOR_A_PILLAR)
def test_a_grade_given_for_one_pillar(text: str, pillar: str) -> None:
    assert _pillar(text) == pillar


@pytest.mark.parametrize("text", GRADED_FOR_MORE)
def test_a_grade_for_more_than_one_pillar_or_for_no_pillar(text: str) -> None:
    assert _pillar(text) is None


HEADLINE_RETOLD = [
    ("The force was rated good at how it legitimately keeps people safe.", "legitimacy"),
    ("It looked at how efficiently it keeps people safe and reduces crime.", "efficiency"),
    ("The reports ask how effective police forces are at keeping people safe.", "effectiveness"),
    ("Inspectors asked how effective Northshire Police is at reducing crime.", "effectiveness"),
    ("The grade reflects how the force effectively keeps people safe.", "effectiveness"),
]
HEADLINE_NOT_RETOLD = [
    "The report looks at how it keeps people safe and reduces crime.",
    "Residents asked how effective the new control rooms are at answering calls.",
    "The force effectively keeps people safe, the chief said.",
    "How well the force keeps people safe is the question.",
    "Staff described how efficiently the new system works.",
]


@pytest.mark.parametrize(("text", "pillar"), HEADLINE_RETOLD)
def test_the_headline_question_retold(text: str, pillar: str) -> None:
    assert _pillar(text) == pillar


@pytest.mark.parametrize("text", HEADLINE_NOT_RETOLD)
def test_wordings_that_do_not_retell_the_headline_question(text: str) -> None:
    assert _pillar(text) is None


def test_a_story_that_names_two_pillars_has_none() -> None:
    story = (
        "The latest legitimacy inspection rated the force good. "
        "Last spring the force's efficiency inspection found it outstanding."
    )
    assert _pillar(story) is None
