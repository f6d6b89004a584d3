"""Vacancy-gap logic on a small hand-made fixture with known answers."""

from __future__ import annotations

import pandas as pd
import pytest

from dia.data import labour

PERIOD = "2024-Q4"
# (country, region_code, isco_group, vacancies, job_seekers); isco_group None = all occupations
FIGURES = [
    ("NL", "AM04", None, 1000, 500),  # side ratio 2.0
    ("NL", "AM04", "72", 300, 50),  # 6.0 = 3 × side: shortage
    ("NL", "AM04", "93", 200, 40),  # 5.0 = 2.5 × side: shortage
    ("NL", "AM04", "43", 10, 100),  # 0.1: surplus
    ("NL", "AM04", "52", 100, 60),  # 1.67 = 0.83 × side: balanced
    ("NL", "AM04", "25", 3, 2),  # 5 people: too few to call
    ("DE", "03454", None, 300, 600),  # side ratio 0.5
    ("DE", "03454", "72", 60, 20),  # 3.0 = 6 × side: shortage
    ("DE", "03454", "93", 20, 200),  # 0.1 = 0.2 × side: surplus
    ("DE", "03454", "43", 90, 30),  # 3.0: shortage
    ("DE", "03454", "52", 30, 100),  # 0.3 = 0.6 × side: surplus
    ("DE", "03454", "25", 10, 5),  # 2.0 = 4 × side: shortage
    ("NL", "GM0114", "72", 120, 10),  # finer figures for Emmen only
]
COVERAGE = [
    # region_code, country, source_geography, name, municipalities, region_id, region_level
    ("AM04", "NL", "arbeidsmarktregio", "Drenthe", 6, "GM0114", "gemeente"),
    ("AM04", "NL", "arbeidsmarktregio", "Drenthe", 6, "GM0109", "gemeente"),
    ("AM04", "NL", "arbeidsmarktregio", "Drenthe", 6, "GM1681", "gemeente"),
    ("GM0114", "NL", "gemeente", "Emmen", 1, "GM0114", "gemeente"),
    ("03454", "DE", "kreis", "Landkreis Emsland", 60, "034540035", "verwaltungsgemeinschaft"),
    ("03454", "DE", "kreis", "Landkreis Emsland", 60, "034545401", "verwaltungsgemeinschaft"),
    ("03454", "DE", "kreis", "Landkreis Emsland", 60, "03454035", "gemeinde"),
]
GEOGRAPHY = {"AM04": "arbeidsmarktregio", "GM0114": "gemeente", "03454": "kreis"}


def figures() -> pd.DataFrame:
    rows = []
    for country, code, group, vacancies, job_seekers in FIGURES:
        for measure, value in (("vacancies", vacancies), ("job_seekers", job_seekers)):
            rows.append(
                {
                    "country": country,
                    "region_code": code,
                    "region_name": code,
                    "source_geography": GEOGRAPHY[code],
                    "period": PERIOD,
                    "measure": measure,
                    "isco_group": group,
                    "is_total": group is None,
                    "value": float(value),
                    "is_sample": True,
                    "source_ids": "test",
                }
            )
    return pd.DataFrame(rows)


def coverage() -> pd.DataFrame:
    return pd.DataFrame(
        COVERAGE,
        columns=[
            "region_code",
            "country",
            "source_geography",
            "name",
            "municipalities",
            "region_id",
            "region_level",
        ],
    ).assign(members=None, region_name="")


@pytest.fixture
def table() -> pd.DataFrame:
    data = figures()
    areas = labour.main_areas(data, coverage())
    codes = {country: area.region_code for country, area in areas.items()}
    totals = labour.overall(data, PERIOD, codes)
    classified = labour.classify(labour.group_table(data, PERIOD, codes), totals)
    return labour.complementarity(classified).set_index("isco_group")


def test_each_side_uses_the_area_covering_the_project_area() -> None:
    areas = labour.main_areas(figures(), coverage())
    assert areas["NL"].region_code == "AM04"  # covers three gemeenten, Emmen's figures one
    assert areas["DE"].region_code == "03454"
    assert areas["NL"].title("en") == "labour market region Drenthe"
    assert areas["DE"].title("en") == "Landkreis Emsland"


def test_side_ratio_comes_from_the_published_total() -> None:
    totals = labour.overall(figures(), PERIOD, {"NL": "AM04", "DE": "03454"}).set_index("country")
    assert totals.loc["NL", "ratio"] == pytest.approx(2.0)
    assert totals.loc["DE", "ratio"] == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("group", "nl", "de", "direction", "potential"),
    [
        ("72", "shortage", "shortage", None, None),
        ("93", "shortage", "surplus", "DE→NL", 160),  # min(200 − 40, 200 − 20)
        ("43", "surplus", "shortage", "NL→DE", 60),  # min(90 − 30, 100 − 10)
        ("52", "balanced", "surplus", None, None),
        ("25", "unknown", "shortage", None, None),
    ],
)
def test_complementarity_known_answers(
    table: pd.DataFrame,
    group: str,
    nl: str,
    de: str,
    direction: str | None,
    potential: int | None,
) -> None:
    row = table.loc[group]
    assert (row["NL_status"], row["DE_status"]) == (nl, de)
    if direction is None:
        assert pd.isna(row["direction"]) and pd.isna(row["potential"])
    else:
        assert row["direction"] == direction
        assert row["potential"] == potential


def test_relative_ratio_compares_each_side_with_itself(table: pd.DataFrame) -> None:
    assert table.loc["72", "NL_relative"] == pytest.approx(3.0)
    assert table.loc["72", "DE_relative"] == pytest.approx(6.0)
    assert labour.short_on_both_sides(table.reset_index()) == ["72"]
    assert labour.default_group(table.reset_index()) == "93"  # largest potential first


def test_map_uses_the_finest_geography_per_municipality() -> None:
    values = labour.map_values(figures(), coverage(), PERIOD, "72").set_index("region_id")
    assert values.loc["GM0114", "region_code"] == "GM0114"  # Emmen's own figure
    assert values.loc["GM0114", "ratio"] == pytest.approx(12.0)
    assert values.loc["GM0109", "region_code"] == "AM04"  # the arbeidsmarktregio's figure
    assert values.loc["GM0109", "ratio"] == pytest.approx(6.0)
    assert values.loc["034540035", "region_code"] == "03454"
    assert "03454035" not in values.index  # Gemeinden are not map units of this map


def test_trend_per_side_and_period() -> None:
    trend = labour.trend(figures(), "93", {"NL": "AM04", "DE": "03454"}).set_index("country")
    assert trend.loc["NL", "ratio"] == pytest.approx(5.0)
    assert trend.loc["DE", "ratio"] == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("lang", "quarter", "change"),
    [("nl", "K4 2024", "+1.760"), ("de", "Q4 2024", "+1.760"), ("en", "Q4 2024", "+1,760")],
)
def test_formats_follow_the_language(lang: str, quarter: str, change: str) -> None:
    assert labour.fmt_period("2024-Q4", lang) == quarter  # type: ignore[arg-type]
    assert labour.fmt_change(1760, lang) == change  # type: ignore[arg-type]
