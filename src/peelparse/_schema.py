"""JSON Schema (draft 2020-12) generated from the attrs records, so it never drifts from them."""

from __future__ import annotations

import ast
import enum
import inspect
import itertools
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from peelparse._errors import SchemaError
from peelparse._records import SCHEMA_VERSION, Document

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(kinds: Mapping[str, type[Document]], kind: str | None = None) -> dict[str, Any]:
    """The schema of every kind's JSON (a ``oneOf`` on ``kind``), or of one kind."""
    if kind is not None and kind not in kinds:
        raise SchemaError("PP405", f"no kind {kind!r}; known kinds: {', '.join(sorted(kinds))}")
    chosen = {kind: kinds[kind]} if kind is not None else dict(sorted(kinds.items()))
    builder = _Builder()
    refs = [builder.document(record) for record in chosen.values()]
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "title": f"peelparse {kind or 'document'} (schema {SCHEMA_VERSION})",
    }
    schema.update(refs[0] if len(refs) == 1 else {"oneOf": refs})
    schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def document(self, record: type[Document]) -> dict[str, Any]:
        name = record.__name__
        if name not in self.defs:
            body = self._object(record)
            body["properties"] = {
                "kind": {"const": record.kind},
                "schema_version": {
                    "type": "string",
                    "pattern": rf"^{SCHEMA_VERSION.split('.')[0]}\.",
                },
                **body["properties"],
            }
            body["required"] = ["kind", "schema_version", *body["required"]]
            self.defs[name] = body
        return {"$ref": f"#/$defs/{name}"}

    def _object(self, record: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(record)
        docs = _field_docs(record)
        properties: dict[str, Any] = {}
        for field in attrs.fields(record):
            prop = self.type(hints[field.name])
            if field.name in docs:
                prop = {**prop, "description": docs[field.name]}
            properties[field.name] = prop
        return {
            "type": "object",
            "description": inspect.cleandoc(record.__doc__ or record.__name__),
            "properties": properties,
            "required": [f.name for f in attrs.fields(record)],
            "additionalProperties": False,
        }

    def type(self, hint: Any) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is float:
            return {"type": "number"}
        if hint is type(None):
            return {"type": "null"}
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.type(a) for a in args]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type(args[0])}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            name = hint.__name__
            self.defs.setdefault(
                name,
                {
                    "enum": [m.value for m in hint],
                    "description": inspect.cleandoc(hint.__doc__ or name),
                },
            )
            return {"$ref": f"#/$defs/{name}"}
        if isinstance(hint, type) and attrs.has(hint):
            name = hint.__name__
            if name not in self.defs:
                self.defs[name] = {}  # placeholder against recursion
                self.defs[name] = self._object(hint)
            return {"$ref": f"#/$defs/{name}"}
        raise SchemaError("PP406", f"no JSON Schema for the type {hint!r}")


def _field_docs(record: type[Any]) -> dict[str, str]:
    """Attribute docstrings (a string right after a field) of a class and its bases."""
    docs: dict[str, str] = {}
    for cls in reversed(record.__mro__):
        if not attrs.has(cls):
            continue
        try:
            tree = ast.parse(inspect.cleandoc("\n" + inspect.getsource(cls)))
        except (OSError, TypeError, SyntaxError):
            continue
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for node, after in itertools.pairwise(body):
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[node.target.id] = " ".join(after.value.value.split())
    return docs
