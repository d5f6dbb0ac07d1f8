"""The ritual-tui app: home with the PM views, a mode per ritual in progress, presenter mode.

Home is the ``home`` mode; each ritual opened runs in a mode of its own (Textual's ``MODES``), so
that going home and coming back finds it as it was: its clock still running, its speaker, its
cursor. A ritual's mode is removed when the ritual ends.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from importlib import import_module
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from ritual_tui.rituals import ritual_named
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.commands import RitualCommands
from ritual_tui.tui.text import literal, plain
from ritual_tui.tui.theme import PRESENTER_THEME
from ritual_tui.tui.widgets.chrome import PRESENTER_BADGE, ProblemBar

__all__ = ["PRESENTER_BADGE", "RitualApp", "run_app"]


def _home() -> Screen[Any]:
    from ritual_tui.tui.screens.home import HomeScreen

    return HomeScreen()


def ritual_screen(name: str, new: bool = False) -> Screen[Any]:
    """A new screen for a declared ritual (its module imported on first use)."""
    module, cls = ritual_named(name).screen.split(":")
    screen: Screen[Any] = getattr(import_module(module), cls)(new=new)
    return screen


class RitualApp(App[int]):
    """The Product Owner's companion, opened on the home screen or directly on a ritual."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {RitualCommands}
    # Home is the default mode's first screen (get_default_screen), named "home" once mounted: a
    # screen from MODES makes Textual parse the whole stylesheet a second time before the first paint.
    DEFAULT_MODE = "home"
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
        Binding("ctrl+p", "command_palette", "Palette", id="app.palette", tooltip="Search every action", show=False),
    ]

    #: Presenter mode: private notes hidden, high contrast. Lasts for the session.
    presenter: reactive[bool] = reactive(False, init=False)

    def __init__(self, workspace: Workspace, start: str = "home", presenter: bool = False) -> None:
        super().__init__()
        self.workspace = workspace
        # The app shows what it can read: a damaged file is left out of every view and named in a
        # bar on every screen (widgets.chrome.ProblemBar), never a blank screen.
        workspace.skip_damaged = True
        self.start = start
        #: True while the app opens on a ritual (``ritual daily``): home is not read meanwhile, so
        #: the ritual's own reads have the machine to themselves.
        self.opening_a_ritual = start != "home"
        self.product = ""
        #: Set when the home screen has drawn its first frame (see action_quit).
        self.first_frame = asyncio.Event()
        self._notices_shown = 0
        #: Rituals in progress, each in a mode of its own, and one being opened (a second press of
        #: its key while today's sessions are read does nothing).
        self.rituals_open: list[str] = []
        self._opening: str | None = None
        self.register_theme(PRESENTER_THEME)
        from ritual_tui.store.preferences import load_preferences

        #: The theme presenter mode returns to: the user's, else Textual's default (or TEXTUAL_THEME's).
        self.everyday_theme = self.theme
        chosen = load_preferences().get("theme")
        if isinstance(chosen, str) and chosen in self.available_themes and chosen != PRESENTER_THEME.name:
            self.everyday_theme = self.theme = chosen  # the theme the user chose last time, in the palette
        if presenter:
            self.set_reactive(RitualApp.presenter, True)
            self.theme = PRESENTER_THEME.name
        self._show_title()

    def get_default_screen(self) -> Screen[Any]:
        return _home()

    def on_mount(self) -> None:
        self.add_mode("home", _home)  # its screen is made already: this lets switch_mode go back to it
        if self.start != "home":
            self.open_ritual(self.start)

    def set_product(self, product: str) -> None:
        """Show the product's name in the header (user text, made safe)."""
        self.product = plain(product)
        self._show_title()

    def _show_title(self) -> None:
        # Presenter mode has a bar of its own (widgets.chrome): the title keeps its room at 80 columns.
        self.title = f"ritual · {self.product}" if self.product else "ritual"

    async def action_quit(self) -> None:
        # Quitting before the home screen has drawn its first frame would tear its header down while
        # it is still being mounted (Textual then fails on it): wait for that frame, milliseconds.
        await self.first_frame.wait()
        self.exit()

    # -- views and rituals -----------------------------------------------------------------------

    def action_open(self, view: str) -> None:
        """Open a view (escalations, decisions, backlog, summary, brief) over the current screen."""
        from ritual_tui.tui.screens import open_view

        self.push_screen(open_view(view))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Opening the ritual already on screen does nothing; its key is hidden there.
        return not (action == "open_ritual" and parameters and parameters[0] == self.current_mode)

    def action_open_ritual(self, name: str) -> None:
        self.open_ritual(name)

    def open_ritual(self, name: str) -> None:
        """Go to a ritual: back to it when it is in progress, else open today's session of it (asking
        first when today's has already ended)."""
        if name in self.rituals_open:
            self.switch_mode(name)
            return
        if self._opening is not None:
            return
        self._opening = name
        from ritual_tui.services.sessions import ended_today

        def asked(ended: Any) -> None:
            self._opening = None
            if ended is not None:
                self.opening_a_ritual = False  # the PO may stay on home: read when the question closes
            if ended is None:
                self._start_ritual(name, new=False)
                return
            from ritual_tui.tui.modals.prompt import Confirm
            from ritual_tui.tui.widgets.speaker import clock_face

            title = ritual_named(name).title
            when = f"{ended.ended:%H:%M}" if ended.ended else "earlier"
            question = literal(f"Today's {title.lower()} ended at {when}. Start another one?")
            detail = f"It lasted {clock_face(ended.duration_seconds() or 0)}. Escape keeps the one that ended."
            self.push_screen(Confirm(question, detail), lambda yes: self._start_ritual(name, new=True) if yes else None)

        self.in_thread(lambda: ended_today(self.workspace, name), asked)

    def _start_ritual(self, name: str, new: bool) -> None:
        self.opening_a_ritual = False
        if name not in self.rituals_open:
            self.rituals_open.append(name)
            self.add_mode(name, lambda: ritual_screen(name, new))
        self.switch_mode(name)

    def go_home(self) -> None:
        """Back to the home screen; a ritual in progress stays as it is, in its own mode."""
        self.switch_mode("home")

    def ritual_ended(self, name: str) -> None:
        """A ritual ended: home again, and its mode gone (opening it again starts a new session).
        A review held from the planning returns to the planning, which waits for its close."""
        back_to_planning = name == "review" and "planning" in self.rituals_open
        self.switch_mode("planning" if back_to_planning else "home")
        if name in self.rituals_open:
            self.rituals_open.remove(name)
            self.remove_mode(name)

    # -- presenter mode --------------------------------------------------------------------------

    def action_toggle_presenter(self) -> None:
        self.presenter = not self.presenter

    def watch_theme(self, theme: str) -> None:
        # A theme chosen in the palette (outside presenter mode) is the one presenter mode returns
        # to, and is remembered for next time.
        if self.presenter or theme in (PRESENTER_THEME.name, self.everyday_theme):
            return
        self.everyday_theme = theme
        from ritual_tui.store.preferences import save_preference

        self.in_thread(lambda: save_preference("theme", theme), lambda _: None)

    def watch_presenter(self, presenter: bool) -> None:
        self.theme = PRESENTER_THEME.name if presenter else self.everyday_theme
        self._show_title()
        from ritual_tui.tui.modals.capture import CaptureScreen
        from ritual_tui.tui.screens.base import RitualScreen

        kept = [screen for mode in self.rituals_open for screen in self.get_screen_stack(mode)]
        for screen in dict.fromkeys([*self.get_screen_stack("home"), *kept]):
            screen.set_class(presenter, "-presenter")
            if isinstance(screen, RitualScreen):
                screen.sync_presenter()
                screen.presenter_changed()
            elif isinstance(screen, CaptureScreen):
                screen.mask(presenter)
        self.notify(
            "Presenter mode on: private notes are hidden." if presenter else "Presenter mode off.",
            markup=False,
            timeout=3,
        )

    def action_help(self) -> None:
        from ritual_tui.tui.modals.help import HelpScreen

        over = self.screen

        def chosen(action: object) -> None:
            if isinstance(action, str):
                self.call_later(over.run_action, action)

        self.push_screen(HelpScreen(over), chosen)

    # -- background work and what it has to say -------------------------------------------------

    def in_thread(self, job: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """Run file work of the app itself on a thread; ``then`` gets the result on the UI thread."""

        def work() -> None:
            try:
                result = job()
            except Exception as error:
                self.call_from_thread(self._thread_failed, error)
                return
            self.call_from_thread(then, result)

        self.run_worker(work, thread=True, exit_on_error=False, group="app")

    def _thread_failed(self, error: Exception) -> None:
        self._opening = None
        self.show_error(error)

    def show_error(self, error: Exception) -> None:
        """The one place where failed file work reaches the user: nothing fails silently."""
        self.notify(plain(str(error)), title="Could not complete", severity="error", markup=False, timeout=12)

    def show_notices(self) -> None:
        """Tell the user what the store noticed since last time (an upgraded file, a newer one), and
        name the files that could not be read on the screen in view."""
        notices = self.workspace.notices
        for notice in notices[self._notices_shown :]:
            self.notify(plain(notice), title="Note", severity="warning", markup=False, timeout=10)
        self._notices_shown = len(notices)
        for bar in self.screen.query(ProblemBar):
            bar.show(list(self.workspace.left_out), self.workspace.root)


def starts_in_presenter_mode(workspace: Workspace, asked: bool) -> bool:
    """Presenter mode from the start: asked for (``--presenter``), or the workspace's setting."""
    from ritual_tui.domain.errors import RitualError

    with contextlib.suppress(RitualError):  # a damaged workspace.toml is reported on screen, not here
        return asked or workspace.settings.presenter_mode
    return asked


def run_app(workspace: Workspace, start: str = "home", presenter: bool = False) -> int:
    """Run the TUI; the exit code is non-zero when the app crashed."""
    app = RitualApp(workspace, start, starts_in_presenter_mode(workspace, presenter))
    app.run()
    return app.return_code if app.return_code is not None else 1
