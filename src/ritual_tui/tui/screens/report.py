"""The summary and the PM brief inside the app: the Markdown with its charts, copied or written on a key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from ritual_tui.domain import clock
from ritual_tui.reports.blocks import Block
from ritual_tui.reports.brief import brief_since_last
from ritual_tui.reports.files import FORMATS, render, write_report
from ritual_tui.reports.layout import brief_blocks, summary_blocks
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store import layout
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import plain
from ritual_tui.tui.widgets.chrome import bottom, top


@dataclass(frozen=True)
class Report:
    """What a report screen shows: its title, how its document is built, and where its files go."""

    title: str
    #: Builds the document from the workspace (runs on a worker thread).
    build: Callable[[Workspace], dict[str, Any]]
    blocks: Callable[[dict[str, Any]], Sequence[Block]]
    #: The file name (without extension) and folder for a document.
    destination: Callable[[Workspace, dict[str, Any]], tuple[str, Path]]


SUMMARY = Report(
    "Sprint summary",
    lambda ws: sprint_summary(ws, None, clock.today()),
    summary_blocks,
    lambda ws, doc: (f"sprint-{doc['sprint']['number']}-summary", ws.root / layout.SUMMARIES_FOLDER),
)
BRIEF = Report(
    "PM brief",
    lambda ws: brief_since_last(ws, ws.root / layout.BRIEFS_FOLDER, clock.today()),
    brief_blocks,
    lambda ws, doc: (f"brief-{doc['generated_on']}", ws.root / layout.BRIEFS_FOLDER),
)


class ReportScreen(RitualScreen):
    """Shows a report as the PM will read it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy", "Copy Markdown", id="report.copy", tooltip="Copy the Markdown to the clipboard"),
        Binding("w", "write", "Write files", id="report.write", tooltip="Write the Markdown, JSON and HTML files"),
        Binding("escape", "app.pop_screen", "Home", id="report.home", tooltip="Back to home"),
    ]
    FOOTER = ("report.copy", "report.write", "report.home")

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report
        self.doc: dict[str, Any] | None = None
        self.markdown = ""

    def compose(self) -> ComposeResult:
        yield from top()
        with VerticalScroll(id="report-scroll"):
            yield Markdown("Reading the workspace…", id="report")
        yield from bottom()

    def on_mount(self) -> None:
        self.sub_title = self.report.title
        self.load(lambda: self.report.build(self.ws), self.show)

    def show(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.markdown = render(doc, self.report.blocks, "md", "")
        self.query_one("#report", Markdown).update(self.markdown)

    def action_copy(self) -> None:
        if self.markdown:
            self.app.copy_to_clipboard(self.markdown)
            self.notify("Markdown copied to the clipboard.", markup=False, timeout=3)

    def action_write(self) -> None:
        doc = self.doc
        if doc is None:
            return
        stem, folder = self.report.destination(self.ws, doc)
        title = str(doc["product"])

        def written(paths: list[Path]) -> None:
            names = ", ".join(plain(p.name) for p in paths)
            self.notify(f"Wrote {names} in {plain(folder)}", markup=False, timeout=6)

        self.write(lambda: write_report(doc, self.report.blocks, FORMATS, folder, stem, title), written)


class SummaryScreen(ReportScreen):
    """The end-of-sprint summary of the current (or last) sprint."""

    AREA = "summary"

    def __init__(self) -> None:
        super().__init__(SUMMARY)


class BriefScreen(ReportScreen):
    """What the PM must act on now."""

    AREA = "brief"

    def __init__(self) -> None:
        super().__init__(BRIEF)
