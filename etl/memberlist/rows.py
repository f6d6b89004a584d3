"""From the rows under a member list's header to staging rows, rejects and notices.

Every column is normalised as a whole (etl.normalise); a row is rejected when its name is
missing, its address is not in the project area, or a value the dashboard uses is present but
unreadable. Blank rows and totals rows are skipped, not rejected. Contact data is passed on
as given.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd

from core.i18n import N_
from etl import normalise as norm
from etl.memberlist.columns import FIELDS, Header
from etl.memberlist.grid import Sheet, iter_columns
from etl.memberlist.reading import SheetResult, cell_rejects
from etl.model import Notice
from etl.nace import classify
from etl.places import locate

NO_NAME = N_("Company name is missing")
NAME_TOO_LONG = N_("Company name {value} is longer than 200 characters")
MAX_NAME: Final = 200
NOT_YES_NO = N_("{value} is neither yes nor no")
NOT_PLACES = N_("Places {value} is not a whole number of 0 or more")
UNTIL_BEFORE_SINCE = N_("Member until {value} lies before member since {since}")
DUPLICATE_ROW = N_("Same company as row {first} ({key}); the rows were merged")

STAGING_COLUMNS: Final = (
    "file",
    "sheet",
    "row_number",
    "association",
    "member_number",
    "name",
    "name_key",
    "register_id",
    "register_court",
    "street",
    "postcode",
    "postcode_key",
    "city",
    "country",
    "region_id",
    "region_flag",
    "nace_section",
    "nace_division",
    "employees",
    "size_class",
    "member_since",
    "member_until",
    "person",
    "email",
    "phone",
    "training_company",
    "internship_places",
    "source_id",
)

_TOTAL_WORDS: Final = frozenset(
    {"totaal", "totalen", "total", "totals", "gesamt", "summe", "insgesamt", "aantal", "anzahl"}
)
_TOTAL_FILLER: Final = frozenset(
    {
        "leden",
        "mitglieder",
        "members",
        "bedrijven",
        "firmen",
        "unternehmen",
        "aantal",
        "anzahl",
        "der",
        "van",
        "de",
        "of",
        "companies",
        "actief",
        "aktiv",
        "active",
    }
)


def is_totals_label(text: str) -> bool:
    """``Totaal``, ``Totaal: 312 leden``, ``Summe``, ``Anzahl Mitglieder 370`` — not
    ``TotalEnergies Nederland``."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return (
        bool(words)
        and words[0] in _TOTAL_WORDS
        and all(w in _TOTAL_WORDS or w in _TOTAL_FILLER for w in words)
    )


def validate(grid: Sheet, header: Header, *, file: str, source_id: str) -> SheetResult:
    """Normalise and check the data rows under ``header``."""
    rows, sheet = grid.rows, grid.name
    data = rows[header.row + 1 :]
    first_row_number = header.row + 2
    fields = list(header.columns)
    index = pd.RangeIndex(first_row_number, first_row_number + len(data))
    # Every cell as trimmed text, once: numbers lose ".0", date cells become ISO dates.
    cells = pd.DataFrame(
        {
            name: norm.clean_text(pd.Series(column, index=index, dtype=object))
            for name, column in zip(
                fields, iter_columns(data, list(header.columns.values())), strict=True
            )
        },
        index=index,
    )
    empty_row = cells[fields].isna().all(axis=1)
    totals = _totals_rows(cells, fields) & ~empty_row
    keep = ~(empty_row | totals)
    raw = cells[keep]
    for name in FIELDS:
        if name not in raw:
            raw[name] = pd.Series(pd.NA, index=raw.index, dtype="str")
    result = SheetResult(frame=pd.DataFrame(columns=STAGING_COLUMNS), skipped=int((~keep).sum()))
    if raw.empty:
        return result

    name = raw["name"]
    name_key = norm.name_keys(name)
    # Postcodes, sectors, head counts and dates repeat: each distinct value is read once.
    city = raw["city"]
    address = norm.on_unique_rows(raw[["postcode", "city"]], _address)
    postcode = address[["country", "postcode", "key", "city_hint", "error"]]
    place = address[["region_id", "region_flag", "country_of_region", "place_error"]].rename(
        columns={"country_of_region": "country", "place_error": "error"}
    )
    sector = norm.on_uniques(raw["sector"], classify)
    employees = norm.on_uniques(raw["employees"], norm.employee_counts)
    since = norm.on_uniques(raw["since"], norm.dates)
    until = norm.on_uniques(raw["until"], norm.dates)
    register = norm.register_ids(raw["register"])
    training = norm.on_uniques(raw["training_company"], yes_no)
    places = norm.on_uniques(raw["internship_places"], whole_numbers)
    until_error = until["error"].mask(
        until["date"].notna() & since["date"].notna() & (until["date"] < since["date"]),
        UNTIL_BEFORE_SINCE,
    )

    labels = header.labels
    problems: list[tuple[str, pd.Series, str]] = [
        ("name", norm.flag(name_key.isna(), NO_NAME), "name"),
        (
            "name",
            norm.flag(raw["name"].astype("string").str.len() > MAX_NAME, NAME_TOO_LONG),
            "name",
        ),
        ("postcode", postcode["error"], "postcode"),
        ("postcode", place["error"].where(postcode["key"].notna(), None), "postcode"),
        ("city", place["error"].where(postcode["key"].isna(), None), "city"),
        ("sector", sector["error"], "sector"),
        ("employees", employees["error"], "employees"),
        ("since", since["error"], "since"),
        ("until", until_error, "until"),
        ("register", register["error"], "register"),
        ("training_company", training["error"], "training_company"),
        ("internship_places", places["error"], "internship_places"),
    ]
    rejected = pd.Series(False, index=raw.index)
    since_text = since["date"].dt.strftime("%d-%m-%Y")

    def since_of(row_number: int, reason: str) -> dict[str, str]:
        shown = since_text.get(row_number)
        return {"since": shown or ""} if reason == UNTIL_BEFORE_SINCE else {}

    for column, errors, value_field in problems:
        hit = errors.notna()
        if not hit.any():
            continue
        rejected |= hit
        result.rejects.extend(
            cell_rejects(
                errors,
                raw.loc[hit, value_field],
                file=file,
                sheet=sheet,
                column_name=labels.get(column) or labels.get("postcode") or labels.get("name"),
                row_params=since_of,
            )
        )

    ok = ~rejected
    frame = pd.DataFrame(
        {
            "file": file,
            "sheet": sheet,
            "row_number": raw.index.to_series(),
            "association": header.association,
            "member_number": raw["member_number"],
            "name": name,
            "name_key": name_key,
            "register_id": register["register_id"],
            "register_court": register["court"],
            "street": raw["street"],
            "postcode": postcode["postcode"],
            "postcode_key": postcode["key"],
            "city": city.fillna(postcode["city_hint"]),
            "country": place["country"],
            "region_id": place["region_id"],
            "region_flag": place["region_flag"],
            "nace_section": sector["section"],
            "nace_division": sector["division"],
            "employees": employees["employees"],
            "size_class": employees["size_class"],
            "member_since": since["date"],
            "member_until": until["date"],
            "person": raw["person"],
            "email": raw["email"].str.lower(),
            "phone": raw["phone"],
            "training_company": training["value"],
            "internship_places": places["value"],
            "source_id": source_id,
        },
        index=raw.index,
    )[ok]
    # Arrow-backed text and plain dates: DuckDB takes them over without a Python loop.
    text_columns = [
        c
        for c in STAGING_COLUMNS
        if c
        not in (
            "row_number",
            "employees",
            "member_since",
            "member_until",
            "training_company",
            "internship_places",
        )
    ]
    frame[text_columns] = frame[text_columns].astype("str")
    result.frame = frame.reset_index(drop=True)
    result.notices.extend(_duplicates(result.frame, file, sheet, labels.get("name")))
    return result


def _address(unique: pd.DataFrame) -> pd.DataFrame:
    """Postcode and region of distinct (postcode, city) pairs."""
    postcode = norm.postcodes(unique["postcode"])
    place = locate(postcode, unique["city"])
    return postcode.assign(
        region_id=place["region_id"],
        region_flag=place["region_flag"],
        country_of_region=place["country"],
        place_error=place["error"],
    )


def _totals_rows(cells: pd.DataFrame, fields: list[str]) -> pd.Series:
    """Rows labelled as totals and without an address: skipped, not rejected."""
    address = [name for name in ("postcode", "register", "street") if name in fields]
    candidates = (
        cells[address].isna().all(axis=1) if address else pd.Series(True, index=cells.index)
    )
    out = pd.Series(False, index=cells.index)
    first = cells.loc[candidates, fields].bfill(axis=1).iloc[:, 0] if len(fields) else None
    if first is not None:
        for row_number, label in first.dropna().items():
            out[row_number] = is_totals_label(str(label))
    return out


COMPANY_KEY_RULE: Final = (
    Path(__file__).resolve().parents[1] / "sql" / "members" / ("005_company_key_rule.sql")
)
_KEY_COLUMNS: Final = ("name_key", "postcode_key", "region_id", "register_id")


def company_keys(frame: pd.DataFrame) -> pd.Series:
    """Which rows describe the same company, by the build's rule (one implementation, in SQL:
    etl/sql/members/005_company_key_rule.sql), here applied inside one file."""
    rows = pd.DataFrame({name: frame[name].astype("string") for name in _KEY_COLUMNS}).assign(
        position=range(len(frame))
    )
    with duckdb.connect() as con:
        con.execute(COMPANY_KEY_RULE.read_text(encoding="utf-8"))
        con.register("key_rows", rows)
        keys = con.execute(
            "SELECT company_key FROM company_keyed('key_rows') ORDER BY position"
        ).fetchall()
    return pd.Series([key for (key,) in keys], index=frame.index, dtype=object)


def _duplicates(
    frame: pd.DataFrame, file: str, sheet: str | None, label: str | None
) -> list[Notice]:
    if frame.empty:
        return []
    # Only rows sharing a register number or a name and place can be duplicates.
    place = frame["postcode_key"].fillna(frame["region_id"])
    same_place = pd.DataFrame({"name": frame["name_key"], "place": place}).duplicated(keep=False)
    register = frame["register_id"]
    same_register = register.notna() & register.duplicated(keep=False)
    candidates = frame[same_place | same_register]
    if candidates.empty:
        return []
    keys = company_keys(candidates)
    repeated = keys.duplicated(keep="first")
    first = candidates["row_number"].groupby(keys).min()
    return [
        Notice(
            file=file,
            reason=DUPLICATE_ROW,
            sheet=sheet,
            row_number=int(candidates.at[position, "row_number"]),
            column_name=label,
            value=str(candidates.at[position, "name"]),
            params={
                "first": int(first[keys[position]]),
                "key": _shown_key(candidates, position, keys[position]),
            },
        )
        for position in repeated[repeated].index
    ]


def _shown_key(frame: pd.DataFrame, position: int, key: str) -> str:
    if "|" not in key:
        return key  # a register number
    return f"{frame.at[position, 'name']}, {frame.at[position, 'postcode'] or frame.at[position, 'city']}"


# Spellings of yes and no in the member lists' flag columns (erkend leerbedrijf,
# Ausbildungsbetrieb).
YES: Final = frozenset({"ja", "yes", "j", "y", "x", "1", "true", "waar", "wahr", "erkend"})
NO: Final = frozenset({"nee", "nein", "no", "n", "0", "false", "onwaar", "falsch", "-"})


def yes_no(values: pd.Series) -> pd.DataFrame:
    """``value`` True/False/None and ``error`` for distinct cell texts."""
    keys = values.map(lambda v: norm.text_key(v) if isinstance(v, str) else None)
    value = keys.map(lambda k: True if k in YES else False if k in NO else None)
    error = (values.notna() & value.isna()).map(lambda bad: NOT_YES_NO if bad else None)
    return pd.DataFrame({"value": value.astype(object), "error": error}, index=values.index)


def whole_numbers(values: pd.Series) -> pd.DataFrame:
    """``value`` as a whole number ≥ 0 (``12``, ``12.0``) and ``error`` for distinct texts."""

    def parse(text: object) -> int | None:
        if not isinstance(text, str):
            return None
        cleaned = text.strip().removesuffix(".0")
        return int(cleaned) if cleaned.isdigit() else None

    value = values.map(parse)
    error = (values.notna() & value.isna()).map(lambda bad: NOT_PLACES if bad else None)
    return pd.DataFrame({"value": value.astype(object), "error": error}, index=values.index)
