"""The overview page's frames: measures per map unit and headline numbers (the map is drawn
by dia.render.overview)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.i18n import N_, Lang, fmt_number, translate
from dia.data.regions import DeLevel, region_facts, unit_title
from dia.policy import Viewer
from dia.privacy import fmt_count, published_series

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


def map_frame(measure: Measure, de_level: DeLevel, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    """Map units with the ``value`` to colour and the ``hover`` text. Counts of companies as
    the viewer may see them: for funders a small count gets the colour of zero and "<5"."""
    mask = measure.is_count and viewer.mask_small_counts()
    frame = region_facts(de_level)
    values = frame[measure.column]
    if mask:
        values = published_series(values.astype(float), mask=True).fillna(0.0)

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

    return frame.assign(value=values, hover=frame.apply(line, axis=1))


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
