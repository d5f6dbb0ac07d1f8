"""Parts of the PM brief: questions linked as the same question, and the lines read first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.rules import plural
from ritual_tui.reports.records import related
from ritual_tui.store.workspace import Workspace


def linked_questions(
    ws: Workspace, escalations: Sequence[Escalation], audience: str
) -> Callable[[str], list[dict[str, Any]]]:
    """Id → the decisions and escalations linked to it as the same question, both ways: an
    escalation that names a decision shows under the decision too, so that nothing is decided twice."""
    links: dict[str, set[str]] = {}
    for e in escalations:
        for other in e.related:
            links.setdefault(e.id, set()).add(other)
            links.setdefault(other, set()).add(e.id)

    def linked(record_id: str) -> list[dict[str, Any]]:
        ids = sorted(links.get(record_id, ()), key=lambda i: (i[:1], int(i[2:]) if i[2:].isdigit() else 0, i))
        return related(ws, ids, audience)

    return linked


def at_a_glance(doc: dict[str, Any]) -> list[str]:
    """What waits for the PM, counted, in a few plain lines."""
    waiting = doc["open_escalations"]
    new = sum(1 for e in waiting if e["new"])
    needed = sorted(e["needed_by"] for e in waiting if e["needed_by"])
    overdue = sum(1 for e in waiting if e["overdue"])
    lines = []
    if waiting:
        line = f"{plural(len(waiting), 'escalation')} {'waits' if len(waiting) == 1 else 'wait'} for your decision"
        line += f" ({new} new since the last brief)" if doc["since"] else ""
        if needed:
            line += f"; the first is needed by {needed[0]}"
        line += f"; {overdue} overdue" if overdue else ""
        lines.append(line + ".")
    else:
        lines.append("No escalation waits for your decision.")
    since = "since the last brief" if doc["since"] else "and not yet resolved"
    if doc["audience"] == "pm":  # the client's copy leaves proposed strategic decisions out
        proposed = plural(len(doc["strategic_decisions_waiting"]), "strategic decision")
        lines.append(f"{proposed} proposed, waiting for you.")
    lines.append(f"{plural(len(doc['answers_received']), 'answer')} of yours received {since}.")
    taken = plural(len(doc["decisions_taken"]), "operational decision")
    lines.append(f"{taken} taken by the PO, for your information.")
    lines.append(
        f"{plural(len(doc['aging_blockers']), 'blocker')} open for {doc['aging_threshold_dailies']} dailies or more."
    )
    return lines
