"""The glossary (core/glossary.toml) is complete and consistent, and the catalogs follow it."""

from __future__ import annotations

import tomllib

import pytest

from core.catalogs import catalog_texts
from core.glossary import load_glossary, variant_pattern, violations
from core.paths import PROJECT_ROOT


def test_every_term_has_three_languages_a_definition_and_a_source() -> None:
    glossary = load_glossary()
    assert len(glossary.terms) >= 60
    for term in glossary.terms:
        for lang in ("en", "nl", "de"):
            assert term.words[lang].strip(), (term.id, lang)
            assert term.definitions[lang].strip(), (term.id, lang)
        assert term.source.strip(), term.id


def test_no_term_forbids_its_own_word() -> None:
    for term in load_glossary().terms:
        for lang in ("nl", "de"):
            for form in term.words[lang].split(" | "):
                for variant in term.avoid[lang]:
                    assert not variant_pattern(variant).search(form), (term.id, lang, variant)


def test_the_false_friends_of_the_region_are_explained() -> None:
    pairs = {(friend.nl, friend.de) for friend in load_glossary().false_friends}
    assert {("gemeente", "Gemeinde"), ("werkloos", "arbeitslos")} <= pairs
    assert ("vacature", "gemeldete Arbeitsstelle") in pairs


@pytest.mark.parametrize(
    ("lang", "text", "term"),
    [
        ("nl", "Indicatoren voor de subsidiegevers", "funder"),
        ("nl", "Tel", "count"),
        ("de", "Kurzzeitige WW-Bezieher", "ww_benefits"),
        ("de", "Dem Blatt fehlt eine Spalte", "sheet"),
        ("de", "Im Verzug", "behind_schedule"),
    ],
)
def test_a_variant_in_a_catalog_is_found(lang: str, text: str, term: str) -> None:
    found = violations(lang, {"test": {"any msgid": text}})
    assert term in {v.term for v in found}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Aantal"),
        ("nl", "Indicatoren voor de subsidieverstrekkers"),
        ("de", "Tabellenblatt {sheet}: die Pflichtspalte {column} fehlt"),
        ("de", "In Betrieb"),
    ],
)
def test_the_glossary_words_pass(lang: str, text: str) -> None:
    assert violations(lang, {"test": {"any msgid": text}}) == []


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_every_catalog_uses_the_glossary_terms(lang: str) -> None:
    catalogs = catalog_texts(lang)
    assert len(catalogs) >= 6  # every topic's catalog, those added later included
    found = violations(lang, catalogs)
    assert found == [], "\n".join(
        f"{v.catalog}: {v.variant!r} ({v.term}) in {v.text!r}" for v in found
    )


def test_the_project_records_template_headers_use_the_glossary_terms() -> None:
    """Our own template (not an association's list) names its columns in glossary terms: the
    first alias of each field is the Dutch header, the second the German one."""
    config = tomllib.loads(
        (PROJECT_ROOT / "etl" / "config" / "record_columns.toml").read_text(encoding="utf-8")
    )
    fields = {
        f"{kind}.{field}": aliases
        for kind, table in config.items()
        for field, aliases in table.items()
        if isinstance(aliases, list)
    }
    headers = {
        lang: {field: aliases[index] for field, aliases in fields.items()}
        for index, lang in enumerate(("nl", "de"))
    }
    assert len(headers["de"]) > 10
    for lang, by_field in headers.items():
        assert violations(lang, {"record_columns.toml": by_field}) == [], lang
