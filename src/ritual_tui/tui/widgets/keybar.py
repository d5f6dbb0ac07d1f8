"""The footer: the keys of the screen in view, the most useful first, as many as the width allows.

Textual's footer lists keys in the order they were bound and cuts the rest at the edge, so at 80
columns the daily lost "end" and help. Here each screen names its keys in order of importance
(``FOOTER``, binding ids); help comes first everywhere, and what does not fit is one ``?`` away.
A key that does not apply here is left out; one that applies but not to the record under the cursor
is dimmed; a click runs a key.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

#: Shown on every screen before the screen's own keys.
ALWAYS = ("app.help", "app.presenter")
#: After the screen's own keys, when there is room.
LAST = ("app.palette", "app.quit")


@dataclass(frozen=True)
class Entry:
    """One key as the footer shows it."""

    key: str
    description: str
    action: str
    enabled: bool = True
    #: Where it starts and ends on the line (for clicks).
    start: int = 0
    end: int = 0


class KeyBar(Widget):
    """One line of keys, fitted to the width."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__(id="keybar")
        self.entries: list[Entry] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _: self.refresh())

    def _available(self) -> list[Entry]:
        order = [*ALWAYS, *getattr(self.screen, "FOOTER", ()), *LAST]
        by_id: dict[str, tuple[Binding, bool]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.id and binding.id not in by_id:
                by_id[binding.id] = (binding, active.enabled)
        entries = []
        for binding_id in order:
            if binding_id in by_id:
                binding, enabled = by_id[binding_id]
                entries.append(Entry(self.app.get_key_display(binding), binding.description, binding.action, enabled))
        return entries

    def render(self) -> RenderResult:
        width, x = self.size.width, 0
        self.entries = []
        parts: list[Content | tuple[str, str]] = []
        for entry in self._available():
            text = f" {entry.key} {entry.description} "
            if x + len(text) > width:
                continue  # a longer one did not fit; a shorter one later may
            self.entries.append(Entry(entry.key, entry.description, entry.action, entry.enabled, x, x + len(text)))
            key_style, text_style = ("bold $accent", "") if entry.enabled else ("dim", "dim")
            parts += [(f" {entry.key}", key_style), (f" {entry.description} ", text_style)]
            x += len(text)
        return Content.assemble(*parts)

    async def on_click(self, event: events.Click) -> None:
        for entry in self.entries:
            if entry.enabled and entry.start <= event.x < entry.end:
                await self.screen.run_action(entry.action)
                return
