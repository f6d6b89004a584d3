"""The cooperation page's frames: activities over time, who takes part from each side, the
collaborations across the border (map and sector matrix) and the engagement funnel; drawn by
dia.render.cooperation.

Functions that count companies, persons or collaborations take the viewer and publish the
counts as the policy says: funders see counts of 1–4 as "<5" and the rest rounded
(dia.privacy). Counts of activities and milestones say nothing about a member and are shown as
they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd

from core.cells import csv_bytes
from core.codes import (
    ACTIVITY_TYPES,
    COLLABORATION_TYPES,
    FORMATS,
    ORGANISERS,
    THEMES,
    label,
)
from core.i18n import N_, Lang, fmt_percent, translate
from dia.data.regions import DeLevel, region_facts, unit_title
from dia.data.warehouse import query
from dia.policy import Viewer
from dia.privacy import (
    MASK,
    bar_values,
    fmt_count,
    fmt_total,
    published,
    rate,
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


def quarter_middle(day: pd.Series) -> pd.Series:
    """The middle of each day's quarter: where its bar stands on a time axis."""
    start = pd.to_datetime(day).dt.to_period("Q").dt.start_time
    return start + pd.Timedelta(days=45)


def activities_per_quarter(breakdown: Breakdown, lang: Lang) -> pd.DataFrame:
    """Activities per quarter (``quarter``: its middle) and format or theme (``code``, ``name``),
    in the order of the code list."""
    frame = query("coop_activities", free_text=False)  # counts only
    frame = frame.assign(quarter=quarter_middle(frame["date"]))
    codes = FORMATS if breakdown == "format" else THEMES
    counts = frame.groupby(["quarter", breakdown]).size().rename("activities").reset_index()
    counts = counts.rename(columns={breakdown: "code"})
    order = {code: rank for rank, code in enumerate(codes)}
    counts = counts.assign(rank=counts["code"].map(order)).dropna(subset=["rank"])
    counts = counts.sort_values("rank", kind="stable")
    names = [label(codes, code, lang) for code in counts["code"]]
    return counts.assign(name=names).drop(columns="rank").reset_index(drop=True)


def participants(measure: ParticipantMeasure, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    """Companies (or persons) taking part per quarter (``quarter``: its middle) and ``side``,
    with the ``height`` and ``text`` of the bar as the viewer may see them."""
    frame = query("coop_participants")
    frame = frame.assign(quarter=quarter_middle(frame["quarter"]))
    heights, labels = bar_values(
        frame[measure].astype(int), lang, mask=viewer.mask_small_counts()
    )
    return frame.assign(height=heights.to_numpy(), text=labels)


# --- map and matrix -------------------------------------------------------------------------


# The cooperation map draws one line per pair of municipalities, its width by the number of
# collaborations between them in a few steps, each step an entry of the map's legend:
# (fewest, most or None, line width in px). Funders' steps start at 5: counts below are one.
WIDTH_STEPS: Final[tuple[tuple[int, int | None, float], ...]] = (
    (7, None, 9.0),
    (4, 6, 6.0),
    (2, 3, 3.5),
    (1, 1, 1.8),
)
WIDTH_STEPS_MASKED: Final[tuple[tuple[int, int | None, float], ...]] = (
    (10, None, 9.0),
    (5, 9, 5.0),
    (1, 4, 1.8),
)
ONE_COLLABORATION = N_("1 collaboration")
SOME_COLLABORATIONS = N_("{low}–{high} collaborations")
MANY_COLLABORATIONS = N_("{low} or more collaborations")
FEW_COLLABORATIONS = N_("fewer than 5 collaborations")


def width_steps(viewer: Viewer, lang: Lang) -> dict[str, tuple[str, float]]:
    """The map's line widths in legend order (widest first): step key → (legend label, px)."""
    steps = WIDTH_STEPS_MASKED if viewer.mask_small_counts() else WIDTH_STEPS
    found: dict[str, tuple[str, float]] = {}
    for low, high, width in steps:
        if high is None:
            name = translate(lang, MANY_COLLABORATIONS, low=low)
        elif low == high == 1:
            name = translate(lang, ONE_COLLABORATION)
        elif low == 1:  # funders: the counts below 5 are one step, as "<5" everywhere
            name = translate(lang, FEW_COLLABORATIONS)
        else:
            name = translate(lang, SOME_COLLABORATIONS, low=low, high=high)
        found[f"{low}-{high or ''}"] = (name, width)
    return found


def _step_of(count: int, masked: bool) -> str:
    for low, high, _width in WIDTH_STEPS_MASKED if masked else WIDTH_STEPS:
        if count >= low and (high is None or count <= high):
            return f"{low}-{high or ''}"
    raise ValueError(count)


def link_frames(
    de_level: DeLevel, statuses: list[str], lang: Lang, viewer: Viewer
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The map units under the lines (``region_id``, hover ``text``), one line per pair of
    municipalities of collaborating companies (``from_id``, ``to_id``, ``collaborations``,
    ``group``: its width step of :func:`width_steps`, ``legend``: that step's name, ``width``,
    hover ``text`` with the kinds)
    and how many collaborations the map cannot place."""
    mask = viewer.mask_small_counts()
    links = query("coop_links", de_level=de_level, statuses=statuses)
    unplaced = int(
        links.loc[links["de_region"].isna() | links["nl_region"].isna(), "collaborations"].sum()
    )
    links = links.dropna(subset=["nl_region", "de_region"])
    facts = region_facts(de_level)
    names = dict(zip(facts["region_id"], facts["name"], strict=True))
    regions = facts.assign(text=facts.apply(unit_title, axis=1, lang=lang))
    steps = width_steps(viewer, lang)
    rows = []
    for (nl_region, de_region), pair in links.groupby(["nl_region", "de_region"], sort=True):
        total = int(pair["collaborations"].sum())
        kinds = "<br>".join(
            f"{label(COLLABORATION_TYPES, row.type, lang)}: "
            f"{fmt_count(row.collaborations, lang, mask=mask)}"
            for row in pair.itertuples(index=False)
        )
        step = _step_of(total, mask)
        rows.append(
            {
                "from_id": nl_region,
                "to_id": de_region,
                "collaborations": total,
                "group": step,
                "legend": steps[step][0],
                "width": steps[step][1],
                "text": f"<b>{names.get(nl_region, nl_region)} – "
                f"{names.get(de_region, de_region)}: {fmt_count(total, lang, mask=mask)}</b>"
                f"<br>{kinds}",
            }
        )
    columns = ["from_id", "to_id", "collaborations", "group", "legend", "width", "text"]
    return regions, pd.DataFrame(rows, columns=columns), unplaced


@dataclass(frozen=True)
class Matrix:
    """A grid ready to draw: ``values`` to colour (NaN: empty), ``text`` in the cells, and the
    row and column labels (each with its total)."""

    values: pd.DataFrame
    text: pd.DataFrame
    rows: list[str]
    columns: list[str]


def sector_matrix(statuses: list[str], lang: Lang, viewer: Viewer) -> Matrix:
    """Collaborations by the NACE section of the Dutch (rows) and the German partner (columns)."""
    mask = viewer.mask_small_counts()
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
    return Matrix(
        values=shown,
        text=text,
        rows=[
            _with_total(name, total, lang, mask=mask)
            for name, total in zip(rows["label_nl"], row_totals, strict=True)
        ],
        columns=[
            _with_total(name, total, lang, mask=mask)
            for name, total in zip(columns["label_de"], column_totals, strict=True)
        ],
    )


def _with_total(name: str, total: float, lang: Lang, *, mask: bool) -> str:
    shown = fmt_total(total, lang, mask=mask)
    return f"{name} ({shown})" if shown else name


def funnel(lang: Lang, viewer: Viewer) -> pd.DataFrame:
    """Members → took part → matched → collaborating, per association (``association``,
    ``name``): each ``stage`` with the ``height`` of its bar and its ``text`` (the count and
    its share of the association's members, from published counts)."""
    mask = viewer.mask_small_counts()
    frame = query("coop_funnel")
    stages = [translate(lang, message) for _key, message in FUNNEL_STAGES]
    parts = []
    for row in frame.itertuples(index=False):
        counts = pd.Series([int(getattr(row, key)) for key, _label in FUNNEL_STAGES])
        heights, labels = bar_values(counts, lang, mask=mask)
        shares = [
            ""
            if i == 0 or label_ == MASK or not counts[0]
            else f" ({fmt_percent(rate(c, published(counts[0], mask=mask) or 0, mask=mask) or 0, lang)})"
            for i, (c, label_) in enumerate(zip(counts, labels, strict=True))
        ]
        parts.append(
            pd.DataFrame(
                {
                    "association": row.association,
                    "name": label(ORGANISERS, row.association, lang),
                    "stage": stages,
                    "height": heights.to_numpy(),
                    "text": [f"{t}{s}" for t, s in zip(labels, shares, strict=True)],
                }
            )
        )
    columns = ["association", "name", "stage", "height", "text"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


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
