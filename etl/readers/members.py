"""Reader for the associations' member lists (.xlsx, .xls, .csv); see etl/memberlist."""

from __future__ import annotations

from pathlib import Path

from etl.memberlist import detect as detect_members
from etl.memberlist import read as read_members
from etl.model import ReadResult


def detect(path: Path) -> str | None:
    return detect_members(path)


def read(path: Path) -> ReadResult:
    return read_members(path)
