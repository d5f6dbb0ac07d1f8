"""How commands print: aligned plain-text tables and JSON, user text always made inert."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from ritual_tui.domain import clock
from ritual_tui.domain.fields import Record, to_doc
from ritual_tui.domain.text import visible


def print_json(document: Any) -> None:
    from ritual_tui.reports.json_text import as_json  # json costs ~5 ms of imports: only for --json

    """Print a document as JSON (JSON escapes control characters itself)."""
    sys.stdout.write(as_json(document) + "\n")


def record_json(record: Record) -> dict[str, Any]:
    """A record as it goes into JSON output: its fields, with the id first."""
    return to_doc(record)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], empty: str = "Nothing to list.") -> None:
    """Print rows in aligned columns; each cell is made visible and cut to a readable width."""
    if not rows:
        print(empty)
        return
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: object, width: int = 60) -> str:
    text = visible("" if value is None else str(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def print_fields(pairs: Sequence[tuple[str, object]]) -> None:
    """Print "label: value" lines for a record; multi-line values are indented below their label."""
    width = max((len(label) for label, _ in pairs), default=0)
    for label, value in pairs:
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            print(f"{label}:")
            for entry in value:
                print(f"  - {visible(str(entry))}")
            continue
        text = visible(str(value), keep_newlines=True)
        if "\n" in text:
            print(f"{label}:")
            for line in text.splitlines():
                print(f"  {line}")
        else:
            print(f"{label.ljust(width)}  {text}")


def show_record(record: Record, as_json: bool) -> int:
    """``ritual … show``: the record whole, as JSON or as the labelled lines the app shows too."""
    from ritual_tui.services.describe import describe, title_of

    if as_json:
        print_json(record_json(record))
        return 0
    print(visible(title_of(record)))
    print_fields([(line.label, line.value) for line in describe(record, clock.today())])
    return 0
