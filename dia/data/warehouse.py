"""How the dashboard reads the warehouse: the published version, read-only, bounded queries.

Queries live in ``dia/sql/<name>.sql`` (those ``etl report`` runs too in ``core/sql/``) and take
parameters (``$name``), never values pasted into SQL text. Results are cached per warehouse
version, so a new publish shows up on the next rerun without a restart, and an old version's
cache simply ages out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, Final, ParamSpec, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from core.queries import sql_path
from core.versions import Version, current_version
from dia.policy import Viewer

SQL_DIR: Final = Path(__file__).parent.parent / "sql"
ROW_CAP: Final = 200_000
TIME_LIMIT_SECONDS: Final = 20.0


class NoWarehouseError(RuntimeError):
    """Nothing has been published yet."""


class QueryTooLargeError(RuntimeError):
    """A query returned more rows than the dashboard will hold."""


def version() -> Version:
    found = current_version()
    if found is None:
        raise NoWarehouseError("no published warehouse; run `python -m etl build --samples`")
    return found


@lru_cache(maxsize=64)
def sql_text(name: str) -> str:
    return sql_path(name, SQL_DIR).read_text(encoding="utf-8")


@st.cache_resource(max_entries=4)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    # One read-only connection per version file; each query runs on its own cursor.
    return duckdb.connect(path, read_only=True)


def run_query(path: str, name: str, params: Mapping[str, object] | None = None) -> pd.DataFrame:
    """Run ``dia/sql/<name>.sql`` on the file at ``path`` with a row cap and a time limit."""
    cursor = _connection(path).cursor()
    timer = threading.Timer(TIME_LIMIT_SECONDS, cursor.interrupt)
    timer.start()
    try:
        bounded = f"SELECT * FROM ({sql_text(name)}) AS q LIMIT {ROW_CAP + 1}"
        frame = cursor.execute(bounded, dict(params or {})).df()
    finally:
        timer.cancel()
        cursor.close()
    if len(frame) > ROW_CAP:
        raise QueryTooLargeError(f"{name} returned more than {ROW_CAP} rows")
    return frame


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _cached_query(
    version_id: str, path: str, name: str, params: tuple[tuple[str, object], ...]
) -> pd.DataFrame:
    return run_query(path, name, dict(params))


def cursor() -> tuple[Version, duckdb.DuckDBPyConnection]:
    """A cursor on the published version, for callers that run shared SQL of the foundation
    package (close it when done)."""
    current = version()
    return current, _connection(str(current.path)).cursor()


def query(name: str, **params: object) -> pd.DataFrame:
    """A cached query on the published version. Callers must not mutate the returned frame."""
    current = version()
    return _cached_query(current.version_id, str(current.path), name, tuple(sorted(params.items())))


P = ParamSpec("P")
R = TypeVar("R")


@st.cache_data(max_entries=128, show_spinner=False, hash_funcs={Viewer: Viewer.scope_key})
def _made(name: str, version_id: str, _make: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    del name, version_id  # the cache key, with the arguments (``_make`` is not hashed: its name is)
    return _make(*args, **kwargs)


def per_version(make: Callable[P, R]) -> Callable[P, R]:
    """``make`` (a frame or figure shaped from query results) run once per published data
    version and arguments; later calls get a copy. A viewer among the arguments counts by its
    scope (``Viewer.scope_key``): viewers who may see the same rows share the result, no
    other viewer gets it. Only for results that depend on nothing else of the viewer."""
    name = f"{make.__module__}.{make.__qualname__}"

    @wraps(make)
    def cached(*args: P.args, **kwargs: P.kwargs) -> R:
        return _made(name, version().version_id, make, *args, **kwargs)  # type: ignore[no-any-return]

    return cached
