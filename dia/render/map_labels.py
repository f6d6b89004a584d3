"""Place names on the maps: municipality labels that never collide, and the two regions named
on either side of the border.

Plotly cannot hide overlapping text by itself, so labels are chosen here: largest areas first
(they have room), each kept only if its box stays clear of the labels already placed. Boxes are
estimated in degrees from the map's scale (the maps are drawn at a fixed height over the same
frame), which is accurate enough to keep labels apart on screen and on slides.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import plotly.graph_objects as go
from shapely.geometry import shape

from core.i18n import N_, Lang, translate
from dia.export.figure_data import BOLD_NAME, as_list, number, plain
from dia.render.maps import national_border

# About 490 px per degree of latitude at the maps' 560 px height; mercator at 52.8° N.
PX_PER_LAT: Final = 490.0
PX_PER_LON: Final = PX_PER_LAT * math.cos(math.radians(52.8))
CHAR_PX: Final = 6.2  # average width of a character at 11 px
LINE_PX: Final = 14.0
LABEL_FONT: Final = {
    "size": 11,
    "color": "#1d1d1d",
    # a white halo keeps names readable on dark fills
    "shadow": "0 0 2px #ffffff, 0 0 3px #ffffff, 0 0 4px #ffffff",
}
ON_DARK_FONT: Final = {"size": 11, "color": "#ffffff", "shadow": "0 0 2px #000000"}
REGION_FONT: Final = {"size": 14, "color": "#333333", "shadow": "0 0 3px #ffffff"}
REGION_NL = N_("Zuidoost-Drenthe (NL)")
REGION_DE = N_("Landkreis Emsland (DE)")


@dataclass(frozen=True)
class Label:
    text: str
    lon: float
    lat: float

    def box(self, pad_px: float = 3.0) -> tuple[float, float, float, float]:
        half_w = (len(self.text) * CHAR_PX / 2 + pad_px) / PX_PER_LON
        half_h = (LINE_PX / 2 + pad_px) / PX_PER_LAT
        return (self.lon - half_w, self.lat - half_h, self.lon + half_w, self.lat + half_h)


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place(candidates: Iterable[tuple[Label, float]]) -> list[Label]:
    """Labels by falling priority, each kept only if it collides with none kept before."""
    kept: list[Label] = []
    boxes: list[tuple[float, float, float, float]] = []
    for label, _priority in sorted(candidates, key=lambda pair: -pair[1]):
        box = label.box()
        if any(_overlaps(box, other) for other in boxes):
            continue
        kept.append(label)
        boxes.append(box)
    return kept


def candidates(geojson: Mapping[str, Any], names: Mapping[str, str]) -> list[tuple[Label, float]]:
    """One label per named region at a point inside it, prioritised by area."""
    found = []
    for feature in geojson["features"]:
        region_id = str(feature["id"])
        if region_id not in names:
            continue
        geometry = shape(feature["geometry"])
        point = geometry.centroid
        if not geometry.contains(point):
            point = geometry.representative_point()
        found.append((Label(names[region_id], point.x, point.y), geometry.area))
    return found


def label_trace(labels: list[Label], *, on_dark: bool = False) -> go.Scattergeo:
    return go.Scattergeo(
        lon=[label.lon for label in labels],
        lat=[label.lat for label in labels],
        text=[label.text for label in labels],
        mode="text",
        textfont=ON_DARK_FONT if on_dark else LABEL_FONT,
        hoverinfo="skip",
        showlegend=False,
        name="labels",
    )


def region_trace(lang: Lang, border_top: tuple[float, float]) -> go.Scattergeo:
    """The two regions named left and right of the border's northern end."""
    lon, lat = border_top
    return go.Scattergeo(
        lon=[lon - 0.12, lon + 0.12],
        lat=[lat + 0.02, lat + 0.02],
        text=[f"◀ {translate(lang, REGION_NL)}", f"{translate(lang, REGION_DE)} ▶"],
        textposition=["middle left", "middle right"],
        mode="text",
        textfont=REGION_FONT,
        hoverinfo="skip",
        showlegend=False,
        name="regions named",
    )


def add_place_names(
    figure: go.Figure,
    geojson: Mapping[str, Any],
    names: Mapping[str, str],
    lang: Lang,
    border_top: tuple[float, float],
    dark: Iterable[str] = (),
) -> go.Figure:
    """Municipality labels that do not collide (with each other or the region names); the
    regions in ``dark`` (deep fills) get white labels."""
    regions = region_trace(lang, border_top)
    taken = [
        (
            Label(
                text,
                lon + (-1 if pos.endswith("left") else 1) * len(text) * CHAR_PX * 0.7 / PX_PER_LON,
                lat,
            ),
            math.inf,
        )
        for text, lon, lat, pos in zip(
            regions.text, regions.lon, regions.lat, regions.textposition, strict=True
        )
    ]
    kept = place([*taken, *candidates(geojson, names)])
    dark_names = {names[region_id] for region_id in dark if region_id in names}
    places = [label for label in kept if label.text not in regions.text]
    figure.add_trace(label_trace([label for label in places if label.text not in dark_names]))
    figure.add_trace(
        label_trace([label for label in places if label.text in dark_names], on_dark=True)
    )
    figure.add_trace(regions)
    return figure


def _bold_name(text: object) -> str | None:
    match = BOLD_NAME.search(str(text))
    return plain(match.group(1)) if match else None


def label_map(figure: go.Figure, lang: Lang) -> go.Figure:
    """Place names on any of our maps, read from the figure itself: the regions of its shaded
    layers, named as in their hover text (``<b>name</b>``). Deep fills (top 40 % of a layer's
    range) get white labels."""
    names: dict[str, str] = {}
    dark: list[str] = []
    geojson: Mapping[str, Any] | None = None
    for trace in figure.data:
        if trace.type != "choropleth" or trace.name == "context" or trace.text is None:
            continue
        geojson = geojson or trace.geojson
        locations = [str(v) for v in as_list(trace.locations)]
        values = [number(v) for v in as_list(trace.z)]
        present = [v for v in values if v is not None]
        low, high = (min(present), max(present)) if present else (0.0, 0.0)
        for region_id, text, value in zip(locations, as_list(trace.text), values, strict=False):
            name = _bold_name(text)
            if name is None:
                continue
            names.setdefault(region_id, name)
            shaded = trace.showscale is not False and value is not None and high > low
            if shaded and (value - low) / (high - low) >= 0.6:  # type: ignore[operator]
                dark.append(region_id)
    if not names or geojson is None:
        return figure
    lons, lats = national_border()
    top = max(
        (
            (lon, lat)
            for lon, lat in zip(lons, lats, strict=True)
            if lon is not None and lat is not None
        ),
        key=lambda point: point[1],
    )
    return add_place_names(figure, geojson, names, lang, top, dark)
