"""The members page's figures, drawn from the frames of dia.data.members (counts there are
already published as the viewer may see them)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from core.i18n import N_, Lang, translate
from dia.data.members import MEMBERS, MapMeasure
from dia.policy import ASSOCIATIONS
from dia.render.charts import layout
from dia.render.maps import area_map
from dia.render.style import ASSOCIATION_COLOURS


def member_map(frame: pd.DataFrame, measure: MapMeasure, lang: Lang) -> go.Figure:
    """The cross-border map of members (``frame`` from ``members.map_frame``)."""
    figure = area_map(frame, lang, colourbar_title=translate(lang, measure.unit))
    if measure.decimals:
        figure.update_traces(selector={"name": "regions"}, colorbar_tickformat=",.1f")
    return figure


def sector_figure(frame: pd.DataFrame, lang: Lang) -> go.Figure:
    """Memberships per NACE section, one bar per association (``members.by_sector``)."""
    figure = go.Figure()
    for association in ASSOCIATIONS:
        part = frame[frame["association"] == association]
        figure.add_bar(
            y=part["label"],
            x=part["height"],
            orientation="h",
            name=association,
            marker_color=ASSOCIATION_COLOURS[association],
            text=part["text"],
            textposition="outside",
            customdata=[
                [full or label, text]
                for full, label, text in zip(
                    part["full_label"], part["label"], part["text"], strict=True
                )
            ],
            hovertemplate=f"<b>{association}</b> · %{{customdata[0]}}<br>"
            + translate(lang, MEMBERS)
            + ": %{customdata[1]}<extra></extra>",
        )
    top = float(frame["height"].max()) if not frame.empty else 1.0
    figure.update_xaxes(
        title=translate(lang, N_("Members")),
        showgrid=True,
        gridcolor="#eeeeee",
        range=[0, top * 1.15],  # room for the labels behind the bars
    )
    figure.update_yaxes(title=None)
    title = translate(lang, N_("Members by sector (NACE section)"))
    return layout(figure, lang, title, 560).update_layout(barmode="group")


def size_figure(frame: pd.DataFrame, lang: Lang) -> go.Figure:
    """Memberships per EU size class, one bar per association (``members.by_size``)."""
    figure = go.Figure()
    for association in ASSOCIATIONS:
        part = frame[frame["association"] == association]
        figure.add_bar(
            x=part["label"],
            y=part["height"],
            name=association,
            marker_color=ASSOCIATION_COLOURS[association],
            text=part["text"],
            textposition="outside",
            customdata=part["text"],
            hovertemplate=f"<b>{association}</b> · %{{x}}<br>"
            + translate(lang, MEMBERS)
            + ": %{customdata}<extra></extra>",
        )
    top = float(frame["height"].max()) if not frame.empty else 1.0
    figure.update_yaxes(
        title=translate(lang, N_("Members")), gridcolor="#eeeeee", range=[0, top * 1.12]
    )
    figure.update_xaxes(title=translate(lang, N_("Size class (employees)")))
    title = translate(lang, N_("Members by company size"))
    return layout(figure, lang, title, 560).update_layout(barmode="group")


def timeline_figure(frame: pd.DataFrame, lang: Lang) -> go.Figure:
    """Joins (up) and leavers (down) per year and association, members at each year's end
    (``members.timeline``)."""
    figure = go.Figure()
    joined = translate(lang, N_("joined"))
    left = translate(lang, N_("left"))
    members = translate(lang, N_("members at year end"))
    for association in ASSOCIATIONS:
        part = frame[frame["association"] == association]
        if part.empty:
            continue
        figure.add_bar(
            x=part["year"],
            y=part["joined_height"],
            name=f"{association} · {joined}",
            marker_color=ASSOCIATION_COLOURS[association],
            customdata=part["joined_text"],
            hovertemplate=f"{association} %{{x}}: %{{customdata}} {joined}<extra></extra>",
            offsetgroup=association,
        )
        figure.add_bar(
            x=part["year"],
            y=-part["left_height"],
            name=f"{association} · {left}",
            marker_color=ASSOCIATION_COLOURS[association],
            marker_pattern_shape="/",
            opacity=0.6,
            customdata=part["left_text"],
            hovertemplate=f"{association} %{{x}}: %{{customdata}} {left}<extra></extra>",
            offsetgroup=association,
        )
        figure.add_scatter(
            x=part["year"],
            y=part["stock"],
            name=f"{association} · {members}",
            mode="lines",
            line={"color": ASSOCIATION_COLOURS[association], "width": 2},
            yaxis="y2",
            customdata=part["stock_text"],
            hovertemplate=f"{association} %{{x}}: %{{customdata}} {members}<extra></extra>",
        )
    figure.update_layout(
        yaxis={
            "title": translate(lang, N_("Joined (up) and left (down)")),
            "gridcolor": "#eeeeee",
            "zeroline": True,
        },
        yaxis2={
            "title": translate(lang, N_("Members at year end")),
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
            "tickmode": "auto",
            "tickformat": ",d",
            "showgrid": False,
        },
        xaxis={
            "title": translate(lang, N_("Year")),
            "dtick": 1 if frame["year"].nunique() <= 16 else 5,
        },
        barmode="relative",
    )
    layout(figure, lang, translate(lang, N_("Joins and leavers per year")), 500)
    figure.update_layout(
        barmode="relative",
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0, "xanchor": "left"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )
    return figure
