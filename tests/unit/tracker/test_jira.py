"""Jira's CSV export read as tracker issues: every column Jira writes, the files Excel writes, the
errors that stop an import."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone

import pytest

from ritual_tui.domain.settings import Settings
from ritual_tui.tracker.dates import read_moment
from ritual_tui.tracker.decoding import csv_delimiter
from ritual_tui.tracker.issue import ExportFileError, TrackerExport
from ritual_tui.tracker.jira import read_jira
from tests.unit.tracker.exports import HEADER, JIRA_CLOUD, csv_bytes, rewritten

#: The frozen clock's zone (tests/conftest.py): a time without a zone is taken in it.
ZONE = timezone(timedelta(hours=1))


def read(data: bytes, settings: Settings | None = None, encoding: str | None = None) -> TrackerExport:
    return read_jira("export.csv", data, settings or Settings(), encoding)


def test_a_jira_cloud_export_gives_every_field_in_our_words() -> None:
    export = read(JIRA_CLOUD.read_bytes())
    issues = {issue.key: issue for issue in export.issues}
    assert list(issues) == ["SHOP-1", "SHOP-12", "SHOP-13", "SHOP-14", "SHOP-15", "SHOP-16", "SHOP-17"]
    pay = issues["SHOP-12"]
    assert pay.title == "Pay by card"
    assert pay.description == (
        'As a shopper, I want to pay by card, so that "checkout" is quick.\n\n'
        'Notes: 3-D Secure, Visa, Mastercard; no "stored" cards yet.'
    )
    # High → 4 and In Progress → in-progress by the default tables of config/default.toml.
    assert (pay.kind, pay.status, pay.tracker_status, pay.estimate, pay.value) == (
        "story",
        "in-progress",
        "In Progress",
        5,
        4,
    )
    assert (pay.labels, pay.context) == (["payments", "checkout"], ["SHOP Sprint 3", "SHOP Sprint 4"])
    assert pay.acceptance == [
        "Given a cart, when I pay by card, then I get a receipt",
        "Given a declined card, when I pay, then I see why",
    ]
    assert (pay.parent_ref, pay.issue_id) == ("10001", "10002")
    assert pay.created == datetime(2024, 3, 12, 10, 15, tzinfo=ZONE)
    bug = issues["SHOP-13"]  # its points are in the other story-point column
    assert (bug.title, bug.kind, bug.status, bug.estimate, bug.resolved) == (
        "Receipt e-mail shows €0,00",
        "bug",
        "done",
        2,
        date(2024, 3, 20),
    )
    assert bug.description == 'Steps:\n1. Pay 12,50 €\n2. Open the e-mail\n\nExpected "12,50 €", got "0,00 €".'
    epic = issues["SHOP-1"]  # Epic = "parent": a story tagged with its type
    assert (epic.kind, epic.context, epic.parent_ref) == ("story", ["Epic"], "")
    sdk = issues["SHOP-14"]
    assert sdk.description == 'The vendor says "v3 is final", and v2 ends in June, 2024.'
    assert (sdk.created, sdk.value, sdk.estimate) == (datetime(2024, 3, 14, 9, 0, tzinfo=ZONE), 2, None)
    assert (issues["SHOP-15"].estimate, issues["SHOP-15"].status) == (3, "ready")  # 3 in both columns
    assert (issues["SHOP-16"].kind, issues["SHOP-16"].status, issues["SHOP-16"].parent_ref) == (
        "chore",
        "review",
        "10002",
    )
    assert issues["SHOP-17"].acceptance == ["Given a paid order, when I refund it, then the shopper gets an e-mail"]
    assert export.notes == []


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "cp1252"), (";", "utf-8-sig"), ("\t", "utf-16"), (",", "utf-8-sig")],
    ids=["excel-europe-cp1252", "excel-utf8-bom", "excel-unicode-text", "comma-bom"],
)
def test_files_saved_by_excel_read_the_same(delimiter: str, encoding: str) -> None:
    original = JIRA_CLOUD.read_bytes()
    again = rewritten(original, delimiter, encoding)
    assert again != original
    assert [dataclasses.asdict(i) for i in read(again).issues] == [dataclasses.asdict(i) for i in read(original).issues]


def test_an_encoding_given_is_used() -> None:
    data = csv_bytes([["Café ½", "SHOP-1", "1", "Story", "To Do", ""]], encoding="latin-1")
    assert read(data, encoding="latin-1").issues[0].title == "Café ½"
    with pytest.raises(ExportFileError, match="'klingon' is not an encoding Python knows"):
        read(data, encoding="klingon")


def test_headers_are_found_by_name_in_any_order_and_newer_exports_say_work_item() -> None:
    header = ["Status", "Work type", "Summary", "Work item key"]
    issue = read(csv_bytes([["Done", "Bug", "Fix it", "shop-9"]], header)).issues[0]
    assert (issue.key, issue.title, issue.kind, issue.status) == ("SHOP-9", "Fix it", "bug", "done")
    # Columns the export leaves out (here Labels, points, description…) change nothing on a re-import.
    assert issue.known == {"title", "kind", "status"}


def test_the_delimiter_is_the_one_the_header_uses_outside_quotes() -> None:
    assert csv_delimiter('"Summary, short";Issue key;Status\r\n"a,b,c,d";x;y') == ";"
    assert csv_delimiter("Summary\tIssue key\n") == "\t"
    assert csv_delimiter("Summary\n") == ","


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (csv_bytes([["x", "SHOP-1"]], ["Title", "Issue key"]), "export.csv, row 1: has no Summary column"),
        (csv_bytes([["x", "SHOP-1"]], ["Summary", "Key"]), "export.csv, row 1: has no Issue key column"),
        (
            csv_bytes([["a", "SHOP-1", "1", "Story", "To Do", ""], ["b", "SHOP-2", "2", "Story", "To Do", "", "x"]]),
            "export.csv, row 3 (line 3): has 7 fields where the header has 6.",
        ),
        (csv_bytes([["a", "SHOP 1", "1", "Story", "To Do", ""]]), "row 2 (line 2): its issue key 'SHOP 1' is not"),
        (csv_bytes([["  ", "SHOP-1", "1", "Story", "To Do", ""]]), "row 2 (line 2): SHOP-1 has no summary."),
        (
            csv_bytes([["a", "SHOP-1", "1", "Story", "To Do", "five"]]),
            "row 2 (line 2): SHOP-1's story points 'five' are not a number.",
        ),
        (
            csv_bytes(
                [["a\nb", "SHOP-1", "1", "Story", "To Do", "3", "5"]], [*HEADER, "Custom field (Story point estimate)"]
            ),
            "row 2 (line 2): SHOP-1 has two different story points (3 and 5).",
        ),
        (
            csv_bytes([["a\nb", "SHOP-1", "1", "Story", "To Do", "3"], ["c", "SHOP-2", "2", "Story", "To Do", "x"]]),
            "row 3 (line 4): SHOP-2's story points 'x' are not a number.",  # row 2 spans lines 2 and 3
        ),
        (b'Summary,Issue key\r\n"unterminated,SHOP-1\r\n', "line 2: is not well-formed CSV"),
        (b"Summary,Issue key\r\nbad \x81\x8d bytes,SHOP-1\r\n", "is neither UTF-8 nor Windows-1252 text"),
        (b"", "export.csv: is empty"),
    ],
)
def test_a_broken_export_names_the_file_and_row(data: bytes, message: str) -> None:
    with pytest.raises(ExportFileError, match=message.replace("(", r"\(").replace(")", r"\)")) as raised:
        read(data)
    assert str(raised.value).endswith("Nothing was imported.")


def test_values_the_settings_do_not_map_are_listed_never_guessed() -> None:
    rows = [
        ["a", "SHOP-1", "1", "Story", "Blocked", ""],
        ["b", "SHOP-2", "2", "Feature", "Blocked", ""],
        ["c", "SHOP-3", "3", "Story", "In Progress", ""],
    ]
    with pytest.raises(ExportFileError) as raised:
        read(csv_bytes(rows))
    assert str(raised.value) == (
        "export.csv: uses values workspace.toml does not map: "
        "status 'Blocked' (row 2 (line 2), row 3 (line 3)) → add it under [tracker_statuses]; "
        "issue type 'Feature' (row 3 (line 3)) → add it under [tracker_kinds] (see config/default.toml). "
        "Nothing was imported."
    )
    settings = Settings(tracker_statuses={"Blocked": "in-progress", "In Progress": "in-progress"})
    settings.tracker_kinds["feature"] = "story"  # matched ignoring case
    assert [i.status for i in read(csv_bytes(rows), settings).issues] == ["in-progress"] * 3


def test_a_mapping_to_a_value_we_do_not_have_is_refused() -> None:
    with pytest.raises(Exception, match=r"\[tracker_statuses\]: 'Done' = 'finished' should be one of new, refining"):
        read(csv_bytes([]), Settings(tracker_statuses={"Done": "finished"}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/Mar/24 10:15 AM", datetime(2024, 3, 12, 10, 15, tzinfo=ZONE)),
        ("12/mar/2024 12:05 AM", datetime(2024, 3, 12, 0, 5, tzinfo=ZONE)),
        ("1/Dec/24 12:05 PM", datetime(2024, 12, 1, 12, 5, tzinfo=ZONE)),
        ("12/Mar/24 16:40", datetime(2024, 3, 12, 16, 40, tzinfo=ZONE)),
        ("2024-03-12T10:15:00+02:00", datetime(2024, 3, 12, 10, 15, tzinfo=timezone(timedelta(hours=2)))),
        ("03/04/2024 10:00", None),  # 3 April or March 4: never guessed
        ("31/Feb/24 10:00 AM", None),
    ],
)
def test_dates_are_read_only_when_unambiguous(text: str, expected: datetime | None) -> None:
    assert read_moment(text) == expected


def test_dates_not_read_are_left_out_with_one_note_per_column() -> None:
    header = ["Summary", "Issue key", "Created"]
    export = read(csv_bytes([["a", "SHOP-1", "03/04/2024 10:00"], ["b", "SHOP-2", "04/05/2024 11:00"]], header))
    assert [i.created for i in export.issues] == [None, None]
    assert export.notes == [
        "Created: 2 date(s) in a format not recognised, left out (e.g. SHOP-1 '03/04/2024 10:00'); "
        "ISO dates and Jira's 12/Mar/24 10:15 AM are read."
    ]
