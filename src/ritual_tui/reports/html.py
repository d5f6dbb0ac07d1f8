"""One self-contained HTML page per report: inline CSS, inline SVG charts, no script, no external
asset; readable on a narrow screen and in print. Every piece of text is escaped (after control
characters are made visible)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ritual_tui.domain.text import visible
from ritual_tui.reports.blocks import Block, Bullets, Heading, Paragraph, Run, Table
from ritual_tui.reports.html_style import STYLE
from ritual_tui.reports.svg import burndown_svg, velocity_svg

# A date (with its time, for a brief) never breaks across two lines.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?")
#: A heading is kept on the page of the block after it when that block is at most this many rows.
_SHORT_TABLE = 12


def plain(value: object) -> str:
    """Text for HTML where no tag may go (the page's title, an attribute): controls made visible,
    every special character escaped."""
    return html.escape(visible(str(value)), quote=True)


def esc(value: object) -> str:
    """Text for HTML: as :func:`plain`, with dates kept whole on one line."""
    return _DATE.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', plain(value))


def _table(block: Table) -> str:
    if not block.rows:
        return f'<p class="empty">{esc(block.empty)}</p>'

    # A first column of short keys (ids, labels) never wraps; one of long text does.
    keys = all(len(str(row[0])) <= 12 for row in block.rows)

    def cls(i: int) -> str:
        return ' class="num"' if i in block.numeric else ' class="key"' if i == 0 and keys else ""

    # On a narrow screen each row becomes a card, and each cell says which column it is.
    labels = [f' data-label="{plain(h)}"' if h else "" for h in block.headers]
    head = "".join(f"<th{cls(i)}>{esc(h)}</th>" for i, h in enumerate(block.headers))
    rows = "".join(
        "<tr>" + "".join(f"<td{cls(i)}{labels[i]}>{esc(cell)}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in block.rows
    )
    # A table of a few short columns keeps its figures next to their labels.
    compact = ' class="compact"' if len(block.headers) <= 3 else ""
    return f"<table{compact}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _runs(runs: Sequence[Run]) -> str:
    tags = {"bold": "strong", "italic": "em"}
    return "".join(f"<{tags[s]}>{esc(t)}</{tags[s]}>" if s in tags else esc(t) for t, s in runs)


def _block(block: Block, first: bool) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{esc(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_runs(block.runs)}</p>"
    if isinstance(block, Bullets):
        items = "".join(f"<li>{_runs(item)}</li>" for item in block.items)
        return f'<ul class="headline">{items}</ul>' if first else f"<ul>{items}</ul>"
    if isinstance(block, Table):
        return _table(block)
    chart = velocity_svg(block.data) if block.kind == "velocity" else burndown_svg(block.data, block.today, block.start)
    return chart or '<p class="empty">Nothing to chart yet.</p>'


def _short(block: Block) -> bool:
    return not isinstance(block, Table) or len(block.rows) <= _SHORT_TABLE


def _sections(blocks: Sequence[Block]) -> list[list[Block]]:
    """The blocks cut before each run of headings below the title: a section is its headings and
    what follows them up to the next heading."""
    sections: list[list[Block]] = [[]]
    for block in blocks:
        opens = isinstance(block, Heading) and block.level > 1
        if opens and any(not isinstance(b, Heading) for b in sections[-1]):
            sections.append([])
        sections[-1].append(block)
    return sections


def render_html(blocks: Sequence[Block], title: str) -> str:
    """A report's blocks as one standalone HTML page. A section of short blocks is kept on one page
    in print; a long one keeps at least its headings with its first block, so that print never
    leaves a heading alone at the foot of a page."""
    body: list[str] = []
    first_list = next((b for b in blocks if isinstance(b, Bullets)), None)
    for section in _sections(blocks):
        drawn = [_block(b, first=b is first_list) for b in section]
        headings = sum(1 for b in section if isinstance(b, Heading) and b.level > 1)
        if not headings or headings == len(section):
            body += drawn
        elif all(_short(b) for b in section):
            body.append('<div class="keep">' + "".join(drawn) + "</div>")
        elif _short(section[headings]):
            body.append('<div class="keep">' + "".join(drawn[: headings + 1]) + "</div>")
            body += drawn[headings + 1 :]
        else:  # a long table first: its heading stays with it by break-after, its header row repeats
            body += drawn
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{plain(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
