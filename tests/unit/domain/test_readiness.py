"""The Definition of Ready per item, and INVEST's hints."""

from __future__ import annotations

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.readiness import all_ticked, checklist, invest_hints, toggle
from ritual_tui.domain.settings import Settings


def test_ticking_every_line_makes_the_checklist_whole_in_its_own_order() -> None:
    settings = Settings(definition_of_ready=["Who, what, why", "Criteria", "Estimated"])
    item = BacklogItem(title="Book", ready_checks=["Old line no longer in the settings"])
    assert toggle(item, "Estimated", settings) and toggle(item, "Who, what, why", settings)
    assert not all_ticked(item, settings)
    assert [line.ticked for line in checklist(item, settings)] == [True, False, True]
    assert toggle(item, "Criteria", settings) and all_ticked(item, settings)
    assert item.ready_checks[:3] == ["Who, what, why", "Criteria", "Estimated"]
    assert not toggle(item, "Criteria", settings) and not all_ticked(item, settings)


def test_invest_hints() -> None:
    bare = BacklogItem(title="Reports", as_a="manager", i_want="reports", estimate=20)
    assert invest_hints(bare, 13) == [
        'No "so that": say why it is valuable',
        "No acceptance criteria: how will we test it?",
        "Estimate 20 is above 13: split it",
    ]
    whole = BacklogItem(title="Book", so_that="I save time", acceptance=["Given … when … then …"], estimate=13)
    assert invest_hints(whole, 13) == []  # 13 is not above 13
    assert invest_hints(BacklogItem(title="Crash", kind="bug", acceptance=["x"]), 13) == []  # a bug needs no so-that
