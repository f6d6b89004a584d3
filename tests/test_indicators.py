"""The funders' indicators on a small hand-made warehouse with known answers.

The fixture is built in code with the real schema and the real build steps (records resolved to
companies, then the indicators computed); every indicator is checked against numbers worked out
by hand and against independent SQL written without the build's evidence table. It has a
company in both associations (named under three different numbers), an event with Dutch
companies only, an event with German companies only, a stopped and a planned collaboration,
and rows the build must reject.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from core.glossary import load_glossary, normal_code
from etl.build import SQL_DIR, BuildReport, run_sql_folder
from etl.harmonise import indicators as indicator_step
from etl.harmonise import records as record_step
from etl.harmonise.records import PROBLEMS
from etl.model import ReadResult
from etl.records.plan import (
    INDICATORS_FILE,
    ProjectPlan,
    Reporting,
    load_indicators,
    periods_between,
)
from etl.reference import load_reference

FILE = "fixture.xlsx"
START, END = dt.date(2022, 1, 1), dt.date(2022, 12, 31)
TODAY = dt.date(2023, 6, 1)

# company_id, country, register, name, region, memberships [(association, member number)]
COMPANIES = [
    ("NL1", "NL", "KvK 00000001", "Eerste B.V.", "GM0114", [("OE", "101")]),
    ("NL2", "NL", "KvK 00000002", "Tweede B.V.", "GM0109", [("OE", "102")]),
    ("NL3", "NL", "KvK 00000003", "Derde B.V.", "GM1681", [("OE", "103")]),
    ("DE1", "DE", "HRB 100001", "Erste GmbH", "03454032", [("WVE", "201")]),
    ("DE2", "DE", "HRB 100002", "Zweite GmbH", "03454035", [("WVE", "202")]),
    ("BOTH", "DE", "HRB 100003", "Beide GmbH", "03454041", [("WVE", "203"), ("OE", "104")]),
]
# activity_id, date, type, format, venue region, organiser
ACTIVITIES = [
    ("A1", dt.date(2022, 2, 10), "workshop", "hybrid", "GM0114", "both"),  # NL venue, both sides
    ("A2", dt.date(2022, 3, 15), "webinar", "digital", None, "OE"),  # Dutch companies only
    ("A3", dt.date(2022, 9, 1), "training", "physical", "03454032", "WVE"),  # DE venue, both
    ("A4", dt.date(2022, 10, 5), "matchmaking", "digital", None, "both"),  # German only
]
# activity_id, reference as written, persons
PARTICIPATIONS = [
    ("A1", "KvK 00000001", 2),
    ("A1", "HRB 100001", 1),
    ("A1", "OE 104", 1),  # BOTH as OE member …
    ("A1", "HRB 100003", 1),  # … and again by its register number: merged
    ("A2", "00000001", 1),
    ("A2", "102", 3),  # NL2 by its bare member number
    ("A3", "WVE 202", 2),
    ("A3", "KvK 00000003", 1),
    ("A3", "HRB 100003 Amtsgericht Osnabrück", 2),  # BOTH as WVE member with the court
    ("A4", "WVE 203", 1),  # BOTH once more: still one company for CO01
    ("A4", "HRB 100001", 1),
    ("A1", "KvK 99999999", 1),  # rejected: no such member
    ("A9", "KvK 00000002", 1),  # rejected: no such activity
]
# collaboration_id, NL reference, DE reference, type, started_on, status
COLLABORATIONS = [
    ("K1", "KvK 00000001", "HRB 100001", "knowledge exchange", dt.date(2022, 4, 1), "active"),
    ("K2", "OE 102", "HRB 100003", "joint project", dt.date(2022, 8, 1), "completed"),
    ("K3", "KvK 00000003", "WVE 202", "internship exchange", dt.date(2022, 9, 15), "active"),
    ("K4", "KvK 00000001", "HRB 100002", "supplier relation", dt.date(2022, 5, 1), "stopped"),
    ("K5", "KvK 00000002", "HRB 100001", "knowledge exchange", None, "planned"),
    (
        "K6",
        "HRB 100002",
        "KvK 00000002",
        "joint project",
        dt.date(2022, 6, 1),
        "active",
    ),  # rejected
]

# Worked out by hand: (indicator, period, side) → value.
EXPECTED = {
    # CO01: NL1, DE1, BOTH (A1) and NL2 (A2) first take part in H1; DE2 and NL3 (A3) in H2.
    ("CO01", "2022-H1", "NL"): 2,
    ("CO01", "2022-H1", "DE"): 2,
    ("CO01", "2022-H2", "NL"): 1,
    ("CO01", "2022-H2", "DE"): 1,
    # RCO115: A1 (Dutch venue) and A3 (German venue); A2 and A4 had one side only.
    ("RCO115", "2022-H1", "NL"): 1,
    ("RCO115", "2022-H2", "DE"): 1,
    ("RCO115", "2022-H1", "DE"): 0,
    ("RCO115", "2022-H1", "NL-DE"): 0,
    # RCO081: persons at A1 (NL1 2 | DE1 1, BOTH 1) and A3 (NL3 1 | DE2 2, BOTH 2).
    ("RCO081", "2022-H1", "NL"): 2,
    ("RCO081", "2022-H1", "DE"): 2,
    ("RCO081", "2022-H2", "NL"): 1,
    ("RCO081", "2022-H2", "DE"): 4,
    # RCO087: K1 (Apr) NL1 + DE1; K2 (Aug) NL2 + BOTH; K3 (Sep) NL3 + DE2 (its stopped K4
    # does not count, and the planned K5 neither).
    ("RCO087", "2022-H1", "NL"): 1,
    ("RCO087", "2022-H1", "DE"): 1,
    ("RCO087", "2022-H2", "NL"): 2,
    ("RCO087", "2022-H2", "DE"): 2,
    # COLLAB: K1, K4 (stopped, but it began) in H1; K2, K3 in H2; K5 is only planned.
    ("COLLAB", "2022-H1", "NL-DE"): 2,
    ("COLLAB", "2022-H2", "NL-DE"): 2,
    # RCO085: training A3 (NL3 1 | DE2 2, BOTH 2) and the internship exchange K3.
    ("RCO085", "2022-H1", "NL"): 0,
    ("RCO085", "2022-H2", "NL"): 1,
    ("RCO085", "2022-H2", "DE"): 4,
    ("RCO085", "2022-H2", "NL-DE"): 1,
}
TOTALS = {"CO01": 6, "RCO115": 2, "RCO081": 9, "RCO087": 6, "COLLAB": 4, "RCO085": 6}


def _stage(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]]) -> None:
    frame = pd.DataFrame(rows)  # noqa: F841 - read by DuckDB
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame")


def _ref(text: str) -> dict[str, object]:
    """A company reference as the records reader normalises it."""
    from etl.records.values import company_refs

    parsed = company_refs(pd.Series([text])).iloc[0]
    return {
        "register_id": parsed["register_id"],
        "member_number": parsed["member_number"],
        "association": parsed["association"],
    }


def build_fixture() -> tuple[duckdb.DuckDBPyConnection, BuildReport]:
    con = duckdb.connect()
    run_sql_folder(con, "schema")
    run_sql_folder(con, "staging")
    load_reference(con)
    con.execute(
        "INSERT INTO source VALUES ('fixture', 'Fixture', 'tests', 'intern', 'tests', '2023', true)"
    )
    for company_id, country, register, name, region, memberships in COMPANIES:
        con.execute(
            "INSERT INTO company (company_id, country, register_id, name, region_id, nace_section)"
            " VALUES (?, ?, ?, ?, ?, 'C')",
            [company_id, country, register, name, region],
        )
        for association, number in memberships:
            con.execute(
                "INSERT INTO member (member_id, association, company_id, name, region_id,"
                " member_number, register_id, source_id, is_sample)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'fixture', true)",
                [
                    f"{association}-{company_id}",
                    association,
                    company_id,
                    name,
                    region,
                    number,
                    register,
                ],
            )
    _stage(
        con,
        "stg_activity",
        [
            {
                "file": FILE, "sheet": "Activities", "row_number": n + 2, "activity_id": a,
                "date": d, "title": f"Activity {a}", "type": t, "format": f, "theme": "exchange",
                "region_id": r, "organiser": o, "source_id": "fixture",
                "activity_id_column": "Activity ID",
            }
            for n, (a, d, t, f, r, o) in enumerate(ACTIVITIES)
        ],
    )  # fmt: skip
    _stage(
        con,
        "stg_participation",
        [
            {
                "file": FILE, "sheet": "Participations", "row_number": n + 2, "activity_id": a,
                "company_ref": ref, **_ref(ref), "persons": persons, "source_id": "fixture",
                "activity_id_column": "Activity ID", "company_column": "Company",
            }
            for n, (a, ref, persons) in enumerate(PARTICIPATIONS)
        ],
    )  # fmt: skip
    _stage(
        con,
        "stg_collaboration",
        [
            {
                "file": FILE, "sheet": "Collaborations", "row_number": n + 2,
                "collaboration_id": k, "ref_nl": nl, "ref_de": de,
                **{f"{key}_nl": value for key, value in _ref(nl).items()},
                **{f"{key}_de": value for key, value in _ref(de).items()},
                "type": kind, "started_on": started, "status": status, "source_id": "fixture",
                "collaboration_id_column": "ID", "company_nl_column": "Partner NL",
                "company_de_column": "Partner DE",
            }
            for n, (k, nl, de, kind, started, status) in enumerate(COLLABORATIONS)
        ],
    )  # fmt: skip
    report = BuildReport(run_id="fixture", results=[ReadResult(file=FILE, kind="project_records")])
    record_step.run(con, report)
    reporting = Reporting(START, END, 6, periods_between(START, END, 6))
    _reporting, definitions = load_indicators()
    plan = ProjectPlan(grace_days=14, work_packages=(), periods=())
    indicator_step.compute(con, reporting, definitions, plan, today=TODAY)
    return con, report


@pytest.fixture(scope="module")
def fixture_db() -> Iterator[tuple[duckdb.DuckDBPyConnection, BuildReport]]:
    con, report = build_fixture()
    yield con, report
    con.close()


def values(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str, str], float]:
    rows = con.execute("SELECT code, period, side, value FROM indicator_value").fetchall()
    return {(code, period, side): value for code, period, side, value in rows}


def test_rejects_and_merges(fixture_db: tuple[duckdb.DuckDBPyConnection, BuildReport]) -> None:
    con, report = fixture_db
    reasons = sorted(r.reason for r in report.results[0].rejects)
    assert reasons == sorted(
        [
            PROBLEMS["unknown_company"],
            PROBLEMS["unknown_activity"],
            PROBLEMS["not_dutch"],
            PROBLEMS["not_german"],
        ]
    )
    unknown = next(r for r in report.results[0].rejects if r.reason == PROBLEMS["unknown_company"])
    assert (unknown.sheet, unknown.row_number, unknown.column_name, unknown.value) == (
        "Participations",
        13,
        "Company",
        "KvK 99999999",
    )
    assert len(report.results[0].notices) == 1  # BOTH named twice for A1
    both_at_a1 = con.execute(
        "SELECT persons FROM participation WHERE activity_id = 'A1' AND company_id = 'BOTH'"
    ).fetchall()
    assert both_at_a1 == [(1,)]
    assert con.execute("SELECT count(*) FROM participation").fetchone() == (10,)
    assert con.execute("SELECT count(*) FROM collaboration").fetchone() == (5,)


def test_known_answers(fixture_db: tuple[duckdb.DuckDBPyConnection, BuildReport]) -> None:
    con, _report = fixture_db
    found = values(con)
    for key, expected in EXPECTED.items():
        assert found.get(key) == expected, key
    totals: dict[str, float] = {}
    for (code, _period, _side), value in found.items():
        totals[code] = totals.get(code, 0) + value
    assert totals == TOTALS


def test_calendar(fixture_db: tuple[duckdb.DuckDBPyConnection, BuildReport]) -> None:
    con, _report = fixture_db
    # The latest record: activity A4 on 5 October (K3 started on 15 September).
    assert con.execute("SELECT data_as_of FROM project_calendar").fetchone() == (
        dt.date(2022, 10, 5),
    )
    periods = con.execute("SELECT period FROM reporting_period ORDER BY position").fetchall()
    assert periods == [("2022-H1",), ("2022-H2",)]


# Independent SQL: written from the definitions, straight on the records, without the build's
# evidence table. Each returns (period, side, value).
INDEPENDENT: dict[str, str] = {
    "CO01": """
        WITH firsts AS (
            SELECT p.company_id, min(a.date) AS first_day
            FROM participation p, activity a
            WHERE a.activity_id = p.activity_id
            GROUP BY p.company_id
        )
        SELECT CASE WHEN month(f.first_day) <= 6 THEN '2022-H1' ELSE '2022-H2' END, c.country,
               count(*)
        FROM firsts f, company c WHERE c.company_id = f.company_id GROUP BY 1, 2
    """,
    "RCO115": """
        SELECT CASE WHEN month(a.date) <= 6 THEN '2022-H1' ELSE '2022-H2' END,
               CASE WHEN a.format = 'digital' THEN 'NL-DE'
                    ELSE coalesce((SELECT country FROM region WHERE region_id = a.region_id), 'NL-DE') END,
               count(*)
        FROM activity a
        WHERE EXISTS (SELECT 1 FROM participation p JOIN company c USING (company_id)
                      WHERE p.activity_id = a.activity_id AND c.country = 'NL')
          AND EXISTS (SELECT 1 FROM participation p JOIN company c USING (company_id)
                      WHERE p.activity_id = a.activity_id AND c.country = 'DE')
        GROUP BY 1, 2
    """,
    "RCO081": """
        SELECT CASE WHEN month(a.date) <= 6 THEN '2022-H1' ELSE '2022-H2' END, c.country,
               sum(p.persons)
        FROM participation p JOIN activity a USING (activity_id) JOIN company c USING (company_id)
        WHERE p.activity_id IN (
            SELECT p2.activity_id FROM participation p2 JOIN company c2 USING (company_id)
            GROUP BY 1 HAVING count(DISTINCT c2.country) = 2)
        GROUP BY 1, 2
    """,
    "RCO087": """
        WITH starts AS (
            SELECT company_id, min(started_on) AS first_day FROM (
                SELECT company_id_nl AS company_id, started_on FROM collaboration
                WHERE status IN ('active', 'completed')
                UNION ALL
                SELECT company_id_de, started_on FROM collaboration
                WHERE status IN ('active', 'completed'))
            GROUP BY company_id
        )
        SELECT CASE WHEN month(first_day) <= 6 THEN '2022-H1' ELSE '2022-H2' END, c.country,
               count(*)
        FROM starts JOIN company c USING (company_id) GROUP BY 1, 2
    """,
    "COLLAB": """
        SELECT CASE WHEN month(started_on) <= 6 THEN '2022-H1' ELSE '2022-H2' END, 'NL-DE', count(*)
        FROM collaboration WHERE status <> 'planned' GROUP BY 1, 2
    """,
    "RCO085": """
        SELECT period, side, sum(n) FROM (
            SELECT CASE WHEN month(a.date) <= 6 THEN '2022-H1' ELSE '2022-H2' END AS period,
                   c.country AS side, p.persons AS n
            FROM participation p JOIN activity a USING (activity_id) JOIN company c USING (company_id)
            WHERE a.type = 'training'
            UNION ALL
            SELECT CASE WHEN month(started_on) <= 6 THEN '2022-H1' ELSE '2022-H2' END, 'NL-DE', 1
            FROM collaboration
            WHERE type = 'internship exchange' AND status IN ('active', 'completed'))
        GROUP BY 1, 2
    """,
}


@pytest.mark.parametrize("code", list(INDEPENDENT))
def test_independent_sql(
    fixture_db: tuple[duckdb.DuckDBPyConnection, BuildReport], code: str
) -> None:
    con, _report = fixture_db
    expected = {(period, side): n for period, side, n in con.execute(INDEPENDENT[code]).fetchall()}
    found = {
        (period, side): value
        for (c, period, side), value in values(con).items()
        if c == code and value
    }
    assert found == expected


def test_evidence_adds_up(fixture_db: tuple[duckdb.DuckDBPyConnection, BuildReport]) -> None:
    """The quality gate of the ledger passes on the fixture."""
    con, _report = fixture_db
    for name in ("indicator_ledger", "record_refs"):
        check = (SQL_DIR / "checks" / f"{name}.sql").read_text(encoding="utf-8")
        assert con.execute(check).fetchall() == [], name


def test_common_indicators_carry_their_official_names_and_period() -> None:
    _reporting, definitions = load_indicators()
    by_code = {d.code: d for d in definitions}
    glossary = load_glossary().common_indicators
    for code in ("CO01", "RCO115", "RCO081", "RCO087", "RCO085"):
        official = glossary[normal_code(code)]
        assert by_code[code].names == official.names
        assert by_code[code].programme_period == official.period
    assert by_code["CO01"].programme_period == "2014–2020"
    assert by_code["RCO115"].official_code == "RCO 115"
    # RCO 115 counts *public* events (Regulation (EU) 2021/1058, Annex I).
    assert "openbare" in by_code["RCO115"].names["nl"]
    assert "öffentliche" in by_code["RCO115"].names["de"]
    assert by_code["COLLAB"].programme_period == "" and by_code["COLLAB"].legal_basis == ""


def test_a_common_indicator_cannot_be_renamed_in_the_config(tmp_path: Path) -> None:
    text = INDICATORS_FILE.read_text(encoding="utf-8").replace(
        'code = "RCO115"\n', 'code = "RCO115"\nname_en = "Joint events"\n'
    )
    config = tmp_path / "indicators.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="RCO115"):
        load_indicators.__wrapped__(config)


def test_the_warehouse_states_each_indicator_s_programme_period(
    fixture_db: tuple[duckdb.DuckDBPyConnection, BuildReport],
) -> None:
    con, _report = fixture_db
    rows = dict(con.execute("SELECT code, programme_period FROM indicator").fetchall())
    assert rows["CO01"] == "2014–2020" and rows["RCO087"] == "2021–2027" and rows["COLLAB"] == ""
