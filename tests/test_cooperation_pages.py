"""The cooperation, progress and indicator pages through the real router: every role and
language, what funders may (not) see, names only for the roles allowed, numbers that match the
warehouse. (tests/test_app_pages.py renders every page for every role and language as well.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.i18n import LANGS
from dia.auth import Role
from tests.apptest import all_text, index_of, open_page, role_id

PAGES = ("views/cooperation.py", "views/progress.py", "views/indicators.py")
ALLOWED = {
    "views/cooperation.py": {Role.DIRECTOR, Role.STAFF, Role.ADMIN, Role.FUNDER},
    "views/progress.py": {Role.DIRECTOR, Role.ADMIN},
    "views/indicators.py": {Role.FUNDER, Role.DIRECTOR, Role.ADMIN},
}
TITLES = {
    "views/cooperation.py": {
        "en": "Cooperation across the border",
        "nl": "Samenwerking over de grens",
        "de": "Grenzüberschreitende Zusammenarbeit",
    },
    "views/progress.py": {
        "en": "Project progress",
        "nl": "Projectvoortgang",
        "de": "Projektfortschritt",
    },
    "views/indicators.py": {
        "en": "Indicators for the funders",
        "nl": "Indicatoren voor de subsidieverstrekkers",
        "de": "Indikatoren für die Fördermittelgeber",
    },
}
FUNDER = index_of(Role.FUNDER)
DIRECTOR_OE = index_of(Role.DIRECTOR, "OE")


# One user per kind of role (the association only changes whose names a user sees).
ROLES = (DIRECTOR_OE, index_of(Role.STAFF, "WVE"), FUNDER, index_of(Role.ADMIN))
CASES = [(page, index, lang) for page in PAGES for index in ROLES for lang in LANGS]


@pytest.mark.parametrize(
    ("page", "role_index", "lang"),
    CASES,
    ids=[f"{Path(p).stem}-{role_id(i)}-{lang}" for p, i, lang in CASES],
)
def test_page_for_role_and_language(
    company_names: dict[str, list[str]], page: str, role_index: int, lang: str
) -> None:
    from dia.auth import DEMO_USERS

    role = DEMO_USERS[role_index][0]
    if role not in ALLOWED[page]:
        at = open_page(None, role_index, lang)
        with pytest.raises(ValueError):
            at.switch_page(page)
        return
    at = open_page(page, role_index, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == TITLES[page][lang]
    text = all_text(at)
    if role is Role.FUNDER:
        leaked = [name for group in company_names.values() for name in group if name in text]
        assert not leaked, leaked[:5]
        assert "<5" in text
    assert any(word in text.lower() for word in ("voorbeelddata", "beispieldaten", "sample data"))


def test_director_sees_names_of_own_members_only(company_names: dict[str, list[str]]) -> None:
    at = open_page("views/indicators.py", DIRECTOR_OE, "nl")
    text = all_text(at)
    names = company_names
    assert any(name in text for name in names["OE"])
    assert not [name for name in names["WVE"] if name in text]
    assert (
        "andere bedrijven zijn lid van een vereniging waarvan u de ledengegevens niet ziet" in text
    )


def test_ledger_page_shows_the_warehouse_numbers(data_dir: Path) -> None:
    from dia.data import indicators, project

    at = open_page("views/indicators.py", index_of(Role.ADMIN), "en")
    ledger = at.table[0].value
    cal = project.calendar()
    expected = indicators.ledger(cal.current, "en", cal)
    assert ledger["Code"].tolist() == expected["code"].tolist()
    shown = ledger["Cumulative"].str.replace(",", "").astype(int).tolist()
    assert shown == expected["cumulative"].astype(int).tolist()
    labels = [
        button.proto.label
        for button in at.get("download_button")
        if button.key.startswith("ledger_")  # the others are the charts' picture/data downloads
    ]
    assert labels == ["Ledger as Excel (.xlsx)", "Report as PDF"]


def test_funder_ledger_masks_small_counts(data_dir: Path) -> None:
    at = open_page("views/indicators.py", FUNDER, "de")
    frames = [element.value for element in [*at.table, *at.dataframe]]
    evidence = "\n".join(frame.to_csv() for frame in frames[1:])
    assert "<5" in evidence
    for frame in frames:
        for column in frame.columns:
            values = frame[column].astype(str)
            assert not values.isin(["1", "2", "3", "4"]).any(), column


@pytest.mark.parametrize("lang", LANGS)
def test_cooperation_map_draws_lines_in_the_language(data_dir: Path, lang: str) -> None:
    at = open_page("views/cooperation.py", DIRECTOR_OE, lang)
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    maps = [s for s in specs if any(t.get("type") == "scattergeo" for t in s["data"])]
    assert maps, "the collaboration map is drawn"
    lines = [
        t for t in maps[0]["data"] if t.get("type") == "scattergeo" and t.get("mode") == "lines"
    ]
    assert len(lines) >= 3  # the border and a line per width step
    legend = {t["name"] for t in lines if t.get("showlegend")}
    step = {"en": "1 collaboration", "nl": "1 samenwerking", "de": "1 Kooperation"}[lang]
    assert step in legend  # the widths are explained in the reader's language
    kind = {
        "en": "Knowledge exchange",
        "nl": "Kennisuitwisseling",
        "de": "Wissensaustausch",
    }[lang]
    middles = [t for t in maps[0]["data"] if t.get("mode") == "markers" and t.get("text")]
    assert any(kind in text for t in middles for text in t["text"])  # kinds at the middle
