"""The members page's figures and tables: members by association, sector, size class and
municipality, joins and leavers over time, companies in both associations, member lists.

Every function takes the viewer's language and, where counts are shown, ``mask``: funders (and
every export) see counts of 1–4 as "<5" (dia.privacy); charts then show no bar for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.i18n import N_, Lang, fmt_date, fmt_number, plotly_separators, translate
from dia.render.charts import bar_values, layout
from dia.render.style import ASSOCIATION_COLOURS, BORDER_LABEL
from dia.auth import ASSOCIATIONS
from dia.render.maps import region_map
from dia.render.source_words import dates
from dia.privacy import MASK, fmt_count, is_small, published_series
from dia.data.regions import UNIT_LABELS, DeLevel, map_shapes, region_facts, unit_title
from dia.export.spreadsheet import workbook_bytes
from dia.data.warehouse import query, version
from dia.policy import Viewer

AssociationChoice = Literal["ALL", "OE", "WVE"]
ASSOCIATION_CHOICES: Final[tuple[AssociationChoice, ...]] = ("ALL", "OE", "WVE")
ASSOCIATION_LABELS: Final[dict[str, str]] = {
    "ALL": N_("Both associations (companies counted once)"),
    "OE": N_("Ondernemend Emmen (OE)"),
    "WVE": N_("Wirtschaftsverband Emsland (WVE)"),
}
# Colour-blind safe pair, also readable in greyscale print.
SIZE_ORDER: Final = ("micro", "small", "medium", "large", "unknown")
SIZE_LABELS: Final[dict[str, str]] = {
    "micro": N_("Micro (fewer than 10)"),
    "small": N_("Small (10–49)"),
    "medium": N_("Medium-sized (50–249)"),
    "large": N_("Large (250 or more)"),
    "unknown": N_("Unknown"),
}
UNKNOWN_SECTOR: Final = N_("Sector unknown")
MEMBERS: Final = N_("Members")
INHABITANTS: Final = N_("Inhabitants")
SAMPLE_DATA: Final = N_("sample data")


@dataclass(frozen=True)
class MapMeasure:
    key: str
    label: str  # msgid
    unit: str  # msgid
    decimals: int


MAP_MEASURES: Final[tuple[MapMeasure, ...]] = (
    MapMeasure("members", N_("Members"), N_("members"), 0),
    MapMeasure("per_10k", N_("Members per 10,000 inhabitants"), N_("per 10,000 inhabitants"), 1),
)


def today() -> dt.date:
    return dt.date.today()


# --- headline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    members_oe: int
    members_wve: int
    companies: int
    in_both: int
    oe_members_in_de: int
    wve_members_in_nl: int
    is_sample: bool


def headline(as_of: dt.date) -> Headline:
    row = query("members_headline", as_of=as_of).iloc[0]
    return Headline(
        members_oe=int(row["members_oe"]),
        members_wve=int(row["members_wve"]),
        companies=int(row["companies"]),
        in_both=int(row["in_both"]),
        oe_members_in_de=int(row["oe_members_in_de"]),
        wve_members_in_nl=int(row["wve_members_in_nl"]),
        is_sample=bool(row["is_sample"]),
    )


def has_members() -> bool:
    row = query("members_headline", as_of=today()).iloc[0]
    return bool(row["members_oe"] or row["members_wve"])


def sources(lang: Lang) -> list[tuple[str, str]]:
    """(title, vintage) per association whose member lists are loaded, for chart captions."""
    frame = query("member_sources")
    # The bilingual sample label the whole dashboard uses, also in English.
    marker = "voorbeelddata / Beispieldaten"
    sample = f" ({translate(lang, SAMPLE_DATA)} · {marker})" if lang == "en" else f" ({marker})"
    return [
        (
            translate(lang, N_("Member list {owner}"), owner=row.owner)
            + (sample if row.is_sample else ""),
            dates(row.vintage, lang),
        )
        for row in frame.itertuples(index=False)
    ]


# --- map ------------------------------------------------------------------------------------


def region_members(
    association: AssociationChoice, de_level: DeLevel, as_of: dt.date
) -> tuple[pd.DataFrame, int]:
    """Map units with ``members`` and ``per_10k``, and how many members the map cannot show
    (placed only in the Samtgemeinde or Landkreis because their PLZ covers several places)."""
    counts = query("members_by_region", association=association, de_level=de_level, as_of=as_of)
    unplaced = int(counts.loc[counts["region_id"].isna(), "members"].sum())
    facts = (
        region_facts(de_level)
        .drop(columns=["members"], errors="ignore")
        .merge(counts.dropna(subset=["region_id"]), on="region_id", how="left")
    )
    facts["members"] = facts["members"].fillna(0).astype(int)
    facts["per_10k"] = facts["members"] / facts["population"] * 10_000
    return facts, unplaced


def member_map(
    association: AssociationChoice,
    de_level: DeLevel,
    measure: MapMeasure,
    lang: Lang,
    *,
    mask: bool,
    as_of: dt.date,
) -> tuple[go.Figure, int]:
    """The cross-border map of members, and the number of members it cannot place."""
    geojson, context_ids = map_shapes()
    frame, unplaced = region_members(association, de_level, as_of)
    hidden = frame["members"].map(is_small) if mask else pd.Series(False, index=frame.index)
    # Funders: counts and rates from the published (rounded) count; a masked region gets the
    # colour of zero, so neither its count nor its rate can be read off.
    shown = published_series(frame["members"], mask=mask).fillna(0.0)
    frame = frame.assign(members_shown=shown, per_10k=shown / frame["population"] * 10_000)
    frame = frame.assign(value=frame[measure.key if measure.key != "members" else "members_shown"])

    def hover(row: pd.Series) -> str:
        count = fmt_count(row["members"], lang, mask=mask)
        rate = MASK if row.name in hidden[hidden].index else fmt_number(row["per_10k"], lang, 1)
        return (
            unit_title(row, lang)
            + "<br>"
            f"{translate(lang, MEMBERS)}: {count}<br>"
            f"{translate(lang, MAP_MEASURES[1].label)}: {rate}<br>"
            f"{translate(lang, INHABITANTS)}: {fmt_number(row['population'], lang)}"
        )

    figure = region_map(
        geojson,
        frame,
        value_column="value",
        hover_text=frame.apply(hover, axis=1),
        colourbar_title=translate(lang, measure.unit),
        lang=lang,
        context_ids=context_ids,
        border_label=translate(lang, BORDER_LABEL),
    )
    if measure.decimals:
        figure.update_traces(selector={"name": "regions"}, colorbar_tickformat=",.1f")
    return figure, unplaced


# --- charts ---------------------------------------------------------------------------------


def sector_figure(lang: Lang, *, mask: bool, as_of: dt.date) -> go.Figure:
    """Memberships per NACE section, one bar per association."""
    frame = query("members_by_sector", lang=lang, as_of=as_of).copy()
    frame["label"] = frame["label"].fillna(translate(lang, UNKNOWN_SECTOR))
    frame["full_label"] = frame["full_label"].fillna(translate(lang, UNKNOWN_SECTOR))
    order = frame.groupby("label")["members"].sum().sort_values().index.tolist()
    figure = go.Figure()
    for association in ASSOCIATIONS:
        part = frame[frame["association"] == association].set_index("label").reindex(order)
        counts = part["members"].fillna(0).astype(int)
        heights, labels = bar_values(counts, lang, mask=mask, blank_zero=True)
        figure.add_bar(
            y=order,
            x=heights,
            orientation="h",
            name=association,
            marker_color=ASSOCIATION_COLOURS[association],
            text=labels,
            textposition="outside",
            customdata=[
                [full or label, text]
                for full, label, text in zip(
                    part["full_label"].fillna(""), order, labels, strict=True
                )
            ],
            hovertemplate=f"<b>{association}</b> · %{{customdata[0]}}<br>"
            + translate(lang, MEMBERS)
            + ": %{customdata[1]}<extra></extra>",
        )
    top = float(frame["members"].max()) if not frame.empty else 1.0
    figure.update_xaxes(
        title=translate(lang, N_("Members")),
        showgrid=True,
        gridcolor="#eeeeee",
        range=[0, top * 1.15],  # room for the labels behind the bars
    )
    figure.update_yaxes(title=None)
    return layout(figure, lang, translate(lang, N_("Members by sector (NACE section)")), 560).update_layout(barmode="group")


def size_figure(lang: Lang, *, mask: bool, as_of: dt.date) -> go.Figure:
    """Memberships per EU size class, one bar per association."""
    frame = query("members_by_size", as_of=as_of)
    labels_x = [translate(lang, SIZE_LABELS[size]).replace(" (", "<br>(") for size in SIZE_ORDER]
    figure = go.Figure()
    for association in ASSOCIATIONS:
        part = (
            frame[frame["association"] == association].set_index("size_class").reindex(SIZE_ORDER)
        )
        counts = part["members"].fillna(0).astype(int)
        heights, labels = bar_values(counts, lang, mask=mask, blank_zero=True)
        figure.add_bar(
            x=labels_x,
            y=heights,
            name=association,
            marker_color=ASSOCIATION_COLOURS[association],
            text=labels,
            textposition="outside",
            customdata=labels,
            hovertemplate=f"<b>{association}</b> · %{{x}}<br>"
            + translate(lang, MEMBERS)
            + ": %{customdata}<extra></extra>",
        )
    top = float(frame["members"].max()) if not frame.empty else 1.0
    figure.update_yaxes(
        title=translate(lang, N_("Members")), gridcolor="#eeeeee", range=[0, top * 1.12]
    )
    figure.update_xaxes(title=translate(lang, N_("Size class (employees)")))
    return layout(figure, lang, translate(lang, N_("Members by company size")), 560).update_layout(barmode="group")


def timeline_figure(lang: Lang, *, mask: bool, as_of: dt.date, since_year: int) -> go.Figure:
    """Joins (up) and leavers (down) per year and association, members at each year's end."""
    frame = query("members_timeline", as_of=as_of)
    frame = frame[frame["year"] >= since_year]
    figure = go.Figure()
    joined = translate(lang, N_("joined"))
    left = translate(lang, N_("left"))
    members = translate(lang, N_("members at year end"))
    for association in ASSOCIATIONS:
        part = frame[frame["association"] == association]
        if part.empty:
            continue
        up, up_labels = bar_values(part["joined"], lang, mask=mask, blank_zero=True)
        down, down_labels = bar_values(part["left_"], lang, mask=mask, blank_zero=True)
        figure.add_bar(
            x=part["year"],
            y=up,
            name=f"{association} · {joined}",
            marker_color=ASSOCIATION_COLOURS[association],
            customdata=up_labels,
            hovertemplate=f"{association} %{{x}}: %{{customdata}} {joined}<extra></extra>",
            offsetgroup=association,
        )
        figure.add_bar(
            x=part["year"],
            y=-down,
            name=f"{association} · {left}",
            marker_color=ASSOCIATION_COLOURS[association],
            marker_pattern_shape="/",
            opacity=0.6,
            customdata=down_labels,
            hovertemplate=f"{association} %{{x}}: %{{customdata}} {left}<extra></extra>",
            offsetgroup=association,
        )
        stock = published_series(part["members"], mask=mask)
        stock_labels = [fmt_count(v, lang, mask=mask) for v in part["members"]]
        figure.add_scatter(
            x=part["year"],
            y=stock,
            name=f"{association} · {members}",
            mode="lines",
            line={"color": ASSOCIATION_COLOURS[association], "width": 2},
            yaxis="y2",
            customdata=stock_labels,
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


# --- tables ---------------------------------------------------------------------------------

_LIST_COLUMNS: Final[dict[str, str]] = {
    "member_number": N_("Member number"),
    "name": N_("Company"),
    "register_id": N_("Trade register"),
    "street": N_("Address"),
    "postcode": N_("Postcode"),
    "city": N_("Place"),
    "municipality": N_("Municipality"),
    "country": N_("Country"),
    "sector": N_("Sector"),
    "division": N_("Division (NACE)"),
    "size": N_("Size class"),
    "employees": N_("Employees"),
    "member_since": N_("Member since"),
    "member_until": N_("Member until"),
    "in_both": N_("Also member of the other association"),
    "person": N_("Contact person"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
}


def in_both_table(lang: Lang, as_of: dt.date, viewer: Viewer) -> pd.DataFrame:
    """Companies that are members of both associations, for a viewer who may see members of
    one of them; each association's member-since date only where the viewer may see it."""
    visible = list(viewer.visible_associations())
    frame = query("members_in_both", lang=lang, as_of=as_of, visible=visible)
    table = pd.DataFrame(
        {
            translate(lang, N_("Company")): frame["name"],
            translate(lang, N_("Place")): frame["city"].fillna(""),
            translate(lang, N_("Country")): frame["country"],
            translate(lang, N_("Sector")): frame["sector"],
            translate(lang, N_("OE member since")): frame["oe_since"].map(
                lambda d: fmt_date(_date(d), lang)
            ),
            translate(lang, N_("WVE member since")): frame["wve_since"].map(
                lambda d: fmt_date(_date(d), lang)
            ),
        }
    )
    hidden = [
        translate(lang, message)
        for association, message in (("OE", N_("OE member since")), ("WVE", N_("WVE member since")))
        if association not in visible
    ]
    return table.drop(columns=hidden)


def _date(value: object) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


# Rows of a member list shown on the page; the download has all of them.
TABLE_ROWS: Final = 1000


def member_table(association: str, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    """One association's members as the viewer may see them (none unless the policy lets them
    see the association's names), headers in ``lang``; contact columns for who may see them.
    Made once per data version, association, language and viewer."""
    return _member_table(version().version_id, association, lang, viewer)


@st.cache_data(max_entries=32, show_spinner=False)
def _member_table(version_id: str, association: str, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    visible = list(viewer.visible_associations())
    contacts = viewer.sees_contacts(association)
    frame = query("member_list", association=association, lang=lang, visible=visible).copy()
    frame["size"] = frame["size_class"].map(
        lambda s: translate(lang, SIZE_LABELS[s]) if isinstance(s, str) else None
    )
    frame["division"] = (
        frame["nace_division"].fillna("") + " " + frame["division"].fillna("")
    ).str.strip()
    frame["in_both"] = frame["in_both"].map({True: translate(lang, N_("yes")), False: ""})
    for column in ("member_since", "member_until"):
        frame[column] = frame[column].map(_date)
    columns = [c for c in _LIST_COLUMNS if c not in ("person", "email", "phone")]
    if contacts:
        people = query(
            "member_contacts",
            association=association,
            contacts=list(viewer.contact_associations()),
        )
        frame = frame.merge(people, on="member_id", how="left")
        columns += ["person", "email", "phone"]
    text = [c for c in columns if isinstance(frame[c].dtype, pd.StringDtype)]
    frame[text] = frame[text].fillna("")
    table = frame[columns].rename(columns={c: translate(lang, _LIST_COLUMNS[c]) for c in columns})
    return table.reset_index(drop=True)


def member_workbook(
    association: str, lang: Lang, viewer: Viewer, *, is_sample: bool
) -> Callable[[], bytes]:
    """The member list as .xlsx, made only when the button is clicked (download_button calls
    it then, on another thread: everything it needs is bound now) and kept per data version."""
    version_id = version().version_id
    return lambda: _member_workbook(version_id, association, lang, viewer, is_sample)


@st.cache_data(max_entries=8, show_spinner=False)
def _member_workbook(
    version_id: str, association: str, lang: Lang, viewer: Viewer, is_sample: bool
) -> bytes:
    notes = [
        translate(
            lang,
            N_("Member list {association}, as of {date}"),
            association=association,
            date=fmt_date(today(), lang),
        )
    ]
    if is_sample:
        notes.insert(0, translate(lang, N_("Sample data")) + " · voorbeelddata / Beispieldaten")
    table = _member_table(version_id, association, lang, viewer)
    return workbook_bytes({association: table}, notes)


def first_year_shown() -> int:
    """The timeline starts here by default: the last fifteen years."""
    return today().year - 15
