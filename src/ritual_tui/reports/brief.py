"""The PM brief: what the PM must act on now, as one document (rendered like the summary)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ritual_tui import __version__
from ritual_tui.domain import clock
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import WAITING_FOR_PM, Escalation
from ritual_tui.domain.progress import waiting_for_pm
from ritual_tui.reports.left_out import left_out
from ritual_tui.reports.summary import REPORT_SCHEMA, escalation_line
from ritual_tui.store.workspace import Workspace


def pm_brief(ws: Workspace, since: date | None, today: date | None = None) -> dict[str, Any]:
    """Open escalations by severity then age, strategic decisions still proposed, answers received
    since ``since`` (the last brief's day; every unresolved answer when there was none), and
    blockers past the aging threshold."""
    today = today or clock.today()
    settings = ws.settings
    # Only the records the brief names are read whole: the rest are passed over in the index.
    escalations = ws.all(Escalation, where=lambda e: e.status in WAITING_FOR_PM or e.answered is not None)
    waiting = waiting_for_pm(escalations, ws.all(Blocker, where=lambda b: b.status == "open"), settings)
    answers = [
        e for e in escalations if e.answered is not None and (e.answered >= since if since else e.status == "answered")
    ]
    return {
        "schema_version": REPORT_SCHEMA,
        "kind": "pm-brief",
        "generator": f"ritual-tui {__version__}",
        "generated_on": today,
        "since": since,
        "product": settings.product,
        "product_goal": settings.product_goal,
        "open_escalations": [escalation_line(e, today) for e in waiting.escalations],
        "strategic_decisions_waiting": [
            {
                "id": d.id,
                "date": d.date,
                "title": d.title,
                "context": d.context,
                "decision": d.decision,
                "source": d.source,
            }
            for d in ws.all(Decision, where=lambda d: d.status == "proposed")
            if d.level == "strategic"
        ],
        "answers_received": [escalation_line(e, today) for e in sorted(answers, key=lambda e: (e.answered, e.id))],
        "aging_blockers": [
            {
                "id": b.id,
                "title": b.title,
                "owner": b.owner,
                "item": b.item,
                "first_seen": b.first_seen,
                "dailies": b.dailies_open(),
                "lasted_days": b.lasted_days(today),
            }
            for b in waiting.aging_blockers
        ],
        "aging_threshold_dailies": settings.blocker_aging_dailies,
        "left_out": left_out(ws),
    }


def brief_since_last(ws: Workspace, folder: Path, today: date) -> dict[str, Any]:
    """Today's brief, with the answers received since the last brief written in ``folder``."""
    from ritual_tui.reports.files import last_brief_day

    return pm_brief(ws, last_brief_day(folder, today), today)
