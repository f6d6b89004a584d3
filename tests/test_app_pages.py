"""Every page, through the real router, for every role and language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.i18n import LANGS
from dia.navigation import PAGES, pages_for
from tests.apptest import ROLE_INDEXES, all_text, demo, open_page, role_id

FOOTER = {"en": "Warehouse version", "nl": "Versie datawarehouse", "de": "Data-Warehouse-Version"}

CASES = [
    (page.script, index, lang)
    for index in ROLE_INDEXES
    for page in pages_for(demo(index))
    for lang in LANGS
]


@pytest.mark.parametrize(
    ("page", "role_index", "lang"),
    CASES,
    ids=[f"{Path(p).stem}-{role_id(i)}-{lang}" for p, i, lang in CASES],
)
def test_page_renders(data_dir: Path, page: str, role_index: int, lang: str) -> None:
    at = open_page(page, role_index, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"
    text = all_text(at)
    assert "demo / voorbeelddata / Beispieldaten" in text
    assert FOOTER[lang] in text, "the router's footer surrounds every page"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role_index", ROLE_INDEXES, ids=role_id)
def test_chrome_for_every_role(data_dir: Path, role_index: int, lang: str) -> None:
    """Banner, sidebar switches and footer come from the router, around whichever page runs."""
    at = open_page(None, role_index, lang)
    assert not at.exception
    text = all_text(at)
    assert "demo / voorbeelddata / Beispieldaten" in text
    assert FOOTER[lang] in text
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in text
    assert [box.value for box in at.sidebar.selectbox] == [lang, role_index]


def test_pages_outside_role_are_not_reachable(data_dir: Path) -> None:
    for index in ROLE_INDEXES:
        allowed = {p.script for p in pages_for(demo(index))}
        for page in PAGES:
            if page.script in allowed:
                continue
            at = open_page(None, index, "en")
            with pytest.raises(ValueError):
                at.switch_page(page.script)


@pytest.mark.parametrize("lang", LANGS)
def test_overview_speaks_the_language(data_dir: Path, lang: str) -> None:
    at = open_page("views/overview.py", 0, lang)
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    regions = next(t for t in chart["data"] if t.get("name") == "regions")
    hover = " ".join(regions["text"])
    separators = chart["layout"]["separators"]
    expected = {
        "nl": ("Inwoners", ",."),
        "de": ("Einwohner", ",."),
        "en": ("Population", ".,"),
    }[lang]
    assert expected[0] in hover
    assert separators == expected[1]
    # Emmen's population in the locale's number format.
    emmen = {"nl": "107.025", "de": "107.025", "en": "107,025"}[lang]
    assert emmen in hover
    assert at.title[0].value != ""


def test_browser_locale_sets_default_language(data_dir: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.apptest import DASHBOARD

    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    at.context = {"locale": "de-DE"}
    at.run()
    assert at.session_state["lang"] == "de"


def test_new_publish_shows_up_without_restart(data_dir: Path) -> None:
    """Same process, caches warm: the next session run reads the new version."""
    from core.versions import current_version
    from etl.build import build

    def shown(version_id: str) -> str:  # the footer names a version by its id's last part
        return "Warehouse version " + version_id.rsplit("-", 1)[-1]

    before = current_version(data_dir / "warehouse")
    assert before is not None
    assert shown(before.version_id) in all_text(open_page(None, 0, "en"))
    after = build(use_samples=True).version
    assert after is not None and after != before
    text = all_text(open_page(None, 0, "en"))
    assert shown(after.version_id) in text
    assert shown(before.version_id) not in text
