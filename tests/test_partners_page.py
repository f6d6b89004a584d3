"""The partner suggestions page through the real router: roles, languages, names only where the
access policy allows, and marking an introduction."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dia.auth import Role
from tests.apptest import all_text, index_of, open_page

PAGE = "views/partners.py"
TITLES = {
    "en": "Partner suggestions across the border",
    "nl": "Partnersuggesties over de grens",
    "de": "Partnervorschläge über die Grenze hinweg",
}
STAFF_WVE = index_of(Role.STAFF, "WVE")


def _names(data_dir: Path, association: str) -> set[str]:
    from core.versions import current_version

    version = current_version(data_dir / "warehouse")
    assert version is not None
    with duckdb.connect(str(version.path), read_only=True) as con:
        rows = con.execute("SELECT name FROM member WHERE association = ?", [association])
        return {name for (name,) in rows.fetchall()}


@pytest.mark.parametrize("lang", ["en", "nl", "de"])
def test_wve_staff_get_a_ranked_list_of_oe_members_with_reasons(data_dir: Path, lang: str) -> None:
    at = open_page(PAGE, STAFF_WVE, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == TITLES[lang]
    ranked = at.dataframe[0].value
    assert len(ranked) == 10
    assert ranked.iloc[:, 0].tolist() == list(range(1, 11))  # rank
    scores = ranked.iloc[:, 3].tolist()
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    # OE members by place and reasons, never by name: WVE staff do not see OE names.
    text = all_text(at)
    assert not [name for name in _names(data_dir, "OE") if name in text]
    assert set(ranked.iloc[:, 2]) <= {"Emmen", "Coevorden", "Borger-Odoorn"}
    assert ranked.iloc[:, 4].str.len().gt(0).any()  # sector fit
    assert at.get("plotly_chart"), "the score chart is drawn"
    assert any(w in text.lower() for w in ("voorbeelddata", "beispieldaten", "sample data"))


def test_admin_sees_the_names_on_both_sides(data_dir: Path) -> None:
    at = open_page(PAGE, index_of(Role.ADMIN), "en")
    ranked = at.dataframe[0].value
    assert set(ranked["company"]) <= _names(data_dir, "WVE")


def test_funders_do_not_open_the_page(data_dir: Path) -> None:
    at = open_page(None, index_of(Role.FUNDER), "en")
    with pytest.raises(ValueError):
        at.switch_page(PAGE)


def test_directors_see_no_introduction_form(data_dir: Path) -> None:
    at = open_page(PAGE, index_of(Role.DIRECTOR, "OE"), "nl")
    assert not at.exception
    assert not [b for b in at.get("form_submit_button")]


def test_marking_an_introduction_stores_it_and_rebuilds(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy of the published warehouse, so the shared one stays as it is.
    shutil.copytree(data_dir / "warehouse", tmp_path / "warehouse")
    monkeypatch.setenv("DIA_DATA_DIR", str(tmp_path))
    from dia.data import partners

    builds: list[bool] = []

    def fake_rebuild(sample: bool) -> partners.BuildResult:
        builds.append(sample)
        return partners.BuildResult(True, "published")

    monkeypatch.setattr(partners, "rebuild", fake_rebuild)
    at = open_page(PAGE, STAFF_WVE, "de")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert builds == [True]  # sample members: a sample introduction, rebuilt from the samples
    assert any("als geplante Kooperation gespeichert" in s.value for s in at.success)
    stored = (tmp_path / "introductions" / "introductions_sample.csv").read_text("utf-8")
    rows = stored.splitlines()
    assert rows[0].startswith("Voorbeelddata / Beispieldaten") and len(rows) == 3
    assert rows[2].endswith("(DIA Monitor partner page)") and ";planned;" in rows[2]


def test_one_association_loaded_gets_a_message_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only OE's member list and energy projects are loaded: WVE staff have no member to start
    # from, and nobody has a member on the other side yet.
    import subprocess
    import sys

    samples, inbox = tmp_path / "samples", tmp_path / "inbox"
    monkeypatch.setenv("DIA_DATA_DIR", str(tmp_path))
    subprocess.run([sys.executable, "-m", "etl", "samples", "--out", str(samples)], check=True)
    inbox.mkdir()
    for name in ("oe_ledenlijst_2025.xlsx", "oe_energiekansen.xlsx"):
        shutil.copy(samples / name, inbox / name)
    build = [sys.executable, "-m", "etl", "build", "--inbox", str(inbox)]
    subprocess.run(build, check=True, capture_output=True)
    at = open_page("views/partners.py", index_of(Role.STAFF, "WVE"), "de")
    assert not at.exception
    assert "Von diesem Verband wurde noch keine Mitgliederliste eingelesen." in all_text(at)
    at = open_page("views/partners.py", index_of(Role.ADMIN), "nl")
    assert not at.exception
    at.radio[0].set_value("project").run()
    assert not at.exception


@pytest.mark.parametrize("mode", [1, 2])  # an energy project, a theme
def test_projects_and_themes_get_members_of_the_other_side(data_dir: Path, mode: int) -> None:
    at = open_page(PAGE, STAFF_WVE, "en")
    at.radio[0].set_value(at.radio[0].options[mode]).run()
    assert not at.exception, [e.value for e in at.exception]
    ranked = at.dataframe[0].value
    assert 0 < len(ranked) <= 10
    scores = ranked["score"].tolist()
    assert scores == sorted(scores, reverse=True)
    assert not [b for b in at.get("form_submit_button")]  # introductions: company to company
