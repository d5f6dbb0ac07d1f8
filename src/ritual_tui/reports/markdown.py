"""Markdown that reads well as plain text and renders well on GitHub and in a wiki.

All text is escaped so that it shows exactly as typed: markup characters get a backslash, control
characters are made visible, an ``&`` that would start an entity is written as one, and a table
cell never breaks its row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ritual_tui.domain.text import visible
from ritual_tui.reports.blocks import Block, Bullets, Chart, Heading, Paragraph, Run, Table
from ritual_tui.reports.charts import bar, spark

_SPECIALS = "\\`*_[]<>|~#!"
# Only an & that starts something a Markdown reader would take for an entity (&amp; &#35;) is
# escaped: "T&Cs" stays readable as plain text.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
#: Sprints a velocity chart shows at most (the figures above it count every closed sprint).
CHART_SPRINTS = 12


def md(value: object) -> str:
    """Text for Markdown: one line, controls visible, markup characters escaped."""
    escaped = "".join("\\" + char if char in _SPECIALS else char for char in visible(str(value)))
    return _ENTITY.sub("&amp;", escaped)


def velocity_chart(by_sprint: Sequence[dict[str, Any]], width: int = 30) -> str:
    """Committed and completed points per sprint as Unicode bars, in a code block so that they line up."""
    if not by_sprint:
        return "_No closed sprint yet, so no velocity._"
    shown = by_sprint[-CHART_SPRINTS:]
    top = max(max(float(v["committed"] or 0), float(v["completed"] or 0)) for v in shown) or 1
    rows = []
    for v in shown:
        for label, key in ((f"S-{v['sprint']}", "committed"), ("", "completed")):
            rows.append(f"{label:<6} {key} {bar(float(v[key] or 0), top, width):<{width}} {v[key]}")
    if len(shown) < len(by_sprint):
        rows.append(f"(the last {len(shown)} of {len(by_sprint)} sprints)")
    return "```text\n" + "\n".join(rows) + "\n```"


def _marks(days: Sequence[dict[str, Any]], today: Any) -> tuple[str, str, str]:
    """The rows under a text burndown: weekdays (weekends in lower case), scope changes, today."""
    letters = "".join("MTWTFSS"[d["day"].weekday()] if d["working_day"] else "s" for d in days)
    scope = "".join(
        "±" if d["added"] and d["removed"] else "+" if d["added"] else "−" if d["removed"] else " " for d in days
    )
    at = "".join("^" if d["day"] == today else " " for d in days)
    return letters, scope, at


def burndown_chart(days: Sequence[dict[str, Any]], today: Any = None, start: float | None = None) -> str:
    """The burndown as spark lines, one mark for the commitment and then one a day, with the days,
    the scope changes and today marked below."""
    if not days:
        return "_No burndown._"
    first = start if start is not None else float(days[0]["ideal"] or 0)
    top = max([first] + [float(d["ideal"] or 0) for d in days] + [float(d["remaining"] or 0) for d in days]) or 1
    remaining = spark([first, *(None if d["remaining"] is None else float(d["remaining"]) for d in days)], top)
    ideal = spark([first, *(float(d["ideal"]) for d in days)], top)
    letters, scope, at = _marks(days, today)
    rows = [f"remaining {remaining}", f"ideal     {ideal}", f"day        {letters}"]
    if scope.strip():
        rows.append(f"scope      {scope}".rstrip())
    if at.strip():
        rows.append(f"today      {at}".rstrip())
    rows.append(f"{days[0]['day']} to {days[-1]['day']}: the first mark is the commitment, then one a day;")
    rows.append("s = weekend, + scope added, − removed, · still to come.")
    return "```text\n" + "\n".join(rows) + "\n```"


def _table(block: Table) -> str:
    if not block.rows:
        return f"_{md(block.empty)}_"
    lines = [
        "| " + " | ".join(md(h) for h in block.headers) + " |",
        "|" + "|".join("---:" if i in block.numeric else "---" for i in range(len(block.headers))) + "|",
    ]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in block.rows]
    return "\n".join(lines)


def _runs(runs: Sequence[Run]) -> str:
    marks = {"bold": "**", "italic": "_", "": ""}
    out = []
    for text, style in runs:
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
            out.append(_runs(block.runs))
        elif isinstance(block, Bullets):
            out.append("\n".join(f"- {_runs(item)}" for item in block.items))
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, Chart):
            if block.kind == "velocity":
                out.append(velocity_chart(block.data))
            else:
                out.append(burndown_chart(block.data, block.today, block.start))
    return "\n\n".join(out) + "\n"
