"""PCC responses off the usual letter layout, one wording class at a time, on texts written
for the test: an addressee named only in the opening paragraph, a statement's own date in
any UK form, a sender's role written away from the name, and the quotes a statement
carries."""

from __future__ import annotations

import pytest

from peelparse import Parser
from peelparse.testing import assert_lossless
from peelparse_pcc import PCCResponse


def response(parser: Parser, text: str) -> PCCResponse:
    document = parser.parse_text(text, kind="pcc_response")
    assert isinstance(document, PCCResponse)
    assert_lossless(document, text)
    return document


OPENING = "PEEL inspection: the commissioner's response\n\n"

ADDRESSED = [
    ("I am writing to the Home Secretary about the PEEL report.", "Home Secretary"),
    (
        "The commissioner has written to the Home Office and HMICFRS, welcoming it.",
        "Home Office and HMICFRS",
    ),
    ("I write to the Policing Minister in response to the report.", "Policing Minister"),
    (
        "Ann Lee has now written to the Secretary of State for the Home Department.",
        "Secretary of State for the Home Department",
    ),
    ("As required, I am writing to Rt Hon Priti Patel MP to respond.", "Rt Hon Priti Patel MP"),
]
NOT_ADDRESSED = [
    "I am writing to inform you of the force's progress.",
    "I write in response to the report published in March.",
    "The force has written to staff about the findings.",
    "We are writing to you as partners of the force.",
    "The inspectorate wrote that the force was good.",
]


@pytest.mark.parametrize(("opening", "addressee"), ADDRESSED)
def test_an_addressee_named_in_the_opening(parser: Parser, opening: str, addressee: str) -> None:
    doc = response(parser, f"{OPENING}{opening}\n\nThe force has improved.\n")
    assert doc.addressee is not None and doc.addressee.text == addressee


@pytest.mark.parametrize("opening", NOT_ADDRESSED)
def test_no_addressee_in_the_opening(parser: Parser, opening: str) -> None:
    doc = response(parser, f"{OPENING}{opening}\n\nThe force has improved.\n")
    assert doc.addressee is None


SENT_TO = [
    (
        "Date response sent: 03/04/2017 (Responses to be sent to s55@homeoffice,gsi.gov.uk"
        " & pcc@hmic.gsi.gov.uk )",
        "s55@homeoffice,gsi.gov.uk & pcc@hmic.gsi.gov.uk",
    ),
    ("Replies should be e-mailed to: office@home.gov.uk.", "office@home.gov.uk"),
    (
        "E-mail sent to private.office@homeoffice.gsi.gov.uk.",
        "private.office@homeoffice.gsi.gov.uk",
    ),
    (
        "Responses are sent to a.b@homeoffice.gov.uk, c-d@hmicfrs.gov.uk and e@f.org.uk today.",
        "a.b@homeoffice.gov.uk, c-d@hmicfrs.gov.uk and e@f.org.uk",
    ),
    ("Response to be returned to peel@hmicfrs.gov.uk by 30 March.", "peel@hmicfrs.gov.uk"),
]
NOT_SENT_TO = [
    # no address: where the response goes is a place or a body, not said here
    "Responses to be sent to the inspectorate by 30 March.",
    # an address that is not where a response is sent
    "For more information e-mail press@opcc.police.uk.",
    # the force's own mail, not a response
    "Officers were sent to the address given by staff@force.police.uk.",
    # not an address: no domain after the @
    "Responses to be sent to office@home by post.",
    # the report, not the response, was sent
    "The report was sent to peel@hmicfrs.gov.uk last week.",
]


@pytest.mark.parametrize(("opening", "addressee"), SENT_TO)
def test_an_addressee_named_by_where_a_response_is_sent(
    parser: Parser, opening: str, addressee: str
) -> None:
    doc = response(parser, f"{OPENING}{opening}\n\nThe force has improved.\n")
    assert doc.addressee is not None and doc.addressee.text == addressee


@pytest.mark.parametrize("opening", NOT_SENT_TO)
def test_no_addressee_where_no_response_is_sent(parser: Parser, opening: str) -> None:
    doc = response(parser, f"{OPENING}{opening}\n\nThe force has improved.\n")
    assert doc.addressee is None


STATEMENT_DATES = [
    ("Statement on the PEEL report (13th September 2024)\n\nText.", "2024-09-13"),
    ("PEEL response\n\nPublished 13 Sept 2024\n\nThe force is good.", "2024-09-13"),
    ("PEEL response\n\nThe force is good.\n\nLast updated: 13/09/2024", "2024-09-13"),
    ("PEEL response\n\nPosted on Friday 11 November 2022\n\nText.", "2022-11-11"),
    ("PEEL response\n\nDate response sent: September 13, 2024\n\nText.", "2024-09-13"),
]
NO_STATEMENT_DATE = [
    "PEEL response\n\nDate inspection published: 2 March 2017\n\nText.",
    "PEEL response\n\nThe report was published on 2 March 2017.\n\nText.",
    "PEEL response\n\nPublished March 2017\n\nText.",
    "PEEL response\n\nOn 1 May 2019 the grade was changed.\n\nText.",
    "PEEL response (the second of 2019)\n\nText.",
]


@pytest.mark.parametrize(("text", "iso"), STATEMENT_DATES)
def test_a_statement_s_own_date(parser: Parser, text: str, iso: str) -> None:
    assert response(parser, text + "\n").date == iso


@pytest.mark.parametrize("text", NO_STATEMENT_DATE)
def test_no_statement_date(parser: Parser, text: str) -> None:
    assert response(parser, text + "\n").date is None


SENDERS = [
    (
        "Dear Home Secretary\n\nThe force is good.\n\nYours sincerely\n\nJane Doe\n\n"
        "Police and Crime Commissioner for Kent\n",
        ("Jane Doe", "Police and Crime Commissioner for Kent"),
    ),
    (
        "The Police and Crime Commissioner for Kent has welcomed the PEEL report.\n\n"
        "Jane Doe said:\n\n“The force is improving.”\n",
        ("Jane Doe", "Police and Crime Commissioner for Kent"),
    ),
    (
        "The report was published today.\n\n“The force is improving,” said Jane Doe.\n\n"
        "The Police and Crime Commissioner for Kent has welcomed it.\n",
        ("Jane Doe", "Police and Crime Commissioner for Kent"),
    ),
    (
        "Kent commissioner Jane Doe has welcomed the report.\n\nShe said: “Good news.”\n",
        ("Jane Doe", None),
    ),
    (
        "Jane Doe, the commissioner, said: “Good news for Kent.”\n",
        ("Jane Doe", "the commissioner"),
    ),
    (
        "The Police and Crime Commissioner for Kent, Jane Doe, today welcomed the report.\n",
        ("Jane Doe", "Police and Crime Commissioner for Kent"),
    ),
    (
        "Jane Doe, Police, Fire and Crime Commissioner for Kent, has commented on it.\n",
        ("Jane Doe", "Police, Fire and Crime Commissioner for Kent"),
    ),
]
NOT_SENDERS = [
    "Chief Constable Alan Jones said: “We are pleased.”\n",
    "The force said: “We are pleased.”\n",
    "The report said: “The force is good.”\n",
    "Inspectors said the force was “good”.\n",
    "The Police, Fire and Crime Commissioner has received the report.\n",
]


@pytest.mark.parametrize(("text", "sender"), SENDERS)
def test_a_sender_and_a_role_written_apart(
    parser: Parser, text: str, sender: tuple[str, str | None]
) -> None:
    doc = response(parser, text)
    assert doc.sender is not None and (doc.sender.name, doc.sender.role) == sender


@pytest.mark.parametrize("text", NOT_SENDERS)
def test_no_sender_named(parser: Parser, text: str) -> None:
    doc = response(parser, text)
    assert doc.sender is None or doc.sender.name is None


def test_a_statement_carries_its_quotes(parser: Parser) -> None:
    doc = response(
        parser,
        "Commissioner welcomes PEEL report\n\nKent commissioner Jane Doe has welcomed it.\n\n"
        "She said:\n\n“The force is improving.\n\n“There is more to do.”\n",
    )
    (quote,) = doc.quotes
    assert (quote.speaker, len(quote.paragraphs)) == ("Jane Doe", 2)


RESPONSE_HEADINGS = [
    "Response by the Police and Crime Commissioner to the PEEL inspection\n\nThe force is good.",
    "Statement by the Police, Fire and Crime Commissioner\n\nThe PEEL report is fair.",
    "Comments from the Police and Crime Commissioner\n\nThe inspection was thorough.",
    "Response by the Deputy Mayor for Policing and Crime\n\nThe report is welcome.",
    "Response from the PCC on the PEEL report\n\nWe note the findings.",
]
NOT_RESPONSE_HEADINGS = [
    "Response by the force to the PEEL inspection\n\nThe force is good.",
    "Statement by the inspectorate\n\nThe force is good.",
    "Response times\n\nThe Police and Crime Commissioner chairs the board.",
    "Comments from the public\n\nThe force is good.",
    "Response by the council\n\nThe report is noted.",
]


@pytest.mark.parametrize("text", RESPONSE_HEADINGS)
def test_a_heading_giving_the_commissioner_s_response(parser: Parser, text: str) -> None:
    assert parser.detect(text.encode("utf-8")).kind == "pcc_response"


@pytest.mark.parametrize("text", NOT_RESPONSE_HEADINGS)
def test_a_heading_giving_someone_else_s_response(parser: Parser, text: str) -> None:
    assert parser.detect(text.encode("utf-8")).kind != "pcc_response"
