"""Turning records into plain documents (for TOML and JSON) and back, with readable type errors.

Every record is a keyword-only dataclass. A field's type hint is its schema: the reader checks each
value against it and names the key that is wrong. Keys the reader does not know (written by a newer
version, or added by hand) are kept in ``extra`` and written back untouched.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from ritual_tui.domain.dates import implausible, plausible_years
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


def _convert(value: Any, hint: Any, key: str, years: range) -> Any:
    """Check ``value`` against ``hint`` and return it converted; raise ValidationError naming ``key``.

    Dates must fall in ``years`` (see :mod:`ritual_tui.domain.dates`)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        errors = []
        for option in options:
            try:
                return _convert(value, option, key, years)
            except ValidationError as error:
                errors.append(error)
        raise errors[0]
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        if not isinstance(value, list):
            raise ValidationError(f"'{key}' should be a list, found {_found(value)}")
        return [_convert(v, item_hint, f"{key}[{i + 1}]", years) for i, v in enumerate(value)]
    if origin is dict:
        _, value_hint = typing.get_args(hint)
        if not isinstance(value, dict):
            raise ValidationError(f"'{key}' should be a table, found {_found(value)}")
        return {str(k): _convert(v, value_hint, f"{key}.{k}", years) for k, v in value.items()}
    if hint is Any:
        return value
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise ValidationError(f"'{key}' should be a table, found {_found(value)}")
        return from_doc(typing.cast(type, hint), value, prefix=f"{key}.", years=years)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return value
    if hint is date and isinstance(value, datetime):
        raise ValidationError(f"'{key}' should be {_TYPE_WORDS[date]}, found a date-time")
    if hint is int and isinstance(value, bool):
        raise ValidationError(f"'{key}' should be {_TYPE_WORDS[int]}, found true/false")
    if isinstance(value, hint):
        if hint in (date, datetime) and value.year not in years:
            raise ValidationError(f"'{key}' is {value}, {implausible(value, years)}")
        return value
    raise ValidationError(f"'{key}' should be {_TYPE_WORDS.get(hint, hint)}, found {_found(value)}")


def from_doc(cls: type[R], doc: dict[str, Any], prefix: str = "", years: range | None = None) -> R:
    """Build a record of type ``cls`` from a document, keeping unknown keys in ``extra`` (at every
    level, and even when named like a field the file never holds: ``extra``, ``stored_as``)."""
    klass: Any = cls  # the caches key on the class itself
    hints = _hints(klass)
    names = _stored_names(klass)
    years = years or plausible_years()
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    vocabularies = _vocabularies(klass)
    for key, value in doc.items():
        if key in names:
            values[key] = _convert(value, hints[key], prefix + key, years)
            if key in vocabularies:
                _check_vocabulary(prefix + key, values[key], vocabularies[key])
        else:
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


@cache
def _stored_names(cls: Any) -> frozenset[str]:
    """The fields a file holds (not ``extra``, not what the store keeps in memory)."""
    return frozenset(f.name for f in dataclasses.fields(cls) if f.name != "extra" and not f.metadata.get("internal"))


def has_unknown_keys(record: Any) -> bool:
    """True when the record, or a table inside it, keeps keys this version does not know."""
    if getattr(record, "extra", None):
        return True
    klass: Any = type(record)
    for name in _nested(klass):
        value = getattr(record, name)
        if any(has_unknown_keys(part) for part in (value if isinstance(value, list) else [value]) if part is not None):
            return True
    return False


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


@dataclasses.dataclass(kw_only=True)
class Part:
    """A table inside a record (a commitment line, a step of an escalation's history, a team member):
    like a record, it keeps the keys this version does not know and writes them back."""

    #: Keys this version does not know, kept so that a rewrite never drops them.
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)


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
