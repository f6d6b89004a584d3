"""Charts and the map of the labour market page (figures from ``dia.data.labour``).

Each side keeps its own colour (NL orange, DE blue) and, for ratios, its own axis or colour
scale: NL and DE ratios are defined differently and are never drawn on one scale.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core.i18n import N_, Lang, fmt_date, fmt_number, plotly_separators, translate
from dia.data.labour import (
    COUNTRIES,
    MEASURES,
    Area,
    fmt_period,
    fmt_ratio,
    group_label,
    status_label,
)
from dia.data.regions import unit_kind
from dia.policy import Viewer
from dia.privacy import fmt_count, numeric_for_chart
from dia.render.maps import (
    SIDE_BAR_POSITIONS,
    side_by_side_map,
    side_colourbar,
)
from dia.render.style import GUIDE_GREY

# (vacancies, job seekers) per side; status shades for the ratio bars.
SIDE_COLOURS: Final[dict[str, tuple[str, str]]] = {
    "NL": ("#c2561a", "#f4b183"),
    "DE": ("#1f5c99", "#9dc3e6"),
}
STATUS_SHADES: Final[dict[str, dict[str, str]]] = {
    "NL": {
        "shortage": "#a3410f",
        "balanced": "#e98b4f",
        "surplus": "#f8cfae",
        "unknown": "#d9d9d9",
    },
    "DE": {
        "shortage": "#17467a",
        "balanced": "#5b93cf",
        "surplus": "#c3daf0",
        "unknown": "#d9d9d9",
    },
}
# Sequential scales that start at a visible tint, so a slack group never looks like "no data".
SIDE_SCALES: Final[dict[str, list[list[float | str]]]] = {
    "NL": [[0.0, "#fde3cc"], [0.5, "#f08a3e"], [1.0, "#7f2704"]],
    "DE": [[0.0, "#d8e7f5"], [0.5, "#4f8fcb"], [1.0, "#08306b"]],
}
BREAK_COLOUR: Final = GUIDE_GREY
LABEL_WIDTH: Final = 46

MEASURE_LABELS: Final[dict[str, dict[str, str]]] = {
    "NL": {
        "vacancies": N_("Open vacancies"),
        "job_seekers": N_("WW benefits (< 6 months)"),
    },
    "DE": {
        "vacancies": N_("Registered vacancies"),
        "job_seekers": N_("Unemployed (target occupation)"),
    },
}
RATIO_LABELS: Final[dict[str, str]] = {
    "NL": N_("Open vacancies per WW benefit (< 6 months)"),
    "DE": N_("Registered vacancies per unemployed person"),
}
SAMPLE = N_("sample data")
ALL_OCCUPATIONS = N_("all occupations")
NUMBER = N_("Number")
VALUE_FOR = N_("Value for {area} ({count} municipalities), the finest level published")
POPULATION = N_("Inhabitants")
BASIS = N_("Population update, basis {basis}")
SERIES_BREAK = N_("Series break: new basis Zensus 2022")
EMPLOYEES = N_("Employees subject to social insurance")
EMPLOYEE_GROUPS: Final[dict[str | None, str]] = {
    None: N_("Total"),
    "GESM": N_("Men"),
    "GESW": N_("Women"),
    "NATA": N_("Foreign nationals"),
}


LABEL_GAP_PX: Final = 4  # between a bar (or the reference line) and its label


def _short(text: str) -> str:
    """A long occupation name wraps onto a second line rather than being cut ("…" would hide
    what the group is)."""
    return text if len(text) <= LABEL_WIDTH else "<br>".join(textwrap.wrap(text, LABEL_WIDTH))


def side_title(area: Area, lang: Lang) -> str:
    """``NL · labour market region Drenthe (sample data)``: side, area and whether it is sample."""
    sample = f" ({translate(lang, SAMPLE)})" if area.is_sample else ""
    return f"{area.country} · {area.title(lang)}{sample}"


def panel_title(area: Area, lang: Lang) -> str:
    """Two lines for a chart panel: side and area in bold, the sample mark below."""
    sample = f"<br><i>{translate(lang, SAMPLE)}</i>" if area.is_sample else ""
    return f"<b>{area.country} · {area.title(lang)}</b>{sample}"


def _wrap(text: str, width: int = 30) -> str:
    """Axis titles on narrow panels: break into lines of about ``width`` characters."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def _layout(figure: go.Figure, lang: Lang, height: int) -> go.Figure:
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 80, "b": 40},
        separators=plotly_separators(lang),
        legend={"orientation": "h", "y": -0.08, "x": 0},
        plot_bgcolor="white",
        bargap=0.25,
    )
    figure.update_xaxes(gridcolor="#e6e6e6", zerolinecolor="#bbbbbb")
    return figure


def _row_height(names: list[str], least: int) -> int:
    """Pixels per bar row: enough for the longest wrapped name (up to three lines) not to run
    into its neighbours."""
    lines = max((name.count("<br>") + 1 for name in names), default=1)
    return max(least, 14 * lines + 8)


def _group_order(classified: pd.DataFrame, labels: Mapping[str, str]) -> list[str]:
    """Y categories top to bottom in code order (plotly draws the first category at the bottom)."""
    codes = sorted(classified["isco_group"].unique())
    return [_short(group_label(code, labels)) for code in reversed(codes)]


def counts_figure(
    classified: pd.DataFrame,
    areas: Mapping[str, Area],
    labels: Mapping[str, str],
    lang: Lang,
    viewer: Viewer,
) -> go.Figure:
    """Vacancies and job seekers per ISCO group: one panel per side, each on its own axis;
    counts as the viewer may see them."""
    mask = viewer.mask_small_counts()
    sides = [country for country in COUNTRIES if country in areas]
    figure = make_subplots(
        rows=1,
        cols=len(sides),
        shared_yaxes=True,
        horizontal_spacing=0.03,
        subplot_titles=[panel_title(areas[country], lang) for country in sides],
    )
    order = _group_order(classified, labels)
    for column, country in enumerate(sides, start=1):
        side = classified[classified["country"] == country]
        names = side["isco_group"].map(lambda code: _short(group_label(code, labels)))
        full = side["isco_group"].map(lambda code: group_label(code, labels))
        for measure, colour in zip(MEASURES, SIDE_COLOURS[country], strict=True):
            label = translate(lang, MEASURE_LABELS[country][measure])
            shown = [fmt_count(value, lang, mask=mask) for value in side[measure]]
            figure.add_trace(
                go.Bar(
                    x=numeric_for_chart(side[measure], mask=mask),
                    y=names,
                    orientation="h",
                    name=f"{country} · {label}",
                    marker_color=colour,
                    customdata=list(zip(full, shown, strict=True)),
                    hovertemplate=f"%{{customdata[0]}}<br>{label}: %{{customdata[1]}}<extra>{country}</extra>",
                ),
                row=1,
                col=column,
            )
        figure.update_xaxes(title_text=translate(lang, NUMBER), tickformat=",d", row=1, col=column)
    figure.update_yaxes(categoryorder="array", categoryarray=order)
    figure.update_layout(barmode="group")
    return _layout(figure, lang, 170 + _row_height(order, 34) * len(order))


def tension_figure(
    classified: pd.DataFrame,
    totals: pd.DataFrame,
    areas: Mapping[str, Area],
    labels: Mapping[str, str],
    lang: Lang,
) -> go.Figure:
    """The ratio per ISCO group, one panel and axis per side, with the side's ratio over all
    occupations as reference; bar shade and label give the group's status on its side."""
    sides = [country for country in COUNTRIES if country in areas]
    figure = make_subplots(
        rows=1,
        cols=len(sides),
        shared_yaxes=True,
        horizontal_spacing=0.03,
        subplot_titles=[panel_title(areas[country], lang) for country in sides],
    )
    order = _group_order(classified, labels)
    side_ratio = totals.set_index("country")["ratio"]
    for column, country in enumerate(sides, start=1):
        side = classified[classified["country"] == country]
        names = side["isco_group"].map(lambda code: _short(group_label(code, labels)))
        text = [
            f"{fmt_ratio(ratio, lang)} · {status_label(status, lang)}"
            for ratio, status in zip(side["ratio"], side["status"], strict=True)
        ]
        figure.add_trace(
            go.Bar(
                x=side["ratio"],
                y=names,
                orientation="h",
                marker_color=[STATUS_SHADES[country].get(s, "#d9d9d9") for s in side["status"]],
                customdata=list(
                    zip(side["isco_group"].map(lambda c: group_label(c, labels)), text, strict=True)
                ),
                hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra>" + country + "</extra>",
                showlegend=False,
            ),
            row=1,
            col=column,
        )
        title = translate(lang, RATIO_LABELS[country])
        reference = side_ratio.get(country)
        has_reference = reference is not None and reference == reference
        if has_reference:
            figure.add_vline(
                x=reference,
                line={"color": "#444444", "dash": "dot", "width": 1.5},
                row=1,
                col=column,
            )
            title += f" (⋯ {translate(lang, ALL_OCCUPATIONS)}: {fmt_ratio(reference, lang)})"
        # Each label starts right of its bar, or right of the dotted line when the bar ends
        # before it: a label never runs across the reference line.
        for name, ratio, label in zip(names, side["ratio"], text, strict=True):
            start = ratio if ratio == ratio else 0.0
            if has_reference:
                start = max(start, float(reference))
            figure.add_annotation(
                x=start,
                y=name,
                text=label,
                xanchor="left",
                xshift=LABEL_GAP_PX,
                showarrow=False,
                font={"size": 11},
                row=1,
                col=column,
            )
        top = side["ratio"].max() if side["ratio"].notna().any() else 1.0
        if has_reference:
            top = max(top, float(reference))
        figure.update_xaxes(
            title_text=_wrap(title, 34),
            range=[0, top * 1.6],
            tickformat=".1f",
            row=1,
            col=column,
        )
    figure.update_yaxes(categoryorder="array", categoryarray=order)
    return _layout(figure, lang, 190 + _row_height(order, 30) * len(order))


def _quarter_date(period: str) -> dt.date:
    """``2024-Q2`` → 2024-05-15 (the middle of the quarter, to place points on a time axis)."""
    year, quarter = period.split("-Q")
    return dt.date(int(year), 3 * int(quarter) - 1, 15)


def trend_figure(
    group_trend: pd.DataFrame,
    total_trend: pd.DataFrame,
    areas: Mapping[str, Area],
    group_name: str,
    lang: Lang,
) -> go.Figure:
    """The group's ratio over time next to its side's ratio over all occupations; one panel and
    axis per side."""
    sides = [country for country in COUNTRIES if country in areas]
    figure = make_subplots(
        rows=1,
        cols=len(sides),
        horizontal_spacing=0.08,
        subplot_titles=[panel_title(areas[country], lang) for country in sides],
    )
    for column, country in enumerate(sides, start=1):
        dark, light = SIDE_COLOURS[country]
        for frame, name, colour, dash in (
            (group_trend, _short(group_name), dark, "solid"),
            (total_trend, translate(lang, ALL_OCCUPATIONS), light, "dot"),
        ):
            side = frame[frame["country"] == country]
            figure.add_trace(
                go.Scatter(
                    x=[_quarter_date(period) for period in side["period"]],
                    y=side["ratio"],
                    mode="lines+markers",
                    name=f"{country} · {name}",
                    line={"color": colour, "dash": dash, "width": 2.5},
                    customdata=[
                        (fmt_period(period, lang), fmt_ratio(ratio, lang))
                        for period, ratio in zip(side["period"], side["ratio"], strict=True)
                    ],
                    hovertemplate="%{customdata[0]}: %{customdata[1]}<extra>"
                    + f"{country} · {name}</extra>",
                ),
                row=1,
                col=column,
            )
        figure.update_yaxes(
            title_text=_wrap(translate(lang, RATIO_LABELS[country])),
            rangemode="tozero",
            tickformat=".1f",
            title_font_size=11,
            row=1,
            col=column,
        )
    dates = [_quarter_date(period) for period in pd.concat([group_trend, total_trend])["period"]]
    if dates:
        margin = dt.timedelta(days=50)
        figure.update_xaxes(range=[min(dates) - margin, max(dates) + margin])
    figure.update_xaxes(tickformat="%Y", dtick="M12")
    figure.update_yaxes(gridcolor="#e6e6e6")
    return _layout(figure, lang, 420)


def _map_hover(
    row: pd.Series, labels: Mapping[str, str], group: str, lang: Lang, mask: bool
) -> str:
    kind = unit_kind(row, lang)
    kind_text = f"{kind}, " if kind else ""
    area = Area(
        row["country"], row["region_code"], row["area_name"], row["source_geography"], 0, False
    ).title(lang)
    lines = [f"<b>{row['name']}</b> ({kind_text}{row['country']})"]
    if row["region_code"] != row["region_id"]:
        lines.append(
            translate(lang, VALUE_FOR, area=area, count=fmt_number(row["municipalities"], lang))
        )
    lines.append(f"{group_label(group, labels)}")
    lines.append(
        f"{translate(lang, RATIO_LABELS[row['country']])}: {fmt_ratio(row['ratio'], lang)}"
    )
    measures = MEASURE_LABELS[row["country"]]
    lines.append(
        f"{translate(lang, measures['vacancies'])}: {fmt_count(row['vacancies'], lang, mask=mask)}"
        f" · {translate(lang, measures['job_seekers'])}: "
        f"{fmt_count(row['job_seekers'], lang, mask=mask)}"
    )
    if row["is_sample"]:
        lines.append(f"<i>{translate(lang, SAMPLE)}</i>")
    return "<br>".join(lines)


def tension_map(
    values: pd.DataFrame,
    units: pd.DataFrame,
    geojson: dict[str, Any],
    context_ids: list[str],
    labels: Mapping[str, str],
    group: str,
    scales: Mapping[str, float],
    lang: Lang,
    viewer: Viewer,
) -> go.Figure:
    """The group's ratio on the cross-border map: each side with its own colour scale and
    colour bar (below the map, NL left, DE right). ``scales`` is each side's highest ratio of
    the quarter: the colour runs from 0 to it, so it shows how tight the group is among all
    groups of its own side."""
    mask = viewer.mask_small_counts()
    frame = values.rename(columns={"name": "area_name"}).merge(
        units[["region_id", "name", "level", "vwg_type"]], on="region_id"
    )
    layers = []
    for position, country in SIDE_BAR_POSITIONS:
        side = frame[frame["country"] == country]
        if side.empty:
            continue
        sample = f" ({translate(lang, SAMPLE)})" if side["is_sample"].any() else ""
        title = _wrap(f"{country}: {translate(lang, RATIO_LABELS[country])}{sample}", 44)
        layers.append(
            {
                "frame": side,
                "value_column": "ratio",
                "hover_text": side.apply(_map_hover, axis=1, args=(labels, group, lang, mask)),
                "colourbar_title": "",
                "colourscale": SIDE_SCALES[country],
                "tickformat": ".1f",
                "colourbar": side_colourbar(position, title),
                "zmax": scales.get(country),
            }
        )
    limits = [layer.pop("zmax") for layer in layers]
    figure = side_by_side_map(geojson, layers, lang=lang, context_ids=context_ids, height=600)
    regions = [trace for trace in figure.data if str(trace.name).startswith("regions")]
    for trace, limit in zip(regions, limits, strict=True):
        if limit is not None and limit == limit:
            trace.update(zmin=0, zmax=limit)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 10, "b": 110})
    return figure


def population_figure(frame: pd.DataFrame, lang: Lang) -> go.Figure:
    """Inhabitants on 31 December per basis, the series break between them marked: the lines
    do not join across it."""
    rows = frame[(frame["measure"] == "population") & frame["breakdown"].isna()].sort_values(
        "period"
    )
    figure = go.Figure()
    for basis, colour in zip(rows["basis"].dropna().unique(), ("#9dc3e6", "#1f5c99"), strict=False):
        part = rows[rows["basis"] == basis]
        dates = [dt.date.fromisoformat(period) for period in part["period"]]
        figure.add_trace(
            go.Scatter(
                x=dates,
                y=part["value"],
                mode="lines+markers+text",
                name=translate(lang, BASIS, basis=basis),
                line={"color": colour, "width": 3},
                marker={"size": 10},
                text=[fmt_number(value, lang) for value in part["value"]],
                textposition="top center",
                customdata=[fmt_date(date, lang) for date in dates],
                hovertemplate="%{customdata}: %{text}<extra>%{fullData.name}</extra>",
            )
        )
    breaks = rows[rows["series_break"].fillna(False).astype(bool)]
    if not breaks.empty:
        first_new = dt.date.fromisoformat(breaks["period"].iloc[0])
        before = rows[rows["period"] < breaks["period"].iloc[0]]
        last_old = dt.date.fromisoformat(before["period"].iloc[-1]) if len(before) else first_new
        # The first figure on the new basis is the break; it happened after the last old one.
        midpoint = last_old + (first_new - last_old) / 2
        figure.add_vline(
            x=dt.datetime.combine(midpoint, dt.time(), tzinfo=dt.UTC).timestamp() * 1000,
            line={"color": BREAK_COLOUR, "dash": "dash", "width": 2},
            annotation_text=translate(lang, SERIES_BREAK),
            annotation_position="top left",
            annotation_font_color="#404040",
        )
    low, high = rows["value"].min(), rows["value"].max()
    figure.update_yaxes(
        title_text=translate(lang, POPULATION),
        tickformat=",d",
        range=[low - (high - low) * 0.6, high + (high - low) * 0.6],
        gridcolor="#e6e6e6",
    )
    dates = [dt.date.fromisoformat(period) for period in rows["period"]]
    figure.update_xaxes(
        tickvals=dates,
        ticktext=[fmt_date(date, lang) for date in dates],
        range=[min(dates) - dt.timedelta(days=300), max(dates) + dt.timedelta(days=300)]
        if dates
        else None,
    )
    figure.update_layout(
        height=400,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        separators=plotly_separators(lang),
        legend={"orientation": "h", "y": -0.15, "x": 0},
        plot_bgcolor="white",
    )
    return figure


def employees_figure(frame: pd.DataFrame, lang: Lang) -> go.Figure:
    """SV-Beschäftigte at the workplace on 30 June, total, by sex and foreign nationals: one
    horizontal bar per year, so the numbers fit beside the bars."""
    rows = frame[frame["measure"] == "employees_svb"]
    rows = rows[rows["breakdown_code"].isna() | rows["breakdown_code"].isin(EMPLOYEE_GROUPS)]
    figure = go.Figure()
    shades = ("#9dc3e6", "#1f5c99", "#0b2e59")
    for (period, part), colour in zip(rows.groupby("period"), shades, strict=False):
        date = fmt_date(dt.date.fromisoformat(str(period)), lang)
        keys = [None if pd.isna(code) else code for code in part["breakdown_code"]]
        names = [translate(lang, EMPLOYEE_GROUPS[key]) for key in keys]
        figure.add_trace(
            go.Bar(
                x=part["value"],
                y=names,
                orientation="h",
                name=date,
                marker_color=colour,
                text=[fmt_number(value, lang) for value in part["value"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{text}<extra>" + date + "</extra>",
            )
        )
    # plotly draws the first category at the bottom: reverse for Total on top
    order = [translate(lang, label) for label in reversed(EMPLOYEE_GROUPS.values())]
    figure.update_yaxes(categoryorder="array", categoryarray=order)
    top = rows["value"].max() if len(rows) else 1
    figure.update_xaxes(
        title_text=translate(lang, EMPLOYEES),
        tickformat=",d",
        gridcolor="#e6e6e6",
        range=[0, top * 1.2],
    )
    figure.update_layout(
        height=400,
        barmode="group",
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        separators=plotly_separators(lang),
        legend={"orientation": "h", "y": -0.18, "x": 0, "traceorder": "normal"},
        plot_bgcolor="white",
    )
    return figure
