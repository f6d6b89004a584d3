"""The publish gate: a new version is not published when an input could not be read at all, or
when a table (or one association's members) shrinks beyond ``[gate] max_shrink`` of
etl/config/limits.toml against the published version — unless the shrink is accepted.

Only real rows are compared: replacing generated sample data is never a loss.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import duckdb

from etl.limits import CONFIG_FILE
from etl.model import ReadResult

# Kinds a file gets when nothing in it could be read.
FAILED_KINDS: Final = frozenset({"unsupported", "unrecognised", "unreadable", "refused"})
SHOWN_MEMBERS: Final = 200


@dataclass(frozen=True)
class Shrink:
    table: str
    association: str | None
    before: int
    after: int


@dataclass
class Gate:
    unreadable: list[str] = field(default_factory=list)
    shrinks: list[Shrink] = field(default_factory=list)
    disappearing: list[dict[str, str]] = field(default_factory=list)

    @property
    def blocked_by_input(self) -> bool:
        return bool(self.unreadable)

    def as_json(self) -> dict[str, Any]:
        return {
            "unreadable": self.unreadable,
            "shrinks": [s.__dict__ for s in self.shrinks],
            "disappearing": self.disappearing,
        }


def load_gate(path: Path = CONFIG_FILE) -> tuple[float, list[str]]:
    with path.open("rb") as handle:
        gate = tomllib.load(handle)["gate"]
    return float(gate["max_shrink"]), list(gate["tables"])


def unreadable(results: list[ReadResult]) -> list[str]:
    return [result.file for result in results if result.kind in FAILED_KINDS]


def _columns(con: duckdb.DuckDBPyConnection, catalog: str, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND table_name = ?",
        [catalog, table],
    ).fetchall()
    return {row[0] for row in rows}


def _counts(con: duckdb.DuckDBPyConnection, catalog: str, table: str) -> dict[str | None, int]:
    """Real rows of ``table``; for members also per association."""
    columns = _columns(con, catalog, table)
    if not columns:
        return {}
    real = "WHERE NOT is_sample" if "is_sample" in columns else ""
    name = f'"{catalog}".{table}'
    (total,) = con.execute(f"SELECT count(*) FROM {name} {real}").fetchone()  # type: ignore[misc]
    counts: dict[str | None, int] = {None: total}
    if table == "member":
        for association, count in con.execute(
            f"SELECT association, count(*) FROM {name} {real} GROUP BY ALL"
        ).fetchall():
            counts[association] = count
    return counts


def compare(con: duckdb.DuckDBPyConnection, published: Path | None) -> Gate:
    """The shrinks of the new version (``con``'s main catalog) against ``published``."""
    gate = Gate()
    if published is None or not published.exists():
        return gate
    max_shrink, tables = load_gate()
    (current,) = con.execute("SELECT current_database()").fetchone()  # type: ignore[misc]
    con.execute(f"ATTACH '{published}' AS published (READ_ONLY)")
    try:
        for table in tables:
            before = _counts(con, "published", table)
            after = _counts(con, current, table)
            for key, old in before.items():
                new = after.get(key, 0)
                if old > 0 and (new == 0 or (old - new) / old > max_shrink):
                    gate.shrinks.append(Shrink(table, key, old, new))
        if {"member_id", "is_sample"} <= _columns(con, "published", "member"):
            gate.disappearing = [
                {"association": association, "name": name, "postcode": postcode or ""}
                for association, name, postcode in con.execute(
                    "SELECT association, name, postcode FROM published.member p"
                    " WHERE NOT p.is_sample AND p.member_id NOT IN (SELECT member_id FROM member)"
                    f" ORDER BY association, name LIMIT {SHOWN_MEMBERS}"
                ).fetchall()
            ]
    finally:
        con.execute("DETACH published")
    return gate
