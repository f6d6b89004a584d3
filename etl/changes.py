"""What changed: the items of two data versions compared (members per association, activities,
participations, collaborations) and every indicator's total.

A build compares its new warehouse with the version published before it (scope ``version``)
and with the data of the latest submitted report (scope ``report``; each submission keeps the
inventory of the data it was made from). The result goes into the warehouse tables
``change_basis``, ``change_item`` and ``change_indicator`` (docs/warehouse.md), which the
dashboard's landing page reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import duckdb
import pandas as pd

SQL_DIR: Final = Path(__file__).with_name("sql") / "changes"
# kind, group (association, activity type, …), id, label, detail, state ('active' | 'left')
Item = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class Inventory:
    items: list[Item]
    indicators: dict[str, dict[str, float]]  # code → period → total of all sides

    def to_json(self) -> dict[str, Any]:
        return {"items": [list(i) for i in self.items], "indicators": self.indicators}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Inventory:
        return cls(
            items=[tuple(str(v) for v in item) for item in raw.get("items", [])],  # type: ignore[misc]
            indicators={
                str(code): {str(p): float(v) for p, v in periods.items()}
                for code, periods in raw.get("indicators", {}).items()
            },
        )


def _sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def inventory(con: duckdb.DuckDBPyConnection) -> Inventory:
    items = [
        tuple("" if v is None else str(v) for v in row)
        for row in con.execute(_sql("inventory")).fetchall()
    ]
    totals: dict[str, dict[str, float]] = {}
    for code, period, value in con.execute(_sql("indicator_totals")).fetchall():
        totals.setdefault(str(code), {})[str(period)] = float(value)
    return Inventory(items=items, indicators=totals)  # type: ignore[arg-type]


ITEM_COLUMNS: Final = ["kind", "grp", "item_id", "label", "detail", "change"]
INDICATOR_COLUMNS: Final = ["code", "before", "after"]


def compare(
    before: Inventory, after: Inventory, *, up_to: Iterable[str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The items added and removed (members: joined and left) from ``before`` to ``after``, and
    the indicators whose total changed; ``up_to`` limits the totals to those periods."""
    old = {(i[0], i[2]): i for i in before.items}
    new = {(i[0], i[2]): i for i in after.items}
    rows: list[list[str]] = []
    for key in sorted(set(old) | set(new)):
        was, now = old.get(key), new.get(key)
        if key[0] == "member":
            was_in = was is not None and was[5] == "active"
            now_in = now is not None and now[5] == "active"
            if now_in and not was_in:
                rows.append([*now[:5], "joined"])  # type: ignore[index]
            elif was_in and not now_in:
                rows.append([*(now or was)[:5], "left"])  # type: ignore[index]
        elif now is not None and was is None:
            rows.append([*now[:5], "added"])
        elif was is not None and now is None:
            rows.append([*was[:5], "removed"])
    periods = None if up_to is None else set(up_to)

    def total(values: Mapping[str, float]) -> float:
        return float(sum(v for p, v in values.items() if periods is None or p in periods))

    indicator_rows = []
    for code in sorted(set(before.indicators) | set(after.indicators)):
        first = total(before.indicators.get(code, {}))
        last = total(after.indicators.get(code, {}))
        if abs(first - last) > 1e-9:
            indicator_rows.append([code, first, last])
    return (
        pd.DataFrame(rows, columns=ITEM_COLUMNS),
        pd.DataFrame(indicator_rows, columns=INDICATOR_COLUMNS),
    )


def store(
    con: duckdb.DuckDBPyConnection,
    scope: str,
    reference: str,
    reference_version: str | None,
    changes: tuple[pd.DataFrame, pd.DataFrame],
    compared_at: dt.datetime,
) -> None:
    items, indicators = changes
    con.execute(
        "INSERT INTO change_basis VALUES (?, ?, ?, ?)",
        [scope, reference, reference_version, compared_at],
    )
    items = items.assign(scope=scope)
    indicators = indicators.assign(scope=scope)
    con.execute("INSERT INTO change_item BY NAME SELECT * FROM items")
    con.execute("INSERT INTO change_indicator BY NAME SELECT * FROM indicators")
