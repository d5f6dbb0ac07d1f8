"""The user's own preferences, kept across workspaces: today, the app's theme.

A missing or unreadable file means no preference (it is never worth an error); a write that fails
leaves the old file as it was.
"""

from __future__ import annotations

import tomllib
from typing import Any

import tomli_w

from ritual_tui.domain.errors import RitualError
from ritual_tui.paths import preferences_file
from ritual_tui.store.files import write_atomic
from ritual_tui.store.reading import read_bytes


def load_preferences() -> dict[str, Any]:
    """The preferences saved, or none."""
    try:
        doc = tomllib.loads(read_bytes(preferences_file()).decode("utf-8"))
    except (OSError, ValueError, RitualError):  # missing or damaged: no preference, never an error
        return {}
    return doc if isinstance(doc, dict) else {}


def save_preference(key: str, value: str) -> None:
    """Keep one preference (the others are kept as they were)."""
    doc = load_preferences() | {key: value}
    write_atomic(preferences_file(), tomli_w.dumps(doc).encode("utf-8"))
