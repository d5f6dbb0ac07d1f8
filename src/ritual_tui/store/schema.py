"""Schema versions and the migration chain that upgrades old files, one version at a time.

Every file carries ``schema = N``. Reading a file of version N < :data:`CURRENT` runs the steps
N → N+1 → … → CURRENT on its document; the store keeps a backup of the original before rewriting it.
A file of a newer version is read but never rewritten.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

from ritual_tui.domain.fields import _hints

#: The version this ritual-tui writes.
CURRENT = 1

Migration = Callable[[dict[str, Any], type], dict[str, Any]]


def _v0_to_v1(doc: dict[str, Any], record_type: type) -> dict[str, Any]:
    """Version 0 → 1.

    Changes: files written by hand, or before files were versioned, carry no ``schema`` key. The key
    is added, and a list field written as one piece of text (``tags = "ux"``) becomes a one-item list.
    """
    hints = _hints(record_type)
    upgraded = dict(doc)
    for key, value in doc.items():
        if typing.get_origin(hints.get(key)) is list and isinstance(value, str):
            upgraded[key] = [value]
    upgraded["schema"] = 1
    return upgraded


#: Step from version N to N+1, keyed by N.
MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1}


def version_of(doc: dict[str, Any]) -> int | None:
    """The document's schema version: 0 when absent, None when it is not a whole number."""
    value = doc.get("schema", 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def migrate(doc: dict[str, Any], record_type: type) -> dict[str, Any]:
    """Upgrade a document to :data:`CURRENT`, step by step."""
    version = version_of(doc) or 0
    while version < CURRENT:
        doc = MIGRATIONS[version](doc, record_type)
        version += 1
    return doc
