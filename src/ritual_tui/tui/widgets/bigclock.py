"""A clock readable from the back of a room: digits drawn in blocks, as large as the space allows.

Each character is a 3×5 (or 1×5) grid of pixels; a pixel is ``scale`` cells wide and ``scale``
half-cells tall, so that it is square on a terminal's tall cells. The scale is the largest that fits
the widget, so the clock grows with the screen (and falls back to plain text when there is no room).
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

_FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "-": ("...", "...", "###", "...", "..."),
}
_HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def pixels(text: str) -> list[str]:
    """The five pixel rows of ``text`` ("#" on), one pixel apart between characters."""
    glyphs = [_FONT[c] for c in text if c in _FONT]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(5)]


def fitting_scale(text: str, width: int, height: int) -> int:
    """The largest scale at which ``text`` fits ``width`` cells and ``height`` rows (0: none does)."""
    columns = len(pixels(text)[0]) if text else 0
    if not columns:
        return 0
    return max(0, min(width // columns, (height * 2) // 5))


def draw(text: str, scale: int) -> list[str]:
    """``text`` in blocks at ``scale``: rows of ``█▀▄`` characters."""
    rows = [row for row in pixels(text) for _ in range(scale)]
    if len(rows) % 2:
        rows.append("." * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        line = "".join(_HALVES[(t == "#", b == "#")] for t, b in zip(top, bottom, strict=True))
        lines.append("".join(char * scale for char in line))
    return lines


class BigClock(Widget):
    """Shows a clock face ("1:45", "-0:12") as large as the widget allows."""

    DEFAULT_CSS = "BigClock { height: 1fr; min-height: 1; content-align: center middle; }"

    value: reactive[str] = reactive("0:00", layout=False)

    def render(self) -> RenderResult:
        scale = fitting_scale(self.value, self.size.width, self.size.height)
        if scale == 0:
            return Content.styled(self.value, "bold")
        return Content("\n".join(draw(self.value, scale)))
