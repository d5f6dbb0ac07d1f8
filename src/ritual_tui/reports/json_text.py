"""JSON text for exports and reports: stable key order, dates as ISO strings, non-ASCII kept.

Strict JSON: nan and inf are refused rather than written as ``NaN`` (which is not JSON). Characters
that would act on a terminal showing the text (DEL, C1 controls such as the 8-bit CSI, bidi
overrides) are written as ``\\uXXXX`` escapes, which every JSON reader turns back into the same text:
JSON itself escapes only the C0 controls.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

# Only ever inside strings: everything JSON's own syntax uses is ASCII.
_ACTIVE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def as_json(document: Any) -> str:
    """A document as indented JSON (control characters escaped, see the module's docstring)."""
    text = json.dumps(document, ensure_ascii=False, indent=2, default=_jsonable, allow_nan=False)
    return _ACTIVE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
