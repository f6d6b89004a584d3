"""The training page's figures: training and places per occupation group on each side, and the
cross-border map of one group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core.i18n import N_, Lang, fmt_number, translate
from dia.data import labour
from dia.data.training import FIGURE_LABELS, FIGURES, HELP_LABELS
from dia.policy import Viewer
from dia.privacy import fmt_count, numeric_for_chart
from dia.render.charts import layout
from dia.render.maps import (
    SIDE_BAR_POSITIONS,
    region_map,
    side_by_side_map,
    side_colourbar,
)
from dia.render.style import BORDER_LABEL

# Per side the figures drawn as bars, in this order.
BARS: Final[dict[str, tuple[str, ...]]] = {
    "NL": ("NL_mbo_enrolled", "NL_mbo_graduates", "NL_internship_places"),
    "DE": ("DE_training_places", "DE_applicants", "DE_unfilled_places"),
}
BAR_COLOURS: Final[dict[str, str]] = {
    "NL_mbo_enrolled": "#f4a259",
    "NL_mbo_graduates": "#e07a1f",
    "NL_internship_places": "#9c4f0d",
    "DE_training_places": "#5b8fc7",
    "DE_applicants": "#2d5f94",
    "DE_unfilled_places": "#c0392b",
}
# The map colours each side on its own scale (NL orange, DE blue), as the labour map does.
SIDE_SCALES: Final[dict[str, list[list[float | str]]]] = {
    "NL": [[0, "#fdebd3"], [1, "#b35806"]],
    "DE": [[0, "#deebf7"], [1, "#08519c"]],
}
MAP_MEASURES: Final[dict[str, tuple[str, str]]] = {
    "NL": ("internship_places", N_("NL: internship and work-based places (SBB) per gemeente")),
    "DE": ("training_places", N_("DE: training places, Landkreis Emsland")),
}
# (country, level, measure) of all pathways → its column of the per-group table.
FIGURE_COLUMNS: Final[dict[tuple[str, str, str], str]] = {
    (country, level, measure): column
    for column, (country, level, measure, pathway) in FIGURES.items()
    if pathway is None
}
BARS_TITLE = N_("Vocational training per occupation group: each side with its own measures")
MAP_TITLE = N_("{group}: places for trainees on both sides of the border")
SIDE_TITLES: Final[dict[str, str]] = {
    "NL": N_("Zuidoost-Drenthe: mbo and SBB"),
    "DE": N_("Emsland: Ausbildungsmarkt"),
}
STATUS_LINE = N_("Labour market: {status}")
KREIS_VALUE = N_("figure for the whole Landkreis Emsland")
SAMPLE = N_("sample data")


def _label(code: str, labels: Mapping[str, str]) -> str:
    return labour.group_label(code, labels)


def vocational(table: pd.DataFrame) -> pd.DataFrame:
    """Groups with vocational training figures on at least one side."""
    columns = [c for side in BARS.values() for c in side]
    return table[table[columns].notna().any(axis=1)]


def bars_figure(
    table: pd.DataFrame, labels: Mapping[str, str], lang: Lang, viewer: Viewer
) -> go.Figure:
    """Two panels (NL left, DE right) sharing the occupation groups; never one axis across the
    border, because the measures are not the same (docs/training.md)."""
    mask = viewer.mask_small_counts()
    shown = vocational(table).sort_values("isco_group", ascending=False)
    names = [_label(code, labels) for code in shown["isco_group"]]
    figure = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=[translate(lang, SIDE_TITLES[c]) for c in ("NL", "DE")],
    )
    for column, country in enumerate(("NL", "DE"), start=1):
        for measure in BARS[country]:
            values = shown[measure]
            figure.add_bar(
                y=names,
                x=numeric_for_chart(values, mask=mask),
                orientation="h",
                name=translate(lang, FIGURE_LABELS[measure]),
                marker_color=BAR_COLOURS[measure],
                text=[fmt_count(v, lang, mask=mask) if v == v else "" for v in values],
                textposition="outside",
                hovertemplate="%{y}<br>%{fullData.name}: %{text}<extra></extra>",
                row=1,
                col=column,
            )
    figure.update_layout(barmode="group", bargap=0.25)
    # Room for the value labels right of the longest bar of each panel.
    for column, country in enumerate(("NL", "DE"), start=1):
        top = shown[list(BARS[country])].max().max()
        if top == top:
            figure.update_xaxes(range=[0, float(top) * 1.18], row=1, col=column)
    layout(figure, lang, translate(lang, BARS_TITLE), height=200 + 70 * len(shown))
    # Legend below, so it does not cover the two panels' titles.
    figure.update_layout(
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.04, "yanchor": "top"},
        margin={"b": 90},
    )
    return figure


def _hover(row: pd.Series, group: str, labels: Mapping[str, str], lang: Lang, mask: bool) -> str:
    lines = [f"<b>{row['name']}</b> ({row['country']})", _label(group, labels)]
    status = row.get("status")
    if isinstance(status, str):
        lines.append(
            translate(lang, STATUS_LINE, status=translate(lang, labour.STATUS_LABELS[status]))
        )
    for label, value in row["figures"]:
        lines.append(f"{translate(lang, label)}: {fmt_count(value, lang, mask=mask)}")
    if row["country"] == "DE":
        lines.append(f"<i>{translate(lang, KREIS_VALUE)}</i>")
    for direction in row.get("help") or []:
        lines.append(f"→ {translate(lang, HELP_LABELS[direction])}")
    if row["is_sample"]:
        lines.append(f"<i>{translate(lang, SAMPLE)}</i>")
    return "<br>".join(lines)


def map_frame(places: pd.DataFrame, table: pd.DataFrame, group: str) -> pd.DataFrame:
    """Per map unit the group's places (the measure of ``MAP_MEASURES``), the other figures of
    the unit for the hover, and the side's labour status and help."""
    rows = places[places["isco_group"] == group]
    units = []
    row_of = table.set_index("isco_group")
    for (region_id, name, country), unit in rows.groupby(["region_id", "name", "country"]):
        measure = MAP_MEASURES[str(country)][0]
        value = unit.loc[unit["measure"] == measure, "value"].sum(min_count=1)
        figures = [
            (FIGURE_LABELS[column], v)
            for lvl, m, v in zip(unit["level"], unit["measure"], unit["value"], strict=True)
            if (column := FIGURE_COLUMNS.get((str(country), lvl, m))) is not None
        ]
        info = row_of.loc[group] if group in row_of.index else None
        units.append(
            {
                "region_id": region_id,
                "name": name,
                "country": country,
                "value": value,
                "figures": figures,
                "status": info[f"{country}_status"] if info is not None else None,
                "help": info["help"] if info is not None else [],
                "is_sample": bool(unit["is_sample"].any()),
            }
        )
    return pd.DataFrame(units)


def places_map(
    frame: pd.DataFrame,
    geojson: dict[str, Any],
    context_ids: list[str],
    group: str,
    labels: Mapping[str, str],
    lang: Lang,
    viewer: Viewer,
) -> go.Figure:
    mask = viewer.mask_small_counts()
    layers = []
    for position, country in SIDE_BAR_POSITIONS:
        side = frame[frame["country"] == country] if len(frame) else frame
        if side.empty:
            continue
        values = numeric_for_chart(side["value"], mask=mask)
        layers.append(
            {
                "frame": side.assign(shown=values),
                "value_column": "shown",
                "hover_text": side.apply(_hover, axis=1, args=(group, labels, lang, mask)),
                "colourbar_title": "",
                "colourscale": SIDE_SCALES[country],
                "colourbar": side_colourbar(position, translate(lang, MAP_MEASURES[country][1])),
            }
        )
    if not layers:
        empty = pd.DataFrame({"region_id": [], "shown": []})
        return region_map(
            geojson,
            empty,
            value_column="shown",
            hover_text=pd.Series(dtype=str),
            colourbar_title="",
            lang=lang,
            context_ids=context_ids,
            border_label=translate(lang, BORDER_LABEL),
        )
    figure = side_by_side_map(geojson, layers, lang=lang, context_ids=context_ids, height=580)
    # Each side's colours run from 0 to its own highest value (one value: full colour).
    regions = [trace for trace in figure.data if str(trace.name).startswith("regions")]
    for trace in regions:
        values = [v for v in trace.z if v is not None and v == v]
        if values:
            trace.update(zmin=0, zmax=max(values))
    label = _label(group, labels)
    short = label if len(label) <= 48 else label[:47].rstrip() + "…"
    title = translate(lang, MAP_TITLE, group=short)
    figure.update_layout(
        title={"text": title, "x": 0, "font": {"size": 15}},
        margin={"l": 0, "r": 0, "t": 40, "b": 110},
    )
    return figure


def fmt_value(value: object, lang: Lang, *, mask: bool) -> str:
    if not isinstance(value, int | float) or value != value:
        return "–"
    return fmt_count(value, lang, mask=mask) if mask else fmt_number(value, lang)
