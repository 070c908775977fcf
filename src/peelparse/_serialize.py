"""JSON in and out, with cattrs: one converter per set of kinds, built once."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from cattrs import BaseValidationError, transform_error
from cattrs.gen import make_dict_unstructure_fn
from cattrs.preconf.json import JsonConverter, make_converter

from peelparse._errors import SchemaError
from peelparse._records import Document

SCHEMA_VERSION = "1.0"
"""Version of the JSON layout. The major part changes when old JSON can no longer be read."""


class Serializer:
    """Turns documents of the given kinds into JSON and back."""

    def __init__(self, kinds: Mapping[str, type[Document]]) -> None:
        self._kinds = dict(kinds)
        self.converter: JsonConverter = make_converter(forbid_extra_keys=True)
        self._unstructure: dict[type[Document], Callable[[Any], dict[str, Any]]] = {}
        for record in self._kinds.values():
            plain = make_dict_unstructure_fn(record, self.converter)
            self._unstructure[record] = plain

    def to_dict(self, document: Document) -> dict[str, Any]:
        """``kind`` and ``schema_version`` first, then the record's fields."""
        plain = self._unstructure.get(type(document))
        if plain is None:
            raise SchemaError("PP403", f"{type(document).__name__} is not a registered kind")
        return {"kind": document.kind, "schema_version": SCHEMA_VERSION, **plain(document)}

    def to_json(self, document: Document, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(document), ensure_ascii=False, indent=indent)

    def from_dict(self, data: Any) -> Document:
        if not isinstance(data, dict):
            raise SchemaError("PP401", "a document is a JSON object")
        fields = dict(data)
        kind = fields.pop("kind", None)
        version = fields.pop("schema_version", None)
        if not isinstance(version, str) or version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise SchemaError(
                "PP402",
                f"schema_version {version!r} cannot be read by this "
                f"peelparse (it reads {SCHEMA_VERSION.split('.')[0]}.x)",
            )
        record = self._kinds.get(kind) if isinstance(kind, str) else None
        if record is None:
            raise SchemaError(
                "PP401", f"unknown kind {kind!r}; known kinds: {', '.join(sorted(self._kinds))}"
            )
        try:
            return self.converter.structure(fields, record)
        except (BaseValidationError, ValueError, TypeError, KeyError) as exc:
            raise SchemaError("PP404", f"not a valid {kind} document: {_describe(exc)}") from None

    def from_json(self, text: str | bytes) -> Document:
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SchemaError("PP400", f"not JSON: {exc}") from None
        return self.from_dict(data)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, BaseValidationError):
        return "; ".join(transform_error(exc))
    return str(exc)
