"""The views opened over home (escalations, decisions, backlog, reports); each is imported when
first opened. Rituals are declared in ``ritual_tui.rituals`` and run in modes of their own."""

from __future__ import annotations

from importlib import import_module

from textual.screen import Screen

#: View name → (module, class).
VIEWS = {
    "escalations": ("ritual_tui.tui.screens.escalations", "EscalationsScreen"),
    "decisions": ("ritual_tui.tui.screens.decisions", "DecisionsScreen"),
    "backlog": ("ritual_tui.tui.screens.backlog", "BacklogScreen"),
    "blockers": ("ritual_tui.tui.screens.captured", "BlockersScreen"),
    "topics": ("ritual_tui.tui.screens.captured", "TopicsScreen"),
    "notes": ("ritual_tui.tui.screens.captured", "NotesScreen"),
    "summary": ("ritual_tui.tui.screens.report", "SummaryScreen"),
    "brief": ("ritual_tui.tui.screens.report", "BriefScreen"),
}


def open_view(name: str) -> Screen[None]:
    """A new screen for the named view."""
    module, cls = VIEWS[name]
    screen: Screen[None] = getattr(import_module(module), cls)()
    return screen
