"""``etl report``: submit a reporting period, list the submitted ones, show one.

Submitting reads the published warehouse (read-only) and stores the period's ledger — every
indicator per side (previous, correction, this period, cumulative), the evidence counts, the
data version, who and when — with a snapshot of what its files need, in the append-only store
of core/reports.py, outside the rebuildable warehouse.

Exit codes: ``submit`` 0 stored, 1 already submitted (or a later period is), 2 not a period of
the plan, not begun, or nothing published; ``show`` 0, 1 not submitted; ``list`` 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any, Final

import duckdb

from core import audit, reports
from core.queries import sql_path
from core.reports import Submission
from core.versions import Version, current_version
from etl.changes import inventory

SQL_DIR: Final = Path(__file__).with_name("sql") / "report"


class NotReportableError(RuntimeError):
    """The period is not in the plan, has not begun, or there is no published data."""


def _rows(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> list[dict[str, Any]]:
    cursor = con.execute(sql_path(name, SQL_DIR).read_text(encoding="utf-8"), params or None)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _nested(pairs: dict[tuple[str, str], float]) -> reports.Values:
    out: reports.Values = {}
    for (code, side), value in pairs.items():
        out.setdefault(code, {})[side] = value
    return out


def prepare(version: Version, period: str, by: str, now: dt.datetime) -> Submission:
    """The submission of ``period`` from the published ``version`` (not stored yet)."""
    with duckdb.connect(str(version.path), read_only=True) as con:
        calendar = _rows(con, "project_calendar")
        plan = [str(r["period"]) for r in calendar]
        if period not in plan:
            raise NotReportableError(
                f"{period} is not a reporting period of the plan ({', '.join(plan)})"
            )
        row = next(r for r in calendar if r["period"] == period)
        if not row["has_begun"]:
            raise NotReportableError(
                f"{period} has not begun: the records go up to {_iso(row['data_as_of'])}"
            )
        indicators = _rows(con, "indicators")
        live = {
            (str(r["code"]), str(r["period"]), str(r["side"])): float(r["value"])
            for r in _rows(con, "values")
        }
        evidence = reports.evidence_items(
            tuple(r.values()) for r in _rows(con, "evidence", period=period)
        )
        labels: dict[str, dict[str, list[str | None]]] = {}
        for r in _rows(con, "labels"):
            labels.setdefault(str(r["kind"]), {})[str(r["id"])] = [
                r["date"],
                r["type"],
                r["label"],
                r["associations"],
            ]
        sources = [
            {"title": r["title"], "vintage": r["vintage"], "is_sample": bool(r["is_sample"])}
            for r in _rows(con, "record_sources")
        ]
        held = inventory(con)
    keys = [(str(i["code"]), side) for i in indicators for side in str(i["sides"]).split(",")]
    done = reports.submissions()
    lines = reports.ledger_lines(period, plan, keys, live, done)
    begun = sum(1 for r in calendar if r["has_begun"])
    shown = reports.series(plan, plan.index(period) + 1, keys, live, done)
    counted = [e for e in evidence if e[1] == period]
    used = {ref for e in evidence for ref in e[3:6] if ref is not None}
    snapshot = {
        "indicators": [
            {k: _iso(v) if k != "sides" else v for k, v in i.items()} for i in indicators
        ],
        "calendar": {
            "project_start": _iso(row["project_start"]),
            "project_end": _iso(row["project_end"]),
            "data_as_of": _iso(row["data_as_of"]),
            "grace_days": int(row["grace_days"]),
            "begun": begun,
            "periods": [
                {
                    "period": r["period"],
                    "position": int(r["position"]),
                    "starts_on": _iso(r["starts_on"]),
                    "ends_on": _iso(r["ends_on"]),
                }
                for r in calendar
            ],
        },
        "series": [
            [code, p, side, line.previous, line.correction, line.this_period]
            for (code, p, side), line in sorted(shown.items())
        ],
        "sources": sources,
        "is_sample": any(s["is_sample"] for s in sources),
        "evidence": [list(e) for e in evidence],
        "labels": {
            kind: {k: v for k, v in found.items() if k in used} for kind, found in labels.items()
        },
        "inventory": held.to_json(),
    }
    return Submission(
        period=period,
        position=plan.index(period) + 1,
        submitted_at=now.isoformat(timespec="seconds"),
        submitted_by=by,
        data_version=version.version_id,
        values=_nested({k: v.this_period for k, v in lines.items()}),
        previous=_nested({k: v.previous for k, v in lines.items()}),
        corrections=_nested({k: v.correction for k, v in lines.items()}),
        cumulative=_nested({k: v.cumulative for k, v in lines.items()}),
        evidence_counts={
            str(i["code"]): {
                kind: len({e[column] for e in counted if e[0] == i["code"] and e[column]})
                for kind, column in (("activities", 3), ("companies", 4), ("collaborations", 5))
            }
            | {"items": sum(1 for e in counted if e[0] == i["code"])}
            for i in indicators
        },
        snapshot=snapshot,
    )


def submit(period: str, by: str) -> Submission:
    version = current_version()
    if version is None:
        raise NotReportableError("no published warehouse; run `python -m etl build` first")
    # Checked before the work, and again (under the store's lock) when it is written.
    for other in reports.submissions():
        if other.period == period or other.position > _position(version, period):
            raise reports.AlreadySubmittedError(
                f"{other.period} was submitted on {other.submitted_at} by {other.submitted_by}"
            )
    submission = prepare(version, period, by, dt.datetime.now(dt.UTC))
    reports.append(submission)
    audit.record(
        "submit",
        f"reporting period {period}",
        who=os.environ.get(audit.ACTOR_ENV) or by,
        version=submission.data_version,
        details={"period": period, "submitted_by": by},
    )
    return submission


def _position(version: Version, period: str) -> int:
    with duckdb.connect(str(version.path), read_only=True) as con:
        found = con.execute(
            "SELECT position FROM reporting_period WHERE period = ?", [period]
        ).fetchone()
    if found is None:
        raise NotReportableError(f"{period} is not a reporting period of the plan")
    return int(found[0])


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    r = commands.add_parser("report", help="submitted reporting periods (frozen ledgers)")
    actions = r.add_subparsers(dest="action", required=True)
    s = actions.add_parser("submit", help="submit a reporting period: its figures become final")
    s.add_argument("period", metavar="PERIOD", help="e.g. 2023-H2")
    s.add_argument("--by", default=None, help="who submits (default: the system user)")
    actions.add_parser("list", help="the submitted periods")
    w = actions.add_parser("show", help="the submitted figures of a period")
    w.add_argument("period", metavar="PERIOD")
    w.add_argument("--json", action="store_true", help="print JSON")


def main(args: argparse.Namespace) -> int:
    if args.action == "submit":
        try:
            done = submit(args.period, args.by or getpass.getuser())
        except reports.AlreadySubmittedError as exc:
            print(f"not submitted: {exc}", file=sys.stderr)
            return 1
        except NotReportableError as exc:
            print(f"not submitted: {exc}", file=sys.stderr)
            return 2
        print(f"submitted {done.period} (data version {done.data_version}) by {done.submitted_by}")
        return 0
    if args.action == "list":
        found, unreadable = reports.read_all()
        for bad in unreadable:
            print(f"unreadable: {bad.path}: {bad.reason}", file=sys.stderr)
        if not found:
            print("no period submitted yet")
        for s in found:
            print(f"{s.period}  {s.submitted_at}  {s.submitted_by}  {s.data_version}")
        return 0
    submission = reports.get(args.period)
    if submission is None:
        print(f"{args.period} has not been submitted", file=sys.stderr)
        return 1
    values = {
        code: {side: _number(v) for side, v in sides.items()}
        for code, sides in submission.values.items()
    }
    if args.json:
        print(json.dumps({"period": submission.period, "values": values}, ensure_ascii=False))
        return 0
    print(f"{submission.period}: submitted {submission.submitted_at} by {submission.submitted_by}")
    print(f"data version {submission.data_version}")
    for code, sides in values.items():
        shown = ", ".join(f"{side} {value}" for side, value in sides.items())
        correction = submission.total("corrections", code)
        extra = f" (correction {_number(correction)})" if correction else ""
        print(f"  {code}: {shown}{extra}")
    return 0
