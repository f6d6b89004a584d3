"""Languages: gettext catalogs (managed with Babel) plus locale-aware number and date formats.

Catalogs live in ``locales/<lang>/LC_MESSAGES/<topic>.po``, one per topic; all of a language are
merged and compiled in memory on first use, so a fresh clone needs no build step. English is the
source language.
"""

from __future__ import annotations

import gettext
import io
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Final, Literal, cast

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import NumberPattern, parse_pattern

from core.paths import LOCALES_DIR

Lang = Literal["nl", "de", "en"]
LANGS: Final[tuple[Lang, ...]] = ("nl", "de", "en")
LANG_NAMES: Final[dict[Lang, str]] = {"nl": "Nederlands", "de": "Deutsch", "en": "English"}
# Babel locales for formatting: NL and DE write 1.234,5; EN writes 1,234.5.
BABEL_LOCALES: Final[dict[Lang, str]] = {"nl": "nl_NL", "de": "de_DE", "en": "en_GB"}
DEFAULT_LANG: Final[Lang] = "en"


@lru_cache(maxsize=len(LANGS))
def translations(lang: Lang) -> gettext.NullTranslations:
    """All catalogs of ``lang`` (one ``.po`` per topic: core, members, …) merged into one."""
    merged: gettext.NullTranslations = gettext.NullTranslations()
    if lang == "en":
        return merged
    for po_path in sorted((LOCALES_DIR / lang / "LC_MESSAGES").glob("*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        part = gettext.GNUTranslations(buffer)
        part.add_fallback(merged)
        merged = part
    return merged


def translate(lang: Lang, message: str, **params: object) -> str:
    """``message`` in ``lang``; ``{placeholders}`` are filled after translation."""
    text = translations(lang).gettext(message)
    return text.format(**params) if params else text


def lang_from_locale(locale_tag: str | None) -> Lang:
    """The UI language for a browser locale such as ``de-DE`` or ``nl-BE``; English otherwise."""
    if locale_tag:
        primary = locale_tag.replace("_", "-").split("-")[0].lower()
        if primary in LANGS:
            return cast(Lang, primary)
    return DEFAULT_LANG


@cache
def babel_locale(lang: Lang) -> Locale:
    """One parsed locale per language: parsing it per formatted cell costs more than the
    formatting (pages format thousands of cells)."""
    return Locale.parse(BABEL_LOCALES[lang])


@lru_cache(maxsize=32)
def _pattern(decimals: int, percent: bool) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else "") + (" %" * percent))


def fmt_number(value: float | int | None, lang: Lang, decimals: int = 0) -> str:
    if value is None or value != value:  # NaN
        return "–"
    return _pattern(decimals, False).apply(value, babel_locale(lang))


def fmt_percent(value: float | None, lang: Lang, decimals: int = 0) -> str:
    if value is None or value != value:
        return "–"
    return _pattern(decimals, True).apply(value, babel_locale(lang))


def fmt_date(value: date | datetime | None, lang: Lang, style: str = "medium") -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return format_datetime(value, format=style, locale=babel_locale(lang))
    return format_date(value, format=style, locale=babel_locale(lang))


def plotly_separators(lang: Lang) -> str:
    """Plotly's ``layout.separators``: decimal mark then thousands mark of the locale."""
    symbols = babel_locale(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]


def N_(message: str) -> str:  # noqa: N802 - gettext convention
    """Mark a string for extraction; it is translated later, where the language is known."""
    return message
