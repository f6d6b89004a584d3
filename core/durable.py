"""Writes that survive a crash or power cut: the warehouse pointer (etl/publish.py) and the
submitted reports (core/reports.py) are written to a temporary file, synced, then moved or
linked into place, and the folder is synced so the new name is on disk too."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_path(path: Path) -> None:
    """Flush a file's or a folder's entry to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_synced(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` and flush it to disk before returning."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
