"""Inline SVG charts for the HTML reports, drawn as a sprint report in a tracker draws them:
committed against completed points per sprint, and a burndown with its axes, weekends, scope
changes and today's line."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 28, 40
#: Sprints a velocity chart shows at most (the figures above it count every closed sprint).
CHART_SPRINTS = 12


def _ceiling(value: float) -> float:
    """A round top for an axis: 1, 2, 5 or 10 times a power of ten, at least ``value``."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)


def _axes(top: float, label: str) -> str:
    """The y axis with three ticks and grid lines, the x axis, and the unit."""
    out = []
    for tick in (0, top / 2, top):
        y = _y(tick, top)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" class="tick">{tick:g}</text>')
    base = HEIGHT - BOTTOM
    out.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}" class="axis"/>')
    out.append(f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" class="axis"/>')
    out.append(f'<text x="{LEFT - 6}" y="{TOP - 12}" class="tick">{label}</text>')
    return "".join(out)


def _svg(label: str, body: str, legend: str) -> str:
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" class="chart">{body}'
        f'<text x="{WIDTH - RIGHT}" y="{TOP - 12}" class="end">{legend}</text></svg>'
    )


def velocity_svg(by_sprint: Sequence[dict[str, Any]]) -> str:
    """Committed (light) and completed (solid) points per sprint, the last sprints at most."""
    if not by_sprint:
        return ""
    shown = by_sprint[-CHART_SPRINTS:]
    top = _ceiling(max(max(float(v["committed"] or 0), float(v["completed"] or 0)) for v in shown))
    slot = (WIDTH - LEFT - RIGHT) / len(shown)
    bars = []
    for n, v in enumerate(shown):
        x = LEFT + n * slot + slot * 0.12
        width = slot * 0.36
        for offset, key, css in ((0.0, "committed", "committed"), (width, "completed", "bar")):
            value = float(v[key] or 0)
            y = _y(value, top)
            bars.append(
                f'<rect x="{x + offset:.1f}" y="{y:.1f}" width="{width:.1f}" height="{HEIGHT - BOTTOM - y:.1f}"'
                f' class="{css}"/><text x="{x + offset + width / 2:.1f}" y="{y - 4:.1f}" class="value">{v[key]}</text>'
            )
        bars.append(f'<text x="{x + width:.1f}" y="{HEIGHT - BOTTOM + 16}" class="label">S-{v["sprint"]}</text>')
    note = f" · last {len(shown)} of {len(by_sprint)}" if len(shown) < len(by_sprint) else ""
    legend = f"▮ committed  ▮ completed{note}"
    return _svg("Committed and completed points per sprint", _axes(top, "points") + "".join(bars), legend)


def burndown_svg(days: Sequence[dict[str, Any]], today: date | None = None, start: float | None = None) -> str:
    """The ideal line and the points left, from the commitment before the first day to the end of
    each day; weekends shaded, scope changes marked, and today's line while the sprint runs."""
    if not days:
        return ""
    first = start if start is not None else float(days[0]["ideal"] or 0)
    values = [first] + [float(d["ideal"] or 0) for d in days] + [float(d["remaining"] or 0) for d in days]
    top = _ceiling(max(values))
    step = (WIDTH - LEFT - RIGHT) / len(days)

    def x(boundary: int) -> float:  # the end of day ``boundary`` (0: the start of the first day)
        return LEFT + boundary * step

    def point(boundary: int, value: float) -> str:
        return f"{x(boundary):.1f},{_y(value, top):.1f}"

    out = [
        f'<rect x="{x(n):.1f}" y="{TOP}" width="{step:.1f}" height="{HEIGHT - TOP - BOTTOM}" class="off"/>'
        for n, d in enumerate(days)
        if not d["working_day"]
    ]
    out.append(_axes(top, "points"))
    labelled = -10.0
    for n, d in enumerate(days):
        if n in (0, len(days) - 1) or d["day"].weekday() == 0:
            centre = x(n) + step / 2
            if centre - labelled >= 44 or n == len(days) - 1:
                out.append(f'<text x="{centre:.1f}" y="{HEIGHT - BOTTOM + 16}" class="label">{d["day"]:%d %b}</text>')
                labelled = centre
    ideal = [point(0, first)] + [point(n + 1, float(d["ideal"])) for n, d in enumerate(days)]
    known = [(n, d) for n, d in enumerate(days) if d["remaining"] is not None]
    actual = [point(0, first)] + [point(n + 1, float(d["remaining"])) for n, d in known]
    out.append(f'<polyline points="{" ".join(ideal)}" class="ideal"/>')
    out.append(f'<polyline points="{" ".join(actual)}" class="actual"/>')
    for n, d in known:
        change = float(d["added"] or 0) - float(d["removed"] or 0)
        if d["added"] or d["removed"]:
            cx, cy = x(n + 1), _y(float(d["remaining"]), top)
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" class="change"/>')
            out.append(f'<text x="{cx:.1f}" y="{cy - 8:.1f}" class="value">{change:+g}</text>')
    if today is not None:
        at = next((n for n, d in enumerate(days) if d["day"] == today), None)
        if at is not None:
            line = x(at + 1)
            out.append(f'<line x1="{line:.1f}" y1="{TOP}" x2="{line:.1f}" y2="{HEIGHT - BOTTOM}" class="today"/>')
            out.append(f'<text x="{line:.1f}" y="{HEIGHT - BOTTOM + 30}" class="value">today</text>')
    legend = "— points left  ┄ ideal  ▮ weekend  ● scope change"
    return _svg("Burndown", "".join(out), legend)
