"""Partner suggestions for the partner page (docs/partners.md): candidates from the warehouse,
ranked by ``dia.data.partner_score``, shaped for the viewer (names only where the access policy
allows), and introductions written to the append-only store plus a build in a child process.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

import pandas as pd

from core.i18n import N_, Lang, fmt_number, translate
from core.paths import PROJECT_ROOT
from dia.data import introductions
from dia.render.maps import region_centres
from dia.data.regions import map_shapes
from dia.data.warehouse import query
from dia.data.partner_score import (
    COMPLEMENTARY,
    SAME_DIVISION,
    SAME_SECTION,
    Anchor,
    Weights,
    divisions_of,
    load_weights,
    rank,
    section_of,
)

OTHER: Final[dict[str, str]] = {"OE": "WVE", "WVE": "OE"}
OTHER_COUNTRY: Final[dict[str, str]] = {"NL": "DE", "DE": "NL"}
BUILD_TIMEOUT_SECONDS: Final = 900

SECTOR_REASONS: Final[dict[str, str]] = {
    SAME_DIVISION: N_("same sector: {division}"),
    COMPLEMENTARY: N_("complementary sector: {division}"),
    SAME_SECTION: N_("related sector: {division}"),
}
DISTANCE_REASON = N_("{km} km apart")
ACTIVITY_REASON = N_("both took part in: {activities}")
THEME_REASON = N_("took part in activities on this theme")
SHORTAGE_REASON = N_("shared occupations in shortage: {groups}")
SIZE_REASON = N_("similar size ({size})")
COOPERATING_REASON = N_("already cooperating ({status})")
SIZE_LABELS: Final[dict[str, str]] = {
    "micro": N_("micro"),
    "small": N_("small"),
    "medium": N_("medium-sized"),
    "large": N_("large"),
}
HIDDEN_NAME = N_("{association} member in {place}")


def candidates_for(members: pd.DataFrame, association: str, country: str) -> pd.DataFrame:
    """Members on the other side of the border: the other association, located in the other
    country (an OE member with a German address is no cross-border partner for WVE)."""
    return members[
        (members["association"] == OTHER[association])
        & (members["country"] == OTHER_COUNTRY[country])
    ].reset_index(drop=True)


def with_features(
    members: pd.DataFrame,
    centres: Mapping[str, tuple[float, float]],
    weights: Weights,
) -> pd.DataFrame:
    """Adds ``lat``, ``lon`` (municipality centre; a Kreis-only address: the mean of its
    Gemeinden), ``occupations`` (ISCO groups of the sector) and the activity sets."""
    out = members.copy()

    def centre(region: object) -> tuple[float, float] | None:
        if not isinstance(region, str):
            return None
        if region in centres:
            return centres[region]
        inside = [c for key, c in centres.items() if key.startswith(region) and key != region]
        if not inside:
            return None
        return (sum(c[0] for c in inside) / len(inside), sum(c[1] for c in inside) / len(inside))

    places = out["region_id"].map(centre)
    out["lon"] = places.map(lambda c: c[0] if c else None)
    out["lat"] = places.map(lambda c: c[1] if c else None)
    out["occupations"] = out["nace_section"].map(
        lambda s: weights.occupations.get(s, frozenset()) if isinstance(s, str) else frozenset()
    )
    for column in ("activity_types", "activity_themes"):
        out[column] = out[column].map(lambda v: frozenset(v) if v is not None else frozenset())
    return out


def member_anchor(member: pd.Series, weights: Weights) -> Anchor:
    division = member["nace_division"]
    return Anchor(
        country=str(member["country"]),
        divisions=frozenset({division}) if isinstance(division, str) else frozenset(),
        occupations=frozenset(member["occupations"]),
        activities=frozenset(member["activity_types"]),
        lat=_float(member["lat"]),
        lon=_float(member["lon"]),
        size_class=member["size_class"] if isinstance(member["size_class"], str) else None,
        company_id=str(member["company_id"]),
    )


def project_anchor(
    project: pd.Series, centres: Mapping[str, tuple[float, float]], weights: Weights
) -> Anchor:
    place = centres.get(str(project["region_id"]))
    del weights  # projects name their own occupations
    return Anchor(
        country=str(project["country"]),
        divisions=divisions_of(project["nace_codes"]),
        occupations=frozenset(project["occupations"]),
        activities=frozenset({"energy"}),
        activity_field="activity_themes",
        lat=place[1] if place else None,
        lon=place[0] if place else None,
        components=("sector", "distance", "activity", "shortage"),
    )


def theme_anchor(theme: str, country: str, weights: Weights) -> Anchor:
    divisions = weights.themes.get(theme, frozenset())
    occupations = frozenset().union(
        *(weights.occupations.get(s, frozenset()) for s in _sections(divisions))
    )
    return Anchor(
        country=country,
        divisions=divisions,
        occupations=occupations,
        activities=frozenset({theme}),
        activity_field="activity_themes",
        components=("sector", "activity", "shortage"),
    )


def _sections(divisions: Iterable[str]) -> set[str]:
    return {s for d in divisions if (s := section_of(d))}


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and value == value else None


def cooperation_with(cooperation: pd.DataFrame, company_id: str, country: str) -> dict[str, str]:
    """The other company → collaboration status, for pairs with ``company_id``."""
    own, other = ("company_id_nl", "company_id_de") if country == "NL" else ("company_id_de", "company_id_nl")
    rows = cooperation[cooperation[own] == company_id]
    return dict(zip(rows[other], rows["status"], strict=True))


@dataclass(frozen=True)
class Suggestions:
    table: pd.DataFrame  # ranked, the list's length
    considered: int  # candidates scored


def suggest(
    anchor: Anchor,
    candidates: pd.DataFrame,
    weights: Weights,
    shortage: frozenset[str],
    cooperation: Mapping[str, str] | None = None,
) -> Suggestions:
    ranked = rank(anchor, candidates, weights, shortage, cooperation)
    return Suggestions(ranked.head(weights.length), len(ranked))


def reasons(
    row: pd.Series, anchor: Anchor, labels: Mapping[str, str], lang: Lang
) -> list[str]:
    """The reasons of one suggestion, in words, strongest first."""
    out = []
    division = f"{row['nace_division']} {row['division_label'] or ''}".strip()
    if isinstance(row["sector_kind"], str):
        out.append(translate(lang, SECTOR_REASONS[row["sector_kind"]], division=division))
    km = row["distance_km"]
    if "distance" in anchor.components and km == km and km is not None:
        out.append(translate(lang, DISTANCE_REASON, km=fmt_number(round(km), lang)))
    if row["shared_activities"]:
        if anchor.activity_field == "activity_themes":
            out.append(translate(lang, THEME_REASON))
        else:
            names = ", ".join(labels.get(a, a) for a in row["shared_activities"])
            out.append(translate(lang, ACTIVITY_REASON, activities=names))
    if row["shared_shortages"]:
        groups = ", ".join(labels.get(g, g) for g in row["shared_shortages"])
        out.append(translate(lang, SHORTAGE_REASON, groups=groups))
    if "size" in anchor.components and row["c_size"] >= 1 and isinstance(row["size_class"], str):
        size = translate(lang, SIZE_LABELS.get(row["size_class"], row["size_class"]))
        out.append(translate(lang, SIZE_REASON, size=size))
    if isinstance(row["cooperation"], str):
        status = labels.get(row["cooperation"], row["cooperation"])
        out.append(translate(lang, COOPERATING_REASON, status=status))
    return out


def display_name(row: pd.Series, lang: Lang) -> str:
    """The company's name where the viewer may see it, else what it is and where."""
    if isinstance(row["name"], str):
        return row["name"]
    return translate(
        lang, HIDDEN_NAME, association=row["association"], place=row["municipality"] or "?"
    )


def weights() -> Weights:
    return load_weights()


def members(lang: Lang, visible: tuple[str, ...]) -> pd.DataFrame:
    return query("partner_members", lang=lang, visible=list(visible))


def cooperation() -> pd.DataFrame:
    return query("partner_cooperation")


def projects(free_text: bool) -> pd.DataFrame:
    return query("partner_projects", text=free_text)


def introduced() -> pd.DataFrame:
    """Introductions loaded so far, per current status (counts only)."""
    return query("partner_introductions")


def centres() -> dict[str, tuple[float, float]]:
    """(lon, lat) of every map unit's centre."""
    geojson, _context = map_shapes()
    return region_centres(geojson)


# --------------------------------------------------------------------------- introductions


def partner_of(member_id: str) -> introductions.Partner:
    row = query("partner_reference", member_id=member_id).iloc[0]
    text = {k: (str(v) if isinstance(v, str) else None) for k, v in row.items()}
    return introductions.Partner(
        association=str(text["association"]),
        name=str(text["name"]),
        register_id=text["register_id"],
        member_number=text["member_number"],
    )


def introduce(
    nl: introductions.Partner,
    de: introductions.Partner,
    *,
    by: str,
    kind: str,
    sample: bool,
    on: date | None = None,
) -> str | None:
    return introductions.record(nl, de, by=by, on=on or date.today(), kind=kind, sample=sample)


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    output: str


def rebuild(sample: bool) -> BuildResult:
    """``python -m etl build`` in a child process: the dashboard only reads the warehouse."""
    command = [sys.executable, "-m", "etl", "build", *(["--samples"] if sample else [])]
    try:
        done = subprocess.run(
            command,
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        return BuildResult(False, f"timeout after {exc.timeout} s")
    return BuildResult(done.returncode == 0, (done.stdout + done.stderr)[-2000:])
