"""JSON in and out, with cattrs and orjson: one converter per set of kinds, built once."""

from __future__ import annotations

import enum
import json
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any

import attrs
import orjson
from cattrs import BaseValidationError, transform_error
from cattrs.fns import identity
from cattrs.preconf.orjson import OrjsonConverter, make_converter

from peelparse._errors import SchemaError
from peelparse._records import SCHEMA_VERSION, Document

_Hook = Callable[[Any], Any]


class Serializer:
    """Turns documents of the given kinds into JSON and back."""

    def __init__(self, kinds: Mapping[str, type[Document]]) -> None:
        self._kinds = dict(kinds)
        self.converter: OrjsonConverter = make_converter(forbid_extra_keys=True)
        _register_fast_hooks(self.converter, self._kinds.values())
        self._unstructure: dict[type[Document], Callable[[Any], dict[str, Any]]] = {
            record: self.converter.get_unstructure_hook(record) for record in self._kinds.values()
        }

    def to_dict(self, document: Document) -> dict[str, Any]:
        """``kind`` and ``schema_version`` first, then the record's fields."""
        plain = self._unstructure.get(type(document))
        if plain is None:
            raise SchemaError("PP403", f"{type(document).__name__} is not a registered kind")
        return {"kind": document.kind, "schema_version": SCHEMA_VERSION, **plain(document)}

    def to_json(self, document: Document, *, indent: int | None = 2) -> str:
        data = self.to_dict(document)
        if indent is None or indent == 2:
            try:
                return orjson.dumps(data, option=_ORJSON_INDENT[indent]).decode()
            except orjson.JSONEncodeError:
                # orjson writes UTF-8 only, so a lone surrogate (which a str given to the
                # parser may hold) or an integer past 64 bits needs the standard library.
                pass
        # Compact means no spaces after separators, as orjson writes it.
        separators = (",", ":") if indent is None else None
        return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)

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
        except RecursionError:
            raise SchemaError("PP404", f"not a valid {kind} document: nested too deep") from None

    def from_json(self, text: str | bytes) -> Document:
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError:
            # The standard library reads what orjson refuses: lone surrogates (which the
            # fallback in to_json writes), UTF-16 and UTF-32 bytes, NaN. Its message is also
            # the clearer one when the text is not JSON at all.
            try:
                data = json.loads(text)
            except (ValueError, UnicodeDecodeError) as exc:
                raise SchemaError("PP400", f"not JSON: {exc}") from None
            except RecursionError:
                raise SchemaError("PP400", "not JSON a document can be: nested too deep") from None
        return self.from_dict(data)


_ORJSON_INDENT: dict[int | None, int] = {None: 0, 2: orjson.OPT_INDENT_2}


def _describe(exc: BaseException) -> str:
    if isinstance(exc, BaseValidationError):
        return "; ".join(transform_error(exc))
    return str(exc)


# -- unstructuring hooks -----------------------------------------------------------------------
#
# cattrs writes one function per record class and inlines a field only when the field's hook
# is ``identity``; any other hook costs a Python call per field per record. The factories
# below give the common field types either ``identity`` or a hook that calls C code or the
# element record's own generated function directly, instead of cattrs' generic optional
# and iterable hooks (a Python call per optional field, a generator per tuple).


def _register_fast_hooks(converter: OrjsonConverter, records: Iterable[type[Any]]) -> None:
    # orjson would write dates itself, but ``to_dict`` promises JSON-ready data and the
    # standard-library fallback of ``to_json`` needs it too: ISO 8601 text.
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_unstructure_hook(date, date.isoformat)
    # Hooks registered for a class are consulted before any factory, and the one for ``str``
    # would claim every str-based enum; so the enums the records use get their own.
    for found in _enums_in(records):
        converter.register_unstructure_hook(found, _enum_values(found, optional=False))
    # Registered later means consulted first, so the optional factory, which asks for the
    # hooks of its argument, comes last.
    converter.register_unstructure_hook_factory(_is_enum, _enum_hook)
    converter.register_unstructure_hook_factory(_is_variadic_tuple, _tuple_hook_factory(converter))
    converter.register_unstructure_hook_factory(_is_optional, _optional_hook_factory(converter))


def _enums_in(records: Iterable[type[Any]]) -> set[type[enum.Enum]]:
    """Every enum in the field types of the records and of the records they hold."""
    found: set[type[enum.Enum]] = set()
    walked: set[type[Any]] = set()
    pending: list[Any] = list(records)
    while pending:
        hint = pending.pop()
        if _is_enum(hint):
            found.add(hint)
        elif isinstance(hint, type) and attrs.has(hint):
            if hint not in walked:
                walked.add(hint)
                pending.extend(field.type for field in attrs.fields(attrs.resolve_types(hint)))
        else:
            origin = typing.get_origin(hint)
            if origin is not None:
                pending.append(origin)
            pending.extend(typing.get_args(hint))
    return found


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _is_variadic_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional(type_: Any) -> bool:
    if typing.get_origin(type_) not in (typing.Union, types.UnionType):
        return False
    args = typing.get_args(type_)
    return len(args) == 2 and type(None) in args


def _optional_arg(type_: Any) -> Any:
    first, second = typing.get_args(type_)
    return second if first is type(None) else first


class _EnumValues(dict[Any, Any]):
    """Members to their values; a dict so the lookup is one C call, no Python frame."""

    def __missing__(self, key: Any) -> Any:
        # A value that is not a member (a record built by hand with a plain string) is
        # written as it is rather than failing.
        return key.value if isinstance(key, enum.Enum) else key


def _enum_values(type_: type[enum.Enum], *, optional: bool) -> _Hook:
    values = _EnumValues({member: member.value for member in type_})
    if optional:
        values[None] = None
    return values.__getitem__


def _enum_hook(type_: type[enum.Enum]) -> _Hook:
    return _enum_values(type_, optional=False)


def _tuple_hook_factory(converter: OrjsonConverter) -> Callable[[Any], _Hook]:
    def factory(type_: Any) -> _Hook:
        item = converter.get_unstructure_hook(typing.get_args(type_)[0])
        if item is identity:
            return list

        def unstructure_tuple(value: Any, item: _Hook = item) -> list[Any]:
            # Most tuples are empty, and an empty one need not start the comprehension.
            return [item(element) for element in value] if value else []

        return unstructure_tuple

    return factory


def _optional_hook_factory(converter: OrjsonConverter) -> Callable[[Any], _Hook]:
    def factory(type_: Any) -> _Hook:
        arg = _optional_arg(type_)
        if _is_enum(arg):
            return _enum_values(arg, optional=True)
        inner = converter.get_unstructure_hook(arg)
        if inner is identity:
            # None needs no conversion either, so the record's function can inline the field.
            return identity

        def unstructure_optional(value: Any, inner: _Hook = inner) -> Any:
            return None if value is None else inner(value)

        return unstructure_optional

    return factory
