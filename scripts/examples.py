"""Write ``docs/examples/``: the summary of a closed and of the running sprint, and the PM brief with
its copy for the client, generated from the demo workspace on the day the demo was written (so the
files do not drift).

Run from a source checkout: ``python scripts/examples.py``.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "examples"


def main() -> None:
    os.environ["RITUAL_NOW"] = "2026-11-24T17:00:00+01:00"
    from ritual_tui.domain import clock
    from ritual_tui.reports.documents import brief_report, summary_report
    from ritual_tui.reports.files import FORMATS
    from ritual_tui.store.demo import copy_demo

    with tempfile.TemporaryDirectory() as folder:
        ws = copy_demo(Path(folder) / "demo", clock.today())
        for sprint in ("4", "5"):
            summary_report(ws, sprint).write(FORMATS, OUT)
        for audience in ("pm", "client"):
            brief = brief_report(ws, Path(folder) / "no-brief-yet", audience=audience)
            # Named for what they show rather than for the minute they were written.
            stem = "pm-brief" if audience == "pm" else "pm-brief-client"
            dataclasses.replace(brief, stem=stem).write(FORMATS, OUT)
    for path in sorted(OUT.iterdir()):
        path.chmod(0o644)  # examples are documentation, readable by anyone who checks the project out
    print(f"Wrote {len(list(OUT.iterdir()))} files in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
