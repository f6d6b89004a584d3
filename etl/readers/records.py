"""Reader for the project records (activities, participations, collaborations, milestones);
see etl/records."""

from __future__ import annotations

from pathlib import Path

from etl.model import ReadResult
from etl.records import detect as detect_records
from etl.records import read as read_records


def detect(path: Path) -> str | None:
    return detect_records(path)


def read(path: Path) -> ReadResult:
    return read_records(path)
