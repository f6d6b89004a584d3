"""The cooperation page's figures: activities over time, who takes part from each side, the map
of collaborations across the border, the sector matrix and the engagement funnel.

Functions take the viewer's language and, where companies, persons or collaborations are
counted, ``mask``: funders see counts of 1–4 as "<5" (dia.privacy). Counts of activities and
milestones say nothing about a member and are shown as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.cells import csv_bytes
from core.codes import (
    ACTIVITY_TYPES,
    COLLABORATION_TYPES,
    FORMATS,
    ORGANISERS,
    THEMES,
    label,
)
from core.i18n import N_, Lang, fmt_date, fmt_percent, translate
from dia.data.project import QUARTER
from dia.data.regions import DeLevel, map_shapes, region_facts, unit_title
from dia.data.warehouse import query
from dia.policy import Viewer
from dia.privacy import (
    MASK,
    fmt_count,
    fmt_total,
    is_small,
    published,
    published_series,
    rate,
)
from dia.render.charts import bar_values, layout
from dia.render.maps import link_map
from dia.render.style import (
    ASSOCIATION_COLOURS,
    BORDER_LABEL,
    CODE_COLOURS,
    GUIDE_GREY,
    SIDE_COLOURS,
)

Breakdown = Literal["format", "theme"]
BREAKDOWNS: Final[dict[Breakdown, str]] = {"format": N_("Format"), "theme": N_("Theme")}
TIMELINE_TITLES: Final[dict[str, str]] = {
    "format": N_("Activities per quarter by format, with milestones"),
    "theme": N_("Activities per quarter by theme, with milestones"),
}
ParticipantMeasure = Literal["companies", "persons"]
PARTICIPANT_MEASURES: Final[dict[ParticipantMeasure, str]] = {
    "companies": N_("Companies"),
    "persons": N_("Persons"),
}
COLLABORATING: Final = ("active", "completed")
SIDE_NAMES: Final[dict[str, str]] = {"NL": N_("Netherlands"), "DE": N_("Germany")}
FUNNEL_STAGES: Final[tuple[tuple[str, str], ...]] = (
    ("members", N_("Members during the project")),
    ("took_part", N_("Took part in an activity")),
    ("matched", N_("Matched with a partner across the border")),
    ("collaborating", N_("Collaborating (active or completed)")),
)
MILESTONE_COLOUR: Final = "#444444"


@dataclass(frozen=True)
class Headline:
    activities: int
    cross_border_activities: int
    companies_nl: int
    companies_de: int
    persons: int
    collaborating: int
    planned: int
    stopped: int


def headline() -> Headline:
    row = query("coop_headline").iloc[0]
    return Headline(
        **{
            name: int(row[name])
            for name in (
                "activities",
                "cross_border_activities",
                "companies_nl",
                "companies_de",
                "persons",
                "collaborating",
                "planned",
                "stopped",
            )
        }
    )


# --- time series ----------------------------------------------------------------------------


def _quarter_middle(day: pd.Series) -> pd.Series:
    start = pd.to_datetime(day).dt.to_period("Q").dt.start_time
    return start + pd.Timedelta(days=45)


def _quarter_axis(figure: go.Figure, first: dt.date, last: dt.date, lang: Lang) -> None:
    """Quarters as ticks, named in the language (plotly's own date labels are English)."""
    quarters = pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq="Q")
    figure.update_xaxes(
        tickvals=[q.start_time + pd.Timedelta(days=45) for q in quarters],
        # The year under the quarter, so a dozen quarters fit without slanting.
        ticktext=[
            translate(lang, QUARTER, quarter=q.quarter, year=q.year).replace(" ", "<br>", 1)
            for q in quarters
        ],
        tickangle=0,
        range=[quarters[0].start_time, quarters[-1].end_time],
    )


def activity_timeline(
    breakdown: Breakdown,
    milestones: pd.DataFrame,
    lang: Lang,
    *,
    project: tuple[dt.date, dt.date],
) -> go.Figure:
    """Activities per quarter, stacked by format or theme, with the milestones above them."""
    frame = query("coop_activities", free_text=False)  # counts only
    frame = frame.assign(quarter=_quarter_middle(frame["date"]))
    codes = FORMATS if breakdown == "format" else THEMES
    counts = frame.groupby(["quarter", breakdown]).size().rename("activities").reset_index()
    figure = go.Figure()
    for code in codes:
        part = counts[counts[breakdown] == code]
        if part.empty:
            continue
        figure.add_trace(
            go.Bar(
                x=part["quarter"],
                y=part["activities"],
                name=label(codes, code, lang),
                marker_color=CODE_COLOURS.get(code),
                width=75 * 24 * 3600 * 1000,  # ms: a quarter's bar with a gap
                hovertemplate="%{y}<extra>%{fullData.name}</extra>",
            )
        )
    top = int(counts.groupby("quarter")["activities"].sum().max()) if not counts.empty else 1
    _milestone_marks(figure, milestones, lang, y=top + 1.2)
    figure.update_layout(barmode="stack", bargap=0.1)
    figure.update_yaxes(title=translate(lang, N_("Activities")), rangemode="tozero")
    _quarter_axis(figure, project[0], project[1], lang)
    title = TIMELINE_TITLES[breakdown]
    return layout(figure, lang, translate(lang, title), height=420)


def _milestone_marks(figure: go.Figure, milestones: pd.DataFrame, lang: Lang, y: float) -> None:
    """Reached milestones as filled diamonds (with a dotted line down), open ones hollow at
    their planned date."""
    if milestones.empty:
        return
    done = milestones["done_on"].notna()
    when = pd.to_datetime(milestones["done_on"].where(done, milestones["planned_on"]))
    states = milestones["state"].map(MILESTONE_STATES).map(lambda m: translate(lang, m))
    text = [
        f"<b>{row.work_package}</b> · {row.milestone}<br>{state}: {fmt_date(day.date(), lang)}"
        for row, state, day in zip(milestones.itertuples(index=False), states, when, strict=True)
    ]
    figure.add_trace(
        go.Scatter(
            x=when,
            y=[y] * len(milestones),
            mode="markers",
            marker={
                "symbol": np.where(done, "diamond", "diamond-open").tolist(),
                "size": 11,
                "color": [MILESTONE_STATE_COLOURS[s] for s in milestones["state"]],
                "line": {"width": 1.5, "color": MILESTONE_COLOUR},
            },
            text=text,
            hovertemplate="%{text}<extra></extra>",
            name=translate(lang, N_("Milestones")),
            showlegend=False,
        )
    )
    milestone_legend(figure, milestones["state"], lang)
    # All lines in one layout update: add_vline per line re-validates the whole layout.
    line = {"width": 1, "dash": "dot", "color": GUIDE_GREY}
    lines = [
        {"type": "line", "xref": "x", "yref": "y domain", "x0": day, "x1": day, "y0": 0,
         "y1": 1, "line": line}
        for day in when[done]
    ]  # fmt: skip
    figure.update_layout(shapes=[*figure.layout.shapes, *lines])


MILESTONE_STATES: Final[dict[str, str]] = {
    "done": N_("Reached on time"),
    "done late": N_("Reached late"),
    "overdue": N_("Overdue"),
    "open": N_("Planned"),
}
MILESTONE_STATE_COLOURS: Final[dict[str, str]] = {
    "done": "#009E73",
    "done late": "#E69F00",
    "overdue": "#D55E00",
    "open": "#ffffff",
}


def milestone_legend(figure: go.Figure, states: Iterable[str], lang: Lang) -> None:
    """One legend entry per milestone state shown (on time, late, overdue, planned), so every
    colour of the diamonds is explained."""
    present = set(states)
    for state, message in MILESTONE_STATES.items():
        if state not in present:
            continue
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "symbol": "diamond-open" if state == "open" else "diamond",
                    "size": 11,
                    # an open diamond is drawn in its marker colour: dark, not white
                    "color": MILESTONE_COLOUR if state == "open" else MILESTONE_STATE_COLOURS[state],
                    "line": {"width": 1.5, "color": MILESTONE_COLOUR},
                },
                name=translate(lang, message),
                legendgroup="milestones",
                hoverinfo="skip",
            )
        )


def participants_figure(
    measure: ParticipantMeasure,
    lang: Lang,
    *,
    mask: bool,
    project: tuple[dt.date, dt.date],
) -> go.Figure:
    """Companies (or persons) taking part per quarter, Dutch and German side by side."""
    frame = query("coop_participants")
    frame = frame.assign(quarter=_quarter_middle(frame["quarter"]))
    figure = go.Figure()
    for side in ("NL", "DE"):
        part = frame[frame["side"] == side]
        heights, labels = bar_values(part[measure].astype(int), lang, mask=mask)
        figure.add_trace(
            go.Bar(
                x=part["quarter"],
                y=heights,
                text=labels,
                textposition="outside",
                name=translate(lang, SIDE_NAMES[side]),
                marker_color=SIDE_COLOURS[side],
                width=36 * 24 * 3600 * 1000,
                hovertemplate="%{text}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(title=translate(lang, PARTICIPANT_MEASURES[measure]), rangemode="tozero")
    _quarter_axis(figure, project[0], project[1], lang)
    title = (
        N_("Companies taking part per quarter, by side of the border")
        if measure == "companies"
        else N_("Persons taking part per quarter, by side of the border")
    )
    return layout(figure, lang, translate(lang, title), height=380)


# --- map and matrix -------------------------------------------------------------------------


def link_figure(
    de_level: DeLevel, statuses: list[str], lang: Lang, *, mask: bool
) -> tuple[go.Figure, int]:
    """Lines between the municipalities of collaborating companies (width by number, colour by
    type), and how many collaborations the map cannot place."""
    geojson, context_ids = map_shapes()
    links = query("coop_links", de_level=de_level, statuses=statuses)
    unplaced = int(
        links.loc[links["de_region"].isna() | links["nl_region"].isna(), "collaborations"].sum()
    )
    links = links.dropna(subset=["nl_region", "de_region"])
    facts = region_facts(de_level)
    names = dict(zip(facts["region_id"], facts["name"], strict=True))

    regions = facts.assign(text=facts.apply(unit_title, axis=1, lang=lang))
    small = links["collaborations"].map(is_small) if mask else pd.Series(False, index=links.index)
    # Width grows with the square root, so one busy link does not drown the others; a masked
    # link is drawn thin, so its width does not tell the count either.
    shown = published_series(links["collaborations"], mask=mask).fillna(0)
    width = (1.5 + 2.2 * np.sqrt(shown)).where(~small, 1.5)
    text = [
        f"{names.get(row.nl_region, row.nl_region)} – {names.get(row.de_region, row.de_region)}<br>"
        f"{label(COLLABORATION_TYPES, row.type, lang)}: {fmt_count(row.collaborations, lang, mask=mask)}"
        for row in links.itertuples(index=False)
    ]
    frame = pd.DataFrame(
        {
            "from_id": links["nl_region"],
            "to_id": links["de_region"],
            "group": links["type"],
            "width": width,
            "text": text,
        }
    )
    groups = {
        code: (label(COLLABORATION_TYPES, code, lang), CODE_COLOURS[code])
        for code in COLLABORATION_TYPES
    }
    figure = link_map(
        geojson,
        regions,
        frame,
        groups=groups,
        lang=lang,
        context_ids=context_ids,
        border_label=translate(lang, BORDER_LABEL),
        height=600,
    )
    return figure, unplaced


def sector_matrix_figure(statuses: list[str], lang: Lang, *, mask: bool) -> go.Figure:
    """Collaborations by the NACE section of the Dutch (rows) and the German partner (columns)."""
    frame = query("coop_sector_matrix", statuses=statuses, lang=lang)
    unknown = translate(lang, N_("Sector unknown"))
    frame = frame.assign(
        label_nl=frame["label_nl"].fillna(unknown), label_de=frame["label_de"].fillna(unknown)
    )
    rows = frame.drop_duplicates("section_nl").sort_values("section_nl")
    columns = frame.drop_duplicates("section_de").sort_values("section_de")
    grid = frame.pivot_table(
        index="section_nl", columns="section_de", values="collaborations", aggfunc="sum"
    ).reindex(index=rows["section_nl"], columns=columns["section_de"])
    # A masked cell gets the colour of zero (its "<5" stays readable), an empty one none; the
    # totals in the labels are masked the same way.
    shown = grid.map(lambda v: v if v != v else published(v, mask=True) or 0.0) if mask else grid
    text = grid.map(lambda v: "" if v != v else fmt_count(v, lang, mask=mask))
    row_totals, column_totals = grid.sum(axis=1), grid.sum(axis=0)
    y_labels = [
        _with_total(name, total, lang, mask=mask)
        for name, total in zip(rows["label_nl"], row_totals, strict=True)
    ]
    x_labels = [
        _with_total(name, total, lang, mask=mask)
        for name, total in zip(columns["label_de"], column_totals, strict=True)
    ]
    figure = go.Figure(
        go.Heatmap(
            z=shown.to_numpy(),
            x=x_labels,
            y=y_labels,
            text=text.to_numpy(),
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            zmax=max(float(shown.max().max()) if shown.notna().any().any() else 1.0, 1.0),
            showscale=False,
            hovertemplate=(
                translate(lang, N_("Dutch partner"))
                + ": %{y}<br>"
                + translate(lang, N_("German partner"))
                + ": %{x}<br>%{text}<extra></extra>"
            ),
            xgap=2,
            ygap=2,
        )
    )
    figure.update_xaxes(title=translate(lang, N_("Sector of the German partner")), side="bottom")
    figure.update_yaxes(
        title=translate(lang, N_("Sector of the Dutch partner")), autorange="reversed"
    )
    height = max(320, 60 + 34 * len(rows))
    return layout(
        figure, lang, translate(lang, N_("Collaborations by sector of the partners")), height=height
    )


def _with_total(name: str, total: float, lang: Lang, *, mask: bool) -> str:
    shown = fmt_total(total, lang, mask=mask)
    return f"{name} ({shown})" if shown else name


def funnel_figure(lang: Lang, *, mask: bool) -> go.Figure:
    """Members → took part → matched → collaborating, per association, each stage with its
    share of the association's members."""
    frame = query("coop_funnel")
    stages = [translate(lang, message) for _key, message in FUNNEL_STAGES]
    figure = go.Figure()
    for row in frame.itertuples(index=False):
        counts = pd.Series([int(getattr(row, key)) for key, _label in FUNNEL_STAGES])
        heights, labels = bar_values(counts, lang, mask=mask)
        shares = [
            ""
            if i == 0 or label_ == MASK or not counts[0]
            else f" ({fmt_percent(rate(c, published(counts[0], mask=mask) or 0, mask=mask) or 0, lang)})"
            for i, (c, label_) in enumerate(zip(counts, labels, strict=True))
        ]
        figure.add_trace(
            go.Bar(
                y=stages,
                x=heights,
                orientation="h",
                text=[f"{t}{s}" for t, s in zip(labels, shares, strict=True)],
                textposition="outside",
                cliponaxis=False,
                name=label(ORGANISERS, row.association, lang),
                marker_color=ASSOCIATION_COLOURS[row.association],
                hovertemplate="%{y}: %{text}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(autorange="reversed")
    largest = float(frame["members"].max()) if not frame.empty else 1.0
    figure.update_xaxes(range=[0, largest * 1.25])  # room for the labels right of the bars
    return layout(
        figure,
        lang,
        translate(lang, N_("From member to partner: engagement per association")),
        height=400,
    )


# --- tables ---------------------------------------------------------------------------------


def activity_table(lang: Lang, viewer: Viewer) -> pd.DataFrame:
    """Every activity with its labels in the language and who took part from each side; the
    title (free text) only for viewers the policy lets see it (not funders)."""
    mask = viewer.mask_small_counts()
    frame = query("coop_activities", free_text=viewer.sees_free_text())
    table = pd.DataFrame(
        {
            translate(lang, N_("Date")): frame["date"],
            translate(lang, N_("Activity")): frame["title"],
            translate(lang, N_("Type")): [label(ACTIVITY_TYPES, c, lang) for c in frame["type"]],
            translate(lang, N_("Format")): [label(FORMATS, c, lang) for c in frame["format"]],
            translate(lang, N_("Theme")): [label(THEMES, c, lang) for c in frame["theme"]],
            translate(lang, N_("Venue")): frame["venue"].fillna("–"),
            translate(lang, N_("Organiser")): frame["organiser"].map(
                lambda c: "OE + WVE" if c == "both" else c
            ),
            translate(lang, N_("Companies NL")): frame["companies_nl"],
            translate(lang, N_("Companies DE")): frame["companies_de"],
            translate(lang, N_("Cross-border")): frame["is_cross_border"].map(
                {True: translate(lang, N_("yes")), False: translate(lang, N_("no"))}
            ),
        }
    )
    if not viewer.sees_free_text():
        table = table.drop(columns=translate(lang, N_("Activity")))
    if mask:  # as text throughout: a column of numbers and "<5" does not convert to Arrow
        for column in (translate(lang, N_("Companies NL")), translate(lang, N_("Companies DE"))):
            table[column] = [fmt_count(v, lang, mask=True) for v in table[column]]
    return table


def activity_csv(lang: Lang, viewer: Viewer) -> bytes:
    """The activity table as the viewer sees it, as a CSV whose text can never run as a formula
    (the table toolbar's own download is switched off)."""
    return csv_bytes(activity_table(lang, viewer))
