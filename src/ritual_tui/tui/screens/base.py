"""What every screen shares: the workspace, presenter mode, and work off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen
from textual.worker import Worker

from ritual_tui.domain import clock
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.text import plain

if TYPE_CHECKING:
    from ritual_tui.tui.app import RitualApp

T = TypeVar("T")


class RitualScreen(Screen[None]):
    """A screen of the app. ``AREA`` names its commands in the palette ("daily: next speaker")."""

    AREA = "app"

    def __init__(self) -> None:
        super().__init__()
        #: Background jobs started and not yet finished, and whether one has finished: a screen whose
        #: first load is done and has nothing pending is "settled" (tests and screenshots wait for it).
        self.pending_jobs = 0
        self.loaded_once = False

    @property
    def settled(self) -> bool:
        """True once the screen has shown its first data and no file work is under way."""
        return self.loaded_once and self.pending_jobs == 0

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

    def on_screen_resume(self) -> None:
        self.set_class(self.presenter, "-presenter")

    def presenter_changed(self) -> None:
        """Presenter mode was switched: redraw whatever shows private text (CSS hides the rest)."""

    def today(self) -> date:
        """Today, from the one clock tests can freeze."""
        return clock.today()

    def in_background(
        self,
        job: Callable[[], T],
        then: Callable[[T], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
    ) -> Worker[None]:
        """Run ``job`` (file I/O) on a thread; ``then`` gets its result on the UI thread.

        A failure is shown to the user; ``failed`` can keep what they typed (e.g. reopen a form).
        """

        def work() -> None:
            try:
                result = job()
            except Exception as error:  # shown, never swallowed
                self.app.call_from_thread(self._job_failed, error, failed)
                return
            if then is not None:
                self.app.call_from_thread(then, result)
            self.app.call_from_thread(self._job_done)

        self.pending_jobs += 1
        return self.run_worker(work, thread=True, exit_on_error=False, group="io")

    def _job_done(self) -> None:
        self.pending_jobs -= 1
        self.loaded_once = True

    def _job_failed(self, error: Exception, failed: Callable[[Exception], None] | None) -> None:
        self._job_done()
        self.notify(plain(str(error)), title="Not saved", severity="error", markup=False, timeout=12)
        if failed is not None:
            failed(error)
