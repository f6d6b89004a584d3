"""The project records reader: Dutch, German and English headers, values in any of the three
languages, rejects with their row and column, templates that read back, and sample files that
load with exactly the rejects they were made with."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from etl.intake import read_file
from etl.normalise import BAD_DATE, BAD_REGISTER
from etl.records import KIND, MISSING_COLUMN
from etl.records.rows import FUTURE_START, MISSING, NOT_STARTED, VENUE_OUTSIDE
from etl.records.templates import SHEETS, write_template
from etl.records.values import BAD_COMPANY, BAD_PERSONS, BAD_WORK_PACKAGE, NOT_IN_LIST, codes
from etl.registry import detect


def _values(column: pd.Series) -> list[object]:
    """A column's values with every kind of missing value as None."""
    return [None if pd.isna(value) else value for value in column]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_dutch_activities_with_title_rows_and_odd_spellings(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "register.xlsx",
        {
            "Activiteiten": [
                ["Voorbeelddata / Beispieldaten – activiteitenregister"],
                [],
                ["activiteit id", "DATUM", "Titel", "Soort", "Werkvorm", "Thema", "Plaats", "Organisator"],
                ["a-1", dt.date(2022, 3, 3), "Matchmaking", "Matchmaking", "Hybride", "Uitwisseling", "Coevorden", "OE en WVE"],
                ["A-2", "1-4-2022", "Webinar", "webinar", "online", "Digitalisierung", "", "WVE"],
                ["A-3", "12.05.2022", "Firmenbesuch", "Betriebsbesichtigung", "Präsenz", "Energiewende", "Meppen", "Wirtschaftsverband Emsland"],
                ["A-4", "31-02-2022", "Fout", "Borrel", "fysiek", "Innovatie", "Emmen", "OE"],
                ["A-5", dt.date(2022, 6, 1), "Messe", "Messe", "physical", "innovation", "Hannover", "both"],
                ["", "", "", "", "", "", "", ""],
                ["Totaal", "", "", "", "", "", "", ""],
            ]
        },
    )  # fmt: skip
    assert detect(path).kind == KIND
    result = read_file(path)
    frame = result.tables["activity"]
    assert _values(frame["activity_id"]) == ["A-1", "A-2", "A-3", "A-5"]
    assert _values(frame["type"]) == ["matchmaking", "webinar", "company visit", "trade fair"]
    assert _values(frame["format"]) == ["hybrid", "digital", "physical", "physical"]
    assert _values(frame["theme"]) == ["exchange", "digitalisation", "energy", "innovation"]
    assert _values(frame["organiser"]) == ["both", "WVE", "WVE", "both"]
    assert _values(frame["region_id"])[:3] == ["GM0109", None, "03454035"]  # Meppen (Emsland)
    assert _values(frame["date"])[1] == dt.date(2022, 4, 1)
    assert result.skipped == 2  # the blank row and the totals row
    assert {(r.row_number, r.column_name, r.reason) for r in result.rejects} == {
        (7, "DATUM", BAD_DATE),
        (7, "Soort", NOT_IN_LIST),
    }
    assert [(n.row_number, n.reason) for n in result.notices] == [(8, VENUE_OUTSIDE)]
    assert result.sources[0].is_sample


def test_german_participations_csv_and_company_references(tmp_path: Path) -> None:
    path = tmp_path / "teilnehmer.csv"
    path.write_bytes(
        (
            "Aktivitäts-ID;Register- oder Mitgliedsnummer;Firma;Personen\r\n"
            "A-1;HRB 123456 Amtsgericht Osnabrück;Müller GmbH;2\r\n"
            "A-1;WVE 20069;Schulte KG;\r\n"
            "A-1;01234567;Jansen B.V.;1\r\n"
            "A-1;KvK 123;Fout B.V.;1\r\n"
            "A-1;Bakker en Zonen;Bakker;1\r\n"
            "A-2;1042;;viele\r\n"
            "A-2;;Leer;1\r\n"
        ).encode("cp1252")
    )
    result = read_file(path)
    frame = result.tables["participation"]
    assert _values(frame["register_id"])[:3] == ["HRB 123456", None, "KvK 01234567"]
    assert _values(frame["member_number"])[:2] == [None, "20069"]
    assert _values(frame["association"])[:2] == [None, "WVE"]
    assert _values(frame["persons"]) == [2, 1, 1]  # empty means one person
    assert {(r.row_number, r.reason) for r in result.rejects} == {
        (5, BAD_REGISTER),
        (6, BAD_COMPANY),
        (7, BAD_PERSONS),
        (8, MISSING),
    }
    missing = next(r for r in result.rejects if r.reason == MISSING)
    assert missing.column_name == "Register- oder Mitgliedsnummer"
    assert missing.sheet is None


def test_collaborations_and_milestones_in_english(tmp_path: Path) -> None:
    today = dt.date.today()
    path = _workbook(
        tmp_path / "records.xlsx",
        {
            "Collaborations": [
                ["Collaboration ID", "Partner NL", "Partner DE", "Type of collaboration", "Started on", "Status", "Evidence"],
                ["S-1", "KvK 01234567", "HRB 123456", "Joint project", dt.date(2022, 5, 1), "Active", "Agreement"],
                ["S-2", "OE 1042", "WVE 20069", "Stage", None, "gepland", None],
                ["S-3", "OE 1042", "WVE 20069", "Praktikum", None, "aktiv", None],
                ["S-4", "OE 1042", "WVE 20069", "knowledge exchange", today + dt.timedelta(days=30), "completed", None],
            ],
            "Milestones": [
                ["Work package", "Milestone", "Planned on", "Done on"],
                ["WP 2", "Matchmaking tested", dt.date(2022, 3, 31), dt.date(2022, 3, 20)],
                ["Arbeitspaket 3", "KI-Werkstatt", "30.06.2023", None],
                ["WP9", "Unknown", dt.date(2022, 3, 31), None],
            ],
            "Notes": [["Free text, not a record sheet"]],
        },
    )  # fmt: skip
    result = read_file(path)
    collaborations = result.tables["collaboration"]
    assert _values(collaborations["collaboration_id"]) == ["S-1", "S-2"]
    assert _values(collaborations["type"]) == ["joint project", "internship exchange"]
    assert _values(collaborations["status"]) == ["active", "planned"]
    milestones = result.tables["milestone"]
    assert _values(milestones["work_package"]) == ["WP2", "WP3"]
    assert {(r.sheet, r.row_number, r.reason) for r in result.rejects} == {
        ("Collaborations", 4, NOT_STARTED),
        ("Collaborations", 5, FUTURE_START),
        ("Milestones", 4, BAD_WORK_PACKAGE),
    }
    assert any(n.sheet == "Notes" for n in result.notices)


def test_missing_required_column_rejects_the_sheet(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "incomplete.xlsx",
        {"Activiteiten": [["Activiteit-ID", "Datum", "Titel", "Soort"], ["A-1", dt.date(2022, 1, 1), "X", "Webinar"]]},
    )  # fmt: skip
    result = read_file(path)
    assert "activity" not in result.tables
    assert {r.reason for r in result.rejects} == {MISSING_COLUMN}
    assert {r.column_name for r in result.rejects} == {"Vorm", "Thema", "Organisator"}


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_templates_read_back_and_offer_lists(tmp_path: Path, lang: str) -> None:
    path = tmp_path / f"records_{lang}.xlsx"
    write_template(lang, path)  # type: ignore[arg-type]
    result = read_file(path)
    assert result.kind == KIND and not result.rejects and result.accepted == 0
    book = openpyxl.load_workbook(path)
    assert "Instructies - Anleitung" in book.sheetnames
    lists = book[SHEETS[lang]["lists"]]
    assert lists.sheet_state == "hidden"
    activities = book[SHEETS[lang]["activity"]]
    validated = {str(v.sqref).split(":")[0] for v in activities.data_validations.dataValidation}
    assert {"D2", "E2", "F2", "H2"} <= validated  # type, format, theme, organiser lists
    # Every value a drop-down offers is one the reader accepts.
    for column, code_list in (("A", "type"), ("B", "format"), ("C", "theme"), ("D", "organiser")):
        offered = [c.value for c in lists[column][1:] if c.value]
        assert codes(pd.Series(offered), code_list)["code"].notna().all(), code_list
    # A row filled in with the drop-down values is accepted.
    sheet = book[SHEETS[lang]["activity"]]
    sheet.append(["X-1", dt.date(2023, 1, 5), "Test", lists["A2"].value, lists["B2"].value,
                  lists["C2"].value, "Emmen", lists["D2"].value])  # fmt: skip
    book.save(path)
    filled = read_file(path)
    assert not filled.rejects and len(filled.tables["activity"]) == 1


def test_member_lists_are_not_records(tmp_path: Path) -> None:
    from etl.samples.members import generate

    for path in generate(tmp_path):
        found = detect(path)
        assert found.kind is not None and found.kind.startswith("members_")


def test_sample_records_load_with_the_planned_rejects(data_dir: Path) -> None:
    """The build of the samples rejects exactly the rows made wrong on purpose."""
    import duckdb

    from core.versions import current_version
    from etl.samples.records import ACTIVITIES_FILE, COLLABORATIONS_FILE, PARTICIPANTS_CSV
    from tests.sample_expectations import records

    expected = records(data_dir / "samples")
    version = current_version(data_dir / "warehouse")
    assert version is not None
    files = [ACTIVITIES_FILE, PARTICIPANTS_CSV, COLLABORATIONS_FILE]
    with duckdb.connect(str(version.path), read_only=True) as con:
        row = con.execute(
            "SELECT (SELECT count(*) FROM activity), (SELECT count(*) FROM collaboration),"
            " (SELECT count(*) FROM milestone), (SELECT count(*) FROM participation)"
        ).fetchone()
        rejected = [
            reason
            for (reason,) in con.execute(
                "SELECT reason FROM etl_reject WHERE file IN (?, ?, ?)", files
            ).fetchall()
        ]
        merged = con.execute(
            "SELECT count(*) FROM etl_notice WHERE file IN (?, ?, ?)"
            " AND reason LIKE 'Same company and activity%'",
            files,
        ).fetchone()
    assert row == (
        expected["activities"],
        expected["collaborations"],
        expected["milestones"],
        expected["participations"],
    )
    assert merged == (expected["merged"],)
    found = {
        msgid: sum(bool(_pattern(msgid).fullmatch(reason)) for reason in rejected)
        for msgid in expected["rejected"]
    }
    assert found == dict(expected["rejected"])
    assert len(rejected) == sum(expected["rejected"].values())


def _pattern(msgid: str) -> re.Pattern[str]:
    """A reject message as stored (placeholders filled in) matched against its msgid."""
    return re.compile(re.sub(r"\\\{\w+\\\}", ".*", re.escape(msgid)))
