"""The published warehouse version: a small pointer file naming one immutable DuckDB file.

Only ``etl`` writes versions; everything else reads the pointer and opens that file read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.paths import warehouse_dir

POINTER_NAME = "CURRENT"
SUFFIX = ".duckdb"


@dataclass(frozen=True)
class Version:
    """One published warehouse file. ``version_id`` sorts by build time."""

    version_id: str
    path: Path


def pointer_path(directory: Path | None = None) -> Path:
    return (directory or warehouse_dir()) / POINTER_NAME


def current_version(directory: Path | None = None) -> Version | None:
    """The published version, or None when nothing has been published yet."""
    directory = directory or warehouse_dir()
    try:
        name = pointer_path(directory).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = directory / name
    if not name.endswith(SUFFIX) or not path.is_file():
        return None
    return Version(version_id=name.removesuffix(SUFFIX), path=path)
