"""Text fields of the refinement's forms: a multi-line field that never lets a value act on the
terminal (like ``SafeInput``: every edit, typed, pasted or loaded from a record, has its control
characters made visible first; line breaks stay line breaks), and a line that empties on Enter."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit

from ritual_tui.tui.text import plain
from ritual_tui.tui.widgets.inputs import SafeInput


class SafeTextArea(TextArea):
    """A ``TextArea`` whose text is always safe to draw."""

    def __init__(self, text: str = "", **options: Any) -> None:
        super().__init__(plain(text, keep_newlines=True), **options)

    def edit(self, edit: Edit) -> Any:
        edit.text = plain(edit.text, keep_newlines=True)
        return super().edit(edit)

    def load_text(self, text: str) -> None:
        super().load_text(plain(text, keep_newlines=True))


class EntryLine(SafeInput, inherit_bindings=False):
    """A line that empties itself the moment Enter reaches it (the value travels in the message), so
    keys typed before the form has handled one line start the next one: "5⏎8⏎" typed fast are two
    votes, never "58". Enter is handled with the keys, in their order, not as a binding: a binding's
    action may run after the keys that followed it were typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        b for b in Input.BINDINGS if not (isinstance(b, Binding) and b.key == "enter")
    ]

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            value = self.value
            self.value = ""
            self.post_message(self.Submitted(self, value, None))
            return
        await super()._on_key(event)


class MaskedCard(EntryLine):
    """A card typed for a voter before the reveal: one mask, whatever was typed. A bullet per
    character and a moving cursor would tell the room "100" from "5"."""

    MASK = "•••"
    DEFAULT_CSS = """
    MaskedCard > .input--cursor {
        background: transparent;
        color: $foreground;
        text-style: none;
    }
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(password=True, **options)

    @property
    def _value(self) -> Text:
        # Textual's Input draws its value from this property (a bullet per character when masked).
        return Text(self.MASK if self.value else "", no_wrap=True, overflow="ignore", end="")
