"""Markdown that reads well as plain text and renders well on GitHub and in a wiki.

All text is escaped so that it shows exactly as typed: markup characters get a backslash, control
characters are made visible, and a table cell never breaks its row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ritual_tui.domain.text import visible
from ritual_tui.reports.blocks import Block, Chart, Heading, Paragraph, Table
from ritual_tui.reports.charts import bar, spark

_SPECIALS = "\\`*_[]<>|~#!"


def md(value: object) -> str:
    """Text for Markdown: one line, controls visible, markup characters escaped, ``&`` as an entity."""
    out = []
    for char in visible(str(value)):
        if char == "&":
            out.append("&amp;")
        elif char in _SPECIALS:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def velocity_chart(by_sprint: Sequence[dict[str, Any]], width: int = 30) -> str:
    """Velocity per sprint as Unicode bars, in a code block so that it lines up everywhere."""
    if not by_sprint:
        return "_No closed sprint yet, so no velocity._"
    top = max(float(v["points"] or 0) for v in by_sprint) or 1
    rows = [f"S-{v['sprint']:<4} {bar(float(v['points'] or 0), top, width):<{width}} {v['points']}" for v in by_sprint]
    return "```text\n" + "\n".join(rows) + "\n```"


def burndown_chart(days: Sequence[dict[str, Any]]) -> str:
    """The burndown as two spark lines (actual and ideal), one character a day."""
    if not days:
        return "_No burndown._"
    top = max([float(d["ideal"] or 0) for d in days] + [float(d["remaining"] or 0) for d in days]) or 1
    actual = spark([None if d["remaining"] is None else float(d["remaining"]) for d in days], top)
    ideal = spark([float(d["ideal"]) for d in days], top)
    return (
        f"```text\nactual {actual}\nideal  {ideal}\n       {days[0]['day']} to {days[-1]['day']}, "
        f"one mark a day (· = still to come)\n```"
    )


def _table(block: Table) -> str:
    if not block.rows:
        return f"_{md(block.empty)}_"
    lines = [
        "| " + " | ".join(md(h) for h in block.headers) + " |",
        "|" + "|".join("---:" if i in block.numeric else "---" for i in range(len(block.headers))) + "|",
    ]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in block.rows]
    return "\n".join(lines)


def _paragraph(block: Paragraph) -> str:
    marks = {"bold": "**", "italic": "_", "": ""}
    out = []
    for text, style in block.runs:
        # Emphasis only renders when the markers touch the words, so spaces go outside them.
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        out.append(f"{lead}{marks[style]}{md(core)}{marks[style]}{trail}" if core else text)
    return "".join(out)


def render_markdown(blocks: Sequence[Block]) -> str:
    """A report's blocks as one Markdown document."""
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {md(block.text)}")
        elif isinstance(block, Paragraph):
            out.append(_paragraph(block))
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, Chart):
            out.append(velocity_chart(block.data) if block.kind == "velocity" else burndown_chart(block.data))
    return "\n\n".join(out) + "\n"
