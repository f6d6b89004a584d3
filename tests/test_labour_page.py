"""The labour market page through the real router, for every language and role."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.i18n import LANGS, translate
from dia.auth import DEMO_USERS, Role
from dia.render.labour import SERIES_BREAK
from tests.apptest import ROLE_INDEXES, all_text, open_page, role_id

PAGE = "views/labour.py"
TITLES = {
    "en": "Skilled workers: vacancies and job seekers across the border",
    "nl": "Vakmensen: vacatures en werkzoekenden over de grens",
    "de": "Fachkräfte: Stellen und Arbeitslose beiderseits der Grenze",
}
AREA = {
    "en": "labour market region Drenthe",
    "nl": "arbeidsmarktregio Drenthe",
    "de": "Arbeitsmarktregion Drenthe",
}
SAMPLE = {"en": "sample data", "nl": "voorbeelddata", "de": "Beispieldaten"}
POPULATION_2024 = {"en": "334,539", "nl": "334.539", "de": "334.539"}


def charts(at: Any) -> list[dict[str, Any]]:
    return [json.loads(element.proto.spec) for element in at.get("plotly_chart")]


def choropleths(chart: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        trace
        for trace in chart["data"]
        if trace.get("type") == "choropleth" and str(trace.get("name")).startswith("regions")
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role_index", ROLE_INDEXES, ids=role_id)
def test_labour_page_for_every_role_and_language(
    data_dir: Path, role_index: int, lang: str
) -> None:
    at = open_page(PAGE, role_index, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == TITLES[lang]
    text = all_text(at)
    # sample figures say so; the real ones carry their attribution
    assert "voorbeelddata / Beispieldaten" in text
    assert "© Statistische Ämter des Bundes und der Länder, Deutschland" in text
    assert "© Statistik der Bundesagentur für Arbeit" in text
    assert POPULATION_2024[lang] in text
    funder = DEMO_USERS[role_index][0] is Role.FUNDER
    assert ("<5" in text) is funder  # the aggregates-only note, nothing else is that small


@pytest.mark.parametrize("lang", LANGS)
def test_map_keeps_each_sides_own_scale_and_names_the_source_geography(
    data_dir: Path, lang: str
) -> None:
    at = open_page(PAGE, 0, lang)
    (chart,) = [chart for chart in charts(at) if choropleths(chart)]
    nl, de = choropleths(chart)
    assert nl["colorscale"] != de["colorscale"]
    assert nl["colorbar"]["x"] != de["colorbar"]["x"]
    assert nl["colorbar"]["title"]["text"].startswith("NL")
    assert de["colorbar"]["title"]["text"].startswith("DE")
    emmen = nl["text"][nl["locations"].index("GM0114")]
    assert AREA[lang] in emmen  # coarser than the map: the hover names the geography
    assert SAMPLE[lang] in emmen
    assert "Landkreis Emsland" in de["text"][0]


@pytest.mark.parametrize("lang", LANGS)
def test_ratio_charts_never_share_an_axis_across_the_border(data_dir: Path, lang: str) -> None:
    at = open_page(PAGE, 0, lang)
    counts, tension, trend = charts(at)[:3]
    for chart in (counts, tension):
        layout = chart["layout"]
        assert "xaxis2" in layout and "matches" not in layout["xaxis2"]
    assert "yaxis2" in trend["layout"] and "matches" not in trend["layout"]["yaxis2"]


@pytest.mark.parametrize("lang", LANGS)
def test_population_series_marks_the_census_break(data_dir: Path, lang: str) -> None:
    at = open_page(PAGE, 0, lang)
    (population,) = [
        chart for chart in charts(at) if translate(lang, SERIES_BREAK) in json.dumps(chart)
    ]
    traces = population["data"]
    assert len(traces) == 2  # one line per basis: nothing joins across the break
    assert {"Zensus 2011", "Zensus 2022"} <= {
        basis
        for trace in traces
        for basis in ("Zensus 2011", "Zensus 2022")
        if basis in trace["name"]
    }
    assert population["layout"]["shapes"], "the break is drawn as a line"
