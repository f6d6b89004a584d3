"""The overview page's figures: measures on the cross-border map and headline numbers."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from core.i18n import N_, Lang, fmt_number, translate
from dia.render.style import BORDER_LABEL
from dia.render.maps import region_map
from dia.privacy import fmt_count, is_small, published_series
from dia.data.regions import UNIT_LABELS, DeLevel, map_shapes, region_facts, unit_title

AREA = N_("Area")


@dataclass(frozen=True)
class Measure:
    key: str
    label: str  # msgid
    unit: str  # msgid
    column: str
    decimals: int
    is_count: bool = False  # a count of companies: masked below 5 for funders


MEASURES: tuple[Measure, ...] = (
    Measure("population", N_("Population"), N_("inhabitants"), "population", 0),
    Measure("density", N_("Population density"), N_("inhabitants per km²"), "density", 0),
    Measure("members", N_("Member companies"), N_("member companies"), "members", 0, True),
)


def hover_lines(frame: pd.DataFrame, measure: Measure, lang: Lang, mask: bool = False) -> pd.Series:
    def line(row: pd.Series) -> str:
        value = (
            fmt_count(row[measure.column], lang, mask=mask)
            if measure.is_count
            else fmt_number(row[measure.column], lang, measure.decimals)
        )
        return (
            unit_title(row, lang)
            + "<br>"
            f"{translate(lang, measure.label)}: {value}"
            f" {translate(lang, measure.unit)}<br>"
            f"{translate(lang, AREA)}: {fmt_number(row['area_km2'], lang, 1)} km²"
        )

    return frame.apply(line, axis=1)


def overview_map(measure: Measure, de_level: DeLevel, lang: Lang, mask: bool = False) -> go.Figure:
    """``mask``: small counts (funders) get the colour of zero and "<5" in the hover."""
    geojson, context_ids = map_shapes()
    frame = region_facts(de_level)
    shown = frame
    if measure.is_count and mask:
        counts = frame[measure.column].astype(float)
        shown = frame.assign(**{measure.column: published_series(counts, mask=True).fillna(0.0)})
    return region_map(
        geojson,
        shown,
        value_column=measure.column,
        hover_text=hover_lines(frame, measure, lang, mask),
        colourbar_title=translate(lang, measure.unit),
        lang=lang,
        context_ids=context_ids,
        border_label=translate(lang, BORDER_LABEL),
    )


@dataclass(frozen=True)
class Headline:
    population_nl: int
    population_de: int
    area_km2: float
    municipalities_nl: int
    municipalities_de: int


def headline() -> Headline:
    gemeinden = region_facts("gemeinde")
    nl = gemeinden[gemeinden["country"] == "NL"]
    de = gemeinden[gemeinden["country"] == "DE"]
    return Headline(
        population_nl=int(nl["population"].sum()),
        population_de=int(de["population"].sum()),
        area_km2=float(gemeinden["area_km2"].sum()),
        municipalities_nl=len(nl),
        municipalities_de=len(de),
    )
