"""The HTML reports in a real browser: hostile text stays text, a summary prints on a few pages, the
page draws, and the brief fits a 420-pixel screen."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from datetime import date
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.reports.brief import pm_brief
from ritual_tui.reports.files import render
from ritual_tui.reports.layout import brief_blocks, summary_blocks
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store.workspace import Workspace

TODAY = date(2026, 11, 26)
HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) **b** | pipe \x1b[2J & &amp; <img src=x>"


@pytest.fixture
def chromium(tmp_path: Path) -> list[str]:
    """The browser and the flags that keep it from touching the network or the user's profile."""
    browser = shutil.which("chromium")
    if browser is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def page_count(pdf: bytes) -> int:
    """Pages in a PDF: its page objects (not the /Pages tree above them)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def png_colours(png: bytes) -> int:
    """How many different byte values the image's pixel data holds (a blank page has one or two)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data, at = b"", 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        if png[at + 4 : at + 8] == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data)))


def test_hostile_text_stays_text_in_the_browser(known: Workspace, chromium: list[str], tmp_path: Path) -> None:
    known.update(BacklogItem, "B-1", lambda i: setattr(i, "title", HOSTILE))
    page = tmp_path / "summary.html"
    page.write_text(render(sprint_summary(known, "1", TODAY), summary_blocks, "html", "t"), encoding="utf-8")
    dom = run([*chromium, "--dump-dom", page.as_uri()])
    assert "<h1>Shop: sprint 1 summary</h1>" in dom.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom.stdout  # shown as text, never run
    assert dom.stdout.count("<script") == 0


def test_the_summary_prints_on_three_pages_and_draws(demo: Workspace, chromium: list[str], tmp_path: Path) -> None:
    page = tmp_path / "summary.html"
    page.write_text(render(sprint_summary(demo, "5", TODAY), summary_blocks, "html", "t"), encoding="utf-8")
    pdf = tmp_path / "summary.pdf"
    printed = run([*chromium, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()])
    assert printed.returncode == 0, printed.stderr
    # Measured: 3 pages of A4 (headline, delivery and velocity; burndown to blockers; readiness and
    # objectives). It printed on 5 before the print styles.
    assert page_count(pdf.read_bytes()) == 3
    png = tmp_path / "summary.png"
    shot = run([*chromium, f"--screenshot={png}", "--window-size=1000,1400", page.as_uri()])
    assert shot.returncode == 0, shot.stderr
    assert png_colours(png.read_bytes()) > 50  # text, tables and charts, not a blank page


def measure(chromium: list[str], folder: Path, page: str, width: int) -> tuple[int, int, int]:
    """Lay ``page`` out ``width`` pixels wide: the width of its content, of its window, and of its
    narrowest table cell. Headless Chromium lays a page out at least 500 pixels wide, so the page
    goes in a frame of that width."""
    (folder / "frame.html").write_text(
        f'<!DOCTYPE html><html><head><title>-</title></head><body><iframe id="f" src="{page}" '
        f'style="width:{width}px;height:900px;border:0"></iframe><script>document.getElementById("f").onload = '
        "function () { var d = this.contentDocument; var cells = Array.from(d.querySelectorAll('td'), "
        "function (td) { return td.getBoundingClientRect().width; }); document.title = "
        "d.documentElement.scrollWidth + '/' + this.contentWindow.innerWidth + '/' + Math.round(Math.min.apply("
        "null, cells)); };</script></body></html>",
        encoding="utf-8",
    )
    dom = run([*chromium, "--allow-file-access-from-files", "--dump-dom", (folder / "frame.html").as_uri()])
    found = re.search(r"<title>(\d+)/(\d+)/(\d+)</title>", dom.stdout)
    assert found is not None, dom.stdout[:500]
    content, window, narrowest_cell = (int(n) for n in found.groups())
    return content, window, narrowest_cell


def test_the_brief_fits_a_420_pixel_screen(demo: Workspace, chromium: list[str], tmp_path: Path) -> None:
    (tmp_path / "brief.html").write_text(render(pm_brief(demo, None), brief_blocks, "html", "t"), encoding="utf-8")
    content, window, narrowest_cell = measure(chromium, tmp_path, "brief.html", 420)
    assert window == 420 and content <= window  # nothing sticks out to the side
    # Each table row reads as a card, every cell as wide as the screen (less the margins), instead
    # of five columns squeezed to a few letters each.
    assert narrowest_cell >= 360


def test_the_summary_fits_a_laptop_window(demo: Workspace, chromium: list[str], tmp_path: Path) -> None:
    page = render(sprint_summary(demo, "5", TODAY), summary_blocks, "html", "t")
    (tmp_path / "summary.html").write_text(page, encoding="utf-8")
    content, window, _ = measure(chromium, tmp_path, "summary.html", 1000)
    assert content <= window  # no sideways scrolling: long first columns wrap, the page's padding fits
