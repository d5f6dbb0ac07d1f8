"""A multi-line text field that never lets a value act on the terminal (like ``SafeInput``): every
edit, typed, pasted or loaded from a record, has its control characters made visible first; line
breaks stay line breaks."""

from __future__ import annotations

from typing import Any

from textual.widgets import TextArea
from textual.widgets.text_area import Edit

from ritual_tui.tui.text import plain


class SafeTextArea(TextArea):
    """A ``TextArea`` whose text is always safe to draw."""

    def __init__(self, text: str = "", **options: Any) -> None:
        super().__init__(plain(text, keep_newlines=True), **options)

    def edit(self, edit: Edit) -> Any:
        edit.text = plain(edit.text, keep_newlines=True)
        return super().edit(edit)

    def load_text(self, text: str) -> None:
        super().load_text(plain(text, keep_newlines=True))
