"""Types shared by every reader and step of the ETL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Reject:
    """One value the ETL could not use, located precisely enough for staff to fix it.

    ``reason`` is an English message template (also the gettext msgid, so the UI and the
    reject report show it in NL/DE/EN); ``params`` fills its ``{placeholders}``.
    ``row_number`` is the 1-based row as a spreadsheet program shows it; ``None`` for
    file-level problems (unreadable file, unsupported format).
    """

    file: str
    reason: str
    sheet: str | None = None
    row_number: int | None = None
    column_name: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        return self.reason.format(**self.params) if self.params else self.reason


@dataclass(frozen=True)
class Notice(Reject):
    """Something the ETL did on purpose that staff should know (duplicate rows merged, a hidden
    column ignored); located and translated like a reject, but nothing was lost."""


@dataclass(frozen=True)
class SourceInfo:
    """A row of the warehouse ``source`` table."""

    source_id: str
    title: str
    publisher: str
    licence: str
    attribution: str
    vintage: str
    is_sample: bool = False


@dataclass
class ReadResult:
    """What one reader made of one file.

    ``tables`` maps a staging table name (e.g. ``labour_market``, ``member``) to its rows.
    ``skipped`` counts rows left out on purpose (blank, totals), which are not rejects.
    ``notices`` are translatable remarks (see ``Notice``); ``notes`` plain English ones.
    """

    file: str
    kind: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    sources: list[SourceInfo] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped: int = 0
    # What reading cost, when it was read in a child process (etl/sandbox.py).
    seconds: float | None = None
    peak_mb: float | None = None
    released: dict[str, int] = field(default_factory=dict)  # table → rows let go of

    @property
    def accepted(self) -> int:
        return sum(self.table_rows().values())

    def table_rows(self) -> dict[str, int]:
        """Rows per table, also of tables already let go of."""
        return {**self.released, **{name: len(frame) for name, frame in self.tables.items()}}

    def release(self, table: str) -> None:
        """Let go of a table's rows once they are staged in the database (memory at scale);
        they still count as accepted."""
        self.released[table] = len(self.tables.pop(table))
