"""Forces, grades, pillars, cycles and judgments read from text."""

from __future__ import annotations

import pytest

from peelparse import Grade, Pillar
from peelparse.text import FORCES, find_cycle, find_force, force_named, judgements_in


def test_forty_three_forces_with_the_documented_slugs() -> None:
    slugs = {f.slug for f in FORCES}
    assert len(FORCES) == 43 == len(slugs)
    assert {
        "avon-and-somerset",
        "city-of-london",
        "devon-and-cornwall",
        "dyfed-powys",
        "greater-manchester",
        "metropolitan",
        "north-wales",
        "west-mercia",
        "hampshire",
    } <= slugs


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Leicestershire", "leicestershire"),
        ("Leicestershire Constabulary", "leicestershire"),
        ("Leicester, Leicestershire and Rutland", "leicestershire"),
        ("the Met", "metropolitan"),
        ("Metropolitan Police Service", "metropolitan"),
        ("GMP", "greater-manchester"),
        ("Hampshire and Isle of Wight", "hampshire"),
        ("Dyfed Powys", "dyfed-powys"),
        ("City of London Police", "city-of-london"),
    ],
)
def test_force_aliases(name: str, slug: str) -> None:
    force = force_named(name)
    assert force is not None and force.slug == slug


def test_a_page_about_two_forces_equally_has_no_force() -> None:
    assert find_force("Kent Police and Essex Police worked together. Kent and Essex.") is None
    assert find_force("Kent Police is good. Kent Police works with Essex.") == force_named("Kent")


@pytest.mark.parametrize(
    ("text", "period", "year"),
    [
        ("Leicestershire PEEL 2016", "2016", 2016),
        ("PEEL: Police Legitimacy (including Leadership) 2017", "2017", 2017),
        ("PEEL 2021/22 – An inspection of Cleveland Police", "2021/22", 2021),
        ("PEEL 2023–2025: An inspection of Devon and Cornwall Police", "2023–2025", 2023),
        ("2016 PEEL police effectiveness inspection", "2016", 2016),
        ("Bedfordshire 2016\n", "2016", 2016),
    ],
)
def test_cycles(text: str, period: str, year: int) -> None:
    cycle = find_cycle(text)
    assert cycle is not None and (cycle.period, cycle.year) == (period, year)


def test_dates_are_not_cycles() -> None:
    assert find_cycle("Last updated 12/12/2017") is None


@pytest.mark.parametrize(
    ("words", "grade"),
    [
        ("Good", Grade.GOOD),
        ("'requires improvement'", Grade.REQUIRES_IMPROVEMENT),
        ("requiring improvement", Grade.REQUIRES_IMPROVEMENT),
        ("Adequate", Grade.ADEQUATE),
        ("not yet graded", Grade.NOT_GRADED),
        ("To be graded", Grade.NOT_GRADED),
    ],
)
def test_grade_words(words: str, grade: Grade) -> None:
    assert Grade.from_text(words) is grade


def test_not_a_grade() -> None:
    for _ in range(2):  # the spellings worked out once keep no answer for a wrong one
        with pytest.raises(ValueError, match="not a grade"):
            Grade.from_text("excellent")


def test_not_a_pillar() -> None:
    assert Pillar.from_word("Legitimately") is Pillar.LEGITIMACY
    for _ in range(2):
        with pytest.raises(ValueError, match="not a pillar"):
            Pillar.from_word("excellence")


@pytest.mark.parametrize(
    ("sentence", "grade", "pillar", "headline"),
    [
        (
            "The extent to which the force is effective at keeping people safe and reducing crime: "
            "not yet graded.",
            Grade.NOT_GRADED,
            Pillar.EFFECTIVENESS,
            True,
        ),
        (
            "The extent to which the force is efficient at keeping people safe and reducing crime "
            "requires improvement.",
            Grade.REQUIRES_IMPROVEMENT,
            Pillar.EFFICIENCY,
            True,
        ),
        (
            "The extent to which the force is legitimate at keeping people safe and reducing crime "
            "is: good.",
            Grade.GOOD,
            Pillar.LEGITIMACY,
            True,
        ),
        (
            "Leicestershire Police is judged to be good at how legitimately it keeps people "
            "safe and reduces crime.",
            Grade.GOOD,
            Pillar.LEGITIMACY,
            True,
        ),
        (
            "Bedfordshire Police has been assessed as requires improvement in respect of the "
            "efficiency with which it keeps people safe and reduces crime.",
            Grade.REQUIRES_IMPROVEMENT,
            Pillar.EFFICIENCY,
            True,
        ),
        (
            "The force is judged to be good at treating the people it serves with fairness and "
            "respect.",
            Grade.GOOD,
            None,
            False,
        ),
    ],
)
def test_judgement_shapes(
    sentence: str, grade: Grade, pillar: Pillar | None, headline: bool
) -> None:
    (found,) = judgements_in(sentence)
    assert (found.grade, found.pillar, found.headline, found.explicit) == (
        grade,
        pillar,
        headline,
        True,
    )


def test_two_judgements_in_one_sentence() -> None:
    found = list(
        judgements_in(
            "It is judged to be good at ensuring its workforce behaves ethically and lawfully and "
            "outstanding at treating its workforce with fairness and respect."
        )
    )
    assert [(j.grade, j.subject) for j in found] == [
        (Grade.GOOD, "ensuring its workforce behaves ethically and lawfully"),
        (Grade.OUTSTANDING, "treating its workforce with fairness and respect"),
    ]


def test_prose_that_grades_nothing() -> None:
    assert list(judgements_in("We found good practice in the control room.")) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Leicestershire Police judged as 'good' at how legitimately it keeps people safe and "
            "reduces crime",
            [(Grade.GOOD, "how legitimately it keeps people safe and reduces crime")],
        ),
        (
            "Kent Police rated 'outstanding' for how it treats the public.",
            [(Grade.OUTSTANDING, "how it treats the public")],
        ),
        (
            "Kent Police judged to be good at preventing crime, but 'requires improvement' at "
            "investigating crime",
            [(Grade.GOOD, "preventing crime"), (Grade.REQUIRES_IMPROVEMENT, "investigating crime")],
        ),
        (
            "Inspectors find Derbyshire Constabulary outstanding at operating efficiently",
            [(Grade.OUTSTANDING, "operating efficiently")],
        ),
        (
            "Avon and Somerset Constabulary’s effectiveness at keeping people safe and reducing "
            "crime is good",
            [(Grade.GOOD, "effectiveness at keeping people safe and reducing crime")],
        ),
        (
            "Kent Police requires improvement in how it investigates crime.",
            [(Grade.REQUIRES_IMPROVEMENT, "how it investigates crime")],
        ),
        (
            "HMICFRS said the good area was crime data integrity.",
            [(Grade.GOOD, "crime data integrity")],
        ),
        (
            "The areas requiring improvement included responding to the public, investigating "
            "crime, and building and developing its workforce.",
            [
                (Grade.REQUIRES_IMPROVEMENT, "responding to the public"),
                (Grade.REQUIRES_IMPROVEMENT, "investigating crime"),
                (Grade.REQUIRES_IMPROVEMENT, "building and developing its workforce"),
            ],
        ),
        (
            "The inadequate areas included preventing crime and use of resources.",
            [(Grade.INADEQUATE, "preventing crime and use of resources")],
        ),
    ],
)
def test_later_judgement_shapes(sentence: str, expected: list[tuple[Grade, str]]) -> None:
    found = list(judgements_in(sentence))
    assert [(j.grade, j.subject) for j in found] == expected
    assert all(j.explicit and j.count is None for j in found)


def test_a_list_of_areas_must_name_them() -> None:
    assert list(judgements_in("The areas requiring improvement are set out below:")) == []


def test_a_headline_that_drops_the_verb_names_its_pillar() -> None:
    (found,) = judgements_in(
        "Leicestershire Police judged as 'good' at how legitimately it keeps people safe and "
        "reduces crime"
    )
    assert (found.pillar, found.headline) == (Pillar.LEGITIMACY, True)


def test_later_shapes_leave_the_first_shapes_alone() -> None:
    # "is rated as good" is the second shape's; the headline shape must not take it over
    (found,) = judgements_in("Kent Police has been rated as good at treating people fairly.")
    assert (found.grade, found.subject) == (Grade.GOOD, "treating people fairly")
    (implicit,) = judgements_in("The constabulary is good at treating the public fairly.")
    assert not implicit.explicit


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "HMICFRS graded Cleveland Police’s performance across ten areas of policing and found "
            "the force was ‘good’ in one area, ‘adequate’ in four areas, ‘requires improvement’ in "
            "three areas and ‘inadequate’ in two areas.",
            [
                (Grade.GOOD, 1, "area"),
                (Grade.ADEQUATE, 4, "area"),
                (Grade.REQUIRES_IMPROVEMENT, 3, "area"),
                (Grade.INADEQUATE, 2, "area"),
            ],
        ),
        (
            "Across England and Wales, HMIC has graded 1 force (Durham Constabulary) as "
            "outstanding; 24 forces as good; and 18 forces as requires improvement.",
            [
                (Grade.OUTSTANDING, 1, "force"),
                (Grade.GOOD, 24, "force"),
                (Grade.REQUIRES_IMPROVEMENT, 18, "force"),
            ],
        ),
        (
            "Thirty seven police forces were graded as ‘good’, and one police force, Kent Police, "
            "achieved an ‘outstanding’ grade.",
            [(Grade.GOOD, 37, "force"), (Grade.OUTSTANDING, 1, "force")],
        ),
        (
            "There were five police forces that were graded as ‘requires improvement’, none was "
            "‘inadequate’.",
            # a negation gives no grade, not a count of none
            [(Grade.REQUIRES_IMPROVEMENT, 5, "force")],
        ),
        ("No force was found to be inadequate.", []),
    ],
)
def test_grade_counts(sentence: str, expected: list[tuple[Grade, int, str]]) -> None:
    found = list(judgements_in(sentence, counts=True))
    assert [(j.grade, j.count, j.counted) for j in found] == expected


def test_counts_only_when_asked() -> None:
    sentence = "It found the force was good in one area and adequate in three areas."
    assert [j.count for j in judgements_in(sentence, counts=True)] == [1, 3]
    assert list(judgements_in(sentence)) == []


def test_a_count_names_the_forces_it_counts() -> None:
    (found,) = judgements_in(
        "HMIC has graded 1 force (Durham Constabulary) as outstanding.", counts=True
    )
    assert found.subject == "1 force (Durham Constabulary)"


def test_a_pillar_judged_in_the_2014_wording() -> None:
    (found,) = judgements_in(
        "the efficiency with which the force carries out its responsibilities is good; and"
    )
    assert (found.grade, found.pillar, found.headline) == (Grade.GOOD, Pillar.EFFICIENCY, True)
