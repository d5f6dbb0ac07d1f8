"""Write the README's screenshots (SVG, drawn by the app itself) of the home, the daily, the review
and the refinement.

Run from a source checkout: ``python scripts/screenshots.py``. Uses a fresh copy of the demo on the
day the demo was written, so the pictures do not change from one run to the next.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


async def shoot() -> None:
    os.environ["RITUAL_NOW"] = "2026-11-24T09:32:00+01:00"
    os.environ.pop("NO_COLOR", None)
    from ritual_tui.domain import clock
    from ritual_tui.store.demo import copy_demo
    from ritual_tui.tui.app import RitualApp
    from ritual_tui.tui.screens.daily import DailyScreen
    from ritual_tui.tui.screens.review import ReviewScreen

    DailyScreen.CLOCK = staticmethod(lambda: 0.0)  # a still countdown
    OUT.mkdir(parents=True, exist_ok=True)
    for name, start in (("home", "home"), ("daily", "daily"), ("review", "review")):
        with tempfile.TemporaryDirectory() as folder:
            ws = copy_demo(Path(folder) / "demo", clock.today())
            app = RitualApp(ws, start)
            async with app.run_test(size=(120, 34)) as pilot:
                wanted = {"daily": DailyScreen, "review": ReviewScreen}.get(start, type(app.screen))
                # A ritual opens over home: wait for it, then for its first load.
                while not (isinstance(app.screen, wanted) and getattr(app.screen, "settled", False)):
                    await pilot.pause(0.01)
                await pilot.pause()
                app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    print(f"Wrote {OUT.relative_to(ROOT)}/home.svg, daily.svg and review.svg")


async def shoot_refinement() -> None:
    """The refinement with B-24 taken up and a poker round revealed (cards typed by the PO for the room)."""
    os.environ["RITUAL_NOW"] = "2026-11-24T14:10:00+01:00"
    os.environ.pop("NO_COLOR", None)
    from ritual_tui.domain import clock
    from ritual_tui.store.demo import copy_demo
    from ritual_tui.tui.app import RitualApp
    from ritual_tui.tui.screens.refinement import RefinementScreen

    RefinementScreen.CLOCK = staticmethod(lambda: 0.0)
    with tempfile.TemporaryDirectory() as folder:
        app = RitualApp(copy_demo(Path(folder) / "demo", clock.today()), "refinement")
        async with app.run_test(size=(120, 34)) as pilot:

            async def settled() -> None:
                while not (isinstance(app.screen, RefinementScreen) and app.screen.settled):
                    await pilot.pause(0.01)

            await settled()
            app.screen.query_one("#agenda").select_key("B-24")
            await pilot.press("enter", "v")
            for card in ("3", "5", "5", "8", "5", "13"):
                await pilot.press(*card, "enter")
            await pilot.press("escape")
            await settled()
            await pilot.press("r")
            await settled()
            await pilot.pause()
            app.save_screenshot(filename="refinement.svg", path=str(OUT))
    print(f"Wrote {OUT.relative_to(ROOT)}/refinement.svg")


if __name__ == "__main__":
    asyncio.run(shoot())
    asyncio.run(shoot_refinement())
