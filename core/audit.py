"""The audit log: who did what, when, on which data version — append-only, outside the warehouse.

One JSON object per line in ``<DIA_DATA_DIR>/audit/audit.jsonl``. Rebuilding the warehouse never
touches it. Each event is written with one ``write`` on a file opened for appending under an
exclusive lock, so lines of concurrent writers (dashboard sessions, ``etl`` processes) do not
interleave; a line torn by a crash is skipped (and counted) when reading, never fatal.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from core.paths import data_dir
from core.versions import current_version

EVENTS: Final = (
    "sign_in",
    "sign_out",
    "upload",
    "load",
    "replace",
    "build",
    "export",
    "denied",
    "submit",
)
ACTOR_ENV: Final = "DIA_ACTOR"  # who started an etl process (set by the Data page)


def audit_path() -> Path:
    return data_dir() / "audit" / "audit.jsonl"


def default_actor() -> str:
    """The person behind this process: ``DIA_ACTOR`` when the dashboard started it, else the
    operating-system account (command-line use)."""
    return os.environ.get(ACTOR_ENV) or f"os:{getpass.getuser()}"


def record(
    event: str,
    what: str,
    *,
    who: str | None = None,
    role: str | None = None,
    version: str | None = None,
    details: Mapping[str, object] | None = None,
    path: Path | None = None,
) -> dict[str, object]:
    """Append one event; ``version`` defaults to the published warehouse version."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event {event!r}")
    if version is None:
        published = current_version()
        version = published.version_id if published else None
    entry: dict[str, object] = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "event": event,
        "who": who or default_actor(),
        "role": role,
        "what": what,
        "version": version,
        "details": dict(details or {}),
    }
    target = path or audit_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        # A torn last line (crash mid-write) must not swallow this event: start on a new line.
        if os.fstat(fd).st_size and _last_byte(target) != b"\n":
            line = b"\n" + line
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)  # also releases the lock
    return entry


def _last_byte(path: Path) -> bytes:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1)


@dataclass
class AuditLog:
    entries: list[dict[str, object]] = field(default_factory=list)
    unreadable_lines: int = 0


def read(path: Path | None = None, limit: int | None = None) -> AuditLog:
    """Events oldest first (the last ``limit`` only, when given); torn or foreign lines are
    counted, not raised."""
    log = AuditLog()
    for entry in _lines(path or audit_path()):
        if entry is None:
            log.unreadable_lines += 1
        else:
            log.entries.append(entry)
    if limit is not None:
        log.entries = log.entries[-limit:]
    return log


def _lines(path: Path) -> Iterator[dict[str, object] | None]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return
    with handle:
        for raw in handle:
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                yield None
                continue
            yield entry if isinstance(entry, dict) and "event" in entry else None
