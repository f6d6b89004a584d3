"""The members and data pages through the real router, for every role and language: funders
see aggregates only (no company names anywhere, small counts as "<5"), directors and staff see
their own association's member list, staff its contact persons, admins everything."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import numpy as np
import pytest

from core.i18n import LANGS, translate
from core.versions import Version
from dia import uploads
from dia.auth import DEMO_USERS, Role
from tests.apptest import all_text, index_of, open_page, role_id

MEMBERS = "views/members.py"
DATA = "views/data.py"


@pytest.fixture(scope="module")
def names(published: Version) -> Iterator[dict[str, set[str]]]:
    """Company names per association ("OE-only"/"WVE-only": companies in one list only) and
    contact persons."""
    con = duckdb.connect(str(published.path), read_only=True)
    found: dict[str, set[str]] = {"OE": set(), "WVE": set(), "OE-only": set(), "WVE-only": set()}
    rows = con.execute(
        "SELECT association, name, count(*) OVER (PARTITION BY company_id) FROM member"
    ).fetchall()
    for association, name, memberships in rows:
        found[association].add(name)
        if memberships == 1:
            found[f"{association}-only"].add(name)
    found["person"] = {
        p
        for (p,) in con.execute(
            "SELECT person FROM member_contact WHERE person IS NOT NULL"
        ).fetchall()
    }
    con.close()
    yield found


def values(data: object) -> list[float]:
    """A plotly array as numbers, whether plain or binary-encoded (``bdata``)."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return list(data)  # type: ignore[call-overload]


def shown(text: str, candidates: set[str]) -> set[str]:
    return {name for name in candidates if name in text}


@pytest.mark.parametrize("lang", LANGS)
def test_funder_sees_aggregates_only(data_dir: Path, names: dict[str, set[str]], lang: str) -> None:
    at = open_page(MEMBERS, index_of(Role.FUNDER), lang)
    assert not at.exception, [e.value for e in at.exception]
    text = all_text(at)
    assert not shown(text, names["OE"] | names["WVE"]), "no company names for funders"
    assert not shown(text, names["person"])
    assert "<5" in text
    # Chart downloads only (aggregates, masked like the screen); no member list to take home.
    keys = [button.key for button in at.get("download_button")]
    assert keys and all(key.split("_")[0] in ("png", "svg", "xlsx", "csv") for key in keys)
    # The only table a funder gets is the footer's list of sources.
    publisher = {"en": "Publisher", "nl": "Uitgever", "de": "Herausgeber"}[lang]
    tables = list(at.dataframe)
    assert tables, "the footer lists the sources"
    assert all(publisher in frame.value.columns for frame in tables)


@pytest.mark.parametrize("lang", LANGS)
def test_funder_map_hides_small_counts(data_dir: Path, lang: str) -> None:
    at = open_page(MEMBERS, index_of(Role.FUNDER), lang)
    at.radio[1].set_value(at.radio[1].options[1])  # de_level: Gemeinden (many small counts)
    at.run()
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    regions = next(t for t in chart["data"] if t.get("name") == "regions")
    pairs = list(zip(regions["text"], values(regions["z"]), strict=True))
    small = [z for hover, z in pairs if "<5" in hover]
    assert small, "some Gemeinden have fewer than five members"
    assert all(z == 0 for z in small)  # no colour gives a small count away


@pytest.mark.parametrize("association", ["OE", "WVE"])
def test_director_sees_own_members_only(
    data_dir: Path, names: dict[str, set[str]], association: str
) -> None:
    at = open_page(MEMBERS, index_of(Role.DIRECTOR, association), "en")
    assert not at.exception
    text = all_text(at)
    own, other = association, "WVE" if association == "OE" else "OE"
    assert shown(text, names[own])
    # Companies of the other association appear only when they are members of both.
    assert not shown(text, names[f"{other}-only"])
    assert not shown(text, names["person"]), "directors see no contact persons"
    assert [s.value for s in at.subheader if s.value.startswith("Member list")] == [
        f"Member list {own}"
    ]


def test_staff_sees_contact_persons_of_own_association(
    data_dir: Path, names: dict[str, set[str]]
) -> None:
    at = open_page(MEMBERS, index_of(Role.STAFF, "WVE"), "de")
    assert not at.exception
    text = all_text(at)
    assert shown(text, names["person"])
    assert "Ansprechperson" in text
    assert any(b.label.startswith("Mitgliederliste WVE") for b in at.get("download_button"))


def test_admin_sees_both_member_lists(data_dir: Path, names: dict[str, set[str]]) -> None:
    at = open_page(MEMBERS, index_of(Role.ADMIN), "nl")
    assert not at.exception
    lists = [s.value for s in at.subheader if s.value.startswith("Ledenlijst")]
    assert lists == ["Ledenlijst OE", "Ledenlijst WVE"]
    text = all_text(at)
    assert shown(text, names["OE"]) and shown(text, names["WVE"])


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ("Leden per gemeente", "Lid van beide verenigingen", "Industrie")),
        (
            "de",
            ("Mitglieder je Gemeinde", "Mitglied in beiden Verbänden", "Verarbeitendes Gewerbe"),
        ),
        ("en", ("Members per municipality", "Members of both associations", "Manufacturing")),
    ],
)
def test_members_page_speaks_the_language(
    data_dir: Path, lang: str, words: tuple[str, ...]
) -> None:
    at = open_page(MEMBERS, index_of(Role.DIRECTOR, "OE"), lang)
    text = all_text(at)
    for word in words:
        assert word in text
    assert "voorbeelddata / Beispieldaten" in text


@pytest.mark.parametrize(
    ("role_index", "lang"),
    [
        (i, lang)
        for i, (role, _) in enumerate(DEMO_USERS)
        if role in (Role.STAFF, Role.ADMIN)
        for lang in LANGS
    ],
    ids=lambda v: role_id(v) if isinstance(v, int) else v,
)
def test_data_page_for_staff_and_admin(data_dir: Path, role_index: int, lang: str) -> None:
    at = open_page(DATA, role_index, lang)
    assert not at.exception, [e.value for e in at.exception]
    labels = [b.label for b in at.get("download_button")]
    templates = [translate(lang, label) for label in uploads.TEMPLATES.values()]
    assert set(templates) <= set(labels), "every shipped template can be downloaded"
    assert len(labels) == 1 + len(templates)  # and the reject report
    assert at.dataframe, "reject table and build history"


def test_data_page_staff_sees_only_own_member_rejects(data_dir: Path) -> None:
    at = open_page(DATA, index_of(Role.STAFF, "OE"), "en")
    text = all_text(at)
    assert "oe_ledenlijst_2025.xlsx" in text
    assert "wve_mitgliederverzeichnis.xlsx" not in text


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.FUNDER])
def test_data_page_not_reachable_for_others(data_dir: Path, role: Role) -> None:
    association = "OE" if role is Role.DIRECTOR else None
    at = open_page(None, index_of(role, association), "en")
    with pytest.raises(ValueError):
        at.switch_page(DATA)


def test_overview_offers_member_companies(data_dir: Path) -> None:
    at = open_page("views/overview.py", index_of(Role.FUNDER), "en")
    measure = at.radio[0]
    assert "Member companies" in measure.options
    measure.set_value(measure.options[-1])
    at.run()
    assert not at.exception
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    regions = next(t for t in chart["data"] if t.get("name") == "regions")
    assert any("Member companies" in h for h in regions["text"])
