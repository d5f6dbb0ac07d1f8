"""``ritual import jira|github`` in-process: what it prints, what lands on disk, and what never does."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ritual_tui.cli import main
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import StorageError
from ritual_tui.domain.fields import to_doc
from ritual_tui.store import writing as writing_module
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result
from tests.unit.tracker.exports import GH_ISSUES, JIRA_CLOUD, edited_export, records, tree

Cli = Callable[..., Result]


ADDED = """\
Added (7):
  B-2     SHOP-1       'Checkout without calling us'
  B-3     SHOP-12      'Pay by card'
  B-4     SHOP-13      'Receipt e-mail shows €0,00'
  B-5     SHOP-14      'Upgrade the payment SDK'
  B-6     SHOP-15      'Spike: wallets, Apple Pay & Google Pay'
  B-7     SHOP-16      'Write the card-token migration'
  B-8     SHOP-17      'Refunds from the order page'
Notes:
  SHOP-17: 4 points is not on the estimation scale; kept as it is.
7 added, 0 updated, 0 unchanged.
"""


def test_an_import_adds_the_trackers_items_in_its_order_after_the_backlog(cli: Cli, ws: Workspace) -> None:
    cli("backlog", "add", "Already here")
    before = records(ws.root)
    dry = cli("import", "jira", str(JIRA_CLOUD), "--dry-run")
    assert dry.out == f"Jira: {JIRA_CLOUD}\n" + ADDED.replace("Added (7)", "To add (7)").replace(
        "7 added, 0 updated, 0 unchanged.",
        "Would be: 7 added, 0 updated, 0 unchanged. Nothing was written (--dry-run).",
    )
    assert records(ws.root) == before
    result = cli("import", "jira", str(JIRA_CLOUD))
    assert (result.code, result.err) == (0, "")
    assert result.out == f"Jira: {JIRA_CLOUD}\n{ADDED}"
    items = {item.id: item for item in ws.all(BacklogItem)}
    assert [(i, items[i].external_ref, items[i].rank) for i in sorted(items, key=lambda i: items[i].rank)] == [
        ("B-1", "", 1),
        ("B-2", "SHOP-1", 2),
        ("B-3", "SHOP-12", 3),
        ("B-4", "SHOP-13", 4),
        ("B-5", "SHOP-14", 5),
        ("B-6", "SHOP-15", 6),
        ("B-7", "SHOP-16", 7),
        ("B-8", "SHOP-17", 8),
    ]
    pay = items["B-3"]
    assert (pay.title, pay.status, pay.estimate, pay.value, pay.parent) == ("Pay by card", "in-progress", 5, 4, "B-2")
    assert pay.tags == ["payments", "checkout", "SHOP Sprint 3", "SHOP Sprint 4"]
    assert (pay.created.isoformat(), pay.updated.isoformat()) == (  # type: ignore[union-attr]
        "2024-03-12T10:15:00+01:00",
        "2026-11-26T09:30:00+01:00",
    )
    assert items["B-7"].parent == "B-3"  # SHOP-16's Parent 10002 is SHOP-12's Issue id
    assert (items["B-4"].status, str(items["B-4"].done_on)) == ("done", "2024-03-20")  # its Resolved day
    assert items["B-2"].tags == ["Epic"]
    assert pay.tracker is not None and (pay.tracker.tracker_status, pay.tracker.labels) == (
        "In Progress",
        ["payments", "checkout"],
    )


def test_re_importing_the_same_file_writes_no_file(cli: Cli, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("import", "jira", str(JIRA_CLOUD))
    written = records(ws.root)
    monkeypatch.setenv("RITUAL_NOW", "2026-12-01T10:00:00+01:00")
    again = cli("import", "jira", str(JIRA_CLOUD))
    assert again.out.endswith("0 added, 0 updated, 7 unchanged.\n")
    assert records(ws.root) == written
    everything = tree(ws.root)  # the read cache learnt the new files above; now nothing at all changes
    assert cli("import", "jira", str(JIRA_CLOUD)).code == 0
    assert tree(ws.root) == everything
    assert {str(i.updated) for i in ws.all(BacklogItem)} == {"2026-11-26 09:30:00+01:00"}


def test_a_re_import_takes_the_trackers_changes_keeps_ours_and_lists_conflicts(
    cli: Cli, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("import", "jira", str(JIRA_CLOUD))  # SHOP-1 → B-1 … SHOP-17 → B-7
    cli("backlog", "edit", "B-2", "--estimate", "8")  # SHOP-12 was 5
    cli("backlog", "edit", "B-4", "--title", "Upgrade to SDK v3")  # SHOP-14
    cli("backlog", "status", "B-5", "in-progress")  # SHOP-15 was ready

    def later(rows: dict[str, list[str]]) -> None:
        rows["SHOP-12"][20] = "13"  # both sides changed the estimate: a conflict
        rows["SHOP-13"][0] = "Receipt e-mail shows 0,00 €"  # only the tracker changed the title
        rows["SHOP-15"][4] = "In Progress"  # the same change on both sides
        rows["SHOP-17"][17] = "refunds"  # a second label

    path = edited_export(tmp_path, later)
    monkeypatch.setenv("RITUAL_NOW", "2026-11-27T09:30:00+01:00")
    dry = cli("import", "jira", str(path), "--dry-run")
    unchanged = tree(ws.root)
    expected = f"""\
Jira: {path}
Updated from Jira (3):
  B-3     SHOP-13      title 'Receipt e-mail shows €0,00' → 'Receipt e-mail shows 0,00 €'
  B-5     SHOP-15      no field changed here; Jira's values noted
  B-7     SHOP-17      tags [payments] → [payments, refunds]
Changed here since the last import, kept (1):
  B-4     SHOP-14      title
Conflicts left as they are (1); settle them with --prefer tracker or --prefer local:
  B-2     SHOP-12      estimate: here 8, in Jira 13, at the last import 5
"""
    # 7 issues: B-3, B-5, B-7 updated; B-1, B-2 (its conflict), B-4 (ours kept), B-6 unchanged.
    assert dry.out == expected.replace(
        "Updated from", "To update from"
    ) + "Would be: 0 added, 3 updated, 4 unchanged; 1 conflict left as they are. " + (
        "Nothing was written (--dry-run).\n"
    )
    assert tree(ws.root) == unchanged
    real = cli("import", "jira", str(path))
    assert real.out == expected + "0 added, 3 updated, 4 unchanged; 1 conflict left as they are.\n"
    items = {item.id: item for item in ws.all(BacklogItem)}
    assert (items["B-2"].estimate, items["B-2"].tracker.estimate) == (8, 5)  # type: ignore[union-attr]
    assert (items["B-3"].title, items["B-4"].title) == ("Receipt e-mail shows 0,00 €", "Upgrade to SDK v3")
    assert items["B-7"].tags == ["payments", "refunds"]
    assert str(items["B-3"].updated) == "2026-11-27 09:30:00+01:00"
    assert str(items["B-1"].updated) == "2026-11-26 09:30:00+01:00"
    # The conflict is found again until it is settled.
    assert cli("import", "jira", str(path)).out.endswith(
        "0 added, 0 updated, 7 unchanged; 1 conflict left as they are.\n"
    )


@pytest.mark.parametrize(("prefer", "estimate", "word"), [("tracker", 13, "took Jira's"), ("local", 8, "kept ours")])
def test_a_preference_settles_the_conflicts(
    cli: Cli, ws: Workspace, tmp_path: Path, prefer: str, estimate: int, word: str
) -> None:
    cli("import", "jira", str(JIRA_CLOUD))
    cli("backlog", "edit", "B-2", "--estimate", "8")
    path = edited_export(tmp_path, lambda rows: rows["SHOP-12"].__setitem__(20, "13"))
    result = cli("import", "jira", str(path), "--prefer", prefer)
    assert f"  B-2     SHOP-12      estimate: here 8, in Jira 13, at the last import 5 → {word}\n" in result.out
    assert result.out.endswith("0 added, 1 updated, 6 unchanged.\n")
    item = ws.get(BacklogItem, "B-2")
    assert (item.estimate, item.tracker.estimate) == (estimate, 13)  # type: ignore[union-attr]


def _broken_row(rows: dict[str, list[str]]) -> None:
    rows["SHOP-17"].append("one field too many")


def _unknown_status_last(rows: dict[str, list[str]]) -> None:
    rows["SHOP-17"][4] = "Parked"


# Rows as a spreadsheet counts them, lines as an editor does: SHOP-12 (row 3) spans lines 3-6 and
# SHOP-13 (row 4) lines 7-11 (multi-line description and criteria), so SHOP-16 (row 7) is on line 14
# and SHOP-17 (row 8) on line 15.
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_broken_row, "row 8 (line 15): has 26 fields where the header has 25. Nothing was imported."),
        (
            _unknown_status_last,
            "uses values workspace.toml does not map: status 'Parked' (row 8 (line 15)) → add it under "
            "[tracker_statuses] (see config/default.toml). Nothing was imported.",
        ),
        (
            lambda rows: rows["SHOP-16"].__setitem__(1, "SHOP-12"),
            "SHOP-12 appears twice (row 3 (line 3) and row 7 (line 14)).",
        ),
    ],
    ids=["malformed-row", "unknown-status", "duplicate-key"],
)
def test_a_broken_file_writes_nothing(cli: Cli, ws: Workspace, tmp_path: Path, change: Any, message: str) -> None:
    cli("import", "jira", str(JIRA_CLOUD))
    cli("backlog", "edit", "B-2", "--estimate", "8")
    before = tree(ws.root)
    path = edited_export(tmp_path, lambda rows: (rows["SHOP-13"].__setitem__(0, "Changed"), change(rows)))
    result = cli("import", "jira", str(path))
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(f"error: {path}") and message in result.err
    assert tree(ws.root) == before


def test_a_key_on_two_items_stops_the_import(cli: Cli, ws: Workspace) -> None:
    cli("backlog", "add", "Pay", "--ref", "SHOP-12")
    cli("backlog", "add", "Pay again", "--ref", "shop-12")
    result = cli("import", "jira", str(JIRA_CLOUD))
    assert result.err == (
        "error: shop-12 is the external reference of both B-1 and B-2: keep it on one "
        "(ritual backlog edit B-2 --ref '') and import again. Nothing was imported.\n"
    )
    assert len(ws.files(BacklogItem)) == 2


def test_an_item_with_the_key_typed_by_hand_is_updated_not_duplicated(cli: Cli, ws: Workspace) -> None:
    cli("backlog", "add", "Pay by card", "--ref", "shop-12", "--estimate", "8")
    result = cli("import", "jira", str(JIRA_CLOUD))
    assert "  B-1     SHOP-12      estimate: here 8, in Jira 5, at the last import ?\n" in result.out
    assert result.out.endswith("6 added, 1 updated, 0 unchanged; 1 conflict left as they are.\n")
    item = ws.get(BacklogItem, "B-1")
    assert (item.status, item.estimate, len(ws.files(BacklogItem))) == ("in-progress", 8, 7)


def test_a_write_refused_half_way_says_what_was_written_and_a_re_run_completes_it(
    cli: Cli, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = writing_module.write_atomic
    writes: list[Path] = []

    def full_after_three(path: Path, data: bytes, durable: bool = True) -> None:
        if path.parent.name == "backlog":
            if len(writes) == 3:
                raise StorageError(f"Could not save {path}: the disk is full. The file on disk is unchanged.")
            writes.append(path)
        real_write(path, data, durable)

    monkeypatch.setattr(writing_module, "write_atomic", full_after_three)
    failed = cli("import", "jira", str(JIRA_CLOUD))
    assert failed.code == 1
    assert failed.err.startswith("error: The import stopped after writing 3 of 7 items (added B-1 to B-3): Could not")
    assert failed.err.endswith("Run the same import again once this is fixed: it writes only what is still missing.\n")
    assert [f.id for f in ws.files(BacklogItem)] == ["B-1", "B-2", "B-3"]
    monkeypatch.setattr(writing_module, "write_atomic", real_write)
    again = cli("import", "jira", str(JIRA_CLOUD))
    assert again.out.endswith("4 added, 0 updated, 3 unchanged.\n")
    clean = Workspace.create(tmp_path / "clean", "Clean")
    assert main(["--workspace", str(clean.root), "import", "jira", str(JIRA_CLOUD)]) == 0
    assert [to_doc(i) for i in ws.all(BacklogItem)] == [to_doc(i) for i in clean.all(BacklogItem)]


def test_a_gh_export_comes_from_standard_input(cli: Cli, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(GH_ISSUES.read_bytes()), encoding="utf-8"))
    result = cli("import", "github", "-")
    assert result.out == (
        "GitHub: standard input\n"
        "Added (3):\n"
        "  B-1     acme/shop#41 'Save a card for next time'\n"
        "  B-2     acme/shop#42 'Checkout crashes on an empty cart'\n"
        "  B-3     acme/shop#43 'Wallets: 'Apple Pay' & $(Google Pay)'\n"
        "3 added, 0 updated, 0 unchanged.\n"
    )
    saved, crash, wallets = ws.all(BacklogItem)
    assert (saved.estimate, saved.tags, saved.acceptance[0]) == (
        5,
        ["payments", "v1.2"],
        "Given a saved card, when I pay, then I skip the form",
    )
    assert (crash.kind, crash.status, crash.estimate) == ("bug", "done", 2)
    assert (wallets.estimate, wallets.tags) == (3, ["ux, mobile"])
