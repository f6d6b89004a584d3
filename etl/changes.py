"""What changed: the items of two data versions compared (members per association, activities,
participations, collaborations) and every indicator's total.

A build compares its new warehouse with the version published before it (scope ``version``)
and with the data of the latest submitted report (scope ``report``; each submission keeps the
inventory of the data it was made from). The result goes into the warehouse tables
``change_basis``, ``change_item`` and ``change_indicator`` (docs/warehouse.md), which the
dashboard's landing page reads.

The items are compared inside DuckDB (a full join on kind and id): at 100× data a version
holds several hundred thousand items, too many to pair up as Python objects in every build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import duckdb
import pyarrow as pa

SQL_DIR: Final = Path(__file__).with_name("sql") / "changes"
# kind, group (association, activity type, …), id, label, detail, state ('active' | 'left')
Item = tuple[str, str, str, str, str, str]
ITEM_FIELDS: Final = ("kind", "grp", "item_id", "label", "detail", "state")
Totals = dict[str, dict[str, float]]  # indicator code → period → total of all sides


@dataclass(frozen=True)
class Inventory:
    items: list[Item]
    indicators: Totals

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


def indicator_totals(con: duckdb.DuckDBPyConnection) -> Totals:
    totals: Totals = {}
    for code, period, value in con.execute(_sql("indicator_totals")).fetchall():
        totals.setdefault(str(code), {})[str(period)] = float(value)
    return totals


def inventory(con: duckdb.DuckDBPyConnection) -> Inventory:
    """The items and totals of the warehouse ``con`` is on, as kept with a submitted report."""
    items = [
        tuple("" if v is None else str(v) for v in row)
        for row in con.execute(f"SELECT * FROM ({_sql('inventory')}) ORDER BY ALL").fetchall()
    ]
    return Inventory(items=items, indicators=indicator_totals(con))  # type: ignore[arg-type]


def hold_items(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """The inventory's items of the database in use, as the temp table ``table``."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {_sql('inventory')}")


def hold_reported(con: duckdb.DuckDBPyConnection, table: str, items: list[Item]) -> None:
    """Items kept with a report (``Inventory.items``), as the temp table ``table``."""
    columns = {
        name: pa.array([i[n] for i in items], pa.string()) for n, name in enumerate(ITEM_FIELDS)
    }
    held = pa.table(columns)  # noqa: F841 - read by DuckDB
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM held")


@contextmanager
def previous_version(con: duckdb.DuckDBPyConnection, path: Path) -> Iterator[None]:
    """Within the block, unqualified names on ``con`` are the tables of the version at ``path``
    (attached read-only); temp tables made meanwhile stay with ``con``."""
    own = con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
    con.execute("ATTACH ? AS previous_version (READ_ONLY)", [str(path)])
    try:
        con.execute("USE previous_version")
        yield
    finally:
        con.execute(f'USE "{own}"')
        con.execute("DETACH previous_version")


ITEM_COLUMNS: Final = ["kind", "grp", "item_id", "label", "detail", "change"]


def changed_totals(
    before: Totals, after: Totals, up_to: Iterable[str] | None = None
) -> list[tuple[str, float, float]]:
    """(code, total before, total after) of the indicators whose total changed; ``up_to``
    limits the totals to those periods."""
    periods = None if up_to is None else set(up_to)

    def total(values: Mapping[str, float]) -> float:
        return float(sum(v for p, v in values.items() if periods is None or p in periods))

    rows = []
    for code in sorted(set(before) | set(after)):
        first, last = total(before.get(code, {})), total(after.get(code, {}))
        if abs(first - last) > 1e-9:
            rows.append((code, first, last))
    return rows


def store(
    con: duckdb.DuckDBPyConnection,
    scope: str,
    reference: str,
    reference_version: str | None,
    indicators: list[tuple[str, float, float]],
    compared_at: dt.datetime,
) -> None:
    """The items changed from temp table ``inventory_before`` to ``inventory_after`` and the
    changed ``indicators``, stored under ``scope``."""
    con.execute(
        "INSERT INTO change_basis VALUES (?, ?, ?, ?)",
        [scope, reference, reference_version, compared_at],
    )
    con.execute(
        f"INSERT INTO change_item BY NAME SELECT ? AS scope, * FROM ({_sql('compare')})", [scope]
    )
    if indicators:
        con.executemany(
            "INSERT INTO change_indicator VALUES (?, ?, ?, ?)",
            [[scope, *row] for row in indicators],
        )
