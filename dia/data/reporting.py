"""Submitted reporting periods in the dashboard: the ledger's figures with submitted periods
frozen, the correction the next report carries and its evidence, a submitted report's figures
for its files, and submitting (through ``python -m etl report submit`` in a child process).

The store and the arithmetic are core/reports.py (shared with ``etl report``); see
docs/reporting.md.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import pandas as pd
import streamlit as st

from core import audit, reports
from core.codes import ACTIVITY_TYPES, COLLABORATION_TYPES, label
from core.i18n import N_, Lang, fmt_date, fmt_number, translate
from core.paths import PROJECT_ROOT
from core.reports import EvidenceChange, Submission, Unreadable
from dia.data.project import Calendar, period_label
from dia.data.warehouse import query

SUBMIT_TIMEOUT_SECONDS: Final = 300
SIDE_COLUMNS: Final[dict[str, str]] = {"NL": "side_nl", "DE": "side_de", "NL-DE": "side_joint"}
CHANGES: Final[dict[str, str]] = {"added": N_("added"), "removed": N_("removed")}
KINDS: Final[dict[str, str]] = {
    "activity": N_("Activity"),
    "company": N_("Company"),
    "collaboration": N_("Collaboration"),
}


# --- the store ------------------------------------------------------------------------------


def _signature() -> tuple[tuple[str, int, int], ...]:
    directory = reports.reports_dir()
    if not directory.is_dir():
        return ()
    return tuple(
        sorted(
            (p.name, p.stat().st_mtime_ns, p.stat().st_size)
            for p in directory.glob(f"*{reports.SUFFIX}")
        )
    )


@st.cache_data(max_entries=8, show_spinner=False)
def _read(signature: tuple[tuple[str, int, int], ...]) -> tuple[list[Submission], list[Unreadable]]:
    return reports.read_all()


def store() -> tuple[list[Submission], list[Unreadable]]:
    """The submissions (in position order) and the store's unreadable files; read again when
    a file is added."""
    return _read(_signature())


def submissions() -> list[Submission]:
    return store()[0]


def submission(period: str) -> Submission | None:
    return next((s for s in submissions() if s.period == period), None)


def live() -> dict[tuple[str, str, str], float]:
    frame = query("indicator_values")
    return {
        (str(c), str(p), str(s)): float(v)
        for c, p, s, v in zip(
            frame["code"], frame["period"], frame["side"], frame["value"], strict=True
        )
    }


def _keys(frame: pd.DataFrame) -> list[tuple[str, str]]:
    return [
        (str(code), side)
        for code, sides in zip(frame["code"], frame["sides"], strict=True)
        for side in str(sides).split(",")
    ]


def _plan(cal: Calendar) -> list[str]:
    return [str(p) for p in cal.periods["period"]]


def with_reported(frame: pd.DataFrame, period: str, cal: Calendar) -> pd.DataFrame:
    """The ledger ``frame`` (one row per indicator, with its ``sides``) with the numbers of
    the reporting ledger: previous, correction, this period, cumulative and the cumulative per
    side — frozen where the period is submitted."""
    lines = reports.ledger_lines(period, _plan(cal), _keys(frame), live(), submissions())
    out = frame.copy()
    for part in ("previous", "correction", "this_period", "cumulative"):
        out[part] = [
            sum(getattr(line, part) for (code, _side), line in lines.items() if code == c)
            for c in out["code"]
        ]
    for side, column in SIDE_COLUMNS.items():
        out[column] = [
            lines[(c, side)].cumulative if (c, side) in lines else float("nan") for c in out["code"]
        ]
    out["submitted"] = submission(period) is not None
    return out


def series(cal: Calendar, frame: pd.DataFrame) -> pd.DataFrame:
    """Each begun period's amount per indicator and side as reported in it (this period plus
    the correction it carries) and the cumulative: a submitted period's bar never changes."""
    begun = len(cal.reported)
    lines = reports.series(_plan(cal), begun, _keys(frame), live(), submissions())
    return series_frame(lines, cal.periods, frame)


def series_frame(
    lines: dict[tuple[str, str, str], reports.Line], periods: pd.DataFrame, frame: pd.DataFrame
) -> pd.DataFrame:
    """``lines`` shaped like the indicator_series query: code, period, position, starts_on,
    ends_on, value, side_nl, side_de, side_joint, cumulative, target, baseline."""
    rows = []
    for row in frame.itertuples(index=False):
        running = 0.0
        for p in periods.itertuples(index=False):
            amounts = {
                side: lines[(row.code, p.period, side)].this_period
                + lines[(row.code, p.period, side)].correction
                for side in str(row.sides).split(",")
                if (row.code, p.period, side) in lines
            }
            if not amounts:
                continue
            total = float(sum(amounts.values()))
            running += total
            rows.append(
                {
                    "code": row.code,
                    "period": p.period,
                    "position": p.position,
                    "starts_on": p.starts_on,
                    "ends_on": p.ends_on,
                    "value": total,
                    **{column: amounts.get(side) for side, column in SIDE_COLUMNS.items()},
                    "cumulative": running,
                    "target": row.target,
                    "baseline": row.baseline,
                }
            )
    return pd.DataFrame(rows)


def corrections(period: str, cal: Calendar, lang: Lang) -> pd.DataFrame:
    """The indicators whose report for ``period`` carries a correction: code, name, correction."""
    frame = with_reported(query("indicator_ledger", period=period, lang=lang), period, cal)
    return frame.loc[frame["correction"].abs() > 1e-9, ["code", "name", "correction"]]


# --- periods --------------------------------------------------------------------------------


def submitted_on(done: Submission) -> dt.datetime:
    return dt.datetime.fromisoformat(done.submitted_at)


def last_submitted() -> Submission | None:
    done = submissions()
    return done[-1] if done else None


def submittable(cal: Calendar) -> list[str]:
    """Periods that may be submitted now: begun, and after the last submitted one."""
    last = last_submitted()
    after = last.position if last else 0
    return [
        str(p.period)
        for p in cal.periods.itertuples(index=False)
        if p.has_begun and int(p.position) > after
    ]


def next_report(cal: Calendar) -> str | None:
    """The period whose report carries the next correction (the first one still open)."""
    open_ = submittable(cal)
    return open_[0] if open_ else None


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


def submit(period: str, by: str, actor: str) -> Outcome:
    """Submit ``period`` with ``python -m etl report submit`` in a child process (the dashboard
    never writes the store itself); ``actor`` goes to the audit log."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "etl", "report", "submit", period, "--by", by],
            cwd=PROJECT_ROOT,
            env={**os.environ, audit.ACTOR_ENV: actor},
            capture_output=True,
            text=True,
            timeout=SUBMIT_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Outcome(False, f"no answer within {SUBMIT_TIMEOUT_SECONDS} s")
    _read.clear()
    return Outcome(done.returncode == 0, (done.stdout or done.stderr).strip())


# --- corrections ----------------------------------------------------------------------------


def correction_changes(
    period: str, cal: Calendar
) -> tuple[Submission | None, list[EvidenceChange]]:
    """The submission the correction of ``period`` refers to and the counted items added and
    removed since it was made (empty for a submitted period: its correction is stored)."""
    if submission(period) is not None:
        return None, []
    position = _plan(cal).index(period) + 1
    base = reports.latest_before(position, submissions())
    if base is None or "evidence" not in base.snapshot:
        return base, []
    now = query("reporting_evidence", position=base.position)
    current = reports.evidence_items(now.itertuples(index=False, name=None))
    return base, reports.evidence_changes(
        reports.evidence_items(base.snapshot["evidence"]), current
    )


def _labels(base: Submission) -> dict[tuple[str, str], list[object]]:
    """Labels of counted items: today's, and for removed ones those kept with the report."""
    found: dict[tuple[str, str], list[object]] = {}
    for kind, items in base.snapshot.get("labels", {}).items():
        for key, value in items.items():
            found[(kind, key)] = list(value)
    frame = query("reporting_labels")
    for row in frame.itertuples(index=False):
        found[(str(row.kind), str(row.id))] = [row.date, row.type, row.label, row.associations]
    return found


def correction_table(
    changes: list[EvidenceChange],
    base: Submission,
    lang: Lang,
    *,
    sees_names: Iterable[str],
    free_text: bool,
) -> pd.DataFrame:
    """One line per indicator, change and counted thing: what was added to or removed from
    the periods up to ``base`` since it was submitted. Titles only with ``free_text``; a
    company's name only if it is a member of an association in ``sees_names``."""
    names_of = set(sees_names)
    labels = _labels(base)
    rows = []
    for change in changes:
        for direction, items in (("added", change.added), ("removed", change.removed)):
            for item in items:
                rows.append(
                    {
                        translate(lang, N_("Indicator")): change.code,
                        translate(lang, N_("Change")): translate(lang, CHANGES[direction]),
                        translate(lang, N_("Period")): item[1],
                        translate(lang, N_("Side")): item[2],
                        translate(lang, N_("Activity")): _activity(
                            labels, item[3], lang, free_text
                        ),
                        translate(lang, N_("Company")): _company(labels, item[4], lang, names_of),
                        translate(lang, N_("Collaboration")): _collaboration(labels, item[5], lang),
                        translate(lang, N_("Counted")): fmt_number(
                            item[6] if direction == "added" else -item[6], lang
                        ),
                    }
                )
    return pd.DataFrame(rows)


def correction_counts(changes: list[EvidenceChange]) -> pd.DataFrame:
    """For funders: per indicator how many activities, companies and collaborations were added
    and removed (no names, no titles)."""
    rows = []
    for change in changes:
        for kind in KINDS:
            added, removed = change.ids(kind, added=True), change.ids(kind, added=False)
            if added or removed:
                rows.append(
                    {
                        "code": change.code,
                        "kind": kind,
                        "added": len(added),
                        "removed": len(removed),
                    }
                )
    return pd.DataFrame(rows, columns=["code", "kind", "added", "removed"])


def _day(value: object, lang: Lang) -> str:
    return fmt_date(dt.date.fromisoformat(str(value)), lang) if value else ""


def _activity(
    labels: dict[tuple[str, str], list[object]], key: str | None, lang: Lang, free_text: bool
) -> str:
    if key is None:
        return ""
    found = labels.get(("activity", key))
    if not found:
        return key
    day = _day(found[0], lang)
    kind = label(ACTIVITY_TYPES, str(found[1]), lang)
    title = f" · {found[2]}" if free_text and found[2] else ""
    return f"{key} ({day}, {kind}){title}"


def _company(
    labels: dict[tuple[str, str], list[object]], key: str | None, lang: Lang, names_of: set[str]
) -> str:
    if key is None:
        return ""
    found = labels.get(("company", key))
    if not found:
        return translate(lang, N_("a company"))
    associations = [a for a in str(found[3] or "").split(",") if a]
    if names_of & set(associations):
        return f"{found[2]} ({found[1]})"
    members = " + ".join(associations) or "–"
    return translate(lang, N_("Member of {association}"), association=members) + f" ({found[1]})"


def _collaboration(labels: dict[tuple[str, str], list[object]], key: str | None, lang: Lang) -> str:
    if key is None:
        return ""
    found = labels.get(("collaboration", key))
    if not found:
        return key
    return f"{key} ({label(COLLABORATION_TYPES, str(found[1]), lang)})"


# --- a submitted report's own figures (its files are made again from these) ----------------


def snapshot_calendar(done: Submission) -> Calendar:
    raw = done.snapshot["calendar"]
    periods = pd.DataFrame(raw["periods"])
    for column in ("starts_on", "ends_on"):
        periods[column] = pd.to_datetime(periods[column]).dt.date
    periods["has_begun"] = periods["position"] <= int(raw["begun"])
    return Calendar(
        project_start=dt.date.fromisoformat(raw["project_start"]),
        project_end=dt.date.fromisoformat(raw["project_end"]),
        data_as_of=dt.date.fromisoformat(raw["data_as_of"]),
        grace_days=int(raw["grace_days"]),
        periods=periods[["period", "position", "starts_on", "ends_on", "has_begun"]],
    )


def snapshot_ledger(done: Submission, lang: Lang) -> pd.DataFrame:
    """The ledger rows as submitted: the indicator texts of the day in ``lang`` and the stored
    numbers (the columns of the indicator_ledger query plus ``correction``)."""
    suffix = "" if lang == "en" else f"_{lang}"
    rows = []
    for item in done.snapshot["indicators"]:
        code = str(item["code"])
        rows.append(
            {
                "code": code,
                "position": int(item["position"]),
                "kind": item["kind"],
                "name": item[f"name_{lang}"],
                "unit": item[f"unit{suffix}"],
                "definition": item[f"definition_{lang}"],
                "official_code": item.get("official_code"),
                "programme_period": item.get("programme_period"),
                "legal_basis": item.get("legal_basis"),
                "computation": item["computation"],
                "sides": item["sides"],
                "baseline": float(item["baseline"]),
                "target": float(item["target"]),
                "previous": done.total("previous", code),
                "correction": done.total("corrections", code),
                "this_period": done.total("values", code),
                "cumulative": done.total("cumulative", code),
                **{
                    column: done.cumulative.get(code, {}).get(side, float("nan"))
                    for side, column in SIDE_COLUMNS.items()
                },
                "submitted": True,
            }
        )
    return pd.DataFrame(rows).sort_values("position").reset_index(drop=True)


def snapshot_series(done: Submission, frame: pd.DataFrame) -> pd.DataFrame:
    lines = {
        (str(code), str(period), str(side)): reports.Line(float(prev), float(corr), float(this))
        for code, period, side, prev, corr, this in done.snapshot["series"]
    }
    return series_frame(lines, snapshot_calendar(done).periods, frame)


def snapshot_sources(done: Submission) -> pd.DataFrame:
    return pd.DataFrame(done.snapshot.get("sources", []), columns=["title", "vintage", "is_sample"])


@dataclass(frozen=True)
class FrozenEvidence:
    activities: pd.DataFrame
    companies: pd.DataFrame


def snapshot_evidence(done: Submission, lang: Lang, *, names_of: frozenset[str]) -> FrozenEvidence:
    """The evidence as submitted: per indicator the activities counted (with the amount) and
    the companies (named only when a member of an association in ``names_of``)."""
    labels = {
        (kind, key): list(value)
        for kind, items in done.snapshot.get("labels", {}).items()
        for key, value in items.items()
    }
    items = reports.evidence_items(done.snapshot.get("evidence", []))
    code_h, period_h = translate(lang, N_("Code")), translate(lang, N_("Period"))
    counted: dict[tuple[str, str, str], float] = {}
    for code, period, _side, activity, _firm, _link, amount in items:
        if activity is not None:
            counted[(code, period, activity)] = counted.get((code, period, activity), 0.0) + amount
    activities = pd.DataFrame(
        [
            {
                period_h: period_label(period, lang),
                translate(lang, N_("Date")): _day(labels.get(("activity", key), [None])[0], lang),
                "ID": key,
                translate(lang, N_("Activity")): labels.get(("activity", key), [None] * 3)[2] or "",
                translate(lang, N_("Type")): label(
                    ACTIVITY_TYPES, str(labels.get(("activity", key), [None, ""])[1]), lang
                ),
                translate(lang, N_("Counted")): amount,
                code_h: code,  # last: the sheet puts the code first
            }
            for (code, period, key), amount in sorted(counted.items())
        ]
    )
    companies = pd.DataFrame(
        [
            {
                translate(lang, N_("Company")): _company(labels, key, lang, set(names_of)),
                code_h: code,
            }
            for code, key in sorted({(i[0], i[4]) for i in items if i[4] is not None})
        ]
    )
    return FrozenEvidence(activities=activities, companies=companies)
