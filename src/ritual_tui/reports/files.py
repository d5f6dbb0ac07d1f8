"""Writing the summary and the brief: the same document in Markdown, JSON and HTML."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ritual_tui.domain.dates import implausible
from ritual_tui.reports.blocks import Block
from ritual_tui.reports.html import render_html
from ritual_tui.reports.json_text import as_json
from ritual_tui.reports.markdown import render_markdown
from ritual_tui.store.files import write_together
from ritual_tui.store.layout import listing

FORMATS = ("md", "json", "html")
_BRIEF_NAME = re.compile(r"^brief-(\d{4}-\d{2}-\d{2})\.(md|json|html)$")


def render(doc: dict[str, Any], blocks: Callable[[dict[str, Any]], Sequence[Block]], fmt: str, title: str) -> str:
    """One format of a report document."""
    if fmt == "json":
        return as_json(doc) + "\n"
    if fmt == "md":
        return render_markdown(blocks(doc))
    return render_html(blocks(doc), title)


def write_report(
    doc: dict[str, Any],
    blocks: Callable[[dict[str, Any]], Sequence[Block]],
    formats: Sequence[str],
    folder: Path,
    stem: str,
    title: str,
) -> list[Path]:
    """Write each format as ``folder/stem.<ext>``, all of them or (on a full disk) none; returns the
    paths written."""
    files = [(folder / f"{stem}.{fmt}", render(doc, blocks, fmt, title).encode("utf-8")) for fmt in formats]
    write_together(files)
    return [path for path, _ in files]


def last_brief_day(folder: Path, before: date) -> date | None:
    """The day of the newest brief written in ``folder`` before ``before`` (today), if any.

    Days come from file names, which anyone can write: an impossible date (``brief-2026-02-30``)
    or one not before today (a brief "from the future" would hide every answer from every later
    brief) is not a day a brief was written, and is passed over.
    """
    days = []
    for name in listing(folder):
        match = _BRIEF_NAME.match(name)
        if not match:
            continue
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            continue
        if day < before and not implausible(day):
            days.append(day)
    return max(days, default=None)
