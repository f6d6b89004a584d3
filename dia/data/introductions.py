"""Introductions made on the partner page: appended to a records file that every build loads
as planned collaborations (docs/partners.md).

The dashboard never writes the warehouse: it appends one row to
``<DIA_DATA_DIR>/introductions/introductions.csv`` (``introductions_sample.csv`` between sample
members, titled as sample data) in the collaboration layout of the project records
(docs/records.md), then runs ``python -m etl build`` in a child process. Rows are never changed
or removed; a mistaken introduction is corrected in the collaboration records (status
*stopped*), like any other collaboration.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from core.paths import INTRODUCTIONS_FILE, INTRODUCTIONS_SAMPLE_FILE, introductions_dir

# The English headers of the collaboration template (etl/config/record_columns.toml).
HEADER: Final = (
    "Collaboration ID",
    "Partner NL (register or member number)",
    "Name partner NL",
    "Partner DE (register or member number)",
    "Name partner DE",
    "Type of collaboration",
    "Started on",
    "Status",
    "Evidence",
)
# The records reader marks a file as sample data by this title row.
SAMPLE_TITLE: Final = "Voorbeelddata / Beispieldaten – DIA-introducties / DIA-Vorstellungen"
DEFAULT_TYPE: Final = "knowledge exchange"


@dataclass(frozen=True)
class Partner:
    """One side of an introduction, as the records name a company."""

    association: str
    name: str
    register_id: str | None
    member_number: str | None

    def reference(self) -> str:
        """Register number if known (unique across both lists), else ``OE 1042``."""
        if self.register_id:
            return self.register_id
        if self.member_number:
            return f"{self.association} {self.member_number}"
        raise ValueError(f"{self.name}: neither register nor member number to name it by")


def introduction_id(nl: Partner, de: Partner) -> str:
    """Stable per pair, so introducing a pair twice repeats the id (the build keeps the first)."""
    digest = hashlib.sha1(f"{nl.reference()}|{de.reference()}".encode()).hexdigest()[:8]
    return f"INTRO-{digest.upper()}"


def store(sample: bool, folder: Path | None = None) -> Path:
    base = folder or introductions_dir()
    return base / (INTRODUCTIONS_SAMPLE_FILE if sample else INTRODUCTIONS_FILE)


def introduced_ids(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[0] for row in csv.reader(handle, delimiter=";") if row}


def record(
    nl: Partner,
    de: Partner,
    *,
    by: str,
    on: date,
    kind: str = DEFAULT_TYPE,
    sample: bool,
    folder: Path | None = None,
) -> str | None:
    """Append the introduction of ``nl`` and ``de`` by staff of association ``by``; returns its
    id, or None when the pair was introduced before (nothing is written then)."""
    path = store(sample, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = introduction_id(nl, de)
    with path.open("a+", encoding="utf-8", newline="") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # two staff clicking at once append one after another
        handle.seek(0)
        existing = handle.read()
        if any(line.split(";", 1)[0] == key for line in existing.splitlines()):
            return None
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        if not existing:
            if sample:
                writer.writerow([SAMPLE_TITLE])
            writer.writerow(HEADER)
        evidence = f"Introduced by {by} staff on {on.isoformat()} (DIA Monitor partner page)"
        writer.writerow(
            [key, nl.reference(), nl.name, de.reference(), de.name, kind, "", "planned", evidence]
        )
    return key
