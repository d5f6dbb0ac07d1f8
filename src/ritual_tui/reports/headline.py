"""The five lines a PM reads first: the goal and why, delivery against the commitment, scope
change, the commitment against the forecast, and the top risks. Drawn from the document itself, so
the headline never says anything its tables do not."""

from __future__ import annotations

from typing import Any

from ritual_tui.domain.rules import format_points, plural
from ritual_tui.domain.settings import Settings

#: How many risks the headline names; the tables below list them all.
TOP_RISKS = 3


def headline(doc: dict[str, Any], settings: Settings) -> list[str]:
    """Five lines of plain text."""
    return [_goal(doc), _delivery(doc), _scope(doc), _forecast(doc, settings), _risks(doc, settings)]


def _pts(value: float | None) -> str:
    return format_points(value)


def _sentence(text: str) -> str:
    return text if text.rstrip().endswith((".", "!", "?")) else text + "."


def _goal(doc: dict[str, Any]) -> str:
    s = doc["sprint"]
    if s["status"] == "closed":
        verdict = {"met": "Goal met", "partly": "Goal partly met", "not-met": "Goal not met"}.get(
            s["goal_verdict"], "Goal verdict not recorded"
        )
        on = f" on {s['closed_on']}" if s["closed_on"] else ""
        if s["goal_reason"]:
            return _sentence(f"{verdict}: {s['goal_reason']}")
        return f"{verdict}, as decided when the sprint closed{on}."
    reasons = _reasons_at_risk(doc)
    if reasons:
        more = f" (and {len(reasons) - TOP_RISKS} more below)" if len(reasons) > TOP_RISKS else ""
        return "Goal at risk: " + "; ".join(reasons[:TOP_RISKS]) + more + "."
    today = next((d for d in doc["burndown"] if d["day"] == doc["as_of"]), None)
    where = (
        f"{_pts(today['remaining'])} points left on day {s['day']} of {s['days']}, the ideal line is at "
        f"{_pts(today['ideal'])}"
        if today
        else f"day {s['day']} of {s['days']}"
    )
    return f"Goal on track: {where}; whether it is met is decided at the review."


def _reasons_at_risk(doc: dict[str, Any]) -> list[str]:
    """Why a running sprint's goal is at risk: behind the ideal line, blockers and escalations
    waiting for the PM on its items."""
    reasons = []
    today = next((d for d in doc["burndown"] if d["day"] == doc["as_of"]), None)
    if today and today["remaining"] is not None and today["remaining"] > today["ideal"]:
        behind = today["remaining"] - today["ideal"]
        reasons.append(f"{_pts(round(behind, 1))} points behind the ideal line on day {doc['sprint']['day']}")
    scope = {i["id"] for i in doc["delivery"]["items"] if i["in_scope"]}
    for b in doc["blockers"]:
        if b["status"] == "open" and b["item"] in scope:
            reasons.append(f"blocker {b['id']} on {b['item']} ({plural(b['dailies'], 'daily', 'dailies')})")
    for e in doc["escalations"]["waiting_for_pm"]:
        if e["item"] in scope:
            reasons.append(f"{e['id']} ({e['severity']}) on {e['item']} waits for the PM")
    return reasons


def _delivery(doc: dict[str, Any]) -> str:
    d, s = doc["delivery"], doc["sprint"]
    share = f" ({d['completed_percent']}%)" if d["completed_percent"] is not None else ""
    done = f"{_pts(d['completed_points'])} points against {_pts(d['committed_points'])} committed{share}"
    if s["status"] != "closed":
        return (
            f"Done so far: {done}, {plural(d['completed_items'], 'item')}; "
            f"{plural(d['still_to_do_items'], 'item')} still to do on day {s['day']} of {s['days']}."
        )
    ended = [f"{d['rejected_items']} rejected", f"{d['carried_over_items']} carried over"]
    ended += [f"{d['returned_items']} returned to the backlog"] if d["returned_items"] else []
    ended += [f"{d['dropped_items']} dropped"] if d["dropped_items"] else []
    return f"Completed {done}: {plural(d['completed_items'], 'item')} accepted, {', '.join(ended)}."


def _scope(doc: dict[str, Any]) -> str:
    d = doc["delivery"]
    if not d["added_items"] and not d["removed_items"]:
        return "Scope unchanged since the start."
    net = d["scope_change_percent"]
    changes = []
    if d["added_items"]:
        changes.append(f"+{_pts(d['added_points'])} points added ({plural(d['added_items'], 'item')})")
    if d["removed_items"]:
        changes.append(f"−{_pts(d['removed_points'])} points removed ({plural(d['removed_items'], 'item')})")
    share = "on a commitment of zero" if net is None else f"net {'+' if net >= 0 else '−'}{abs(net)}% of the commitment"
    return f"Scope changed after the start: {' and '.join(changes)}, {share}."


def _forecast(doc: dict[str, Any], settings: Settings) -> str:
    s, d = doc["sprint"], doc["delivery"]
    committed = f"Committed {_pts(d['committed_points'])} points"
    if s["forecast_points"] is None:
        return f"{committed}; no forecast was made at planning."
    line = f"{committed} against a forecast of {_pts(s['forecast_points'])}"
    if s["committed_of_forecast_percent"] is not None:
        line += f" ({s['committed_of_forecast_percent']}%)"
    if s["over_forecast"]:
        line += f": over-committed, above {settings.overcommit_percent}% of the forecast"
    return line + "."


def _risks(doc: dict[str, Any], settings: Settings) -> str:
    risks = []
    for e in doc["escalations"]["waiting_for_pm"]:
        needed = f", needed by {e['needed_by']}" if e["needed_by"] else ""
        risks.append(f"{e['id']} ({e['severity']}{needed}) {e['title']}")
    for b in doc["blockers"]:
        if b["status"] == "open" and b["dailies"] >= settings.blocker_aging_dailies:
            risks.append(f"{b['id']} open for {plural(b['dailies'], 'daily', 'dailies')}: {b['title']}")
    if not risks:
        return f"No escalation waits for the PM and no blocker is aging on {doc['as_of']}."
    more = f" (and {len(risks) - TOP_RISKS} more below)" if len(risks) > TOP_RISKS else ""
    return "Top risks: " + "; ".join(risks[:TOP_RISKS]) + more + "."
