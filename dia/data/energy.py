"""The energy page's frames: installed capacity on the cross-border map, its growth and
technology mix (drawn by dia.render.energy), published reference figures, and energy projects
with their cross-border partners and the skills gap of the occupations they need
(docs/energy.md).

Every function takes the language and, where member data are involved, the user: names are
only ever fetched for members of associations the user may see (``Viewer.sees_names``),
and counts are masked below five for funders (``dia.privacy``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import pandas as pd

from core.i18n import N_, Lang, fmt_date, fmt_number, fmt_percent, translate
from dia.auth import User
from dia.render import source_words
from dia.privacy import fmt_count
from dia.data.labour import fmt_period
from dia.data.regions import DeLevel, region_facts, unit_title
from dia.data.warehouse import query

ALL: Final = "all"
CAPACITY_TECHNOLOGIES: Final = ("solar", "wind", "biomass", "hydro")
TECHNOLOGY_CHOICES: Final = (ALL, *CAPACITY_TECHNOLOGIES)
TECHNOLOGY_LABELS: Final[dict[str, str]] = {
    ALL: N_("All renewables"),
    "solar": N_("Solar PV"),
    "wind": N_("Onshore wind"),
    "biomass": N_("Biomass"),
    "hydro": N_("Hydropower"),
    "hydrogen": N_("Hydrogen"),
    "heat": N_("Heat"),
    "biogas": N_("Biogas"),
    "grid_storage": N_("Grid and storage"),
}
STAGE_LABELS: Final[dict[str, str]] = {
    "idea": N_("Idea"),
    "feasibility": N_("Feasibility study"),
    "permitting": N_("Permitting"),
    "construction": N_("Construction"),
    "operation": N_("In operation"),
}
# Roles of etl/config/energy_nace.toml; a role staff add there is shown as written.
ROLE_LABELS: Final[dict[str, str]] = {
    "operator": N_("Energy company, operator"),
    "civil_engineering": N_("Civil engineering"),
    "installation": N_("Installation"),
    "metalwork": N_("Metal products"),
    "electrical_equipment": N_("Electrical equipment"),
    "machinery": N_("Machinery"),
    "maintenance": N_("Repair and maintenance"),
    "offtake": N_("Offtaker (refinery, chemicals)"),
    "feedstock": N_("Feedstock (farms, waste)"),
    "host_site": N_("Host site (farms)"),
    "logistics": N_("Transport"),
    "trade": N_("Wholesale of equipment"),
    "engineering": N_("Engineering and planning"),
    "research": N_("Research and development"),
    "digital": N_("Software and data"),
    "training": N_("Training"),
}
# Indicators of the published figures (data/reference/inputs/facts_web) shown on this page.
FACT_LABELS: Final[dict[str, str]] = {
    "installed solar PV capacity at businesses": N_("Installed solar PV capacity at businesses"),
    "share of dwellings with solar panels": N_("Share of dwellings with solar panels"),
    "dwellings with solar panels": N_("Dwellings with solar panels"),
}
FACT_UNITS: Final[dict[str, str]] = {"percent": "%", "dwellings": N_("dwellings")}

SAMPLE = N_("sample")
REAL = N_("real")
SAMPLE_LEGEND = N_("Sample figures (not real data)")
NO_FIGURE = N_("no figure")
SMALL_COUNTS = N_("Counts below 5 are shown as <5.")
END_OF = N_("end of {year}")
MW = "MW"
KREIS: Final = "03454"
COROP: Final = "CR08"
SIDE_NAMES: Final[dict[str, str]] = {KREIS: "Landkreis Emsland", COROP: "Zuidoost-Drenthe"}
_ISO_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_QUOTED_RE: Final = re.compile(r'"([^"]+)"')
_REPORTED_RE: Final = re.compile(r"^(?P<publisher>.+?) \(reported by (?P<medium>.+)\)$")
# The caption says "Source:" already.
_LEADING_SOURCE_RE: Final = re.compile(r"^(bron|quelle|source)\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    key: str  # column of ``map_units``
    label: str  # msgid
    unit: str  # msgid
    decimals: int


MEASURES: Final = (
    Measure("capacity_mw", N_("Installed capacity"), N_("MW"), 1),
    Measure("mw_per_km2", N_("Capacity per km²"), N_("MW per km²"), 2),
    Measure("mw_per_1000", N_("Capacity per 1,000 inhabitants"), N_("MW per 1,000 inhabitants"), 2),
)


def technology_label(code: str, lang: Lang) -> str:
    return translate(lang, TECHNOLOGY_LABELS.get(code, code))


def stage_label(code: str, lang: Lang) -> str:
    return translate(lang, STAGE_LABELS.get(code, code))


def measure_label(measure: Measure) -> str:
    """A widget label (msgid) of a measure."""
    return measure.label


def _end_of(year: int, lang: Lang) -> str:
    return translate(lang, END_OF, year=year)


# --------------------------------------------------------------------------- capacity


def capacity() -> pd.DataFrame:
    """Capacity of every project-area unit: ``region_id, country, level, year, technology,
    capacity_mw, is_sample, …`` (municipalities and their sums)."""
    return query("energy_capacity")


def years() -> list[int]:
    return sorted(int(year) for year in capacity()["year"].unique())


def growth_years() -> tuple[int, int] | None:
    """The first and last year both sides (or at least one) have figures for."""
    found = years()
    return (found[0], found[-1]) if len(found) >= 2 else None


def map_units(de_level: DeLevel, year: int, technology: str) -> pd.DataFrame:
    """NL gemeenten and the DE units of ``de_level`` with their capacity in ``year``
    (``technology`` or all of them), per km² and per 1,000 inhabitants."""
    facts = region_facts(de_level)[
        ["region_id", "country", "level", "name", "vwg_type", "population", "area_km2"]
    ]
    figures = capacity()
    figures = figures[figures["year"] == year]
    if technology != ALL:
        figures = figures[figures["technology"] == technology]
    per_region = figures.groupby("region_id", as_index=False).agg(
        capacity_mw=("capacity_mw", "sum"), is_sample=("is_sample", "any")
    )
    frame = facts.merge(per_region, on="region_id", how="left")
    frame["is_sample"] = frame["is_sample"].astype("boolean").fillna(False).astype(bool)
    frame["mw_per_km2"] = frame["capacity_mw"] / frame["area_km2"]
    frame["mw_per_1000"] = frame["capacity_mw"] / frame["population"] * 1000
    frame["label"] = frame["name"] + " (" + frame["country"] + ")"
    return frame


def _sample_tag(is_sample: bool, lang: Lang) -> str:
    return f" · {translate(lang, SAMPLE)} (voorbeelddata / Beispieldaten)" if is_sample else ""


def map_frame(
    measure: Measure, technology: str, year: int, de_level: DeLevel, lang: Lang
) -> pd.DataFrame:
    """``map_units`` with the measure as ``value`` and the ``hover`` text (sample figures
    named as such)."""
    frame = map_units(de_level, year, technology)

    def line(row: pd.Series) -> str:
        value = row[measure.key]
        shown = (
            f"{fmt_number(value, lang, measure.decimals)} {translate(lang, measure.unit)}"
            if pd.notna(value)
            else translate(lang, NO_FIGURE)
        )
        return (
            unit_title(row, lang)
            + "<br>"
            f"{technology_label(technology, lang)}, {_end_of(year, lang)}: {shown}"
            f"{_sample_tag(bool(row['is_sample']), lang)}"
        )

    return frame.assign(value=frame[measure.key], hover=frame.apply(line, axis=1))


def growth(technology: str, de_level: DeLevel, start: int, end: int, lang: Lang) -> pd.DataFrame:
    """Capacity at the end of ``start`` and of ``end`` per map unit, largest (at ``end``) last:
    per year (``year_label``) and unit its ``label``, ``capacity_mw``, ``is_sample`` and
    ``hover`` text with the change."""
    before = map_units(de_level, start, technology).set_index("region_id")
    after = map_units(de_level, end, technology).set_index("region_id")
    order = after["capacity_mw"].fillna(0).sort_values().index
    before, after = before.loc[order], after.loc[order]
    change = after["capacity_mw"] - before["capacity_mw"]
    share = change / before["capacity_mw"].where(before["capacity_mw"] > 0)
    parts = []
    for year, frame in ((start, before), (end, after)):
        hover = [
            f"<b>{label}</b><br>{technology_label(technology, lang)}, {_end_of(year, lang)}: "
            f"{fmt_number(mw, lang, 1)} MW{_sample_tag(bool(sample), lang)}<br>"
            f"{fmt_number(start, lang)} → {fmt_number(end, lang)}: "
            f"{_signed(delta, lang)} MW ({fmt_percent(pct, lang)})"
            for label, mw, sample, delta, pct in zip(
                frame["label"], frame["capacity_mw"], frame["is_sample"], change, share, strict=True
            )
        ]
        parts.append(
            frame[["label", "capacity_mw", "is_sample"]]
            .reset_index()
            .assign(year=year, year_label=_end_of(year, lang), hover=hover)
        )
    return pd.concat(parts, ignore_index=True)


def mix(year: int, de_level: DeLevel, lang: Lang) -> pd.DataFrame:
    """Share of each technology in a map unit's capacity (adding up to 100 %), units with the
    largest capacity last: per ``technology`` (``name``) and unit its ``label``, ``percent``,
    ``is_sample`` and ``hover`` text."""
    parts = {
        tech: map_units(de_level, year, tech).set_index("region_id")
        for tech in CAPACITY_TECHNOLOGIES
    }
    total = sum(part["capacity_mw"].fillna(0) for part in parts.values())
    assert isinstance(total, pd.Series)
    order = total.sort_values().index
    shaped = []
    for technology, part in parts.items():
        part = part.loc[order]
        share = part["capacity_mw"] / total.loc[order].where(total.loc[order] > 0)
        hover = [
            f"<b>{label}</b><br>{technology_label(technology, lang)}: "
            f"{fmt_number(mw, lang, 1)} MW ({fmt_percent(s, lang)}){_sample_tag(bool(flag), lang)}"
            for label, mw, s, flag in zip(
                part["label"], part["capacity_mw"], share, part["is_sample"], strict=True
            )
        ]
        shaped.append(
            part[["label", "is_sample"]]
            .reset_index()
            .assign(
                technology=technology,
                name=technology_label(technology, lang),
                percent=(share * 100).to_numpy(),
                hover=hover,
            )
        )
    return pd.concat(shaped, ignore_index=True)


def _signed(value: float, lang: Lang, decimals: int = 1) -> str:
    if pd.isna(value):
        return "–"
    return ("+" if value > 0 else "") + fmt_number(value, lang, decimals)


@dataclass(frozen=True)
class Total:
    """A side's capacity of one technology at the start and end of the growth period."""

    region_id: str
    technology: str
    start_mw: float | None
    end_mw: float | None
    is_sample: bool

    @property
    def change(self) -> float | None:
        if self.start_mw is None or self.end_mw is None:
            return None
        return self.end_mw - self.start_mw

    @property
    def share(self) -> float | None:
        return self.change / self.start_mw if self.change is not None and self.start_mw else None


def total(region_id: str, technology: str, start: int, end: int) -> Total:
    figures = capacity()
    figures = figures[figures["region_id"] == region_id]
    if technology != ALL:
        figures = figures[figures["technology"] == technology]

    def at(year: int) -> float | None:
        rows = figures[figures["year"] == year]
        return float(rows["capacity_mw"].sum()) if not rows.empty else None

    shown = figures[figures["year"].isin([start, end])]
    return Total(region_id, technology, at(start), at(end), bool(shown["is_sample"].any()))


def change_text(item: Total, lang: Lang) -> str | None:
    """``+175 MW (+29 %)`` for a KPI delta."""
    if item.change is None:
        return None
    text = f"{_signed(item.change, lang, 0)} MW"
    if item.share is not None:
        text += f" ({'+' if item.share > 0 else ''}{fmt_percent(item.share, lang)})"
    return text


def decreases(start: int, end: int, lang: Lang) -> list[str]:
    """A note for every technology whose Emsland total fell (MaStR wind 2021 → 2023)."""
    notes = []
    for technology in CAPACITY_TECHNOLOGIES:
        item = total(KREIS, technology, start, end)
        if item.change is None or item.change >= -0.0005:
            continue
        notes.append(
            translate(
                lang,
                N_(
                    "{technology} in the Landkreis Emsland falls from {before} MW ({start}) to "
                    "{after} MW ({end}) in the Marktstammdatenregister figures. This may come from "
                    "repowering (old turbines taken down before the new ones are registered), "
                    "decommissioning or a changed assignment of units to Gemeinden: check it "
                    "against the live register before publishing."
                ),
                technology=technology_label(technology, lang),
                before=fmt_number(item.start_mw, lang),
                after=fmt_number(item.end_mw, lang),
                start=_end_of(start, lang),
                end=_end_of(end, lang),
            )
        )
    return notes


def has_sample_capacity() -> bool:
    return bool(capacity()["is_sample"].any())


# --------------------------------------------------------------------------- sources and facts


def _dates(text: str, lang: Lang) -> str:
    """ISO dates inside a vintage ("2021-12-31 – 2023-12-31") in the locale's format."""
    return _ISO_DATE_RE.sub(lambda m: fmt_date(date.fromisoformat(m.group(0)), lang), text)


def sources(used_for: str, lang: Lang) -> list[tuple[str, str]]:
    """``(attribution, vintages)`` of the sources behind ``capacity``, ``opportunity`` or
    ``fact``, one entry per attribution."""
    frame = query("energy_sources")
    frame = frame[frame["used_for"] == used_for]
    grouped: dict[str, list[str]] = {}
    for row in frame.itertuples(index=False):
        name = _LEADING_SOURCE_RE.sub("", str(row.attribution or row.title))
        if row.is_sample:
            name = source_words.title(row.title, lang)  # says "(sample data)" in words
        grouped.setdefault(name, []).append(_dates(str(row.vintage), lang))
    return [
        (name, ", ".join(dict.fromkeys(v for v in vintages if v)))
        for name, vintages in grouped.items()
    ]


@dataclass(frozen=True)
class Fact:
    region: str
    indicator: str
    value: str
    when: str
    publisher: str
    quote: str | None
    url: str | None

    def markdown(self, source_word: str) -> str:
        """Figure, date, publisher, the quote as published and a link to the page."""
        quote = f": “{self.quote}”" if self.quote else ""
        link = f" · [{source_word}]({self.url})" if self.url else ""
        return (
            f"**{self.region}** · {self.indicator}: **{self.value}** ({self.when})  \n"
            f"{self.publisher}{quote}{link}"
        )


def _quoted(note: object) -> str | None:
    """The published sentence of a fact's note (between double quotes); the compiler's
    remarks around it are English working notes and stay in the warehouse."""
    if not isinstance(note, str):
        return None
    found = _QUOTED_RE.findall(note)
    return " … ".join(part.strip() for part in found) if found else None


def _publisher(text: str, lang: Lang) -> str:
    """``CBS (reported by nieuws.nl)`` in the user's language."""
    reported = _REPORTED_RE.match(text)
    if reported is None:
        return text
    return translate(
        lang,
        N_("{publisher}, reported by {medium}"),
        publisher=reported["publisher"],
        medium=reported["medium"],
    )


def facts(lang: Lang) -> list[Fact]:
    """Published energy figures for the region, as quoted, in the user's language."""
    found = []
    for row in query("energy_facts").itertuples(index=False):
        unit = str(row.unit or "")
        unit = translate(lang, FACT_UNITS[unit]) if unit in FACT_UNITS else unit
        number = (
            fmt_number(row.value, lang, 0 if float(row.value).is_integer() else 1)
            if pd.notna(row.value)
            else str(row.value_text)
        )
        value = ("≈ " if row.approximate else "") + number + ("" if unit == "%" else " ") + unit
        when = str(row.reference_date)
        if _ISO_DATE_RE.fullmatch(when):
            when = _end_of(int(when[:4]), lang) if when.endswith("-12-31") else _dates(when, lang)
        found.append(
            Fact(
                region=str(row.region_name),
                indicator=translate(lang, FACT_LABELS.get(row.indicator, row.indicator)),
                value=value,
                when=when,
                publisher=_publisher(str(row.original_publisher), lang),
                quote=_quoted(row.quote),
                url=row.source_url if isinstance(row.source_url, str) else None,
            )
        )
    return found


# --------------------------------------------------------------------------- opportunities


def _visible(user: User) -> list[str]:
    return list(user.visible_associations())


def opportunities(user: User) -> pd.DataFrame:
    """Energy projects; title, description and "partners sought" (free text) only for viewers
    the policy lets see free text."""
    return query("energy_opportunities", visible=_visible(user), free_text=user.sees_free_text())


def _isco_labels(lang: Lang) -> dict[str, str]:
    labels = query("energy_isco_labels")
    return dict(zip(labels["code"], labels[f"label_{lang}"], strict=True))


def opportunity_table(frame: pd.DataFrame, user: User, lang: Lang) -> pd.DataFrame:
    """The project list as shown: translated headers, locale numbers, counts masked for
    funders, and the viewer's own members counted apart where only those have names."""
    mask = user.mask_small_counts()
    own = user.visible_associations()
    table = pd.DataFrame(
        {
            translate(lang, N_("Project")): frame["title"],
            translate(lang, N_("Where")): frame["region_name"] + " (" + frame["country"] + ")",
            translate(lang, N_("Technology")): frame["technology"].map(
                lambda code: technology_label(code, lang)
            ),
            translate(lang, N_("Stage")): frame["stage"].map(lambda code: stage_label(code, lang)),
            translate(lang, N_("Capacity (MW)")): frame["capacity_mw"].map(
                lambda mw: fmt_number(mw, lang, 1) if pd.notna(mw) else ""
            ),
            translate(lang, N_("Member companies across the border")): frame["partners"].map(
                lambda count: fmt_count(count, lang, mask=mask)
            ),
        }
    )
    if len(own) == 1:
        column = translate(lang, N_("Of them {association} members"), association=own[0])
        table[column] = frame["partners_visible"].map(
            lambda count: fmt_count(count, lang, mask=False)
        )
    if user.sees_free_text():
        table[translate(lang, N_("Partners sought"))] = frame["partners_sought"].fillna("")
    else:
        table = table.drop(columns=translate(lang, N_("Project")))
    table[translate(lang, N_("Occupations needed (ISCO-08)"))] = (
        frame["skills"].fillna("").str.replace(";", ", ")
    )
    table[translate(lang, N_("Lead"))] = frame["lead_association"]
    table[translate(lang, N_("Start"))] = frame["start_year"].map(
        lambda year: str(int(year)) if pd.notna(year) else ""
    )
    table[translate(lang, N_("Data"))] = frame["is_sample"].map(
        lambda sample: translate(lang, SAMPLE if sample else REAL)
    )
    return table


def opportunity_label(row: pd.Series, lang: Lang) -> str:
    """A project by its title, or (without free text) by technology and stage."""
    tag = f" ({translate(lang, SAMPLE)})" if row["is_sample"] else ""
    title = row["title"]
    if not isinstance(title, str):
        title = f"{technology_label(row['technology'], lang)}, {stage_label(row['stage'], lang)}"
    return f"{title} · {row['region_name']} ({row['country']}){tag}"


def role_label(role: str, lang: Lang) -> str:
    return translate(lang, ROLE_LABELS.get(role, role))


@dataclass(frozen=True)
class Partners:
    """An opportunity's matched companies: counts per role for everyone, names for some."""

    by_role: pd.DataFrame
    named: pd.DataFrame  # empty for viewers who may see no names
    own_only: bool  # names of the viewer's own association only: the other introduces its own


def partners(opportunity_id: str, user: User, lang: Lang) -> Partners:
    """Matched companies across the border per role — a count for everyone (masked below five
    for funders) and how many each association could introduce — and the viewer's own
    members by name (the query returns no other names)."""
    matches = query("energy_matches", opportunity_id=opportunity_id, visible=_visible(user))
    mask = user.mask_small_counts()
    own = translate(lang, N_("Your members"))
    others = translate(lang, N_("Other associations' members"))
    rows = []
    for role, group in matches.groupby("role", sort=False):
        row = {
            translate(lang, N_("Role")): role_label(str(role), lang),
            translate(lang, N_("Number of companies")): fmt_count(len(group), lang, mask=mask),
        }
        if not mask:
            hidden = group.loc[group["name"].isna(), "associations"].str.replace(",", " + ")
            row[own] = fmt_number(int(group["name"].notna().sum()), lang)
            row[others] = ", ".join(
                f"{fmt_number(count, lang)} {association}"
                for association, count in hidden.value_counts().sort_index().items()
            )
        rows.append(row)
    named = matches[matches["name"].notna()]
    return Partners(
        own_only=not mask and len(user.visible_associations()) < 2,
        by_role=pd.DataFrame(rows),
        named=pd.DataFrame(
            {
                translate(lang, N_("Company")): named["name"],
                translate(lang, N_("Place")): named["region_name"] + " (" + named["country"] + ")",
                translate(lang, N_("Role")): named["role"].map(lambda r: role_label(r, lang)),
                "NACE": named["nace_division"],
                translate(lang, N_("Member of")): named["associations"].str.replace(",", " + "),
            }
        ),
    )


def labour_figures_loaded() -> bool:
    return bool(query("energy_labour_rows")["figures"].iloc[0] > 0)


def skill_gap(opportunity_id: str, lang: Lang) -> tuple[pd.DataFrame, list[str]]:
    """Needed occupations with vacancies and job seekers on each side (NL first), and where
    the figures come from (area, period, sample)."""
    frame = query("energy_skill_gap", opportunity_id=opportunity_id)
    labels = _isco_labels(lang)
    occupation = translate(lang, N_("Occupation (ISCO-08)"))
    columns = [occupation]
    for side in ("NL", "DE"):
        columns += [
            translate(lang, N_("Vacancies {side}"), side=side),
            translate(lang, N_("Job seekers {side}"), side=side),
            translate(lang, N_("Vacancies per job seeker {side}"), side=side),
        ]
    rows: dict[str, dict[str, str]] = {}
    notes: dict[str, str] = {}
    for row in frame.itertuples(index=False):
        code = str(row.isco_code)
        entry = rows.setdefault(code, {occupation: f"{code} {labels.get(code[:2], '')}".strip()})
        if not isinstance(row.country, str):
            continue  # no figures for this occupation on either side
        side = row.country
        ratio = row.demand / row.supply if row.supply else None
        entry[translate(lang, N_("Vacancies {side}"), side=side)] = fmt_number(row.demand, lang)
        entry[translate(lang, N_("Job seekers {side}"), side=side)] = fmt_number(row.supply, lang)
        entry[translate(lang, N_("Vacancies per job seeker {side}"), side=side)] = fmt_number(
            ratio, lang, 1
        )
        period = row.demand_period if isinstance(row.demand_period, str) else row.supply_period
        notes[side] = f"{side}: {row.area}, {fmt_period(str(period), lang)}" + (
            f" ({translate(lang, SAMPLE)})" if row.is_sample else ""
        )
    table = pd.DataFrame(list(rows.values()), columns=columns).fillna("–")
    return table, [notes[side] for side in ("NL", "DE") if side in notes]
