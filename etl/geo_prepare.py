"""Prepare the shipped reference geography and population (``data/reference/``).

Run once when a raw source changes; the outputs are committed and read by every warehouse build::

    python -m etl.geo_prepare [--raw ../shared/data/raw] [--out data/reference]

Inputs (see each folder's SOURCE.md under ``--raw``): BKG VG5000 2021 (Gemeinden,
Verwaltungsgemeinschaften, Kreise), CBS gebiedsindelingen 2015 (gemeenten, TopoJSON), CBS PC4
population 1-1-2021, 4pp postcode list, Zensus 2022 population, Destatis Gemeindeverzeichnis
(area) and the OSM-based PLZ table.

Outputs (deterministic: the same input gives byte-identical files):

- ``regions.geojson``: project regions (NL gemeente/corop/province, DE gemeinde/
  verwaltungsgemeinschaft/kreis) plus grey context areas, EPSG:4326, 5 decimals.
- ``national_border.geojson``: the NL–DE border inside the map frame, one MultiLineString.
- ``pc4_gemeente.csv`` and ``plz_gemeinde.csv``: postcode → region tables.

Geometry recipe (all geometry work in EPSG:3035, metres):

1. Both sides are put in one polygon coverage: the 60 Emsland Gemeinden and the neighbouring
   Kreise (DE, first) and the Drenthe gemeenten plus the neighbouring NL gemeenten (NL, after).
2. ``shapely.coverage_clean`` makes it a valid coverage: where the two national sources overlap
   the area goes to the DE polygon (lowest index wins, i.e. the NL side is clipped by the DE
   side), gaps narrower than ``GAP_WIDTH_M`` are merged into the neighbour with the longest
   shared border. Inside each side nothing changes (both inputs are already clean coverages).
3. ``shapely.coverage_simplify`` (Visvalingam–Whyatt on the shared edges) simplifies the whole
   coverage at once, so neighbours keep sharing their borders exactly, across the national
   border as well.
4. Context areas are clipped to a frame ``CONTEXT_RADIUS_M`` around the project area.
5. Reprojected to EPSG:4326, rounded to ``COORD_DECIMALS`` decimals, and the higher levels
   (Verwaltungsgemeinschaft, Kreis, COROP, province) are dissolved from the rounded pieces with
   ``shapely.coverage_union_all``, so they consist of exactly the vertices of their members.

Rings are written clockwise (exterior) / counter-clockwise (holes): the winding d3-geo, and so
plotly's ``go.Choropleth``, expects. GeoJSON readers that ignore winding (GDAL, geopandas,
MapLibre) are unaffected.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

from etl.reference import REGION_PROPERTIES

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = Path(__file__).resolve().parents[2] / "shared" / "data" / "raw"
DEFAULT_OUT = PROJECT_ROOT / "data" / "reference"

# --- parameters of the geometry recipe (documented in data/SOURCES.md) -------------------------
SIMPLIFY_TOLERANCE_M = 100.0
"""``coverage_simplify`` tolerance: about the square root of the triangle areas removed."""
GAP_WIDTH_M = 500.0
"""Gaps between the NL and DE sources narrower than this are closed (widest measured: ~340 m)."""
CONTEXT_RADIUS_M = 10_000.0
"""Context areas are kept within this distance of the project area (the map frame)."""
FRAME_SIMPLIFY_M = 250.0
MIN_CONTEXT_PART_KM2 = 0.5
"""Context fragments smaller than this after clipping to the frame are dropped."""
COORD_DECIMALS = 5

# --- coordinate transformations, pinned so the output does not depend on installed grids -------
# EPSG:31467 (DHDN / 3-degree Gauss-Kruger zone 3) -> EPSG:3035 via "DHDN to ETRS89 (2)"
# (7-parameter Helmert, about 3 m accuracy; far below the generalisation of VG5000).
_DE_TO_WORK = (
    "+proj=pipeline"
    " +step +inv +proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 +ellps=bessel"
    " +step +proj=push +v_3"
    " +step +proj=cart +ellps=bessel"
    " +step +proj=helmert +x=598.1 +y=73.7 +z=418.2 +rx=0.202 +ry=0.045 +rz=-2.455 +s=6.7"
    " +convention=position_vector"
    " +step +inv +proj=cart +ellps=GRS80"
    " +step +proj=pop +v_3"
    " +step +proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80"
)
# EPSG:4326 <-> EPSG:3035 (WGS 84 taken as ETRS89: sub-metre here).
_LONLAT_TO_WORK = (
    "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad"
    " +step +proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80"
)
WORK_CRS = "EPSG:3035"

# --- the project area -----------------------------------------------------------------------
NL_GEMEENTEN = {"GM0109": "Coevorden", "GM0114": "Emmen", "GM1681": "Borger-Odoorn"}
COROP_CODE, COROP_NAME = "CR08", "Zuidoost-Drenthe"
PROVINCE_CODE, PROVINCE_NAME = "PV22", "Drenthe"
KREIS_ARS = "03454"
# 2015 gemeenten merged since; context areas are shown with their current code and name.
NL_SUCCESSORS = {
    "GM0007": ("GM1950", "Westerwolde"),  # Bellingwedde, 2018
    "GM0048": ("GM1950", "Westerwolde"),  # Vlagtwedde, 2018
    "GM0018": ("GM1952", "Midden-Groningen"),  # Hoogezand-Sappemeer, 2018
    "GM0040": ("GM1952", "Midden-Groningen"),  # Slochteren, 2018
    "GM1987": ("GM1952", "Midden-Groningen"),  # Menterwolde, 2018
}

NL_POPULATION_SOURCE = "cbs_pc4_2021"
NL_POPULATION_YEAR = 2021
DE_POPULATION_SOURCE = "zensus_2022"
DE_POPULATION_YEAR = 2022

LEVEL_ORDER = {
    "context": 0,
    "province": 1,
    "corop": 2,
    "gemeente": 3,
    "kreis": 4,
    "verwaltungsgemeinschaft": 5,
    "gemeinde": 6,
}
PROPERTY_ORDER = REGION_PROPERTIES


@dataclass(frozen=True)
class RawPaths:
    """Where each raw input lives below ``--raw``."""

    bkg: Path
    nl_gemeenten: Path
    nl_gemeente_detail: Path
    pc4_population: Path
    pc4_4pp: Path
    plz: Path
    zensus: Path
    gemeindeverzeichnis: Path

    @classmethod
    def below(cls, root: Path) -> RawPaths:
        nl_geo = root / "geo" / "nl-cbs-2015"
        return cls(
            bkg=root / "geo" / "de-bkg-vg5000-2021",
            nl_gemeenten=nl_geo / "Gemeente_2015_layer_labels.json",
            nl_gemeente_detail=nl_geo / "GemeenteDetail_2015_layer_q1e3.json",
            pc4_population=root / "postcodes_nl" / "postcodes.csv",
            pc4_4pp=root / "postcodes_nl" / "4pp.csv",
            plz=root / "postcodes_de" / "zuordnung_plz_ort.csv",
            zensus=root / "gemeinden_de" / "1000A-0000_1773175153999_de_flat.csv",
            gemeindeverzeichnis=root / "gemeinden_de" / "AuszugGV4QAktuell.csv",
        )


@dataclass
class Region:
    """One feature of ``regions.geojson`` (geometry in EPSG:4326 once finished)."""

    code: str
    country: str
    level: str
    name: str
    geometry: BaseGeometry
    parent_id: str | None = None
    population: int | None = None
    population_year: int | None = None
    population_source: str | None = None
    area_km2: float | None = None
    vwg_type: str | None = None
    is_context: bool = False

    def properties(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "region_id": self.code,
            "country": self.country,
            "level": self.level,
            "code": self.code,
            "name": self.name,
            "parent_id": self.parent_id,
            "population": self.population,
            "population_year": self.population_year,
            "population_source": self.population_source,
            "area_km2": None if self.area_km2 is None else round(self.area_km2, 2),
            "vwg_type": self.vwg_type,
            "is_context": self.is_context,
        }
        return {key: values[key] for key in PROPERTY_ORDER}


@dataclass
class Report:
    """Figures measured on the way, printed at the end."""

    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.append(text)


# --- reading --------------------------------------------------------------------------------


def _transformer(pipeline: str) -> Callable[[np.ndarray], np.ndarray]:
    transformer = pyproj.Transformer.from_pipeline(pipeline)

    def apply(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return apply


def _inverse_transformer(pipeline: str) -> Callable[[np.ndarray], np.ndarray]:
    transformer = pyproj.Transformer.from_pipeline(pipeline)

    def apply(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(
            coords[:, 0], coords[:, 1], direction=pyproj.enums.TransformDirection.INVERSE
        )
        return np.column_stack([x, y])

    return apply


def read_bkg(paths: RawPaths, layer: str) -> gpd.GeoDataFrame:
    """One VG5000 layer (GEM, VWG, KRS) in EPSG:3035 with ARS, AGS, GEN, BEZ."""
    frame = gpd.read_file(paths.bkg / f"VG5000_{layer}.shp", columns=["ARS", "AGS", "GEN", "BEZ"])
    if frame.crs is None or frame.crs.to_epsg() != 31467:
        raise ValueError(f"VG5000_{layer}: expected EPSG:31467, found {frame.crs}")
    geometry = shapely.transform(frame.geometry.to_numpy(), _transformer(_DE_TO_WORK))
    return gpd.GeoDataFrame(frame.drop(columns="geometry"), geometry=geometry, crs=WORK_CRS)


def read_nl_gemeenten(paths: RawPaths) -> gpd.GeoDataFrame:
    """CBS gemeenten 2015 (TopoJSON, WGS 84 without CRS) in EPSG:3035."""
    frame = gpd.read_file(f"TopoJSON:{paths.nl_gemeenten}", layer="layer")
    frame = frame[["statcode", "statnaam", "provincie", "corop_gebied", "geometry"]]
    geometry = shapely.transform(frame.geometry.to_numpy(), _transformer(_LONLAT_TO_WORK))
    return gpd.GeoDataFrame(frame.drop(columns="geometry"), geometry=geometry, crs=WORK_CRS)


def read_nl_area(paths: RawPaths) -> dict[str, float]:
    """Total area (land + water) in km² per gemeente code, CBS key figures 2015."""
    frame = gpd.read_file(
        f"TopoJSON:{paths.nl_gemeente_detail}",
        layer="layer",
        columns=["gemeentecode", "oppervlakte_totaal_in_ha", "water"],
        read_geometry=False,
    )
    frame = frame[frame["gemeentecode"].notna() & (frame["water"] == "NEE")]
    if frame["gemeentecode"].duplicated().any():
        raise ValueError("GemeenteDetail: more than one land row per gemeente")
    return {
        str(code): float(hectares) / 100.0
        for code, hectares in zip(
            frame["gemeentecode"], frame["oppervlakte_totaal_in_ha"], strict=True
        )
    }


def read_pc4(paths: RawPaths) -> pd.DataFrame:
    """PC4 → gemeente with population 1-1-2021 (CBS) plus the PO-box codes only 4pp lists.

    ``place`` is the CBS place name (4pp's for PO-box codes); ``alt_places`` joins with ``;``
    4pp's place name where it differs and its PostNL spellings (useful to match addresses).
    """
    codes = {name: code for code, name in NL_GEMEENTEN.items()}
    population = pd.read_csv(paths.pc4_population, dtype=str, encoding="utf-8-sig")
    unknown = sorted(set(population["gemeente"]) - set(codes))
    if unknown:
        raise ValueError(f"postcodes.csv: gemeente outside the project area: {unknown}")
    pp = pd.read_csv(paths.pc4_4pp, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    pp = pp[pp["gemeente"].isin(codes)]
    spellings: dict[str, list[str]] = {}
    for record in pp.to_dict("records"):
        names = [str(record["woonplaats"])]
        names += [part.strip() for part in str(record["alternatieve_schrijfwijzen"]).split(";")]
        spellings[str(record["postcode"]).zfill(4)] = names

    rows: list[dict[str, Any]] = [
        {
            "pc4": str(record["postcode"]).zfill(4),
            "region_id": codes[str(record["gemeente"])],
            "place": str(record["plaats"]),
            "population": int(str(record["inwoners"])),
        }
        for record in population.to_dict("records")
    ]
    known = {row["pc4"] for row in rows}
    rows += [
        {
            "pc4": str(record["postcode"]).zfill(4),
            "region_id": codes[str(record["gemeente"])],
            "place": str(record["woonplaats"]),
            "population": None,
        }
        for record in pp.to_dict("records")
        if str(record["postcode"]).zfill(4) not in known
    ]
    for row in rows:
        seen = {row["place"]}
        alternatives: list[str] = []
        for name in spellings.get(row["pc4"], []):
            if name and name not in seen:
                seen.add(name)
                alternatives.append(name)
        row["alt_places"] = ";".join(alternatives)
    frame = pd.DataFrame(rows, columns=["pc4", "region_id", "place", "population", "alt_places"])
    frame["population"] = frame["population"].astype("Int64")
    return frame.sort_values("pc4", kind="stable").reset_index(drop=True)


def read_plz(paths: RawPaths) -> pd.DataFrame:
    """PLZ → Gemeinde (8-digit AGS) for Landkreis Emsland."""
    frame = pd.read_csv(paths.plz, dtype=str, encoding="utf-8-sig")
    frame["region_id"] = frame["ags"].str.strip().str.zfill(8)
    frame = frame[frame["region_id"].str.startswith(KREIS_ARS)]
    out = pd.DataFrame(
        {
            "plz": frame["plz"].str.strip().str.zfill(5),
            "region_id": frame["region_id"],
            "name": frame["ort"],
        }
    )
    return out.sort_values(["plz", "region_id"], kind="stable").reset_index(drop=True)


def read_zensus(paths: RawPaths) -> dict[str, int]:
    """Zensus 2022 population per Gemeinde, keyed by 8-digit AGS."""
    frame = pd.read_csv(paths.zensus, sep=";", dtype=str, encoding="utf-8-sig")
    frame = frame[frame["1_variable_code"] == "GEOGM4"]
    ars = frame["1_variable_attribute_code"].str.strip()
    ags = ars.str[:5] + ars.str[9:12]
    return {
        str(key): int(str(value))
        for key, value in zip(ags, frame["value"], strict=True)
        if str(key).startswith(KREIS_ARS)
    }


def read_gv_area(paths: RawPaths) -> dict[str, float]:
    """Area in km² per Gemeinde (Gemeindeverzeichnis 31.12.2019), keyed by 8-digit AGS."""
    frame = pd.read_csv(paths.gemeindeverzeichnis, dtype=str, encoding="utf-8-sig")
    frame = frame[frame["satzart"] == "60"]
    ags = frame["land"] + frame["rb"] + frame["kreis"] + frame["gemeinde"]
    return {
        str(key): float(str(value).strip())
        for key, value in zip(ags, frame["flaeche"], strict=True)
        if str(key).startswith(KREIS_ARS)
    }


# --- geometry -------------------------------------------------------------------------------


@dataclass
class Piece:
    """One polygon of the working coverage (EPSG:3035)."""

    key: str
    country: str
    role: str  # "core", "context" or "outline" (Drenthe gemeente only used for PV22)
    name: str
    geometry: BaseGeometry
    group: str = ""  # code of the context area it belongs to
    parent: str = ""  # parent region of a core piece
    province: str = ""  # NL province code (PV..)


def _small_holes(geometries: Sequence[BaseGeometry], max_hole_km2: float) -> list[shapely.Polygon]:
    """Holes smaller than ``max_hole_km2`` in the union of ``geometries`` (gaps between them)."""
    union = shapely.union_all(np.asarray(geometries, dtype=object))
    holes = [
        shapely.Polygon(ring)
        for polygon in getattr(union, "geoms", [union])
        for ring in polygon.interiors
    ]
    return [hole for hole in holes if hole.area < max_hole_km2 * 1e6]


def _holes_area_km2(geometries: Sequence[BaseGeometry], max_hole_km2: float) -> tuple[int, float]:
    holes = _small_holes(geometries, max_hole_km2)
    return len(holes), sum(hole.area for hole in holes) / 1e6


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """Only the polygons of ``geometry`` (overlays may leave lines or points behind)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [
        part
        for part in getattr(geometry, "geoms", [geometry])
        if part.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(np.asarray(parts, dtype=object)) if parts else shapely.Polygon()


def _drop_small_parts(geometry: BaseGeometry, min_km2: float) -> BaseGeometry:
    parts = [part for part in getattr(geometry, "geoms", [geometry]) if part.area >= min_km2 * 1e6]
    if not parts:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def build_pieces(
    nl: gpd.GeoDataFrame,
    gemeinden: gpd.GeoDataFrame,
    kreise: gpd.GeoDataFrame,
) -> list[Piece]:
    """The working coverage: DE pieces first (they win overlaps), then NL pieces."""
    core = shapely.union_all(
        np.concatenate(
            [
                nl.loc[nl["statcode"].isin(NL_GEMEENTEN), "geometry"].to_numpy(),
                gemeinden.geometry.to_numpy(),
            ]
        )
    )
    frame = core.buffer(CONTEXT_RADIUS_M)

    pieces = [
        Piece(str(row.AGS), "DE", "core", str(row.GEN), row.geometry, parent=str(row.ARS)[:9])
        for row in gemeinden.sort_values("AGS").itertuples()
    ]
    context_kreise = kreise[(kreise["ARS"] != KREIS_ARS) & kreise.intersects(frame)]
    pieces += [
        Piece(str(row.ARS), "DE", "context", f"{row.BEZ} {row.GEN}", row.geometry, str(row.ARS))
        for row in context_kreise.sort_values("ARS").itertuples()
    ]

    def successor(code: str, name: str) -> tuple[str, str]:
        return NL_SUCCESSORS.get(code, (code, name))

    touching = nl[~nl["statcode"].isin(NL_GEMEENTEN) & nl.intersects(frame)]
    context_groups = {
        successor(str(c), str(n))[0]
        for c, n in zip(touching["statcode"], touching["statnaam"], strict=True)
    }
    for row in nl.sort_values("statcode").itertuples():
        code = str(row.statcode)
        group, name = successor(code, str(row.statnaam))
        province = str(row.provincie)
        if code in NL_GEMEENTEN:
            pieces.append(
                Piece(code, "NL", "core", name, row.geometry, parent=COROP_CODE, province=province)
            )
        elif group in context_groups:
            pieces.append(
                Piece(code, "NL", "context", name, row.geometry, group, province=province)
            )
        elif province == PROVINCE_CODE:
            pieces.append(Piece(code, "NL", "outline", name, row.geometry, province=province))
    return pieces


def clean_and_simplify(pieces: list[Piece], report: Report) -> list[Piece]:
    """One valid coverage across both sides, simplified as a whole (see module docstring)."""
    geometries = np.asarray([piece.geometry for piece in pieces], dtype=object)
    is_de = np.asarray([piece.country == "DE" for piece in pieces])
    for side, mask in (("DE", is_de), ("NL", ~is_de)):
        if not shapely.coverage_is_valid(geometries[mask]):
            report.add(f"note: the raw {side} coverage is not clean; coverage_clean repairs it")
    overlap = shapely.intersection(
        shapely.union_all(geometries[is_de]), shapely.union_all(geometries[~is_de])
    ).area
    gaps = _small_holes(list(geometries), max_hole_km2=5.0)
    widest = max((2 * shapely.maximum_inscribed_circle(gap).length for gap in gaps), default=0.0)
    report.add(
        f"raw sources: NL∩DE overlap {overlap / 1e6:.3f} km², {len(gaps)} border gaps "
        f"totalling {sum(gap.area for gap in gaps) / 1e6:.3f} km² (widest {widest:.0f} m)"
    )

    cleaned = shapely.coverage_clean(geometries, gap_width=GAP_WIDTH_M, merge_strategy="min_index")
    cleaned = np.asarray([_polygonal(geometry) for geometry in cleaned], dtype=object)
    if shapely.is_empty(cleaned).any():
        raise ValueError("coverage_clean emptied a polygon")
    n_gaps, gap_km2 = _holes_area_km2(list(cleaned), max_hole_km2=5.0)
    report.add(f"after coverage_clean: {n_gaps} gaps left, {gap_km2:.4f} km²")

    simplified = shapely.coverage_simplify(cleaned, SIMPLIFY_TOLERANCE_M)
    if not shapely.coverage_is_valid(simplified):
        raise ValueError("coverage_simplify did not return a valid coverage")
    report.add(
        f"vertices: raw {shapely.get_num_coordinates(geometries).sum()}, "
        f"cleaned {shapely.get_num_coordinates(cleaned).sum()}, "
        f"simplified {shapely.get_num_coordinates(simplified).sum()} "
        f"(tolerance {SIMPLIFY_TOLERANCE_M:.0f} m)"
    )
    return [
        dataclasses.replace(piece, geometry=geometry)
        for piece, geometry in zip(pieces, simplified, strict=True)
    ]


def _to_output(geometries: Iterable[BaseGeometry]) -> np.ndarray:
    """EPSG:3035 → EPSG:4326, rounded to ``COORD_DECIMALS``; must stay valid."""
    array = np.asarray(list(geometries), dtype=object)
    lonlat = shapely.transform(array, _inverse_transformer(_LONLAT_TO_WORK))
    rounded = shapely.transform(lonlat, lambda coords: np.round(coords, COORD_DECIMALS))
    rounded = shapely.remove_repeated_points(rounded)
    invalid = ~shapely.is_valid(rounded)
    if invalid.any():
        reasons = shapely.is_valid_reason(rounded[invalid])
        raise ValueError(f"rounding made geometries invalid: {list(reasons)}")
    return rounded


def _round_again(geometry: BaseGeometry) -> BaseGeometry:
    """Round vertices an overlay created (stays on the same 10^-5 degree grid)."""
    rounded = shapely.transform(geometry, lambda coords: np.round(coords, COORD_DECIMALS))
    rounded = shapely.remove_repeated_points(rounded)
    if not rounded.is_valid:
        rounded = _polygonal(shapely.make_valid(rounded))
    return rounded


def _require(found: dict[str, Any], keys: Iterable[str], what: str) -> None:
    missing = sorted(set(keys) - set(found))
    if missing:
        raise ValueError(f"{what}: no value for {missing}")


def output_figures(regions: list[Region]) -> list[str]:
    """Overlaps and gaps between the drawn map units, measured in EPSG:3035 after rounding."""
    drawn = [region for region in regions if region.level in ("gemeente", "gemeinde", "context")]
    geometries = shapely.transform(
        np.asarray([region.geometry for region in drawn], dtype=object),
        _transformer(_LONLAT_TO_WORK),
    )
    countries = np.asarray([region.country for region in drawn])
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    areas = shapely.area(shapely.intersection(geometries[left], geometries[right]))
    across = countries[left] != countries[right]
    n_gaps, gap_km2 = _holes_area_km2(list(geometries), max_hole_km2=5.0)
    return [
        f"output: pairwise overlap of map units {areas[~across].sum():.1f} m² within a country, "
        f"{areas[across].sum():.1f} m² NL–DE; {n_gaps} gaps, {gap_km2 * 1e6:.1f} m²"
    ]


def build_regions(
    pieces: list[Piece],
    vwg: gpd.GeoDataFrame,
    kreis: gpd.GeoDataFrame,
    nl_population: dict[str, int],
    nl_area: dict[str, float],
    de_population: dict[str, int],
    de_area: dict[str, float],
    report: Report,
) -> tuple[list[Region], BaseGeometry]:
    """All features of regions.geojson and the national border (both EPSG:4326)."""
    nl_core = [p.key for p in pieces if p.country == "NL" and p.role == "core"]
    de_core = [p.key for p in pieces if p.country == "DE" and p.role == "core"]
    _require(nl_population, nl_core, "NL population (postcodes.csv)")
    _require(nl_area, [p.key for p in pieces if p.province == PROVINCE_CODE], "NL area")
    _require(de_population, de_core, "Zensus 2022 population")
    _require(de_area, de_core, "Gemeindeverzeichnis area")
    core_3035 = shapely.union_all(
        np.asarray([piece.geometry for piece in pieces if piece.role == "core"], dtype=object)
    )
    frame_3035 = core_3035.buffer(CONTEXT_RADIUS_M, quad_segs=8).simplify(FRAME_SIMPLIFY_M)

    # Context areas: dissolve merged gemeenten, clip to the frame, drop crumbs (still metres).
    context: dict[tuple[str, str], list[Piece]] = {}
    for piece in pieces:
        if piece.role == "context":
            context.setdefault((piece.country, piece.group), []).append(piece)
    context_geometries: list[BaseGeometry] = []
    context_keys: list[tuple[str, str, str]] = []
    for (country, group), parts in sorted(context.items()):
        union = shapely.coverage_union_all(
            np.asarray([part.geometry for part in parts], dtype=object)
        )
        clipped = _drop_small_parts(
            _polygonal(shapely.intersection(union, frame_3035)), MIN_CONTEXT_PART_KM2
        )
        if clipped.is_empty:
            continue
        context_geometries.append(clipped)
        context_keys.append((country, group, parts[0].name))

    # Core pieces and (unclipped) Drenthe gemeenten, the building blocks of the higher levels.
    kept = [piece for piece in pieces if piece.role == "core" or piece.province == PROVINCE_CODE]
    base = dict(
        zip(
            [piece.key for piece in kept],
            _to_output(piece.geometry for piece in kept),
            strict=True,
        )
    )
    context_out = [_round_again(geometry) for geometry in _to_output(context_geometries)]

    def union_of(codes: Iterable[str]) -> BaseGeometry:
        return shapely.coverage_union_all(np.asarray([base[code] for code in codes], dtype=object))

    regions: list[Region] = []

    # NL: gemeenten, COROP, province.
    nl_codes = sorted(NL_GEMEENTEN)
    for code in nl_codes:
        regions.append(
            Region(
                code=code,
                country="NL",
                level="gemeente",
                name=NL_GEMEENTEN[code],
                geometry=base[code],
                parent_id=COROP_CODE,
                population=nl_population[code],
                population_year=NL_POPULATION_YEAR,
                population_source=NL_POPULATION_SOURCE,
                area_km2=round(nl_area[code], 2),
            )
        )
    regions.append(
        Region(
            code=COROP_CODE,
            country="NL",
            level="corop",
            name=COROP_NAME,
            geometry=union_of(nl_codes),
            parent_id=PROVINCE_CODE,
            population=sum(nl_population[code] for code in nl_codes),
            population_year=NL_POPULATION_YEAR,
            population_source=NL_POPULATION_SOURCE,
            area_km2=round(sum(round(nl_area[code], 2) for code in nl_codes), 2),
        )
    )
    drenthe = sorted(piece.key for piece in pieces if piece.province == PROVINCE_CODE)
    regions.append(
        Region(
            code=PROVINCE_CODE,
            country="NL",
            level="province",
            name=PROVINCE_NAME,
            geometry=union_of(drenthe),
            area_km2=round(sum(round(nl_area[code], 2) for code in drenthe), 2),
            is_context=True,
        )
    )

    # DE: Gemeinden, Verwaltungsgemeinschaften, Kreis.
    gemeinden = sorted(
        piece.key for piece in pieces if piece.country == "DE" and piece.role == "core"
    )
    names = {piece.key: piece.name for piece in pieces}
    vwg_of = {piece.key: piece.parent for piece in pieces if piece.key in gemeinden}
    for ags in gemeinden:
        regions.append(
            Region(
                code=ags,
                country="DE",
                level="gemeinde",
                name=names[ags],
                geometry=base[ags],
                parent_id=vwg_of[ags],
                population=de_population[ags],
                population_year=DE_POPULATION_YEAR,
                population_source=DE_POPULATION_SOURCE,
                area_km2=de_area[ags],
            )
        )
    for row in vwg.sort_values("ARS").itertuples():
        code = str(row.ARS)
        members = sorted(ags for ags, parent in vwg_of.items() if parent == code)
        if not members:
            raise ValueError(f"Verwaltungsgemeinschaft {code} has no member Gemeinde")
        regions.append(
            Region(
                code=code,
                country="DE",
                level="verwaltungsgemeinschaft",
                name=str(row.GEN),
                geometry=union_of(members),
                parent_id=KREIS_ARS,
                population=sum(de_population[ags] for ags in members),
                population_year=DE_POPULATION_YEAR,
                population_source=DE_POPULATION_SOURCE,
                area_km2=round(sum(de_area[ags] for ags in members), 2),
                vwg_type=str(row.BEZ),
            )
        )
    kreis_row = kreis.iloc[0]
    regions.append(
        Region(
            code=KREIS_ARS,
            country="DE",
            level="kreis",
            name=f"{kreis_row.BEZ} {kreis_row.GEN}",
            geometry=union_of(gemeinden),
            population=sum(de_population[ags] for ags in gemeinden),
            population_year=DE_POPULATION_YEAR,
            population_source=DE_POPULATION_SOURCE,
            area_km2=round(sum(de_area[ags] for ags in gemeinden), 2),
        )
    )

    for (country, group, name), geometry in zip(context_keys, context_out, strict=True):
        regions.append(
            Region(
                code=group,
                country=country,
                level="context",
                name=name,
                geometry=geometry,
                is_context=True,
            )
        )

    regions.sort(key=lambda region: (LEVEL_ORDER[region.level], region.country, region.code))
    for region in regions:
        region.geometry = shapely.orient_polygons(region.geometry, exterior_cw=True)
        if region.geometry.is_empty or not region.geometry.is_valid:
            raise ValueError(f"{region.code}: empty or invalid geometry")

    border = national_border(regions)
    report.lines.extend(output_figures(regions))
    length_km = shapely.transform(border, _transformer(_LONLAT_TO_WORK)).length / 1000
    n_lines = len(getattr(border, "geoms", [border]))
    report.add(f"national border: {length_km:.1f} km in {n_lines} line(s)")
    return regions, border


def national_border(regions: list[Region]) -> BaseGeometry:
    """The boundary shared by the NL and the DE map units (gemeenten, Gemeinden, context)."""
    drawn = [r for r in regions if r.level in ("gemeente", "gemeinde", "context")]
    nl = shapely.union_all(
        np.asarray([r.geometry for r in drawn if r.country == "NL"], dtype=object)
    )
    de = shapely.union_all(
        np.asarray([r.geometry for r in drawn if r.country == "DE"], dtype=object)
    )
    shared = shapely.intersection(nl.boundary, de.boundary)
    lines = [
        part
        for part in getattr(shared, "geoms", [shared])
        if part.geom_type in ("LineString", "MultiLineString")
    ]
    merged = shapely.line_merge(shapely.union_all(np.asarray(lines, dtype=object)))
    return shapely.normalize(merged)


# --- writing --------------------------------------------------------------------------------


def _coords(ring: Any) -> list[list[float]]:
    return [[round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)] for x, y in ring.coords]


def geometry_json(geometry: BaseGeometry) -> dict[str, Any]:
    """GeoJSON geometry with rounded coordinates, keeping shapely's ring order."""
    if geometry.geom_type == "Polygon":
        return {
            "type": "Polygon",
            "coordinates": [_coords(geometry.exterior)] + [_coords(r) for r in geometry.interiors],
        }
    if geometry.geom_type == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [
                [_coords(p.exterior)] + [_coords(r) for r in p.interiors] for p in geometry.geoms
            ],
        }
    if geometry.geom_type == "LineString":
        return {"type": "LineString", "coordinates": _coords(geometry)}
    if geometry.geom_type == "MultiLineString":
        return {
            "type": "MultiLineString",
            "coordinates": [_coords(line) for line in geometry.geoms],
        }
    raise ValueError(f"unexpected geometry type {geometry.geom_type}")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def feature_collection_text(features: list[dict[str, Any]]) -> str:
    """Compact GeoJSON, one feature per line (small and still diff-friendly)."""
    body = ",\n".join(_dumps(feature) for feature in features)
    return '{"type":"FeatureCollection","features":[\n' + body + "\n]}\n"


def regions_text(regions: list[Region]) -> str:
    return feature_collection_text(
        [
            {
                "type": "Feature",
                "id": region.code,
                "properties": region.properties(),
                "geometry": geometry_json(region.geometry),
            }
            for region in regions
        ]
    )


def border_text(border: BaseGeometry) -> str:
    if border.geom_type == "LineString":
        border = shapely.MultiLineString([border])
    return feature_collection_text(
        [
            {
                "type": "Feature",
                "id": "NL-DE",
                "properties": {"name": "NL–DE border", "countries": "NL;DE"},
                "geometry": geometry_json(border),
            }
        ]
    )


def csv_text(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


# --- main -----------------------------------------------------------------------------------


def prepare(raw: Path, out: Path) -> Report:
    """Read the raw inputs below ``raw`` and write the reference files into ``out``."""
    paths = RawPaths.below(raw)
    report = Report()

    nl = read_nl_gemeenten(paths)
    gem = read_bkg(paths, "GEM")
    gemeinden = gem[gem["ARS"].str.startswith(KREIS_ARS)].copy()
    vwg_all = read_bkg(paths, "VWG")
    vwg = vwg_all[vwg_all["ARS"].str.startswith(KREIS_ARS)].copy()
    kreise = read_bkg(paths, "KRS")
    kreis = kreise[kreise["ARS"] == KREIS_ARS]

    pc4 = read_pc4(paths)
    pieces = build_pieces(nl, gemeinden, kreise)
    pieces = clean_and_simplify(pieces, report)
    regions, border = build_regions(
        pieces,
        vwg,
        kreis,
        nl_population={
            str(code): int(total)
            for code, total in pc4.dropna(subset=["population"])
            .groupby("region_id")["population"]
            .sum()
            .items()
        },
        nl_area=read_nl_area(paths),
        de_population=read_zensus(paths),
        de_area=read_gv_area(paths),
        report=report,
    )

    regions_json = regions_text(regions)
    _write(out / "regions.geojson", regions_json)
    _write(out / "national_border.geojson", border_text(border))
    _write(out / "pc4_gemeente.csv", csv_text(pc4))
    _write(out / "plz_gemeinde.csv", csv_text(read_plz(paths)))
    report.add(
        f"regions.geojson: {len(regions)} features, {len(regions_json.encode('utf-8')) / 1024:.1f} KB"
    )
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m etl.geo_prepare", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW, help="raw data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    if not args.raw.is_dir():
        parser.error(f"raw data folder not found: {args.raw}")
    report = prepare(args.raw, args.out)
    for line in report.lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
