"""The ledger on the sample warehouse, its forecast, and the Excel and PDF reports."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from dia.auth import Role
from dia.data.project import Calendar
from dia.policy import viewer_for
from dia.privacy import MASK

# Independent SQL over the warehouse's record tables (not the build's evidence): per indicator
# the rows that count, with their date, side and amount. Periods and the window come from the
# project calendar.
INDEPENDENT: dict[str, str] = {
    "CO01": """
        SELECT min(a.date) AS day, any_value(c.country) AS side, 1 AS amount
        FROM participation p, activity a, company c, project_calendar k
        WHERE a.activity_id = p.activity_id AND c.company_id = p.company_id
          AND a.date BETWEEN k.project_start AND k.data_as_of
        GROUP BY p.company_id
    """,
    "RCO115": """
        SELECT a.date AS day,
               CASE WHEN a.format = 'digital' THEN 'NL-DE'
                    ELSE coalesce((SELECT r.country FROM region r WHERE r.region_id = a.region_id),
                                  'NL-DE') END AS side,
               1 AS amount
        FROM activity a
        WHERE (SELECT count(DISTINCT c.country) FROM participation p JOIN company c USING (company_id)
               WHERE p.activity_id = a.activity_id) = 2
    """,
    "RCO081": """
        SELECT a.date AS day, c.country AS side, p.persons AS amount
        FROM participation p JOIN activity a USING (activity_id) JOIN company c USING (company_id)
        WHERE (SELECT count(DISTINCT c2.country) FROM participation p2
               JOIN company c2 USING (company_id) WHERE p2.activity_id = a.activity_id) = 2
    """,
    "RCO087": """
        SELECT min(started_on) AS day, any_value(c.country) AS side, 1 AS amount
        FROM (SELECT company_id_nl AS company_id, started_on, status FROM collaboration
              UNION ALL SELECT company_id_de, started_on, status FROM collaboration) k
        JOIN company c USING (company_id)
        WHERE k.status IN ('active', 'completed')
        GROUP BY c.company_id
    """,
    "COLLAB": """
        SELECT started_on AS day, 'NL-DE' AS side, 1 AS amount
        FROM collaboration WHERE status IN ('active', 'completed', 'stopped')
    """,
    "RCO085": """
        SELECT a.date AS day, c.country AS side, p.persons AS amount
        FROM participation p JOIN activity a USING (activity_id) JOIN company c USING (company_id)
        WHERE a.type = 'training'
        UNION ALL
        SELECT started_on, 'NL-DE', 1 FROM collaboration
        WHERE type = 'internship exchange' AND status IN ('active', 'completed')
    """,
}


def _warehouse(data_dir: Path) -> duckdb.DuckDBPyConnection:
    from core.versions import current_version

    version = current_version(data_dir / "warehouse")
    assert version is not None
    return duckdb.connect(str(version.path), read_only=True)


def _independent_ledger(con: duckdb.DuckDBPyConnection, code: str, period: str) -> dict[str, float]:
    rows = con.execute(
        f"""
        WITH counted AS ({INDEPENDENT[code]}),
        chosen AS (SELECT position FROM reporting_period WHERE period = $period)
        SELECT p.position, c.side, sum(c.amount)
        FROM counted c
        JOIN reporting_period p ON c.day BETWEEN p.starts_on AND p.ends_on
        JOIN project_calendar k ON c.day <= k.data_as_of
        WHERE p.position <= (SELECT position FROM chosen)
        GROUP BY ALL
        """,
        {"period": period},
    ).fetchall()
    chosen = con.execute(
        "SELECT position FROM reporting_period WHERE period = ?", [period]
    ).fetchone()[0]  # type: ignore[index]
    return {
        "previous": sum(v for pos, _s, v in rows if pos < chosen),
        "this_period": sum(v for pos, _s, v in rows if pos == chosen),
        "cumulative": sum(v for _p, _s, v in rows),
        "side_nl": sum(v for _p, s, v in rows if s == "NL"),
        "side_de": sum(v for _p, s, v in rows if s == "DE"),
        "side_joint": sum(v for _p, s, v in rows if s == "NL-DE"),
    }


def test_sample_ledger_equals_independent_sql(data_dir: Path) -> None:
    from dia.data import indicators, project

    cal = project.calendar()
    with _warehouse(data_dir) as con:
        for period in cal.reported:
            ledger = indicators.ledger(period, "en", cal).set_index("code")
            assert list(ledger.index) == list(INDEPENDENT)
            for code in INDEPENDENT:
                expected = _independent_ledger(con, code, period)
                row = ledger.loc[code]
                for key, value in expected.items():
                    found = row[key]
                    found = 0 if pd.isna(found) else found
                    assert found == value, (period, code, key)
    # The sample tells a story: the project is under way, and every indicator has moved.
    final = indicators.ledger(cal.current, "en", cal)
    assert (final["cumulative"] > 0).all()
    assert cal.current == "2023-H2" and cal.data_as_of == dt.date(2023, 11, 23)


def test_forecast_is_linear_on_the_cumulative() -> None:
    from dia.data.indicators import forecast

    periods = pd.DataFrame(
        {
            "period": ["2022-H1", "2022-H2"],
            "position": [1, 2],
            "starts_on": [dt.date(2022, 1, 1), dt.date(2022, 7, 1)],
            "ends_on": [dt.date(2022, 6, 30), dt.date(2022, 12, 31)],
            "has_begun": [True, True],
        }
    )
    cal = Calendar(dt.date(2022, 1, 1), dt.date(2022, 12, 31), dt.date(2022, 12, 31), 14, periods)
    # Half-way (181 of 365 days) 181 units: one a day, so 365 at the end.
    assert forecast(181, cal, "2022-H1") == pytest.approx(365)
    assert forecast(300, cal, "2022-H2") == 300  # at the end date the forecast is the result
    early = Calendar(cal.project_start, cal.project_end, dt.date(2022, 3, 31), 14, periods)
    # Records end on 31 March (90 days): the forecast uses that date, not the period's end.
    assert forecast(90, early, "2022-H1") == pytest.approx(365)


@pytest.fixture(scope="module")
def report_files(data_dir: Path) -> dict[str, bytes]:
    from dia.data import project
    from dia.export import ledger as ledger_report

    cal = project.calendar()
    report = ledger_report.prepare(cal.current, "de", cal, is_sample=project.is_sample())
    return {
        "pdf": ledger_report.pdf_bytes(report),
        "xlsx_funder": ledger_report.excel_bytes(report, viewer_for(Role.FUNDER)),
        "xlsx_director": ledger_report.excel_bytes(report, viewer_for(Role.DIRECTOR, ["OE"])),
    }


def test_excel_opens_and_holds_the_ledger(report_files: dict[str, bytes]) -> None:
    book = openpyxl.load_workbook(io.BytesIO(report_files["xlsx_funder"]))
    assert book.sheetnames[0] == "Indikatorenübersicht"
    sheet = book["Indikatorenübersicht"]
    assert "BEISPIELDATEN" in str(sheet["A1"].value)  # the sample banner
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(row for row in cells if row[0] == "Code")
    assert header[:6] == [
        "Code",
        "Indikator",
        "Einheit",
        "Förderperiode",
        "Ausgangswert",
        "Zielwert",
    ]
    codes = [
        row[0]
        for row in cells
        if row[0] in ("CO01", "RCO115", "RCO081", "RCO087", "COLLAB", "RCO085")
    ]
    assert codes == ["CO01", "RCO115", "RCO081", "RCO087", "COLLAB", "RCO085"]
    co01 = next(row for row in cells if row[0] == "CO01")
    cumulative = header.index("Kumuliert")
    assert co01[5] == 250 and isinstance(co01[cumulative], int | float) and co01[cumulative] > 100
    # The framework each figure belongs to: CO01 of 2014–2020, RCO codes of 2021–2027.
    periods = {row[0]: row[3] for row in cells if row[0] in codes}
    assert periods["CO01"] == "2014–2020" and periods["RCO115"] == "2021–2027"
    assert periods["COLLAB"] == "projektspezifisch"
    assert (
        "Sources and definitions" not in book.sheetnames
        and "Quellen und Definitionen" in book.sheetnames
    )
    assert "Nachweis – Unternehmen" not in book.sheetnames  # no companies for funders
    assert "sample data" in (book.properties.keywords or "")
    assert {p.name: p.value for p in book.custom_doc_props.props}["Sample data"] == "yes"


def test_exports_mask_small_counts_and_name_no_company_for_funders(
    company_names: dict[str, list[str]], report_files: dict[str, bytes]
) -> None:
    names = [n for group in company_names.values() for n in group]
    book = openpyxl.load_workbook(io.BytesIO(report_files["xlsx_funder"]))
    text = "\n".join(
        str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value
    )
    assert not [name for name in names if name in text]
    numbers = [
        cell.value
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, int | float)
        and not isinstance(cell.value, bool)
        and cell.number_format != "0%"  # a share of the target, not a count
    ]
    counts = [v for v in numbers if 0 < v < 5 and float(v).is_integer()]
    assert not counts, "every count below 5 is written as <5"
    assert MASK in text
    pdf = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(report_files["pdf"])).pages
    )
    assert not [name for name in names if name in pdf]


def test_director_export_names_only_own_members(
    company_names: dict[str, list[str]], report_files: dict[str, bytes]
) -> None:
    groups = company_names
    book = openpyxl.load_workbook(io.BytesIO(report_files["xlsx_director"]))
    sheet = book["Nachweis – Unternehmen"]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert any(name in text for name in groups["OE"])
    assert not [name for name in groups["WVE"] if name in text]


def test_pdf_holds_ledger_definitions_and_acknowledgement(report_files: dict[str, bytes]) -> None:
    reader = PdfReader(io.BytesIO(report_files["pdf"]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for code in ("CO01", "RCO115", "RCO081", "RCO087", "COLLAB", "RCO085"):
        assert code in text
    assert "Zuvor berichtet" in flat and "Prognose Projektende" in flat
    assert "VOORBEELDDATA / BEISPIELDATEN" in flat
    assert "mitfinanziert" in flat and "mede gefinancierd door de Europese Unie" in flat
    assert "Unterstützung" in flat  # umlauts survive the embedded font
    assert len(reader.pages) >= 4
    assert "BEISPIELDATEN" in str(reader.metadata.title)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("DejaVu" in font for font in fonts)
