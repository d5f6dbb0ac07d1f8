"""The lines a report gives each escalation, blocker and decision, as of the report's day; what the
client may see; and the refusal to count records whose ids clash."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import RitualError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.fields import Record
from ritual_tui.domain.rules import blocker_on
from ritual_tui.store.workspace import Workspace

R = TypeVar("R", bound=Record)

#: Who a report is for: the PM sees everything shared; the client does not see what is internal.
AUDIENCES = ("pm", "client")


class ClashingIdsError(RitualError):
    """Two records share an id (after a git merge): a report would count one and drop the other."""


def unique(records: Sequence[R], kind: str) -> Sequence[R]:
    """The records, refused when two of them share an id."""
    clashes = sorted(i for i, n in Counter(r.id for r in records).items() if n > 1)
    if clashes:
        raise ClashingIdsError(
            f"{', '.join(clashes)}: each names more than one {kind} (after a git merge perhaps), so a report "
            "would count only one of them. Run `ritual check --fix` to renumber them, then write the report again."
        )
    return records


def shown_to(audience: str, record: Escalation | Decision, status: str | None = None) -> bool:
    """Whether the audience sees this record: the client sees neither an escalation marked internal
    nor a strategic decision still proposed (``status``: the decision's status on the report's day)."""
    if audience != "client":
        return True
    if isinstance(record, Escalation):
        return not record.internal
    return not (record.level == "strategic" and (status or record.status) == "proposed")


def related(ws: Workspace, ids: Iterable[str], audience: str) -> list[dict[str, Any]]:
    """The decisions and escalations an escalation names as the same question, as the audience may
    see them (today's title and status); an id that names nothing is kept, marked unknown."""
    out = []
    for ref in ids:
        try:
            record: Decision | Escalation = (
                ws.get(Decision, ref) if ref.upper().startswith("D-") else ws.get(Escalation, ref)
            )
        except RitualError:
            out.append({"id": ref, "kind": "unknown", "title": "", "status": ""})
            continue
        if shown_to(audience, record):
            out.append({"id": record.id, "kind": record.KIND, "title": record.title, "status": record.status})
    return out


def escalation_line(e: Escalation, as_of: date) -> dict[str, Any]:
    """An escalation as it stood at the end of ``as_of``: its status, age and answer then."""
    status = e.status_on(as_of) or e.status
    answered = e.answered if e.answered and e.answered <= as_of else None
    return {
        "id": e.id,
        "title": e.title,
        "category": e.category,
        "severity": e.severity,
        "status": status,
        "raised": e.raised,
        "age_days": e.age_days(as_of),
        "needed_by": e.needed_by,
        "ask": e.ask,
        "impact": e.impact,
        "options": list(e.options),
        "recommendation": e.recommendation,
        "source": e.source,
        "item": e.item,
        "pm_answer": e.pm_answer if answered else "",
        "answered": answered,
        "resolution": e.resolution if status == "resolved" else "",
    }


def blocker_line(b: Blocker, as_of: date) -> dict[str, Any]:
    """A blocker as it stood at the end of ``as_of``."""
    then = blocker_on(b, as_of)
    return {
        "id": b.id,
        "title": b.title,
        "owner": b.owner,
        "item": b.item,
        "status": "open" if then.open else "resolved",
        "first_seen": b.first_seen,
        "resolved": None if then.open else b.resolved,
        "days_open": then.days_open,
        "dailies": then.dailies,
        "escalation": b.escalation,
    }


def decision_line(d: Decision, status: str) -> dict[str, Any]:
    """A decision with its status on the report's day."""
    return {
        "id": d.id,
        "date": d.date,
        "title": d.title,
        "level": d.level,
        "status": status,
        "source": d.source,
        "decision": d.decision,
        "superseded_by": d.superseded_by if status == "superseded" else "",
    }
