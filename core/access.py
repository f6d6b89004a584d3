"""Facts both sides need to decide the access mode: is sign-in configured, is real data loaded.

The dashboard offers its demo preview only while every loaded member and project row is generated
sample data; ``etl build`` warns when it publishes real rows without sign-in configured. Shipped
public reference data (boundaries, population, official statistics) names no member and does not
count as real loaded data here.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import duckdb

from core.paths import PROJECT_ROOT

# Tables that hold what the associations load: members, companies, project records.
LOADED_TABLES: Final = (
    "member",
    "company",
    "activity",
    "participation",
    "collaboration",
    "milestone",
    "energy_opportunity",
)
AUTH_KEYS: Final = ("redirect_uri", "cookie_secret", "client_id", "client_secret")


def real_rows_sql(tables: tuple[str, ...] = LOADED_TABLES) -> str:
    """One row per table: how many rows are not generated sample data."""
    return "\nUNION ALL\n".join(
        f"SELECT '{table}' AS table_name, count(*) FILTER (WHERE NOT is_sample) AS real_rows "
        f"FROM {table}"
        for table in tables
    )


def real_row_counts(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Real (not sample) rows per loaded table; tables missing from the file count as empty."""
    present = {
        name for (name,) in connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    }
    tables = tuple(t for t in LOADED_TABLES if t in present)
    if not tables:
        return {}
    return {name: int(n) for name, n in connection.execute(real_rows_sql(tables)).fetchall()}


def sign_in_configured(secrets: Mapping[str, object]) -> bool:
    """``[auth]`` with an OpenID Connect provider and ``[dia]`` with at least one user or domain."""
    auth = secrets.get("auth")
    dia = secrets.get("dia")
    if not isinstance(auth, Mapping) or not isinstance(dia, Mapping):
        return False
    has_provider = "server_metadata_url" in auth or any(
        isinstance(v, Mapping) and "server_metadata_url" in v for v in auth.values()
    )
    has_people = bool(dia.get("users")) or bool(dia.get("domains"))
    return has_provider and all(key in auth for key in AUTH_KEYS) and has_people


def secrets_files() -> list[Path]:
    """Where Streamlit reads secrets from: the user's folder, then the project's (later wins)."""
    return [
        Path.home() / ".streamlit" / "secrets.toml",
        PROJECT_ROOT / ".streamlit" / "secrets.toml",
    ]


def read_secrets(paths: list[Path] | None = None) -> dict[str, object]:
    """The merged secrets files (top-level tables only), as Streamlit would see them."""
    merged: dict[str, object] = {}
    for path in paths if paths is not None else secrets_files():
        try:
            merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (FileNotFoundError, tomllib.TOMLDecodeError):
            continue
    return merged
