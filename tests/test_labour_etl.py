"""Labour market ETL: real GENESIS files and the sample template files end to end into
``statistic`` and ``labour_market``, with region codes, periods, values, the census break and
the occupation crosswalks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from core.versions import Version
from etl import crosswalks
from etl.__main__ import main as etl_main
from etl.build import REFERENCE_INPUTS, build
from etl.harmonise.labour import map_code
from etl.samples import labour as samples

GENESIS_FILES = sorted((REFERENCE_INPUTS / "genesis").glob("*.csv"))


@pytest.fixture(scope="module")
def con(published: Version) -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect(str(published.path), read_only=True) as connection:
        yield connection


def one(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> tuple[object, ...]:
    row = con.execute(sql, list(params)).fetchone()
    assert row is not None, sql
    return tuple(row)


# --------------------------------------------------------------------------- real figures


@pytest.mark.parametrize(
    ("period", "value", "basis", "is_break"),
    [
        ("2015-12-31", 319_488, "Zensus 2011", False),
        ("2022-12-31", 338_052, "Zensus 2011", False),
        ("2024-12-31", 334_539, "Zensus 2022", True),
    ],
)
def test_emsland_population_is_real_with_its_census_break(
    con: duckdb.DuckDBPyConnection, period: str, value: int, basis: str, is_break: bool
) -> None:
    row = one(
        con,
        """
        SELECT l.value, l.region_id, l.country, l.source_geography, l.basis, l.series_break,
               l.is_sample, s.is_sample, s.attribution
        FROM labour_market l JOIN source s USING (source_id)
        WHERE l.measure = 'population' AND l.region_code = '03454' AND l.period = ?
          AND l.breakdown IS NULL
        """,
        period,
    )
    assert row[:6] == (value, "03454", "DE", "kreis", basis, is_break)
    assert row[6] is False and row[7] is False
    assert str(row[8]).startswith("© Statistische Ämter des Bundes und der Länder, Deutschland")


def test_population_is_also_in_statistic_as_published(con: duckdb.DuckDBPyConnection) -> None:
    row = one(
        con,
        """
        SELECT value, region_id, measure_label, is_sample FROM statistic
        WHERE measure = 'BEVSTD' AND region_code = '03454' AND period = '2024-12-31'
          AND classification IS NULL
        """,
    )
    assert row == (334_539, "03454", "Bevölkerungsstand", False)


def test_break_is_flagged_once_per_series(con: duckdb.DuckDBPyConnection) -> None:
    flagged = con.execute(
        """
        SELECT region_code, breakdown_code, count(*) FILTER (WHERE series_break) AS breaks,
               min(period) FILTER (WHERE series_break) AS first_new,
               max(period) FILTER (WHERE basis = 'Zensus 2011') AS last_old
        FROM labour_market WHERE measure = 'population' GROUP BY ALL
        """
    ).fetchall()
    assert flagged
    for _region, _breakdown, breaks, first_new, last_old in flagged:
        assert breaks <= 1
        if breaks:
            assert last_old is None or last_old < first_new
    assert not one(
        con,
        "SELECT bool_or(series_break) FROM labour_market WHERE measure <> 'population'",
    )[0]


@pytest.mark.parametrize(
    ("period", "breakdown", "value"),
    [
        ("2023-06-30", None, 151_373),
        ("2023-06-30", "GESM", 89_947),
        ("2023-06-30", "GESW", 61_426),
        ("2023-06-30", "NATA", 20_972),
        ("2024-06-30", None, 153_133),
        ("2024-06-30", "GESM", 90_284),
        ("2024-06-30", "GESW", 62_849),
        ("2024-06-30", "NATA", 22_207),
    ],
)
def test_emsland_employees_by_sex_and_nationality(
    con: duckdb.DuckDBPyConnection, period: str, breakdown: str | None, value: int
) -> None:
    row = one(
        con,
        """
        SELECT value, is_sample, source_id FROM labour_market
        WHERE measure = 'employees_svb' AND region_code = '03454' AND period = ?
          AND breakdown_code IS NOT DISTINCT FROM ?
        """,
        period,
        breakdown,
    )
    assert row[0] == value
    assert row[1] is False
    assert str(row[2]).startswith("genesis:13111-01-03-4:")


def test_genesis_files_are_recognised_by_etl_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(GENESIS_FILES) == 5
    assert etl_main(["check", *map(str, GENESIS_FILES)]) == 0
    out = capsys.readouterr().out
    assert "genesis_werte" in out and "genesis_ffcsv_2024" in out and "genesis_flat_2025" in out
    assert "rejected 0" in out


def test_etl_check_says_why_a_file_is_not_supported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "vacatures.csv"
    odd.write_text("regio;periode;aantal\nDrenthe;2024;12\n", encoding="utf-8")
    assert etl_main(["check", str(odd)]) == 1
    out = capsys.readouterr().out
    assert "unrecognised" in out and "Content not recognised" in out


# --------------------------------------------------------------------------- sample figures


def test_sample_vacancies_and_job_seekers_are_marked_sample(
    con: duckdb.DuckDBPyConnection,
) -> None:
    rows = con.execute(
        """
        SELECT l.country, l.region_code, l.source_geography, count(DISTINCT l.period),
               min(l.period), max(l.period), bool_and(l.is_sample), bool_and(s.is_sample),
               list(DISTINCT l.measure ORDER BY l.measure)
        FROM labour_market l JOIN source s USING (source_id)
        WHERE l.measure IN ('vacancies', 'job_seekers')
        GROUP BY ALL ORDER BY 1
        """
    ).fetchall()
    # both sides: twelve quarters 2022-Q1 … 2024-Q4 of both measures, all marked sample
    assert rows == [
        (country, code, level, 12, "2022-Q1", "2024-Q4", True, True, ["job_seekers", "vacancies"])
        for country, code, level in (("DE", "03454", "kreis"), ("NL", "AM04", "arbeidsmarktregio"))
    ]


def test_arbeidsmarktregio_covers_the_three_gemeenten(con: duckdb.DuckDBPyConnection) -> None:
    covered = con.execute(
        "SELECT list(region_id ORDER BY region_id), any_value(municipalities) FROM labour_area "
        "WHERE region_code = 'AM04'"
    ).fetchone()
    assert covered == (["GM0109", "GM0114", "GM1681"], 6)
    kreis = one(
        con,
        "SELECT count(*) FILTER (WHERE region_level = 'verwaltungsgemeinschaft'), "
        "count(*) FILTER (WHERE region_level = 'gemeinde') FROM labour_area "
        "WHERE region_code = '03454'",
    )
    assert kreis == (19, 60)


@pytest.mark.parametrize("side", samples.SIDES, ids=lambda side: side.classification)
def test_every_sample_code_gets_an_isco_group(side: samples.Side) -> None:
    for occupation in side.occupations:
        rows = map_code(side.classification, occupation.code)
        assert rows, occupation
        assert sum(row.share for row in rows) == pytest.approx(1)
        for row in rows:
            assert row.isco_code is not None
            assert crosswalks.isco_group(row.isco_code, "sub-major")


def test_transform_maps_every_sample_code_and_keeps_totals(
    con: duckdb.DuckDBPyConnection,
) -> None:
    sample_codes = {
        (side.classification, occupation.code)
        for side in samples.SIDES
        for occupation in side.occupations
    }
    loaded = set(
        con.execute(
            "SELECT DISTINCT source_classification, source_code FROM labour_market "
            "WHERE measure IN ('vacancies', 'job_seekers') AND source_code IS NOT NULL"
        ).fetchall()
    )
    assert loaded == sample_codes
    assert not con.execute(
        "SELECT 1 FROM labour_market WHERE source_code IS NOT NULL AND isco_code IS NULL"
    ).fetchall()
    # the split keeps every published figure whole
    differences = con.execute(
        """
        WITH published AS (
            SELECT region_code, period, lower(measure) AS measure, class_code, value
            FROM statistic WHERE classification IN ('BRC2014', 'KldB2010')
        ), mapped AS (
            SELECT region_code, period, measure, source_code AS class_code, sum(value) AS value
            FROM labour_market WHERE source_code IS NOT NULL GROUP BY ALL
        )
        SELECT * FROM published p JOIN mapped m USING (region_code, period, measure, class_code)
        WHERE abs(p.value - m.value) > 1e-6
        """
    ).fetchall()
    assert differences == []


def test_crosswalk_rules_for_many_to_many_codes() -> None:
    kldb = map_code("KldB2010", "24422")  # welding, skilled: BA rank 1 only
    assert [(row.isco_code, row.share) for row in kldb] == [("7212", 1.0)]
    brc = map_code("BRC2014", "0742")  # Lassers en plaatwerkers: two unit groups, split equally
    assert sorted((row.isco_code, row.share) for row in brc) == [("7212", 0.5), ("7213", 0.5)]
    assert map_code("BRC2014", "0551") == []  # Managers z.n.d.: no specified ISCO unit group
    assert map_code("KldB2010", "99999") == []
    assert [row.nace_section for row in map_code("NACE", "25.11")] == ["C"]


# --------------------------------------------------------------------------- a build of our own


TEMPLATE = """regiocode;periode;maatstaf;classificatie;code;waarde;bron;geografie
AM04;2024-Q1;vacancies;BRC2014;0742;100;Test UWV;arbeidsmarktregio
AM04;2024-Q1;job_seekers;BRC2014;0742;40;Test UWV;arbeidsmarktregio
AM04;2024-Q1;vacancies;;;900;Test UWV;arbeidsmarktregio
03454;2024-Q1;vacancies;KldB2010;24422;50;Test BA;kreis
03454;2024-Q1;vacancies;KldB2010;99999;7;Test BA;kreis
GM0114;2024-Q1;vacancies;ISCO08;7212;10;Test UWV;gemeente
"""


def test_build_maps_template_figures_and_rejects_unknown_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "vacatures.csv").write_text(TEMPLATE, encoding="utf-8")
    monkeypatch.setenv("DIA_DATA_DIR", str(tmp_path / "data"))
    report = build([inbox])
    assert report.version is not None
    with duckdb.connect(str(report.version.path), read_only=True) as db:
        rows = db.execute(
            """
            SELECT region_code, source_code, isco_code, isco_share, value, is_sample, country
            FROM labour_market WHERE measure = 'vacancies' ORDER BY region_code, isco_code
            """
        ).fetchall()
        rejects = db.execute("SELECT file, column_name, value, reason FROM etl_reject").fetchall()
    assert rows == [
        ("03454", "24422", "7212", 1.0, 50.0, False, "DE"),
        ("AM04", "0742", "7212", 0.5, 50.0, False, "NL"),
        ("AM04", "0742", "7213", 0.5, 50.0, False, "NL"),
        ("AM04", None, None, 1.0, 900.0, False, "NL"),
        ("GM0114", "7212", "7212", 1.0, 10.0, False, "NL"),
    ]
    assert rejects == [
        (
            "vacatures.csv",
            "code",
            "99999",
            "KldB2010 code 99999 has no ISCO-08 or NACE match in the crosswalks; its figures "
            "are left out of the labour market tables",
        )
    ]


@pytest.mark.parametrize(
    ("source", "is_sample"),
    [
        (samples.NL.source, True),
        (samples.DE.source, True),
        ("UWV, Vacatures per beroep 2025-Q1", False),
        ("Statistik der BA, Arbeitsmarkt nach Berufen", False),
    ],
)
def test_template_sources_marked_sample_by_their_text(source: str, is_sample: bool) -> None:
    from etl.readers.longformat import is_sample_source

    assert is_sample_source(source) is is_sample
