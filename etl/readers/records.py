"""Reader for the project records (activities, participations, collaborations, milestones);
see etl/records."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from etl.model import ReadResult
from etl.records import detect as detect_records
from etl.records import read as read_records

# After the member lists (a member list never has an activity or partner column), before the
# statistics readers: project records are recognised by their headers alone.
PRIORITY: Final = 12


def detect(path: Path) -> str | None:
    try:
        return detect_records(path)
    except Exception:  # detect must never raise, whatever the bytes
        return None


def read(path: Path) -> ReadResult:
    return read_records(path)
