"""Each way text states a grade, and each way it uses grade words without giving one.

Every class is a table: sentences written for the test that must give the grades listed,
and sentences that must give none. They name invented or varied forces on purpose; no rule
may hang on one page's wording.
"""

from __future__ import annotations

import pytest

from peelparse import Grade, parse_text
from peelparse.text import judgements_in

OUT, G, A, RI, IN, NG = (
    Grade.OUTSTANDING,
    Grade.GOOD,
    Grade.ADEQUATE,
    Grade.REQUIRES_IMPROVEMENT,
    Grade.INADEQUATE,
    Grade.NOT_GRADED,
)


def _grades(text: str) -> set[Grade]:
    """The grades ``text`` says were given (a sentence such as "The force is good at ..." is
    kept as implicit, for a report to match to a graded question)."""
    return {j.grade for j in judgements_in(text, counts=True) if j.explicit}


GIVES: dict[str, list[tuple[str, set[Grade]]]] = {
    "judging verbs in every form": [
        ("Westshire Police is judged to require improvement at investigating crime.", {RI}),
        ("The constabulary has been assessed as outstanding in how it treats the public.", {OUT}),
        ("Inspectors rated the force as good for its use of resources.", {G}),
        ("Northmoor Constabulary was deemed to be inadequate at answering calls.", {IN}),
        ("The service was classed as requires improvement for protecting children.", {RI}),
        ("Our inspectors found the force to be adequate at managing offenders.", {A}),
        ("It was considered good at engaging with communities, the report said.", {G}),
    ],
    "copula and preposition": [
        ("The report says the force is good at preventing crime.", {G}),
        ("HMICFRS found the constabulary was inadequate in responding to the public.", {IN}),
        ("The inspection noted that the force remains outstanding at tackling fraud.", {OUT}),
        ("Inspectors found the service is adequate for managing offenders and suspects.", {A}),
        ("According to the report, Eastvale Police are good at protecting victims.", {G}),
    ],
    "grade at the end of a judged subject": [
        ("Its use of resources to meet demand is good.", {G}),
        ("The force's approach to workforce wellbeing is outstanding.", {OUT}),
        ("The overall grade for the constabulary is inadequate.", {IN}),
        ("The way the force plans for the future is already 'good'.", {G}),
        ("Efficiency at Southdale Police requires improvement.", {RI}),
    ],
    "grade nouns and ratings": [
        ("The force received three 'Good' grades and two 'Adequate' grades.", {G, A}),
        ("Southdale Police achieved an 'outstanding' grade for legitimacy.", {OUT}),
        ("The letter noted an overall rating of 'Requires improvement'.", {RI}),
        ("This is the first inadequate grading given to the service.", {IN}),
        ("The area now has a grading of 'good'.", {G}),
    ],
    "quoted grades restated": [
        ("I am pleased the force is considered 'good' at keeping people safe.", {G}),
        ("The constabulary welcomed its 'outstanding' verdict for crime recording.", {OUT}),
        ("Chief officers said it was 'adequate' on vetting.", {A}),
        ("The panel heard that the service was ‘inadequate’ on call handling.", {IN}),
        ('Our force was rated "Good" across the board.', {G}),
    ],
    "requires improvement as a verb": [
        ("Northmoor Constabulary requires improvement in how it investigates crime.", {RI}),
        ("The report concludes that the force requires improvement.", {RI}),
        ("It was disappointing to see the force requiring improvement in some areas.", {RI}),
        ("This time the inspectorate says it ‘requires improvement.’", {RI}),
        ("Only three forces require improvement in this area of policing.", {RI}),
    ],
    "changed to a grade": [
        ("Two areas slipped to Adequate this year.", {A}),
        ("The grade was changed from ‘adequate’ to ‘requires improvement’.", {RI}),
        ("Crime recording has improved to 'good' since the last inspection.", {G}),
        ("The rating for call handling dropped to inadequate.", {IN}),
        ("Its grade has gone up to outstanding.", {OUT}),
    ],
    "grade first": [
        ("Good at reducing crime and preventing offending.", {G}),
        ("Outstanding in engaging with the public.", {OUT}),
        ("Requires improvement at managing offenders.", {RI}),
        ("Adequate for developing a positive workplace.", {A}),
        ("Inadequate at responding to the public.", {IN}),
    ],
    "counts and national tallies": [
        ("It found the force was good in two areas and adequate in four areas.", {G, A}),
        (
            "The inspectorate graded 2 forces as outstanding, 30 as good and 11 as inadequate.",
            {OUT, G, IN},
        ),
        ("Thirty police forces were graded as 'good'.", {G}),
        ("The force was rated requires improvement in all areas.", {RI}),
        ("In total, 6 of the 9 areas were rated outstanding, good or adequate.", {OUT, G, A}),
        ("Of eight areas, three have been graded 'Good' and five 'Adequate'.", {G, A}),
    ],
    "lists continuing a grade": [
        ("The force was rated 'Good' in victim care and 'Adequate' at call handling.", {G, A}),
        ("It is judged good at prevention but inadequate at investigation.", {G, IN}),
        ("Inspectors graded it outstanding for ethics and good for wellbeing.", {OUT, G}),
        ("Rated as good for efficiency and requires improvement for legitimacy.", {G, RI}),
        ("It was assessed as adequate in one area, and as good in another area.", {A, G}),
    ],
    "an outstanding approach": [
        ("The force has an outstanding approach to tackling organised crime.", {OUT}),
        ("The constabulary has an inadequate approach to vetting.", {IN}),
        ("Midshire Police had an outstanding approach to wellbeing.", {OUT}),
        ("It also has an outstanding approach to fair treatment.", {OUT}),
        ("The service has an adequate approach to protecting children.", {A}),
    ],
    "requires improvement as the verb of a clause": [
        (
            "Inspectors said that, while it has cut costs in the past, it requires improvement "
            "to its plans for the workforce.",
            {RI},
        ),
        ("They concluded that the force requires improvement in how it vets staff.", {RI}),
        ("Although it answers calls quickly, it requires improvement at recording crime.", {RI}),
        ("The report found, in short, that it required improvement to the way it plans.", {RI}),
        ("Whereas vetting was strong, the constabulary requires improvement for wellbeing.", {RI}),
    ],
    "forces in general": [
        ("Overall the police forces are good at treating the public fairly.", {G}),
        ("Nearly all forces are good at preventing crime, the report says.", {G}),
        ("Inspectors said most forces were outstanding at tackling organised crime.", {OUT}),
        ("The majority of forces are also good at protecting vulnerable people.", {G}),
        ("It found that forces are generally adequate in managing offenders.", {A}),
    ],
    "performance the inspectorate found": [
        ("The inspectorate identified outstanding performance in recording crime.", {OUT}),
        ("HMICFRS found good performance when it comes to answering calls.", {G}),
        ("Inspectors noted inadequate performance in the vetting of staff.", {IN}),
        ("The report recognised outstanding performance at engaging with young people.", {OUT}),
        ("The inspectorate has identified adequate performance for managing offenders.", {A}),
    ],
    "not graded": [
        ("We don't make a graded judgment in this overall area.", {NG}),
        ("We do not make graded judgments for these two areas.", {NG}),
        ("The assessment led to a narrative rather than graded judgment.", {NG}),
        ("The leadership report does not give a grading but a narrative assessment.", {NG}),
        ("This question has not been inspected or graded this year.", {NG}),
        ("Crime data integrity is not yet graded.", {NG}),
    ],
}

NONE: dict[str, list[str]] = {
    "the scale and method": [
        "Forces are graded as outstanding, good, adequate, requires improvement or inadequate.",
        "We can make one of five judgments: outstanding; good; adequate; requires improvement; "
        "or inadequate.",
        "Areas are graded good, adequate or inadequate.",
        "A reduction in grade from good to adequate does not mean performance fell.",
        "Forces are assessed against the characteristics of good performance.",
    ],
    "negations": [
        "No force was found to be inadequate.",
        "There were no areas graded inadequate.",
        "None of the areas was judged to be outstanding.",
        "The force is no longer outstanding in any area.",
        "It received no top 'Outstanding' or bottom 'Inadequate' grades.",
        "The quality of investigations isn't good enough.",
    ],
    "earlier assessments": [
        "In 2017 we judged the force to be good at treating people fairly.",
        "The force has been rated as good over the last three years.",
        "Last year the inspectorate rated the force as outstanding.",
        "The previous report found the constabulary to be inadequate.",
        "It has improved since our inspection in 2019, when it was judged as 'good'.",
    ],
    "ordinary adjectives": [
        "The force has made good progress on vetting.",
        "Officers showed a good understanding of demand.",
        "We found examples of good practice in the control room.",
        "Staff do a good job in difficult conditions.",
        "The force provides a consistently good service to victims.",
        "Its response was exceptional.",
    ],
    "opinions of people who are not inspectors": [
        "The force is good at what it does, the chief constable said.",
        "In my view the force is good at protecting the vulnerable.",
        "I think the constabulary is outstanding at engaging young people.",
        "Personally, I feel the service is inadequate at answering calls.",
        "We believe our officers are good at keeping people safe.",
        "In my opinion the force requires improvement in its use of technology.",
    ],
    "a subject cut off by the end of the capture": [
        "The force was judged to be good at",
        "Inspectors rated the constabulary as outstanding for",
        "It has been assessed as requiring improvement in",
        "The force was found to be inadequate at '",
        "Kent Police was graded as adequate for",
    ],
    "requires improvement said of something not graded": [
        "The member said the website requires improvement.",
        "Signage at the front counter requires improvement.",
        "The committee agreed the draft policy required improvement.",
        "Parking at the station requires improvement, residents said.",
        "The minutes' layout requires improvement before publication.",
    ],
    "the hoped-for and the future": [
        "The findings may be graded good or better.",
        "Police forces should be good at protecting vulnerable people.",
        "The force aims to be outstanding at answering calls.",
        "Next year the constabulary will be judged adequate or better, the chief hopes.",
        "The service needs to be good at managing offenders.",
    ],
    "requires improvement said of a thing, or an earlier grade after a fronted clause": [
        "The chief said that the station requires improvement to its roof.",
        "Members noted, while the budget is tight, that it requires improvements to the car park.",
        "Although the force has improved, in 2015 it was judged good at answering calls.",
        "While it has done well, last year it was rated outstanding at tackling fraud.",
        "Although staff are busy, it has been rated good over the last three years.",
        "Although budgets fell, it was previously judged to require improvement in vetting.",
    ],
    "forces in general, not a finding": [
        "No police forces are good at everything.",
        "Few forces are outstanding at answering calls.",
        "Police forces should be good at protecting vulnerable people.",
        "Forces that are good at prevention share their practice.",
        "Some forces are adequate in their vetting, the chief said.",
    ],
    "performance no inspector found": [
        "The chief praised the outstanding performance of officers on the night.",
        "Staff found good performance hard to measure.",
        "The inspectorate identified good practice in the control room.",
        "Inspectors set out what outstanding performance looks like.",
        "The report identified outstanding work by the call handlers.",
    ],
    "other inspectorates": [
        "The council's services were rated as outstanding by Ofsted.",
        "The prison was judged inadequate by HM Inspectorate of Prisons.",
        "The care home was rated good by the Care Quality Commission.",
        "Estyn judged the school's teaching to be adequate.",
        "The CQC rated the custody healthcare provider as requires improvement.",
    ],
    "not a graded judgment": [
        "Strand three will not have an overall judgment.",
        "We make graded judgments in eight of these nine areas.",
        "The force operates a graded response policy.",
        "The extent to which the force listens to staff is good.",
        "The force has a good awareness of vulnerability.",
    ],
}


@pytest.mark.parametrize(
    ("sentence", "grades"),
    [case for cases in GIVES.values() for case in cases],
    ids=[f"{name}-{n}" for name, cases in GIVES.items() for n in range(len(cases))],
)
def test_a_wording_that_states_a_grade_gives_it(sentence: str, grades: set[Grade]) -> None:
    assert _grades(sentence) == grades


@pytest.mark.parametrize(
    "sentence",
    [case for cases in NONE.values() for case in cases],
    ids=[f"{name}-{n}" for name, cases in NONE.items() for n in range(len(cases))],
)
def test_a_wording_that_states_no_grade_gives_none(sentence: str) -> None:
    assert _grades(sentence) == set()


def test_every_class_has_five_texts_each_way() -> None:
    assert all(len(cases) >= 5 for cases in GIVES.values())
    assert all(len(cases) >= 5 for cases in NONE.values())


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The force is good at answering calls.", True),
        ("It is outstanding at engaging with the public.", True),
        ("Most police forces are good at preventing crime.", True),
        ("The constabulary was inadequate in managing offenders.", True),
        ("Eastvale Police requires improvement at investigating crime.", True),
        ("Officers are good at building relationships with residents.", False),
        ("Staff were good at explaining the process.", False),
        ("Supervisors are good at checking investigations.", False),
        ("Call handlers were good at identifying risk.", False),
        ("Volunteers are outstanding at supporting victims.", False),
    ],
)
def test_an_unreported_is_good_at_is_kept_for_a_force_only(sentence: str, kept: bool) -> None:
    found = list(judgements_in(sentence))
    assert bool(found) is kept


def test_a_changed_grade_gives_only_the_new_one() -> None:
    (found,) = judgements_in("The grade was changed from 'good' to 'adequate' in May.")
    assert found.grade is A


def test_a_count_keeps_its_subject() -> None:
    found = list(
        judgements_in("The force was good in two areas and inadequate in one area.", counts=True)
    )
    assert [(j.grade, j.count, j.subject) for j in found] == [
        (G, 2, "two areas"),
        (IN, 1, "one area"),
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "Its planning is good; its use of resources to manage demand is judged to require "
            "improvement.",
            "its use of resources to manage demand",
        ),
        (
            "It is good overall; its work with partners is deemed to be outstanding.",
            "its work with partners",
        ),
        (
            "It is good overall; its leadership of change is considered to be inadequate.",
            "its leadership of change",
        ),
        (
            "It is good; its handling of complaints is judged to require improvement.",
            "its handling of complaints",
        ),
        (
            "It is good; its search of vehicles is considered to require improvement.",
            "its search of vehicles",
        ),
    ],
)
def test_a_subject_before_its_grade_leaves_out_the_verbs_that_state_it(
    sentence: str, subject: str
) -> None:
    assert [j.subject for j in judgements_in(sentence)][-1] == subject


def test_a_judgement_keeps_its_subject_and_pillar() -> None:
    (found,) = judgements_in("Rivermouth Police was rated as outstanding for legitimacy.")
    assert (found.grade, found.subject, found.pillar is not None) == (OUT, "legitimacy", True)
    sentence = "Intro. The force was rated 'good' at treating people fairly."
    (quoted,) = judgements_in(sentence)
    assert sentence[quoted.grade_start : quoted.grade_end] == "good"
    assert sentence[quoted.start : quoted.end].startswith("The force")
    (overall,) = judgements_in("The force has an overall rating of 'Good'.")
    assert (overall.subject, overall.headline) == ("", True)


# -- layouts: lines and whole texts ---------------------------------------------------------

LINES_GIVE = [
    ("Investigating crime: Adequate", "Investigating crime", A),
    ("• Good – in responding to the public", "responding to the public", G),
    ("– Requires improvement – managing offenders", "managing offenders", RI),
    ("Recording data about crime - Outstanding", "Recording data about crime", OUT),
    ("Protecting vulnerable people: Inadequate.", "Protecting vulnerable people", IN),
    ("Strategic policing requirement: Not graded", "Strategic policing requirement", NG),
]
LINES_GIVE_NONE = [
    "Good news: the force has hired more staff.",
    "Contact: good@example.org",
    "The extent to which the force is legitimate is: good and improving in places",
    "Good afternoon: welcome to the meeting",
    "Note: this is a good start.",
]


def _page(text: str) -> list[tuple[str, Grade]]:
    return [(j.subject, j.grade) for j in parse_text(text).judgements]


@pytest.mark.parametrize(("line", "subject", "grade"), LINES_GIVE)
def test_an_area_line_gives_its_grade_in_any_kind(line: str, subject: str, grade: Grade) -> None:
    text = f"Minutes of the panel meeting\n\nThe panel noted the gradings.\n\n{line}\n"
    assert _page(text) == [(subject, grade)]


@pytest.mark.parametrize("line", LINES_GIVE_NONE)
def test_a_line_that_pairs_no_area_and_grade_gives_none(line: str) -> None:
    assert _page(f"Minutes of the panel meeting\n\nThe panel met.\n\n{line}\n") == []


def test_a_grade_line_under_its_heading_gives_the_heading_as_subject() -> None:
    text = "Local news\n\nThe panel met on Tuesday.\n\nPreventing crime\nGood\n"
    assert _page(text) == [("Preventing crime", G)]


def test_a_story_gives_the_grades_its_sentences_state() -> None:
    text = (
        "Force praised by inspectors\n\n"
        "Westshire Police has been rated 'good' at preventing crime by the inspectorate.\n\n"
        "It was also found to require improvement in how it answers 101 calls. No area was "
        "judged inadequate, and last year the force was rated as outstanding for ethics.\n"
    )
    assert [g for _, g in _page(text)] == [G, RI]
