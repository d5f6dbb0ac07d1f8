"""The three formats say the same thing, never leak a private note, and escape user text."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.reports.brief import pm_brief
from ritual_tui.reports.export import export_workspace
from ritual_tui.reports.files import render
from ritual_tui.reports.json_text import as_json
from ritual_tui.reports.layout import brief_blocks, summary_blocks
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store.workspace import Workspace
from tests.unit.reports.conftest import SECRET

TODAY = date(2026, 11, 26)


class _Cells(HTMLParser):
    """Collects the text of every table cell, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.tags: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("td", "th"):
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def markdown_cells(text: str) -> list[str]:
    cells = []
    for line in text.splitlines():
        if line.startswith("|") and not re.fullmatch(r"\|(-+:?\|)+", line):
            parts = re.split(r"(?<!\\)\|", line)[1:-1]
            cells += [re.sub(r"\\(.)", r"\1", p.strip()).replace("&amp;", "&") for p in parts]
    return cells


def html_cells(text: str) -> list[str]:
    parser = _Cells()
    parser.feed(text)
    return [c.strip() for c in parser.cells]


@pytest.mark.parametrize("sprint", ["1", "2", "3", "4"])
def test_markdown_html_and_json_show_the_same_figures(known: Workspace, sprint: str) -> None:
    doc = sprint_summary(known, sprint, TODAY)
    md = render(doc, summary_blocks, "md", "t")
    page = render(doc, summary_blocks, "html", "t")
    assert markdown_cells(md) == html_cells(page)
    data = json.loads(render(doc, summary_blocks, "json", "t"))
    assert data == json.loads(as_json(doc))
    d = data["delivery"]
    committed_row = f"| Committed at planning | {d['committed_items']} | {d['committed_points']} |"
    assert committed_row in md
    assert f'<td>Completed</td><td class="num">{d["completed_items"]}</td>' in page


def test_the_brief_agrees_across_formats(known: Workspace) -> None:
    doc = pm_brief(known, None, TODAY)
    assert markdown_cells(render(doc, brief_blocks, "md", "t")) == html_cells(render(doc, brief_blocks, "html", "t"))


def test_no_private_note_reaches_a_shared_file(known: Workspace) -> None:
    outputs = [
        render(sprint_summary(known, s, TODAY), summary_blocks, fmt, "t")
        for s in ("1", "4")
        for fmt in ("md", "json", "html")
    ]
    outputs += [render(pm_brief(known, None, TODAY), brief_blocks, fmt, "t") for fmt in ("md", "json", "html")]
    outputs.append(as_json(export_workspace(known, shared=True)))
    for output in outputs:
        assert SECRET not in output
    assert SECRET in as_json(export_workspace(known))  # the full backup keeps them: the planting worked


HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) **b** | pipe \x1b[2J & &amp; <img src=x>"


def test_user_text_is_escaped_in_markdown_and_html(known: Workspace) -> None:
    known.update(BacklogItem, "B-1", lambda i: setattr(i, "title", HOSTILE))
    doc = sprint_summary(known, "1", TODAY)
    page = render(doc, summary_blocks, "html", "t")
    parser = _Cells()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "\x1b" not in page
    assert HOSTILE.replace("\x1b", "␛") in html_cells(page)
    md = render(doc, summary_blocks, "md", "t")
    assert "\\<script\\>" in md and "\\[x\\](javascript:alert(1))" in md and "\\*\\*b\\*\\*" in md
    assert "\\| pipe" in md and "&amp;amp;" in md and "\x1b" not in md
    assert HOSTILE.replace("\x1b", "␛") in markdown_cells(md)


def test_the_html_page_is_self_contained(known: Workspace) -> None:
    page = render(sprint_summary(known, "1", TODAY), summary_blocks, "html", "t")
    parser = _Cells()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags
    assert not re.search(r"(src|href)\s*=", page)
    assert parser.tags.count("svg") == 2 and "<style>" in page and "@media print" in page


def test_the_html_opens_in_a_browser(known: Workspace, tmp_path: Path) -> None:
    import shutil
    import subprocess

    browser = shutil.which("chromium")
    if browser is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    known.update(BacklogItem, "B-1", lambda i: setattr(i, "title", HOSTILE))
    page = tmp_path / "summary.html"
    page.write_text(render(sprint_summary(known, "1", TODAY), summary_blocks, "html", "t"), encoding="utf-8")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert "<h1>Shop: sprint 1 summary</h1>" in dom.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom.stdout  # shown as text, never run
    assert dom.stdout.count("<script") == 0
    shot = subprocess.run(
        [browser, *flags, f"--screenshot={tmp_path / 'page.png'}", "--window-size=1000,1400", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.returncode == 0 and (tmp_path / "page.png").stat().st_size > 10_000
