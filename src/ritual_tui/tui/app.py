"""The ritual-tui app: home, the daily stand-up, the PM views, presenter mode."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.commands import RitualCommands
from ritual_tui.tui.text import plain
from ritual_tui.tui.theme import PRESENTER_THEME

#: Shown in the header while presenter mode is on, so the PO knows the screen is safe to share.
PRESENTER_BADGE = "PRESENTER · private notes hidden"


class RitualApp(App[int]):
    """The Product Owner's companion, opened on the home screen or directly on a ritual."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {RitualCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Quit ritual-tui", priority=True),
        Binding(
            "f5",
            "toggle_presenter",
            "Presenter",
            id="app.presenter",
            tooltip="Presenter mode on or off (hides private notes)",
            priority=True,
        ),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Show every key of this screen"),
    ]

    #: Presenter mode: private notes hidden, high contrast. Lasts for the session.
    presenter: reactive[bool] = reactive(False, init=False)

    def __init__(self, workspace: Workspace, start: str = "home") -> None:
        super().__init__()
        self.workspace = workspace
        self.start = start
        self.product = ""
        #: Set when the home screen has drawn its first frame (see action_quit).
        self.first_frame = asyncio.Event()
        self._show_title()
        self.register_theme(PRESENTER_THEME)
        #: The theme presenter mode returns to: Textual's default, or the one TEXTUAL_THEME names.
        self.everyday_theme = self.theme

    def get_default_screen(self) -> Screen[None]:
        # Home is the first screen itself, rather than pushed over an empty one: one screen to lay
        # out and style before the first paint instead of two.
        from ritual_tui.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.start == "daily":
            self.action_open("daily")

    def set_product(self, product: str) -> None:
        """Show the product's name in the header (user text, made safe)."""
        self.product = plain(product)
        self._show_title()

    def _show_title(self) -> None:
        # Screens set their own sub-title, so the presenter badge lives in the title, on every screen.
        title = f"ritual · {self.product}" if self.product else "ritual"
        self.title = f"{title} · {PRESENTER_BADGE}" if self.presenter else title

    async def action_quit(self) -> None:
        # Quitting before the home screen has drawn its first frame would tear its header down while
        # it is still being mounted (Textual then fails on it): wait for that frame, milliseconds.
        await self.first_frame.wait()
        self.exit()

    def action_open(self, view: str) -> None:
        """Open a ritual or a view over the home screen."""
        from ritual_tui.tui.screens import open_view

        self.push_screen(open_view(view))

    def action_toggle_presenter(self) -> None:
        self.presenter = not self.presenter

    def watch_presenter(self, presenter: bool) -> None:
        self.theme = PRESENTER_THEME.name if presenter else self.everyday_theme
        self._show_title()
        from ritual_tui.tui.screens.base import RitualScreen

        for screen in self.screen_stack:
            screen.set_class(presenter, "-presenter")
            if isinstance(screen, RitualScreen):
                screen.presenter_changed()
        self.notify(
            "Presenter mode on: private notes are hidden." if presenter else "Presenter mode off.",
            markup=False,
            timeout=3,
        )

    def action_help(self) -> None:
        from ritual_tui.tui.modals.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place for failures of background work: the user sees them; nothing is lost silently."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(
                plain(str(event.worker.error)), title="Could not complete", severity="error", markup=False, timeout=10
            )


def run_app(workspace: Workspace, start: str = "home") -> int:
    """Run the TUI; the exit code is non-zero when the app crashed."""
    app = RitualApp(workspace, start)
    app.run()
    return app.return_code if app.return_code is not None else 1
