"""Scoring of cross-border partner suggestions (docs/partners.md), pure and without Streamlit.

An *anchor* (a member company, an energy project or a theme) is compared with every member on
the other side of the border. Each reason is a component between 0 and 1; the score is their
weighted mean (weights in data/config/partners.toml) over the components the anchor has.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import pandas as pd

from core.paths import PROJECT_ROOT

CONFIG_FILE: Final = PROJECT_ROOT / "data" / "config" / "partners.toml"
COMPONENTS: Final = ("sector", "distance", "activity", "shortage", "size")
SIZE_ORDER: Final = ("micro", "small", "medium", "large")
EARTH_RADIUS_KM: Final = 6371.0
# Collaboration statuses that mean the pair already works together.
COOPERATING: Final = frozenset({"planned", "active", "completed"})

SAME_DIVISION: Final = "same_division"
COMPLEMENTARY: Final = "complementary"
SAME_SECTION: Final = "same_section"


@dataclass(frozen=True)
class Weights:
    """The contents of data/config/partners.toml."""

    weights: Mapping[str, float]
    same_division: float
    complementary: float
    same_section: float
    complementary_pairs: frozenset[frozenset[str]]
    max_km: float
    shortage_cap: int
    same_size: float
    adjacent_size: float
    cooperating_factor: float
    length: int
    occupations: Mapping[str, frozenset[str]]
    themes: Mapping[str, frozenset[str]]


def load_weights(path: Path = CONFIG_FILE) -> Weights:
    """Read the config; a missing weight or a malformed division pair raises ``ValueError``."""
    with path.open("rb") as handle:
        config = tomllib.load(handle)
    weights = {name: float(config["weights"][name]) for name in COMPONENTS}
    if any(value < 0 for value in weights.values()) or not sum(weights.values()):
        raise ValueError(f"{path.name}: weights must be ≥ 0 and not all 0")
    pairs = set()
    for pair in config["sector"]["complementary_pairs"]:
        parts = str(pair).split("-")
        if len(parts) != 2 or not all(p.isdigit() and len(p) == 2 for p in parts):
            raise ValueError(f"{path.name}: {pair!r} is no pair of NACE divisions like '28-33'")
        pairs.add(frozenset(parts))
    return Weights(
        weights=weights,
        same_division=float(config["sector"]["same_division"]),
        complementary=float(config["sector"]["complementary_division"]),
        same_section=float(config["sector"]["same_section"]),
        complementary_pairs=frozenset(pairs),
        max_km=float(config["distance"]["max_km"]),
        shortage_cap=int(config["shortage"]["cap"]),
        same_size=float(config["size"]["same_class"]),
        adjacent_size=float(config["size"]["adjacent_class"]),
        cooperating_factor=float(config["cooperating"]["factor"]),
        length=int(config["list"]["length"]),
        occupations={k: frozenset(map(str, v)) for k, v in config["occupations"].items()},
        themes={k: frozenset(map(str, v)) for k, v in config["themes"].items()},
    )


@dataclass(frozen=True)
class Anchor:
    """What suggestions are sought for. ``divisions`` are the NACE divisions it stands for (one
    for a company, the fitting ones for a project or theme); ``activities`` the activity keys
    compared with the candidates' (``activity_field``); ``None`` leaves a component out."""

    country: str
    divisions: frozenset[str]
    occupations: frozenset[str]
    activities: frozenset[str] = frozenset()
    activity_field: str = "activity_types"
    lat: float | None = None
    lon: float | None = None
    size_class: str | None = None
    company_id: str | None = None
    components: tuple[str, ...] = field(default=COMPONENTS)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def sector_fit(anchor: Anchor, division: str | None, w: Weights) -> tuple[float, str | None]:
    """The sector component and its kind (same division, complementary, same section)."""
    if not division or division != division:
        return 0.0, None
    if division in anchor.divisions:
        return w.same_division, SAME_DIVISION
    if any(frozenset({division, d}) in w.complementary_pairs for d in anchor.divisions):
        return w.complementary, COMPLEMENTARY
    if {section_of(division)} & {section_of(d) for d in anchor.divisions} - {None}:
        return w.same_section, SAME_SECTION
    return 0.0, None


# NACE Rev. 2 sections by their first and last division.
_SECTIONS: Final = (
    ("A", 1, 3), ("B", 5, 9), ("C", 10, 33), ("D", 35, 35), ("E", 36, 39), ("F", 41, 43),
    ("G", 45, 47), ("H", 49, 53), ("I", 55, 56), ("J", 58, 63), ("K", 64, 66), ("L", 68, 68),
    ("M", 69, 75), ("N", 77, 82), ("O", 84, 84), ("P", 85, 85), ("Q", 86, 88), ("R", 90, 93),
    ("S", 94, 96), ("T", 97, 98), ("U", 99, 99),
)  # fmt: skip


def section_of(division: str) -> str | None:
    number = int(division) if division.isdigit() else -1
    return next((s for s, first, last in _SECTIONS if first <= number <= last), None)


def divisions_of(codes: Iterable[str]) -> frozenset[str]:
    """NACE codes as divisions: a section letter stands for all its divisions."""
    out: set[str] = set()
    for code in codes:
        if code.isdigit():
            out.add(code.zfill(2))
            continue
        for section, first, last in _SECTIONS:
            if section == code:
                out.update(f"{n:02d}" for n in range(first, last + 1))
    return frozenset(out)


def size_fit(a: str | None, b: str | None, w: Weights) -> float:
    if a not in SIZE_ORDER or b not in SIZE_ORDER:
        return 0.0
    gap = abs(SIZE_ORDER.index(a) - SIZE_ORDER.index(b))
    return w.same_size if gap == 0 else w.adjacent_size if gap == 1 else 0.0


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    left, right = set(a), set(b)
    union = left | right
    return len(left & right) / len(union) if union and left and right else 0.0


def rank(
    anchor: Anchor,
    candidates: pd.DataFrame,
    w: Weights,
    shortage: frozenset[str],
    cooperation: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Score every candidate, best first.

    ``candidates`` has one row per member on the other side: ``member_id, company_id,
    nace_division, lat, lon, size_class, occupations`` (set of ISCO sub-major groups) and the
    anchor's ``activity_field`` (set). ``shortage`` holds the ISCO groups in shortage on either
    side; ``cooperation`` maps a candidate's company_id to its collaboration status with the
    anchor. Adds the components, the reasons' details and ``score`` (0–100)."""
    cooperation = cooperation or {}
    used = [c for c in anchor.components if w.weights[c] > 0]
    total_weight = sum(w.weights[c] for c in used)
    rows = []
    for row in candidates.itertuples(index=False):
        sector, sector_kind = sector_fit(anchor, getattr(row, "nace_division", None), w)
        km = None
        if anchor.lat is not None and anchor.lon is not None and _known(row.lat, row.lon):
            km = distance_km(anchor.lat, anchor.lon, float(row.lat), float(row.lon))
        near = max(0.0, 1 - km / w.max_km) if km is not None else 0.0
        theirs = getattr(row, anchor.activity_field) or frozenset()
        shared_activities = sorted(set(anchor.activities) & set(theirs))
        activity = jaccard(anchor.activities, theirs)
        shared_short = sorted(anchor.occupations & set(row.occupations or ()) & shortage)
        short = min(1.0, len(shared_short) / w.shortage_cap) if w.shortage_cap else 0.0
        size = size_fit(anchor.size_class, row.size_class, w)
        parts = {
            "sector": sector,
            "distance": near,
            "activity": activity,
            "shortage": short,
            "size": size,
        }
        score = 100 * sum(w.weights[c] * parts[c] for c in used) / total_weight
        status = cooperation.get(row.company_id)
        if status in COOPERATING:
            score *= w.cooperating_factor
        rows.append(
            {
                "member_id": row.member_id,
                **{f"c_{name}": value for name, value in parts.items()},
                "sector_kind": sector_kind,
                "distance_km": km,
                "shared_activities": shared_activities,
                "shared_shortages": shared_short,
                "cooperation": status,
                "score": round(score, 6),
            }
        )
    scored = pd.DataFrame(rows)
    if scored.empty:
        return scored
    out = candidates.merge(scored, on="member_id")
    if anchor.company_id is not None:
        out = out[out["company_id"] != anchor.company_id]
    return out.sort_values(["score", "member_id"], ascending=[False, True]).reset_index(drop=True)


def _known(*values: object) -> bool:
    return all(v is not None and v == v for v in values)
