"""The three formats say the same thing, never leak a private note, and escape user text."""

from __future__ import annotations

import json
import re
from datetime import date

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
from tests.unit.reports.invariant import assert_balanced
from tests.unit.reports.texts import html_cells, html_texts, markdown_cells, markdown_texts, parse_page

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize("audience", ["pm", "client"])
@pytest.mark.parametrize("sprint", ["1", "2", "3", "4"])
def test_markdown_html_and_json_show_the_same_figures(known: Workspace, sprint: str, audience: str) -> None:
    doc = sprint_summary(known, sprint, TODAY, audience)
    assert_balanced(doc)
    md = render(doc, summary_blocks, "md", "t")
    page = render(doc, summary_blocks, "html", "t")
    assert markdown_texts(md) == html_texts(page)
    assert markdown_cells(md) == html_cells(page) and html_cells(page)
    data = json.loads(render(doc, summary_blocks, "json", "t"))
    assert data == json.loads(as_json(doc))
    d = data["delivery"]
    assert f"| Committed at planning | {d['committed_items']} | {d['committed_points']} |" in md
    assert f'<td>Completed</td><td class="num" data-label="Items">{d["completed_items"]}</td>' in page
    assert [line for line in md.splitlines() if line.startswith("- ")][:5] == [f"- {h}" for h in data["headline"]]


@pytest.mark.parametrize("workspace", ["known", "demo"])
def test_the_brief_agrees_across_formats(workspace: str, request: pytest.FixtureRequest) -> None:
    ws: Workspace = request.getfixturevalue(workspace)
    for audience in ("pm", "client"):
        doc = pm_brief(ws, None, audience=audience)
        md, page = render(doc, brief_blocks, "md", "t"), render(doc, brief_blocks, "html", "t")
        assert markdown_texts(md) == html_texts(page)
        assert markdown_cells(md) == html_cells(page) and html_cells(page)
        assert json.loads(render(doc, brief_blocks, "json", "t")) == json.loads(as_json(doc))


def test_no_private_note_reaches_a_shared_file(known: Workspace) -> None:
    outputs = [
        render(sprint_summary(known, s, TODAY), summary_blocks, fmt, "t")
        for s in ("1", "4")
        for fmt in ("md", "json", "html")
    ]
    outputs += [render(pm_brief(known, None), brief_blocks, fmt, "t") for fmt in ("md", "json", "html")]
    outputs.append(as_json(export_workspace(known, shared=True)))
    for output in outputs:
        assert SECRET not in output
    assert SECRET in as_json(export_workspace(known))  # the full backup keeps them: the planting worked


HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) **b** | pipe \x1b[2J & &amp; <img src=x>"


def test_user_text_is_escaped_in_markdown_and_html(known: Workspace) -> None:
    known.update(BacklogItem, "B-1", lambda i: setattr(i, "title", HOSTILE))
    doc = sprint_summary(known, "1", TODAY)
    page = render(doc, summary_blocks, "html", "t")
    parser = parse_page(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "\x1b" not in page
    assert HOSTILE.replace("\x1b", "␛") in html_cells(page)
    md = render(doc, summary_blocks, "md", "t")
    assert "\\<script\\>" in md and "\\[x\\](javascript:alert(1))" in md and "\\*\\*b\\*\\*" in md
    assert "\\| pipe" in md and "&amp;amp;" in md and "\x1b" not in md
    assert HOSTILE.replace("\x1b", "␛") in markdown_cells(md)


def test_an_ampersand_reads_as_typed_in_markdown(known: Workspace) -> None:
    # Only an & that would start an entity is written as one: "T&Cs" stays "T&Cs" in the .md.
    known.update(BacklogItem, "B-1", lambda i: setattr(i, "title", "Accept T&Cs, not &copy; or &#35;"))
    md = render(sprint_summary(known, "1", TODAY), summary_blocks, "md", "t")
    assert "| Accept T&Cs, not &amp;copy; or &\\#35; |" in md


def test_the_html_page_is_self_contained(known: Workspace) -> None:
    page = render(sprint_summary(known, "1", TODAY), summary_blocks, "html", "t")
    parser = parse_page(page)
    assert "script" not in parser.tags and "link" not in parser.tags
    assert not re.search(r"(src|href)\s*=", page)
    assert parser.tags.count("svg") == 2 and "<style>" in page and "@media print" in page


def test_print_keeps_headings_with_what_follows_and_dates_whole(demo: Workspace) -> None:
    page = render(sprint_summary(demo, "5", TODAY), summary_blocks, "html", "t")
    body = page.split("<body>", 1)[1]
    # A heading is never the last thing in a kept group, nor directly followed by another section.
    for group in re.findall(r'<div class="keep">(.*?)</div>(?=\n)', body, re.S):
        assert re.match(r"<h[23]>", group) and not re.search(r"</h[23]>$", group)
    assert body.count('<div class="keep">') >= 10
    assert not re.search(r"</h2>\n<h2>", body)
    # Every date sits in a span that does not wrap: "2026-11-23" never breaks at its hyphens.
    assert '<span class="nowrap">2026-11-23</span>' in body
    text = re.sub(r'<svg.*?</svg>| data-label="[^"]*"', "", body, flags=re.S)  # charts and labels aside
    assert not re.search(r"(?<!>)\d{4}-\d{2}-\d{2}(?!</span>)", text)
    assert "break-after: avoid" in page and "break-inside: avoid" in page and "@page { size: A4" in page
