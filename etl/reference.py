"""Shipped real reference data (data/reference/) loaded into every warehouse build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd

from core.paths import REFERENCE_DIR

# Properties of every region in data/reference/regions.geojson, in this order.
REGION_PROPERTIES: Final = (
    "region_id",
    "country",
    "level",
    "code",
    "name",
    "parent_id",
    "population",
    "population_year",
    "population_source",
    "area_km2",
    "vwg_type",
    "is_context",
)
REGION_COLUMNS = [*REGION_PROPERTIES, "geometry_geojson"]


def region_frame(reference_dir: Path = REFERENCE_DIR) -> pd.DataFrame:
    collection = json.loads((reference_dir / "regions.geojson").read_text(encoding="utf-8"))
    rows = []
    for feature in collection["features"]:
        props = feature["properties"]
        row = {column: props.get(column) for column in REGION_COLUMNS[:-1]}
        row["is_context"] = bool(props.get("is_context"))
        row["geometry_geojson"] = json.dumps(feature["geometry"], separators=(",", ":"))
        rows.append(row)
    return pd.DataFrame(rows, columns=REGION_COLUMNS)


def load_reference(con: duckdb.DuckDBPyConnection, reference_dir: Path = REFERENCE_DIR) -> None:
    sources = pd.read_csv(reference_dir / "sources.csv", dtype=str)
    sources["is_sample"] = False
    con.execute(
        "INSERT INTO source BY NAME SELECT source_id, title, publisher, licence, attribution,"
        " vintage, is_sample FROM sources"
    )
    regions = region_frame(reference_dir)  # noqa: F841 - read by DuckDB's replacement scan
    con.execute("INSERT INTO region BY NAME SELECT * FROM regions")
    pc4 = pd.read_csv(reference_dir / "pc4_gemeente.csv", dtype=str)  # noqa: F841
    con.execute("INSERT INTO postcode_nl BY NAME SELECT * FROM pc4")
    plz = pd.read_csv(reference_dir / "plz_gemeinde.csv", dtype=str)  # noqa: F841
    con.execute("INSERT INTO postcode_de BY NAME SELECT * FROM plz")
