"""Queries both sides run on the warehouse: the dashboard (dia/data/warehouse.py) and
``etl report`` read ``core/sql/<name>.sql``, so the calendar and the record sources a submitted
report stores are the ones the pages show."""

from __future__ import annotations

from pathlib import Path
from typing import Final

SHARED_SQL_DIR: Final = Path(__file__).with_name("sql")


def sql_path(name: str, own: Path) -> Path:
    """``<own>/<name>.sql``, else the shared ``core/sql/<name>.sql``."""
    path = own / f"{name}.sql"
    return path if path.exists() else SHARED_SQL_DIR / f"{name}.sql"
