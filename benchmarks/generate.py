"""Build a benchmark workspace through the store's own API: ``small``, or ``large`` (three years of
a team of nine). Deterministic: the same seed gives the same records and file names.

    python -m benchmarks.generate large DIR
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation, StatusChange
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import CommittedItem, Sprint
from ritual_tui.store import layout
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace


@dataclass(frozen=True)
class Size:
    sprints: int
    items: int
    done: int
    decisions: int
    escalations: int
    blockers: int


SIZES = {
    "small": Size(sprints=4, items=60, done=20, decisions=20, escalations=8, blockers=15),
    "large": Size(sprints=78, items=5000, done=2000, decisions=2000, escalations=800, blockers=1500),
}
TEAM = ["Ada", "Bo", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo"]
WORDS = [
    "booking",
    "slot",
    "patient",
    "clinic",
    "reminder",
    "export",
    "calendar",
    "invoice",
    "report",
    "search",
    "filter",
    "login",
    "account",
    "payment",
    "refund",
    "audit",
    "consent",
    "mobile",
    "email",
    "import",
    "dashboard",
    "schedule",
    "waiting",
    "list",
    "holiday",
    "role",
]
TZ = UTC


def sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def generate(kind: str, root: Path, seed: int = 7) -> Workspace:
    """Write the workspace; ``root`` must not exist yet."""
    size = SIZES[kind]
    rng = random.Random(seed)
    layout.nonce_source = random.Random(seed)
    ws = Workspace.create(root, f"Benchmark ({kind})")
    settings = root / "workspace.toml"
    team = "".join(f'\n[[team]]\nname = "{n}"\nrole = "Developer"\n' for n in TEAM)
    objectives = "".join(f'\n[[objectives]]\nid = "O-{n}"\ntitle = "{sentence(rng, 4, 8)}"\n' for n in range(1, 5))
    settings.write_text(settings.read_text().replace(TRAILER, team + objectives + TRAILER))
    ws = Workspace.open(root)
    scale = [1, 2, 3, 5, 8, 13]
    start = date(2026, 11, 26) - timedelta(days=14 * size.sprints - 7)
    for n in range(size.items):
        done = n < size.done
        ws.add(
            BacklogItem(
                title=sentence(rng, 4, 10),
                status="done" if done else rng.choice(["new", "refining", "ready", "ready"]),
                as_a="patient",
                i_want=sentence(rng, 5, 12).lower(),
                so_that=sentence(rng, 5, 12).lower(),
                acceptance=[
                    f"Given {sentence(rng, 3, 6).lower()}, When {sentence(rng, 3, 6).lower()}, "
                    f"Then {sentence(rng, 3, 8).lower()}"
                    for _ in range(rng.randint(1, 4))
                ],
                estimate=rng.choice(scale),
                rank=n,
                objective=f"O-{rng.randint(1, 4)}",
                tags=[rng.choice(WORDS)],
                done_on=start + timedelta(days=14 * (n * size.sprints // max(1, size.done)) + 5) if done else None,
            )
        )
    per_sprint = max(1, size.done // size.sprints)
    dailies_per_sprint = 10
    for s in range(size.sprints):
        first = start + timedelta(days=14 * s)
        active = s == size.sprints - 1
        committed = [f"B-{i + 1}" for i in range(s * per_sprint, min(size.done, (s + 1) * per_sprint))]
        if active:
            committed = [f"B-{size.done + i + 1}" for i in range(8)]
        sprint = ws.add(
            Sprint(
                number=0,
                start=first,
                end=first + timedelta(days=13),
                goal=sentence(rng, 5, 10),
                status="active" if active else "closed",
                goal_met=None if active else rng.random() > 0.3,
                commitment=[CommittedItem(item=i, estimate=rng.choice(scale)) for i in committed],
                outcomes={} if active else {i: "accepted" for i in committed},
            )
        )
        days = [first + timedelta(days=d) for d in range(1, 14) if (first + timedelta(days=d)).weekday() < 5]
        for day in days[:dailies_per_sprint]:
            if day > date(2026, 11, 25):
                break
            at = datetime.combine(day, time(9, 30), TZ)
            ws.add(
                RitualSession(
                    ritual="daily",
                    date=day,
                    sprint=sprint.id,
                    started=at,
                    ended=at + timedelta(minutes=14),
                    attendees=TEAM,
                    speaker_seconds={m: rng.randint(40, 160) for m in TEAM},
                )
            )
    span = (date(2026, 11, 25) - start).days
    for n in range(size.decisions):
        ws.add(
            Decision(
                title=sentence(rng, 4, 9),
                date=start + timedelta(days=n * span // size.decisions),
                level=rng.choice(["operational", "operational", "strategic"]),
                context=sentence(rng, 15, 40),
                decision=sentence(rng, 10, 25),
                status=rng.choice(["accepted", "accepted", "proposed", "rejected"]),
            )
        )
    for n in range(size.escalations):
        raised = start + timedelta(days=n * span // size.escalations)
        closed = n < size.escalations - 12
        ws.add(
            Escalation(
                title=sentence(rng, 4, 9),
                raised=raised,
                ask=sentence(rng, 8, 16),
                severity=rng.choice(["low", "medium", "high", "critical"]),
                category=rng.choice(["blocker", "risk", "question", "feedback"]),
                status="resolved" if closed else rng.choice(["open", "sent", "answered"]),
                history=[StatusChange(at=datetime.combine(raised, time(10), TZ), status="open")],
            )
        )
    for n in range(size.blockers):
        first_seen = start + timedelta(days=n * span // size.blockers)
        still_open = n >= size.blockers - 6
        ws.add(
            Blocker(
                title=sentence(rng, 4, 9),
                owner=rng.choice(TEAM),
                first_seen=first_seen,
                seen_on=[first_seen + timedelta(days=d) for d in range(rng.randint(1, 4))],
                status="open" if still_open else "resolved",
                resolved=None if still_open else first_seen + timedelta(days=rng.randint(1, 6)),
            )
        )
    return Workspace.open(root)


if __name__ == "__main__":
    generate(sys.argv[1], Path(sys.argv[2]))
    print(f"Generated a {sys.argv[1]} workspace in {sys.argv[2]}")
