"""Normalisers shared by every reader: text keys, postcodes, sector codes, dates, register
numbers and employee counts, as people type them into spreadsheets.

Each column-level function takes a pandas Series of raw cell values (str, int, float, date or
empty) and returns normalised columns plus an ``error`` column: ``None`` where the value was
readable or empty, else the English message template (a gettext msgid) that explains why not.
Work is done on whole columns; only values no fast path recognises are looked at one by one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Final

import numpy as np
import pandas as pd

from dia.i18n import N_

# --- messages (gettext msgids; rejects carry them with {value}) ----------------------------------
BAD_POSTCODE = N_("Postcode {value} is neither a Dutch (1234 AB) nor a German (12345) postcode")
BAD_SECTOR = N_("Sector {value} is no SBI/WZ 2008 code and no known sector name")
SECTOR_MISMATCH = N_("Sector {value}: the section letter does not match the code")
BAD_DATE = N_("Date {value} cannot be read; write it as 31-12-2019, 31.12.2019 or 2019-12-31")
IMPLAUSIBLE_DATE = N_("Date {value} lies before 1900 or in the future")
BAD_REGISTER = N_(
    "Register number {value} is neither a KvK number (8 digits) nor a Handelsregister entry "
    "such as HRB 123456"
)
BAD_EMPLOYEES = N_(
    "Employees {value} cannot be read; give a number or a range within one size class (10-49)"
)

# --- text keys ------------------------------------------------------------------------------


def text_key(value: object) -> str:
    """Lower case, without accents, spaces or punctuation: ``"KvK-nummer"`` → ``"kvknummer"``."""
    text = unicodedata.normalize("NFKD", str(value).casefold())
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def text_keys(values: pd.Series) -> pd.Series:
    """``text_key`` of a whole column (missing stays missing), computed in vectorised steps."""
    text = as_text(values)
    return (
        text.str.normalize("NFKD")
        .str.lower()
        .str.replace("ß", "ss", regex=False)
        .str.replace(r"[^\p{L}\p{N}]|\p{M}", "", regex=True)
        .replace("", None)
    )


# Legal forms and filler words left out when names are compared (not when they are shown).
LEGAL_FORMS: Final = (
    r"gmbh\s*&\s*co\.?\s*kg",
    r"b\.?\s?v\.?",
    r"n\.?\s?v\.?",
    r"v\.?\s?o\.?\s?f\.?",
    r"c\.?\s?v\.?",
    r"gmbh",
    r"mbh",
    r"ug\s*\(haftungsbeschr[aä]nkt\)",
    r"ug",
    r"kgaa",
    r"kg",
    r"ohg",
    r"ag",
    r"gbr",
    r"e\.?\s?k\.?",
    r"e\.?\s?v\.?",
    r"e\.?\s?g\.?",
    r"eg",
    r"se",
    r"holding",
    r"& co\.?",
    r"eenmanszaak",
)
_LEGAL_FORM_RE: Final = r"(?:^|\s)(?:" + "|".join(LEGAL_FORMS) + r")(?=\s|$|,)"


def name_keys(names: pd.Series) -> pd.Series:
    """Company names for matching: legal forms (B.V., GmbH & Co. KG, …) and punctuation removed."""
    text = as_text(names).str.lower()
    text = text.str.replace(_LEGAL_FORM_RE, " ", regex=True)
    text = text.str.replace(_LEGAL_FORM_RE, " ", regex=True)  # "… GmbH & Co. KG Holding"
    return text_keys(text)


# What people type for "nothing here": treated like an empty cell.
NO_VALUE: Final = frozenset(
    {"-", "–", "—", "?", "n.b.", "nb", "n.v.t.", "nvt", "onbekend", "k.a.", "k. a.", "ka",
     "keine angabe", "unbekannt", "n/a", "na", "none", "null", "#n/a", "#nv"}
)  # fmt: skip


def clean_text(values: pd.Series) -> pd.Series:
    """Cell values as trimmed single-spaced text; empty cells (and "-", "n.b.", "k. A.", …)
    become missing."""
    text = as_text(values).str.replace(r"\s+", " ", regex=True).str.strip()
    return text.where((text != "") & ~text.str.lower().isin(NO_VALUE), None)


def as_text(values: pd.Series) -> pd.Series:
    """Any cell values as a string column; integral floats lose their ``.0`` (``7811.0`` → 7811)."""
    if values.dtype == object or pd.api.types.is_numeric_dtype(values.dtype):
        values = values.map(_cell_text, na_action="ignore")
    return values.astype("str")


def _cell_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def is_blank(values: pd.Series) -> pd.Series:
    """True where a cell is empty, only whitespace or says "no value" ("-", "n.b.", "k. A.")."""
    return clean_text(values).isna()


# --- postcodes ------------------------------------------------------------------------------

_POSTCODE_RE: Final = re.compile(
    r"^(?:NL)?(?P<nl>[1-9]\d{3})(?P<letters>[A-Z]{2})?$|^(?:DE?)?(?P<de>\d{5})$"
)
# The code, then optionally a city: "7811 AB Emmen", "D-49716 Meppen".
_POSTCODE_SPLIT_RE: Final = (
    r"^(?P<code>(?:[A-Za-z]{1,2}[\s-]?)?\d{4,5}(?:\s?[A-Za-z]{2}(?![A-Za-z]))?)"
    r"(?:[\s,]+(?P<city>\D.*))?$"
)


def postcodes(values: pd.Series) -> pd.DataFrame:
    """Dutch and German postcodes in any common spelling.

    ``7811 AB``, ``7811ab``, ``NL-7811 AB``, ``7811`` and ``7811.0`` are Dutch; ``49716``,
    ``D-49716`` and the number 49716 are German. A city typed after the postcode
    (``49716 Meppen``) is returned as ``city_hint``. Columns: ``country`` (NL/DE), ``postcode``
    (as shown: ``7811 AB``, ``7811``, ``49716``), ``key`` (PC4 or PLZ, for lookups),
    ``city_hint``, ``error``.
    """
    text = clean_text(values)
    split = text.str.extract(_POSTCODE_SPLIT_RE)
    compact = split["code"].str.upper().str.replace(r"[\s.\-]", "", regex=True)
    parts = compact.str.extract(_POSTCODE_RE.pattern)
    nl = parts["nl"].notna()
    de = parts["de"].notna()
    postcode = pd.Series(None, index=values.index, dtype="str")
    postcode = postcode.mask(nl, parts["nl"] + (" " + parts["letters"]).fillna(""))
    postcode = postcode.mask(de, parts["de"])
    key = parts["nl"].fillna(parts["de"])
    country = pd.Series(np.where(nl, "NL", np.where(de, "DE", None)), index=values.index)
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(text.notna() & ~(nl | de), BAD_POSTCODE)
    return pd.DataFrame(
        {
            "country": country.where(nl | de, None),
            "postcode": postcode,
            "key": key,
            "city_hint": split["city"].where(nl | de, None),
            "error": error,
        }
    )


# --- sector codes (SBI 2008 / WZ 2008 / NACE Rev. 2) -------------------------------------------

_SECTOR_RE: Final = (
    r"^(?P<letter>[A-U])?\s*[-:.]?\s*"
    r"(?:(?P<dotted>\d{1,2}[.,]\d{1,2}(?:[.,]?\d{1,2})*)|(?P<digits>\d{1,5}))"
    r"(?:\s*$|\s+[-–:]?\s*\D.*$)"
)


def sector_codes(
    values: pd.Series,
    division_section: dict[str, str],
    names: Callable[[pd.Series], pd.DataFrame],
) -> pd.DataFrame:
    """SBI/WZ 2008 codes in any spelling, or a known sector name, → NACE division and section.

    ``62.01``, ``6201``, ``62010``, ``C 25.62``, ``25.62.0``, ``25 – Metaalproducten`` and the
    number 62.01 are codes; a leading zero lost to a number cell (``111`` for ``0111``) is put
    back. ``division_section`` maps every valid 2-digit division to its section letter;
    ``names(unmatched)`` looks up the values that are no code (columns ``division``,
    ``section``, both possibly missing). Returns columns ``division``, ``section``, ``error``.
    """
    text = clean_text(values)
    parts = text.str.upper().str.extract(_SECTOR_RE)
    dotted = parts["dotted"].str.split(r"[.,]", regex=True).str[0].str.zfill(2)
    digits = parts["digits"]
    odd = digits.str.len().isin([1, 3])
    digits = digits.where(~odd, "0" + digits)
    division = dotted.fillna(digits.str[:2])
    section = division.map(division_section)
    letter = parts["letter"]
    letter_only = text.str.upper().str.fullmatch(r"[A-U]") & division.isna()
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(division.notna() & section.isna(), BAD_SECTOR)
    error = error.mask(letter.notna() & section.notna() & (letter != section), SECTOR_MISMATCH)
    section = section.mask(letter_only.fillna(False), text.str.upper())
    unmatched = text.notna() & division.isna() & ~letter_only.fillna(False)
    if unmatched.any():
        found = names(text[unmatched])
        division = division.mask(unmatched, found["division"])
        section = section.mask(unmatched, found["section"])
        error = error.mask(unmatched & section.isna(), BAD_SECTOR)
    valid = error.isna()
    return pd.DataFrame(
        {
            "division": division.where(valid, None),
            "section": section.where(valid, None),
            "error": error,
        }
    )


# --- dates ----------------------------------------------------------------------------------

EXCEL_EPOCH: Final = pd.Timestamp("1899-12-30")
EARLIEST: Final = pd.Timestamp("1900-01-01")
_MONTH_NAMES: Final = (
    "januari februari maart april mei juni juli augustus september oktober november december",
    "januar februar marz april mai juni juli august september oktober november dezember",
    "january february march april may june july august september october november december",
)
MONTHS: Final[dict[str, int]] = {
    name: number for line in _MONTH_NAMES for number, name in enumerate(line.split(), start=1)
}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS.update({"mrt": 3, "okt": 10, "dez": 12, "sept": 9})


def dates(values: pd.Series, today: dt.date | None = None) -> pd.DataFrame:
    """Dates as typed: date cells, Excel serial numbers, ``1-3-2019``, ``01.03.2019``,
    ``2019-03-01``, ``1/3/19``, ``1 maart 2019``, ``März 2019`` or a bare year (1 January).

    Day comes before month (Dutch and German usage). Returns ``date`` (datetime64) and ``error``.
    """
    latest = pd.Timestamp(today or dt.date.today()) + pd.DateOffset(years=1)
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[s]")
    kinds = values.map(type, na_action="ignore")
    is_date = kinds.isin([dt.datetime, dt.date, pd.Timestamp])
    if is_date.any():
        result[is_date] = pd.to_datetime(values[is_date].map(_as_datetime)).astype(result.dtype)
    is_number = kinds.isin([int, float, np.int64, np.float64])
    if is_number.any():
        serial = pd.to_numeric(values[is_number], errors="coerce")
        ok = serial.between(1, 2_958_465)
        result[serial[ok].index] = (
            EXCEL_EPOCH + pd.to_timedelta(serial[ok].round(), unit="D")
        ).astype(result.dtype)
    text = clean_text(values.where(kinds.isin([str])))
    parsed = _parse_date_text(text.dropna())
    result[parsed.index] = parsed
    present = ~is_blank(values)
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(present & result.isna(), BAD_DATE)
    implausible = result.notna() & ((result < EARLIEST) | (result > latest))
    error = error.mask(implausible, IMPLAUSIBLE_DATE)
    return pd.DataFrame({"date": result.mask(implausible), "error": error})


def _as_datetime(value: dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


_ISO_RE: Final = r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[ T][\d:.]+)?$"
_DMY_RE: Final = r"^(?P<d>\d{1,2})\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<y>\d{2}|\d{4})$"
_YEAR_RE: Final = r"^(?P<y>(?:19|20)\d{2})$"
_MONTH_YEAR_RE: Final = r"^(?P<m>\d{1,2})\s*[-./]\s*(?P<y>\d{4})$"
_NAMED_RE: Final = r"^(?:(?P<d>\d{1,2})\.?\s+)?(?P<name>[a-z]+)\.?\s+(?P<y>\d{4})$"
_SERIAL_RE: Final = r"^(?P<serial>[1-9]\d{3,4})(?:[.,]0+)?$"


def _parse_date_text(text: pd.Series) -> pd.Series:
    """Parse date strings; unreadable ones are left out of the result."""
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[s]")
    if text.empty:
        return out.dropna()
    pending = pd.Series(True, index=text.index)
    for pattern in (_ISO_RE, _DMY_RE):
        parts = text[pending].str.extract(pattern)
        hit = parts["y"].notna()
        if hit.any():
            year = parts.loc[hit, "y"].astype(int)
            # Two-digit years: up to next year's two digits → 20xx, else 19xx.
            pivot = dt.date.today().year % 100 + 1
            year = year.where(year >= 100, year + np.where(year <= pivot, 2000, 1900))
            out[hit[hit].index] = _assemble(year, parts.loc[hit, "m"], parts.loc[hit, "d"])
            pending[hit[hit].index] = False
    rest = text[pending]
    if not rest.empty:
        key = rest.str.lower().str.normalize("NFKD").str.replace(r"\p{M}", "", regex=True)
        for index, value in key.items():
            parsed = _parse_rare(value)
            if parsed is not None:
                out[index] = parsed
    return out.dropna()


def _assemble(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    frame = pd.DataFrame({"year": year, "month": month.astype(int), "day": day.astype(int)})
    return pd.to_datetime(frame, errors="coerce").astype("datetime64[s]")


def _parse_rare(value: str) -> pd.Timestamp | None:
    """Year only, month/year, written month names and serial numbers stored as text."""
    if match := re.match(_YEAR_RE, value):
        return pd.Timestamp(int(match["y"]), 1, 1)
    if match := re.match(_MONTH_YEAR_RE, value):
        month = int(match["m"])
        return pd.Timestamp(int(match["y"]), month, 1) if 1 <= month <= 12 else None
    if match := re.match(_NAMED_RE, value):
        month = MONTHS.get(match["name"])
        if month is None:
            return None
        try:
            return pd.Timestamp(int(match["y"]), month, int(match["d"] or 1))
        except ValueError:
            return None
    if match := re.match(_SERIAL_RE, value):
        return EXCEL_EPOCH + pd.Timedelta(days=int(match["serial"]))
    return None


# --- register numbers -----------------------------------------------------------------------

_KVK_RE: Final = r"^(?:KVK|KAMERVANKOOPHANDEL)?(?:NR|NUMMER)?[:.]?(?P<kvk>\d{7,8})$"
_HR_RE: Final = r"(?<![A-Z])(?P<type>HRA|HRB|GNR|GENR|PR|VR)\s*[-.:]?\s*(?:NR\.?\s*)?(?P<number>\d{1,6})(?:\s?(?P<suffix>[A-Z])\b)?"
_COURT_RE: Final = r"(?:AMTSGERICHT|\bAG\b|REGISTERGERICHT)\s*:?\s*(?P<court>[A-ZÄÖÜ][A-ZÄÖÜß\-\s()]+?)(?=\s*(?:,|;|HRA|HRB|GNR|GENR|PR\b|VR\b|$))"
_COURT_AFTER_RE: Final = r"(?:HRA|HRB|GNR|GENR|PR|VR)\s*[-.:]?\s*\d{1,6}\s*,?\s*(?P<court>[A-ZÄÖÜ][A-ZÄÖÜß\-]+(?:\s*\([A-ZÄÖÜß]+\))?)$"


def register_ids(values: pd.Series) -> pd.DataFrame:
    """Trade register numbers: KvK (8 digits) or German Handelsregister (``HRB 123456``, with
    the court if given: ``Amtsgericht Osnabrück HRB 123456``).

    Returns ``register_id`` (``KvK 01234567`` or ``HRB 123456``), ``court`` (title case) and
    ``error``. A KvK number that lost its leading zero to a number cell gets it back.
    """
    text = clean_text(values)
    upper = text.str.upper()
    compact = upper.str.replace(r"[\s\-/.]", "", regex=True)
    kvk = compact.str.extract(_KVK_RE)["kvk"].str.zfill(8)
    hr = upper.str.extract(_HR_RE)
    kind = hr["type"].replace({"GENR": "GNR"})
    hr_id = kind.str.replace("GNR", "GnR") + " " + hr["number"] + (" " + hr["suffix"]).fillna("")
    court = upper.str.extract(_COURT_RE)["court"].fillna(
        upper.str.extract(_COURT_AFTER_RE)["court"]
    )
    court = court.str.strip().str.title().where(hr_id.notna(), None)
    register_id = ("KvK " + kvk).fillna(hr_id)
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(text.notna() & register_id.isna(), BAD_REGISTER)
    return pd.DataFrame({"register_id": register_id, "court": court, "error": error})


# --- employees and size classes -------------------------------------------------------------

SIZE_CLASSES: Final = ("micro", "small", "medium", "large")
_SIZE_BOUNDS: Final = (10, 50, 250)


def size_classes(employees: pd.Series) -> pd.Series:
    """EU size class of a head count: micro < 10, small < 50, medium < 250, large."""
    counts = pd.to_numeric(employees, errors="coerce").astype("float64")
    bins = [-np.inf, *_SIZE_BOUNDS, np.inf]
    classes = pd.cut(counts, bins=bins, labels=list(SIZE_CLASSES), right=False)
    return pd.Series(classes.astype(object), index=employees.index).where(counts.notna(), None)


_FILLER_RE: Final = r"(?i)\b(?:ca|circa|ongeveer|etwa|rund|approx|fte|mitarbeiter|medewerkers|personen|mensen|ma|mw)\b\.?|[~±≈]"
_RANGE_RE: Final = r"^(?P<lo>\d+)\s*(?:-|–|bis|tot|to)\s*(?P<hi>\d+)$"
_BOUND_RE: Final = r"^(?P<op><|>|≤|≥|<=|>=|unter|meer dan|mehr als|minder dan|weniger als)?\s*(?P<n>\d+)\s*(?P<plus>\+)?$"


def employee_counts(values: pd.Series) -> pd.DataFrame:
    """Head counts as typed: ``12``, ``12,5`` (FTE, rounded), ``1.200``, ``ca. 20``, ranges
    (``10-49``, ``10 bis 49``) and bounds (``<10``, ``250+``). A range or bound gives the size
    class only; it must lie within one class. Returns ``employees``, ``size_class``, ``error``."""
    number = pd.to_numeric(
        values.where(values.map(type, na_action="ignore").isin([int, float])), errors="coerce"
    )
    text = clean_text(values.where(number.isna()))
    text = text.str.replace(_FILLER_RE, "", regex=True).str.strip()
    thousands = text.str.fullmatch(r"\d{1,3}(?:[.\s]\d{3})+").fillna(False)
    decimal_text = text.where(~thousands, text.str.replace(r"[.\s]", "", regex=True))
    decimal_text = decimal_text.str.replace(",", ".", regex=False)
    number = number.fillna(
        pd.to_numeric(
            decimal_text.where(decimal_text.str.fullmatch(r"\d+(?:\.\d+)?").fillna(False)),
            errors="coerce",
        )
    )
    employees = number.round().astype("Int64").where(number >= 0)
    size = size_classes(employees)
    rest = text.where(number.isna())
    ranges = rest.str.lower().str.extract(_RANGE_RE).astype("Float64")
    bounds = rest.str.lower().str.extract(_BOUND_RE)
    lo = ranges["lo"]
    hi = ranges["hi"]
    n = pd.to_numeric(bounds["n"], errors="coerce").astype("Float64")
    below = bounds["op"].isin(["<", "≤", "<=", "unter", "minder dan", "weniger als"])
    above = bounds["op"].isin([">", "≥", ">=", "meer dan", "mehr als"]) | bounds["plus"].notna()
    lo = lo.fillna(n.where(above)).fillna(pd.Series(0.0, index=values.index).where(below))
    hi = hi.fillna((n - 1).where(below)).fillna(pd.Series(1e9, index=values.index).where(above))
    lo_class = size_classes(lo)
    hi_class = size_classes(hi)
    same = lo_class.notna() & (lo_class == hi_class)
    size = size.where(size.notna(), lo_class.where(same, None))
    present = ~is_blank(values)
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(present & size.isna(), BAD_EMPLOYEES)
    return pd.DataFrame({"employees": employees, "size_class": size, "error": error})
