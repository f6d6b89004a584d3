"""The shipped reference geography (data/reference/): structure, topology, population, postcodes.

Reads only the committed files; ``python -m etl.geo_prepare`` regenerates them from the raw data.
Areas are measured in EPSG:3035 (equal-area, m²).
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from etl.reference import REGION_PROPERTIES

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
REGIONS = REFERENCE / "regions.geojson"
BORDER = REFERENCE / "national_border.geojson"

MAX_PAYLOAD_BYTES = 250 * 1024
OVERLAP_TOLERANCE_M2 = 1.0  # per pair of neighbouring map units (rounding noise only)
NL_DE_OVERLAP_TOLERANCE_M2 = 10.0  # total over the whole national border
GAP_TOLERANCE_M2 = 10.0  # uncovered area inside a parent / along the national border
MAP_UNIT_LEVELS = ("gemeente", "gemeinde", "context")

PROPERTIES = set(REGION_PROPERTIES)

_TO_3035 = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True)


def _to_3035(geometry: BaseGeometry) -> BaseGeometry:
    def apply(coords: np.ndarray) -> np.ndarray:
        x, y = _TO_3035.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, apply)


class Region:
    def __init__(self, feature: dict[str, Any]) -> None:
        self.feature = feature
        self.props: dict[str, Any] = feature["properties"]
        self.geometry: BaseGeometry = shape(feature["geometry"])
        self.metric: BaseGeometry = _to_3035(self.geometry)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.props[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


@pytest.fixture(scope="module")
def collection() -> dict[str, Any]:
    return json.loads(REGIONS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def regions(collection: dict[str, Any]) -> dict[str, Region]:
    return {f["properties"]["region_id"]: Region(f) for f in collection["features"]}


def _of(regions: dict[str, Region], level: str, *, context: bool = False) -> list[Region]:
    return [r for r in regions.values() if r.level == level and r.is_context is context]


def _read_csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- structure --------------------------------------------------------------------------------


def test_payload_is_small() -> None:
    assert REGIONS.stat().st_size <= MAX_PAYLOAD_BYTES
    assert BORDER.stat().st_size <= 20 * 1024


def test_counts(regions: dict[str, Region]) -> None:
    assert {r.code for r in _of(regions, "gemeente")} == {"GM0114", "GM0109", "GM1681"}
    assert len(_of(regions, "gemeinde")) == 60
    vwg = _of(regions, "verwaltungsgemeinschaft")
    assert len(vwg) == 19
    assert Counter(r.vwg_type for r in vwg) == {"Samtgemeinde": 9, "Einheitsgemeinde": 10}
    assert [r.code for r in _of(regions, "kreis")] == ["03454"]
    assert [r.code for r in _of(regions, "corop")] == ["CR08"]
    assert [r.code for r in _of(regions, "province", context=True)] == ["PV22"]
    context = _of(regions, "context", context=True)
    assert {"03453", "03456", "03457", "03459"} <= {r.code for r in context}
    assert {"GM1680", "GM1731", "GM0118", "GM0160", "GM0037"} <= {r.code for r in context}
    assert {r.country for r in context} == {"NL", "DE"}


def test_properties(collection: dict[str, Any], regions: dict[str, Region]) -> None:
    assert collection["type"] == "FeatureCollection"
    ids = [f["properties"]["region_id"] for f in collection["features"]]
    assert len(ids) == len(set(ids))
    for feature in collection["features"]:
        props = feature["properties"]
        assert set(props) == PROPERTIES, props
        assert feature["id"] == props["region_id"] == props["code"]
        assert props["country"] in ("NL", "DE")
        assert isinstance(props["is_context"], bool)
        assert props["is_context"] == (props["level"] in ("context", "province"))
        assert props["name"]
    for r in regions.values():
        expected_type = r.level == "verwaltungsgemeinschaft"
        assert (r.vwg_type is not None) == expected_type, r.region_id


def test_codes(regions: dict[str, Region]) -> None:
    for r in _of(regions, "gemeinde"):
        assert len(r.code) == 8 and r.code.startswith("03454") and r.code.isdigit()
        assert r.parent_id == r.parent_id.strip() and len(r.parent_id) == 9
    for r in _of(regions, "verwaltungsgemeinschaft"):
        assert len(r.code) == 9 and r.code.startswith("03454")
        assert (r.code[5] == "5") == (r.vwg_type == "Samtgemeinde")
    for r in _of(regions, "gemeente"):
        assert r.code.startswith("GM") and len(r.code) == 6
    assert regions["03454032"].name == "Lingen (Ems)"
    assert regions["034545401"].name == "Dörpen"
    assert regions["GM0114"].name == "Emmen"


# --- geometry ---------------------------------------------------------------------------------


def test_geometries_valid_polygonal_rounded(collection: dict[str, Any]) -> None:
    for feature in collection["features"]:
        geometry = shape(feature["geometry"])
        assert geometry.geom_type in ("Polygon", "MultiPolygon"), feature["id"]
        assert not geometry.is_empty, feature["id"]
        assert geometry.is_valid, (feature["id"], shapely.is_valid_reason(geometry))
        coords = shapely.get_coordinates(geometry)
        assert np.array_equal(coords, np.round(coords, 5)), feature["id"]
        # Inside the map area: roughly 6.2–8.3 °E, 52.1–53.4 °N.
        minx, miny, maxx, maxy = geometry.bounds
        assert minx > 6.0 and maxx < 8.5 and miny > 52.0 and maxy < 53.6, feature["id"]


def test_rings_wound_for_plotly(regions: dict[str, Region]) -> None:
    """Exterior rings clockwise, as d3-geo (plotly go.Choropleth) needs for a filled inside."""
    for r in regions.values():
        for polygon in getattr(r.geometry, "geoms", [r.geometry]):
            assert not polygon.exterior.is_ccw, r.region_id
            assert all(ring.is_ccw for ring in polygon.interiors), r.region_id


def test_parents_exist_and_contain_children(regions: dict[str, Region]) -> None:
    for r in regions.values():
        if r.is_context or r.parent_id is None:
            continue
        assert r.parent_id in regions, r.region_id
        parent = regions[r.parent_id]
        outside = r.metric.difference(parent.metric).area
        assert outside < OVERLAP_TOLERANCE_M2, (r.region_id, outside)
    assert regions["03454"].parent_id is None
    assert regions["CR08"].parent_id == "PV22"
    assert all(r.parent_id == "03454" for r in _of(regions, "verwaltungsgemeinschaft"))
    assert all(r.parent_id == "CR08" for r in _of(regions, "gemeente"))


@pytest.mark.parametrize(
    ("level", "child_level"),
    [("verwaltungsgemeinschaft", "gemeinde"), ("kreis", "gemeinde"), ("corop", "gemeente")],
)
def test_parent_is_union_of_members(
    regions: dict[str, Region], level: str, child_level: str
) -> None:
    children = _of(regions, child_level)
    for parent in _of(regions, level):
        members = [c for c in children if _ancestor(regions, c, parent.region_id)]
        assert members, parent.region_id
        union = shapely.union_all([m.metric for m in members])
        difference = union.symmetric_difference(parent.metric).area
        assert difference < 0.001 * parent.metric.area, (parent.region_id, difference)
        # No gaps inside the parent (e.g. Kreis minus its Gemeinden) and no spill-over.
        assert parent.metric.difference(union).area < GAP_TOLERANCE_M2, parent.region_id
        assert union.difference(parent.metric).area < GAP_TOLERANCE_M2, parent.region_id


def _ancestor(regions: dict[str, Region], child: Region, ancestor_id: str) -> bool:
    parent_id = child.parent_id
    while parent_id is not None:
        if parent_id == ancestor_id:
            return True
        parent_id = regions[parent_id].parent_id
    return False


def test_vwg_members_match_ars(regions: dict[str, Region]) -> None:
    members = Counter(r.parent_id for r in _of(regions, "gemeinde"))
    for vwg in _of(regions, "verwaltungsgemeinschaft"):
        if vwg.vwg_type == "Einheitsgemeinde":
            assert members[vwg.code] == 1
            assert regions[vwg.code[:5] + vwg.code[6:]].parent_id == vwg.code
        else:
            assert members[vwg.code] >= 2
    assert sum(members.values()) == 60


def _map_units(regions: dict[str, Region]) -> list[Region]:
    return [r for r in regions.values() if r.level in MAP_UNIT_LEVELS]


def _overlaps(units: list[Region]) -> list[tuple[str, str, float]]:
    geoms = np.asarray([u.metric for u in units], dtype=object)
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    areas = shapely.area(shapely.intersection(geoms[left[keep]], geoms[right[keep]]))
    return [
        (units[i].region_id, units[j].region_id, float(a))
        for i, j, a in zip(left[keep], right[keep], areas, strict=True)
    ]


def test_no_overlaps_between_neighbours(regions: dict[str, Region]) -> None:
    units = _map_units(regions)
    pairs = _overlaps(units)
    assert len(pairs) > 150  # neighbours do touch
    worst = max(pairs, key=lambda pair: pair[2])
    assert worst[2] < OVERLAP_TOLERANCE_M2, worst


def test_no_overlap_across_the_national_border(regions: dict[str, Region]) -> None:
    units = _map_units(regions)
    nl = shapely.union_all([u.metric for u in units if u.country == "NL"])
    de = shapely.union_all([u.metric for u in units if u.country == "DE"])
    assert nl.intersection(de).area < NL_DE_OVERLAP_TOLERANCE_M2
    # And no gaps between the two sides: every hole of the map smaller than 5 km² is noise.
    union = shapely.union_all([nl, de])
    holes = [
        shapely.Polygon(ring).area
        for polygon in getattr(union, "geoms", [union])
        for ring in polygon.interiors
    ]
    assert sum(a for a in holes if a < 5e6) < GAP_TOLERANCE_M2


def test_map_units_share_edges_exactly(regions: dict[str, Region]) -> None:
    geoms = [u.geometry for u in _map_units(regions)]
    assert shapely.coverage_is_valid(np.asarray(geoms, dtype=object))


def test_national_border(regions: dict[str, Region]) -> None:
    data = json.loads(BORDER.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    border = shape(feature["geometry"])
    assert border.geom_type in ("LineString", "MultiLineString")
    assert border.is_valid and not border.is_empty
    metric = _to_3035(border)
    assert 80_000 < metric.length < 200_000  # the border along the map area, in metres
    units = _map_units(regions)
    nl = shapely.union_all([u.metric for u in units if u.country == "NL"]).boundary
    de = shapely.union_all([u.metric for u in units if u.country == "DE"]).boundary
    assert metric.difference(nl.buffer(1.0)).length < 1.0
    assert metric.difference(de.buffer(1.0)).length < 1.0
    # It separates Emmen from Emsland.
    assert metric.distance(regions["GM0114"].metric.intersection(regions["03454"].metric)) < 1.0


# --- population and area ----------------------------------------------------------------------


def test_population_nl(regions: dict[str, Region]) -> None:
    expected = {"GM0114": 107_025, "GM0109": 35_305, "GM1681": 25_600}
    for code, population in expected.items():
        r = regions[code]
        assert r.population == population
        assert (r.population_year, r.population_source) == (2021, "cbs_pc4_2021")
    assert regions["CR08"].population == sum(expected.values())


def test_population_de(regions: dict[str, Region]) -> None:
    gemeinden = _of(regions, "gemeinde")
    assert sum(r.population for r in gemeinden) == 328_946
    assert regions["03454"].population == 328_946
    assert all((r.population_year, r.population_source) == (2022, "zensus_2022") for r in gemeinden)
    for vwg in _of(regions, "verwaltungsgemeinschaft"):
        members = [g for g in gemeinden if g.parent_id == vwg.code]
        assert vwg.population == sum(g.population for g in members)
        assert vwg.area_km2 == pytest.approx(sum(g.area_km2 for g in members), abs=0.011)
    assert regions["03454032"].population > 50_000  # Lingen (Ems)


def test_area(regions: dict[str, Region]) -> None:
    for r in regions.values():
        if r.level == "context":
            assert r.population is None and r.area_km2 is None
            continue
        assert isinstance(r.area_km2, float) and r.area_km2 > 0, r.region_id
        assert r.area_km2 == round(r.area_km2, 2)
        geometric = r.metric.area / 1e6
        # Generalised boundaries: small Gemeinden differ by a few per cent, totals hardly.
        tolerance = 0.15 if r.area_km2 < 50 else 0.05 if r.area_km2 < 500 else 0.01
        assert math.isclose(geometric, r.area_km2, rel_tol=tolerance), (r.region_id, geometric)
    assert regions["03454"].area_km2 == pytest.approx(2883.65, abs=0.01)
    assert regions["GM0114"].area_km2 == pytest.approx(346.25, abs=0.01)


# --- postcodes --------------------------------------------------------------------------------


def test_pc4_table(regions: dict[str, Region]) -> None:
    rows = _read_csv("pc4_gemeente.csv")
    assert list(rows[0]) == ["pc4", "region_id", "place", "population", "alt_places"]
    pc4 = [row["pc4"] for row in rows]
    assert pc4 == sorted(pc4) and len(pc4) == len(set(pc4))
    assert all(len(code) == 4 and code.isdigit() for code in pc4)
    with_population = [row for row in rows if row["population"]]
    assert len(with_population) == 81
    po_boxes = {row["pc4"] for row in rows if not row["population"]}
    assert {"7740", "7760", "7800", "7801", "7890", "9530"} <= po_boxes
    assert all(row["region_id"] in regions for row in rows)
    totals: Counter[str] = Counter()
    for row in with_population:
        totals[row["region_id"]] += int(row["population"])
    for code, total in totals.items():
        assert regions[code].population == total


def test_plz_table(regions: dict[str, Region]) -> None:
    rows = _read_csv("plz_gemeinde.csv")
    assert list(rows[0]) == ["plz", "region_id", "name"]
    assert len(rows) == 62
    keys = [(row["plz"], row["region_id"]) for row in rows]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    assert all(len(row["region_id"]) == 8 and row["region_id"].startswith("03454") for row in rows)
    assert all(len(row["plz"]) == 5 and row["plz"].isdigit() for row in rows)
    assert ("49808", "03454032") in keys  # Lingen (Ems)
    assert {row["region_id"] for row in rows} == {r.code for r in _of(regions, "gemeinde")}
    assert all(regions[row["region_id"]].level == "gemeinde" for row in rows)
