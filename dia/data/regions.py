"""Regions of the project area: shapes for the map and facts per map unit."""

from __future__ import annotations

import json
from typing import Any, Literal

import pandas as pd
import streamlit as st

from core.i18n import N_, Lang, translate
from dia.data.warehouse import query, version

DeLevel = Literal["gemeinde", "verwaltungsgemeinschaft"]
DE_LEVELS: tuple[DeLevel, ...] = ("verwaltungsgemeinschaft", "gemeinde")
DE_LEVEL_LABELS: dict[str, str] = {
    "verwaltungsgemeinschaft": N_("Samtgemeinden and Einheitsgemeinden"),
    "gemeinde": N_("Gemeinden"),
}
# What one map unit is called, by level or (for DE groupings) by type.
UNIT_LABELS: dict[str, str] = {
    "gemeente": N_("gemeente"),
    "gemeinde": N_("Gemeinde"),
    "Samtgemeinde": N_("Samtgemeinde"),
    "Einheitsgemeinde": N_("Einheitsgemeinde"),
    "kreis": N_("Landkreis"),
}


def feature_collection(shapes: pd.DataFrame) -> dict[str, Any]:
    """The region shapes as one GeoJSON FeatureCollection keyed by region_id."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": row.region_id,
                "properties": {"region_id": row.region_id},
                "geometry": json.loads(row.geometry_geojson),
            }
            for row in shapes.itertuples()
        ],
    }


@st.cache_data(max_entries=4, show_spinner=False)
def _shapes(version_id: str) -> tuple[dict[str, Any], list[str]]:
    shapes = query("region_shapes")
    return feature_collection(shapes), shapes.loc[shapes["is_context"], "region_id"].tolist()


def map_shapes() -> tuple[dict[str, Any], list[str]]:
    """GeoJSON of every drawable region (keyed by region_id) and the ids of grey context areas."""
    return _shapes(version().version_id)


def region_facts(de_level: DeLevel) -> pd.DataFrame:
    """NL gemeenten and the DE units of ``de_level`` with population, area and density."""
    return query("region_facts", de_level=de_level)


def unit_kind(row: pd.Series, lang: Lang) -> str:
    """What the map unit of ``row`` is (gemeente, Samtgemeinde, …) in ``lang``; "" if unknown."""
    kind = row["vwg_type"] if isinstance(row["vwg_type"], str) else row["level"]
    label = UNIT_LABELS.get(kind)
    return translate(lang, label) if label else ""


def unit_title(row: pd.Series, lang: Lang) -> str:
    """The first line of a map unit's hover text: its name, kind and country."""
    return f"<b>{row['name']}</b> ({unit_kind(row, lang)}, {row['country']})"
