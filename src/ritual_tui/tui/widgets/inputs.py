"""Text fields that never let a value act on the terminal.

Whatever reaches an editable field — typed, pasted, pre-filled from a record, put back after a failed
save — has its control characters made visible first (ESC shows as ␛), exactly as user text is shown
everywhere else: an OSC sequence in a blocker's title cannot retitle the window or fill the clipboard.
"""

from __future__ import annotations

from textual.widgets import Input

from ritual_tui.tui.text import plain


class SafeInput(Input):
    """An ``Input`` whose value is always safe to draw."""

    def validate_value(self, value: str) -> str:
        return plain(value)

    def insert(self, text: str, index: int) -> None:
        super().insert(plain(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(plain(text), start, end)
