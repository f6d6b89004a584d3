"""Languages: every user-facing string is translated, numbers and dates follow the locale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core.catalogs import catalog_paths, check_catalog, extract_messages, missing
from core.i18n import fmt_date, fmt_number, lang_from_locale, plotly_separators, translate


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_every_string_is_translated(lang: str) -> None:
    messages = extract_messages()
    assert len(messages) > 30
    assert missing(lang, messages) == []


def test_placeholders_survive_translation() -> None:
    for lang in ("nl", "de", "en"):
        text = translate(
            lang, "Warehouse version {version}, built {built}", version="v1", built="x"
        )  # type: ignore[arg-type]
        assert "v1" in text and "x" in text


@pytest.mark.parametrize(
    ("lang", "number", "date"),
    [
        ("nl", "1.234,5", "3 nov 2021"),
        ("de", "1.234,5", "03.11.2021"),
        ("en", "1,234.5", "3 Nov 2021"),
    ],
)
def test_locale_formats(lang: str, number: str, date: str) -> None:
    assert fmt_number(1234.5, lang, 1) == number  # type: ignore[arg-type]
    assert fmt_date(dt.date(2021, 11, 3), lang) == date  # type: ignore[arg-type]


def test_plotly_separators() -> None:
    assert plotly_separators("nl") == ",."
    assert plotly_separators("de") == ",."
    assert plotly_separators("en") == ".,"


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("de-DE", "de"),
        ("de-AT", "de"),
        ("nl-NL", "nl"),
        ("nl-BE", "nl"),
        ("en-US", "en"),
        ("fr-FR", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_language_from_browser_locale(tag: str | None, lang: str) -> None:
    assert lang_from_locale(tag) == lang


@pytest.mark.parametrize("po_path", catalog_paths("nl") + catalog_paths("de"), ids=str)
def test_catalog_passes_the_format_checks(po_path: Path) -> None:
    """msgfmt -c (Babel's checks where gettext is not installed) and str.format placeholders."""
    assert check_catalog(po_path) == []


def test_the_catalog_check_finds_a_broken_translation(tmp_path: Path) -> None:
    broken = tmp_path / "broken.po"
    broken.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#, python-format\nmsgid "%d rows"\nmsgstr "%s rijen"\n\n'
        'msgid "Sheet {sheet}"\nmsgstr "Werkblad {blad}"\n',
        encoding="utf-8",
    )
    problems = check_catalog(broken)
    assert any("{'" in p or "blad" in p for p in problems)
    assert len(problems) >= 2
