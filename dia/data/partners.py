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

from core.codes import COLLABORATION_TYPES, STATUSES
from core.i18n import N_, Lang, fmt_number, translate
from core.paths import PROJECT_ROOT
from dia.data import introductions
from dia.data.regions import map_shapes
from dia.data.warehouse import query
from dia.policy import Viewer
from dia.privacy import fmt_count
from dia.render import source_words
from dia.render.maps import region_centres
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
COUNTRY: Final[dict[str, str]] = {"OE": "NL", "WVE": "DE"}
WEIGHTS_SOURCE = N_("Weights and rules: data/config/partners.toml")
PROJECT_HIDDEN = N_("{technology} project in {place} ({association})")
BUILD_TIMEOUT_SECONDS: Final = 900

SIZE_LABELS: Final[dict[str, str]] = {
    "micro": N_("micro"),
    "small": N_("small"),
    "medium": N_("medium-sized"),
    "large": N_("large"),
}
HIDDEN_NAME = N_("{association} member (name for {association} only)")


def candidates_for(members: pd.DataFrame, association: str, country: str) -> pd.DataFrame:
    """Members on the other side of the border: the other association, located in the other
    country (an OE member with a German address is no cross-border partner for WVE)."""
    return members[
        (members["association"] == OTHER[association])
        & (members["country"] == OTHER_COUNTRY[country])
    ].reset_index(drop=True)


def anchors(members: pd.DataFrame, association: str) -> pd.DataFrame:
    """Members the viewer may pick: named (own association) and located on their association's
    side of the border."""
    return members[
        (members["association"] == association)
        & (members["country"] == COUNTRY[association])
        & members["name"].notna()
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


def project_anchor(project: pd.Series, centres: Mapping[str, tuple[float, float]]) -> Anchor:
    """A project stands for the divisions of its technology and the occupations it needs."""
    place = centres.get(str(project["region_id"]))
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
    own, other = (
        ("company_id_nl", "company_id_de")
        if country == "NL"
        else ("company_id_de", "company_id_nl")
    )
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


def display_name(row: pd.Series, lang: Lang) -> str:
    """The company's name where the viewer may see it, else what it is and where."""
    if isinstance(row["name"], str):
        return row["name"]
    return translate(lang, HIDDEN_NAME, association=row["association"])


TABLE_COLUMNS: Final[dict[str, str]] = {
    "rank": N_("Rank"),
    "company": N_("Company"),
    "municipality": N_("Municipality"),
    "score": N_("Score"),
    "fit": N_("Sector fit"),
    "km": N_("km"),
    "activities": N_("Both took part in"),
    "shortages": N_("Shared shortages (ISCO-08)"),
    "size": N_("Size"),
    "sector": N_("Sector (NACE)"),
    "cooperation": N_("Already cooperating"),
}
FIT_LABELS: Final[dict[str, str]] = {
    SAME_DIVISION: N_("same sector"),
    COMPLEMENTARY: N_("complementary"),
    SAME_SECTION: N_("related"),
}
THEME_TAKEN_PART = N_("this theme")


def table_view(
    table: pd.DataFrame, anchor: Anchor, labels: Mapping[str, str], lang: Lang
) -> pd.DataFrame:
    """The ranked list as the page shows it, one column per reason: names only where allowed."""

    def text(value: object, mapping: Mapping[str, str]) -> str:
        return (
            translate(lang, mapping[value]) if isinstance(value, str) and value in mapping else ""
        )

    km = (
        table["distance_km"]
        if "distance" in anchor.components
        else pd.Series(None, index=table.index)
    )
    return pd.DataFrame(
        {
            "rank": range(1, len(table) + 1),
            "company": [display_name(row, lang) for _, row in table.iterrows()],
            "municipality": table["municipality"],
            "score": table["score"].round(0),
            "fit": [text(kind, FIT_LABELS) for kind in table["sector_kind"]],
            "km": [round(v) if isinstance(v, float) and v == v else None for v in km],
            "activities": [
                translate(lang, THEME_TAKEN_PART)
                if shared and anchor.activity_field == "activity_themes"
                else ", ".join(labels.get(a, a) for a in shared)
                for shared in table["shared_activities"]
            ],
            "shortages": [
                ", ".join(f"{g} {_short(labels.get(g, ''), 24)}".strip() for g in groups)
                for groups in table["shared_shortages"]
            ],
            "size": [text(s, SIZE_LABELS) for s in table["size_class"]],
            "sector": [
                f"{d} {_short(label)}" if isinstance(d, str) else ""
                for d, label in zip(table["nace_division"], table["division_label"], strict=True)
            ],
            "cooperation": [
                labels.get(c, c) if isinstance(c, str) else "" for c in table["cooperation"]
            ],
        }
    )


def _short(text: object, width: int = 34) -> str:
    value = str(text) if isinstance(text, str) else ""
    return value if len(value) <= width else value[: width - 1].rstrip(" ,;") + "…"


def member_labels(frame: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """Each member's label in a pick list (name, place, sector), made in one pass: a pick
    list asks for every option's label on every rerun."""
    hidden = {
        association: translate(lang, HIDDEN_NAME, association=association)
        for association in frame["association"].dropna().unique()
    }
    return {
        member_id: " · ".join(
            part
            for part in (name if isinstance(name, str) else hidden.get(association), place, sector)
            if isinstance(part, str)
        )
        for member_id, name, association, place, sector in zip(
            frame["member_id"],
            frame["name"],
            frame["association"],
            frame["municipality"],
            frame["nace_division"],
            strict=True,
        )
    }


def project_label(projects: pd.DataFrame, opportunity_id: str, lang: Lang) -> str:
    """The project's title where the viewer may read free text, else what and where."""
    row = projects[projects["opportunity_id"] == opportunity_id].iloc[0]
    if isinstance(row["title"], str):
        return f"{row['title']} ({row['lead_association']})"
    return translate(
        lang,
        PROJECT_HIDDEN,
        technology=row["technology"],
        place=row["municipality"] or "?",
        association=row["lead_association"],
    )


def sources(lang: Lang) -> list[tuple[str, str]]:
    """(source, vintage) pairs for the caption under the list and the chart."""
    rows = query("partner_sources")
    found = [
        (source_words.named(row.title, None, lang), source_words.dates(row.vintage, lang))
        for row in rows.itertuples(index=False)
    ]
    found = list(dict.fromkeys(found))  # the record files are one source in words
    return [*found, (translate(lang, WEIGHTS_SOURCE), "")]


def weights() -> Weights:
    return load_weights()


def members(lang: Lang, visible: tuple[str, ...]) -> pd.DataFrame:
    return query("partner_members", lang=lang, visible=list(visible))


def cooperation() -> pd.DataFrame:
    return query("partner_cooperation")


def projects(free_text: bool) -> pd.DataFrame:
    return query("partner_projects", text=free_text)


INTRODUCTION_COLUMNS: Final[dict[str, str]] = {
    "nl": N_("Partner NL"),
    "de": N_("Partner DE"),
    "type": N_("Type of collaboration"),
    "status": N_("Status"),
}


@dataclass(frozen=True)
class Introductions:
    count: str  # how many, as the viewer may see the number
    table: pd.DataFrame | None  # None for viewers who see aggregates only
    listed: int  # rows of the table


def introduced(viewer: Viewer, lang: Lang) -> Introductions:
    """Introductions from the partner page that became collaborations: a table for who may
    see member detail (headers in ``lang``), only their number for viewers of aggregates."""
    frame = introductions_view(viewer.visible_associations(), lang)
    table = None
    if not viewer.mask_small_counts():
        table = frame.rename(columns={k: translate(lang, v) for k, v in INTRODUCTION_COLUMNS.items()})
    return Introductions(
        count=fmt_count(len(frame), lang, mask=viewer.mask_small_counts()),
        table=table,
        listed=len(frame),
    )


def introductions_view(visible: tuple[str, ...], lang: Lang) -> pd.DataFrame:
    """Introductions loaded as collaborations: each partner by name where the viewer may see
    it, else by its municipality; type and status in the viewer's language."""
    rows = query("partner_introduction_list", visible=list(visible))

    def side(company: object, place: object, association: str) -> str:
        if isinstance(company, str):
            return company
        return translate(lang, HIDDEN_NAME, association=association) + (
            f" · {place}" if isinstance(place, str) else ""
        )

    return pd.DataFrame(
        {
            "nl": [
                side(c, p, "OE")
                for c, p in zip(rows["nl_company"], rows["nl_municipality"], strict=True)
            ],
            "de": [
                side(c, p, "WVE")
                for c, p in zip(rows["de_company"], rows["de_municipality"], strict=True)
            ],
            "type": [translate(lang, COLLABORATION_TYPES.get(t, t)) for t in rows["type"]],
            "status": [translate(lang, STATUSES.get(s, s)) for s in rows["status"]],
        }
    )


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


@dataclass(frozen=True)
class Introduction:
    collaboration_id: str | None  # None: the pair was introduced before
    sample: bool


def mark_introduced(
    anchor: pd.Series, candidate: pd.Series, kind: str, viewer: Viewer, on: date | None = None
) -> Introduction:
    """Append the introduction of two members (one per side) to the store."""
    first, second = partner_of(str(anchor["member_id"])), partner_of(str(candidate["member_id"]))
    nl, de = (first, second) if anchor["country"] == "NL" else (second, first)
    sample = bool(anchor["is_sample"]) and bool(candidate["is_sample"])
    by = viewer.association or viewer.role.value
    key = introductions.record(nl, de, by=by, on=on or date.today(), kind=kind, sample=sample)
    return Introduction(key, sample)


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
