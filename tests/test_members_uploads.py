"""The data page's work: dry run of an upload (``etl check`` in a child process), who may load
what, the inbox per association, the reject report in the user's language, a preview of what a
load removes, and a build in a separate process that publishes a new version."""

from __future__ import annotations

import io
import json
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


STAFF_OE = viewer_for(Role.STAFF, ["OE"], demo=True)
STAFF_WVE = viewer_for(Role.STAFF, ["WVE"], demo=True)


def test_dry_run_reports_kind_rows_and_rejects() -> None:
    report = uploads.check_upload("leden.xlsx", OE_LIST)
    assert (report.kind, report.association) == ("members_oe", "OE")
    assert report.label("en") == "Member list Ondernemend Emmen (OE)"
    assert (report.accepted, report.rejected_rows) == (1, 1)
    reject = report.rejects[0]
    located = (reject["row_number"], reject["column_name"], reject["value"])
    assert located == (3, "Postcode", "1012 AB")


def test_too_large_and_unreadable_uploads() -> None:
    big = uploads.check_upload("big.csv", b"x" * (uploads.MAX_UPLOAD_BYTES + 1))
    assert not big.loadable and "20 MB" in big.rejects[0]["reason"]["en"]
    broken = uploads.check_upload("broken.xlsx", b"PK\x03\x04 not really")
    assert not broken.loadable and broken.kind == "refused"
    assert "damaged or incomplete" in broken.rejects[0]["reason"]["en"]
    assert "beschadigd" in broken.rejects[0]["reason"]["nl"]


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
        assert "Mitglieder" in str(problem) and "OE" in str(problem)


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


def test_member_lists_are_added_and_replace_only_on_request(data_folder: Path) -> None:
    oe = uploads.check_upload("leden.xlsx", OE_LIST)
    wve = uploads.check_upload("mitglieder.xlsx", WVE_LIST)
    first = uploads.save_to_inbox(STAFF_OE, "leden_2024.xlsx", OE_LIST, oe, "add")
    uploads.save_to_inbox(STAFF_WVE, "mitglieder.xlsx", WVE_LIST, wve, "add")
    addendum = uploads.save_to_inbox(STAFF_OE, "aanvulling.xlsx", OE_LIST, oe, "add")
    assert first.exists() and addendum.exists()  # "add" keeps the earlier list
    assert first.parent.name == "OE"
    second = uploads.save_to_inbox(STAFF_OE, "leden_2025.xlsx", OE_LIST, oe, "replace")
    inbox = {(f.owner, f.name, f.uploader) for f in uploads.inbox_files()}
    assert inbox == {
        ("OE", "leden_2025.xlsx", STAFF_OE.role.value),
        ("WVE", "mitglieder.xlsx", STAFF_WVE.role.value),
    }
    assert second.exists() and not first.exists()
    archived = sorted(p.name for p in (data_folder / "archive" / "OE").rglob("*.xlsx"))
    assert archived == ["aanvulling.xlsx", "leden_2024.xlsx"]


def test_same_name_never_displaces_another_associations_file(data_folder: Path) -> None:
    records = b"Activiteit-ID;Datum;Titel\nA-1;2024-01-01;Borrel\n"
    report = uploads.CheckReport("lijst.csv", "x", "project_records", accepted=1)
    uploads.save_to_inbox(STAFF_WVE, "lijst.csv", records, report, "replace")
    uploads.save_to_inbox(STAFF_OE, "lijst.csv", records, report, "replace")
    owners = sorted(f.owner for f in uploads.inbox_files())
    assert owners == ["OE", "WVE"]
    assert not (data_folder / "archive").exists()
    wve_file = next(f for f in uploads.inbox_files() if f.owner == "WVE")
    assert not uploads.may_manage(STAFF_OE, wve_file)
    assert uploads.archive_file(STAFF_OE, wve_file) is None and wve_file.path.exists()


def test_archive_folders_never_collide(data_folder: Path) -> None:
    report = uploads.CheckReport("a.csv", "x", "project_records", accepted=1)
    folders = set()
    for _ in range(5):  # within one second
        uploads.save_to_inbox(STAFF_OE, "a.csv", b"x", report, "add")
        folders.add(uploads.archive(uploads.inbox_files()))
    assert len(folders) == 5
    assert len(list((data_folder / "archive" / "OE").rglob("a.csv"))) == 5


def test_replace_previews_the_members_that_disappear(data_folder: Path) -> None:
    two = member_list(
        ["Bedrijfsnaam", "Postcode", "Plaats"],
        [["Hofstra Metaal B.V.", "7811 AB", "Emmen"], ["Bakkerij Bos B.V.", "7811 AB", "Emmen"]],
    )
    report = uploads.check_upload("leden.xlsx", two)
    uploads.save_to_inbox(STAFF_OE, "leden.xlsx", two, report, "add")
    assert uploads.run_build(STAFF_OE).ok
    one = uploads.check_upload("nieuw.xlsx", OE_LIST)
    preview = uploads.preview_load(STAFF_OE, "nieuw.xlsx", OE_LIST, one, "replace")
    assert [m["name"] for m in preview.disappearing] == ["Bakkerij Bos B.V."]
    assert [(s["table"], s["association"], s["before"], s["after"]) for s in preview.shrinks] == [
        ("member", None, 2, 1),
        ("member", "OE", 2, 1),
        ("company", None, 2, 1),
    ]
    added = uploads.preview_load(STAFF_OE, "nieuw.xlsx", OE_LIST, one, "add")
    assert added.disappearing == [] and added.shrinks == []
    # Loading the replacement without confirming keeps the published version.
    before = current_version(data_folder / "warehouse")
    uploads.save_to_inbox(STAFF_OE, "nieuw.xlsx", OE_LIST, one, "replace")
    refused = uploads.run_build(STAFF_OE)
    assert not refused.ok and "publish gate" in str(refused.error)
    assert current_version(data_folder / "warehouse") == before
    assert uploads.run_build(STAFF_OE, accept_shrink=True).ok
    shutil.rmtree(data_folder / "warehouse")


def test_load_builds_and_publishes_in_another_process(data_folder: Path) -> None:
    report = uploads.check_upload("leden.xlsx", OE_LIST)
    uploads.save_to_inbox(STAFF_OE, "leden.xlsx", OE_LIST, report, "add")
    outcome = uploads.run_build(STAFF_OE)
    assert outcome.ok, outcome.error
    version = current_version(data_folder / "warehouse")
    assert version is not None
    import duckdb

    con = duckdb.connect(str(version.path), read_only=True)
    assert con.execute("SELECT name FROM member").fetchall() == [("Hofstra Metaal B.V.",)]
    assert con.execute("SELECT count(*) FROM etl_reject WHERE file = 'leden.xlsx'").fetchone() == (
        1,
    )
    con.close()
    events = [e["event"] for e in map(json.loads, (data_folder / "audit" / "audit.jsonl").open())]
    assert "upload" in events and "load" in events
    shutil.rmtree(data_folder / "warehouse")


def test_dashboard_never_imports_etl() -> None:
    import ast

    root = Path(__file__).resolve().parents[1]
    offenders = []
    for path in [*root.joinpath("dia").rglob("*.py"), *root.joinpath("views").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{path.name}: {n}" for n in names if n == "etl" or n.startswith("etl.")]
    assert offenders == []
