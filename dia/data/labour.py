"""The labour market page's figures: vacancies and job seekers per ISCO-08 group on both sides
of the border, tension ratios, their trend, cross-border complementarity, and the official
Emsland population and employment figures.

NL and DE figures are never put on one scale: the two sides define vacancies and job seekers
differently (docs/labour-market.md). What the page compares across the border is each group's
ratio relative to its own side's ratio over all occupations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

import pandas as pd
from babel.numbers import format_decimal, format_percent

from core.i18n import BABEL_LOCALES, N_, Lang, fmt_number, translate
from dia.privacy import fmt_count
from dia.data.warehouse import query
from dia.policy import Viewer

COUNTRIES: Final = ("NL", "DE")
MEASURES: Final = ("vacancies", "job_seekers")
# A group is short on its side when its ratio is at least TIGHT times the side's ratio over all
# occupations and it has more vacancies than job seekers; it has a surplus when the ratio is at
# most SLACK times the side's ratio and there are more job seekers than vacancies.
TIGHT: Final = 1.5
SLACK: Final = 2 / 3
MIN_COUNT: Final = 10  # vacancies + job seekers below this: too few to call
SUB_MAJOR: Final = 2
# Map units of the labour map: NL gemeenten and DE Samt-/Einheitsgemeinden.
MAP_LEVELS: Final = ("gemeente", "verwaltungsgemeinschaft")

SHORTAGE: Final = "shortage"
SURPLUS: Final = "surplus"
BALANCED: Final = "balanced"
UNKNOWN: Final = "unknown"
STATUS_LABELS: Final[dict[str, str]] = {
    SHORTAGE: N_("shortage"),
    SURPLUS: N_("surplus"),
    BALANCED: N_("balanced"),
    UNKNOWN: N_("too few figures"),
}
# Geographies that are not regions of ours get their kind in front of their name.
NAMED_GEOGRAPHIES: Final[dict[str, str]] = {
    "arbeidsmarktregio": N_("labour market region {name}"),
    "agenturbezirk": N_("employment agency district {name}"),
}
BA_ATTRIBUTION: Final = "© Statistik der Bundesagentur für Arbeit"
# The occupation crosswalks, credited wherever figures mapped with them are shown.
CROSSWALK_ATTRIBUTION: Final = (
    "KldB 2010 → ISCO-08: © Statistik der Bundesagentur für Arbeit (Umsteigeschlüssel) · "
    "BRC 2014 → ISCO-08: Bron: CBS/ROA (Beroepenindeling ROA-CBS 2014)"
)


@dataclass(frozen=True)
class Area:
    """The published geography one side's figures are shown for."""

    country: str
    region_code: str
    name: str
    geography: str
    municipalities: int
    is_sample: bool

    def title(self, lang: Lang) -> str:
        template = NAMED_GEOGRAPHIES.get(self.geography)
        return translate(lang, template, name=self.name) if template else self.name


# --------------------------------------------------------------------------- data


def occupations(digits: int = SUB_MAJOR) -> pd.DataFrame:
    """Vacancies and job seekers per geography, period and ISCO-08 group (``labour_occupations``)."""
    return query("labour_occupations", digits=digits)


def areas() -> pd.DataFrame:
    return query("labour_areas")


def official() -> pd.DataFrame:
    """Population and SV-Beschäftigte of the German Kreis, as published (real figures)."""
    return query("labour_official")


def isco_labels(lang: Lang) -> dict[str, str]:
    groups = query("isco_groups")
    return dict(zip(groups["code"], groups[f"label_{lang}"], strict=True))


def sources_for(source_ids: Iterable[str]) -> pd.DataFrame:
    """Rows of ``source`` for the given ids (space-separated lists allowed)."""
    wanted = {part for ids in source_ids for part in str(ids).split()}
    sources = query("sources")
    return sources[sources["source_id"].isin(wanted)]


def attributions(sources: pd.DataFrame) -> list[str]:
    """The credit lines to show under real figures: each source's own, plus the BA's for the
    employment statistic the Regionaldatenbank redistributes (table 13111)."""
    real = sources[~sources["is_sample"]]
    lines = list(dict.fromkeys(real["attribution"]))
    if real["source_id"].str.startswith("genesis:13111").any():
        lines.append(BA_ATTRIBUTION)
    return lines


# --------------------------------------------------------------------------- logic


def main_areas(figures: pd.DataFrame, coverage: pd.DataFrame) -> dict[str, Area]:
    """Per side, the published geography that covers most of the project area's map units
    (ties: the finer one, fewer municipalities). Its figures are the side's figures."""
    found: dict[str, Area] = {}
    for country in COUNTRIES:
        side = figures[figures["country"] == country]
        if side.empty:
            continue
        candidates = []
        for (code, geography), rows in side.groupby(["region_code", "source_geography"]):
            covers = coverage[
                (coverage["region_code"] == code) & coverage["region_level"].isin(MAP_LEVELS)
            ]
            municipalities = int(covers["municipalities"].iloc[0]) if len(covers) else 0
            name = covers["name"].iloc[0] if len(covers) else rows["region_name"].iloc[0]
            candidates.append(
                (
                    -len(covers),
                    municipalities,
                    str(code),
                    Area(
                        country=country,
                        region_code=str(code),
                        name=str(name),
                        geography=str(geography),
                        municipalities=municipalities,
                        is_sample=bool(rows["is_sample"].any()),
                    ),
                )
            )
        found[country] = min(candidates, key=lambda item: item[:3])[3]
    return found


def periods(figures: pd.DataFrame) -> list[str]:
    return sorted(figures["period"].unique())


def default_period(figures: pd.DataFrame) -> str:
    """The latest period both sides have figures for, else the latest of either."""
    by_side = [set(figures.loc[figures["country"] == c, "period"]) for c in COUNTRIES]
    common = set.intersection(*by_side) if all(by_side) else set()
    return max(common) if common else max(figures["period"])


def groups(figures: pd.DataFrame, major: str | None = None) -> list[str]:
    """ISCO groups with figures on at least one side, optionally within one major group."""
    codes = figures.loc[~figures["is_total"], "isco_group"].dropna().unique()
    return sorted(code for code in codes if major is None or code.startswith(major))


def major_groups(figures: pd.DataFrame) -> list[str]:
    return sorted({code[0] for code in groups(figures)})


def default_group(table: pd.DataFrame) -> str | None:
    """The group to show first: the largest cross-border potential, else a shortage on both
    sides, else the first group."""
    matched = table.dropna(subset=["potential"]).sort_values("potential", ascending=False)
    if not matched.empty:
        return str(matched["isco_group"].iloc[0])
    both = short_on_both_sides(table)
    if both:
        return both[0]
    return str(table["isco_group"].iloc[0]) if len(table) else None


def _pivot(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Measures side by side (``vacancies``, ``job_seekers``) and their ratio."""
    table = rows.pivot_table(index=keys, columns="measure", values="value", aggfunc="sum").reindex(
        columns=list(MEASURES)
    )
    table.columns.name = None
    table = table.reset_index()
    table["ratio"] = table["vacancies"] / table["job_seekers"].where(table["job_seekers"] > 0)
    return table


def _side_rows(figures: pd.DataFrame, region_codes: Mapping[str, str]) -> pd.DataFrame:
    chosen = pd.Series(region_codes, name="region_code").rename_axis("country").reset_index()
    return figures.merge(chosen, on=["country", "region_code"])


def group_table(
    figures: pd.DataFrame, period: str, region_codes: Mapping[str, str]
) -> pd.DataFrame:
    """Per side and ISCO group in ``period``: vacancies, job seekers and their ratio."""
    rows = _side_rows(figures, region_codes)
    rows = rows[(rows["period"] == period) & ~rows["is_total"]]
    if rows.empty:
        return pd.DataFrame(columns=["country", "isco_group", *MEASURES, "ratio"])
    return _pivot(rows, ["country", "isco_group"])


def overall(figures: pd.DataFrame, period: str, region_codes: Mapping[str, str]) -> pd.DataFrame:
    """Per side: all occupations as published, else the sum over the groups shown."""
    rows = _side_rows(figures, region_codes)
    rows = rows[rows["period"] == period]
    parts = []
    for country, side in rows.groupby("country"):
        totals = side[side["is_total"]]
        chosen = totals if not totals.empty else side
        parts.append(chosen.assign(country=country))
    if not parts:
        return pd.DataFrame(columns=["country", *MEASURES, "ratio"])
    return _pivot(pd.concat(parts), ["country"])


def classify(table: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Adds ``relative`` (group ratio / side ratio over all occupations) and ``status``."""
    side_ratio = totals.set_index("country")["ratio"]
    out = table.copy()
    out["relative"] = out["ratio"] / out["country"].map(side_ratio)

    def status(row: pd.Series) -> str:
        size = (row["vacancies"] if row["vacancies"] == row["vacancies"] else 0) + (
            row["job_seekers"] if row["job_seekers"] == row["job_seekers"] else 0
        )
        if size < MIN_COUNT or row["relative"] != row["relative"]:
            return UNKNOWN
        if row["relative"] >= TIGHT and row["vacancies"] > row["job_seekers"]:
            return SHORTAGE
        if row["relative"] <= SLACK and row["job_seekers"] > row["vacancies"]:
            return SURPLUS
        return BALANCED

    out["status"] = out.apply(status, axis=1) if len(out) else pd.Series(dtype=object)
    return out


def complementarity(classified: pd.DataFrame) -> pd.DataFrame:
    """One row per ISCO group with both sides next to each other.

    ``direction`` is ``DE→NL`` where NL is short and DE has a surplus (Emsland job seekers for
    Drenthe vacancies), ``NL→DE`` the other way round, else empty. ``potential`` is the
    indicative number of people to match: the smaller of the vacancies the short side cannot
    fill itself and the job seekers the other side does not need."""
    columns = ["isco_group"]
    for country in COUNTRIES:
        columns += [f"{country}_{name}" for name in (*MEASURES, "ratio", "relative", "status")]
    if classified.empty:
        return pd.DataFrame(columns=[*columns, "direction", "potential"])
    wide = classified.pivot(index="isco_group", columns="country")
    table = pd.DataFrame(index=wide.index)
    for country in COUNTRIES:
        for name in (*MEASURES, "ratio", "relative", "status"):
            key = (name, country)
            table[f"{country}_{name}"] = wide[key] if key in wide.columns else None
    table = table.reset_index()
    table[["NL_status", "DE_status"]] = table[["NL_status", "DE_status"]].fillna(UNKNOWN)

    def direction(row: pd.Series) -> str | None:
        if row["NL_status"] == SHORTAGE and row["DE_status"] == SURPLUS:
            return "DE→NL"
        if row["DE_status"] == SHORTAGE and row["NL_status"] == SURPLUS:
            return "NL→DE"
        return None

    def potential(row: pd.Series) -> float | None:
        if pd.isna(row["direction"]):
            return None
        short, other = ("NL", "DE") if row["direction"] == "DE→NL" else ("DE", "NL")
        gap = row[f"{short}_vacancies"] - row[f"{short}_job_seekers"]
        spare = row[f"{other}_job_seekers"] - row[f"{other}_vacancies"]
        return float(min(gap, spare))

    table["direction"] = table.apply(direction, axis=1)
    table["potential"] = table.apply(potential, axis=1)
    return table[[*columns, "direction", "potential"]]


def ratio_scales(classified: pd.DataFrame) -> dict[str, float]:
    """Per side the highest group ratio: the top of that side's colour scale on the map."""
    return {
        str(country): float(ratios.max())
        for country, ratios in classified.groupby("country")["ratio"]
        if ratios.notna().any()
    }


def short_on_both_sides(table: pd.DataFrame) -> list[str]:
    both = table[(table["NL_status"] == SHORTAGE) & (table["DE_status"] == SHORTAGE)]
    return sorted(both["isco_group"])


def trend(
    figures: pd.DataFrame, group: str | None, region_codes: Mapping[str, str]
) -> pd.DataFrame:
    """Per side and period: vacancies, job seekers and ratio of ``group`` (``None``: all
    occupations as published)."""
    rows = _side_rows(figures, region_codes)
    rows = rows[rows["is_total"]] if group is None else rows[rows["isco_group"] == group]
    if rows.empty:
        return pd.DataFrame(columns=["country", "period", *MEASURES, "ratio"])
    return _pivot(rows, ["country", "period"]).sort_values(["country", "period"])


def map_values(
    figures: pd.DataFrame, coverage: pd.DataFrame, period: str, group: str
) -> pd.DataFrame:
    """Per map unit the ratio of ``group`` from the finest published geography covering it:
    ``region_id``, ``country``, ``region_code`` (the geography), ``vacancies``,
    ``job_seekers``, ``ratio``, ``is_sample``."""
    rows = figures[(figures["period"] == period) & (figures["isco_group"] == group)]
    if rows.empty:
        return pd.DataFrame(
            columns=["region_id", "country", "region_code", *MEASURES, "ratio", "is_sample"]
        )
    values = _pivot(rows, ["country", "region_code"])
    samples = rows.groupby("region_code")["is_sample"].any()
    values["is_sample"] = values["region_code"].map(samples)
    units = coverage[coverage["region_level"].isin(MAP_LEVELS)]
    joined = units.merge(values, on=["country", "region_code"])
    finest = joined.sort_values(["region_id", "municipalities"]).drop_duplicates("region_id")
    return finest.reset_index(drop=True)


COMPLEMENT_COLUMNS: Final[dict[str, str]] = {
    "group": N_("Occupation group (ISCO-08)"),
    "direction": N_("Direction"),
    "potential": N_("People to match (indicative)"),
    "NL": N_("NL: vacancies / job seekers"),
    "DE": N_("DE: vacancies / job seekers"),
}


def complementarity_view(
    matches: pd.DataFrame, labels: Mapping[str, str], lang: Lang, viewer: Viewer
) -> pd.DataFrame:
    """The complementarity table as shown and exported: translated headers, locale numbers,
    small counts masked for viewers who see aggregates only."""
    mask = viewer.mask_small_counts()

    def pair(row: pd.Series, country: str) -> str:
        return " / ".join(
            fmt_count(row[f"{country}_{measure}"], lang, mask=mask) for measure in MEASURES
        )

    return pd.DataFrame(
        {
            translate(lang, COMPLEMENT_COLUMNS["group"]): [
                group_label(code, labels) for code in matches["isco_group"]
            ],
            translate(lang, COMPLEMENT_COLUMNS["direction"]): [
                str(direction).replace("→", " → ") for direction in matches["direction"]
            ],
            translate(lang, COMPLEMENT_COLUMNS["potential"]): [
                fmt_count(value, lang, mask=mask) for value in matches["potential"]
            ],
            **{
                translate(lang, COMPLEMENT_COLUMNS[country]): [
                    pair(row, country) for _index, row in matches.iterrows()
                ]
                for country in COUNTRIES
            },
        }
    )


# --------------------------------------------------------------------------- official figures


@dataclass(frozen=True)
class EmployeeChange:
    first_period: str
    last_period: str
    first: float
    last: float

    @property
    def change(self) -> float:
        return self.last - self.first

    @property
    def share(self) -> float:
        return self.change / self.first if self.first else float("nan")


def employee_change(
    frame: pd.DataFrame, breakdown_code: str | None = None
) -> EmployeeChange | None:
    """First and last SV-Beschäftigte figure (total or one breakdown such as ``NATA``)."""
    rows = frame[frame["measure"] == "employees_svb"]
    rows = (
        rows[rows["breakdown_code"].isna()]
        if breakdown_code is None
        else rows[rows["breakdown_code"] == breakdown_code]
    ).sort_values("period")
    if len(rows) < 2:
        return None
    first, last = rows.iloc[0], rows.iloc[-1]
    return EmployeeChange(first["period"], last["period"], first["value"], last["value"])


# --------------------------------------------------------------------------- formatting


QUARTER: Final = N_("Q{quarter} {year}")


def fmt_period(period: str, lang: Lang) -> str:
    """``2024-Q2`` as the language writes a quarter; other periods unchanged."""
    year, _sep, quarter = period.partition("-Q")
    if quarter:
        return translate(lang, QUARTER, quarter=quarter, year=year)
    return period


def fmt_ratio(value: float | None, lang: Lang) -> str:
    return fmt_number(value, lang, 2)


def fmt_change(value: float, lang: Lang) -> str:
    """A signed count in the locale's format: ``+1.760`` / ``+1,760``."""
    return format_decimal(value, format="+#,##0;-#,##0", locale=BABEL_LOCALES[lang])


def fmt_change_share(value: float, lang: Lang) -> str:
    """A signed percentage in the locale's format: ``+1,2 %``."""
    return format_percent(value, format="+#,##0.0 %;-#,##0.0 %", locale=BABEL_LOCALES[lang])


def status_label(status: str, lang: Lang) -> str:
    return translate(lang, STATUS_LABELS.get(status, STATUS_LABELS[UNKNOWN]))


def group_label(code: str, labels: Mapping[str, str]) -> str:
    return f"{code} {labels.get(code, '')}".strip()
