"""A ``str`` is text, never a file name; files are read only when given as paths, and only
regular files; every failure is an ``InputError`` naming the file."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import peelparse
from conftest import SEEDS
from peelparse import InputError, Parser


def test_a_str_naming_a_file_is_parsed_as_text(parser: Parser, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    for text in (str(secret), "/etc/passwd", "/proc/self/environ"):
        document = parser.parse(text)
        assert document.source is not None
        assert document.source.name is None
        assert document.source.chars == len(text)
        assert "root:x:0:0" not in parser.to_json(document)
        assert parser.detect(text).kind == "unknown"


def test_module_parse_of_a_seed_name_reads_no_file() -> None:
    name = str(SEEDS[0])
    assert peelparse.parse(name).kind == "unknown"
    assert peelparse.parse_file(name).kind == peelparse.parse(SEEDS[0]).kind != "unknown"


@pytest.mark.parametrize(
    "text",
    ["x" * 300, "report " * 600, ("a" * 200 + "/") * 20, "notes/" + "y" * 4000 + ".txt"],
    ids=["one long word", "long sentence", "long path-like", "path-like with a long part"],
)
def test_a_long_one_line_text_is_text(parser: Parser, text: str) -> None:
    document = parser.parse(text)
    assert document.source is not None and document.source.chars == len(text)


def test_a_missing_file_names_it(parser: Parser, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no such file: .*report\.tx$") as caught:
        parser.parse_file(str(tmp_path / "report.tx"))
    assert caught.value.code == "PP105"


def test_a_file_name_too_long_is_an_input_error(parser: Parser, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        parser.parse(tmp_path / ("x" * 5000))
    assert caught.value.code == "PP105"


def test_a_folder_is_an_input_error(parser: Parser, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        parser.parse_file(tmp_path)


def test_a_fifo_is_refused_without_waiting(parser: Parser, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            parser.parse(fifo)
        except BaseException as exc:  # handed over to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("parsing a FIFO blocked")
    assert len(outcome) == 1 and isinstance(outcome[0], InputError)
    assert "FIFO" in str(outcome[0])


def test_a_device_is_refused(parser: Parser) -> None:
    with pytest.raises(InputError, match="device"):
        parser.parse(Path(os.devnull))


def test_a_path_and_parse_file_read_the_file(parser: Parser) -> None:
    by_path = parser.parse(SEEDS[0])
    by_name = parser.parse_file(str(SEEDS[0]))
    assert by_path == by_name
    assert by_path.source is not None and by_path.source.name == SEEDS[0].name


def test_a_file_object_that_fails_to_read_is_an_input_error(parser: Parser) -> None:
    class Broken:
        name = "broken.txt"

        def read(self) -> bytes:
            raise OSError(5, "Input/output error")

    with pytest.raises(InputError, match="Input/output error") as caught:
        parser.parse(Broken())  # type: ignore[arg-type]
    assert caught.value.code == "PP105"
