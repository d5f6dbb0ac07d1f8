"""Turning records into plain documents (for TOML and JSON) and back, with readable type errors.

Every record is a keyword-only dataclass. A field's type hint is its schema: the reader checks each
value against it and names the key that is wrong. Keys the reader does not know (written by a newer
version, or added by hand) are kept in ``extra`` and written back untouched.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from ritual_tui.domain.errors import ValidationError

#: Field metadata marking text that never leaves the workspace (never in a shared file).
PRIVATE = {"private": True}
#: Field metadata for what the store keeps about a record in memory, never written to its file.
INTERNAL = {"internal": True}


def vocabulary(values: Iterable[str], default: Any = dataclasses.MISSING) -> Any:
    """A text field (or list or table of texts) whose values come from a closed vocabulary: a file
    holding anything else is refused when read, naming the key and the values allowed."""
    metadata = {"choices": tuple(values)}
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


R = TypeVar("R")

_TYPE_WORDS = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    date: "a date (YYYY-MM-DD)",
    datetime: "a date and time",
}


def _found(value: object) -> str:
    """Describe a value's TOML type for an error message."""
    for kind, word in (
        (bool, "true/false"),
        (datetime, "a date-time"),
        (date, "a date"),
        (int, "a number"),
        (float, "a number"),
        (str, "text"),
        (list, "a list"),
        (dict, "a table"),
    ):
        if isinstance(value, kind):
            return word
    return type(value).__name__


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(value: Any, hint: Any, key: str) -> Any:
    """Check ``value`` against ``hint`` and return it converted; raise ValidationError naming ``key``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        errors = []
        for option in options:
            try:
                return _convert(value, option, key)
            except ValidationError as error:
                errors.append(error)
        raise errors[0]
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        if not isinstance(value, list):
            raise ValidationError(f"'{key}' should be a list, found {_found(value)}")
        return [_convert(v, item_hint, f"{key}[{i + 1}]") for i, v in enumerate(value)]
    if origin is dict:
        _, value_hint = typing.get_args(hint)
        if not isinstance(value, dict):
            raise ValidationError(f"'{key}' should be a table, found {_found(value)}")
        return {str(k): _convert(v, value_hint, f"{key}.{k}") for k, v in value.items()}
    if hint is Any:
        return value
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise ValidationError(f"'{key}' should be a table, found {_found(value)}")
        return from_doc(typing.cast(type, hint), value, prefix=f"{key}.")
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return value
    if hint is date and isinstance(value, datetime):
        raise ValidationError(f"'{key}' should be {_TYPE_WORDS[date]}, found a date-time")
    if hint is int and isinstance(value, bool):
        raise ValidationError(f"'{key}' should be {_TYPE_WORDS[int]}, found true/false")
    if isinstance(value, hint):
        return value
    raise ValidationError(f"'{key}' should be {_TYPE_WORDS.get(hint, hint)}, found {_found(value)}")


def from_doc(cls: type[R], doc: dict[str, Any], prefix: str = "") -> R:
    """Build a record of type ``cls`` from a document, keeping unknown keys in ``extra``."""
    klass: Any = cls  # the caches key on the class itself
    hints = _hints(klass)
    names = {f.name for f in dataclasses.fields(klass) if f.name != "extra" and not f.metadata.get("internal")}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    vocabularies = _vocabularies(klass)
    for key, value in doc.items():
        if key in names:
            values[key] = _convert(value, hints[key], prefix + key)
            if key in vocabularies:
                _check_vocabulary(prefix + key, values[key], vocabularies[key])
        elif key not in _field_names(klass):
            extra[key] = value
    if "extra" in _field_names(klass):
        values["extra"] = extra
    try:
        return cls(**values)
    except TypeError as error:  # a required field is missing
        raise ValidationError(f"missing key in {prefix or 'record'}: {error}") from None


@cache
def _field_names(cls: Any) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


@cache
def _vocabularies(cls: Any) -> dict[str, tuple[str, ...]]:
    return {f.name: f.metadata["choices"] for f in dataclasses.fields(cls) if "choices" in f.metadata}


def _check_vocabulary(key: str, value: Any, allowed: tuple[str, ...]) -> None:
    values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
    for one in values:
        if one not in allowed:
            raise ValidationError(f"'{key}' should be one of {', '.join(allowed)}; found {one!r}")


def _plain(value: Any, shared: bool) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_doc(value, shared=shared)
    if isinstance(value, list):
        return [_plain(v, shared) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, shared) for k, v in value.items()}
    return value


def to_doc(record: Any, shared: bool = False) -> dict[str, Any]:
    """The record as a plain document; ``None`` values are left out (TOML has no null).

    With ``shared=True`` private fields and unknown keys are left out: the document may leave the
    workspace.
    """
    doc: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name == "extra" or f.metadata.get("internal") or (shared and f.metadata.get("private")):
            continue
        value = getattr(record, f.name)
        if value is None:
            continue
        doc[f.name] = _plain(value, shared)
    if not shared:
        for key, value in getattr(record, "extra", {}).items():
            doc.setdefault(key, value)
    return doc


@cache
def _nested(cls: Any) -> dict[str, tuple[str, Any]]:
    """Fields holding records of their own: name → ("one" or "list", their type)."""
    nested: dict[str, tuple[str, Any]] = {}
    for name, hint in _hints(cls).items():
        options = (
            [hint, *typing.get_args(hint)] if typing.get_origin(hint) in (typing.Union, types.UnionType) else [hint]
        )
        for option in options:
            if dataclasses.is_dataclass(option):
                nested[name] = ("one", option)
            elif typing.get_origin(option) is list and dataclasses.is_dataclass(typing.get_args(option)[0]):
                nested[name] = ("list", typing.get_args(option)[0])
    return nested


@cache
def _defaults(cls: Any) -> tuple[tuple[str, Any], ...]:
    """Each field's default: a value, or a factory (called for each record)."""
    out: list[tuple[str, Any]] = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            out.append((f.name, (lambda value=f.default: value) if callable(f.default) else f.default))
        elif f.default_factory is not dataclasses.MISSING:
            out.append((f.name, f.default_factory))
        else:
            out.append((f.name, None))  # required: every cached document has it
    return tuple(out)


@cache
def _dated(cls: Any) -> dict[str, tuple[str, Any]]:
    """Fields holding dates or date-times: name → ("one" or "list", date or datetime)."""
    dated: dict[str, tuple[str, Any]] = {}
    for name, hint in _hints(cls).items():
        is_union = typing.get_origin(hint) in (typing.Union, types.UnionType)
        for option in [hint, *typing.get_args(hint)] if is_union else [hint]:
            if option in (date, datetime):
                dated[name] = ("one", option)
            elif typing.get_origin(option) is list and typing.get_args(option)[0] in (date, datetime):
                dated[name] = ("list", typing.get_args(option)[0])
    return dated


def from_trusted_doc(cls: type[R], doc: dict[str, Any]) -> R:
    """Like :func:`from_doc` for a document already checked once (read back from the store's cache,
    where dates are ISO text): types are not checked again, which makes thousands of records cheap."""
    klass: Any = cls
    names = _field_names(klass)
    values = dict(doc)
    extra: dict[str, Any] = {}
    for key in values.keys() - names | (values.keys() & {"extra", "stored_as", "stored_digest"}):
        extra[key] = values.pop(key)
    for key, (how, sub) in _nested(klass).items():
        if key in values:
            value = values[key]
            values[key] = [from_trusted_doc(sub, v) for v in value] if how == "list" else from_trusted_doc(sub, value)
    for key, (how, kind) in _dated(klass).items():
        value = values.get(key)
        if value is not None:
            values[key] = [kind.fromisoformat(v) for v in value] if how == "list" else kind.fromisoformat(value)
    if "extra" in names:
        values["extra"] = extra
    # The documents were checked when first read, so __init__ is skipped: the defaults of fields a
    # document leaves out are filled in, then its values are set. This halves the cost of a record.
    record: R = object.__new__(klass)
    fields = record.__dict__
    for name, default in _defaults(klass):
        if name not in values:
            fields[name] = default() if callable(default) else default
    fields.update(values)
    return record


class _NotIndexed:
    """A field a record from the index does not have: reading it is an error, never a default."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, record: object, owner: type) -> Any:
        if record is None:
            return self
        raise AttributeError(f"{self.name!r} is not kept in the index: read the record whole (Workspace.all)")


@cache
def _partial_class(cls: Any, fields: frozenset[str]) -> Any:
    """A subclass of ``cls`` whose fields other than ``fields`` cannot be read."""
    hidden = {f.name: _NotIndexed() for f in dataclasses.fields(cls) if f.name not in fields}
    return type(f"Indexed{cls.__name__}", (cls,), {**hidden, "__module__": cls.__module__})


def partial_reader(cls: type[R], fields: Iterable[str]) -> Callable[[dict[str, Any]], R]:
    """What turns a document of only these flat ``fields`` (dates as ISO text, from the store's
    index) into a record. Reading any other field raises AttributeError, so code that needs one
    fails loudly instead of seeing a default. Made once per read of thousands of documents."""
    whole: Any = cls
    wanted = frozenset(fields)
    if wanted & (set(_nested(whole)) | {name for name, (how, _) in _dated(whole).items() if how == "list"}):
        raise TypeError(f"{whole.__name__}: only flat fields can be indexed, not nested records or lists of dates")
    klass = _partial_class(whole, wanted)
    dates = [(name, kind) for name, (_, kind) in _dated(whole).items() if name in wanted]

    def read(doc: dict[str, Any]) -> R:
        record: R = object.__new__(klass)
        values = record.__dict__
        values.update(doc)
        for name, kind in dates:
            value = values.get(name)
            if value is not None:
                values[name] = kind.fromisoformat(value)
        return record

    return read


@dataclasses.dataclass(kw_only=True)
class Record:
    """A record stored in a file of its own: one backlog item, one decision, one escalation, ..."""

    KIND: ClassVar[str] = "record"
    PREFIX: ClassVar[str] = "X"
    FOLDER: ClassVar[str] = "records"
    #: Fields the store keeps in its derived index (besides the id): enough for reports to count
    #: records and choose which to read whole, without reading thousands of files.
    INDEXED: ClassVar[tuple[str, ...]] = ()

    id: str = ""
    #: Keys this version does not know, kept so that a rewrite never drops them.
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)
    #: The file it was read from and a digest of its bytes then: a save checks nobody changed it since.
    stored_as: Path | None = dataclasses.field(default=None, repr=False, compare=False, metadata=INTERNAL)
    stored_digest: str = dataclasses.field(default="", repr=False, compare=False, metadata=INTERNAL)
