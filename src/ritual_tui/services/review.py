"""The sprint review's own use cases: the review opened with its run-sheet, the stakeholders in the
room, the run-sheet in the PO's order, the verdict on the goal, and what the review changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.review import GOAL_VERDICTS, WORDS
from ritual_tui.domain.roadmap import ProductProgress, product_progress
from ritual_tui.domain.rules import velocity_trend
from ritual_tui.domain.session import RitualSession, Stakeholder
from ritual_tui.domain.sprint import Sprint
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.services.sessions import SessionContext, open_session
from ritual_tui.services.sprints import require_active, sprint_items
from ritual_tui.store.workspace import Workspace


@dataclass
class ReviewContext(SessionContext):
    """The session, plus the run-sheet, the feedback heard, and where the product stands against its
    goal (None until it is read)."""

    run_sheet: list[BacklogItem] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    progress: ProductProgress | None = None


def open_review(
    ws: Workspace, today: date | None = None, new: bool = False, with_progress: bool = True
) -> ReviewContext:
    """Today's review (resumed if under way) with its run-sheet and feedback; progress toward the
    product goal too unless the screen has no room to show it (it reads every item's index)."""
    base = open_session(ws, "review", today, new)
    sprint = base.sprint
    if sprint is None and base.session.sprint:
        sprint = ws.get(Sprint, base.session.sprint)  # closed by this very review: still its subject
    base.sprint = sprint
    return ReviewContext(
        **vars(base),
        run_sheet=run_sheet(ws, sprint, base.session.run_sheet),
        feedback=sprint_feedback(ws, sprint.id) if sprint else [],
        progress=progress(ws, sprint) if with_progress else None,
    )


def run_sheet(ws: Workspace, sprint: Sprint | None, order: list[str]) -> list[BacklogItem]:
    """The sprint's items (committed, plus added, less removed) in the PO's order, then the rest in
    the order they entered the sprint."""
    if sprint is None:
        return []
    items = sprint_items(ws, sprint)
    scope = [i for i in sprint.current_ids() if i in items]
    ordered = [i for i in order if i in scope] + [i for i in scope if i not in order]
    return [items[i] for i in ordered]


def sprint_feedback(ws: Workspace, sprint_id: str) -> list[Feedback]:
    """The feedback heard about a sprint, in the order it was heard."""
    return ws.all(Feedback, where=lambda f: f.sprint == sprint_id)


def known_stakeholders(ws: Workspace, except_session: str = "") -> list[Stakeholder]:
    """Stakeholders of past reviews, the most recent first, each name once."""
    reviews = ws.all(RitualSession, where=lambda s: s.ritual == "review" and s.id != except_session)
    seen: dict[str, Stakeholder] = {}
    for session in sorted(reviews, key=lambda s: s.date, reverse=True):
        for person in session.stakeholders:
            seen.setdefault(person.name.casefold(), person)
    return list(seen.values())


def progress(ws: Workspace, sprint: Sprint | None) -> ProductProgress:
    """Progress toward the product goal, with the sprint under review's items counted as in flight."""
    items = {i.id: i for i in ws.index(BacklogItem)}
    sprints = ws.all(Sprint)
    velocities = [v.completed for v in velocity_trend(sprints, items).by_sprint]
    in_flight = sprint.current_ids() if sprint is not None and sprint.status == "active" else []
    return product_progress(ws.settings, items.values(), velocities, in_flight)


def add_stakeholder(ws: Workspace, session_id: str, name: str, role: str = "") -> RitualSession:
    """Someone from outside the team joins the review (once: a name already in the room is refused)."""
    person = Stakeholder(name=required_text(name, "name").strip(), role=storable_text(role, "role").strip())

    def join(session: RitualSession) -> None:
        there = next((p for p in session.stakeholders if p.name.casefold() == person.name.casefold()), None)
        if there is not None:
            raise ValidationError(f"{there.name} is in the room already.")
        session.stakeholders.append(person)

    return ws.update(RitualSession, session_id, join)


def set_run_sheet(ws: Workspace, session_id: str, order: list[str]) -> RitualSession:
    """Keep the order in which the PO walks the sprint's items."""
    return ws.update(RitualSession, session_id, lambda s: setattr(s, "run_sheet", list(order)))


def set_goal_verdict(ws: Workspace, verdict: str, reason: str) -> Sprint:
    """The verdict on the sprint goal (met, partly, not-met) with its one-line reason."""
    one_of(verdict, GOAL_VERDICTS, "goal verdict")
    why = required_text(reason, "reason for the verdict")

    def give(sprint: Sprint) -> None:
        sprint.goal_verdict, sprint.goal_reason, sprint.goal_met = verdict, why, verdict == "met"

    return ws.update(Sprint, require_active(ws).id, give)


def backlog_changes(sprint: Sprint, feedback: list[Feedback], session: RitualSession) -> list[tuple[str, str]]:
    """What the review changed in the backlog, as (item id, what happened): outcomes decided in this
    session, items the feedback heard in it became, and the close-out once the sprint is closed."""
    started = session.started or clock.now()
    changes = []
    for review in sprint.reviews:
        outcome = sprint.outcomes.get(review.item, "")
        if review.decided is not None and review.decided >= started and outcome:
            changes.append((review.item, "accepted: done" if outcome == "accepted" else outcome))
    for piece in feedback:
        if piece.session == session.id and piece.became_kind == "item":
            changes.append((piece.became, f"new, from feedback {piece.id}: {piece.text}"))
    if sprint.closed is not None and sprint.closed >= started:
        changes += [(line.item, WORDS[line.action]) for line in sprint.close_out]
    return changes
