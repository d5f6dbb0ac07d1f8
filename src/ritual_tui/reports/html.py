"""One self-contained HTML page per report: inline CSS, inline SVG charts, no script, no external
asset, print-friendly. Every piece of text is escaped (after control characters are made visible)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ritual_tui.domain.text import visible
from ritual_tui.reports.blocks import Block, Chart, Heading, Paragraph, Table
from ritual_tui.reports.svg import burndown_svg, velocity_svg

STYLE = """
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d8dde6; --accent: #2f6fde; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin-top: 1.25rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td:first-child { white-space: nowrap; }
p.empty { color: var(--muted); font-style: italic; }
svg.chart { width: 100%; max-width: 40rem; height: auto; display: block; margin: .5rem 0 1rem; }
svg .bar { fill: var(--accent); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .ideal { fill: none; stroke: var(--muted); stroke-width: 2; stroke-dasharray: 6 4; }
svg .actual { fill: none; stroke: var(--accent); stroke-width: 3; }
svg text { font: 12px system-ui, sans-serif; fill: var(--muted); }
svg .value, svg .label { text-anchor: middle; }
svg .tick { text-anchor: end; }
svg .label-end, svg .legend { text-anchor: end; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
"""


def esc(value: object) -> str:
    """Text for HTML: controls made visible, then every special character escaped."""
    return html.escape(visible(str(value)), quote=True)


def _table(block: Table) -> str:
    if not block.rows:
        return f'<p class="empty">{esc(block.empty)}</p>'

    def cls(i: int) -> str:
        return ' class="num"' if i in block.numeric else ""

    head = "".join(f"<th{cls(i)}>{esc(h)}</th>" for i, h in enumerate(block.headers))
    rows = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{esc(cell)}</td>" for i, cell in enumerate(row)) + "</tr>" for row in block.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _paragraph(block: Paragraph) -> str:
    tags = {"bold": "strong", "italic": "em"}
    runs = "".join(f"<{tags[s]}>{esc(t)}</{tags[s]}>" if s in tags else esc(t) for t, s in block.runs)
    return f"<p>{runs}</p>"


def render_html(blocks: Sequence[Block], title: str) -> str:
    """A report's blocks as one standalone HTML page."""
    body = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(_paragraph(block))
        elif isinstance(block, Table):
            body.append(_table(block))
        elif isinstance(block, Chart):
            chart = velocity_svg(block.data) if block.kind == "velocity" else burndown_svg(block.data)
            body.append(chart or '<p class="empty">Nothing to chart yet.</p>')
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
