"""Settings: one source of defaults, documented in config/default.toml, filled in at any depth."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ritual_tui.domain.errors import DamagedFileError
from ritual_tui.domain.fields import from_doc
from ritual_tui.domain.settings import Settings
from ritual_tui.paths import default_settings_file
from ritual_tui.store.files import TRAILER
from ritual_tui.store.workspace import Workspace


def test_the_documented_defaults_are_the_defaults() -> None:
    documented = tomllib.loads(default_settings_file().read_text(encoding="utf-8"))
    documented.pop("schema")
    assert from_doc(Settings, documented) == Settings()
    # Every setting is documented: the file names each field of Settings.
    fields = {name for name in Settings.__dataclass_fields__ if name not in ("schema", "extra", "team", "objectives")}
    assert fields <= set(documented)


def _workspace_with(tmp_path: Path, toml: str) -> Workspace:
    ws = Workspace.create(tmp_path / "ws", "Shop")
    settings = ws.root / "workspace.toml"
    settings.write_text(f"schema = 1\nproduct = 'Shop'\n{toml}\n{TRAILER}", encoding="utf-8")
    return Workspace.open(ws.root)


def test_a_partial_table_keeps_the_defaults_of_the_keys_it_leaves_out(tmp_path: Path) -> None:
    ws = _workspace_with(tmp_path, "[timeboxes]\ndaily = 10")
    assert (ws.settings.timeboxes.daily, ws.settings.timeboxes.planning, ws.settings.timeboxes.review) == (10, 120, 60)
    assert (
        ws.settings.definition_of_ready == Settings().definition_of_ready and len(ws.settings.definition_of_ready) == 5
    )


def test_escalation_defaults_follow_the_lists_when_they_leave_them_out() -> None:
    p_scale = Settings(escalation_categories=["impediment", "ask"], escalation_severities=["P4", "P3", "P2", "P1"])
    # "question" and "medium" are not in these lists: the first category, the middle of the scale
    # (index (4-1)//2 = 1: P3), and for a blocker the upper middle (index 4//2 = 2: P2).
    assert (p_scale.default_category(), p_scale.default_severity()) == ("impediment", "P3")
    assert (p_scale.default_category(for_blocker=True), p_scale.default_severity(for_blocker=True)) == (
        "impediment",
        "P2",
    )
    # The more severe half of a four-step scale is urgent: P2 and P1.
    assert [s for s in p_scale.escalation_severities if p_scale.is_urgent(s)] == ["P2", "P1"]
    assert [s for s in Settings().escalation_severities if Settings().is_urgent(s)] == ["high", "critical"]
    # Feedback escalates as "feedback", which this list lacks too: the first category again.
    assert p_scale.feedback_category() == "impediment" and Settings().feedback_category() == "feedback"
    assert len(p_scale.vocabulary_problems()) == 5


def test_an_empty_vocabulary_is_refused_with_the_file_and_line(tmp_path: Path) -> None:
    ws = _workspace_with(tmp_path, "escalation_categories = []")
    with pytest.raises(DamagedFileError, match=r"workspace.toml, line 3: 'escalation_categories' is empty"):
        _ = ws.settings


def test_who_decides_comes_from_the_settings() -> None:
    assert (Settings().decider("operational"), Settings().decider("strategic")) == ("Product Owner", "Product Manager")
    named = Settings(product_owner="Ana", product_manager="Kim")
    assert (named.decider("operational"), named.decider("strategic")) == ("Ana", "Kim")
