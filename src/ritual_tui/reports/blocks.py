"""A report as a list of blocks (headings, paragraphs, tables, charts), written once and drawn by
the Markdown and HTML renderers alike, so both show the same figures in the same order.

Every piece of text in a block is plain text: the renderers escape all of it for their format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: A run of text with a style: "" (plain), "bold" or "italic".
Run = tuple[str, str]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    runs: Sequence[Run]


@dataclass(frozen=True)
class Bullets:
    """A list, one item a line: the headline."""

    items: Sequence[Sequence[Run]]


@dataclass(frozen=True)
class Table:
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    empty: str = "None."
    #: Columns holding numbers, right-aligned in HTML.
    numeric: Sequence[int] = field(default_factory=tuple)


@dataclass(frozen=True)
class Chart:
    kind: str  # "velocity" or "burndown"
    data: Sequence[dict[str, Any]]
    #: The day a burndown's today line is drawn at (None once the sprint is closed).
    today: Any = None
    #: Where a burndown's lines start, before its first day: the commitment.
    start: float | None = None


Block = Heading | Paragraph | Bullets | Table | Chart


def text(value: object) -> str:
    """A figure or a piece of user text as a cell or run: missing values show as a dash."""
    if value is None or value == "":
        return "–"
    return str(value)
