"""Each report's document with its title and file name, made in one place for the command line and
the TUI alike: ``summary_report`` and ``brief_report`` return what to show or write."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ritual_tui.domain import clock
from ritual_tui.domain.dates import implausible
from ritual_tui.reports.blocks import Block
from ritual_tui.reports.brief import pm_brief
from ritual_tui.reports.files import render, write_report
from ritual_tui.reports.layout_brief import brief_blocks
from ritual_tui.reports.layout_summary import summary_blocks
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store import layout
from ritual_tui.store.workspace import Workspace

# brief-2026-11-26-0930.md, brief-2026-11-26-0930-client.html; brief-2026-11-26.md from before briefs
# were named to the minute.
_BRIEF_NAME = re.compile(r"^brief-(\d{4}-\d{2}-\d{2})(?:-(\d{2})(\d{2}))?(-client)?\.(md|json|html)$")


@dataclass(frozen=True)
class ReportDocument:
    """A report ready to show or write: its document, how it is drawn, its title and file stem."""

    doc: dict[str, Any]
    blocks: Callable[[dict[str, Any]], Sequence[Block]]
    title: str
    #: The file name without its extension.
    stem: str
    #: Where its files go by default.
    folder: Path

    def render(self, fmt: str) -> str:
        """The report in one format: md, json or html."""
        return render(self.doc, self.blocks, fmt, self.title)

    def write(self, formats: Sequence[str], folder: Path | None = None) -> list[Path]:
        """Write each format as ``<folder>/<stem>.<ext>`` (atomically); returns the paths written."""
        return write_report(self.doc, self.blocks, formats, folder or self.folder, self.stem, self.title)


def _suffix(audience: str) -> str:
    return "" if audience == "pm" else f"-{audience}"


def summary_report(
    ws: Workspace, ref: str | None = None, today: date | None = None, audience: str = "pm"
) -> ReportDocument:
    """The end-of-sprint summary of sprint ``ref`` (default: the active sprint, else the last)."""
    doc = sprint_summary(ws, ref, today or clock.today(), audience)
    stem = f"sprint-{doc['sprint']['number']}-summary{_suffix(audience)}"
    return ReportDocument(doc, summary_blocks, doc["title"], stem, ws.root / layout.SUMMARIES_FOLDER)


def last_brief_moment(folder: Path, audience: str, now: datetime) -> datetime | None:
    """When the newest brief for this audience in ``folder`` was written, up to ``now`` (a brief
    named only by its day counts from that day's start)."""
    moments = []
    try:
        names = [path.name for path in folder.iterdir()]
    except OSError:
        return None
    for name in names:
        match = _BRIEF_NAME.match(name)
        if match is None or (match.group(4) or "") != _suffix(audience):
            continue
        day, hour, minute = match.group(1), match.group(2) or "00", match.group(3) or "00"
        try:
            moment = datetime.fromisoformat(f"{day}T{hour}:{minute}").replace(tzinfo=now.tzinfo)
        except ValueError:
            continue  # a name that only looks like a brief's (brief-2026-02-30)
        # A brief "from the future" would hide every answer from every later brief: passed over.
        if moment <= now and not implausible(moment.date()):
            moments.append(moment)
    return max(moments, default=None)


def brief_report(
    ws: Workspace, folder: Path | None = None, now: datetime | None = None, audience: str = "pm"
) -> ReportDocument:
    """The PM brief as of ``now``, with what changed since the last brief written in ``folder``
    (default: the workspace's briefs folder); a brief written the same minute replaces it."""
    now = now or clock.now()
    folder = folder or ws.root / layout.BRIEFS_FOLDER
    doc = pm_brief(ws, last_brief_moment(folder, audience, now), now, audience)
    return ReportDocument(doc, brief_blocks, doc["title"], f"brief-{now:%Y-%m-%d-%H%M}{_suffix(audience)}", folder)
