"""The summary and the PM brief inside the app: the Markdown with its charts, copied or written on a key."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from ritual_tui.domain import clock
from ritual_tui.reports.brief import pm_brief
from ritual_tui.reports.files import FORMATS, last_brief_day, render, write_report
from ritual_tui.reports.layout import brief_blocks, summary_blocks
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store import layout
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import plain


class ReportScreen(RitualScreen):
    """Shows a report as the PM will read it."""

    KIND = "summary"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy", "Copy Markdown", id="report.copy", tooltip="Copy the Markdown to the clipboard"),
        Binding("w", "write", "Write files", id="report.write", tooltip="Write the Markdown, JSON and HTML files"),
        Binding("escape", "app.pop_screen", "Home", id="report.home", tooltip="Back to home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.doc: dict[str, Any] | None = None
        self.markdown = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="report-scroll"):
            yield Markdown("Reading the workspace…", id="report")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Sprint summary" if self.KIND == "summary" else "PM brief"
        self.reload()

    def build(self) -> dict[str, Any]:
        """The report's document (runs on a worker thread)."""
        raise NotImplementedError

    def stem_and_folder(self) -> tuple[str, Path]:
        raise NotImplementedError

    def blocks(self, doc: dict[str, Any]) -> Any:
        return summary_blocks(doc) if self.KIND == "summary" else brief_blocks(doc)

    def reload(self) -> None:
        """Build the report again from the workspace."""
        self.in_background(self.build, self.show)

    def show(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.markdown = render(doc, self.blocks, "md", "")
        self.query_one("#report", Markdown).update(self.markdown)

    def action_copy(self) -> None:
        if self.markdown:
            self.app.copy_to_clipboard(self.markdown)
            self.notify("Markdown copied to the clipboard.", markup=False, timeout=3)

    def action_write(self) -> None:
        doc = self.doc
        if doc is None:
            return
        stem, folder = self.stem_and_folder()
        title = str(doc["product"])

        def written(paths: list[Path]) -> None:
            names = ", ".join(plain(p.name) for p in paths)
            self.notify(f"Wrote {names} in {plain(folder)}", markup=False, timeout=6)

        self.in_background(lambda: write_report(doc, self.blocks, FORMATS, folder, stem, title), written)


class SummaryScreen(ReportScreen):
    """The end-of-sprint summary of the current (or last) sprint."""

    AREA = "summary"
    KIND = "summary"

    def build(self) -> dict[str, Any]:
        return sprint_summary(self.ws, None, clock.today())

    def stem_and_folder(self) -> tuple[str, Path]:
        assert self.doc is not None
        return f"sprint-{self.doc['sprint']['number']}-summary", self.ws.root / layout.SUMMARIES_FOLDER


class BriefScreen(ReportScreen):
    """What the PM must act on now."""

    AREA = "brief"
    KIND = "brief"

    def build(self) -> dict[str, Any]:
        today = clock.today()
        since = last_brief_day(self.ws.root / layout.BRIEFS_FOLDER)
        return pm_brief(self.ws, since if since != today else None, today)

    def stem_and_folder(self) -> tuple[str, Path]:
        return f"brief-{clock.today()}", self.ws.root / layout.BRIEFS_FOLDER
