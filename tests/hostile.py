"""Hostile text, and a workspace with it planted in every field the TUI shows."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import tomli_w

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import CommittedItem, Sprint
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace

#: Markup that would act, escape sequences that would clear the screen, retitle the window, write the
#: clipboard or open a link, C1 controls, bidi overrides, and text that must simply show as itself.
HOSTILE = (
    "[@click=app.quit]q[/] [b]bold[/b] [/] "
    "\x1b[2J\x1b[H \x1b]0;owned\x07 \x1b]52;c;ZXZpbA==\x07 \x1b]8;;http://x\x07link\x1b]8;;\x07 "
    "\x9b31m \u202eevil\u202c 👩‍👩‍👧 שלום"
)
#: How it must look on screen: every control made visible, markup shown as typed.
SHOWN = "[@click=app.quit]q[/] [b]bold[/b] [/] ␛[2J␛[H ␛]0;owned␇"


def hostile_workspace(root: Path, today: date = date(2026, 11, 26)) -> Workspace:
    """A new workspace with HOSTILE in the product name, a team member, and every record the TUI lists."""
    ws = Workspace.create(root, HOSTILE)
    settings = root / "workspace.toml"
    team = tomli_w.dumps({"team": [{"name": HOSTILE, "role": HOSTILE}, {"name": "Bo"}]})
    settings.write_text(settings.read_text(encoding="utf-8").replace(TRAILER, team + TRAILER), encoding="utf-8")
    item = ws.add(
        BacklogItem(
            title=HOSTILE,
            status="in-progress",
            tags=[HOSTILE],
            acceptance=[HOSTILE],
            as_a=HOSTILE,
            i_want=HOSTILE,
            so_that=HOSTILE,
            private_notes=HOSTILE,
            estimate=3,
        )
    )
    days_ago = [today - timedelta(days=n) for n in (3, 2, 1)]
    ws.add(
        Sprint(
            number=0,
            start=days_ago[0],
            end=today + timedelta(days=7),
            goal=HOSTILE,
            commitment=[CommittedItem(item=item.id, title=HOSTILE, estimate=3)],
        )
    )
    blocker = ws.add(Blocker(title=HOSTILE, owner=HOSTILE, item=item.id, first_seen=days_ago[0], seen_on=days_ago))
    ws.add(Decision(title=HOSTILE, context=HOSTILE, decision=HOSTILE, deciders=[HOSTILE], date=today))
    ws.add(
        Escalation(
            title=HOSTILE,
            ask=HOSTILE,
            details=HOSTILE,
            raised=today,
            severity="high",
            raised_by=HOSTILE,
            blocker=blocker.id,
        )
    )
    topic = ws.add(Topic(title=HOSTILE, raised=today))
    note = ws.add(Note(text=HOSTILE, private=False))
    ws.add(RitualSession(ritual="daily", date=today, captured=[topic.id, note.id], attendees=[HOSTILE, "Bo"]))
    return Workspace.open(root)
