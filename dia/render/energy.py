"""The energy page's figures, drawn from the frames of dia.data.energy; sample figures are
outlined on the map and hatched in the bars."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go

from core.i18n import Lang, plotly_separators, translate
from dia.data.energy import SAMPLE_LEGEND, Measure
from dia.data.regions import map_shapes
from dia.render.maps import area_map

# Okabe–Ito colours: distinguishable with colour-blindness and in print.
TECHNOLOGY_COLOURS: Final[dict[str, str]] = {
    "solar": "#E69F00",
    "wind": "#0072B2",
    "biomass": "#009E73",
    "hydro": "#56B4E9",
}
SAMPLE_COLOUR: Final = "#D55E00"
SAMPLE_PATTERN: Final = "/"
YEAR_COLOURS: Final = ("#9ecae1", "#08519c")  # the first year light, the last dark


def _outline(geojson: dict[str, Any], region_ids: Iterable[str]) -> tuple[list[Any], list[Any]]:
    """Longitudes and latitudes of the regions' outer rings, separated by None."""
    wanted = set(region_ids)
    lons: list[Any] = []
    lats: list[Any] = []
    for feature in geojson["features"]:
        if feature["id"] not in wanted:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            ring = polygon[0]
            lons.extend([point[0] for point in ring] + [None])
            lats.extend([point[1] for point in ring] + [None])
    return lons, lats


def capacity_map(frame: pd.DataFrame, measure: Measure, lang: Lang) -> go.Figure:
    """The cross-border choropleth (``energy.map_frame``); sample figures are outlined and
    named in the legend."""
    figure = area_map(
        frame,
        lang,
        colourbar_title=translate(lang, measure.unit),
        # integer ticks would round 0.25 MW per km² to 0
        tickformat=",.2f" if measure.decimals > 1 else ",d",
    )
    sample_ids = frame.loc[frame["is_sample"], "region_id"]
    if not sample_ids.empty:
        lons, lats = _outline(map_shapes()[0], sample_ids)
        figure.add_trace(
            go.Scattergeo(
                lon=lons,
                lat=lats,
                mode="lines",
                line={"color": SAMPLE_COLOUR, "width": 3, "dash": "dot"},
                name=translate(lang, SAMPLE_LEGEND),
                hoverinfo="skip",
                showlegend=True,
            )
        )
    return figure


def _sample_pattern(is_sample: pd.Series) -> dict[str, Any]:
    """Hatching over the bar's own colour where a figure is sample data."""
    return {
        "shape": [SAMPLE_PATTERN if flag else "" for flag in is_sample],
        "fgcolor": SAMPLE_COLOUR,
        "fillmode": "overlay",
        "solidity": 0.4,
    }


def _sample_legend(lang: Lang) -> go.Bar:
    """A legend entry explaining the hatching of sample bars."""
    return go.Bar(
        x=[None],
        y=[None],
        orientation="h",
        name=translate(lang, SAMPLE_LEGEND),
        marker={
            "color": "#d9d9d9",
            "pattern": {
                "shape": SAMPLE_PATTERN,
                "fgcolor": SAMPLE_COLOUR,
                "fillmode": "overlay",
                "solidity": 0.4,
            },
        },
        hoverinfo="skip",
    )


def _bar_layout(figure: go.Figure, rows: int, x_title: str, lang: Lang) -> go.Figure:
    figure.update_layout(
        height=max(320, 90 + 22 * rows),
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        separators=plotly_separators(lang),
        legend={
            "orientation": "h",
            "y": 1.02,
            "yanchor": "bottom",
            "x": 0,
            "traceorder": "normal",
        },
        xaxis={"title": {"text": x_title}, "tickformat": ",d"},
        yaxis={"automargin": True},
    )
    return figure


def _bars(
    figure: go.Figure, frame: pd.DataFrame, x: str, group: str, colours: list[str], lang: Lang
) -> None:
    """One horizontal bar trace per ``group`` of ``frame`` (in the frame's order), named by
    its ``name`` column; sample bars hatched, hover from the frame."""
    for (_key, part), colour in zip(frame.groupby(group, sort=False), colours, strict=True):
        figure.add_trace(
            go.Bar(
                y=part["label"],
                x=part[x],
                orientation="h",
                name=part["name"].iloc[0],
                marker={"color": colour, "pattern": _sample_pattern(part["is_sample"])},
                customdata=part["hover"],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    if frame["is_sample"].any():
        figure.add_trace(_sample_legend(lang))


def growth_figure(frame: pd.DataFrame, lang: Lang) -> go.Figure:
    """Capacity at the end of two years per map unit, largest on top (``energy.growth``)."""
    figure = go.Figure()
    named = frame.rename(columns={"year_label": "name"})
    _bars(figure, named, "capacity_mw", "year", list(YEAR_COLOURS), lang)
    figure.update_layout(barmode="group")
    return _bar_layout(figure, len(frame), "MW", lang)


def mix_figure(frame: pd.DataFrame, lang: Lang) -> go.Figure:
    """Share of each technology in a map unit's capacity, stacked to 100 % (``energy.mix``)."""
    figure = go.Figure()
    colours = [TECHNOLOGY_COLOURS[t] for t in frame["technology"].drop_duplicates()]
    _bars(figure, frame, "percent", "technology", colours, lang)
    figure.update_layout(barmode="stack")
    return _bar_layout(figure, frame["region_id"].nunique(), "%", lang)
