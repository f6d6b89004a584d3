"""Reader for the associations' member lists (.xlsx, .xls, .csv); see etl/memberlist."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from etl.memberlist import detect as detect_members
from etl.memberlist import read as read_members
from etl.model import ReadResult

# Before the statistics readers: a member list is recognised by its headers alone.
PRIORITY: Final = 10


def detect(path: Path) -> str | None:
    try:
        return detect_members(path)
    except Exception:  # detect must never raise, whatever the bytes
        return None


def read(path: Path) -> ReadResult:
    return read_members(path)
