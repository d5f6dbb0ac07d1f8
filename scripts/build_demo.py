"""Build ``config/demo/``, the demo workspace, through the store's own API.

Run from a source checkout: ``python scripts/build_demo.py``. The demo is written for the day
``DEMO_TODAY``; ``ritual demo`` moves every date by whole weeks so that its sprint is always
half-way through on the day it is opened.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.closing import snapshot_at_close
from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.delivery import sprint_figures
from ritual_tui.domain.escalation import Escalation, StatusChange
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.refinement import RefinedItem, Refinement, VoteRound
from ritual_tui.domain.review import CloseOut, ItemReview
from ritual_tui.domain.session import RitualSession, Stakeholder
from ritual_tui.domain.sprint import CommittedItem, ScopeChange, Sprint, SprintClose
from ritual_tui.store import layout
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "config" / "demo"
DEMO_TODAY = date(2026, 11, 24)
TZ = timezone(timedelta(hours=1))

SETTINGS = """
# Bookwise, the demo workspace of ritual-tui. Every setting not set here takes its default from
# config/default.toml, which documents them all.
schema = 1
product = "Bookwise"
product_goal = "By June 2027, patients book 60% of clinic appointments online, without a phone call."
demo_today = 2026-11-24
blocker_aging_dailies = 3

# The last entry came with decision D-4, accepted at the planning of sprint 4.
definition_of_done = [
    "Acceptance criteria verified",
    "Code reviewed",
    "Automated tests pass",
    "Deployed to staging",
    "User-facing documentation updated",
    "Checked with a screen reader (user-facing stories)",
]

[[team]]
name = "Lena Fischer"
role = "Tech lead"
availability = 1.0

[[team]]
name = "Tomás Ruiz"
role = "Backend developer"
availability = 1.0

[[team]]
name = "Priya Natarajan"
role = "Frontend developer"
availability = 1.0

[[team]]
name = "Jonas Berg"
role = "Mobile developer"
availability = 0.8

[[team]]
name = "Mei Chen"
role = "QA engineer"
availability = 1.0

[[team]]
name = "Samir Haddad"
role = "UX designer"
availability = 0.5

[[objectives]]
id = "O-1"
title = "Patients book, move and cancel appointments on web and mobile"
horizon = "Q4 2026"

[[objectives]]
id = "O-2"
title = "Halve no-shows with reminders"
horizon = "Q1 2027"

[[objectives]]
id = "O-3"
title = "Clinic staff manage their own calendars without IT help"
horizon = "Q1 2027"

[[objectives]]
id = "O-4"
title = "Health-data compliance: GDPR, audit trail, data residency"
horizon = "ongoing"
"""

TEAM = ["Lena Fischer", "Tomás Ruiz", "Priya Natarajan", "Jonas Berg", "Mei Chen", "Samir Haddad"]

# (title, kind, objective, estimate, as_a, i_want, so_that, [criteria], tags)
ITEMS = [
    (
        "Search free slots by clinic and day",
        "story",
        "O-1",
        5,
        "patient",
        "to see the free slots of my clinic for a day",
        "I can pick a time that suits me",
        [
            "Given a clinic with free slots, When I choose a day, Then I see every free slot that day",
            "Given no free slot that day, When I choose it, Then I am offered the next day with one",
        ],
        ["booking"],
    ),
    (
        "Book a slot with email confirmation",
        "story",
        "O-1",
        8,
        "patient",
        "to book a free slot and get a confirmation email",
        "I know my appointment is real",
        [
            "Given a free slot, When I book it, Then it is no longer free and I receive an email within a minute",
            "Given two patients book the same slot at once, When both confirm, Then exactly one booking succeeds",
        ],
        ["booking"],
    ),
    (
        "Patient sign-up with email",
        "story",
        "O-1",
        5,
        "new patient",
        "to create an account with my email",
        "my bookings are kept together",
        [
            "Given a new email, When I sign up, Then I receive a verification link",
            "Given an email already used, When I sign up, Then I am told to sign in instead",
        ],
        ["accounts"],
    ),
    (
        "Clinic opening hours editor",
        "story",
        "O-3",
        5,
        "clinic manager",
        "to set our opening hours per weekday",
        "patients only see slots when we are open",
        ["Given opening hours for Monday, When I save them, Then Monday slots outside them disappear"],
        ["calendar"],
    ),
    (
        "Audit log of record access",
        "story",
        "O-4",
        8,
        "data protection officer",
        "a log of who opened which patient record",
        "we can answer an access request within a month",
        ["Given a staff member opens a record, When the log is queried, Then the access shows with who, when and why"],
        ["compliance"],
    ),
    (
        "Cancel an appointment online",
        "story",
        "O-1",
        3,
        "patient",
        "to cancel my appointment from the confirmation email",
        "the slot goes to someone else",
        [
            "Given a booking more than 24 h away, When I cancel it, Then the slot is free again and I get a cancellation email"
        ],
        ["booking"],
    ),
    (
        "Fix: double booking under load",
        "bug",
        "O-1",
        3,
        "",
        "",
        "",
        ["Given 50 concurrent bookings of one slot, When they complete, Then exactly one succeeds"],
        ["booking", "incident"],
    ),
    (
        "Staff calendar week view",
        "story",
        "O-3",
        8,
        "receptionist",
        "to see the week's appointments per practitioner",
        "I can answer the phone without paper",
        [
            "Given a week with appointments, When I open the week view, Then each practitioner has a column with their appointments"
        ],
        ["calendar"],
    ),
    (
        "SMS reminder 24 h before",
        "story",
        "O-2",
        5,
        "patient",
        "an SMS reminder the day before my appointment",
        "I do not forget it",
        ["Given a booking tomorrow at 10:00, When it is 10:00 today, Then I receive an SMS with the time and address"],
        ["reminders"],
    ),
    (
        "Move an appointment to another slot",
        "story",
        "O-1",
        5,
        "patient",
        "to move my appointment to another free slot",
        "I do not have to cancel and book again",
        [
            "Given a booking and a free slot, When I move to it, Then the old slot is free and the new one booked, in one step"
        ],
        ["booking"],
    ),
    (
        "Spike: SMS provider comparison",
        "spike",
        "O-2",
        2,
        "",
        "",
        "",
        ["Given three providers, When compared, Then we have cost per SMS, delivery rate and EU hosting for each"],
        ["reminders"],
    ),
    (
        "Data residency: EU-only storage",
        "chore",
        "O-4",
        5,
        "",
        "",
        "",
        ["Given any patient data, When stored, Then it is in an EU region, including backups"],
        ["compliance"],
    ),
    (
        "Accessible booking flow (WCAG AA)",
        "story",
        "O-1",
        5,
        "patient using a screen reader",
        "to book without help",
        "I am as independent as other patients",
        ["Given a screen reader, When I book, Then every step is announced and reachable by keyboard"],
        ["booking", "a11y"],
    ),
    (
        "Practitioner absence blocks slots",
        "story",
        "O-3",
        3,
        "clinic manager",
        "to mark a practitioner absent for days",
        "nobody can book them then",
        ["Given an absence from Monday to Wednesday, When saved, Then those days show no slots for that practitioner"],
        ["calendar"],
    ),
    (
        "Reminder opt-out per patient",
        "story",
        "O-2",
        2,
        "patient",
        "to turn reminders off",
        "I only get messages I want",
        ["Given reminders on, When I turn them off in my account, Then no reminder is sent for later bookings"],
        ["reminders"],
    ),
    (
        "Email reminder 48 h before",
        "story",
        "O-2",
        3,
        "patient",
        "an email reminder two days before",
        "I can still move the appointment",
        ["Given a booking in 48 h, When the reminder job runs, Then I receive an email with a link to move or cancel"],
        ["reminders"],
    ),
    (
        "Mobile app: book a slot",
        "story",
        "O-1",
        8,
        "patient on my phone",
        "to book in the mobile app",
        "I can book on the go",
        ["Given the app, When I book a free slot, Then it behaves as the web booking and I get the same email"],
        ["mobile", "booking"],
    ),
    (
        "Clinic onboarding checklist",
        "story",
        "O-3",
        3,
        "new clinic manager",
        "a checklist of what to set up",
        "we go live without calling support",
        ["Given a new clinic, When I log in the first time, Then I see the steps left and which are done"],
        ["onboarding"],
    ),
    (
        "Fix: time zone shown wrong after DST change",
        "bug",
        "O-1",
        2,
        "",
        "",
        "",
        ["Given a booking after the DST change, When shown, Then its time is the clinic's local time"],
        ["booking"],
    ),
    (
        "Export appointments to CSV",
        "story",
        "O-3",
        2,
        "clinic manager",
        "to export a month's appointments",
        "I can reconcile with billing",
        [
            "Given a month, When I export, Then I get one CSV line per appointment with patient id, practitioner, time and status"
        ],
        ["calendar"],
    ),
    (
        "No-show tracking per patient",
        "story",
        "O-2",
        5,
        "clinic manager",
        "to see patients' no-shows",
        "we can follow up repeat no-shows",
        ["Given an appointment not attended, When staff mark it as no-show, Then the patient's no-show count goes up"],
        ["reminders"],
    ),
    (
        "Waiting list for full days",
        "story",
        "O-1",
        8,
        "patient",
        "to join a waiting list for a full day",
        "I get a slot if one frees up",
        ["Given a full day, When I join its waiting list and a slot frees, Then I am offered it first by SMS"],
        ["booking"],
    ),
    (
        "Consent record for reminders",
        "story",
        "O-4",
        3,
        "data protection officer",
        "a record of each patient's consent to reminders",
        "we can prove consent",
        ["Given a patient opts in, When consent is recorded, Then the record shows when and how"],
        ["compliance", "reminders"],
    ),
    (
        "Practitioner profile pages",
        "story",
        "O-1",
        5,
        "patient",
        "to read about a practitioner before booking",
        "I choose the right person",
        [],
        ["booking"],
    ),
    (
        "Video consultation link",
        "story",
        "",
        None,
        "patient",
        "a video link for remote appointments",
        "I can consult from home",
        [],
        ["ideas"],
    ),
    (
        "Payment of no-show fees",
        "story",
        "O-2",
        None,
        "clinic manager",
        "to charge a fee for a no-show",
        "no-shows cost less",
        [],
        ["payments"],
    ),
    (
        "Multi-clinic accounts",
        "story",
        "O-3",
        None,
        "clinic group manager",
        "to manage several clinics from one account",
        "",
        [],
        ["calendar"],
    ),
    ("Upgrade the booking service to the new framework version", "chore", "", 3, "", "", "", [], ["tech-debt"]),
    ("Fix: confirmation email lands in spam", "bug", "O-1", None, "", "", "", [], ["booking", "email"]),
    (
        "Recurring appointments",
        "story",
        "O-1",
        None,
        "patient in a treatment plan",
        "to book a series of weekly appointments",
        "I do not book each one",
        [],
        ["booking"],
    ),
    (
        "Staff roles and permissions",
        "story",
        "O-4",
        8,
        "clinic manager",
        "to give staff only the access they need",
        "patient data is only seen by those who must",
        ["Given a receptionist role, When they open a record, Then they see contact details but not clinical notes"],
        ["compliance"],
    ),
    (
        "Clinic holidays calendar",
        "story",
        "O-3",
        2,
        "clinic manager",
        "to close the clinic on public holidays",
        "nobody books a closed day",
        ["Given a public holiday, When it is set, Then that day shows no slots"],
        ["calendar"],
    ),
    (
        "Patient reviews of practitioners",
        "story",
        "",
        None,
        "patient",
        "to rate my visit",
        "others can choose",
        [],
        ["ideas"],
    ),
    (
        "Spike: calendar sync with Google and Outlook",
        "spike",
        "O-3",
        3,
        "",
        "",
        "",
        ["Given both APIs, When compared, Then we know effort, limits and data-protection terms"],
        ["calendar"],
    ),
    (
        "Load test of booking at 10x traffic",
        "chore",
        "O-1",
        3,
        "",
        "",
        "",
        ["Given 10x last month's peak, When replayed, Then p95 booking stays under 800 ms"],
        ["booking"],
    ),
    (
        "Fix: slot list flickers on slow networks",
        "bug",
        "O-1",
        1,
        "",
        "",
        "",
        ["Given a 3G connection, When slots load, Then a skeleton shows and nothing jumps"],
        ["booking"],
    ),
    (
        "Reminder wording in three languages",
        "story",
        "O-2",
        2,
        "patient who reads Spanish",
        "reminders in my language",
        "I understand them",
        ["Given a patient with Spanish as language, When a reminder is sent, Then it is in Spanish"],
        ["reminders", "i18n"],
    ),
    ("Dark mode", "story", "", None, "patient", "a dark theme", "it is easier on my eyes", [], ["ideas"]),
    ("Retire the legacy phone-booking export", "chore", "O-3", 2, "", "", "", [], ["tech-debt"]),
    (
        "Insurance card scan at sign-up",
        "story",
        "O-1",
        None,
        "patient",
        "to scan my insurance card",
        "I do not type the number",
        [],
        ["accounts"],
    ),
]

# Sprint number → (start, goal, objective, committed item numbers, outcomes override, added later, removed)
SPRINTS = {
    1: (date(2026, 9, 24), "Patients can find a free slot", "O-1", [1, 3, 4], {4: "carried-over"}, [], []),
    2: (date(2026, 10, 8), "Patients can book and get a confirmation", "O-1", [2, 4, 11, 19], {}, [], []),
    3: (
        date(2026, 10, 22),
        "Bookings hold up under real traffic",
        "O-1",
        [7, 6, 12, 14, 36],
        {12: "carried-over"},
        [35],
        [],
    ),
    4: (date(2026, 11, 5), "Clinics run their week in Bookwise", "O-3", [8, 12, 20, 32], {20: "rejected"}, [], [32]),
    5: (
        date(2026, 11, 19),
        "Patients get reminders and miss fewer appointments",
        "O-2",
        [9, 15, 16, 23, 37],
        {},
        [13],
        [],
    ),
}
# Sprint number → (goal met, why), as said at the review.
VERDICTS = {
    1: (True, "Patients find a free slot by clinic and day, and sign up; the opening-hours editor moves to sprint 2."),
    2: (True, "The pilot clinic takes bookings with an email confirmation."),
    3: (True, "Booking held 10x last month's peak in the load test; data residency moves to sprint 4."),
    4: (
        False,
        "The CSV export was rejected: billing cannot use it without the insurance number (escalated as E-2).",
    ),
}
# Item number → status in the active sprint.
ACTIVE_STATUS = {9: "in-progress", 15: "done", 16: "review", 23: "in-progress", 37: "ready", 13: "ready"}
READY = [5, 10, 17, 21, 31, 34, 22]
REFINING = [18, 20, 24, 28, 29, 39]
DROPPED = [38]


def at(day: date, hour: int = 9, minute: int = 30) -> datetime:
    return datetime.combine(day, time(hour, minute), TZ)


def weekdays(start: date, end: date) -> list[date]:
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return [d for d in days if d.weekday() < 5]


def frozen_at_close(sprint: Sprint, items: dict[int, BacklogItem], decisions: list[Decision]) -> SprintClose:
    """What closing a past sprint froze, rebuilt from the demo's plan: items done by its last day
    were done, items planned in later sprints or ready today were ready, unfinished ones of the
    sprint went back to ready; a decision superseded later was still accepted."""
    later = {n for number, plan in SPRINTS.items() if number > sprint.number for n in plan[3] + plan[5]}
    then = {}
    for n, item in items.items():
        copy = dataclasses.replace(item)
        if item.done_on and item.done_on <= sprint.end:
            copy.status = "done"
        elif n in later or n in READY or item.id in sprint.outcomes:
            copy.status = "ready"
        then[item.id] = copy
    before = {"accepted": "done", "carried-over": "in-progress", "rejected": "review"}
    statuses = {i: before[outcome] for i, outcome in sprint.outcomes.items()}
    dated = {d.id: d.date for d in decisions}
    as_then = [
        dataclasses.replace(d, status="accepted")
        if d.status == "superseded" and (dated.get(d.superseded_by) or sprint.end) > sprint.end
        else d
        for d in decisions
    ]
    return snapshot_at_close(sprint, then, statuses, as_then, sprint.end)


# The reviews of the closed sprints. Stakeholders by sprint; Dr. Vogel runs the pilot clinic.
VOGEL = Stakeholder(name="Dr. Anna Vogel", role="Clinic partner, Praxis am Markt")
STAKEHOLDERS = {
    1: [VOGEL],
    2: [VOGEL, Stakeholder(name="Karin Holm", role="Data protection officer")],
    3: [VOGEL],
    4: [VOGEL, Stakeholder(name="Ole Brandt", role="Clinic manager, Nordstadt")],
}
# Sprints whose goal was partly met (the others' yes or no is in VERDICTS, with the reasons).
PARTLY_MET = {4}
# Item number → (criteria found not met (numbers), DoD entries found met (numbers), override, reason).
# Items not listed were found to meet every criterion and the whole Definition of Done.
INSPECTED = {
    4: ([], [2], "", ""),
    12: ([], [1, 2, 3, 4], "A chore with nothing user-facing: no documentation to update.", ""),
    20: ([1], [2, 3, 4, 5], "", "Cancelled appointments are missing; billing also needs the insurance number."),
}


def inspect(sprint: Sprint, number: int, items: dict[int, BacklogItem], dod: list[str], day: date) -> None:
    """One closed sprint's review: the goal verdict, each item's checks, and the close-out."""
    _, _, _, committed, _, added, removed = SPRINTS[number]
    sprint.goal_verdict = "partly" if number in PARTLY_MET else "met" if VERDICTS[number][0] else "not-met"
    sprint.goal_met = sprint.goal_verdict == "met"
    for n in [n for n in committed + added if n not in removed]:
        criteria = items[n].acceptance
        unmet, done, override, reason = INSPECTED.get(n, ([], range(1, len(dod) + 1), "", ""))
        outcome = sprint.outcomes[items[n].id]
        met_done = [dod[k - 1] for k in done]
        sprint.reviews.append(
            ItemReview(
                item=items[n].id,
                criteria_met=[c for k, c in enumerate(criteria, 1) if k not in unmet and outcome != "carried-over"],
                criteria_unmet=[criteria[k - 1] for k in unmet],
                done_met=met_done,
                missed=[e for e in dod if e not in met_done] if override else [],
                override=override,
                reason=reason,
                decided=at(day, 14, 20),
            )
        )
        if outcome != "accepted":
            action = "return" if outcome == "rejected" else "carry-over"
            sprint.close_out.append(CloseOut(item=items[n].id, action=action))


def add_reviews(
    ws: Workspace, items: dict[int, BacklogItem], sessions: list[RitualSession], escalations: list[Escalation]
) -> None:
    """The closed sprints' reviews: who was in the room, each item inspected against its criteria and
    the Definition of Done, the goal verdict, the close-out, and the feedback heard and what it became."""
    for number in VERDICTS:
        review = next(s for s in sessions if s.ritual == "review" and s.date == SPRINTS[number][0] + timedelta(13))
        ws.update(RitualSession, review.id, lambda s, n=number: setattr(s, "stakeholders", STAKEHOLDERS[n]))
        ws.update(
            Sprint,
            f"S-{number}",
            lambda sprint, n=number, day=review.date: inspect(sprint, n, items, ws.settings.definition_of_done, day),
        )

    def heard(number: int, text: str, item: int, by: str, kind: str = "", became: str = "") -> Feedback:
        review = next(s for s in sessions if s.ritual == "review" and s.date == SPRINTS[number][0] + timedelta(13))
        return ws.add(
            Feedback(
                text=text,
                by=by,
                item=items[item].id,
                sprint=f"S-{number}",
                session=review.id,
                heard=review.date,
                became_kind=kind,
                became=became,
            )
        )

    def new_item(title: str, objective: str, came_from: int, feedback: Feedback, estimate: int | None) -> None:
        item = BacklogItem(
            title=title,
            kind="story",
            objective=objective,
            estimate=estimate,
            status="new",
            rank=len(items) + 1 + len(ws.files(Feedback)),
            came_from=items[came_from].id,
            from_feedback=feedback.id,
            created=at(feedback.heard or DEMO_TODAY, 15),
            updated=at(feedback.heard or DEMO_TODAY, 15),
        )
        ws.add(item)
        ws.update(Feedback, feedback.id, lambda f: (setattr(f, "became_kind", "item"), setattr(f, "became", item.id)))

    heard(1, "Show the clinic's address next to each slot.", 1, VOGEL.name, kind="noted")
    privacy = heard(2, "Confirmation emails must never show the reason for the visit.", 2, "Karin Holm")
    decision = ws.add(
        Decision(
            title="Confirmation emails never show the reason for the visit",
            date=SPRINTS[2][0] + timedelta(13),
            level="operational",
            status="accepted",
            source="review",
            session=privacy.session,
            context=f"Feedback {privacy.id} from Karin Holm at the sprint review: {privacy.text}",
            decision="Emails name the clinic, the day and the time only.",
            deciders=["Product Owner"],
            items=[items[2].id],
        )
    )
    ws.update(
        Feedback, privacy.id, lambda f: (setattr(f, "became_kind", "decision"), setattr(f, "became", decision.id))
    )
    ws.update(RitualSession, privacy.session, lambda s: s.captured.append(decision.id))
    red = heard(3, "Receptionists want to see cancellations highlighted in red.", 6, VOGEL.name)
    new_item("Highlight cancellations in the staff calendar", "O-3", 6, red, 2)
    heard(
        4,
        "CSV export must include the insurance number, or billing cannot use it.",
        20,
        VOGEL.name,
        kind="escalation",
        became=escalations[1].id,
    )
    day_view = heard(4, "Week view is great; a day view for small screens would help.", 8, "Ole Brandt")
    new_item("Day view of the staff calendar for small screens", "O-3", 8, day_view, None)
    heard(4, "Could patients see the practitioner's photo when they book?", 1, "Ole Brandt")


def build() -> None:
    layout.nonce_source = random.Random(2026)  # the same file names at every rebuild
    if TARGET.exists():
        shutil.rmtree(TARGET)
    Workspace.create(TARGET, "Bookwise")
    # The demo's settings are written as a team would keep them: only what differs from
    # config/default.toml, which documents every setting.
    (TARGET / "workspace.toml").write_text(SETTINGS.lstrip() + "\n" + TRAILER, encoding="utf-8")
    ws = Workspace.open(TARGET)

    created = at(date(2026, 9, 10))
    items: dict[int, BacklogItem] = {}
    for n, (title, kind, objective, estimate, as_a, i_want, so_that, criteria, tags) in enumerate(ITEMS, start=1):
        item = BacklogItem(
            title=title,
            kind=kind,
            objective=objective,
            estimate=estimate,
            as_a=as_a,
            i_want=i_want,
            so_that=so_that,
            acceptance=criteria,
            tags=tags,
            rank=n,
            created=created + timedelta(hours=n),
            updated=created + timedelta(hours=n),
            value=(len(ITEMS) - n) // 4 + 1,
            ready_checks=list(ws.settings.definition_of_ready) if criteria and estimate else [],
        )
        item.status = "new"
        if n in READY:
            item.status = "ready"
        elif n in REFINING:
            item.status = "refining"
        elif n in DROPPED:
            item.status = "dropped"
        items[n] = item
    items[2].external_ref = "BW-112"
    items[7].external_ref = "BW-140"
    items[5].private_notes = "DPO (Karin) is sceptical of logging reads; talk to her before refinement."
    items[25].private_notes = "Competitor launched this in October; PM has not asked for it yet."

    # Outcomes of closed sprints set item statuses; the active sprint sets its own.
    # Done days are spread over the sprint, so that burndowns look like real ones.
    for number, (start, _, _, committed, overrides, added, removed) in SPRINTS.items():
        for position, n in enumerate(committed + added):
            if n in removed:
                continue
            if number < 5:
                outcome = overrides.get(n, "accepted")
                items[n].status = "done" if outcome == "accepted" else items[n].status
            else:
                items[n].status = ACTIVE_STATUS[n]
            if items[n].status == "done":
                # Working days only, spread over the sprint so that burndowns look like real ones.
                days = weekdays(
                    start + timedelta(days=1), min(start + timedelta(days=13), DEMO_TODAY - timedelta(days=1))
                )
                items[n].done_on = days[min(1 + 2 * position, len(days) - 1)]
    for n, item in items.items():
        if n == 22:
            item.parent = items[2].id  # split from booking, ids are known once added in order
        ws.add(item)

    sessions: list[RitualSession] = []
    velocities: list[float] = []
    for number, (start, goal, objective, committed, overrides, added, removed) in SPRINTS.items():
        end = start + timedelta(days=13)
        active = number == 5
        sprint = Sprint(
            number=number,
            start=start,
            end=end,
            goal=goal,
            goal_objective=objective,
            capacity_days=round(sum([1.0, 1.0, 1.0, 0.8, 1.0, 0.5]) * 10 - (4 if number == 3 else 0), 1),
            # The mean velocity of the sprints before, as planning forecasts it.
            forecast=round(sum(velocities) / len(velocities), 2) if velocities else None,
            status="active" if active else "closed",
            commitment=[
                CommittedItem(item=items[n].id, title=items[n].title, estimate=items[n].estimate) for n in committed
            ],
        )
        for n in added:
            sprint.scope_changes.append(
                ScopeChange(
                    at=at(start + timedelta(days=4), 11),
                    item=items[n].id,
                    change="added",
                    estimate=items[n].estimate,
                    reason="Accessibility audit finding, must ship with booking" if n == 13 else "Incident follow-up",
                )
            )
        for n in removed:
            sprint.scope_changes.append(
                ScopeChange(
                    at=at(start + timedelta(days=6), 14),
                    item=items[n].id,
                    change="removed",
                    estimate=items[n].estimate,
                    reason="Waiting for the clinic association's holiday list",
                )
            )
        if not active:
            for n in committed + added:
                if n not in removed:
                    sprint.outcomes[items[n].id] = overrides.get(n, "accepted")
            sprint.goal_met, sprint.goal_reason = VERDICTS[number]
            sprint.closed = at(end, 16)
            velocities.append(sprint_figures(sprint, {i.id: i for i in items.values()}).completed_points)
        ws.add(sprint)

        planning = RitualSession(
            ritual="planning",
            date=start,
            sprint=sprint.id,
            started=at(start, 10),
            ended=at(start, 11, 40),
            attendees=TEAM,
        )
        sessions.append(ws.add(planning))
        last_day = min(end, DEMO_TODAY - timedelta(days=1))
        for i, day in enumerate(weekdays(start + timedelta(days=1), last_day)):
            absent = ["Jonas Berg"] if (i + number) % 7 == 0 else []
            present = [m for m in TEAM if m not in absent]
            daily = RitualSession(
                ritual="daily",
                date=day,
                sprint=sprint.id,
                started=at(day, 9, 30),
                ended=at(day, 9, 30) + timedelta(minutes=11 + (i % 5)),
                attendees=present,
                absent=absent,
                speaker_seconds={m: 70 + (17 * (i + k)) % 80 for k, m in enumerate(present)},
            )
            sessions.append(ws.add(daily))
        if not active:
            refinement = RitualSession(
                ritual="refinement",
                date=start + timedelta(days=6),
                sprint=sprint.id,
                started=at(start + timedelta(days=6), 14),
                ended=at(start + timedelta(days=6), 15),
                attendees=TEAM,
            )
            sessions.append(ws.add(refinement))
            review = RitualSession(
                ritual="review",
                date=end,
                sprint=sprint.id,
                started=at(end, 14),
                ended=at(end, 15),
                attendees=TEAM,
            )
            sessions.append(ws.add(review))

    def session_on(day: date) -> RitualSession:
        return next(s for s in sessions if s.ritual == "daily" and s.date == day)

    # Blockers: one resolved in sprint 4, one resolved this sprint, one open for three dailies.
    blockers = [
        Blocker(
            title="Staging database refresh fails overnight",
            owner="Tomás Ruiz",
            item=items[8].id,
            status="resolved",
            first_seen=date(2026, 11, 9),
            last_seen=date(2026, 11, 10),
            seen_on=[date(2026, 11, 9), date(2026, 11, 10)],
            resolved=date(2026, 11, 11),
            session=session_on(date(2026, 11, 9)).id,
        ),
        Blocker(
            title="Waiting for SMS provider test credentials",
            owner="Jonas Berg",
            item=items[9].id,
            status="resolved",
            first_seen=date(2026, 11, 20),
            last_seen=date(2026, 11, 20),
            seen_on=[date(2026, 11, 20)],
            resolved=date(2026, 11, 23),
            session=session_on(date(2026, 11, 20)).id,
        ),
        Blocker(
            title="Legal has not approved the consent wording",
            owner="Priya Natarajan",
            item=items[23].id,
            first_seen=date(2026, 11, 18),
            last_seen=date(2026, 11, 23),
            seen_on=[date(2026, 11, 18), date(2026, 11, 20), date(2026, 11, 23)],
            session=session_on(date(2026, 11, 18)).id,
            private_notes="Legal's reviewer is on leave until 8 Dec; ask the PM to push.",
        ),
        Blocker(
            title="Review environment down since this morning",
            owner="Mei Chen",
            item=items[16].id,
            first_seen=date(2026, 11, 23),
            last_seen=date(2026, 11, 23),
            seen_on=[date(2026, 11, 23)],
            session=session_on(date(2026, 11, 23)).id,
        ),
    ]
    for blocker in blockers:
        ws.add(blocker)

    topics = [
        Topic(
            title="Should reminders go out on Sundays?",
            raised_by="Samir Haddad",
            raised=date(2026, 11, 20),
            session=session_on(date(2026, 11, 20)).id,
        ),
        Topic(
            title="Who owns the SMS budget once we go live?",
            raised_by="Lena Fischer",
            raised=date(2026, 11, 23),
            session=session_on(date(2026, 11, 23)).id,
        ),
        Topic(
            title="Naming: 'appointment' or 'visit' in the app?",
            raised_by="Priya Natarajan",
            raised=date(2026, 11, 10),
            session=session_on(date(2026, 11, 10)).id,
            status="closed",
            closed=date(2026, 11, 11),
            outcome="'Appointment' everywhere; glossary updated.",
        ),
    ]
    for topic in topics:
        ws.add(topic)

    d = [
        Decision(
            title="Use PostgreSQL row locks to prevent double booking",
            date=date(2026, 10, 23),
            level="operational",
            status="accepted",
            source="daily",
            context="Two patients could book the same slot under load (BW-140).",
            decision="Bookings take a row lock on the slot; the second booking fails with a friendly message.",
            consequences="Slightly slower booking; no double bookings.",
            deciders=["Lena Fischer", "Tomás Ruiz"],
            items=[items[7].id],
        ),
        Decision(
            title="Reminders by email only for the first release",
            date=date(2026, 10, 28),
            level="strategic",
            status="superseded",
            source="refinement",
            context="SMS cost unknown; budget not approved.",
            decision="Ship email reminders first; revisit SMS after the spike.",
            deciders=["PM"],
            items=[items[16].id],
        ),
        Decision(
            title="SMS reminders via an EU-hosted provider",
            date=date(2026, 11, 13),
            level="strategic",
            status="accepted",
            source="cli",
            context="The spike found an EU provider at 4 cents per SMS.",
            decision="Send SMS reminders 24 h before; budget approved by the PM up to 2,000 EUR/month.",
            consequences="Needs consent records (O-4).",
            deciders=["PM", "Product Owner"],
            items=[items[9].id, items[23].id],
        ),
        Decision(
            title="Definition of Done includes an accessibility check",
            date=date(2026, 11, 5),
            level="operational",
            status="accepted",
            source="planning",
            context="Audit found booking unusable with a screen reader.",
            decision="Every user-facing story is checked with a screen reader before acceptance.",
            consequences="Added to the Definition of Done in workspace.toml.",
            deciders=["Product Owner", "Mei Chen"],
        ),
        Decision(
            title="Offer no-show fees to clinics",
            date=date(2026, 11, 23),
            level="strategic",
            status="proposed",
            source="daily",
            context="Two clinics asked for it; it touches payments and patient trust.",
            decision="Proposed: let clinics charge a fee after two no-shows.",
            items=[items[26].id],
            private_notes="I am against it; I think it hurts trust. Keep this out of the brief.",
        ),
        Decision(
            title="Split waiting list from booking epic",
            date=date(2026, 11, 11),
            level="operational",
            status="accepted",
            source="refinement",
            decision="Waiting list becomes its own item, ranked after reminders.",
            items=[items[22].id],
        ),
        Decision(
            title="Drop the legacy phone-booking export",
            date=date(2026, 11, 11),
            level="operational",
            status="rejected",
            source="refinement",
            context="Two clinics still use it weekly.",
            decision="Rejected: keep the export until those clinics move to CSV export.",
            items=[items[39].id],
        ),
    ]
    for decision in d:
        # Captured in the session of its ritual that day, if it came from one.
        session = next((x for x in sessions if x.ritual == decision.source and x.date == decision.date), None)
        if decision.source != "cli":
            assert session is not None, f"no {decision.source} on {decision.date} for {decision.title!r}"
            decision.session = session.id
        ws.add(decision)
        if session is not None:
            ws.update(RitualSession, session.id, lambda x, found=decision.id: x.captured.append(found))
    d[1].superseded_by, d[2].supersedes = d[2].id, d[1].id
    ws.update(Decision, d[1].id, lambda old: setattr(old, "superseded_by", d[2].id))
    ws.update(Decision, d[2].id, lambda new: setattr(new, "supersedes", d[1].id))

    def history(*steps: tuple[date, str, str]) -> list[StatusChange]:
        return [StatusChange(at=at(day, 12), status=status, note=note) for day, status, note in steps]

    escalations = [
        Escalation(
            title="SMS sender-ID registration is the client's to file",
            raised=date(2026, 11, 23),
            category="dependency",
            severity="high",
            status="open",
            source="daily",
            item=items[9].id,
            raised_by="Jonas Berg",
            ask="Can the client file the sender-ID registration this week, or do we launch with a number?",
            details="Without it, SMS reminders show a phone number as sender; the sprint goal depends on it.",
            needed_by=date(2026, 11, 27),
            impact="The sprint goal: the pilot clinic will not switch SMS reminders on with a bare number as sender.",
            options=[
                "The client files the sender-ID registration this week; reminders launch on 2 Dec as planned.",
                "Launch with a phone number as sender and switch once the sender-ID is registered.",
                "Ship email reminders only this sprint; SMS moves to the next one.",
            ],
            recommendation="The first, with the second as the fallback if the client cannot file by Friday: "
            "patients trust a named sender more.",
            history=history((date(2026, 11, 23), "open", "")),
        ),
        Escalation(
            title="Clinic partner asks for insurance number in CSV export",
            raised=date(2026, 11, 18),
            category="feedback",
            severity="medium",
            status="sent",
            source="review",
            item=items[20].id,
            ask="Is exporting insurance numbers acceptable under our data-protection stance?",
            needed_by=date(2026, 12, 2),
            impact="O-3: billing cannot reconcile without it; the CSV export was rejected at the review of sprint 4.",
            options=[
                "Export the insurance number for clinic managers only, and log each export in the audit trail.",
                "Keep it out of the export; billing looks numbers up in the practice system.",
            ],
            recommendation="The first: it is what billing needs, and the audit log (B-5) covers the access.",
            history=history((date(2026, 11, 18), "open", ""), (date(2026, 11, 19), "sent", "In weekly PM sync")),
        ),
        Escalation(
            title="No-show fees: do we go there?",
            raised=date(2026, 11, 23),
            category="question",
            severity="medium",
            status="open",
            source="daily",
            item=items[26].id,
            ask="Decide whether no-show fees belong on the roadmap (touches payments and trust).",
            impact="O-2: decides whether B-26 stays in the backlog.",
            options=[
                "Put no-show fees on the roadmap for Q2 (needs payments).",
                "Wait for the effect of reminders in Q1, then decide.",
                "Drop the idea.",
            ],
            recommendation="Wait for the effect of reminders: fees touch patient trust, reminders may be enough.",
            history=history((date(2026, 11, 23), "open", "")),
        ),
        Escalation(
            title="SMS budget for reminders",
            raised=date(2026, 11, 4),
            category="scope-change",
            severity="high",
            status="answered",
            source="review",
            item=items[9].id,
            ask="Approve a monthly SMS budget.",
            pm_answer="Approved up to 2,000 EUR/month for Q1; report actual cost monthly.",
            answered=date(2026, 11, 12),
            history=history(
                (date(2026, 11, 4), "open", ""),
                (date(2026, 11, 5), "sent", ""),
                (date(2026, 11, 12), "answered", "Approved up to 2,000 EUR/month"),
            ),
        ),
        Escalation(
            title="Hosting region for patient data",
            raised=date(2026, 10, 8),
            category="risk",
            severity="critical",
            status="resolved",
            source="planning",
            item=items[12].id,
            ask="Confirm EU-only hosting including backups.",
            pm_answer="EU only, confirmed with the client's DPO.",
            answered=date(2026, 10, 12),
            resolution="Data residency chore done in sprint 4.",
            closed=date(2026, 11, 18),
            history=history(
                (date(2026, 10, 8), "open", ""),
                (date(2026, 10, 9), "sent", ""),
                (date(2026, 10, 12), "answered", ""),
                (date(2026, 11, 18), "resolved", ""),
            ),
        ),
        Escalation(
            title="Calendar sync with Google: needed for launch?",
            raised=date(2026, 10, 28),
            category="dependency",
            severity="low",
            status="withdrawn",
            source="refinement",
            item=items[34].id,
            ask="Is calendar sync a launch requirement?",
            closed=date(2026, 10, 29),
            history=history(
                (date(2026, 10, 28), "open", ""),
                (date(2026, 10, 29), "withdrawn", "Clinic partner confirmed it can wait"),
            ),
        ),
        Escalation(
            title="Review environment keeps failing",
            raised=date(2026, 11, 23),
            category="blocker",
            severity="low",
            status="open",
            source="daily",
            item=items[16].id,
            ask="Can the client's ops team give us a stable review environment?",
            needed_by=date(2026, 11, 26),
            impact="B-16 cannot be accepted without a review environment, and with it the sprint goal.",
            options=[
                "The client's ops team fixes the environment this week.",
                "We host a review environment ourselves.",
            ],
            recommendation="The first; the second costs a few days of setup we have not planned.",
            # Between the team and the PM: the client's ops team reads the client's copy.
            internal=True,
            history=history((date(2026, 11, 23), "open", "")),
            private_notes="Ops lead is defensive about this; phrase carefully.",
        ),
    ]
    escalations[2].related = [d[4].id]  # the no-show fees question is proposed decision D-5 as well
    for escalation in escalations:
        ws.add(escalation)
    # The CSV feedback at the review of sprint 4 became escalation E-2: see add_reviews.
    ws.update(Blocker, blockers[3].id, lambda b: setattr(b, "escalation", escalations[6].id))
    escalations[6].blocker = blockers[3].id
    ws.update(Escalation, escalations[6].id, lambda e: setattr(e, "blocker", blockers[3].id))

    notes = [
        Note(
            text="Tomás is interviewing elsewhere; keep an eye on backend knowledge sharing.",
            at=at(date(2026, 11, 20), 9, 40),
            by="Product Owner",
            session=session_on(date(2026, 11, 20)).id,
        ),
        Note(
            text="Mei suggests pairing on the consent story once Legal answers.",
            at=at(date(2026, 11, 23), 9, 41),
            by="Mei Chen",
            session=session_on(date(2026, 11, 23)).id,
            about=items[23].id,
            private=False,
        ),
        Note(
            text="Clinic partner hinted at budget cuts in Q2; do not share with the team yet.",
            at=at(date(2026, 11, 18), 15, 5),
            by="Product Owner",
        ),
    ]
    for note in notes:
        ws.add(note)
    add_reviews(ws, items, sessions, escalations)
    plan_past_sprints(ws)
    for sprint in ws.all(Sprint):
        if sprint.status == "closed":
            ws.update(Sprint, sprint.id, lambda s: setattr(s, "at_close", frozen_at_close(s, items, d)))
    shutil.rmtree(TARGET / ".ritual", ignore_errors=True)  # the lock is local state, not part of the demo
    print(f"Built the demo workspace in {TARGET.relative_to(ROOT)}", file=sys.stderr)


# -- backlog refinement ----------------------------------------------------------------------------
# A refinement held in the running sprint, with its planning-poker rounds: B-21, B-31 and B-34 made
# ready, B-24 estimated after a re-vote. Items still refining have only part of their checklist ticked.

#: Item number → the rounds' votes in the team's order (the last round's suggestion is its estimate).
REFINEMENT_VOTES = {
    21: [["3", "5", "5", "8", "5", "5"]],
    24: [["3", "13", "5", "8", "5", "?"], ["5", "8", "5", "5", "5", "5"]],
    31: [["5", "8", "8", "13", "8", "8"]],
    34: [["3", "3", "5", "3", "2", "☕"]],
}
REFINED_TO_READY = [21, 31, 34]
REFINEMENT_DAY = date(2026, 11, 20)


def add_past_refinement() -> None:
    """Give the demo a refinement session with poker rounds, and checklists true to each status."""
    ws = Workspace.open(TARGET)
    dor = ws.settings.definition_of_ready
    for n in REFINING:
        item = ws.get(BacklogItem, f"B-{n}")
        item.ready_checks = dor[: 1 + n % 3]
        ws.save(item)  # not update(): its "updated" would be the time of the build
    items = {n: ws.get(BacklogItem, f"B-{n}") for n in REFINEMENT_VOTES}
    sprint = next(s for s in ws.all(Sprint) if s.status == "active")
    start = at(REFINEMENT_DAY, 14)
    record = Refinement(agenda=["P-3", *(f"B-{n}" for n in (21, 24, 31, 34, 28))], voters=list(TEAM))
    record.skipped, record.current = ["B-28"], items[34].id
    minute = 0
    for n, rounds in REFINEMENT_VOTES.items():
        item = items[n]
        for number, cards in enumerate(rounds, start=1):
            minute += 4
            record.rounds.append(
                VoteRound(
                    item=item.id,
                    number=number,
                    voters=list(TEAM),
                    votes=dict(zip(TEAM, cards, strict=True)),
                    revealed=start + timedelta(minutes=minute),
                )
            )
        ready = n in REFINED_TO_READY
        record.refined.append(
            RefinedItem(
                item=item.id,
                title=item.title,
                status_before="refining" if ready else item.status,
                status_after=item.status,
                estimate_before=None,
                estimate_after=item.estimate,
            )
        )
        record.seconds[item.id] = 240 * len(rounds) + 60
    record.seconds["P-3"] = 180
    session = RitualSession(
        ritual="refinement",
        date=REFINEMENT_DAY,
        sprint=sprint.id,
        started=start,
        ended=start + timedelta(minutes=52),
        elapsed_seconds=52 * 60,
        attendees=list(TEAM),
        refinement=record,
    )
    ws.add(session)
    shutil.rmtree(TARGET / ".ritual", ignore_errors=True)


# -- sprint planning: what each past planning decided ---------------------------------------------

# Sprint number → days off (member → dates), the fist-of-five counts (hands of 0..5 fingers), what
# the room said, items left out and why, and what became of the last sprint's unfinished items.
PLANNING = {
    1: ({}, [0, 0, 1, 2, 3, 0], "First sprint together: we do not know our pace yet.", {}, {}),
    2: (
        {"Mei Chen": [date(2026, 10, 14)]},
        [0, 0, 0, 2, 3, 1],
        "",
        {17: "Mobile booking waits until web booking is stable"},
        {4: ("carry-over", "Half done; clinics need opening hours before launch")},
    ),
    3: (
        {"Lena Fischer": [date(2026, 10, 26), date(2026, 10, 27), date(2026, 10, 28), date(2026, 10, 29)]},
        [0, 0, 0, 3, 3, 0],
        "",
        {},
        {},
    ),
    4: (
        {"Priya Natarajan": [date(2026, 11, 12), date(2026, 11, 13)], "Samir Haddad": [date(2026, 11, 10)]},
        [0, 0, 1, 3, 2, 0],
        "The week view depends on staging data we do not control.",
        {5: "The DPO wants to review the audit log design first"},
        {12: ("carry-over", "Residency is a launch condition; the backups part is left")},
    ),
    5: (
        {"Jonas Berg": [date(2026, 11, 23), date(2026, 11, 24)]},
        [0, 0, 0, 2, 3, 1],
        "",
        {22: "Reminders first: they serve the goal"},
        {},
    ),
}


def plan_past_sprints(ws: Workspace) -> None:
    """Give each sprint's planning session the plan it committed: capacity with days off, the
    forecast from the sprints closed before it, the selection, the vote; the sprint keeps the
    capacity and the P50 of that plan."""
    from ritual_tui.domain.capacity import MemberCapacity, team_capacity
    from ritual_tui.domain.forecast import forecast, history
    from ritual_tui.domain.planning import (
        CloseOut,
        Confidence,
        ForecastNote,
        LeftOut,
        SprintPlan,
        further_risks,
        selection,
    )

    settings = ws.settings
    items = {i.id: i for i in ws.all(BacklogItem)}
    sprints = sorted(ws.all(Sprint), key=lambda s: s.number)
    plannings = {s.sprint: s for s in ws.all(RitualSession) if s.ritual == "planning"}
    for sprint in sprints:
        days_off, counts, said, left_out, close_out = PLANNING[sprint.number]
        members = [
            MemberCapacity(name=m.name, availability=m.availability, days_off=days_off.get(m.name, []))
            for m in settings.team
        ]
        capacity = team_capacity(members, sprint.start, sprint.end)
        before = [s for s in sprints if s.number < sprint.number]
        outlook = forecast(history(before, items), capacity)
        selected = sprint.committed_ids()
        chosen = selection(selected, items, sprint.goal_objective)
        plan = SprintPlan(
            previous=before[-1].id if before else "",
            start=sprint.start,
            end=sprint.end,
            members=members,
            capacity_days=capacity,
            goal=sprint.goal,
            goal_objective=sprint.goal_objective,
            selected=selected,
            left_out=[LeftOut(item=f"B-{n}", reason=why) for n, why in left_out.items()],
            close_out=[CloseOut(item=f"B-{n}", action=a, reason=why) for n, (a, why) in close_out.items()],
            forecast=ForecastNote.of(outlook, chosen.points),
            confidence=Confidence(counts=counts, said=said),
            sprint=sprint.id,
            committed=at(sprint.start, 11, 40),
        )
        if outlook.p85 is not None and chosen.points > outlook.p85:
            plan.risks.append(f"The commitment ({chosen.points:g} points) is above P85 ({outlook.p85} points).")
        plan.risks += further_risks(plan, items, settings, outlook.caveat, chosen.goal_share)

        def keep(session: RitualSession, plan: SprintPlan = plan) -> None:
            session.plan = plan

        ws.update(RitualSession, plannings[sprint.id].id, keep)

        def forecast_as_planned(s: Sprint, capacity: float = capacity, p50: int | None = outlook.p50) -> None:
            s.capacity_days, s.forecast = capacity, p50

        ws.update(Sprint, sprint.id, forecast_as_planned)


if __name__ == "__main__":
    build()
    add_past_refinement()
