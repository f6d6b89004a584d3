"""Training and internships per ISCO-08 group and side, beside the labour market
(docs/training.md): what each side trains, the internship and training places, the shortage,
and where the other side of the border could help.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import pandas as pd

from core.i18n import N_, Lang, translate
from dia.data import labour
from dia.data.warehouse import per_version, query
from dia.privacy import fmt_count
from dia.policy import Viewer

SUB_MAJOR: Final = 2
# Columns of the per-group table: (country, level, measure, pathway or None for all).
FIGURES: Final[dict[str, tuple[str, str, str, str | None]]] = {
    "NL_mbo_enrolled": ("NL", "mbo", "enrolled", None),
    "NL_mbo_bbl": ("NL", "mbo", "enrolled", "BBL"),
    "NL_mbo_graduates": ("NL", "mbo", "graduates", None),
    "NL_hbo_enrolled": ("NL", "hbo", "enrolled", None),
    "NL_internship_places": ("NL", "mbo", "internship_places", None),
    "NL_recognised_companies": ("NL", "mbo", "recognised_companies", None),
    "DE_training_places": ("DE", "Ausbildung", "training_places", None),
    "DE_applicants": ("DE", "Ausbildung", "applicants", None),
    "DE_unfilled_places": ("DE", "Ausbildung", "unfilled_places", None),
    "DE_unplaced_applicants": ("DE", "Ausbildung", "unplaced_applicants", None),
    "DE_studium_enrolled": ("DE", "Studium", "enrolled", None),
}
FIGURE_LABELS: Final[dict[str, str]] = {
    "NL_mbo_enrolled": N_("mbo students (BOL + BBL)"),
    "NL_mbo_bbl": N_("of which work-based (BBL)"),
    "NL_mbo_graduates": N_("mbo graduates"),
    "NL_hbo_enrolled": N_("hbo students"),
    "NL_internship_places": N_("internship and work-based places (SBB)"),
    "NL_recognised_companies": N_("recognised training companies (SBB)"),
    "DE_training_places": N_("training places (Ausbildung)"),
    "DE_applicants": N_("applicants for training places"),
    "DE_unfilled_places": N_("unfilled training places"),
    "DE_unplaced_applicants": N_("unplaced applicants"),
    "DE_studium_enrolled": N_("university students"),
}
MEMBER_PLACES: Final[dict[str, str]] = {
    "OE": N_("Places offered by OE members (erkend leerbedrijf)"),
    "WVE": N_("Places offered by WVE members (Ausbildungsbetrieb)"),
}
NL_TO_DE: Final = "NL→DE"
DE_TO_NL: Final = "DE→NL"
HELP_LABELS: Final[dict[str, str]] = {
    NL_TO_DE: N_("Zuidoost-Drenthe trains for a group Emsland is short of"),
    DE_TO_NL: N_("Emsland has applicants for a group Zuidoost-Drenthe is short of"),
}


@dataclass(frozen=True)
class LabourStatus:
    """The skilled-workers page's view of the latest quarter: per ISCO group and side."""

    table: pd.DataFrame  # labour.complementarity columns
    period: str | None
    areas: Mapping[str, labour.Area]


@per_version
def labour_status() -> LabourStatus:
    """Shortage or surplus per ISCO sub-major group and side, as on the skilled-workers page
    (same rule, same latest common quarter)."""
    figures = labour.occupations(SUB_MAJOR)
    areas = labour.main_areas(figures, labour.areas())
    if not areas:
        return LabourStatus(labour.complementarity(pd.DataFrame()), None, areas)
    period = labour.default_period(figures)
    codes = {country: area.region_code for country, area in areas.items()}
    classified = labour.classify(
        labour.group_table(figures, period, codes), labour.overall(figures, period, codes)
    )
    return LabourStatus(labour.complementarity(classified), period, areas)


def shortage_groups(status: LabourStatus) -> frozenset[str]:
    """ISCO groups in shortage on either side."""
    table = status.table
    short = (table["NL_status"] == labour.SHORTAGE) | (table["DE_status"] == labour.SHORTAGE)
    return frozenset(table.loc[short, "isco_group"].astype(str))


def groups() -> pd.DataFrame:
    return query("training_groups", digits=SUB_MAJOR)


def places() -> pd.DataFrame:
    return query("training_places", digits=SUB_MAJOR)


def sources() -> pd.DataFrame:
    return query("training_sources")


def wide(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per ISCO group with the ``FIGURES`` columns (NaN: nothing published)."""
    table = pd.DataFrame({"isco_group": sorted(figures["isco_group"].dropna().unique())})
    for column, (country, level, measure, pathway) in FIGURES.items():
        rows = figures[
            (figures["country"] == country)
            & (figures["level"] == level)
            & (figures["measure"] == measure)
        ]
        if pathway is not None:
            rows = rows[rows["pathway"] == pathway]
        sums = rows.groupby("isco_group")["value"].sum(min_count=1)
        table[column] = table["isco_group"].map(sums)
    return table


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and value == value and value > 0


def help_direction(row: pd.Series) -> list[str]:
    """Where the other side could help in one ISCO group.

    NL→DE: Emsland is short of the group (labour market) or its training places go unfilled
    (more unfilled places than unplaced applicants), while Zuidoost-Drenthe is not short of
    it and trains people for it (mbo graduates or hbo students).
    DE→NL: Zuidoost-Drenthe is short of the group while Emsland is not, and Emsland has more
    applicants than training places, or unplaced applicants."""
    out = []
    de_gap = row.get("DE_status") == labour.SHORTAGE or (
        _positive(row.get("DE_unfilled_places"))
        and (row.get("DE_unfilled_places") or 0) > (row.get("DE_unplaced_applicants") or 0)
    )
    nl_trains = _positive(row.get("NL_mbo_graduates")) or _positive(row.get("NL_hbo_enrolled"))
    if de_gap and row.get("NL_status") != labour.SHORTAGE and nl_trains:
        out.append(NL_TO_DE)
    de_spare = (
        (row.get("DE_applicants") or 0) > (row.get("DE_training_places") or 0)
    ) or _positive(row.get("DE_unplaced_applicants"))
    if (
        row.get("NL_status") == labour.SHORTAGE
        and row.get("DE_status") != labour.SHORTAGE
        and de_spare
    ):
        out.append(DE_TO_NL)
    return out


def group_table(figures: pd.DataFrame, status: LabourStatus) -> pd.DataFrame:
    """Training figures and the labour-market status per ISCO group, with ``help``."""
    table = wide(figures)
    labour_side = status.table[["isco_group", "NL_status", "DE_status", "NL_ratio", "DE_ratio"]]
    table = table.merge(labour_side, on="isco_group", how="outer")
    table[["NL_status", "DE_status"]] = table[["NL_status", "DE_status"]].fillna(labour.UNKNOWN)
    table["help"] = table.apply(help_direction, axis=1) if len(table) else []
    return table.sort_values("isco_group").reset_index(drop=True)


TABLE_FIGURES: Final = (
    "NL_mbo_enrolled",
    "NL_mbo_graduates",
    "NL_hbo_enrolled",
    "NL_internship_places",
    "DE_training_places",
    "DE_applicants",
    "DE_unfilled_places",
    "DE_unplaced_applicants",
    "DE_studium_enrolled",
)
GROUP_HEADER = N_("Occupation group (ISCO-08)")
STATUS_HEADER = N_("{country}: labour market")
HELP_HEADER = N_("Where the other side could help")


def table_view(
    table: pd.DataFrame, labels: Mapping[str, str], lang: Lang, viewer: Viewer
) -> pd.DataFrame:
    """The per-group table in the viewer's language; counts masked for funders."""
    mask = viewer.mask_small_counts()
    out = pd.DataFrame(
        {
            translate(lang, GROUP_HEADER): [
                labour.group_label(g, labels) for g in table["isco_group"]
            ]
        }
    )
    for country in ("NL", "DE"):
        out[translate(lang, STATUS_HEADER, country=country)] = [
            translate(lang, labour.STATUS_LABELS[s]) for s in table[f"{country}_status"]
        ]
        for column in TABLE_FIGURES:
            if column.startswith(country):
                out[f"{country}: {translate(lang, FIGURE_LABELS[column])}"] = [
                    fmt_count(v, lang, mask=mask) if v == v else "–" for v in table[column]
                ]
    out[translate(lang, HELP_HEADER)] = [
        " · ".join(translate(lang, HELP_LABELS[d]) for d in directions)
        for directions in table["help"]
    ]
    return out


def member_places() -> pd.DataFrame:
    """Per association: training companies among the members and the places they offer."""
    return query("member_training")
