"""Shareable links: page, filters, language and data version in the query string restore the
view, inside the opener's own role."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from core.versions import Version, current_version
from dia.auth import Role
from tests.apptest import DASHBOARD, index_of

OVERVIEW = "views/overview.py"  # the filters in these links are the overview's


def _open(params: dict[str, str], role_index: int, page: str | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    at.session_state["demo_user"] = role_index
    at.query_params = dict(params)
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def test_link_restores_language_and_filters(data_dir: Path, published: Version) -> None:
    # Other tests of the session may publish again; the link names the version now published.
    now = current_version(data_dir / "warehouse")
    assert now is not None
    params = {"lang": "de", "measure": "density", "units": "gemeinde"}
    at = _open(params, index_of(Role.DIRECTOR, "WVE"), OVERVIEW)
    assert not at.exception
    assert at.session_state["lang"] == "de"
    radios = {radio.key: radio.value for radio in at.radio}
    assert radios["measure.de"].key == "density"
    assert radios["units.de"] == "gemeinde"
    assert [s.value for s in at.subheader] == ["Bevölkerungsdichte je Gemeinde"]
    # The view writes language and data version back, so the link can be passed on.
    assert at.query_params["lang"] == "de"
    assert at.query_params["data"] == now.version_id


def test_link_never_carries_a_role(data_dir: Path) -> None:
    funder = index_of(Role.FUNDER)
    params = {"lang": "nl", "measure": "members", "demo_user": str(index_of(Role.ADMIN))}
    at = _open(params, funder, OVERVIEW)
    assert not at.exception
    assert at.session_state["demo_user"] == funder  # the role comes from the opener only
    assert [box.value for box in at.sidebar.selectbox] == ["nl", funder]
    assert next(r for r in at.radio if r.key == "measure.nl").value.key == "members"
    # The funder's view of the same filters: member counts under 5 are not drawn.
    assert "Lidbedrijven per gemeente" in [s.value for s in at.subheader]


def test_link_from_another_data_version_says_so(data_dir: Path) -> None:
    at = _open({"lang": "en", "data": "dia-20250102T030405000000Z-abc123"}, index_of(Role.ADMIN))
    assert not at.exception
    infos = " ".join(i.value for i in at.info)
    assert "This link was made with the data of 2 January 2025, 04:04 (CET)" in infos


def test_language_switch_keeps_filters_and_relabels_the_role(data_dir: Path) -> None:
    """After switching the language the chosen filter and role stay, shown in the new language
    (widgets whose labels change get a key per language)."""
    director = index_of(Role.DIRECTOR, "OE")
    at = _open({"lang": "nl", "measure": "density"}, director, "views/overview.py")
    at.sidebar.selectbox(key="lang").set_value("de").run()
    assert not at.exception
    radios = {radio.key: radio for radio in at.radio}
    assert radios["measure.de"].value.key == "density"
    assert "Bevölkerungsdichte" in radios["measure.de"].options
    role = at.sidebar.selectbox(key="demo_user.de")
    assert role.value == director and role.format_func(role.value) == "Geschäftsführung · OE"
    role.set_value(index_of(Role.FUNDER)).run()
    assert at.session_state["demo_user"] == index_of(Role.FUNDER)


def test_link_restores_a_choice_of_several_statuses(data_dir: Path) -> None:
    """The cooperation map's statuses travel in the link as stable keys and come back, in
    another language and for another viewer, who sees them within their own role."""
    page = "views/cooperation.py"
    staff = _open({"lang": "nl"}, index_of(Role.STAFF, "OE"), page)
    assert not staff.exception
    statuses = next(m for m in staff.multiselect if m.key == "status.nl")
    assert set(statuses.value) == {"active", "completed"}  # the page's default
    statuses.set_value(["planned", "stopped"]).run()
    assert not staff.exception
    link = dict(staff.query_params)
    assert link["status"] in (["planned,stopped"], "planned,stopped")
    # Whoever opens that link (German, a funder) starts from the same statuses.
    params = {key: value[0] if isinstance(value, list) else value for key, value in link.items()}
    params["lang"] = "de"
    opened = _open(params, index_of(Role.FUNDER), page)
    assert not opened.exception
    restored = next(m for m in opened.multiselect if m.key == "status.de")
    assert restored.value == ["planned", "stopped"]
    assert "Geplant" in restored.options and "Abgebrochen" in restored.options
    maps = [c for c in opened.get("plotly_chart") if "Geplant" in c.proto.spec]
    assert maps, "the map draws the planned collaborations"
    # A link that names a status the page does not offer brings only the known ones.
    odd = _open({**params, "status": "stopped,secret"}, index_of(Role.FUNDER), page)
    assert next(m for m in odd.multiselect if m.key == "status.de").value == ["stopped"]
