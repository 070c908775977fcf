"""The core quote reader, one wording class at a time, on texts written for the test: each
class has texts that must give a quote (with its speaker as written) and texts that must
not."""

from __future__ import annotations

import re
import time

import pytest

from peelparse import Paragraph, Quote
from peelparse._quotes import _plain, _without_auxiliaries
from peelparse._source import from_text
from peelparse.text import quotes_in


def read(text: str) -> tuple[Quote, ...]:
    """The quotes in ``text``, its paragraphs separated by blank lines."""
    source = from_text(text)
    paragraphs = [
        Paragraph(m.group().strip(), source.span(m.start(), m.end()))
        for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)
    ]
    return quotes_in(source, paragraphs)


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in read(text)]


# -- a line ending "said:" above the quoted paragraphs ---------------------------------------

SAID_LINE = [
    ("Chief Constable Mary Ashdown said:\n\n“We will act on every point.”", "Mary Ashdown"),
    ("Ravi Patel, the commissioner, said:\n\n“I welcome the report.”", "Ravi Patel"),
    ("Speaking after the visit, Tom Okafor said:\n\n“Officers worked hard.”", "Tom Okafor"),
    ("HM Inspector Lucy Brennan commented:\n\n“Progress is real.”", "Lucy Brennan"),
    ("Statement from Dr Aled Rees:\n\n“The findings are fair.”", "Dr Aled Rees"),
    ("Councillor Ann Pike told the panel:\n\n‘We need answers.’", "Councillor Ann Pike"),
]
NOT_SAID_LINE = [
    "The report said:\n\n“The force must improve its call handling.”",
    "Our inspection found:\n\n“Victims wait too long.”",
    "The force said:\n\n“We accept the findings.”",
    "Inspectors said:\n\n“Too few cases are reviewed.”",
    "HMICFRS stated:\n\n“Progress has been slow.”",
]


@pytest.mark.parametrize(("text", "speaker"), SAID_LINE)
def test_a_said_line_names_the_speaker(text: str, speaker: str) -> None:
    (quote,) = read(text)
    assert quote.speaker == speaker
    assert quote.text.strip("“”‘’") == quote.paragraphs[0].text.strip("“”‘’")


@pytest.mark.parametrize("text", NOT_SAID_LINE)
def test_a_report_or_an_organisation_is_no_speaker(text: str) -> None:
    assert read(text) == ()


# -- the attribution after the quoted words ---------------------------------------------------

SAID_AFTER = [
    ("“The force has turned a corner,” said Chief Constable Jane Doe.", "Jane Doe"),
    ("“We are proud,” said Omar Haddad, the county’s commissioner.", "Omar Haddad"),
    ("“There is more to do,” Priya Shah said.", "Priya Shah"),
    ("“Victims deserve better.” said Deputy Mayor Kate Lund.", "Kate Lund"),
    ("“I am pleased,” says Gwen Morgan, Police and Crime Commissioner.", "Gwen Morgan"),
]
NOT_SAID_AFTER = [
    "“The force has turned a corner,” the force said.",
    "“Victims wait too long,” the report said.",
    "“Resources are stretched,” said the inspectorate.",
    "“Good” is the second highest grade of the five.",
    "“PEEL 2021/22” is the name of the inspection programme.",
]


@pytest.mark.parametrize(("text", "speaker"), SAID_AFTER)
def test_the_speaker_after_the_quote(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text", NOT_SAID_AFTER)
def test_no_speaker_after_the_quote(text: str) -> None:
    assert speakers(text) == []


# -- the speaker before the quote, in the same paragraph --------------------------------------

SAID_BEFORE = [
    ("Jane Doe, the commissioner, said: “The report is fair.”", "Jane Doe", "the commissioner"),
    ("Commissioner Alan Reed said: “We listen.”", "Alan Reed", "Commissioner"),
    ("In a statement, Lisa Grant said “This is welcome news.”", "Lisa Grant", None),
    (
        "Sam Wu, Chief Constable of the force, added: “Thank you.”",
        "Sam Wu",
        "Chief Constable of the force",
    ),
    ("Reacting to the news, Bea Cole said: “I am delighted.”", "Bea Cole", None),
]
NOT_SAID_BEFORE = [
    "The inspectorate said: “The force is good at preventing crime.”",
    "The report said: “Leaders are visible.”",
    "The force said: “We will learn from this.”",
    "Officers said: “We are stretched.”",
    "Its website said: “Under review.”",
]


@pytest.mark.parametrize(("text", "speaker", "role"), SAID_BEFORE)
def test_the_speaker_before_the_quote(text: str, speaker: str, role: str | None) -> None:
    (quote,) = read(text)
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("text", NOT_SAID_BEFORE)
def test_no_speaker_before_the_quote(text: str) -> None:
    assert read(text) == ()


# -- "she added": the same speaker goes on ----------------------------------------------------

SAME_SPEAKER = [
    "“The force is improving,” said Jane Doe.\n\n“There is more to do,” she added.",
    "Jane Doe said: “The force is improving.”\n\n“There is more to do,” she added.",
    "“The force is improving,” said Jane Doe.\n\n“There is more to do.”",
    "Jane Doe said:\n\n“The force is improving.\n\n“There is more to do.”",
    "‘The force is improving.\n\n‘There is more to do,’ said Jane Doe.",
    "Jane Doe said: ‘The force is improving.’\n\n‘There is more to do,’ she added.",
    "“The force is improving,” Jane Doe said.\n\nShe added: “There is more to do.”",
]


@pytest.mark.parametrize("text", SAME_SPEAKER)
def test_the_same_speaker_going_on_is_one_quote(text: str) -> None:
    (quote,) = read(text)
    assert quote.speaker == "Jane Doe"
    assert len(quote.paragraphs) == 2


OTHER_SPEAKER = [
    "“The force is improving,” said Jane Doe.\n\n“It is not enough,” said Carl Moss.",
    "“The force is improving,” said Jane Doe.\n\nThe panel met.\n\n“We agree,” said Carl Moss.",
    "Jane Doe said: “Good.”\n\nCarl Moss said: “Not yet.”",
    "Jane Doe said:\n\n“Good.”\n\nCarl Moss said:\n\n“Not yet.”",
    "“Good,” Jane Doe said.\n\n“Not yet,” Carl Moss said.",
]


@pytest.mark.parametrize("text", OTHER_SPEAKER)
def test_another_speaker_is_another_quote(text: str) -> None:
    assert speakers(text) == ["Jane Doe", "Carl Moss"]


# -- "he said:" after prose naming the speaker ------------------------------------------------

PRONOUN_AFTER_PROSE = [
    (
        "County commissioner Matthew Stone has welcomed the report.\n\nHe said:\n\n“Good.”",
        "Matthew Stone",
    ),
    (
        "Lord Peter Vance responded to the findings today.\n\nHe stated:\n\n‘It is fair.’",
        "Lord Peter Vance",
    ),
    ("Dame Ruth Hale spoke to the board.\n\nShe said: “I am content.”", "Dame Ruth Hale"),
    ("The report was welcomed by Nia Evans.\n\n“It is a start,” she said.", "Nia Evans"),
    ("Owen Price met officers.\n\nHe added: “They were superb.”", "Owen Price"),
]


@pytest.mark.parametrize(("text", "speaker"), PRONOUN_AFTER_PROSE)
def test_a_pronoun_takes_the_person_named_before(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


# -- partial quotes ---------------------------------------------------------------------------

PARTIAL = [
    ("Jane Doe described the findings as “deeply worrying”.", "Jane Doe"),
    ("Commissioner Alan Reed said he had “every confidence” in the force.", "Alan Reed"),
    ("But Priya Shah said the report was ‘a fair reflection’ of the work.", "Priya Shah"),
    ("Chief Constable Sam Wu called the result “a real achievement” for staff.", "Sam Wu"),
    ("Gwen Morgan, the commissioner, has branded the delays “unacceptable”.", "Gwen Morgan"),
    ("Commissioner Ray Bell has ‘every confidence’ in the chief constable.", "Ray Bell"),
    ("Ann Lee has also previously described the plan as “ambitious”.", "Ann Lee"),
    ("Chief Constable Tom Hale then told staff it was “a fair result”.", "Tom Hale"),
]
NOT_PARTIAL = [
    "The force was rated ‘good’ at preventing crime.",
    "Inspectors said the force was “good” at protecting vulnerable people.",
    "HMICFRS described the force as “outstanding” in one area.",
    "The report said the force’s approach was “inconsistent”.",
    "The council said the plan was “on track”.",
    "Jane Doe said the force had improved.",
    "The force has ‘good’ systems for managing offenders.",
    "Jane Doe has been rated ‘outstanding’ by her peers.",
]


@pytest.mark.parametrize(("text", "speaker"), PARTIAL)
def test_a_partial_quote(text: str, speaker: str) -> None:
    (quote,) = read(text)
    assert quote.speaker == speaker
    assert quote.text[0] in "“‘" and quote.text[-1] in "”’"


@pytest.mark.parametrize("text", NOT_PARTIAL)
def test_no_partial_quote(text: str) -> None:
    assert read(text) == ()


TRAILING_AUXILIARIES = [
    ("Ann Lee has also", "Ann Lee"),
    ("Ann Lee  has \t previously", "Ann Lee"),
    ("Ann Lee had\n", "Ann Lee\n"),
    ("Ann Lee had \n", "Ann Lee had \n"),
    ("Ann Lee has ", "Ann Lee has "),
    ("Ann Leehas", "Ann Leehas"),
    ("Ann Lee Has", "Ann Lee Has"),
    ("has also", "has"),
    (" has", ""),
    ("Ann Lee has told", "Ann Lee has told"),
    ("Ann Lee" + " has" * 5_000, "Ann Lee"),
]


@pytest.mark.parametrize(("text", "kept"), TRAILING_AUXILIARIES)
def test_trailing_auxiliaries_are_not_the_speaker_s(text: str, kept: str) -> None:
    assert _without_auxiliaries(text) == kept


# -- a pull quote left as markup, its author in the opening tag -----------------------------

PULL_QUOTE: list[tuple[str, str, str | None]] = [
    ('[pullquote author="Jane Doe"]We will act on this.[/pullquote]', "Jane Doe", None),
    (
        "[quote author=”Westshire PCC Omar Said” style=”box”]A fair report.[/quote]",
        "Omar Said",
        "Westshire PCC",
    ),
    (
        "[blockquote cite='Chief Constable Ann Lee']Officers did well.[/blockquote]",
        "Ann Lee",
        "Chief Constable",
    ),
    (
        '[theme_quote name="Commissioner Rhys Evans"]It is a fair picture.[/theme_quote]',
        "Rhys Evans",
        "Commissioner",
    ),
    ('[quote style="left" author="Ravi Patel"]We are proud.[/quote]', "Ravi Patel", None),
]
NOT_PULL_QUOTE: list[tuple[str, str, str | None]] = [
    '[caption id="12" author="Jane Doe"]The new station.[/caption]',
    "[pullquote]We will act on this.[/pullquote]",
    '[quote author="Kent Police"]We accept the findings.[/quote]',
    '[quote author="Jane Doe"]We will act on this.',
    'Jane Doe wrote [quote author="Jane Doe"]the text[/quote] in a blog.',
]


@pytest.mark.parametrize(("text", "speaker", "role"), PULL_QUOTE)
def test_a_pull_quote_names_its_author(text: str, speaker: str, role: str | None) -> None:
    (quote,) = read(text)
    assert (quote.speaker, quote.role) == (speaker, role)
    # the words quoted, without the tags around them
    assert quote.text == text[text.index("]") + 1 : text.rindex("[/")]


@pytest.mark.parametrize(
    "text",
    [
        '[quote author="Jane Doe"]We will act.[/quote]\n\n“Officers worked hard.”',
        '“Officers worked hard.\n\n[quote author="Jane Doe"]We will act.[/quote]',
    ],
)
def test_a_pull_quote_is_whole(text: str) -> None:
    assert [(q.speaker, q.text) for q in read(text) if q.speaker] == [("Jane Doe", "We will act.")]


@pytest.mark.parametrize("text", NOT_PULL_QUOTE)
def test_markup_that_names_no_person_gives_no_quote(text: str) -> None:
    assert read(text) == ()


# -- reported speech --------------------------------------------------------------------------

REPORTED = [
    "Jane Doe said the force had made progress since the last inspection.",
    "The commissioner said she would hold the chief constable to account.",
    "Staff commented that they felt supported by their managers.",
    "Inspectors said they had concerns about the backlog.",
    "He added that more officers would be recruited next year.",
]


@pytest.mark.parametrize("text", REPORTED)
def test_reported_speech_is_no_quote(text: str) -> None:
    assert read(text) == ()


def test_spans_hold_what_the_records_say() -> None:
    text = "Intro.\n\n“The force is fair,” said Jane Doe, the commissioner. “It listens.”\n"
    (quote,) = read(text)
    assert quote.speaker_span is not None and quote.attribution_span is not None
    assert quote.speaker_span.slice(text) == "Jane Doe"
    assert quote.attribution_span.slice(text) == "said Jane Doe, the commissioner."
    assert [p.span.slice(text) for p in quote.paragraphs] == [
        "“The force is fair,”",
        "“It listens.”",
    ]
    assert quote.text_span is None


def test_the_reader_is_linear_on_long_paragraphs() -> None:
    texts = [
        "“" + "word " * 20_000,
        "Jane Doe said " + "“a " * 20_000,
        "said " * 20_000 + "“x”",
        ("Ann " * 5_000 + "said: “x”\n\n") * 4,
    ]
    for text in texts:
        started = time.perf_counter()
        read(text)
        assert time.perf_counter() - started < 2.0


# -- a name given short after it was given in full --------------------------------------------

FULLEST = [
    ("Commissioner Keith Hunter met staff.\n\nKeith said:\n\n“Good.”", "Keith Hunter"),
    ("Sir Graham Bright welcomed it.\n\n“Fine,” said Sir Graham.", "Graham Bright"),
    ("Hunter said: “Good.”\n\nKeith Hunter is the commissioner.", "Keith Hunter"),
    ("Ms Ada Stone chairs the panel.\n\n“We agree,” Stone said.", "Ada Stone"),
    ("The report reached Nia Evans today.\n\nNia added: “It is fair.”", "Nia Evans"),
]
NOT_FULLER = [
    ("Keith said: “Good.”", "Keith"),
    ("Keith said: “Good.”\n\nThe Keith Report came out.", "Keith"),
    ("Jane Doe said: “Good.”", "Jane Doe"),
    ("Stone said: “Good.”\n\nStone walls stood.", "Stone"),
    ("“Fine,” said Sir Graham.", "Sir Graham"),
]


@pytest.mark.parametrize(("text", "speaker"), FULLEST)
def test_a_short_name_is_given_in_full(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), NOT_FULLER)
def test_a_name_with_no_fuller_form(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


# -- unattributed quotes after a paragraph naming the speaker ---------------------------------

INTRODUCED_BY_PROSE = [
    (
        "County commissioner Ruth Ames has commented today on the report.\n\n“I welcome it.”",
        "Ruth Ames",
    ),
    (
        "Chief Constable Omar Idris welcomed the publication.\n\n“We are proud of our staff.”",
        "Omar Idris",
    ),
    (
        "Lena Fox, the commissioner, responded to the findings.\n\n"
        "“More must be done.\n\n“We will act.”",
        "Lena Fox",
    ),
    ("Mayor Tom Hale spoke to reporters on Monday.\n\n“The city is safer.”", "Tom Hale"),
    ("Dr Ian Moss reacted with caution.\n\n“It is early days.”", "Dr Ian Moss"),
]
NOT_INTRODUCED = [
    "Ruth Ames chairs the panel.\n\n“I welcome it.”",
    "The commissioner has commented on the report.\n\n“I welcome it.”",
    "Inspectors responded to the force.\n\n“Victims wait too long.”",
    "Ruth Ames has commented on the report.\n\nThe panel met.\n\n“I welcome it.”",
    "Surrey Police welcomed the report.\n\n“We are proud.”",
]


@pytest.mark.parametrize(("text", "speaker"), INTRODUCED_BY_PROSE)
def test_the_paragraph_before_names_the_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text", NOT_INTRODUCED)
def test_no_speaker_named_before(text: str) -> None:
    assert [s for s in speakers(text) if s] == []


# -- names among roles, organisations and forces ----------------------------------------------

AMONG_ROLES = [
    ("Equalities and Human Rights Lead, Amy Stone PCC, said:\n\n“Fair.”", "Amy Stone PCC"),
    (
        "Chair of the Standards and Accountability Group, Kent PCC Ben Ross said:\n\n“Yes.”",
        "Ben Ross",
    ),
    ("Head of the Crime Reduction Board, Cara Lin, said: “We agree.”", "Cara Lin"),
    ("The North Yorkshire commissioner, Dev Rao, said: “Good.”", "Dev Rao"),
    ("Speaking for the Victims Network, Eve Hart said: “Listen to us.”", "Eve Hart"),
]
NO_NAME_AMONG_ROLES = [
    "The West Mercia Police and Crime Commissioner said: “Good.”",
    "The Crime Reduction Board said: “We agree.”",
    "Thames Valley Police said: “We agree.”",
    "The Standards and Accountability Group said: “Yes.”",
    "The Victims Commission said: “Concerning.”",
]


@pytest.mark.parametrize(("text", "speaker"), AMONG_ROLES)
def test_a_name_among_roles(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text", NO_NAME_AMONG_ROLES)
def test_no_name_among_roles(text: str) -> None:
    assert [s for s in speakers(text) if s] == []


# -- a statement's lead-in --------------------------------------------------------------------

STATEMENT_LEAD_IN = [
    ("Statement from Dr Ann Lee, the commissioner:\n\n“The force is fair.”", "Dr Ann Lee"),
    ("Response by Roger Hale, Police, Fire and Crime Commissioner:\n\n“We note it.”", "Roger Hale"),
    ("Comments from Ben Ross:\n\n‘A good report.’", "Ben Ross"),
    ("Quote from Cara Lin, chair of the panel:\n\n“We will watch closely.”", "Cara Lin"),
    ('Comment by Dev Rao:\n\n"It is a start."', "Dev Rao"),
]
NOT_STATEMENT_LEAD_IN = [
    "Statement from Dr Ann Lee, the commissioner:\n\nDear Home Secretary,",
    "Response by Roger Hale:\n\nI write in response to the report.",
    "Statement from the force:\n\n“We accept the findings.”",
    "Comments from the public:\n\n“Too slow.”",
    "Response by the inspectorate:\n\n“The force must act.”",
]


@pytest.mark.parametrize(("text", "speaker"), STATEMENT_LEAD_IN)
def test_a_statement_s_lead_in(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text", NOT_STATEMENT_LEAD_IN)
def test_no_quote_after_a_lead_in(text: str) -> None:
    assert [s for s in speakers(text) if s] == []


# -- prose with no quotation mark, passed over at once: what comes around it reads as before --


def test_plain_prose_is_told_from_prose_that_may_quote() -> None:
    for text in ("The force was inspected in May.", "The force’s plan.", "We don't know."):
        assert _plain(text)
    for text in ("It said: “Good.”", "Inspectors found:", "He said 'no'", "The forces’ plans."):
        assert not _plain(text)


def test_prose_with_an_apostrophe_names_the_speaker_a_later_pronoun_stands_for() -> None:
    text = "Mary Ashdown leads the force’s team.\n\n“We will act,” she said."
    assert [q.speaker for q in read(text)] == ["Mary Ashdown"]


def test_a_line_that_introduces_a_quote_still_takes_the_plain_paragraph_after_it() -> None:
    quotes = read("Chief Constable Mary Ashdown said:\n\nWe will act on every point.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Mary Ashdown", "We will act on every point.")
    ]


def test_plain_prose_names_the_speaker_a_later_pronoun_stands_for() -> None:
    text = "Mary Ashdown leads the force.\n\n“We will act,” she said."
    assert [q.speaker for q in read(text)] == ["Mary Ashdown"]


def test_plain_prose_ends_a_quote() -> None:
    text = "“We will act,” said Mary Ashdown.\n\nThe report was published.\n\n“Soon,” she added."
    quotes = read(text)
    assert [q.text for q in quotes] == ["“We will act,”", "“Soon,”"]
