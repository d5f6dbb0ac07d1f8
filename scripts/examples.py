"""Write ``docs/examples/``: the summary of a closed and of the active sprint, and the PM brief,
generated from the demo workspace on the day the demo was written (so the files do not drift).

Run from a source checkout: ``python scripts/examples.py``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "examples"


def main() -> None:
    os.environ["RITUAL_NOW"] = "2026-11-24T17:00:00+01:00"
    from ritual_tui.domain import clock
    from ritual_tui.reports.brief import pm_brief
    from ritual_tui.reports.files import FORMATS, write_report
    from ritual_tui.reports.layout import brief_blocks, summary_blocks
    from ritual_tui.reports.summary import sprint_summary
    from ritual_tui.store.demo import copy_demo

    with tempfile.TemporaryDirectory() as folder:
        ws = copy_demo(Path(folder) / "demo", clock.today())
        for sprint in ("4", "5"):
            doc = sprint_summary(ws, sprint, clock.today())
            write_report(doc, summary_blocks, FORMATS, OUT, f"sprint-{sprint}-summary", f"Bookwise: sprint {sprint}")
        brief = pm_brief(ws, None, clock.today())
        write_report(brief, brief_blocks, FORMATS, OUT, "pm-brief", "Bookwise: PM brief")
    for path in sorted(OUT.iterdir()):
        path.chmod(0o644)  # examples are documentation, readable by anyone who checks the project out
    print(f"Wrote {len(list(OUT.iterdir()))} files in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
