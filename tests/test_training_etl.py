"""Training and internships in the ETL: the DUO hbo reader on the real Drenthe extract, the
GENESIS semester period, the crosswalk to ISCO-08 and the `training_supply` table."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from core.paths import REFERENCE_DIR
from core.versions import Version
from etl import crosswalks
from etl.harmonise.training import CROSSWALK_FILE, isco_for
from etl.intake import read_file
from etl.readers.textfile import parse_period
from etl.registry import detect

EDUCATION = REFERENCE_DIR / "inputs" / "education"
DUO_FILE = EDUCATION / "duo_ingeschrevenhbo_2024_drenthe.csv"


def test_duo_hbo_file_is_recognised_and_summed_per_municipality() -> None:
    assert detect(DUO_FILE).kind == "duo_hbo"
    result = read_file(DUO_FILE)
    assert not result.rejects
    frame = result.tables["statistic"]
    emmen = frame[frame["region_code"] == "GM0114"].groupby("period")["value"].sum()
    # Sums of the numeric cells of the 50 Emmen rows per year, "<5" counted as 0 (SOURCE.md).
    assert emmen.to_dict() == {
        "2020": 1698.0, "2021": 1590.0, "2022": 1481.0, "2023": 1448.0, "2024": 1411.0
    }  # fmt: skip
    assert set(frame["region_code"]) == {"GM0114", "GM0106", "GM0119"}
    masked = frame[frame["symbol"] == "<5"]
    assert len(masked) > 0 and (masked["value"] >= 0).all()
    assert result.sources[0].attribution.startswith("Bron: DUO")


def test_duo_hbo_rejects_an_unreadable_count_with_its_place(tmp_path: Path) -> None:
    lines = DUO_FILE.read_text(encoding="utf-8").splitlines()
    broken = lines[1].rsplit(";", 1)[0] + ";veel"
    path = tmp_path / "duo.csv"
    path.write_text("\n".join([lines[0], broken, lines[2]]) + "\n", encoding="utf-8")
    result = read_file(path)
    assert result.kind == "duo_hbo"
    [reject] = result.rejects
    assert (reject.row_number, reject.column_name, reject.value) == (2, "2024", "veel")


def test_genesis_semester_is_its_start_month() -> None:
    assert parse_period("2023-10P6M") == "2023-10"
    with pytest.raises(ValueError):
        parse_period("2023-13P6M")


def test_every_crosswalk_row_names_an_isco_group_and_every_shipped_programme_is_mapped() -> None:
    with CROSSWALK_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        assert crosswalks.isco_label(row["isco08"], "en"), row
    with DUO_FILE.open(encoding="utf-8-sig", newline="") as handle:
        codes = {r["OPLEIDINGSCODE ACTUEEL"] for r in csv.DictReader(handle, delimiter=";")}
    assert all(isco_for("CROHO", code) for code in codes)
    # Training occupations go through the BA key like the labour market: Elektroniker/-in
    # Energie- und Gebäudetechnik (KldB 26212) → 7411 Building and related electricians.
    assert isco_for("KldB2010", "26212")[0][:2] == ("7411", 1.0)


def test_training_supply_in_the_sample_warehouse(published: Version) -> None:
    with duckdb.connect(str(published.path), read_only=True) as con:
        students = con.execute(
            "SELECT sum(value), bool_or(is_sample) FROM training_supply"
            " WHERE region_code = '03454' AND measure = 'enrolled' AND level = 'Studium'"
        ).fetchone()
        emmen = con.execute(
            "SELECT sum(value) FROM training_supply WHERE region_id = 'GM0114'"
            " AND level = 'hbo' AND period = '2024'"
        ).fetchone()
        places = con.execute(
            "SELECT country, measure, bool_and(is_sample), count(*) - count(isco_code)"
            " FROM training_supply WHERE level IN ('mbo', 'Ausbildung')"
            " GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    # Regionaldatenbank 21311, WS 2023/24: 2,101 students in Emsland (SOURCE.md); real data.
    assert students == (2101.0, False)
    assert emmen == (1411.0,)
    assert ("DE", "training_places", True, 0) in places
    assert ("NL", "internship_places", True, 0) in places
