"""A corpus: many parsed documents, each with a stable ID, indexed and linked."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from itertools import chain
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from peelparse._errors import InputError
from peelparse._grades import GradeRow
from peelparse._ids import (
    AnswerItem,
    DocumentItems,
    FindingItem,
    JudgementItem,
    QuoteItem,
    digest,
    document_ids,
    items_of,
)
from peelparse._links import DocumentView, Link, link_corpus
from peelparse._parser import Parser
from peelparse._records import Document
from peelparse._scope import check_force_key, force_key
from peelparse._vocab import Pillar

Item = FindingItem | AnswerItem | JudgementItem | QuoteItem
"""Anything in a document with an ID of its own."""

_Key = TypeVar("_Key")


@attrs.frozen(kw_only=True)
class CorpusEntry:
    """A document of a corpus, with its ID and the files it was read from."""

    id: str
    """Its stable ID, e.g. "leicestershire/2017/legitimacy/report"."""
    document: Document
    """The document."""
    paths: tuple[str, ...] = ()
    """The files its text was read from, as given: several when copies of one text were
    read; empty for a document given as a record."""
    items: DocumentItems = attrs.field(repr=False, eq=False)
    """Its findings, answers, judgements and quotes, each with an ID."""


@attrs.frozen(kw_only=True)
class CorpusFailure:
    """A file that could not be read as a document."""

    path: str
    """The file, as given."""
    code: str
    """The error's code, e.g. "PP101"."""
    message: str
    """What went wrong."""


class Corpus:
    """Documents parsed from many files, each given a stable ID, indexed by force, year,
    pillar and kind, and linked (see ``links``).

    >>> corpus = Corpus.from_paths(["seeds"])                       # doctest: +SKIP
    >>> corpus["leicestershire/2017/legitimacy/report"].document.grade  # doctest: +SKIP
    <Grade.GOOD: 'good'>

    Two copies of one text (the same SHA-256) are one document, read from two paths.
    """

    def __init__(self, documents: Iterable[Document] = (), *, parser: Parser | None = None) -> None:
        self._setup(((document, None) for document in documents), (), parser)

    @classmethod
    def from_paths(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        *,
        jobs: int = 1,
        timeout: float | None = None,
        autoload: bool | None = None,
        block: Sequence[str] = (),
        follow_links: bool = False,
    ) -> Corpus:
        """Parse files, folders (read recursively) and globs with the batch engine, ``jobs``
        processes at a time (0: one per core). Files that fail are kept in ``failures``:
        those that cannot be read, folders that cannot be listed, symbolic links out of a
        folder (followed only with ``follow_links``), and, in worker processes, files that
        crash their worker (PP602) or take more than ``timeout`` seconds (PP601)."""
        from peelparse._batch import ParserOptions, parse_paths
        from peelparse._paths import find_inputs, stored

        options = ParserOptions(autoload=autoload, block=tuple(block))
        parser = Parser(autoload=autoload, block=block)
        found, skipped = find_inputs(list(paths), follow_links=follow_links)
        documents: list[tuple[Document, str | None]] = []
        failures = [
            CorpusFailure(path=stored(str(s.path)), code=s.code, message=s.message) for s in skipped
        ]
        paths_found = [item.path for item in found]
        for result in parse_paths(paths_found, jobs=jobs, options=options, timeout=timeout):
            name = stored(str(result.path))
            if result.json is None:
                error = result.error or InputError("PP105", f"cannot read {name}")
                failures.append(CorpusFailure(path=name, code=error.code, message=error.message))
                continue
            documents.append((parser.from_json(result.json), name))
        corpus = cls.__new__(cls)
        corpus._setup(documents, failures, parser)
        return corpus

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike[str], *, parser: Parser | None = None) -> Corpus:
        """Documents from a file of JSON lines (``to_jsonl``'s output)."""
        reader = parser or Parser()
        try:
            with open(path, encoding="utf-8") as lines:
                documents = [reader.from_json(line) for line in lines if line.strip()]
        except OSError as exc:
            raise InputError("PP105", f"cannot read {os.fspath(path)}: {exc.strerror}") from None
        return cls(documents, parser=reader)

    def _setup(
        self,
        documents: Iterable[tuple[Document, str | None]],
        failures: Iterable[CorpusFailure],
        parser: Parser | None,
    ) -> None:
        self._parser = parser
        self.failures: tuple[CorpusFailure, ...] = tuple(failures)
        """Files that could not be read as documents."""
        unique: dict[str, tuple[Document, list[str]]] = {}
        for document, path in documents:
            key = digest(document)
            if key not in unique:
                unique[key] = (document, [])
            if path is not None:
                unique[key][1].append(path)
        kept = list(unique.values())
        ids = document_ids([document for document, _ in kept])
        entries = [
            CorpusEntry(
                id=doc_id,
                document=document,
                paths=tuple(paths),
                items=items_of(document, doc_id),
            )
            for doc_id, (document, paths) in zip(ids, kept, strict=True)
        ]
        self.entries: tuple[CorpusEntry, ...] = tuple(sorted(entries, key=lambda e: e.id))
        """Every document, sorted by ID."""
        self._by_id = {entry.id: entry for entry in self.entries}

    @property
    def parser(self) -> Parser:
        """The parser that serialises the documents (made on first use if none was given)."""
        if self._parser is None:
            self._parser = Parser()
        return self._parser

    # -- documents ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[CorpusEntry]:
        return iter(self.entries)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._by_id

    def __getitem__(self, document_id: str) -> CorpusEntry:
        """The entry with this document ID; ``KeyError`` if there is none."""
        return self._by_id[document_id]

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} documents, {len(self.failures)} failed>"

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document, in ID order."""
        return tuple(entry.document for entry in self.entries)

    def item(self, item_id: str) -> Item:
        """The finding, quoted finding, judgement or quote with this ID; ``KeyError`` if none."""
        return self._items[item_id]

    @cached_property
    def _items(self) -> dict[str, Item]:
        found: dict[str, Item] = {}
        for entry in self.entries:
            items = entry.items
            every: Iterable[Item] = chain(
                items.findings, items.answers, items.judgements, items.quotes
            )
            for item in every:
                found[item.id] = item
        return found

    # -- indexes -----------------------------------------------------------------------------

    @cached_property
    def by_force(self) -> Mapping[str, tuple[CorpusEntry, ...]]:
        """Entries by force slug; "national" for documents about forces in general or several
        forces, "unknown-force" for those whose force was not found."""
        return _index(self.entries, force_key)

    @cached_property
    def by_year(self) -> Mapping[int | None, tuple[CorpusEntry, ...]]:
        """Entries by the first year of their PEEL cycle (``None``: not stated)."""
        return _index(self.entries, lambda d: d.year)

    @cached_property
    def by_pillar(self) -> Mapping[Pillar | None, tuple[CorpusEntry, ...]]:
        """Entries by pillar (``None``: several or not stated)."""
        return _index(self.entries, lambda d: d.pillar)

    @cached_property
    def by_kind(self) -> Mapping[str, tuple[CorpusEntry, ...]]:
        """Entries by kind ("inspection_report", "pcc_response", "press_release", ...)."""
        return _index(self.entries, lambda d: d.kind)

    def select(
        self,
        *,
        force: str | None = None,
        year: int | None = None,
        pillar: Pillar | str | None = None,
        kind: str | None = None,
    ) -> tuple[CorpusEntry, ...]:
        """Entries with this force slug ("national" or "unknown-force" for none, see
        ``by_force``), year, pillar and kind; a criterion left ``None`` matches every entry.

        Raises:
            InputError: ``force`` is no force's slug (PP112; the message gives the closest).
        """
        chosen = self.entries
        if force is not None:
            check_force_key(force, self.by_force)
            wanted = {e.id for e in self.by_force.get(force, ())}
            chosen = tuple(e for e in chosen if e.id in wanted)
        if year is not None:
            chosen = tuple(e for e in chosen if e.document.year == year)
        if pillar is not None:
            chosen = tuple(e for e in chosen if e.document.pillar == pillar)
        if kind is not None:
            chosen = tuple(e for e in chosen if e.document.kind == kind)
        return chosen

    # -- links -------------------------------------------------------------------------------

    @cached_property
    def links(self) -> tuple[Link, ...]:
        """Every link between the documents, sorted by source, relation and target."""
        views = [DocumentView(e.id, e.document, e.items) for e in self.entries]
        return tuple(link_corpus(views))

    def links_from(self, source_id: str) -> tuple[Link, ...]:
        """Links from an item, or from a document and its items."""
        return self._link_index[0].get(source_id, ())

    def links_to(self, target_id: str) -> tuple[Link, ...]:
        """Links to an item, or to a document and its items."""
        return self._link_index[1].get(target_id, ())

    @cached_property
    def _link_index(self) -> tuple[dict[str, tuple[Link, ...]], dict[str, tuple[Link, ...]]]:
        sources: dict[str, list[Link]] = {}
        targets: dict[str, list[Link]] = {}
        for link in self.links:
            for key in {link.source_id, link.source_document}:
                sources.setdefault(key, []).append(link)
            for key in {link.target_id, link.target_document}:
                targets.setdefault(key, []).append(link)
        return (
            {key: tuple(found) for key, found in sources.items()},
            {key: tuple(found) for key, found in targets.items()},
        )

    def summary(self) -> dict[str, dict[str, int]]:
        """Counts of documents by kind, force and year, and of links by relation and method."""
        return {
            "kind": _counts(e.document.kind for e in self.entries),
            "force": _counts(force_key(e.document) for e in self.entries),
            "year": _counts(
                str(e.document.year) if e.document.year is not None else "undated"
                for e in self.entries
            ),
            "relation": _counts(link.relation for link in self.links),
            "method": _counts(link.method for link in self.links),
        }

    # -- grades ------------------------------------------------------------------------------

    def grades(self) -> tuple[GradeRow, ...]:
        """Every graded judgment once per document, force and subject (pillar, question or
        area), with every statement's span and the later document that supersedes it, if
        any; in document ID order."""
        return self._grades

    @cached_property
    def _grades(self) -> tuple[GradeRow, ...]:
        from peelparse._grades import corpus_grades

        return corpus_grades(self.entries)

    # -- exports -----------------------------------------------------------------------------

    def to_jsonl(
        self, path: str | os.PathLike[str], *, links: str | os.PathLike[str] | None = None
    ) -> None:
        """Write one document per line (``Parser.from_json`` reads each back), in ID order;
        and, if ``links`` is given, one link per line to that file."""
        from peelparse._export import write_jsonl

        write_jsonl(self, Path(path), None if links is None else Path(links))

    def to_csv(self, folder: str | os.PathLike[str], *, raw: bool = False) -> None:
        """Write a CSV file per table (documents, findings, judgements, responses, quotes,
        links) into ``folder``, a new folder that replaces the old one whole. A cell that
        begins like a spreadsheet formula (``= + - @``, tab, CR) gets a leading ``'``
        unless ``raw``."""
        from peelparse._export import write_csv

        write_csv(self, Path(folder), raw=raw)

    def to_pandas(self, table: str) -> Any:
        """A table of the export ("documents", "grades", "findings", "judgements", "links",
        "quotes", ...) as a flat pandas ``DataFrame``, ``grade`` and ``pillar`` as ordered
        categories; needs ``peelparse[pandas]``."""
        from peelparse._frames import to_pandas

        return to_pandas(self, table)

    def to_polars(self, table: str) -> Any:
        """A table of the export as a flat polars ``DataFrame``, ``grade`` and ``pillar`` as
        ordered enums; needs ``peelparse[polars]``."""
        from peelparse._frames import to_polars

        return to_polars(self, table)

    def to_sqlite(self, path: str | os.PathLike[str], *, force: bool = False) -> None:
        """Write a SQLite database: a table per record type, foreign keys to ``documents``,
        the links, and the view ``afi_responses``. An existing file is replaced whole; one
        that holds tables of its own is refused (``OutputError``), or with ``force`` keeps
        them and has only peelparse's tables replaced."""
        from peelparse._export import write_sqlite

        write_sqlite(self, Path(path), force=force)


def _index(
    entries: Sequence[CorpusEntry], key: Callable[[Document], _Key]
) -> Mapping[_Key, tuple[CorpusEntry, ...]]:
    groups: dict[_Key, list[CorpusEntry]] = {}
    for entry in entries:
        groups.setdefault(key(entry.document), []).append(entry)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


def _counts(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))
