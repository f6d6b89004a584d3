"""The funders' indicator ledger: per indicator and reporting period the baseline, target,
previously reported, this period, cumulative, share of target, forecast and the NL/DE split, as
computed at build time (etl/harmonise/indicators.py), with the evidence behind each number and
its spread over the map.

Forecast: linear on the cumulative. The cumulative at the end of the chosen period (or on the
records' date, if that is earlier) is divided by the days elapsed since the project start and
multiplied by the project's days; after the end date the forecast is the cumulative itself.

Privacy: funders (``mask``) see counts of 1–4 as "<5" and never a company; other roles see the
names of members of the associations they may see (dia.policy: ``Viewer.sees_names``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import pandas as pd
import streamlit as st

from core.codes import ACTIVITY_TYPES, COLLABORATION_TYPES, FORMATS, SIDES, STATUSES, label
from core.glossary import common_indicator
from core.i18n import N_, Lang, fmt_date, fmt_number, fmt_percent, translate
from dia.auth import User
from dia.policy import Viewer
from dia.privacy import MASK, fmt_count, is_small, published_series
from dia.data.project import Calendar, period_label
from dia.data.regions import DeLevel, region_facts, unit_title
from dia.data.warehouse import query
from dia.data import reporting


# Ledger columns: key → header msgid, in the order of the ledger (page, Excel and PDF).
COLUMNS: Final[dict[str, str]] = {
    "code": N_("Code"),
    "name": N_("Indicator"),
    "unit": N_("Unit"),
    "programme_period": N_("Programme period"),
    "baseline": N_("Baseline"),
    "target": N_("Target"),
    "previous": N_("Previously reported"),
    "correction": N_("Correction"),
    "this_period": N_("This period"),
    "cumulative": N_("Cumulative"),
    "share": N_("Share of target"),
    "forecast": N_("Forecast at end"),
    "side_nl": N_("NL"),
    "side_de": N_("DE"),
    "side_joint": N_("NL–DE jointly"),
}
# Columns that count things; "<5" applies to them (a target is a plan, not a count).
COUNTS: Final = (
    "previous",
    "correction",
    "this_period",
    "cumulative",
    "forecast",
    "side_nl",
    "side_de",
    "side_joint",
)
SIDE_COLUMNS: Final[dict[str, str]] = {"NL": "side_nl", "DE": "side_de", "NL-DE": "side_joint"}
FORECAST_METHOD = N_(
    "Forecast: linear on the cumulative – the cumulative at the end of the period (or on the "
    "records' date, if earlier) divided by the days since the project start, times the "
    "project's days."
)
MASK_NOTE = N_(
    "Counts of 1 to 4 are shown as <5 and every other count is rounded to tens (percentages and "
    "forecasts from the rounded count), so that no small count can be worked out."
)
NO_NAMES = N_("No company is named.")
KINDS: Final[dict[str, str]] = {
    "programme output": N_("programme output indicator"),
    "project-specific": N_("project-specific indicator"),
}
PROJECT_SPECIFIC: Final = N_("project-specific")


def framework(code: str, lang: Lang) -> str:
    """Which framework an indicator belongs to, as a funder reads it: the common indicator's
    official code, programme period and regulation, or that DIA defined it itself."""
    common = common_indicator(code)
    if common is None:
        return translate(lang, KINDS["project-specific"])
    return translate(
        lang,
        N_("{code}: EU common output indicator {period} ({basis})"),
        code=common.official_code,
        period=common.period,
        basis=common.legal_basis[lang],
    )


ACKNOWLEDGEMENT: Final = (
    "Dit project wordt ondersteund door het INTERREG-programma Deutschland-Nederland en mede "
    "gefinancierd door de Europese Unie. / Dieses Projekt wird im Rahmen des INTERREG-Programms "
    "Deutschland-Nederland durchgeführt und von der Europäischen Union mitfinanziert."
)


# --- the ledger -----------------------------------------------------------------------------


def forecast(cumulative: float, cal: Calendar, period: str) -> float:
    """The cumulative extrapolated linearly to the project end (see the module docstring)."""
    reference = min(cal.bounds(period)[1], cal.data_as_of)
    if reference >= cal.project_end:
        return cumulative
    elapsed = (reference - cal.project_start).days + 1
    total = (cal.project_end - cal.project_start).days + 1
    return cumulative * total / elapsed if elapsed > 0 else cumulative


def ledger(period: str, lang: Lang, cal: Calendar) -> pd.DataFrame:
    """One row per indicator with the numbers of the ledger (unformatted; submitted periods
    frozen, see dia/data/reporting.py), its sides, the forecast, the share of the target
    reached and whether the forecast reaches the target."""
    frame = query("indicator_ledger", period=period, lang=lang)
    return complete(reporting.with_reported(frame, period, cal), cal, period)


def complete(frame: pd.DataFrame, cal: Calendar, period: str) -> pd.DataFrame:
    """The ledger ``frame`` with its forecast, share of the target and on-track flag; a side
    the indicator does not have is left empty."""
    frame = frame.copy()
    frame["forecast"] = [forecast(c, cal, period) for c in frame["cumulative"]]
    frame["share"] = frame["cumulative"] / frame["target"]
    # What a masked viewer sees: share and forecast from the published (rounded) cumulative, so
    # that neither multiplies back to the exact count.
    shown = published_series(frame["cumulative"], mask=True)
    frame["forecast_published"] = [
        float("nan") if c != c else forecast(c, cal, period) for c in shown
    ]
    frame["share_published"] = shown / frame["target"]
    frame["on_track"] = frame["forecast"] >= frame["target"]
    for side, column in SIDE_COLUMNS.items():
        used = frame["sides"].str.split(",").map(lambda sides, s=side: s in sides)
        frame[column] = frame[column].fillna(0).where(used)
    return frame


def indicator_title(code: str, period: str, lang: Lang, cal: Calendar) -> str:
    """ "CO01 · name" in ``lang``, as maps and slides of one indicator are titled."""
    frame = ledger(period, lang, cal)
    name = frame.loc[frame["code"] == code, "name"]
    return f"{code} · {name.iloc[0]}" if not name.empty else code


def ledger_table(frame: pd.DataFrame, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    """The ledger as the viewer reads it on a page (compact: the unit is shown with the
    definition); counts published as the policy says."""
    return _ledger_table(frame, lang, mask=viewer.mask_small_counts(), compact=True)


def published_ledger_table(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The compact ledger as published for funders (their report): "<5", rounded counts."""
    return _ledger_table(frame, lang, mask=True, compact=True)


def _ledger_table(frame: pd.DataFrame, lang: Lang, *, mask: bool, compact: bool) -> pd.DataFrame:
    """Headers and numbers in the language, "–" where an indicator has no such side, and with
    ``mask`` "<5" for small counts. ``compact`` leaves the unit out."""
    out = pd.DataFrame(index=frame.index)
    for key, header in COLUMNS.items():
        if compact and key == "unit":
            continue
        column = frame[f"{key}_published" if mask and key in ("share", "forecast") else key]
        if key in ("share", "forecast"):
            # Derived from the cumulative: hidden with it, or it would give the count away.
            values = [
                MASK
                if mask and is_small(c)
                else (fmt_percent(v, lang) if key == "share" else _count(v, lang, mask))
                for c, v in zip(frame["cumulative"], column, strict=True)
            ]
        elif key in COUNTS:
            values = [_count(v, lang, mask) for v in column]
        elif key in ("baseline", "target"):
            values = [fmt_number(v, lang) for v in column]
        elif key == "programme_period":
            values = [p if p else translate(lang, PROJECT_SPECIFIC) for p in column.fillna("")]
        else:
            values = list(column)
        out[translate(lang, header)] = values
    # The sides keep a column each, also in the compact table: "108 · 109 · –" in one cell
    # left the reader to guess which number is which side.
    return out


def _count(value: float | None, lang: Lang, mask: bool) -> str:
    if value is None or value != value:
        return "–"
    if value < 0:  # a correction: "−<5" hides a small one as "<5" hides a small count
        return "−" + fmt_count(round(-value), lang, mask=mask)
    return fmt_count(round(value), lang, mask=mask)


def masked_forecast_share(frame: pd.DataFrame, *, mask: bool) -> pd.Series:
    """Which rows may show a forecast and a share of the target (not those of a "<5" count)."""
    if not mask:
        return pd.Series(True, index=frame.index)
    return ~frame["cumulative"].map(is_small)


# --- charts ---------------------------------------------------------------------------------


def overview_bars(frame: pd.DataFrame, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    """Per indicator of the ledger ``frame``: its ``name`` ("CO01 · …"), the ``share`` of the
    target reached (percent, 0 where hidden) with its ``text``, the ``expected`` share at the
    end with its ``expected_text``, and ``on_track``; from published counts for funders."""
    mask = viewer.mask_small_counts()
    shown = masked_forecast_share(frame, mask=mask)
    suffix = "_published" if mask else ""
    share = (frame["share" + suffix] * 100).where(shown, 0)
    expected = (frame["forecast" + suffix] / frame["target"] * 100).where(shown)
    return pd.DataFrame(
        {
            "name": [f"{row.code} · {row.name}" for row in frame.itertuples()],
            "share": share,
            "text": [
                MASK if not ok else fmt_percent(v / 100, lang)
                for ok, v in zip(shown, share, strict=True)
            ],
            "expected": expected,
            "expected_text": ["–" if v != v else fmt_percent(v / 100, lang) for v in expected],
            "on_track": frame["on_track"],
        }
    )


@dataclass(frozen=True)
class IndicatorSeries:
    """One indicator over the reporting periods, ready to draw: per period its ``label``, per
    side of the indicator ``<side>_height``/``<side>_text``, the ``total_text`` of the period
    over the sides, and the ``cumulative`` with its ``cumulative_text``."""

    title: str  # "CO01 · name"
    unit: str
    target: float
    sides: list[str]
    periods: pd.DataFrame


def period_series(code: str, lang: Lang, cal: Calendar, viewer: Viewer) -> IndicatorSeries:
    """Each period's value per side and the cumulative of indicator ``code``, as the viewer may
    see them."""
    mask = viewer.mask_small_counts()
    ledger_rows = query("indicator_ledger", period=cal.current, lang=lang)
    series = reporting.series(cal, ledger_rows)
    series = series[series["code"] == code]
    row = ledger_rows[ledger_rows["code"] == code].iloc[0]
    sides = [side for side in SIDE_COLUMNS if side in str(row["sides"]).split(",")]
    periods = pd.DataFrame({"label": [period_label(p, lang) for p in series["period"]]})
    for side in sides:
        values = series[SIDE_COLUMNS[side]].fillna(0)
        periods[f"{side}_height"] = published_series(values, mask=mask).fillna(0).to_numpy()
        periods[f"{side}_text"] = [_count(v, lang, mask) for v in values]
    total = series[[SIDE_COLUMNS[side] for side in sides]].fillna(0).sum(axis=1)
    periods["total_text"] = [_count(v, lang, mask) for v in total]
    cumulative = series["cumulative"]
    periods["cumulative"] = published_series(cumulative, mask=mask).to_numpy()
    periods["cumulative_text"] = [_count(v, lang, mask) for v in cumulative]
    return IndicatorSeries(
        title=f"{code} · {row['name']}",
        unit=str(row["unit"]),
        target=float(row["target"]),
        sides=sides,
        periods=periods,
    )


# --- evidence -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    activities: pd.DataFrame | None  # the activities that count (every role)
    companies: pd.DataFrame | None  # names where allowed (never for funders)
    summary: pd.DataFrame | None  # companies per side and sector (every role)
    collaborations: pd.DataFrame | None
    hidden_names: int  # companies listed without their name (other association's members)


def _as_list(associations: Iterable[object] | None) -> list[str]:
    """The associations of a company as DuckDB returns them (a list or an array)."""
    return [] if associations is None else [str(a) for a in associations]


def _visible(user: User, associations: Iterable[object] | None) -> bool:
    return any(user.sees_names(a) for a in _as_list(associations))


def _anonymous(associations: Iterable[object] | None, lang: Lang) -> str:
    names = " + ".join(_as_list(associations)) or "–"
    return translate(lang, N_("Member of {association}"), association=names)


def evidence(code: str, period: str, lang: Lang, user: User, *, exported: bool = False) -> Evidence:
    """What counts for ``code`` up to ``period``, in tables for the user's role (names, titles
    and evidence notes only as the policy allows; counts published for funders, exact for the
    others, on screen and in their exports alike)."""
    mask = user.mask_small_counts()
    visible = list(user.visible_associations())
    free_text = user.sees_free_text()
    activities = query(
        "indicator_evidence_activities", code=code, period=period, free_text=free_text
    )
    summary = query("indicator_evidence_summary", code=code, period=period, lang=lang)
    collaborations = query(
        "indicator_evidence_collaborations",
        code=code,
        period=period,
        visible=visible,
        free_text=free_text,
    )
    companies = None
    hidden = 0
    if not user.mask_small_counts() and not summary.empty:
        raw = query(
            "indicator_evidence_companies", code=code, period=period, lang=lang, visible=visible
        )
        allowed = raw["associations"].map(lambda a: _visible(user, a))
        hidden = int((~allowed).sum())
        # Only the user's own members are listed; the others are counted in `hidden`.
        raw = raw[allowed].sort_values("name")
        companies = pd.DataFrame(
            {
                translate(lang, N_("Company")): raw["name"],
                translate(lang, N_("Country")): raw["country"],
                translate(lang, N_("Municipality")): raw["municipality"],
                translate(lang, N_("Sector")): raw["sector"],
                translate(lang, N_("Member of")): raw["associations"].map(
                    lambda a: ", ".join(_as_list(a))
                ),
                translate(lang, N_("Counted from")): [
                    fmt_date(pd.Timestamp(d).date(), lang) for d in raw["first_counted"]
                ],
                translate(lang, N_("Counted")): [_count(v, lang, mask) for v in raw["counted"]],
            }
        )
        if exported:  # one company's count is below 5 nearly always: masked, it says nothing
            companies = companies.drop(columns=translate(lang, N_("Counted")))
    return Evidence(
        activities=None
        if activities.empty
        else _activity_table(activities, lang, mask, titles=free_text),
        companies=companies,
        summary=None if summary.empty else _summary_table(summary, lang, mask),
        collaborations=None
        if collaborations.empty
        else _collaboration_table(collaborations, lang, user),
        hidden_names=hidden,
    )


def _activity_table(frame: pd.DataFrame, lang: Lang, mask: bool, *, titles: bool) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            translate(lang, N_("Period")): [period_label(p, lang) for p in frame["period"]],
            translate(lang, N_("Date")): [
                fmt_date(pd.Timestamp(d).date(), lang) for d in frame["date"]
            ],
            translate(lang, N_("Activity")): frame["title"],
            translate(lang, N_("Type")): [label(ACTIVITY_TYPES, c, lang) for c in frame["type"]],
            translate(lang, N_("Format")): [label(FORMATS, c, lang) for c in frame["format"]],
            translate(lang, N_("Venue")): frame["venue"].fillna("–"),
            translate(lang, N_("Companies NL")): [
                fmt_count(v, lang, mask=mask) for v in frame["companies_nl"]
            ],
            translate(lang, N_("Companies DE")): [
                fmt_count(v, lang, mask=mask) for v in frame["companies_de"]
            ],
            translate(lang, N_("Counted")): [_count(v, lang, mask) for v in frame["counted"]],
        }
    )
    # Without titles (free text), the activity is told by its type, format and date.
    return table if titles else table.drop(columns=translate(lang, N_("Activity")))


def _summary_table(frame: pd.DataFrame, lang: Lang, mask: bool) -> pd.DataFrame:
    unknown = translate(lang, N_("Sector unknown"))
    return pd.DataFrame(
        {
            translate(lang, N_("Side")): [translate(lang, SIDES[s]) for s in frame["side"]],
            translate(lang, N_("Sector")): frame["sector"].fillna(unknown),
            translate(lang, N_("Companies")): [
                fmt_count(v, lang, mask=mask) for v in frame["companies"]
            ],
            translate(lang, N_("Counted")): [_count(v, lang, mask) for v in frame["counted"]],
        }
    )


def _collaboration_table(frame: pd.DataFrame, lang: Lang, user: User) -> pd.DataFrame:
    """Funders: collaborations per type and status only. Others: each collaboration, a
    partner's name where the user may see its association, the evidence text where both."""
    if user.mask_small_counts():
        counts = frame.groupby(["type", "status"]).size().rename("n").reset_index()
        return pd.DataFrame(
            {
                translate(lang, N_("Type")): [
                    label(COLLABORATION_TYPES, c, lang) for c in counts["type"]
                ],
                translate(lang, N_("Status")): [label(STATUSES, c, lang) for c in counts["status"]],
                translate(lang, N_("Collaborations")): [
                    fmt_count(v, lang, mask=True) for v in counts["n"]
                ],
            }
        )
    nl_ok = frame["associations_nl"].map(lambda a: _visible(user, a))
    de_ok = frame["associations_de"].map(lambda a: _visible(user, a))
    return pd.DataFrame(
        {
            "ID": frame["collaboration_id"],
            translate(lang, N_("Type")): [
                label(COLLABORATION_TYPES, c, lang) for c in frame["type"]
            ],
            translate(lang, N_("Status")): [label(STATUSES, c, lang) for c in frame["status"]],
            translate(lang, N_("Started on")): [
                fmt_date(pd.Timestamp(d).date(), lang) for d in frame["started_on"]
            ],
            translate(lang, N_("Dutch partner")): [
                f"{n if ok else _anonymous(a, lang)} ({m})"
                for n, a, m, ok in zip(
                    frame["name_nl"],
                    frame["associations_nl"],
                    frame["municipality_nl"],
                    nl_ok,
                    strict=True,
                )
            ],
            translate(lang, N_("German partner")): [
                f"{n if ok else _anonymous(a, lang)} ({m})"
                for n, a, m, ok in zip(
                    frame["name_de"],
                    frame["associations_de"],
                    frame["municipality_de"],
                    de_ok,
                    strict=True,
                )
            ],
            translate(lang, N_("Evidence")): [
                (e or "–")
                if a and b
                else translate(lang, N_("on file with the partner association"))
                for e, a, b in zip(frame["evidence"], nl_ok, de_ok, strict=True)
            ],
        }
    )


# --- map ------------------------------------------------------------------------------------


def map_frame(
    code: str, period: str, de_level: DeLevel, lang: Lang, viewer: Viewer, *, unit: str
) -> tuple[pd.DataFrame | None, int]:
    """Map units with the indicator's cumulative up to ``period`` as ``value`` and ``hover``
    text, as the viewer may see it, and how much of it the map cannot place (online events,
    collaborations, companies placed only in the Landkreis). None when nothing of it has a
    place."""
    mask = viewer.mask_small_counts()
    counts = query("indicator_by_region", code=code, period=period, de_level=de_level)
    unplaced = round(float(counts.loc[counts["region_id"].isna(), "counted"].sum()))
    placed = counts.dropna(subset=["region_id"])
    if placed.empty:
        return None, unplaced
    facts = region_facts(de_level).merge(placed, on="region_id", how="left")
    facts["counted"] = facts["counted"].fillna(0).round()
    facts = facts.assign(value=published_series(facts["counted"], mask=mask).fillna(0.0))

    def hover(row: pd.Series) -> str:
        return (
            unit_title(row, lang)
            + "<br>"
            f"{code}: {fmt_count(row['counted'], lang, mask=mask)} {unit}"
        )

    return facts.assign(hover=facts.apply(hover, axis=1)), unplaced
