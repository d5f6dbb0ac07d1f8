"""The summary and the PM brief inside the app: the Markdown with its charts, copied or written on a
key. Each report's document, title and file names come from ``reports.documents``, as on the
command line, so the app and ``ritual summary`` / ``ritual brief`` write the same files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from ritual_tui.reports.documents import ReportDocument, brief_report, summary_report
from ritual_tui.reports.files import FORMATS
from ritual_tui.reports.markdown import md
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import plain
from ritual_tui.tui.widgets.chrome import bottom, top


class ReportScreen(RitualScreen):
    """Shows a report as the PM will read it."""

    VIEW_TITLE: ClassVar[str] = ""
    #: Makes the report (on a thread).
    BUILD: ClassVar[Callable[..., ReportDocument]]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy", "Copy Markdown", id="report.copy", tooltip="Copy the Markdown to the clipboard"),
        Binding("w", "write", "Write files", id="report.write", tooltip="Write the Markdown, JSON and HTML files"),
        Binding("escape", "app.pop_screen", "Home", id="report.home", tooltip="Back to home"),
    ]
    FOOTER = ("report.copy", "report.write", "report.home")

    def __init__(self) -> None:
        super().__init__()
        self.report: ReportDocument | None = None
        self.markdown = ""

    def compose(self) -> ComposeResult:
        yield from top()
        with VerticalScroll(id="report-scroll"):
            yield Markdown("Reading the workspace…", id="report")
        yield from bottom()

    def on_mount(self) -> None:
        self.sub_title = self.VIEW_TITLE
        build = type(self).BUILD
        self.load(lambda: build(self.ws), self.show, self.not_built)

    def show(self, report: ReportDocument) -> None:
        self.report = report
        self.markdown = report.render("md")
        self.query_one("#report", Markdown).update(self.markdown)

    def not_built(self, error: Exception) -> None:
        """Nothing to report (no sprint yet) or a file that cannot be read: say so where the report goes."""
        self.markdown = ""
        self.query_one("#report", Markdown).update(f"**Nothing to show yet.**\n\n{md(str(error))}")

    def action_copy(self) -> None:
        if not self.markdown:
            self.notify("Nothing to copy yet: the report could not be made.", markup=False, severity="warning")
            return
        self.app.copy_to_clipboard(self.markdown)
        # The terminal receives it (OSC 52) but may ignore it, and nothing tells the app: say so.
        self.notify(
            "Sent the Markdown to the terminal's clipboard. If your terminal does not accept that, w writes the files.",
            markup=False,
            timeout=6,
        )

    def action_write(self) -> None:
        report = self.report
        if report is None:
            self.notify("Nothing to write yet: the report could not be made.", markup=False, severity="warning")
            return

        def written(paths: list[Path]) -> None:
            names = ", ".join(plain(p.name) for p in paths)
            self.notify(f"Wrote {names} in {plain(report.folder)}", markup=False, timeout=6)

        self.write(lambda: report.write(FORMATS), written)


class SummaryScreen(ReportScreen):
    """The end-of-sprint summary of the current (or last) sprint."""

    AREA = "summary"
    VIEW_TITLE = "Sprint summary"
    BUILD = staticmethod(summary_report)


class BriefScreen(ReportScreen):
    """What the PM must act on now."""

    AREA = "brief"
    VIEW_TITLE = "PM brief"
    BUILD = staticmethod(brief_report)
