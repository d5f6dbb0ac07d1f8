"""The summary's review: outcomes (a rejected item with its unmet criteria), the Definition of Done
result, feedback and what it became, the verdict with its reason and the stakeholders present, in
JSON, Markdown and HTML alike; a stakeholder's name never acts in any of them."""

from __future__ import annotations

from datetime import date

import pytest

from ritual_tui.domain.review import CloseOut
from ritual_tui.reports.files import render
from ritual_tui.reports.layout import summary_blocks
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.services import review, sessions
from ritual_tui.services.feedback import NewFeedback, hear_feedback
from ritual_tui.services.review_items import Verdict, review_item
from ritual_tui.services.sprints import close_sprint
from ritual_tui.store.workspace import Workspace
from tests.hostile import HOSTILE
from tests.unit.services.review_scenario import CARD, REFUND, sprint_under_review

TODAY = date(2026, 11, 26)


@pytest.fixture
def reviewed(ws: Workspace) -> Workspace:
    """Sprint 1 reviewed: B-1 accepted meeting the whole DoD, B-2 rejected (its criterion not met),
    B-3 accepted with an override (DoD 1 and 2 met, 3 to 5 missed); two pieces of feedback; closed
    partly met."""
    sprint_under_review(ws)
    session = sessions.open_session(ws, "review").session
    review.add_stakeholder(ws, session.id, "Kim Ito", "Client, finance")
    review.add_stakeholder(ws, session.id, HOSTILE, "<script>alert(1)</script>")
    review_item(ws, "B-1", Verdict("accepted", met=[1, 2], done=[1, 2, 3, 4, 5]))
    review_item(ws, "B-2", Verdict("rejected", unmet=[1], reason="Bank API late"))
    review_item(ws, "B-3", Verdict("accepted", done=[1, 2], override="A chore", not_done_ok=True))
    hear_feedback(ws, NewFeedback("Refund by SEPA", by="Kim Ito", item="B-2", session=session.id, becomes="item"))
    hear_feedback(ws, NewFeedback("Pretty receipts", by=HOSTILE, session=session.id))
    close_sprint(ws, "partly", reason="Refunds wait for the bank", close_out=[CloseOut(item="B-2", action="drop")])
    return ws


def test_the_review_section_of_the_summary(reviewed: Workspace) -> None:
    doc = sprint_summary(reviewed, "1", TODAY)
    r = doc["review"]
    assert (doc["sprint"]["goal_verdict"], r["goal_verdict"], r["goal_reason"]) == (
        "partly",
        "partly",
        "Refunds wait for the bank",
    )
    assert r["stakeholders"] == [
        {"name": "Kim Ito", "role": "Client, finance"},
        {"name": HOSTILE, "role": "<script>alert(1)</script>"},
    ]
    by_item = {o["id"]: o for o in r["outcomes"]}
    assert [(o["id"], o["outcome"], o["dod"]) for o in r["outcomes"]] == [
        ("B-1", "accepted", "met"),
        ("B-2", "rejected", "not checked"),
        ("B-3", "accepted", "missed"),
    ]
    assert (by_item["B-2"]["criteria_unmet"], by_item["B-2"]["reason"], by_item["B-2"]["next"]) == (
        REFUND,
        "Bank API late",
        "drop",
    )
    assert (by_item["B-3"]["override"], by_item["B-3"]["dod_missed"]) == (
        "A chore",
        ["Automated tests pass", "Deployed to staging", "User-facing documentation updated"],
    )
    assert by_item["B-1"]["criteria_unmet"] == [] and CARD[0] not in str(by_item["B-1"])
    # Two items had their DoD checked (B-1, B-3), one of them met it whole; B-3 was overridden.
    assert r["definition_of_done"] | {"entries": None} == {
        "entries": None,
        "items_checked": 2,
        "items_meeting_it": 1,
        "accepted_with_override": 1,
    }
    assert [(f["id"], f["by"], f["turned_into"], f["became"]) for f in doc["feedback"]] == [
        ("F-1", "Kim Ito", "item", "B-5"),
        ("F-2", HOSTILE, "", ""),
    ]


def test_markdown_and_html_show_the_review_with_every_name_inert(reviewed: Workspace) -> None:
    doc = sprint_summary(reviewed, "1", TODAY)
    markdown = render(doc, summary_blocks, "md", "t")
    page = render(doc, summary_blocks, "html", "t")
    assert "Goal **partly met**" in markdown and "Goal verdict: **partly met**. Refunds wait for the bank" in markdown
    assert "| B-2 | Refund | 5 | rejected | not checked | criterion not met: Given a payment" in markdown
    assert "why: Bank API late; dropped |" in markdown
    assert "accepted with an override: A chore" in markdown
    assert "Definition of Done: met by 1 of the 2 items checked; 1 accepted with an override." in markdown
    assert "| F-1 | B-2 | Refund by SEPA | Kim Ito | B-5 (a backlog item) |" in markdown
    for text in (markdown, page):
        assert "\x1b" not in text and "\x07" not in text and "<script>" not in text
    assert "\\[@click=app.quit\\]q\\[/\\]" in markdown and "␛\\[2J" in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "[@click=app.quit]q[/]" in page
