"""Records rebuilt from documents checked once already: from the store's cache of whole documents
(:func:`from_trusted_doc`) and from its index of a few fields (:func:`partial_reader`).

Types are not checked again, which makes thousands of records cheap; dates travel as ISO text.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

from ritual_tui.domain.fields import _field_names, _hints, _nested

R = TypeVar("R")


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
