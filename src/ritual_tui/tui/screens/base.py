"""What every screen shares: the workspace, presenter mode, and file work off the UI thread.

Reads and writes run on threads and post their results back. A read replaces any read still under
way (the last one asked for is the one shown, however the threads finish); writes run one after the
other in the order the keys were pressed, so a second key acts on what the first one left.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import Screen

from ritual_tui.domain import clock
from ritual_tui.store.workspace import Workspace

if TYPE_CHECKING:
    from ritual_tui.tui.app import RitualApp

T = TypeVar("T")

#: A job for a worker thread, what to do with its result, and what to do if it fails.
Job = tuple[Callable[[], Any], Callable[[Any], None] | None, Callable[[Exception], None] | None]


class RitualScreen(Screen[None]):
    """A screen of the app. ``AREA`` names its commands in the palette ("daily: next speaker")."""

    AREA = "app"

    def __init__(self) -> None:
        super().__init__()
        #: Reads asked for: only the newest one's result is shown.
        self._reads = 0
        self._reading = 0
        self._writes: deque[Job] = deque()
        self._writing = False
        self.loaded_once = False
        self._presenter_shown: bool | None = None

    @property
    def settled(self) -> bool:
        """True once the screen has shown its first data and no file work is under way (tests and
        screenshots wait for it)."""
        return self.loaded_once and self._reading == 0 and not self._writing and not self._writes

    @property
    def ritual_app(self) -> RitualApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def ws(self) -> Workspace:
        """The workspace the app was opened on."""
        return self.ritual_app.workspace

    @property
    def presenter(self) -> bool:
        """True while presenter mode hides private notes."""
        return self.ritual_app.presenter

    # Textual calls the handler of every class in the MRO, the subclass's first: a subclass's
    # handler never calls super(), or the work would be done twice.
    def on_screen_resume(self) -> None:
        # A screen kept in another mode may have missed a switch of presenter mode.
        if self._presenter_shown is not None and self._presenter_shown != self.presenter:
            self.presenter_changed()
        self.sync_presenter()
        self.ritual_app.show_notices()  # the bar of files that could not be read, current on every screen

    def sync_presenter(self) -> None:
        """Match presenter mode: the class that hides private widgets, and what was drawn privately."""
        self.set_class(self.presenter, "-presenter")
        self._presenter_shown = self.presenter

    def presenter_changed(self) -> None:
        """Presenter mode was switched: redraw whatever shows private text (CSS hides the rest)."""

    def today(self) -> date:
        """Today, from the one clock tests can freeze."""
        return clock.today()

    # -- work off the UI thread --------------------------------------------------------------------

    def load(
        self, job: Callable[[], T], then: Callable[[T], None], failed: Callable[[Exception], None] | None = None
    ) -> None:
        """Read on a thread and show the result, unless a newer read was asked for meanwhile;
        ``failed`` shows what could not be read in place of the result."""
        self._reads += 1
        ticket = self._reads

        def shown(result: T) -> None:
            if ticket == self._reads:
                self.loaded_once = True
                then(result)

        def not_shown(error: Exception) -> None:
            if ticket == self._reads and failed is not None:
                failed(error)

        self._reading += 1
        self._run(job, shown, not_shown, self._read_done)

    def _read_done(self) -> None:
        self._reading -= 1

    def write(
        self,
        job: Callable[[], T],
        then: Callable[[T], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Change files on a thread, after every write asked for earlier has finished."""
        self._writes.append((job, then, failed))
        if not self._writing:
            self._next_write()

    def _next_write(self) -> None:
        if not self._writes:
            self._writing = False
            return
        self._writing = True
        job, then, failed = self._writes.popleft()
        self._run(job, then, failed, self._next_write)

    def _run(
        self,
        job: Callable[[], Any],
        then: Callable[[Any], None] | None,
        failed: Callable[[Exception], None] | None,
        finally_: Callable[[], None],
    ) -> None:
        def work() -> None:
            try:
                result = job()
            except Exception as error:  # shown, never swallowed
                self.app.call_from_thread(self._finish, finally_, partial(self._failed, error, failed))
                return
            self.app.call_from_thread(self._finish, finally_, (lambda: then(result)) if then else None)

        self.run_worker(work, thread=True, exit_on_error=False, group="files")

    def _finish(self, finally_: Callable[[], None], outcome: Callable[[], None] | None) -> None:
        try:
            if outcome is not None and self.is_attached:
                outcome()
        finally:
            finally_()
            self.ritual_app.show_notices()

    def _failed(self, error: Exception, failed: Callable[[Exception], None] | None) -> None:
        self.loaded_once = True
        self.ritual_app.show_error(error)
        if failed is not None:
            failed(error)
