"""Bad input gives a clear PeelParseError with a stable code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SEEDS
from peelparse import InputError, Parser, SchemaError
from peelparse.testing import assert_lossless


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "PP101"),
        (b"   \n\n  ", "PP101"),
        (bytes(range(256)) * 20, "PP102"),
    ],
)
def test_unreadable_bytes(parser: Parser, data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parser.parse(data)
    assert caught.value.code == code


def test_missing_file(parser: Parser, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as caught:
        parser.parse(tmp_path / "absent.txt")
    assert caught.value.code == "PP105"


def test_a_folder_is_not_a_file(parser: Parser, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        parser.parse(tmp_path)


def test_latin1_bytes_are_read_with_a_diagnostic(parser: Parser) -> None:
    text = SEEDS[0].read_text("utf-8").replace("’", "'") + "\nCaf\u00e9 de la Paix.\n"
    document = parser.parse(text.encode("cp1252"))
    assert document.source is not None and document.source.encoding == "cp1252"
    assert [d.code for d in document.diagnostics if d.code == "PP104"] == ["PP104"]
    assert document.kind == "inspection_report"


def test_utf8_bom_and_crlf(parser: Parser) -> None:
    text = SEEDS[0].read_text("utf-8")
    plain = parser.parse(text.encode("utf-8"))
    bom = parser.parse(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert bom.source is not None and bom.source.encoding == "utf-8-sig"
    assert parser.to_dict(bom)["questions"] == parser.to_dict(plain)["questions"]


def test_unknown_kind(parser: Parser) -> None:
    with pytest.raises(InputError, match="no plugin parses kind 'minutes'"):
        parser.parse(SEEDS[0], kind="minutes")


def test_text_that_is_not_a_peel_document(parser: Parser) -> None:
    document = parser.parse_text("Shopping list\nEggs\nMilk\n")
    assert document.kind == "unknown"
    assert [d.code for d in document.diagnostics] == ["PP204"]
    assert [u.text for u in document.unclassified] == ["Shopping list Eggs Milk"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("not json", "PP400"),
        ("[]", "PP401"),
        ('{"kind": "inspection_report", "schema_version": "9.0"}', "PP402"),
        ('{"kind": "nonsense", "schema_version": "1.0"}', "PP401"),
        ('{"kind": "unknown", "schema_version": "1.0", "span": 3}', "PP404"),
    ],
)
def test_bad_json(parser: Parser, text: str, code: str) -> None:
    with pytest.raises(SchemaError) as caught:
        parser.from_json(text)
    assert caught.value.code == code


def test_parse_text_never_takes_a_path(parser: Parser) -> None:
    document = parser.parse_text(str(SEEDS[0]))
    assert document.kind == "unknown"


def test_every_code_is_documented() -> None:
    root = Path(__file__).resolve().parent.parent
    source = "".join(
        p.read_text("utf-8") for folder in ("src", "plugins") for p in (root / folder).rglob("*.py")
    )
    used = set(re.findall(r'"(PP\d{3})"', source))
    documented = set(
        re.findall(r"\| (PP\d{3}) \|", (root / "docs" / "diagnostics.md").read_text("utf-8"))
    )
    assert used <= documented, f"undocumented codes: {sorted(used - documented)}"


def test_utf16_cr_newlines_nul_tabs_and_welsh(parser: Parser) -> None:
    text = SEEDS[0].read_text("utf-8").replace("Legitimacy\n", "Legitimacy\tCyfreithlondeb ŵ ŷ\n")
    data = ("\r".join(text.split("\n")) + "\x00").encode("utf-16")
    document = parser.parse(data)
    assert document.source is not None and document.source.encoding == "utf-16"
    assert document.kind == "inspection_report"
    decoded = parser.read(data).text
    assert "\r" not in decoded and "ŵ ŷ" in decoded
    assert_lossless(document, decoded)


def test_non_breaking_spaces_and_smart_quotes_are_kept(parser: Parser) -> None:
    document = parser.parse_text(
        "Kent PEEL 2016\nHow legitimate is the force at keeping people "
        "safe and reducing crime?\nThe force’s\u00a0“values” – kept.\n"
    )
    assert [p.text for p in document.summary] == [  # type: ignore[attr-defined]
        "The force’s\u00a0“values” – kept."
    ]


def test_a_utf16_mark_on_bytes_that_are_not_utf16(parser: Parser) -> None:
    with pytest.raises(InputError) as caught:
        parser.parse(b"\xff\xfe" + b"\x00\xd8")  # a lone surrogate
    assert caught.value.code == "PP103"
