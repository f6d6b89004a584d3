"""The data page's work: dry run of an upload, who may load what, the inbox, the reject report
in the user's language, and a build in a separate process that publishes a new version."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from core.versions import current_version
from dia import uploads
from dia.auth import Role
from dia.policy import viewer_for


def member_list(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, header)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, row)
    book.close()
    return buffer.getvalue()


OE_LIST = member_list(
    ["Bedrijfsnaam", "Postcode", "Plaats", "Lid sinds"],
    [
        ["Hofstra Metaal B.V.", "7811 AB", "Emmen", "1-3-2019"],
        ["Ver Weg B.V.", "1012 AB", "Amsterdam", "1-3-2019"],
    ],
)
WVE_LIST = member_list(["Firma", "PLZ", "Ort"], [["Emstec GmbH", 49716, "Meppen"]])


@pytest.fixture
def data_folder(tmp_path: Path) -> Iterator[Path]:
    previous = os.environ.get("DIA_DATA_DIR")
    os.environ["DIA_DATA_DIR"] = str(tmp_path)
    yield tmp_path
    if previous is None:
        os.environ.pop("DIA_DATA_DIR", None)
    else:
        os.environ["DIA_DATA_DIR"] = previous


def test_dry_run_reports_kind_rows_and_rejects() -> None:
    report = uploads.check_upload("leden.xlsx", OE_LIST)
    assert (report.kind, report.association) == ("members_oe", "OE")
    assert (report.accepted, report.rejected_rows) == (1, 1)
    reject = report.rejects[0]
    assert (reject.row_number, reject.column_name, reject.value) == (3, "Postcode", "1012 AB")


def test_too_large_and_unreadable_uploads() -> None:
    big = uploads.check_upload("big.csv", b"x" * (uploads.MAX_UPLOAD_BYTES + 1))
    assert not big.loadable and "20 MB" in big.rejects[0].message()
    broken = uploads.check_upload("broken.xlsx", b"PK\x03\x04 not really")
    assert not broken.loadable and broken.rejects


def test_safe_names() -> None:
    assert uploads.safe_name("../../etc/passwd") == "passwd"
    assert uploads.safe_name("Leden lijst (2025).XLSX") == "Leden lijst _2025_.xlsx"


@pytest.mark.parametrize(
    ("role", "association", "upload", "allowed"),
    [
        (Role.STAFF, "OE", OE_LIST, True),
        (Role.STAFF, "OE", WVE_LIST, False),
        (Role.STAFF, "WVE", WVE_LIST, True),
        (Role.ADMIN, None, WVE_LIST, True),
        (Role.DIRECTOR, "OE", OE_LIST, False),
    ],
)
def test_staff_load_member_lists_of_their_own_association(
    role: Role, association: str | None, upload: bytes, allowed: bool
) -> None:
    user = viewer_for(role, [association] if association else [], demo=True)
    report = uploads.check_upload("list.xlsx", upload)
    problem = uploads.permission_problem(user, report, "de")
    assert (problem is None) == allowed
    if role is Role.STAFF and not allowed:
        assert "Mitgliederliste" in str(problem) and "OE" in str(problem)


@pytest.mark.parametrize(
    ("lang", "column", "reason"),
    [
        ("nl", "Reden", "ligt buiten Zuidoost-Drenthe en Emsland"),
        ("de", "Grund", "liegt außerhalb von Zuidoost-Drenthe und Emsland"),
        ("en", "Reason", "lies outside Zuidoost-Drenthe and Emsland"),
    ],
)
def test_reject_report_in_the_users_language(
    tmp_path: Path, lang: str, column: str, reason: str
) -> None:
    report = uploads.check_upload("leden.xlsx", OE_LIST)
    rejects = uploads.report_frame(report.rejects, lang)  # type: ignore[arg-type]
    notices = uploads.report_frame(report.notices, lang)  # type: ignore[arg-type]
    assert reason in rejects[column].iloc[0]
    data = uploads.report_workbook(rejects, notices, lang, "title")  # type: ignore[arg-type]
    path = tmp_path / f"report-{lang}.xlsx"
    path.write_bytes(data)
    book = CalamineWorkbook.from_path(str(path))
    cells = book.get_sheet_by_index(0).to_python()
    assert cells[0][0] == "title" and column in cells[2]


def test_inbox_replaces_the_previous_member_list(data_folder: Path) -> None:
    first = uploads.save_to_inbox("leden_2024.xlsx", OE_LIST, "members_oe", replace_same_kind=True)
    uploads.save_to_inbox("mitglieder.xlsx", WVE_LIST, "members_wve", replace_same_kind=True)
    second = uploads.save_to_inbox("leden_2025.xlsx", OE_LIST, "members_oe", replace_same_kind=True)
    inbox = uploads.inbox_kinds()
    assert sorted(inbox["file"]) == ["leden_2025.xlsx", "mitglieder.xlsx"]
    assert not first.exists() and second.exists()
    archived = list((data_folder / "archive").rglob("*.xlsx"))
    assert [p.name for p in archived] == ["leden_2024.xlsx"]
    uploads.save_to_inbox("extra.xlsx", OE_LIST, "members_oe", replace_same_kind=False)
    assert len(uploads.inbox_kinds()) == 3


def test_load_builds_and_publishes_in_another_process(data_folder: Path) -> None:
    uploads.save_to_inbox("leden.xlsx", OE_LIST, "members_oe", replace_same_kind=True)
    outcome = uploads.run_build(data_folder)
    assert outcome.ok, outcome.output
    version = current_version(data_folder / "warehouse")
    assert version is not None and "published" in outcome.output
    import duckdb

    con = duckdb.connect(str(version.path), read_only=True)
    assert con.execute("SELECT name FROM member").fetchall() == [("Hofstra Metaal B.V.",)]
    assert con.execute("SELECT count(*) FROM etl_reject WHERE file = 'leden.xlsx'").fetchone() == (
        1,
    )
    con.close()
    shutil.rmtree(data_folder / "warehouse")
