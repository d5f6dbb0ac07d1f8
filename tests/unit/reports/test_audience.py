"""The summary for the client: the same report without what is internal, written beside the PM's."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.reports.documents import summary_report
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result

TODAY = date(2026, 11, 26)


def test_the_client_summary_leaves_out_internal_escalations_and_proposed_strategy(
    known: Workspace, cli: Callable[..., Result]
) -> None:
    # Sprint 4 (from the 23rd): "Late" is raised on the 24th; mark it internal, and "Fees?" (strategic,
    # proposed, the 25th) is a decision the client must not see yet. "Later" is operational.
    known.update(Escalation, "E-4", lambda e: setattr(e, "internal", True))
    known.update(Decision, "D-2", lambda d: setattr(d, "date", date(2026, 11, 24)))
    pm = summary_report(known, "4", TODAY)
    client = summary_report(known, "4", TODAY, "client")
    assert [e["id"] for e in pm.doc["escalations"]["waiting_for_pm"]] == ["E-2", "E-4"]
    assert [e["id"] for e in client.doc["escalations"]["waiting_for_pm"]] == ["E-2"]
    assert [d["id"] for d in pm.doc["decisions"]] == ["D-2", "D-3"]
    assert [d["id"] for d in client.doc["decisions"]] == ["D-2"]
    assert "Late" in pm.doc["headline"][-1] and "Late" not in client.doc["headline"][-1]
    md = client.render("md")
    assert "E-4" not in md and "Fees?" not in md and "README" not in md and "README" in pm.render("md")
    # One title for both, files side by side.
    assert (pm.title, pm.stem, client.title, client.stem) == (
        "Shop: sprint 4 summary",
        "sprint-4-summary",
        "Shop: sprint 4 summary",
        "sprint-4-summary-client",
    )
    written = cli("summary", "--audience", "client", "--format", "json").out.split()
    assert [p.rsplit("/", 1)[-1] for p in written] == ["sprint-4-summary-client.json"]
    on_disk = json.loads((known.root / "summaries" / "sprint-4-summary-client.json").read_text())
    assert on_disk["audience"] == "client" and on_disk["escalations"]["raised"] == []
