"""From the rows under a record sheet's header to staging rows, rejects and notices.

The member lists' rules apply: every column is normalised as a whole (etl.normalise,
etl.records.values); a row is rejected, with its sheet, row and column, when a required value
is missing or a value is present but unreadable; blank rows and totals rows are skipped. Whether
a company reference names a member company, and whether an activity ID is known, is decided in
the build, where the member lists are at hand (etl/harmonise/records.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

import pandas as pd

from core.i18n import LANGS, N_
from etl import normalise as norm
from etl.memberlist.columns import Header
from etl.memberlist.grid import Sheet, iter_columns
from etl.memberlist.reading import SheetResult, cell_rejects
from etl.memberlist.rows import is_totals_label
from etl.model import Notice
from etl.places import gazetteer, place_key
from etl.records import values
from etl.records.kinds import KINDS
from etl.records.plan import work_package_codes
from etl.reference import region_frame

MISSING = N_("{column} is empty, but this column is required")
NOT_STARTED = N_("Started on is empty; only a planned collaboration may have no start date")
FUTURE_START = N_("Started on {value} lies in the future, but the status says it has begun")
FUTURE_DONE = N_("Done on {value} lies in the future")
VENUE_OUTSIDE = N_(
    "Place {value} is not a municipality of the project area; the activity is kept without one"
)

# Staging columns per kind (etl/sql/staging/040_records.sql).
LOCATION: Final = ("file", "sheet", "row_number", "source_id")


@dataclass
class _Checks:
    """Problems found per column: (field, error msgids per row)."""

    problems: list[tuple[str, pd.Series]] = field(default_factory=list)

    def add(self, name: str, errors: pd.Series) -> None:
        self.problems.append((name, errors))


def validate(
    grid: Sheet, header: Header, *, file: str, source_id: str, today: dt.date | None = None
) -> SheetResult:
    """Normalise and check the data rows under ``header`` (its ``association`` is the kind)."""
    rows, sheet = grid.rows, grid.name
    kind = KINDS[header.association]
    data = rows[header.row + 1 :]
    first_row_number = header.row + 2
    present = [name for name in kind.fields if name in header.columns]
    raw = pd.DataFrame(
        dict(zip(present, iter_columns(data, [header.columns[n] for n in present]), strict=True)),
        index=pd.RangeIndex(first_row_number, first_row_number + len(data)),
        dtype=object,
    )
    for name in kind.fields:
        if name not in raw:
            raw[name] = pd.Series(None, index=raw.index, dtype=object)
    blank = pd.DataFrame({name: norm.is_blank(raw[name]) for name in present})
    empty_row = blank.all(axis=1)
    totals = _totals_rows(raw, blank, present, kind.identity) & ~empty_row
    keep = ~(empty_row | totals)
    raw = raw[keep]
    result = SheetResult(frame=pd.DataFrame(), skipped=int((~keep).sum()))
    checks = _Checks()
    for name in kind.required:
        checks.add(name, pd.Series(MISSING, index=raw.index).where(norm.is_blank(raw[name])))
    today = today or dt.date.today()
    frame = _NORMALISERS[kind.name](raw, checks, today)
    rejected = _rejects(raw, checks, header, file, sheet, result)
    if kind.name == "activity":
        result.notices.extend(_venue_notices(raw, frame, header, file, sheet, rejected))
    frame = frame.assign(
        file=file, sheet=sheet, row_number=raw.index.to_series(), source_id=source_id
    )
    for name in ("activity_id", "company", "company_nl", "company_de", "collaboration_id"):
        if name in header.labels:
            frame[f"{name}_column"] = header.labels[name]
    result.frame = frame[~rejected].reset_index(drop=True)
    return result


def _totals_rows(
    raw: pd.DataFrame, blank: pd.DataFrame, present: list[str], identity: tuple[str, ...]
) -> pd.Series:
    """Rows without a complete identity whose first filled cell says "Totaal", "Summe", …"""
    incomplete = blank[[name for name in identity if name in blank]].any(axis=1)
    out = pd.Series(False, index=raw.index)
    for row_number in incomplete[incomplete].index:
        for name in present:
            cell = raw.at[row_number, name]
            if isinstance(cell, str) and cell.strip():
                out[row_number] = is_totals_label(cell)
                break
    return out


def _rejects(
    raw: pd.DataFrame,
    checks: _Checks,
    header: Header,
    file: str,
    sheet: str | None,
    result: SheetResult,
) -> pd.Series:
    """One reject per row and column with a problem; True for every row with one."""
    rejected = pd.Series(False, index=raw.index)
    for name, errors in checks.problems:
        hit = errors.notna()
        if not hit.any():
            continue
        rejected |= hit
        label = header.labels.get(name) or name
        result.rejects.extend(
            cell_rejects(
                errors,
                norm.as_text(raw.loc[hit, name]),
                file=file,
                sheet=sheet,
                column_name=label,
                params={"column": label},
            )
        )
    return rejected


def _activity(raw: pd.DataFrame, checks: _Checks, today: dt.date) -> pd.DataFrame:
    date = norm.dates(raw["date"], today)
    checks.add("date", date["error"])
    listed = {name: values.codes(raw[name], name) for name in ("type", "format", "theme")}
    listed["organiser"] = values.codes(raw["organiser"], "organiser")
    for name, found in listed.items():
        checks.add(name, found["error"])
    return pd.DataFrame(
        {
            "activity_id": activity_ids(raw["activity_id"]),
            "date": date["date"].dt.date,
            "title": norm.clean_text(raw["title"]),
            "type": listed["type"]["code"],
            "format": listed["format"]["code"],
            "theme": listed["theme"]["code"],
            "region_id": venues(raw["region"]),
            "organiser": listed["organiser"]["code"],
        },
        index=raw.index,
    )


def _participation(raw: pd.DataFrame, checks: _Checks, today: dt.date) -> pd.DataFrame:
    company = values.company_refs(raw["company"])
    checks.add("company", company["error"])
    persons = values.persons(raw["persons"])
    checks.add("persons", persons["error"])
    return pd.DataFrame(
        {
            "activity_id": activity_ids(raw["activity_id"]),
            "company_ref": norm.clean_text(raw["company"]),
            "register_id": company["register_id"],
            "member_number": company["member_number"],
            "association": company["association"],
            "company_name": norm.clean_text(raw["company_name"]),
            "persons": persons["persons"],
        },
        index=raw.index,
    )


def _collaboration(raw: pd.DataFrame, checks: _Checks, today: dt.date) -> pd.DataFrame:
    out = {"collaboration_id": activity_ids(raw["collaboration_id"])}
    for side in ("nl", "de"):
        company = values.company_refs(raw[f"company_{side}"])
        checks.add(f"company_{side}", company["error"])
        out[f"ref_{side}"] = norm.clean_text(raw[f"company_{side}"])
        out[f"register_id_{side}"] = company["register_id"]
        out[f"member_number_{side}"] = company["member_number"]
        out[f"association_{side}"] = company["association"]
        out[f"name_{side}"] = norm.clean_text(raw[f"name_{side}"])
    kind = values.codes(raw["collaboration_type"], "collaboration_type")
    checks.add("collaboration_type", kind["error"])
    status = values.codes(raw["status"], "status")
    checks.add("status", status["error"])
    started = norm.dates(raw["started_on"], today)
    begun = status["code"].isin(["active", "completed", "stopped"])
    error = started["error"]
    error = error.mask(error.isna() & begun & started["date"].isna(), NOT_STARTED)
    future = started["date"] > pd.Timestamp(today)
    error = error.mask(error.isna() & begun & future.fillna(False), FUTURE_START)
    checks.add("started_on", error)
    return pd.DataFrame(
        {
            **out,
            "type": kind["code"],
            "started_on": started["date"].dt.date,
            "status": status["code"],
            "evidence": norm.clean_text(raw["evidence"]),
        },
        index=raw.index,
    )


def _milestone(raw: pd.DataFrame, checks: _Checks, today: dt.date) -> pd.DataFrame:
    package = values.work_packages(raw["work_package"], work_package_codes())
    checks.add("work_package", package["error"])
    planned = norm.dates(raw["planned_on"], today)
    checks.add("planned_on", planned["error"])
    done = norm.dates(raw["done_on"], today)
    future = (done["date"] > pd.Timestamp(today)).fillna(False)
    checks.add("done_on", done["error"].mask(done["error"].isna() & future, FUTURE_DONE))
    return pd.DataFrame(
        {
            "work_package": package["work_package"],
            "milestone": norm.clean_text(raw["milestone"]),
            "planned_on": planned["date"].dt.date,
            "done_on": done["date"].dt.date,
            **{f"milestone_{lang}": norm.clean_text(raw[f"milestone_{lang}"]) for lang in LANGS},
        },
        index=raw.index,
    )


_NORMALISERS: Final = {
    "activity": _activity,
    "participation": _participation,
    "collaboration": _collaboration,
    "milestone": _milestone,
}


def activity_ids(values_: pd.Series) -> pd.Series:
    """IDs compared as staff mean them: trimmed, single-spaced, upper case (``a-2022-07`` is
    ``A-2022-07``)."""
    return norm.clean_text(values_).str.upper()


@lru_cache(maxsize=1)
def _municipalities() -> dict[str, str]:
    """Place key of every gemeente and Gemeinde name → its region (``Meppen`` is the Gemeinde,
    not the village of that name in Coevorden)."""
    regions = region_frame()
    towns = regions[regions["level"].isin(["gemeente", "gemeinde"]) & ~regions["is_context"]]
    return {
        place_key(name): region
        for name, region in zip(towns["name"], towns["region_id"], strict=True)
    }


def venues(values_: pd.Series) -> pd.Series:
    """Region of a venue given as a region code, a municipality name or a place name."""
    g = gazetteer()
    text = norm.clean_text(values_)
    by_code = text.str.upper().where(text.str.upper().isin(set(g.country)))
    by_name = text.map(
        lambda value: _municipalities().get(place_key(value)) or g.places.get(place_key(value)),
        na_action="ignore",
    )
    found = by_code.fillna(by_name).astype(object)
    return found.where(found.notna(), None)


def _venue_notices(
    raw: pd.DataFrame,
    frame: pd.DataFrame,
    header: Header,
    file: str,
    sheet: str | None,
    rejected: pd.Series,
) -> list[Notice]:
    given = ~norm.is_blank(raw["region"])
    unknown = given & frame["region_id"].isna() & ~rejected
    label = header.labels.get("region")
    shown = norm.as_text(raw["region"])
    return [
        Notice(
            file=file,
            reason=VENUE_OUTSIDE,
            sheet=sheet,
            row_number=int(row_number),
            column_name=label,
            value=str(shown[row_number]),
            params={"value": str(shown[row_number])},
        )
        for row_number in unknown[unknown].index
    ]
