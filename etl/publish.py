"""Versioned warehouse files and their atomic publication.

A build writes ``<version>.duckdb.building``; only after its checks pass is it renamed to
``<version>.duckdb`` and the pointer file replaced in one ``os.replace``. Readers follow the
pointer, so at every instant they see either the old or the new version, never a half-built one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from core.durable import fsync_path, write_synced
from core.versions import POINTER_NAME, SUFFIX, Version, current_version, pointer_path

BUILDING_SUFFIX = ".building"
LOCK_NAME = ".build.lock"
# A version stays on disk at least this long after it was replaced, so a reader that has just
# read the old pointer can still open the file it names.
GRACE_SECONDS = 600
KEEP_VERSIONS = 3


class BuildLockedError(RuntimeError):
    """Another build holds the lock of this warehouse folder."""


@contextlib.contextmanager
def build_lock(directory: Path) -> Iterator[None]:
    """Hold the folder's build lock; released by the OS even when the process is killed."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / LOCK_NAME).open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildLockedError(f"another build is running in {directory}") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def new_version_id(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"dia-{now:%Y%m%dT%H%M%S}{now.microsecond:06d}Z-{secrets.token_hex(3)}"


def staging_path(directory: Path, version_id: str) -> Path:
    return directory / f"{version_id}{SUFFIX}{BUILDING_SUFFIX}"


def publish(directory: Path, staged: Path, version_id: str) -> Version:
    """Make a finished, closed staging file the published version."""
    final = directory / f"{version_id}{SUFFIX}"
    fsync_path(staged)
    staged.replace(final)
    tmp = directory / f"{POINTER_NAME}.{os.getpid()}.tmp"
    write_synced(tmp, final.name + "\n")
    tmp.replace(pointer_path(directory))
    fsync_path(directory)
    return Version(version_id=version_id, path=final)


def cleanup(directory: Path, keep: int = KEEP_VERSIONS, now: float | None = None) -> list[Path]:
    """Remove leftovers of dead builds and old versions. Call only while holding the build lock.

    Never removes the published version, the ``keep`` newest versions, or a version replaced
    less than ``GRACE_SECONDS`` ago.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    current = current_version(directory)
    for leftover in [
        *directory.glob(f"*{BUILDING_SUFFIX}"),
        *directory.glob(f"*{BUILDING_SUFFIX}.wal"),
        *directory.glob(f"{POINTER_NAME}.*.tmp"),
    ]:
        leftover.unlink(missing_ok=True)
        removed.append(leftover)
    versions = sorted(directory.glob(f"dia-*{SUFFIX}"), reverse=True)
    written_at = [path.stat().st_mtime for path in versions]
    for index, path in enumerate(versions):
        if (current and path == current.path) or index < keep:
            continue
        # A version was replaced when the next newer one was written.
        replaced_at = written_at[index - 1]
        if now - replaced_at < GRACE_SECONDS:
            continue
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".wal").unlink(missing_ok=True)
        removed.append(path)
    return removed
