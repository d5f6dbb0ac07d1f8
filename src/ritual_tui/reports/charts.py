"""Text charts from Unicode blocks: readable in a terminal, in Markdown, and as plain text."""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = " ▁▂▃▄▅▆▇█"
#: Shown for a day still to come.
FUTURE = "·"


def spark(values: Sequence[float | None], top: float | None = None) -> str:
    """One character per value, scaled from zero to ``top`` (default: the largest value).

    Zero draws as the lowest bar rather than a blank, so a finished burndown still shows; ``None``
    (a day still to come) draws as a dot.
    """
    known = [v for v in values if v is not None]
    ceiling = top if top else max(known, default=0)
    out = []
    for value in values:
        if value is None:
            out.append(FUTURE)
        elif ceiling <= 0:
            out.append(BLOCKS[1])
        else:
            level = round(max(0.0, min(value, ceiling)) / ceiling * (len(BLOCKS) - 1))
            out.append(BLOCKS[max(level, 1)])
    return "".join(out)


def bar(value: float, top: float, width: int) -> str:
    """A horizontal bar of ``width`` cells at most, in eighths of a cell."""
    if top <= 0 or value <= 0:
        return ""
    eighths = round(min(value, top) / top * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + ("▏▎▍▌▋▊▉"[part - 1] if part else "")
