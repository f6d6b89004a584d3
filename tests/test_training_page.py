"""The training and internships page through the real router: every role in the three
languages, both sides per occupation group, the map, and "<5" for funders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.i18n import LANGS
from dia.auth import Role
from tests.apptest import all_text, index_of, open_page

PAGE = "views/training.py"
TITLES = {
    "en": "Training and internships across the border",
    "nl": "Opleidingen en stages over de grens",
    "de": "Ausbildung und Praktika über die Grenze hinweg",
}
ROLES = (index_of(Role.DIRECTOR, "OE"), index_of(Role.STAFF, "WVE"), index_of(Role.FUNDER))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role_index", ROLES)
def test_both_sides_per_group_and_the_map(data_dir: Path, role_index: int, lang: str) -> None:
    at = open_page(PAGE, role_index, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == TITLES[lang]
    table = at.dataframe[0].value
    assert any(c.startswith("NL:") for c in table.columns)
    assert any(c.startswith("DE:") for c in table.columns)
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    maps = [s for s in specs if any(t.get("type") == "choropleth" for t in s["data"])]
    assert maps, "the cross-border map is drawn"
    layers = [
        t
        for t in maps[0]["data"]
        if t.get("type") == "choropleth" and str(t.get("name", "")).startswith("regions")
    ]
    assert len(layers) == 2  # each side on its own colour scale
    assert {loc[:2] for loc in layers[0]["locations"]} == {"GM"}
    assert all(loc.startswith("0345") for loc in layers[1]["locations"])
    text = all_text(at)
    assert "DUO" in text and "(21311-01-01-4-B)" in text  # sources under the charts


def test_funders_see_small_counts_masked(data_dir: Path) -> None:
    at = open_page(PAGE, index_of(Role.FUNDER), "en")
    table = at.dataframe[0].value
    unplaced = table["DE: unplaced applicants"]
    assert "<5" in set(unplaced)
    for column in table.columns[1:]:
        assert not table[column].astype(str).isin(["1", "2", "3", "4"]).any(), column


def test_no_vocational_figures_gets_a_message_not_a_crash(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only hbo/Studium figures loaded (real data without the mbo/Ausbildung tables): no group has
    # vocational figures, so there is nothing to pick for the map.
    from dia.render import training

    monkeypatch.setattr(training, "vocational", lambda table: table.iloc[0:0])
    at = open_page(PAGE, index_of(Role.STAFF, "WVE"), "de")
    assert not at.exception, [e.value for e in at.exception]
    assert "Es wurden noch keine Zahlen zur Berufsausbildung eingelesen" in all_text(at)
    assert not [s for s in at.selectbox if s.label == "Berufsgruppe (ISCO-08)"]
