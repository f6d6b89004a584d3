"""Normalisers shared by every reader: text keys, postcodes, sector codes, dates, register
numbers and employee counts, as people type them into spreadsheets.

Each column-level function takes a pandas Series of cell values (str, int, float, date or
empty; or the text ``as_text`` made of them) and returns normalised columns plus an ``error``
column: missing where the value was readable or empty, else the English message template (a
gettext msgid) that says why not. Whole columns are processed at once with Arrow compute
kernels (RE2 regular expressions, so no look-around); only the rare values no pattern
recognises (a month written as a word) are looked at one by one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.i18n import N_

# --- messages (gettext msgids; rejects carry them with {value}) --------------------------------
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
# More than any single company of the region: a typing or export error, and beyond the
# warehouse's INTEGER column.
MAX_EMPLOYEES: Final = 1_000_000
TOO_MANY_EMPLOYEES = N_("Employees {value} is more than 1,000,000; give the company's head count")

# What people type for "nothing here": treated like an empty cell.
NO_VALUE: Final = frozenset(
    {
        "-",
        "–",
        "—",
        "?",
        "n.b.",
        "nb",
        "n.v.t.",
        "nvt",
        "onbekend",
        "k.a.",
        "k. a.",
        "ka",
        "keine angabe",
        "unbekannt",
        "n/a",
        "na",
        "none",
        "null",
        "#n/a",
        "#nv",
    }
)
_NO_VALUE_SET: Final = pa.array(sorted(NO_VALUE))


# --- text -----------------------------------------------------------------------------------


def as_text(values: pd.Series) -> pd.Series:
    """Cells as a string column: numbers without a trailing ``.0`` (``7811.0`` → ``7811``),
    dates as ISO text (``2019-03-01``). A string column is returned as it is."""
    if isinstance(values.dtype, pd.StringDtype):
        return values
    try:  # a column of text only (or empty): straight into Arrow
        array = pa.array(values.to_numpy(dtype=object), type=pa.large_string(), from_pandas=True)
        return _text(array, values.index)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    # Mixed cells (numbers, dates, text): str() of each distinct value, then the ".0" of whole
    # numbers removed (49716.0 → 49716). Date cells give 2019-03-01; both read as dates.
    codes, uniques = pd.factorize(values.astype(object))
    text = pd.Series(uniques, dtype=object).astype("str")
    whole = text.str.endswith(".0").fillna(False)
    text = text.where(~whole, replace(text, r"^(-?\d+)\.0$", r"\1"))
    taken = pc.take(_arrow(text), pa.array(codes, mask=codes < 0))
    return _text(taken, values.index)


def on_uniques(text: pd.Series, function: Callable[[pd.Series], pd.DataFrame]) -> pd.DataFrame:
    """``function`` applied to each distinct value once, spread back over the rows (postcodes,
    sector codes and dates repeat a lot)."""
    codes, uniques = pd.factorize(as_text(text))
    values = pd.Series(pd.array([*uniques, None], dtype="str"))
    result = function(values)
    codes = np.where(codes < 0, len(uniques), codes)
    return result.iloc[codes].set_axis(text.index)


def on_unique_rows(
    frame: pd.DataFrame, function: Callable[[pd.DataFrame], pd.DataFrame]
) -> pd.DataFrame:
    """``function`` applied to each distinct row of ``frame`` once (e.g. postcode and city)."""
    key = as_text(frame.iloc[:, 0]).fillna("")
    for column in frame.columns[1:]:
        key = key + "\x1f" + as_text(frame[column]).fillna("")
    codes, _ = pd.factorize(key)
    _, first = np.unique(codes, return_index=True)
    result = function(frame.iloc[first].reset_index(drop=True))
    return result.iloc[codes].set_axis(frame.index)


def _arrow(text: pd.Series) -> pa.Array:
    array = pa.array(text.array)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _text(array: pa.Array, index: pd.Index) -> pd.Series:
    return pd.Series(pd.array(array, dtype="str"), index=index)


def _null_if(array: pa.Array, condition: pa.Array) -> pa.Array:
    return pc.if_else(condition, pa.scalar(None, array.type), array)


def replace(text: pd.Series, pattern: str, replacement: str) -> pd.Series:
    """Regular-expression replace (RE2) on a string column; ``\\1`` refers to a group."""
    result = pc.replace_substring_regex(_arrow(as_text(text)), pattern, replacement)
    return _text(result, text.index)


def extract(text: pd.Series, pattern: str) -> pd.DataFrame:
    """Named groups of ``pattern`` (RE2) per value; missing where the value does not match or
    the group took no part."""
    array = _arrow(as_text(text))
    names = re.compile(pattern).groupindex
    found = pc.extract_regex(array, pattern)
    columns = {}
    for name in names:
        part = pc.struct_field(found, name)
        part = _null_if(part, pc.fill_null(pc.equal(part, ""), True))
        columns[name] = _text(part, text.index)
    return pd.DataFrame(columns, index=text.index)


def clean_text(values: pd.Series) -> pd.Series:
    """Cell values as trimmed single-spaced text; empty cells (and "-", "n.b.", "k. A.", …)
    become missing."""
    array = _arrow(as_text(values))
    spaced = pc.fill_null(pc.match_substring_regex(array, r"\s\s|[\t\n\r\x{a0}]"), False)
    if pc.any(spaced).as_py():  # only the few values with runs of spaces, tabs or line breaks
        squeezed = pc.replace_substring_regex(pc.filter(array, spaced), r"[\s\x{a0}]+", " ")
        array = pc.replace_with_mask(array, spaced, squeezed)
    array = pc.utf8_trim_whitespace(array)
    empty = pc.or_(pc.equal(array, ""), pc.is_in(pc.utf8_lower(array), value_set=_NO_VALUE_SET))
    return _text(_null_if(array, pc.fill_null(empty, True)), values.index)


def flag(condition: pd.Series, message: str) -> pd.Series:
    """An error column: ``message`` where ``condition`` holds, else missing."""
    holds = condition.fillna(False).astype(bool)
    return pd.Series(message, index=condition.index, dtype=object).where(holds, None)


def is_blank(values: pd.Series) -> pd.Series:
    """True where a cell is empty, only whitespace or says "no value" ("-", "n.b.", "k. A.")."""
    return clean_text(values).isna()


def text_key(value: object) -> str:
    """Lower case, without accents, spaces or punctuation: ``"KvK-nummer"`` → ``"kvknummer"``."""
    text = str(value).casefold()
    if text.isascii():  # the common case, without a look at every character in Python
        return _NOT_ASCII_ALNUM.sub("", text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


_NOT_ASCII_ALNUM: Final = re.compile(r"[^a-z0-9]+")


def text_keys(values: pd.Series) -> pd.Series:
    """``text_key`` of a whole column (missing stays missing)."""
    array = pc.utf8_lower(pc.utf8_normalize(_arrow(as_text(values)), "NFKD"))
    array = pc.replace_substring(array, "ß", "ss")
    for mark in " .-,&'/()+:":  # the usual punctuation: cheap plain replaces
        array = pc.replace_substring(array, mark, "")
    other = pc.invert(pc.fill_null(pc.utf8_is_alnum(array), True))
    if pc.any(other).as_py():  # accents (combining marks) and rarer characters
        cleaned = pc.replace_substring_regex(pc.filter(array, other), r"[^\p{L}\p{N}]+", "")
        array = pc.replace_with_mask(array, other, cleaned)
    return _text(_null_if(array, pc.fill_null(pc.equal(array, ""), True)), values.index)


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
    r"se",
    r"holding",
    r"&\s*co\.?",
    r"eenmanszaak",
)
# Legal forms at the end of a name, one or several: "… Holding B.V.", "… GmbH & Co. KG".
_LEGAL_FORM_RE: Final = r"(?:[\s,]+(?:" + "|".join(LEGAL_FORMS) + r"))+[\s,.]*$"


def name_keys(names: pd.Series) -> pd.Series:
    """Company names for matching: legal forms at the end (B.V., GmbH & Co. KG, …), case,
    accents and punctuation removed."""
    array = pc.replace_substring_regex(pc.utf8_lower(_arrow(as_text(names))), _LEGAL_FORM_RE, "")
    return text_keys(_text(array, names.index))


# --- postcodes ------------------------------------------------------------------------------

_POSTCODE_RE: Final = r"^(?:NL)?(?P<nl>[1-9]\d{3})(?P<letters>[A-Z]{2})?$|^(?:DE?)?(?P<de>\d{5})$"
# The code, then optionally a city: "7811 AB Emmen", "D-49716 Meppen".
_POSTCODE_SPLIT_RE: Final = (
    r"^(?P<code>(?:[A-Za-z]{1,2}[\s-]?)?\d{4,5}(?:\s?[A-Za-z]{2})?)(?:[\s,]+(?P<city>\D.*))?$"
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
    split = extract(text, _POSTCODE_SPLIT_RE)
    compact = replace(split["code"].str.upper(), r"[\s.\-]", "")
    parts = extract(compact, _POSTCODE_RE)
    nl = parts["nl"].notna()
    de = parts["de"].notna()
    postcode = (parts["nl"] + (" " + parts["letters"]).fillna("")).fillna(parts["de"])
    key = parts["nl"].fillna(parts["de"])
    country = flag(nl, "NL").fillna(flag(de, "DE"))
    error = flag(text.notna() & ~(nl | de), BAD_POSTCODE)
    return pd.DataFrame(
        {
            "country": country,
            "postcode": postcode,
            "key": key,
            "city_hint": split["city"].where(nl | de),
            "error": error,
        }
    )


# --- sector codes (SBI 2008 / WZ 2008 / NACE Rev. 2) -------------------------------------------

_SECTOR_RE: Final = (
    r"^(?P<letter>[A-U])?\s*[-:.]?\s*"
    r"(?:(?P<division>\d{1,2})[.,]\d{1,2}(?:[.,]?\d{1,2})*|(?P<digits>\d{1,5}))"
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
    upper = text.str.upper()
    parts = extract(upper, _SECTOR_RE)
    digits = parts["digits"]
    digits = digits.where(~digits.str.len().isin([1, 3]), "0" + digits)
    division = parts["division"].str.zfill(2).fillna(digits.str.slice(0, 2))
    section = division.map(division_section)
    letter = parts["letter"]
    letter_only = (upper.str.len() == 1) & upper.isin(list("ABCDEFGHIJKLMNOPQRSTU"))
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(division.notna() & section.isna(), BAD_SECTOR)
    error = error.mask(letter.notna() & section.notna() & (letter != section), SECTOR_MISMATCH)
    section = section.mask(letter_only, upper)
    unmatched = text.notna() & division.isna() & ~letter_only
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

_DATE_RE: Final = (
    # 2019-03-01 (date cells arrive as ISO text), 1-3-2019, 01.03.2019, 1/3/19
    r"^(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?:[ T][\d:.]+)?$"
    r"|^(?P<d>\d{1,2})\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<y>\d{4}|\d{2})$"
    # a bare year, month/year, an Excel serial number (number cells, or typed as text)
    r"|^(?P<year>(?:19|20)\d{2})$"
    r"|^(?P<mm>\d{1,2})\s*[-./]\s*(?P<my>\d{4})$"
    r"|^(?P<serial>[1-9]\d{4})(?:[.,]\d+)?$"
)


def dates(values: pd.Series, today: dt.date | None = None) -> pd.DataFrame:
    """Dates as typed: date cells, Excel serial numbers, ``1-3-2019``, ``01.03.2019``,
    ``2019-03-01``, ``1/3/19``, ``1 maart 2019``, ``März 2019`` or a bare year (1 January).

    Day comes before month (Dutch and German usage). Returns ``date`` (datetime64) and ``error``.
    """
    today = today or dt.date.today()
    latest = pd.Timestamp(today) + pd.DateOffset(years=1)
    text = clean_text(values)
    parts = extract(text, _DATE_RE)
    two_digits = parts["y"].str.len() == 2
    year = pd.to_numeric(parts["iy"].fillna(parts["y"]).fillna(parts["year"]).fillna(parts["my"]))
    pivot = today.year % 100 + 1
    year = year.where(~two_digits, year + np.where(year <= pivot, 2000, 1900))
    month = pd.to_numeric(parts["im"].fillna(parts["m"]).fillna(parts["mm"]))
    month = month.fillna(1).where(year.notna())
    day = pd.to_numeric(parts["id"].fillna(parts["d"])).fillna(1).where(year.notna())
    result = pd.to_datetime(
        pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce"
    ).astype("datetime64[s]")
    serial = pd.to_numeric(parts["serial"])
    result = result.fillna(EXCEL_EPOCH + pd.to_timedelta(serial, unit="D"))
    rare = text.notna() & result.isna() & year.isna() & serial.isna()
    for index, value in text[rare].items():
        parsed = _parse_rare(value)
        if parsed is not None:
            result[index] = parsed
    error = flag(text.notna() & result.isna(), BAD_DATE)
    implausible = result.notna() & ((result < EARLIEST) | (result > latest))
    error = error.mask(implausible, IMPLAUSIBLE_DATE)
    return pd.DataFrame({"date": result.mask(implausible), "error": error})


_NAMED_RE: Final = re.compile(r"^(?:(?P<d>\d{1,2})\.?\s+)?(?P<name>[a-z]+)\.?\s+(?P<y>\d{4})$")


def _parse_rare(value: str) -> pd.Timestamp | None:
    """``1 maart 2019``, ``März 2019``, ``1. Juni 2020``: months written as words."""
    key = unicodedata.normalize("NFKD", value.lower())
    key = "".join(ch for ch in key if not unicodedata.combining(ch))
    match = _NAMED_RE.match(key)
    if match is None or (month := MONTHS.get(match["name"])) is None:
        return None
    try:
        return pd.Timestamp(int(match["y"]), month, int(match["d"] or 1))
    except ValueError:
        return None


# --- register numbers -----------------------------------------------------------------------

_KVK_RE: Final = r"^(?:KVK|KAMERVANKOOPHANDEL)?(?:NR|NUMMER)?:?(?P<kvk>\d{7,8})$"
_HR_RE: Final = (
    r"(?:^|[^A-Z])(?P<type>HR\s?A|HR\s?B|GNR|GENR|PR|VR)\s*[-.:]?\s*(?:NR\.?\s*)?"
    r"(?P<number>\d{1,6})(?:\s?(?P<suffix>[A-Z])(?:[^A-Z]|$))?"
)
_COURT_RE: Final = (
    r"(?:AMTSGERICHT|(?:^|\s)AG|REGISTERGERICHT)\s*:?\s*"
    r"(?P<court>[A-ZÄÖÜ][A-ZÄÖÜß-]+(?:\s*\([A-ZÄÖÜß]+\))?)"
)
_COURT_AFTER_RE: Final = (
    r"(?:HRA|HRB|GNR|GENR|PR|VR)\s*[-.:]?\s*\d{1,6}\s*,?\s*"
    r"(?P<court>[A-ZÄÖÜ][A-ZÄÖÜß-]+(?:\s*\([A-ZÄÖÜß]+\))?)$"
)


def register_ids(values: pd.Series) -> pd.DataFrame:
    """Trade register numbers: KvK (8 digits) or German Handelsregister (``HRB 123456``, with
    the court if given: ``Amtsgericht Osnabrück HRB 123456``).

    Returns ``register_id`` (``KvK 01234567`` or ``HRB 123456``), ``court`` (title case) and
    ``error``. A KvK number that lost its leading zero to a number cell gets it back.
    """
    text = clean_text(values)
    upper = text.str.upper()
    kvk = extract(replace(upper, r"[\s\-/.]", ""), _KVK_RE)["kvk"].str.zfill(8)
    register_id = "KvK " + kvk
    court = pd.Series(pd.NA, index=values.index, dtype="str")
    rest = upper[text.notna() & kvk.isna()]  # Handelsregister entries: the rarer, costlier parse
    if not rest.empty:
        hr = extract(rest, _HR_RE)
        kind = replace(hr["type"], r"\s", "").replace({"GENR": "GNR"}).replace({"GNR": "GnR"})
        hr_id = kind + " " + hr["number"] + (" " + hr["suffix"]).fillna("")
        named = extract(rest, _COURT_RE)["court"].fillna(extract(rest, _COURT_AFTER_RE)["court"])
        register_id = register_id.fillna(hr_id)
        court = court.fillna(named.str.strip().str.title().where(hr_id.notna()))
    error = flag(text.notna() & register_id.isna(), BAD_REGISTER)
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


_FILLER_RE: Final = (
    r"(?i)(?:^|\s)(?:ca|circa|ongeveer|etwa|rund|approx|fte|mitarbeiter|medewerkers|personen|"
    r"mensen|ma|mw)\.?(?:\s|$)|[~±≈]"
)
_EMPLOYEES_RE: Final = (
    r"^(?P<thousands>\d{1,3}(?:[.\s]\d{3})+)$"
    r"|^(?P<number>\d+(?:[.,]\d+)?)$"
    r"|^(?P<lo>\d+)\s*(?:-|–|bis|tot|to)\s*(?P<hi>\d+)$"
    r"|^(?P<below><=|<|≤|unter|minder dan|weniger als)\s*(?P<max>\d+)$"
    r"|^(?P<above>>=|>|≥|meer dan|mehr als)\s*(?P<min>\d+)$"
    r"|^(?P<plus>\d+)\s*\+$"
)


def employee_counts(values: pd.Series) -> pd.DataFrame:
    """Head counts as typed: ``12``, ``12,5`` (FTE, rounded), ``1.200``, ``ca. 20``, ranges
    (``10-49``, ``10 bis 49``) and bounds (``<10``, ``250+``). A range or bound gives the size
    class only; it must lie within one class. Returns ``employees``, ``size_class``, ``error``."""
    text = clean_text(values)
    text = replace(text, _FILLER_RE, " ").str.strip().str.lower()
    parts = extract(text, _EMPLOYEES_RE)
    plain = pd.to_numeric(replace(parts["thousands"], r"[.\s]", ""))
    number = plain.fillna(pd.to_numeric(parts["number"].str.replace(",", ".", regex=False)))
    too_many = number > MAX_EMPLOYEES
    employees = number.mask(too_many).round().astype("Int64")
    lo = (
        pd.to_numeric(parts["lo"])
        .fillna(pd.to_numeric(parts["min"]))
        .fillna(pd.to_numeric(parts["plus"]))
    )
    lo = lo.fillna(pd.Series(0.0, index=text.index).where(parts["below"].notna()))
    hi = pd.to_numeric(parts["hi"]).fillna(pd.to_numeric(parts["max"]) - 1)
    hi = hi.fillna(
        pd.Series(1e9, index=text.index).where(parts["above"].notna() | parts["plus"].notna())
    )
    lo_class = size_classes(lo)
    same = lo_class.notna() & (lo_class == size_classes(hi))
    size = size_classes(employees).fillna(lo_class.where(same))
    size = size.where(size.notna(), None)
    error = flag(text.notna() & size.isna(), BAD_EMPLOYEES).mask(
        too_many.fillna(False).astype(bool), TOO_MANY_EMPLOYEES
    )
    return pd.DataFrame({"employees": employees, "size_class": size, "error": error})
