"""Sources in words, in the reader's language: the English parts of source records (publisher
descriptions, licences, sample notes) translated, ISO dates and quarters written as people
read them in that language."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final
from zoneinfo import ZoneInfo

from babel.dates import format_date

from core.i18n import N_, Lang, babel_locale, fmt_date, translate

# English texts that occur in the source register (data/reference/sources.csv and the sample
# generators); everything else there is a proper name or already bilingual.
SOURCE_TEXTS: Final = (
    N_("OpenStreetMap contributors"),
    N_("© OpenStreetMap contributors"),
    N_("4PP (MIT licence)"),
    N_("4PP postcode table (alternative place spellings)"),
    N_("bobdenotter/4pp (community compilation)"),
    N_("Published regional figures, quoted from public web pages"),
    N_("CBS, Provincie Drenthe and others (quoted per figure)"),
    N_("Facts; CBS figures CC BY 4.0"),
    N_("DIA Monitor (generated sample)"),
    N_("intern / intern"),
)
QUARTER = N_("Q{quarter} {year}")
VERSION_LABEL = N_("{date}, {time} ({zone})")
# Build times are shown in the project's time zone, the same on every page and export.
TIME_ZONE: Final = ZoneInfo("Europe/Amsterdam")
_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_QUARTER = re.compile(r"\b(\d{4})-Q([1-4])\b")
_MONTH = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])\b")


def words(text: object, lang: Lang) -> str:
    """A source record's text in ``lang`` (unchanged when it is a name)."""
    value = "" if text is None else str(text)
    return translate(lang, value) if value in SOURCE_TEXTS else value


def dates(text: object, lang: Lang) -> str:
    """``2021-01-01`` → "1 jan 2021" / "01.01.2021"; ``2023-10`` → "okt 2023" / "Okt. 2023";
    ``2022-Q1`` → "K1 2022" / "Q1 2022"."""
    value = "" if text is None else str(text)
    value = _DATE.sub(lambda m: fmt_date(dt.date(int(m[1]), int(m[2]), int(m[3])), lang), value)
    value = _MONTH.sub(lambda m: _month(int(m[1]), int(m[2]), lang), value)
    return _QUARTER.sub(lambda m: translate(lang, QUARTER, quarter=m[2], year=m[1]), value)


def _month(year: int, month: int, lang: Lang) -> str:
    """``2023-10`` → "okt 2023" / "Okt. 2023" / "Oct 2023"."""
    return format_date(dt.date(year, month, 1), format="MMM yyyy", locale=babel_locale(lang))


def fmt_build_time(moment: dt.datetime, lang: Lang) -> str:
    """A build time in the project's time zone, e.g. "1 december 2026, 05:10 (CET)"."""
    local = moment.astimezone(TIME_ZONE)
    return translate(
        lang,
        VERSION_LABEL,
        date=fmt_date(local.date(), lang, "long"),
        time=local.strftime("%H:%M"),
        zone=local.strftime("%Z"),
    )
