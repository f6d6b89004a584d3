"""A warehouse built from the samples holds exactly what the sample generator says it wrote:
members per association, companies counted once, members of both, rejects by reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import xlsxwriter

from core.versions import Version
from etl.samples.members import OE_FILE, WVE_CSV, WVE_FILE
from tests.etl_cli import data_folder
from tests.sample_expectations import members as expected_summary

MEMBER_FILES = (OE_FILE, WVE_FILE, WVE_CSV)


@pytest.fixture(scope="module")
def warehouse(published: Version) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(published.path), read_only=True)
    yield con
    con.close()


def scalar(con: duckdb.DuckDBPyConnection, sql: str) -> object:
    row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


def test_members_and_companies_as_generated(warehouse: duckdb.DuckDBPyConnection) -> None:
    expected = expected_summary()
    per_association = dict(
        warehouse.execute("SELECT association, count(*) FROM member GROUP BY 1").fetchall()
    )
    assert per_association == expected["members"]
    assert scalar(warehouse, "SELECT count(*) FROM company") == expected["companies"]
    both = scalar(
        warehouse,
        "SELECT count(*) FROM (SELECT company_id FROM member GROUP BY 1 HAVING count(*) = 2)",
    )
    assert both == expected["both"]
    merged = dict(
        warehouse.execute(
            "SELECT association, sum(rows_merged - 1) FROM member GROUP BY 1"
        ).fetchall()
    )
    assert merged == expected["duplicates"]


def test_rejects_by_reason_as_generated(warehouse: duckdb.DuckDBPyConnection) -> None:
    rows = warehouse.execute(
        "SELECT reason_nl, reason_de, reason, file, sheet, row_number, column_name, value "
        "FROM etl_reject WHERE file IN (?, ?, ?)",
        list(MEMBER_FILES),
    ).fetchall()
    from etl.normalise import BAD_DATE, BAD_EMPLOYEES, BAD_REGISTER, BAD_SECTOR
    from etl.places import OUTSIDE

    templates = {
        "Postcode ": OUTSIDE,
        "Date ": BAD_DATE,
        "Sector ": BAD_SECTOR,
        "Employees ": BAD_EMPLOYEES,
        "Register number ": BAD_REGISTER,
    }
    found: Counter[str] = Counter()
    for _nl, _de, english, _file, _sheet, row_number, column, _value in rows:
        template = next(
            (t for prefix, t in templates.items() if english.startswith(prefix)), english
        )
        found[template] += 1
        assert row_number and column, "every member reject points to a row and a column"
    assert found == Counter(expected_summary()["rejected_rows"])
    assert all(nl and de and nl != en for nl, de, en, *_ in rows)


def test_files_are_read_as_member_lists(warehouse: duckdb.DuckDBPyConnection) -> None:
    kinds = dict(
        warehouse.execute(
            "SELECT file, kind FROM etl_file WHERE file IN (?, ?, ?)", list(MEMBER_FILES)
        ).fetchall()
    )
    assert kinds == {OE_FILE: "members_oe", WVE_FILE: "members_wve", WVE_CSV: "members_wve"}
    skipped = scalar(
        warehouse,
        f"SELECT sum(skipped) FROM etl_file WHERE file IN ('{OE_FILE}', '{WVE_FILE}', '{WVE_CSV}')",
    )
    assert skipped == expected_summary()["skipped"]


def test_both_associations_share_one_company(warehouse: duckdb.DuckDBPyConnection) -> None:
    rows = warehouse.execute(
        """
        SELECT c.country, c.register_id, list(m.association ORDER BY m.association),
               list(m.country ORDER BY m.association)
        FROM company c JOIN member m USING (company_id)
        GROUP BY ALL HAVING count(*) = 2
        """
    ).fetchall()
    assert rows and all(assocs == ["OE", "WVE"] for _c, _r, assocs, _ in rows)
    # A German firm whose Dutch branch is the OE member: one company, in Germany.
    branch = [r for r in rows if r[3] == ["NL", "DE"]]
    assert branch
    for country, register, _associations, _countries in branch:
        assert country == "DE" and not register.startswith("KvK")


def test_every_member_is_placed_and_sampled(warehouse: duckdb.DuckDBPyConnection) -> None:
    assert scalar(warehouse, "SELECT count(*) FROM member WHERE region_id IS NULL") == 0
    assert scalar(warehouse, "SELECT bool_and(is_sample) FROM member") is True
    flags = dict(
        warehouse.execute("SELECT region_flag, count(*) FROM member GROUP BY 1").fetchall()
    )
    assert flags.get("plz_city") and flags.get("plz_samtgemeinde")
    titles = [
        t
        for (t,) in warehouse.execute(
            "SELECT title FROM source WHERE source_id LIKE 'members_%'"
        ).fetchall()
    ]
    assert titles and all("Voorbeelddata / Beispieldaten" in t for t in titles)
    assert all(".xlsx" not in t and ".csv" not in t for t in titles)


def test_contacts_apart_and_sectors_labelled(warehouse: duckdb.DuckDBPyConnection) -> None:
    columns = {
        c
        for (c,) in warehouse.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'member'"
        ).fetchall()
    }
    assert not columns & {"person", "email", "phone"}
    assert scalar(warehouse, "SELECT count(*) FROM member_contact") > 600
    assert scalar(warehouse, "SELECT count(*) FROM nace_section") == 21
    assert scalar(warehouse, "SELECT count(*) FROM nace_division") == 88
    unlabelled = scalar(
        warehouse,
        "SELECT count(*) FROM member m LEFT JOIN nace_section s ON s.section = m.nace_section "
        "WHERE m.nace_section IS NOT NULL AND s.section IS NULL",
    )
    assert unlabelled == 0
    classes = {c for (c,) in warehouse.execute("SELECT DISTINCT size_class FROM member").fetchall()}
    assert classes <= {"micro", "small", "medium", "large", None}


def test_merges_across_files_are_noted(warehouse: duckdb.DuckDBPyConnection) -> None:
    notes = [r for (r,) in warehouse.execute("SELECT reason FROM etl_notice").fetchall()]
    assert any("of wve_mitglieder" in n for n in notes)
    assert any(n.startswith("Same company as row") for n in notes)
    assert any("hidden" in n for n in notes)


def write_list(path: Path, header: list[str], rows: list[list[object]]) -> None:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, header)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, row)
    book.close()


def test_build_keeps_going_past_a_broken_file(tmp_path: Path) -> None:
    """A member of both associations, a duplicate across two WVE files, a broken file."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_list(
        inbox / "oe.xlsx",
        ["Bedrijfsnaam", "KvK-nummer", "Postcode", "Plaats", "Lid sinds"],
        [
            ["Emstec Nederland B.V.", "HRB 204711", "7811 AB", "Emmen", "1-1-2024"],
            ["Hofstra Metaal B.V.", "04123456", "7811 AB", "Emmen", "1-1-2010"],
        ],
    )
    write_list(
        inbox / "wve_a.xlsx",
        ["Firma", "Handelsregister", "PLZ", "Ort", "Mitglied seit"],
        [["Emstec GmbH", "HRB 204711", 49716, "Meppen", "01.01.2001"]],
    )
    write_list(
        inbox / "wve_b.xlsx",
        ["Firma", "Handelsregister", "PLZ", "Ort", "Mitglied seit"],
        [["Emstec GmbH & Co. KG", "", 49716, "Meppen", "01.01.1999"]],
    )
    (inbox / "broken.xlsx").write_bytes(b"PK\x03\x04 broken")
    with data_folder(tmp_path):
        from etl.build import PublishGateError, build, published

        # An input that cannot be read at all stops the publication (the publish gate) ...
        with pytest.raises(PublishGateError) as refused:
            build([inbox])
        assert refused.value.report.gate.unreadable == ["broken.xlsx"]
        assert published() is None
        gated = refused.value.report
        # ... and the other files load once it is taken out.
        (inbox / "broken.xlsx").rename(tmp_path / "broken.xlsx")
        report = build([inbox])
    assert report.version is not None
    broken = next(r for r in gated.results if r.file == "broken.xlsx")
    assert broken.kind == "refused" and broken.rejects[0].row_number is None
    con = duckdb.connect(str(report.version.path), read_only=True)
    members = con.execute(
        "SELECT association, name, member_since, rows_merged FROM member ORDER BY 1, 2"
    ).fetchall()
    assert [(a, n) for a, n, *_ in members] == [
        ("OE", "Emstec Nederland B.V."),
        ("OE", "Hofstra Metaal B.V."),
        ("WVE", "Emstec GmbH"),
    ]
    wve = members[2]
    assert str(wve[2]) == "1999-01-01" and wve[3] == 2  # merged across files: earliest date
    companies = con.execute("SELECT name, country, register_id FROM company ORDER BY 1").fetchall()
    assert companies == [
        ("Emstec GmbH", "DE", "HRB 204711"),
        ("Hofstra Metaal B.V.", "NL", "KvK 04123456"),
    ]
    con.close()
