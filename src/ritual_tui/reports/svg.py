"""Inline SVG charts for the HTML reports: velocity bars and a burndown (ideal against actual)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

WIDTH, HEIGHT, PAD = 640, 220, 36


def velocity_svg(by_sprint: Sequence[dict[str, Any]]) -> str:
    """Bars of completed points per sprint, labelled with the points."""
    if not by_sprint:
        return ""
    top = max(float(v["points"] or 0) for v in by_sprint) or 1
    slot = (WIDTH - 2 * PAD) / len(by_sprint)
    bars = []
    for n, v in enumerate(by_sprint):
        value = float(v["points"] or 0)
        h = (HEIGHT - 2 * PAD) * value / top
        x = PAD + n * slot + slot * 0.15
        y = HEIGHT - PAD - h
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" class="bar"/>'
            f'<text x="{x + slot * 0.35:.1f}" y="{y - 4:.1f}" class="value">{v["points"]}</text>'
            f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - PAD + 16}" class="label">S-{v["sprint"]}</text>'
        )
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Velocity per sprint" class="chart">'
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" class="axis"/>'
        + "".join(bars)
        + "</svg>"
    )


def burndown_svg(days: Sequence[dict[str, Any]]) -> str:
    """The ideal line and the actual remaining points, day by day."""
    if not days:
        return ""
    top = max([float(d["ideal"] or 0) for d in days] + [float(d["remaining"] or 0) for d in days]) or 1
    step = (WIDTH - 2 * PAD) / max(1, len(days) - 1)

    def point(n: int, value: float) -> str:
        return f"{PAD + n * step:.1f},{HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / top:.1f}"

    ideal = " ".join(point(n, float(d["ideal"])) for n, d in enumerate(days))
    actual = " ".join(point(n, float(d["remaining"])) for n, d in enumerate(days) if d["remaining"] is not None)
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Burndown" class="chart">'
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" class="axis"/>'
        f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{HEIGHT - PAD}" class="axis"/>'
        f'<text x="{PAD - 6}" y="{PAD + 4}" class="tick">{top:g}</text>'
        f'<text x="{PAD}" y="{HEIGHT - PAD + 16}" class="label-start">{days[0]["day"]}</text>'
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - PAD + 16}" class="label-end">{days[-1]["day"]}</text>'
        f'<polyline points="{ideal}" class="ideal"/>'
        + (f'<polyline points="{actual}" class="actual"/>' if actual else "")
        + f'<text x="{WIDTH - PAD}" y="{PAD - 12}" class="legend">— actual  ┄ ideal</text></svg>'
    )
