"""Energy tables in a real DuckDB (in memory): capacity from MaStR, CBS StatLine and the sample
file; opportunities matched to member companies across the border; skills gaps; and the
page's queries keeping names to the viewer's own association."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from dia.data.warehouse import SQL_DIR as DIA_SQL
from etl import nace
from etl.build import BuildReport, run_checks, run_sql_folder, stage
from etl.energy import templates
from etl.harmonise import energy as energy_step
from etl.intake import read_file
from etl.reference import load_reference
from etl.samples import energy as energy_samples

ROOT = Path(__file__).resolve().parent.parent
MASTR = [ROOT / "data" / "reference" / "inputs" / "energy_de" / f"mastr_emsland_{y}.csv" for y in (2021, 2023)]  # fmt: skip
FIXTURES = Path(__file__).parent / "fixtures" / "energy"
STATLINE = FIXTURES / "85005NED_zonnestroom_gemeenten_fixture.csv"
MEMBER_SOURCE = "fixture_members"

# (company, association, name, region, section, division, since, until)
MEMBERS = [
    ("C1", "WVE", "Lingen Elektro GmbH", "03454032", "F", "43", None, None),
    ("C2", "OE", "Emmen Installatie B.V.", "GM0114", "F", "43", None, None),
    ("C3", "WVE", "Modehaus Meppen", "03454035", "G", "47", None, None),
    ("C4", "WVE", "Grenzland Stahlbau GmbH", "03454041", "C", "25", None, None),
    ("C4", "OE", "Grenzland Staalbouw", "03454041", "C", "25", None, None),
    ("C5", "WVE", "Ehemalige Energie GmbH", "03454019", "D", "35", None, dt.date(2020, 1, 1)),
    ("C6", "WVE", "Künftige Wind GmbH", "03454019", "D", "35", dt.date(2099, 1, 1), None),
    ("C7", "WVE", "Haren Ingenieure GmbH", "03454018", "M", "71", None, None),
    ("C8", "OE", "Twee Kanten Energie B.V.", "GM0109", "D", "35", None, None),
    ("C8", "WVE", "Zwei Seiten Energie GmbH", "03454045", "D", "35", None, None),
]
OPPORTUNITIES = [
    ["N1", "Zonnepark", None, "GM0109", "zon", "vergunning", 30, 2026, "Installateurs", "7411", "OE"],
    ["N2", "Waterstof", None, "Emmen", "waterstof", "idee", 20, 2027, None, "7411, 2145", "OE"],
    ["D1", "Repowering", None, "03454018", "Wind", "Genehmigung", 40, 2026, None, "7412", "WVE"],
]  # fmt: skip


def _opportunity_file(folder: Path) -> Path:
    path = templates.write_opportunity_template(folder / "projects.xlsx")
    workbook = openpyxl.load_workbook(path)
    for row in OPPORTUNITIES:
        workbook[templates.DATA_SHEET].append(row)
    workbook.save(path)
    return path


def _members(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO source VALUES (?, 'Fixture members', 'tests', '', '', '2025', true)",
        [MEMBER_SOURCE],
    )
    frame = pd.DataFrame(  # noqa: F841 - read by DuckDB
        [
            {
                "member_id": f"{association}-{company}",
                "association": association,
                "company_id": company,
                "name": name,
                "region_id": region,
                "nace_section": section,
                "nace_division": division,
                "member_since": since,
                "member_until": until,
                "source_id": MEMBER_SOURCE,
                "is_sample": True,
            }
            for company, association, name, region, section, division, since, until in MEMBERS
        ]
    )
    con.execute("INSERT INTO member BY NAME SELECT * FROM frame")
    con.execute(
        "INSERT INTO company (company_id, country, name, region_id, nace_section) "
        "SELECT company_id, any_value(r.country), min(m.name), min(m.region_id), "
        "min(nace_section) FROM member m JOIN region r USING (region_id) GROUP BY company_id"
    )


def _labour(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO source VALUES ('fixture_labour', 'Fixture labour', 'tests', '', '', "
        "'2024-Q4', true)"
    )
    con.execute(
        "INSERT INTO labour_area VALUES "
        "('03454', 'DE', 'kreis', 'Emsland', 60, NULL, '03454032', 'gemeinde'), "
        "('AM04', 'NL', 'arbeidsmarktregio', 'Drenthe', 6, NULL, 'GM0114', 'gemeente')"
    )
    rows = [
        # region_id, region_code, geography, country, period, measure, isco, value, breakdown
        ("03454", "03454", "kreis", "DE", "2024-Q4", "vacancies", "7411", 50, None),
        ("03454", "03454", "kreis", "DE", "2024-Q3", "vacancies", "7411", 999, None),
        ("03454", "03454", "kreis", "DE", "2024-Q4", "job_seekers", "7411", 20, None),
        ("03454", "03454", "kreis", "DE", "2024-Q4", "vacancies", "7411", 25, "sex"),
        ("03454", "03454", "kreis", "DE", "2024-Q4", "vacancies", "7412", 12, None),
        (None, "AM04", "arbeidsmarktregio", "NL", "2024-Q4", "vacancies", "7411", 30, None),
        (None, "AM04", "arbeidsmarktregio", "NL", "2024-Q4", "vacancies", "21", 40, None),
        ("03453", "03453", "kreis", "DE", "2024-Q4", "vacancies", "7411", 500, None),
    ]
    frame = pd.DataFrame(  # noqa: F841 - read by DuckDB
        [
            {
                "region_id": region_id,
                "region_code": code,
                "source_geography": geography,
                "country": country,
                "period": period,
                "measure": measure,
                "isco_code": isco,
                "value": value,
                "breakdown": breakdown,
                "source_id": "fixture_labour",
                "is_sample": True,
            }
            for region_id, code, geography, country, period, measure, isco, value, breakdown in rows
        ]
    )
    con.execute("INSERT INTO labour_market BY NAME SELECT * FROM frame")


def build(
    files: list[Path], *, labour: bool = True
) -> tuple[duckdb.DuckDBPyConnection, BuildReport]:
    """A warehouse as `etl build` makes it, minus the member and labour steps (fixtures)."""
    con = duckdb.connect()
    run_sql_folder(con, "schema")
    run_sql_folder(con, "staging")
    load_reference(con)
    report = BuildReport(run_id="test", results=[read_file(path) for path in files])
    stage(con, report.results)
    run_sql_folder(con, "transform")
    nace.load_labels(con)
    _members(con)
    if labour:
        _labour(con)
    energy_step.run(con, report)
    return con, report


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    folder = tmp_path_factory.mktemp("energy")
    sample = energy_samples.write_capacity(folder / energy_samples.CAPACITY_FILE)
    con, _report = build([*MASTR, STATLINE, sample, _opportunity_file(folder)])
    yield con
    con.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> list[tuple]:  # type: ignore[type-arg]
    return con.execute(sql, params).fetchall()


def dia_query(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    return con.execute((DIA_SQL / f"{name}.sql").read_text(encoding="utf-8"), params).df()


# --------------------------------------------------------------------------- capacity


def test_kreis_totals_pass_the_build_check(warehouse: duckdb.DuckDBPyConnection) -> None:
    totals = dict(
        rows(
            warehouse,
            "SELECT year || ' ' || technology, round(capacity_mw, 3) FROM energy_capacity_by_region "
            "WHERE region_id = '03454'",
        )
    )
    assert totals["2023 solar"] == pytest.approx(778.898)
    assert totals["2021 wind"] == pytest.approx(1197.079)
    assert totals["2023 wind"] == pytest.approx(1135.044)
    assert totals["2021 biomass"] == pytest.approx(172.341)
    assert totals["2023 biomass"] == pytest.approx(183.721)
    failed = {name: frame for name, frame in run_checks(warehouse).items() if "energy" in name}
    assert failed == {}


def test_samtgemeinde_is_the_sum_of_its_gemeinden(warehouse: duckdb.DuckDBPyConnection) -> None:
    # SG Dörpen: Dersum, Dörpen, Heede, Kluse, Lehe, Neubörger, Neulehe, Walchum, Wippingen
    (summed, n, n_in), = rows(
        warehouse,
        "SELECT capacity_mw, municipalities, municipalities_in FROM energy_capacity_by_region "
        "WHERE region_id = '034545401' AND year = 2023 AND technology = 'solar'",
    )  # fmt: skip
    (direct,) = rows(
        warehouse,
        "SELECT sum(capacity_mw) FROM energy_capacity e JOIN region r USING (region_id) "
        "WHERE r.parent_id = '034545401' AND year = 2023 AND technology = 'solar'",
    )[0:1][0]
    assert summed == pytest.approx(direct) and n == n_in == 9


def test_real_statline_figures_replace_sample_ones(warehouse: duckdb.DuckDBPyConnection) -> None:
    found = {
        (region, year): (round(mw, 2), sample, source)
        for region, year, mw, sample, source in rows(
            warehouse,
            "SELECT region_id, year, capacity_mw, is_sample, source_id FROM energy_capacity "
            "WHERE technology = 'solar' AND region_id LIKE 'GM%'",
        )
    }
    # CBS 85005NED (kW → MW), totals only (not the Bedrijven/Woningen breakdown)
    assert found["GM0114", 2020] == (198.35, False, "cbs:85005NED:2020..2021")
    assert found["GM0114", 2021] == (265.12, False, "cbs:85005NED:2020..2021")
    assert found["GM0109", 2021][:2] == (149.87, False)
    # no CBS figure ("." in the download, or a year CBS lacks): the sample figure stays
    assert found["GM1681", 2021][1] is True
    assert found["GM0114", 2023][1] is True
    # one figure per municipality, year and technology
    assert rows(
        warehouse,
        "SELECT count(*) FROM (SELECT region_id, year, technology FROM energy_capacity "
        "GROUP BY ALL HAVING count(*) > 1)",
    ) == [(0,)]
    (cr08,) = rows(
        warehouse,
        "SELECT is_sample FROM energy_capacity_by_region "
        "WHERE region_id = 'CR08' AND year = 2021 AND technology = 'solar'",
    )
    assert cr08 == (True,)  # a sum with one sample figure is marked sample


def test_register_wins_over_a_hand_filled_template(tmp_path: Path) -> None:
    template = tmp_path / "vermogen.csv"
    template.write_text(
        "regiocode;jaar;techniek;vermogen_mw;bron\n03454032;2023;zon;1,0;Stadt Lingen\n",
        encoding="utf-8",
    )
    con, _report = build([*MASTR, template], labour=False)
    ((mw, source),) = rows(
        con,
        "SELECT capacity_mw, source_id FROM energy_capacity "
        "WHERE region_id = '03454032' AND year = 2023 AND technology = 'solar'",
    )
    assert source == "mastr_2023" and mw == pytest.approx(46.876735)


def test_published_facts_are_loaded_with_topic(tmp_path: Path) -> None:
    facts = (
        ROOT / "data" / "reference" / "inputs" / "facts_web" / "regional_facts_from_web_pages.csv"
    )
    con, _report = build([facts], labour=False)
    energy = dia_query(con, "energy_facts")
    assert set(energy["region_code"]) == {"GM0114", "PV22"}
    assert sorted(energy.loc[energy["region_code"] == "GM0114", "value"]) == [55, 73]


# --------------------------------------------------------------------------- matching


def matches(con: duckdb.DuckDBPyConnection, opportunity: str) -> dict[str, tuple[str, str]]:
    return {
        company: (role, associations)
        for company, role, associations in rows(
            con,
            "SELECT company_id, role, associations FROM energy_match WHERE opportunity_id = ?",
            [opportunity],
        )
    }


def test_partners_come_from_the_other_side_with_a_fitting_activity(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    assert matches(warehouse, "N1") == {
        "C1": ("installation", "WVE"),
        "C7": ("engineering", "WVE"),
        "C8": ("operator", "OE,WVE"),  # its German site is across the border
    }
    assert matches(warehouse, "N2") == {
        "C1": ("installation", "WVE"),
        "C4": ("metalwork", "OE,WVE"),  # one company, counted once
        "C7": ("engineering", "WVE"),
        "C8": ("operator", "OE,WVE"),
    }
    # a German project: Dutch sites only; retail (C3), former (C5) and future (C6) members never
    assert matches(warehouse, "D1") == {
        "C2": ("installation", "OE"),
        "C8": ("operator", "OE,WVE"),
    }


def test_rules_config_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text('[roles.x]\nnace = ["43"]\ntechnologies = ["nuclear"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="nuclear"):
        energy_step.nace_rules(bad)
    twice = tmp_path / "twice.toml"
    twice.write_text(
        '[roles.a]\nnace = ["43"]\ntechnologies = ["solar"]\n'
        '[roles.b]\nnace = ["43"]\ntechnologies = ["solar"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="solar/43"):
        energy_step.nace_rules(twice)
    rules = energy_step.nace_rules()
    assert {"35", "42", "43", "25", "27", "28", "71"} <= set(rules["nace_code"])


def test_section_rule_matches_when_no_division_rule_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[roles.utility]\nnace = ["D"]\ntechnologies = ["solar"]\n'
        '[roles.installation]\nnace = ["43"]\ntechnologies = ["solar"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(energy_step, "NACE_RULES_FILE", rules)
    con, _report = build([_opportunity_file(tmp_path)], labour=False)
    assert matches(con, "N1") == {
        "C1": ("installation", "WVE"),
        "C8": ("utility", "OE,WVE"),
    }


def test_repeated_project_ids_across_files_are_rejected(tmp_path: Path) -> None:
    first = _opportunity_file(tmp_path / "a")
    second = _opportunity_file(tmp_path / "b")
    second = second.rename(second.with_name("projects_copy.xlsx"))
    con, report = build([first, second], labour=False)
    assert rows(con, "SELECT count(*) FROM energy_opportunity") == [(3,)]
    copy = next(result for result in report.results if result.file == second.name)
    assert {(r.row_number, r.column_name) for r in copy.rejects} == {
        (2, "opportunity_id"),
        (3, "opportunity_id"),
        (4, "opportunity_id"),
    }


# --------------------------------------------------------------------------- skills gap


def test_skills_gap_per_side_without_double_counting(warehouse: duckdb.DuckDBPyConnection) -> None:
    gap = {
        (opportunity, code, country): (demand, demand_period, supply)
        for opportunity, code, country, demand, demand_period, supply in rows(
            warehouse,
            "SELECT opportunity_id, isco_code, country, demand, demand_period, supply "
            "FROM energy_skill_gap",
        )
    }
    # latest quarter only, no sex breakdown, no neighbouring Kreis
    assert gap["N1", "7411", "DE"] == (50, "2024-Q4", 20)
    assert gap["N1", "7411", "NL"] == (30, "2024-Q4", None)
    # a 4-digit need met by a 2-digit figure where nothing finer exists
    assert gap["N2", "2145", "NL"] == (40, "2024-Q4", None)
    assert gap["D1", "7412", "DE"] == (12, "2024-Q4", None)


def test_no_labour_market_figures_gives_an_empty_gap(tmp_path: Path) -> None:
    con, _report = build([_opportunity_file(tmp_path)], labour=False)
    assert rows(con, "SELECT count(*) FROM energy_skill_gap") == [(0,)]
    assert dia_query(con, "energy_labour_rows")["figures"].tolist() == [0]
    needed = dia_query(con, "energy_skill_gap", opportunity_id="N2")
    assert sorted(needed["isco_code"]) == ["2145", "7411"] and needed["country"].isna().all()


# --------------------------------------------------------------------------- page queries


def test_names_only_for_the_viewers_association(warehouse: duckdb.DuckDBPyConnection) -> None:
    nobody = dia_query(warehouse, "energy_matches", opportunity_id="N2", visible=[])
    assert len(nobody) == 4 and nobody["name"].isna().all()
    wve = dia_query(warehouse, "energy_matches", opportunity_id="N2", visible=["WVE"])
    assert sorted(wve["name"]) == [
        "Grenzland Stahlbau GmbH",
        "Haren Ingenieure GmbH",
        "Lingen Elektro GmbH",
        "Zwei Seiten Energie GmbH",
    ]
    oe = dia_query(warehouse, "energy_matches", opportunity_id="N2", visible=["OE"])
    # C4 and C8 are OE members too: OE sees them under the name OE keeps
    assert sorted(oe["name"].dropna()) == ["Grenzland Staalbouw", "Twee Kanten Energie B.V."]


def test_opportunity_list_counts_visible_partners(warehouse: duckdb.DuckDBPyConnection) -> None:
    listed = dia_query(warehouse, "energy_opportunities", visible=["OE"], free_text=True).set_index(
        "opportunity_id"
    )
    assert listed.loc["N2", "partners"] == 4
    assert listed.loc["N2", "partners_visible"] == 2
    assert listed.loc["D1", "skills"] == "7412"
    funder = dia_query(warehouse, "energy_opportunities", visible=[], free_text=False).set_index(
        "opportunity_id"
    )
    assert (funder["partners_visible"] == 0).all()
    # No free text for funders: titles, descriptions and "partners sought" come back empty.
    assert listed["title"].notna().all()
    for column in ("title", "description", "partners_sought"):
        assert funder[column].isna().all(), column
