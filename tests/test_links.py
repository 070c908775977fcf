"""Links between documents: the seeds, rules one by one, and a hand-read sample of the corpus."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from conftest import SEEDS, corpus_files
from peelparse import Corpus, Link, Parser, Span
from peelparse._ids import FindingItem
from peelparse._links import dice, era, normalise, status_of, words

REPORT_2016 = "leicestershire/2016/legitimacy/report"
REPORT_2017 = "leicestershire/2017/legitimacy/report"
LETTER_2018 = "leicestershire/2017/legitimacy/pcc"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_paths(SEEDS, autoload=False)


@pytest.fixture(scope="module")
def everything() -> Corpus:
    return Corpus.from_paths([*SEEDS, *corpus_files()], jobs=2, autoload=False)


def id_of(corpus: Corpus, name: str) -> str:
    """The ID of the document read from the file called ``name``."""
    (entry,) = [e for e in corpus if any(p.endswith("/" + name) for p in e.paths)]
    return entry.id


def linked(corpus: Corpus, source: str, target: str) -> list[Link]:
    """Links from ``source`` (or its items) to ``target`` (or its items)."""
    return [link for link in corpus.links_from(source) if link in corpus.links_to(target)]


def text_at(corpus: Corpus, document_id: str, span: Span | None) -> str:
    assert span is not None
    path = corpus[document_id].paths[0]
    return span.slice(Parser(autoload=False).read(Path(path)).text)


# -- the seeds ---------------------------------------------------------------------------------


def test_the_letters_recommendations_answer_the_2017_areas_for_improvement(
    seeds: Corpus,
) -> None:
    answers = [link for link in seeds.links if link.relation == "answers"]
    assert [(link.source_id, link.target_id, link.method, link.score) for link in answers] == [
        (f"{LETTER_2018}#rec-1", f"{REPORT_2017}#afi-1", "exact", 1.0),
        (f"{LETTER_2018}#rec-2", f"{REPORT_2017}#afi-2", "exact", 1.0),
    ]
    for link in answers:
        quoted = text_at(seeds, LETTER_2018, link.source_span)
        listed = text_at(seeds, REPORT_2017, link.target_span)
        assert normalise(quoted) == normalise(listed.removeprefix("  • "))
        assert link.evidence == "the texts are equal after normalisation"


def test_the_press_release_announces_the_2016_report(seeds: Corpus) -> None:
    press = seeds.by_kind["press_release"]
    assert [entry.paths[0].rsplit("/", 1)[1] for entry in press] == [SEEDS[1].name]
    (link,) = seeds.links_from(press[0].id)
    assert (link.relation, link.target_id) == ("announces", REPORT_2016)
    # Metadata when the release states its cycle, inferred when it does not.
    assert link.method == ("metadata" if press[0].document.year == 2016 else "inferred")
    assert text_at(seeds, REPORT_2016, link.target_span) == "Leicestershire PEEL 2016"


def test_a_release_without_its_year_or_pillar_is_matched_to_the_2016_report() -> None:
    parser = Parser(autoload=False)
    documents = [parser.parse(seed) for seed in SEEDS]
    press = documents[1]
    documents[1] = attrs.evolve(press, year=None, period=None, pillar=None)
    corpus = Corpus(documents, parser=parser)
    (link,) = corpus.links_from("leicestershire/undated/all/press")
    assert (link.relation, link.target_id, link.method) == ("announces", REPORT_2016, "inferred")
    assert "allows 2016 or before" in link.evidence
    assert link.score >= 0.4


def test_a_letter_without_its_cycle_still_finds_its_report() -> None:
    parser = Parser(autoload=False)
    documents = [parser.parse(seed) for seed in SEEDS]
    documents[3] = attrs.evolve(documents[3], year=None, period=None)
    corpus = Corpus(documents, parser=parser)
    source = "leicestershire/undated/legitimacy/pcc"
    found = {(link.relation, link.target_id, link.method) for link in corpus.links_from(source)}
    assert found == {
        ("responds_to", REPORT_2017, "inferred"),
        ("answers", f"{REPORT_2017}#afi-1", "exact"),
        ("answers", f"{REPORT_2017}#afi-2", "exact"),
    }


def test_the_2017_report_follows_two_of_the_2016_areas_for_improvement(seeds: Corpus) -> None:
    followed = {link.source_id: link for link in seeds.links if link.relation == "followed_by"}
    assert sorted(followed) == [f"{REPORT_2016}#afi-1", f"{REPORT_2016}#afi-2"]
    perceptions, vetting = followed[f"{REPORT_2016}#afi-1"], followed[f"{REPORT_2016}#afi-2"]
    assert (perceptions.method, perceptions.status) == ("sentence", "addressed")
    assert text_at(seeds, REPORT_2017, perceptions.target_span).startswith(
        "Leicestershire Police treats the public fairly and with respect, having worked hard"
    )
    assert (vetting.method, vetting.status, vetting.target_id) == (
        "sentence",
        "remains",
        REPORT_2017,
    )
    sentence = text_at(seeds, REPORT_2017, vetting.target_span)
    assert sentence.startswith("Leicestershire Police is not complying fully with national")
    assert sentence in vetting.evidence
    assert text_at(seeds, REPORT_2016, vetting.source_span).endswith(
        "national guidelines for vetting."
    )


def test_nothing_links_lancashire_to_leicestershire(seeds: Corpus) -> None:
    lancashire = seeds.by_force["lancashire"][0].id
    assert seeds.links_from(lancashire) == ()
    assert seeds.links_to(lancashire) == ()
    # Its vetting area for improvement has Leicestershire's words exactly.
    theirs, ours = seeds.item(f"{lancashire}#afi-4"), seeds.item(f"{REPORT_2016}#afi-2")
    assert isinstance(theirs, FindingItem) and isinstance(ours, FindingItem)
    assert normalise(theirs.finding.text) == normalise(ours.finding.text)


def test_every_link_stays_within_one_force(everything: Corpus) -> None:
    assert everything.links
    for link in everything.links:
        source = everything[link.source_document].document.force
        target = everything[link.target_document].document.force
        assert source is not None and source == target


# -- a sample of the seeds and corpus, each checked by reading both texts -----------------------

# (source file, source item, target file, target item, relation or None for "must not link")
SAMPLE = [
    # The 2018 letter quotes the 2017 areas for improvement word for word.
    ("003_13c8c885dedbea8d.txt", "#rec-1", "002_00a9eaefb3924acf.txt", "#afi-1", "answers"),
    ("003_13c8c885dedbea8d.txt", "#rec-2", "002_00a9eaefb3924acf.txt", "#afi-2", "answers"),
    # Its "Re:" line names PEEL Police Legitimacy 2017: the 2017 report.
    ("003_13c8c885dedbea8d.txt", "", "002_00a9eaefb3924acf.txt", "", "responds_to"),
    # The 2016 release (HMIC, "second year running") is about the 2016 report ...
    ("001_e4ca38f3e628fb84.txt", "", "000_440658091af3db9b.txt", "", "announces"),
    # ... not the 2017 one.
    ("001_e4ca38f3e628fb84.txt", "", "002_00a9eaefb3924acf.txt", "", None),
    # 2017: "having worked hard to identify and understand the issues that have the greatest
    # effect on public perceptions"; "not complying fully with national vetting standards".
    ("000_440658091af3db9b.txt", "#afi-1", "002_00a9eaefb3924acf.txt", "", "followed_by"),
    ("000_440658091af3db9b.txt", "#afi-2", "002_00a9eaefb3924acf.txt", "", "followed_by"),
    # The 2017 text says nothing of the strategic assessment, the anti-corruption unit's
    # capacity or people at risk of corruption.
    ("000_440658091af3db9b.txt", "#afi-3", "002_00a9eaefb3924acf.txt", "", None),
    ("000_440658091af3db9b.txt", "#afi-4", "002_00a9eaefb3924acf.txt", "", None),
    ("000_440658091af3db9b.txt", "#afi-5", "002_00a9eaefb3924acf.txt", "", None),
    # The letter answers the 2017 report, not the 2016 one.
    ("003_13c8c885dedbea8d.txt", "", "000_440658091af3db9b.txt", "", None),
    # Lancashire's vetting finding has Leicestershire's words, but another force.
    ("004_edc8ff203a2bee71.txt", "#afi-4", "000_440658091af3db9b.txt", "", None),
    ("004_edc8ff203a2bee71.txt", "", "002_00a9eaefb3924acf.txt", "", None),
    # City of London's minutes quote its AFI 11, the national wording on counter-corruption
    # capacity that Kent's 2018 report also has: same cycle and pillar, two forces.
    (
        "city-of-london-police-authority-minutes-peel-2018-19-legitimacy-afis.txt",
        "",
        "kent-peel-2018-legitimacy-report.txt",
        "",
        None,
    ),
    # Suffolk's 2023-25 release and its 2021/22 report: same force, different cycles.
    ("suffolk-peel-2023-25-press.txt", "", "suffolk-peel-2021-22-report.txt", "", None),
    # Cleveland's 2021/22 release: the corpus has Cleveland's 2015, 2018 and 2023-25 pages.
    ("cleveland-peel-2021-22-press.txt", "", "cleveland-peel-2023-25-report.txt", "", None),
    (
        "cleveland-peel-2021-22-press.txt",
        "",
        "cleveland-peel-2018-effectiveness-report.txt",
        "",
        None,
    ),
    # The 2021/22 Staffordshire page does not mention the 2018 area for improvement on
    # evaluating and sharing effective practice.
    (
        "staffordshire-peel-2018-effectiveness-report.txt",
        "#afi-1",
        "staffordshire-peel-2021-22-report.txt",
        "",
        None,
    ),
    # Northamptonshire's 2023-25 response: the corpus has its 2016 and 2017 reports only.
    (
        "northamptonshire-pfcc-response-peel-2023-25.txt",
        "",
        "northamptonshire-peel-2017-force-overview-final.txt",
        "",
        None,
    ),
]


@pytest.mark.parametrize(
    ("source", "source_item", "target", "target_item", "relation"),
    SAMPLE,
    ids=[f"{s[:24]}{si}->{t[:24]}{ti}" for s, si, t, ti, _ in SAMPLE],
)
def test_hand_read_sample(
    everything: Corpus,
    source: str,
    source_item: str,
    target: str,
    target_item: str,
    relation: str | None,
) -> None:
    source_id = id_of(everything, source) + source_item
    target_id = id_of(everything, target) + target_item
    for wanted in (source_id, target_id):
        assert wanted in everything or everything.item(wanted).id == wanted
    if relation is None:
        # Neither the documents nor anything in them are linked.
        assert linked(everything, source_id, target_id) == []
    else:
        found = [
            link.relation
            for link in everything.links
            if (link.source_id, link.target_id) == (source_id, target_id)
        ]
        assert found == [relation]


def test_the_sample_has_links_and_non_links() -> None:
    assert len(SAMPLE) >= 10
    assert sum(row[4] is None for row in SAMPLE) >= 5
    assert sum(row[4] is not None for row in SAMPLE) >= 5


# -- the rules' parts --------------------------------------------------------------------------


def test_normalise_unifies_case_quotes_dashes_and_punctuation() -> None:
    assert normalise("The Force’s unit – “proactive”.") == normalise("the force's unit - proactive")
    assert normalise("  Two\n words ") == "two words"


def test_words_and_dice() -> None:
    afi = words("The force should ensure it complies with the national guidelines for vetting.")
    assert afi == words("National vetting guidelines: the force complying")
    assert dice(afi, afi) == 1.0
    assert dice(frozenset(), frozenset()) == 0.0
    assert dice(frozenset({"a", "b"}), frozenset({"b", "c"})) == 0.5
    assert "shoul" not in afi and "ensur" not in afi


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The force is not complying fully with national vetting standards.", "remains"),
        ("It is making good progress towards resolving this.", "remains"),
        ("The force still doesn't analyse the data.", "remains"),
        ("The force has worked hard to identify the issues.", "addressed"),
        ("Since our last inspection the force has made good progress in evaluating.", "addressed"),
        ("Vetting is no longer a problem.", "addressed"),
        ("The force vets all officers.", None),
    ],
)
def test_status_of(sentence: str, status: str | None) -> None:
    assert status_of(sentence) == status


@pytest.mark.parametrize(
    ("text", "cycles"),
    [
        ("Her Majesty's Inspectorate of Constabulary (HMIC) has assessed", (None, 2016)),
        ("published by HMICFRS today", (2017, None)),
        ("Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services", (2017, None)),
        ("His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services", (2021, None)),
        ("HM Inspector of Constabulary Zoë Billingham said", (None, None)),
    ],
)
def test_the_inspectorates_name_dates_a_text(
    text: str, cycles: tuple[int | None, int | None]
) -> None:
    assert era(text) == cycles


def test_links_round_trip_through_json(seeds: Corpus) -> None:
    for link in seeds.links:
        assert Link.from_json(link.to_json()) == link
        assert set(link.to_dict()) == {f.name for f in attrs.fields(Link)}


def test_a_link_refuses_unknown_relations_methods_and_statuses() -> None:
    link = Link(
        source_id="kent/2016/all/report#afi-1",
        target_id="kent/2017/all/report",
        relation="followed_by",
        method="sentence",
        score=0.5,
        source_span=None,
        target_span=None,
        status="remains",
        evidence="a sentence",
    )
    assert (link.source_document, link.target_document) == (
        "kent/2016/all/report",
        "kent/2017/all/report",
    )
    with pytest.raises(ValueError, match="relation"):
        attrs.evolve(link, relation="likes")
    with pytest.raises(ValueError, match="method"):
        attrs.evolve(link, method="guess")
    with pytest.raises(ValueError, match="status"):
        attrs.evolve(link, status="fixed")
