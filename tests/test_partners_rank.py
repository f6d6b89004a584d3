"""Partner suggestions: the ranking on a hand-made fixture, computed by hand below."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from dia.data.partner_score import Anchor, distance_km, load_weights, rank

CONFIG = """
[weights]
sector = 3.0
distance = 2.0
activity = 1.0
shortage = 2.0
size = 2.0
[sector]
same_division = 1.0
complementary_division = 0.8
same_section = 0.4
complementary_pairs = ["28-33"]
[distance]
max_km = 100.0
[shortage]
cap = 2
[size]
same_class = 1.0
adjacent_class = 0.5
[cooperating]
factor = 0.5
[list]
length = 10
[occupations]
C = ["72", "31"]
[themes]
energy = ["35", "43"]
"""


@pytest.fixture()
def weights(tmp_path: Path):
    path = tmp_path / "partners.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return load_weights(path)


def km(degrees_latitude: float) -> float:
    """Along one meridian the distance is the earth's radius times the angle."""
    return 6371.0 * math.radians(degrees_latitude)


def candidates() -> pd.DataFrame:
    # All on meridian 7.0 E, south of the anchor at 52.70 N, so distances are exact by hand.
    rows = [
        ("A", "C-A", "28", 52.25, "small", {"workshop"}, {"72", "31"}),
        ("B", "C-B", "33", 52.61, "medium", {"workshop", "matchmaking", "webinar"}, {"72"}),
        ("C", "C-C", "28", 52.61, "small", {"workshop", "matchmaking"}, {"72", "31"}),
        ("D", "C-D", "25", 51.35, "large", set(), set()),
        ("E", "C-ANCHOR", "28", 52.70, "small", {"workshop", "matchmaking"}, {"72", "31"}),
    ]
    return pd.DataFrame(
        [
            {
                "member_id": m,
                "company_id": c,
                "nace_division": d,
                "lat": lat,
                "lon": 7.0,
                "size_class": size,
                "activity_types": frozenset(acts),
                "occupations": frozenset(occ),
            }
            for m, c, d, lat, size, acts, occ in rows
        ]
    )


def test_ranking_matches_the_hand_computation(weights) -> None:
    anchor = Anchor(
        country="DE",
        divisions=frozenset({"28"}),
        occupations=frozenset({"72", "31", "21"}),
        activities=frozenset({"workshop", "matchmaking"}),
        lat=52.70,
        lon=7.0,
        size_class="small",
        company_id="C-ANCHOR",
    )
    shortage = frozenset({"72", "31", "25"})
    ranked = rank(anchor, candidates(), weights, shortage, cooperation={"C-C": "active"})

    # Σ weights = 3 + 2 + 1 + 2 + 2 = 10; score = 100 × Σ w·c / 10.
    # A: same division 1; 0.45° = 50.04 km → 1 − 50.04/100; activities {workshop} of
    #    {workshop, matchmaking} → 1/2; shared shortages {31, 72} → 2/2; both small → 1.
    a = 100 * (3 * 1 + 2 * (1 - km(0.45) / 100) + 1 * 0.5 + 2 * 1 + 2 * 1) / 10
    # B: 28–33 complementary 0.8; 0.09° = 10.01 km; 2 of 3 activity types; {72} → 1/2;
    #    small vs medium adjacent → 0.5.
    b = 100 * (3 * 0.8 + 2 * (1 - km(0.09) / 100) + 1 * (2 / 3) + 2 * 0.5 + 2 * 0.5) / 10
    # C: would be best (same division, 10 km, same activities, both shortages, same size),
    #    but already cooperates (active): × 0.5.
    c = 0.5 * 100 * (3 * 1 + 2 * (1 - km(0.09) / 100) + 1 * 1 + 2 * 1 + 2 * 1) / 10
    # D: 25 is section C like 28 → 0.4; 1.35° = 150 km → 0; no activities, no occupations;
    #    small vs large → 0.
    d = 100 * (3 * 0.4) / 10
    assert (
        round(a, 2) == 84.99
        and round(b, 2) == 68.67
        and round(c, 2) == 49.0
        and round(d, 9) == 12.0
    )

    assert ranked["member_id"].tolist() == ["A", "B", "C", "D"]  # E is the anchor itself
    assert ranked["score"].tolist() == pytest.approx([a, b, c, d], abs=1e-4)
    top = ranked.iloc[0]
    assert top["sector_kind"] == "same_division"
    assert top["shared_shortages"] == ["31", "72"]
    assert top["shared_activities"] == ["workshop"]
    assert top["distance_km"] == pytest.approx(km(0.45), abs=1e-6)
    assert ranked.loc[1, "sector_kind"] == "complementary"
    assert ranked.loc[2, "cooperation"] == "active"
    assert ranked.loc[3, "sector_kind"] == "same_section"


def test_a_theme_without_place_or_size_leaves_those_weights_out(weights) -> None:
    theme = Anchor(
        country="DE",
        divisions=weights.themes["energy"],
        occupations=frozenset(),
        activities=frozenset({"energy"}),
        activity_field="activity_themes",
        components=("sector", "activity", "shortage"),
    )
    frame = candidates().assign(
        nace_division=["35", "43", "28", "01", "35"],
        activity_themes=[frozenset({"energy"}), frozenset(), frozenset(), frozenset(), frozenset()],
    )
    ranked = rank(theme, frame, weights, frozenset())
    # Σ weights = 3 + 1 + 2 = 6. A: sector 1, activity 1/1 → 100 × 4/6; B and E: sector only
    # → 100 × 3/6; C and D: nothing.
    scores = dict(zip(ranked["member_id"], ranked["score"], strict=True))
    assert scores == pytest.approx({"A": 400 / 6, "B": 50.0, "E": 50.0, "C": 0.0, "D": 0.0})
    assert ranked["member_id"].tolist()[:3] == ["A", "B", "E"]


def test_distance_is_the_great_circle() -> None:
    # Emmen (52.79 N, 6.90 E) to Meppen (52.69 N, 7.29 E): about 28 km.
    assert distance_km(52.79, 6.90, 52.69, 7.29) == pytest.approx(28.4, abs=0.5)


def test_the_shipped_config_loads_and_rejects_a_bad_pair(tmp_path: Path) -> None:
    shipped = load_weights()
    assert set(shipped.weights) == {"sector", "distance", "activity", "shortage", "size"}
    bad = tmp_path / "bad.toml"
    bad.write_text(CONFIG.replace('["28-33"]', '["28/33"]'), encoding="utf-8")
    with pytest.raises(ValueError, match="28/33"):
        load_weights(bad)
