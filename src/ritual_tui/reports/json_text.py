"""JSON text for exports and reports: stable key order, dates as ISO strings, non-ASCII kept."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def as_json(document: Any) -> str:
    """A document as indented JSON (control characters escaped by JSON itself)."""
    return json.dumps(document, ensure_ascii=False, indent=2, default=_jsonable)
