"""The energy page through the real router, per role and language, on the sample warehouse."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from core.i18n import LANGS, translate
from core.versions import Version
from dia.auth import Role
from tests.apptest import ROLE_INDEXES, all_text, index_of, open_page, role_id

PAGE = "views/energy.py"
FUNDER = index_of(Role.FUNDER)
DIRECTOR_OE = index_of(Role.DIRECTOR, "OE")
DIRECTOR_WVE = index_of(Role.DIRECTOR, "WVE")


def member_names(published: Version) -> dict[str, set[str]]:
    """Names of the sample members per association, and (key ``"<A> only"``) of companies that
    are members of association A alone. Long names only, so no common word matches."""
    with duckdb.connect(str(published.path), read_only=True) as con:
        found = con.execute(
            "SELECT association, name, "
            "list_distinct(list(association) OVER (PARTITION BY company_id)) AS memberships "
            "FROM member"
        ).fetchall()
    names: dict[str, set[str]] = {"OE": set(), "WVE": set(), "OE only": set(), "WVE only": set()}
    for association, name, memberships in found:
        if len(name) >= 12:
            names[association].add(name)
            if len(memberships) == 1:
                names[f"{association} only"].add(name)
    return names


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role_index", ROLE_INDEXES, ids=role_id)
def test_page_renders_for_every_role(data_dir: Path, role_index: int, lang: str) -> None:
    at = open_page(PAGE, role_index, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == translate(lang, "Energy transition")  # type: ignore[arg-type]
    assert len(at.get("plotly_chart")) == 3  # map, growth, mix


@pytest.mark.parametrize("lang", LANGS)
def test_funders_see_counts_not_companies(data_dir: Path, published: Version, lang: str) -> None:
    at = open_page(PAGE, FUNDER, lang)
    text = all_text(at)
    names = member_names(published)
    assert names["OE"] and names["WVE"]
    shown = [name for name in names["OE"] | names["WVE"] if name in text]
    assert shown == []
    assert translate(lang, "Your members") not in text  # type: ignore[arg-type]
    assert not at_partner_table(at, translate(lang, "Company"))  # type: ignore[arg-type]
    assert translate(lang, "Counts below 5 are shown as <5.") in text  # type: ignore[arg-type]


def test_directors_see_names_of_their_own_members_only(data_dir: Path, published: Version) -> None:
    names = member_names(published)
    for index, own, other in ((DIRECTOR_OE, "OE", "WVE"), (DIRECTOR_WVE, "WVE", "OE")):
        text = all_text(open_page(PAGE, index, "en"))
        others_only = names[f"{other} only"]
        assert [name for name in others_only if name in text] == []
        named = at_partner_table(open_page(PAGE, index, "en"), "Company")
        assert named, "the sample has members of each association across the border"
        assert set(named["Company"]) <= names[own] | {n for n in named["Company"] if len(n) < 12}
        assert {own} <= {a for cell in named["Member of"] for a in str(cell).split(" + ")}


def at_partner_table(at: object, column: str) -> dict[str, list[object]]:
    """The first table on the page that has ``column``."""
    for element in at.dataframe:  # type: ignore[attr-defined]
        frame = element.value
        if column in frame.columns:
            return {name: frame[name].tolist() for name in frame.columns}
    return {}


@pytest.mark.parametrize(
    ("lang", "solar", "wind", "falls"),
    [
        ("nl", "779", "1.135", "daalt"),
        ("de", "779", "1.135", "sinkt"),
        ("en", "779", "1,135", "falls from 1,197 MW"),
    ],
)
def test_emsland_totals_and_the_wind_note(
    data_dir: Path, lang: str, solar: str, wind: str, falls: str
) -> None:
    at = open_page(PAGE, DIRECTOR_OE, lang)
    values = [metric.value for metric in at.metric]
    assert solar in values and wind in values
    assert any(falls in info.value for info in at.info)
    assert "Marktstammdatenregister" in all_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_sample_figures_are_marked_on_the_map(data_dir: Path, lang: str) -> None:
    at = open_page(PAGE, DIRECTOR_WVE, lang)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [trace.get("name") for trace in spec["data"]]
    assert translate(lang, "Sample figures (not real data)") in names  # type: ignore[arg-type]
    regions = next(trace for trace in spec["data"] if trace.get("name") == "regions")
    hover = dict(zip(regions["locations"], regions["text"], strict=True))
    assert "voorbeelddata / Beispieldaten" in hover["GM0114"]
    assert "voorbeelddata" not in hover["034540032"]  # Lingen: real MaStR figure
    assert spec["layout"]["separators"] == (".," if lang == "en" else ",.")


def test_other_measure_and_german_level(data_dir: Path) -> None:
    at = open_page(PAGE, DIRECTOR_OE, "de")
    at.radio[0].set_value(at.radio[0].options[2]).run()  # per 1,000 inhabitants
    at.radio[1].set_value(at.radio[1].options[1]).run()  # Gemeinden
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    regions = next(trace for trace in spec["data"] if trace.get("name") == "regions")
    assert len(regions["locations"]) == 3 + 60
    assert regions["colorbar"]["tickformat"] == ",.2f"
    assert "MW je 1.000 Einwohner" in " ".join(regions["text"])
