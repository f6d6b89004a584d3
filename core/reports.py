"""Submitted reporting periods: an append-only store beside the warehouse, and the ledger
arithmetic that keeps what was reported frozen.

A submitted report is final (as in the programme's Jems reporting): its figures never change.
When rebuilt data disagrees with what was reported, the difference is reported once, as a
correction in the next report. Each submission is one JSON file ``<period>.json`` under
``DIA_DATA_DIR/reports/``; it is written to a temporary file, flushed to disk and then linked
to its final name, which fails if the name exists. So a crash leaves either no submission or a
whole one, two submissions of one period cannot both succeed, and no rebuild touches the folder
(back it up together with ``inbox/``).

The arithmetic, for a period P with R the latest submission before P (by position):
``previous`` = R's cumulative + the live values of unsubmitted periods between R and P;
``correction`` = the live cumulative up to R's period − R's cumulative; ``this period`` = the
live value of P; ``cumulative`` = previous + correction + this period (= the live cumulative).
A submitted period shows what its submission stored. Used by ``etl report`` (which computes and
writes submissions) and by the dashboard (which reads them); see docs/reporting.md.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from core.durable import fsync_path, write_synced
from core.paths import data_dir

SCHEMA: Final = 1
SUFFIX: Final = ".json"
LOCK_NAME: Final = ".submit.lock"

# code → side → number
Values = dict[str, dict[str, float]]
# (code, period, side) → the live value of that period in the published warehouse
LiveValues = Mapping[tuple[str, str, str], float]


def reports_dir() -> Path:
    return data_dir() / "reports"


class AlreadySubmittedError(RuntimeError):
    """The period (or a later one) has been submitted; a submitted report is final."""


@dataclass(frozen=True)
class Submission:
    """One submitted report: the ledger lines of its period per indicator and side, the
    evidence counts, the data version, who submitted it and when, and a snapshot of what its
    files need (indicator texts, calendar, evidence with labels) so they can be made again."""

    period: str
    position: int
    submitted_at: str  # ISO 8601, UTC
    submitted_by: str
    data_version: str
    values: Values  # this period
    previous: Values
    corrections: Values
    cumulative: Values
    evidence_counts: dict[str, dict[str, int]]
    snapshot: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def total(self, part: str, code: str) -> float:
        """The sum over the sides of ``part`` (values, previous, corrections, cumulative)."""
        lines: Values = getattr(self, part)
        return float(sum(lines.get(code, {}).values()))

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "period": self.period,
            "position": self.position,
            "submitted_at": self.submitted_at,
            "submitted_by": self.submitted_by,
            "data_version": self.data_version,
            "values": self.values,
            "previous": self.previous,
            "corrections": self.corrections,
            "cumulative": self.cumulative,
            "evidence_counts": self.evidence_counts,
            "snapshot": self.snapshot,
        }

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> Submission:
        return cls(
            period=str(record["period"]),
            position=int(record["position"]),
            submitted_at=str(record["submitted_at"]),
            submitted_by=str(record["submitted_by"]),
            data_version=str(record["data_version"]),
            values=_values(record["values"]),
            previous=_values(record["previous"]),
            corrections=_values(record["corrections"]),
            cumulative=_values(record["cumulative"]),
            evidence_counts={
                str(code): {str(k): int(v) for k, v in counts.items()}
                for code, counts in record.get("evidence_counts", {}).items()
            },
            snapshot=dict(record.get("snapshot", {})),
        )


def _values(raw: Mapping[str, Mapping[str, object]]) -> Values:
    return {str(code): {str(s): float(v) for s, v in sides.items()} for code, sides in raw.items()}  # type: ignore[arg-type]


# --- the store ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unreadable:
    """A file in the store that is not a whole submission (reported, never silently dropped)."""

    path: Path
    reason: str


def _path(directory: Path, period: str) -> Path:
    return directory / f"{period}{SUFFIX}"


def read_all(directory: Path | None = None) -> tuple[list[Submission], list[Unreadable]]:
    """Every submission in position order, and the files that could not be read."""
    directory = directory or reports_dir()
    found: list[Submission] = []
    bad: list[Unreadable] = []
    if not directory.is_dir():
        return found, bad
    for path in sorted(directory.glob(f"*{SUFFIX}")):
        if path.name.startswith("."):
            continue
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            submission = Submission.from_json(record)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            bad.append(Unreadable(path, f"{type(exc).__name__}: {exc}"))
            continue
        if submission.period != path.stem:
            bad.append(Unreadable(path, f"file holds period {submission.period}"))
            continue
        found.append(submission)
    return sorted(found, key=lambda s: s.position), bad


def submissions(directory: Path | None = None) -> list[Submission]:
    return read_all(directory)[0]


def get(period: str, directory: Path | None = None) -> Submission | None:
    return next((s for s in submissions(directory) if s.period == period), None)


@contextlib.contextmanager
def _lock(directory: Path) -> Iterator[None]:
    with (directory / LOCK_NAME).open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def append(submission: Submission, directory: Path | None = None) -> Path:
    """Store ``submission``; raises AlreadySubmittedError if its period or a later one is in
    the store. Never overwrites a file."""
    directory = directory or reports_dir()
    directory.mkdir(parents=True, exist_ok=True)
    final = _path(directory, submission.period)
    with _lock(directory):
        for other in submissions(directory):
            if other.period == submission.period:
                raise AlreadySubmittedError(
                    f"{submission.period} was submitted on {other.submitted_at} "
                    f"by {other.submitted_by}"
                )
            if other.position > submission.position:
                raise AlreadySubmittedError(f"the later period {other.period} is already submitted")
        tmp = directory / f".{submission.period}.{os.getpid()}.tmp"
        try:
            write_synced(tmp, json.dumps(submission.to_json(), ensure_ascii=False, sort_keys=True))
            try:
                os.link(tmp, final)  # atomic, and fails if the period is there already
            except FileExistsError as exc:
                raise AlreadySubmittedError(f"{submission.period} is already submitted") from exc
            fsync_path(directory)
        finally:
            tmp.unlink(missing_ok=True)
    return final


# --- the arithmetic -------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One indicator side in the ledger of one period."""

    previous: float
    correction: float
    this_period: float

    @property
    def cumulative(self) -> float:
        return self.previous + self.correction + self.this_period


def _live_sum(live: LiveValues, code: str, side: str, periods: Iterable[str]) -> float:
    return float(sum(live.get((code, p, side), 0.0) for p in periods))


def latest_before(position: int, done: Iterable[Submission]) -> Submission | None:
    earlier = [s for s in done if s.position < position]
    return max(earlier, key=lambda s: s.position) if earlier else None


def ledger_lines(
    period: str,
    periods: list[str],
    keys: Iterable[tuple[str, str]],
    live: LiveValues,
    done: list[Submission],
) -> dict[tuple[str, str], Line]:
    """The ledger lines of ``period`` for each (code, side) in ``keys``: stored ones for a
    submitted period, else previous/correction/this period as in the module docstring.
    ``periods`` lists every period of the plan in order."""
    position = periods.index(period) + 1
    stored = next((s for s in done if s.period == period), None)
    lines: dict[tuple[str, str], Line] = {}
    if stored is not None:
        for code, side in keys:
            lines[(code, side)] = Line(
                previous=stored.previous.get(code, {}).get(side, 0.0),
                correction=stored.corrections.get(code, {}).get(side, 0.0),
                this_period=stored.values.get(code, {}).get(side, 0.0),
            )
        return lines
    base = latest_before(position, done)
    start = base.position if base else 0
    between = periods[start : position - 1]
    for code, side in keys:
        reported = base.cumulative.get(code, {}).get(side, 0.0) if base else 0.0
        live_until_base = _live_sum(live, code, side, periods[:start])
        lines[(code, side)] = Line(
            previous=reported + _live_sum(live, code, side, between),
            correction=live_until_base - reported if base else 0.0,
            this_period=live.get((code, period, side), 0.0),
        )
    return lines


def series(
    periods: list[str],
    begun: int,
    keys: Iterable[tuple[str, str]],
    live: LiveValues,
    done: list[Submission],
) -> dict[tuple[str, str, str], Line]:
    """Every begun period's line per (code, side), as the ledger of that period shows it: a
    past bar never changes once submitted; corrections appear in the period that reports them."""
    keys = list(keys)
    out: dict[tuple[str, str, str], Line] = {}
    for period in periods[:begun]:
        for (code, side), line in ledger_lines(period, periods, keys, live, done).items():
            out[(code, period, side)] = line
    return out


# --- evidence -------------------------------------------------------------------------------

# One counted thing: (code, period, side, activity_id, company_id, collaboration_id, amount)
EvidenceItem = tuple[str, str, str, str | None, str | None, str | None, float]


@dataclass(frozen=True)
class EvidenceChange:
    """What makes up a correction of one indicator: the counted items added and removed."""

    code: str
    added: list[EvidenceItem]
    removed: list[EvidenceItem]

    def ids(self, kind: str, *, added: bool) -> list[str]:
        """The distinct activity/company/collaboration ids among the added or removed items."""
        column = {"activity": 3, "company": 4, "collaboration": 5}[kind]
        items = self.added if added else self.removed
        return sorted({str(i[column]) for i in items if i[column] is not None})


def evidence_changes(
    reported: Iterable[EvidenceItem], live: Iterable[EvidenceItem]
) -> list[EvidenceChange]:
    """Per indicator, the items counted now but not when reported, and the other way round.
    Items are compared whole, so a changed amount shows as one removed and one added item."""
    before: dict[str, list[EvidenceItem]] = {}
    after: dict[str, list[EvidenceItem]] = {}
    for item in reported:
        before.setdefault(item[0], []).append(item)
    for item in live:
        after.setdefault(item[0], []).append(item)
    changes = []
    for code in sorted(set(before) | set(after)):
        old, new = _multiset(before.get(code, [])), _multiset(after.get(code, []))
        added = [i for i, n in new.items() for _ in range(n - old.get(i, 0))]
        removed = [i for i, n in old.items() for _ in range(n - new.get(i, 0))]
        if added or removed:
            changes.append(EvidenceChange(code, sorted(added, key=str), sorted(removed, key=str)))
    return changes


def _multiset(items: Iterable[EvidenceItem]) -> dict[EvidenceItem, int]:
    counts: dict[EvidenceItem, int] = {}
    for item in items:
        key = (*item[:6], round(float(item[6]), 6))
        counts[key] = counts.get(key, 0) + 1  # type: ignore[index]
    return counts  # type: ignore[return-value]


def evidence_items(raw: Iterable[Iterable[object]]) -> list[EvidenceItem]:
    """Items as stored in JSON (lists) or read from the warehouse (tuples), normalised."""
    out: list[EvidenceItem] = []
    for row in raw:
        code, period, side, activity, company, collaboration, amount = list(row)
        out.append(
            (
                str(code),
                str(period),
                str(side),
                _ref(activity),
                _ref(company),
                _ref(collaboration),
                float(amount),  # type: ignore[arg-type]
            )
        )
    return out


def _ref(value: object) -> str | None:
    """An id, or None for a missing one (None, or NaN where a data frame held it)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)
