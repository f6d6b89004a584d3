"""The glossary page: terms, false friends, official indicator names and the one explanation of
the municipal levels, for every role and in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.glossary import load_glossary
from core.i18n import LANGS, translate
from dia.data import glossary
from tests.apptest import ROLE_INDEXES, all_text, demo, open_page, role_id

PAGE = "views/glossary.py"


@pytest.mark.parametrize("role_index", ROLE_INDEXES, ids=role_id)
def test_every_role_has_the_glossary(role_index: int) -> None:
    assert demo(role_index).may_open("glossary")


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_page(data_dir: Path, lang: str) -> None:
    at = open_page(PAGE, 0, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == translate(lang, "Glossary")  # type: ignore[arg-type]
    text = all_text(at)
    # the false friends the issue names, explained in the page's language
    for nl, de in (("gemeente", "Gemeinde"), ("werkloos", "arbeitslos")):
        assert nl in text and de in text
    assert "gemeldete Arbeitsstelle" in text
    friend = next(f for f in load_glossary().false_friends if f.nl == "werkloos")
    assert friend.notes[lang] in text
    # official indicator names with their programme period
    assert "Gezamenlijk georganiseerde grensoverschrijdende openbare evenementen" in text
    assert "2014–2020" in text and "2021–2027" in text
    # every term of the first topic, in all three languages
    first = next(t for t in load_glossary().terms if t.topic == "programme")
    assert all(first.words[other] in text for other in ("nl", "de", "en"))


def test_municipal_levels_are_explained_from_the_warehouse(data_dir: Path) -> None:
    levels = glossary.levels()
    # The shipped boundaries (BKG VG5000): Emsland has 60 Gemeinden in 10 Einheitsgemeinden and
    # 9 Samtgemeinden; Zuidoost-Drenthe has 3 gemeenten.
    assert (levels.gemeenten, levels.gemeinden) == (3, 60)
    assert (levels.einheitsgemeinden, levels.samtgemeinden) == (10, 9)
    assert levels.gemeinde_median < levels.vwg_median < levels.gemeente_median
    for lang in LANGS:
        text = glossary.levels_text(lang)
        assert "60 Gemeinden" in text and levels.smallest_gemeinde in text


@pytest.mark.parametrize("lang", LANGS)
def test_terms_put_the_viewers_language_first(lang: str) -> None:
    frame = glossary.terms("labour", lang)  # type: ignore[arg-type]
    assert len(frame) == sum(1 for t in load_glossary().terms if t.topic == "labour")
    assert frame.columns[0] == {"nl": "Nederlands", "de": "Deutsch", "en": "English"}[lang]
