"""Writing the summary and the brief: the same document in Markdown, JSON and HTML."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ritual_tui.reports.blocks import Block
from ritual_tui.reports.html import render_html
from ritual_tui.reports.json_text import as_json
from ritual_tui.reports.markdown import render_markdown
from ritual_tui.store.files import write_together

FORMATS = ("md", "json", "html")


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
