"""Member-list readers on hand-made files: every alias, any column order, title rows, hidden
columns, totals rows, .xls, CSV in Windows-1252 with ``;`` and UTF-8 with ``,``, rejects with
row and column, duplicates, and the ``etl check`` exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from etl.intake import read_file
from etl.memberlist.columns import FIELDS, load_config
from etl.memberlist.rows import NO_NAME, is_totals_label
from etl.memberlist.templates import template_bytes, write_template
from etl.model import ReadResult
from etl.normalise import BAD_DATE, BAD_SECTOR
from etl.places import OUTSIDE
from etl.samples.members import WVE_CSV_HEADERS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A valid value for each field, per association.
VALUES: dict[str, dict[str, Any]] = {
    "OE": {
        "member_number": "1001",
        "name": "Veenstra Kunststoffen B.V.",
        "register": "04123456",
        "street": "Industrieweg 4",
        "postcode": "7825 VE",
        "city": "Emmen",
        "sector": "22.21",
        "employees": 35,
        "since": "1-4-2015",
        "until": "",
        "person": "Anouk Veenstra",
        "email": "anouk@veenstra.nl",
        "phone": "0591-123456",
        "training_company": "ja",
        "internship_places": 3,
    },
    "WVE": {
        "member_number": "20001",
        "name": "Emstec GmbH",
        "register": "HRB 204711 Amtsgericht Osnabrück",
        "street": "Am Hafen 2",
        "postcode": 49716,
        "city": "Meppen",
        "sector": "28.30.0",
        "employees": "10-49",
        "since": "01.06.2021",
        "until": "",
        "person": "Stefan Brinker",
        "email": "s.brinker@emstec.de",
        "phone": "05931 12345",
        "training_company": "Ja",
        "internship_places": "2",
    },
}


def write_xlsx(
    path: Path,
    header: list[str],
    rows: list[list[Any]],
    *,
    titles: list[str] = (),  # type: ignore[assignment]
    hidden: tuple[int, ...] = (),
    sheet: str = "Sheet1",
    extra_sheets: dict[str, list[list[Any]]] | None = None,
) -> Path:
    book = xlsxwriter.Workbook(str(path))
    worksheet = book.add_worksheet(sheet)
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    for index, title in enumerate(titles):
        worksheet.write_string(index, 0, title)
    start = len(titles)
    worksheet.write_row(start, 0, header)
    for column in hidden:
        worksheet.set_column(column, column, 12, None, {"hidden": True})
    for offset, row in enumerate(rows, start=start + 1):
        for column, value in enumerate(row):
            if isinstance(value, dt.date):
                worksheet.write_datetime(
                    offset, column, dt.datetime.combine(value, dt.time()), date_format
                )
            elif value not in (None, ""):
                worksheet.write(offset, column, value)
    for name, extra in (extra_sheets or {}).items():
        other = book.add_worksheet(name)
        for r, row in enumerate(extra):
            other.write_row(r, 0, row)
    book.close()
    return path


def write_csv(path: Path, rows: list[list[Any]], *, delimiter: str, encoding: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def members(result: ReadResult) -> list[dict[str, Any]]:
    return result.tables["member"].to_dict("records")


def alias_cases() -> list[tuple[str, str, str]]:
    return [
        (association, name, alias)
        for association, columns in load_config().items()
        for name in FIELDS
        for alias in columns.aliases[name]
    ]


@pytest.mark.parametrize(
    ("association", "field", "alias"), alias_cases(), ids=lambda v: str(v).replace(" ", "_")
)
def test_every_alias_is_read(tmp_path: Path, association: str, field: str, alias: str) -> None:
    columns = load_config()[association]
    header = [alias if name == field else columns.header(name) for name in FIELDS]
    if field != "name" and alias in [columns.header(n) for n in FIELDS if n != field]:
        pytest.skip("alias equals another field's template header")
    values = VALUES[association]
    path = write_xlsx(tmp_path / "list.xlsx", header, [[values[n] for n in FIELDS]])
    result = read_file(path)
    assert result.kind == f"members_{association.lower()}", [r.message() for r in result.rejects]
    assert not result.rejects, [r.message() for r in result.rejects]
    row = members(result)[0]
    assert row["association"] == association
    assert row["name"] == values["name"]
    checks = {
        "member_number": ("member_number", str(values["member_number"])),
        "register": ("register_id", "KvK 04123456" if association == "OE" else "HRB 204711"),
        "street": ("street", values["street"]),
        "postcode": ("postcode", "7825 VE" if association == "OE" else "49716"),
        "city": ("city", values["city"]),
        "sector": ("nace_division", "22" if association == "OE" else "28"),
        "employees": ("size_class", "small"),
        "since": ("member_since", "2015-04-01" if association == "OE" else "2021-06-01"),
        "person": ("person", values["person"]),
        "email": ("email", values["email"]),
        "phone": ("phone", values["phone"]),
        "training_company": ("training_company", True),
        "internship_places": ("internship_places", 3 if association == "OE" else 2),
    }
    if field in checks:
        column, expected = checks[field]
        got = row[column]
        got = got.date().isoformat() if hasattr(got, "date") and callable(got.date) else got
        assert got == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_column_order_and_spelling_of_headers(tmp_path: Path, seed: int) -> None:
    columns = load_config()["WVE"]
    order = list(FIELDS)
    random.Random(seed).shuffle(order)
    # Case, spaces, punctuation and accents do not matter.
    spelled = {
        "postcode": "p.l.z.",
        "since": "MITGLIED  SEIT",
        "street": "Strasse",
        "name": " firma ",
    }
    header = [spelled.get(name, columns.header(name)) for name in order]
    path = write_xlsx(tmp_path / "wve.xlsx", header, [[VALUES["WVE"][n] for n in order]])
    result = read_file(path)
    assert result.kind == "members_wve" and not result.rejects
    row = members(result)[0]
    assert (row["name"], row["postcode"], row["region_id"]) == ("Emstec GmbH", "49716", "03454035")


def test_title_rows_hidden_column_totals_and_blank_rows(tmp_path: Path) -> None:
    header = [
        "Lidnummer",
        "Naam",
        "Vestigingsplaats",
        "Postcode",
        "Plaats",
        "SBI",
        "Lid sinds",
        "Bedrag",
    ]
    rows = [
        [
            "1",
            "Hofstra Metaal B.V.",
            "OUD-EMMEN",
            "7811 AB",
            "Emmen",
            "25.62",
            dt.date(2019, 3, 1),
            150,
        ],
        [],
        ["2", "Dijkstra ICT", "OUD", "7741", "Coevorden", "62.01", "1-3-2020", 150],
        ["Totaal", "2 leden", "", "", "", "", "", 300],
    ]
    path = write_xlsx(
        tmp_path / "oe.xlsx",
        header,
        rows,
        titles=["Ledenlijst", "", "Stand 2025"],
        hidden=(2,),
    )
    result = read_file(path)
    assert result.kind == "members_oe"
    assert result.accepted == 2 and not result.rejects and result.skipped == 2
    assert [m["city"] for m in members(result)] == ["Emmen", "Coevorden"]
    assert [m["row_number"] for m in members(result)] == [5, 7]
    hidden = [n for n in result.notices if n.column_name == "Vestigingsplaats"]
    assert hidden and "hidden" in hidden[0].message()
    assert not result.sources[0].is_sample


def test_header_below_twenty_title_rows_is_not_found(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "deep.xlsx",
        ["Naam", "Postcode", "Plaats"],
        [["Hofstra", "7811 AB", "Emmen"]],
        titles=[f"regel {i}" for i in range(21)],
    )
    result = read_file(path)
    assert result.kind == "unrecognised" and result.rejects


def test_totals_labels() -> None:
    assert is_totals_label("Totaal")
    assert is_totals_label("Totaal: 312 leden")
    assert is_totals_label("Summe Mitglieder")
    assert is_totals_label("Anzahl Mitglieder: 70")
    assert not is_totals_label("TotalEnergies Nederland")
    assert not is_totals_label("Total Energie B.V.")


def test_every_member_sheet_is_read_and_other_sheets_noted(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "two.xlsx"))
    first = book.add_worksheet("Leden")
    first.write_row(0, 0, ["Naam", "Postcode", "Plaats"])
    first.write_row(1, 0, ["Hofstra Metaal", "7811 AB", "Emmen"])
    second = book.add_worksheet("Nieuwe leden")
    second.write_row(0, 0, ["Titel"])
    second.write_row(2, 0, ["Plaats", "Bedrijfsnaam", "Postcode"])
    second.write_row(3, 0, ["Coevorden", "Dijkstra ICT", "7741"])
    notes = book.add_worksheet("Toelichting")
    notes.write_string(0, 0, "Uitleg")
    hidden = book.add_worksheet("Oud")
    hidden.write_row(0, 0, ["Naam", "Postcode", "Plaats"])
    hidden.write_row(1, 0, ["Oud Bedrijf", "7811 AB", "Emmen"])
    hidden.hide()
    book.close()
    result = read_file(tmp_path / "two.xlsx")
    assert sorted(m["name"] for m in members(result)) == ["Dijkstra ICT", "Hofstra Metaal"]
    assert {m["sheet"] for m in members(result)} == {"Leden", "Nieuwe leden"}
    messages = " | ".join(n.message() for n in result.notices)
    assert "Toelichting" in messages and "Oud" in messages


def test_xls_fixture(tmp_path: Path) -> None:
    result = read_file(FIXTURES / "members_oe.xls")
    assert result.kind == "members_oe"
    assert result.accepted == 3 and not result.rejects and result.skipped == 1
    rows = {m["name"]: m for m in members(result)}
    veenstra = rows["Veenstra Kunststoffen B.V."]
    assert veenstra["register_id"] == "KvK 04123456"
    assert veenstra["city"] == "Emmen"  # not the hidden, stale "Vestigingsplaats"
    assert str(veenstra["member_since"])[:10] == "2015-04-01"  # a date cell
    assert rows["Drenth Logistiek"]["region_id"] == "GM0109"
    assert rows["Emstec GmbH"]["register_id"] == "HRB 204711"
    assert rows["Emstec GmbH"]["country"] == "DE"  # a German member of OE
    assert any(n.column_name == "Vestigingsplaats" for n in result.notices)


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "cp1252"), (",", "utf-8"), (";", "utf-8-sig")]
)
def test_csv_variants(tmp_path: Path, delimiter: str, encoding: str) -> None:
    rows = [
        ["Voorbeelddata / Beispieldaten – Export"],
        [],
        # the sample CRM export's headers, without the employee count
        [name for name in WVE_CSV_HEADERS[:9] if name != "Anzahl Mitarbeiter"],
        [
            "1",
            "Möller Straßenbau GmbH",
            "HRB 110011",
            "Lingener Straße 3",
            "49808",
            "Lingen (Ems)",
            "Tiefbau",
            "2018-05-01",
        ],
        [
            "2",
            "Gerdes, Hüsing & Partner",
            "",
            "Am Markt 1",
            "49832",
            "Freren",
            "69.20",
            "01.02.2010",
        ],
        ["Anzahl Mitglieder: 2"],
    ]
    path = write_csv(tmp_path / "export.csv", rows, delimiter=delimiter, encoding=encoding)
    result = read_file(path)
    assert result.kind == "members_wve", [r.message() for r in result.rejects]
    assert not result.rejects and result.accepted == 2 and result.skipped == 1
    names = [m["name"] for m in members(result)]
    assert names == ["Möller Straßenbau GmbH", "Gerdes, Hüsing & Partner"]
    freren = members(result)[1]
    assert (freren["region_id"], freren["region_flag"]) == ("03454012", "plz_city")
    assert result.sources[0].is_sample  # the marker above the header


def test_rejects_name_row_column_and_value(tmp_path: Path) -> None:
    header = ["Bedrijfsnaam", "Postcode", "Plaats", "SBI-code", "Lid sinds"]
    rows = [
        ["Goed B.V.", "7811 AB", "Emmen", "62.01", "1-3-2019"],
        ["", "7811 AB", "Emmen", "62.01", "1-3-2019"],
        ["Ver weg B.V.", "9712 CP", "Groningen", "62.01", "1-3-2019"],
        ["Typo B.V.", "7811 AB", "Emmen", "6Z.01", "1-3-2019"],
        ["Datum B.V.", "7811 AB", "Emmen", "62.01", "31-02-2019"],
    ]
    result = read_file(write_xlsx(tmp_path / "oe.xlsx", header, rows, titles=["Leden"]))
    assert result.accepted == 1
    found = {(r.row_number, r.column_name, r.value, r.reason) for r in result.rejects}
    assert found == {
        (4, "Bedrijfsnaam", None, NO_NAME),
        (5, "Postcode", "9712 CP", OUTSIDE),
        (6, "SBI-code", "6Z.01", BAD_SECTOR),
        (7, "Lid sinds", "31-02-2019", BAD_DATE),
    }
    assert all(r.sheet == "Sheet1" and r.file == "oe.xlsx" for r in result.rejects)
    messages = [r.message() for r in result.rejects]
    assert "Postcode 9712 CP lies outside Zuidoost-Drenthe and Emsland" in messages


def test_duplicates_inside_a_file_are_noted_and_all_rows_staged(tmp_path: Path) -> None:
    header = ["Bedrijfsnaam", "KvK-nummer", "Postcode", "Plaats"]
    rows = [
        ["Hofstra Metaal B.V.", "12345678", "7811 AB", "Emmen"],
        ["Dijkstra ICT", "", "7741 AA", "Coevorden"],
        ["HOFSTRA METAAL BV", "", "7811ab", "Emmen"],  # same name and PC4, no KvK: same company
        ["Hofstra Metaalbewerking", "12345678", "7812 CD", "Emmen"],  # same KvK
        ["Dijkstra ICT B.V.", "", "7741", "Coevorden"],
    ]
    result = read_file(write_xlsx(tmp_path / "oe.xlsx", header, rows))
    assert result.accepted == 5  # merged by the build, so rows stay traceable
    noted = {(n.row_number, n.params["first"]) for n in result.notices}
    assert noted == {(4, 2), (5, 2), (6, 3)}


def test_association_follows_the_headers(tmp_path: Path) -> None:
    dutch = write_xlsx(
        tmp_path / "a.xlsx", ["Naam", "Postcode", "Woonplaats"], [["X", "7811 AB", "Emmen"]]
    )
    german = write_xlsx(tmp_path / "b.xlsx", ["Name", "PLZ", "Ort"], [["Y", "49716", "Meppen"]])
    assert read_file(dutch).kind == "members_oe"
    assert read_file(german).kind == "members_wve"


def test_unreadable_and_unsupported_files_are_file_level_rejects(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    result = read_file(broken)
    assert result.rejects and result.rejects[0].row_number is None and not result.accepted
    odd = tmp_path / "list.pdf"
    odd.write_bytes(b"%PDF-1.4")
    assert read_file(odd).kind == "unsupported"


def test_templates_are_member_lists_with_instructions(tmp_path: Path) -> None:
    for association in ("OE", "WVE"):
        path = tmp_path / f"{association}.xlsx"
        write_template(association, path)
        result = read_file(path)
        assert result.kind == f"members_{association.lower()}"
        assert result.accepted == 0 and not result.rejects
        assert not result.sources[0].is_sample  # a blank template is no sample
        assert template_bytes(association)[:2] == b"PK"
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(tmp_path / "OE.xlsx"))
    assert book.sheet_names[0] == "Leden"
    instructions = book.get_sheet_by_name("Instructies - Anleitung").to_python()
    text = " ".join(str(c) for row in instructions for c in row)
    assert "Nederlands" in text and "Deutsch" in text and "Pflichtfeld" in text


def run_check(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", "check", *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_etl_check_exit_codes(tmp_path: Path) -> None:
    clean = write_xlsx(
        tmp_path / "clean.xlsx", ["Naam", "Postcode", "Plaats"], [["X", "7811 AB", "Emmen"]]
    )
    faulty = write_xlsx(
        tmp_path / "faulty.xlsx", ["Naam", "Postcode", "Plaats"], [["Y", "1012 AB", "Amsterdam"]]
    )
    done = run_check(clean)
    assert done.returncode == 0 and "members_oe" in done.stdout
    done = run_check(clean, faulty)
    assert done.returncode == 1
    assert "row 2" in done.stdout and "column Postcode" in done.stdout and "1012 AB" in done.stdout
    assert run_check(tmp_path / "missing.xlsx").returncode == 2


@pytest.mark.parametrize("scale", [1, 2])
def test_sample_files_hold_what_the_plan_says(tmp_path: Path, scale: int) -> None:
    from etl.samples.members import generate
    from tests.sample_expectations import members as expected_summary

    paths = generate(tmp_path, scale)
    expected = expected_summary(scale)
    results = [read_file(path) for path in paths]
    by_association: dict[str, int] = {"OE": 0, "WVE": 0}
    rejected_rows = 0
    for result in results:
        association = result.kind.removeprefix("members_").upper()
        rows = {(r.sheet, r.row_number) for r in result.rejects}
        by_association[association] += result.accepted + len(rows)
        rejected_rows += len(rows)
        assert result.sources[0].is_sample
    assert by_association == expected["rows"]
    assert rejected_rows == sum(expected["rejected_rows"].values())
    assert sum(r.skipped for r in results) == expected["skipped"]
    again = tmp_path / "again"
    again.mkdir()
    rewritten = generate(again, scale)
    assert [p.read_bytes() for p in rewritten] == [p.read_bytes() for p in paths]  # deterministic


def test_training_flags_and_places_are_read_with_their_aliases(tmp_path: Path) -> None:
    """ "Erkend leerbedrijf" / "Ausbildungsbetrieb" and the places, in both lists' spellings;
    an unreadable value is rejected with its place, an empty one stays unknown."""
    path = tmp_path / "leden.csv"
    path.write_text(
        "Bedrijfsnaam;Postcode;Plaats;KvK-nummer;Erkend leerbedrijf;Stageplaatsen\n"
        "Bouw B.V.;7811 AB;Emmen;KvK 04123456;ja;4\n"
        "Zorg B.V.;7741 AA;Coevorden;KvK 04123457;nee;0\n"
        "Metaal B.V.;7881 AA;Emmer-Compascuum;KvK 04123458;;\n"
        "Fout B.V.;7811 AB;Emmen;KvK 04123459;misschien;twee\n",
        encoding="utf-8",
    )
    result = read_file(path)
    frame = result.tables["member"].set_index("name")
    assert frame.loc["Bouw B.V.", "training_company"] is True
    assert frame.loc["Bouw B.V.", "internship_places"] == 4
    assert frame.loc["Zorg B.V.", "training_company"] is False
    assert frame.loc["Metaal B.V.", "training_company"] is None
    bad = sorted((r.row_number, r.column_name, r.value) for r in result.rejects)
    assert bad == [(5, "Erkend leerbedrijf", "misschien"), (5, "Stageplaatsen", "twee")]
