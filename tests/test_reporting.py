"""Submitted reporting periods: the CLI contract, frozen figures across a rebuild, corrections
with their evidence, the "what changed" digest, and the store's resistance to half-written files.

The scenario: build the samples, submit 2023-H1, remove one activity of that period (with its
participants) and one participation of another activity from the records file, rebuild. The
expected corrections are computed here from the first build's participation rows.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import openpyxl
import pytest
from pypdf import PdfReader

from core import reports
from tests.etl_cli import run_etl

pytestmark = pytest.mark.xdist_group("reporting")

PERIOD = "2023-H1"
NEXT = "2023-H2"
RECORDS = "dia_activiteitenregister_2021-2023.xlsx"


@contextlib.contextmanager
def using(data: Path) -> Iterator[None]:
    """Point this process (the dashboard's code) at ``data`` for a while."""
    previous = os.environ.get("DIA_DATA_DIR")
    os.environ["DIA_DATA_DIR"] = str(data)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("DIA_DATA_DIR", None)
        else:
            os.environ["DIA_DATA_DIR"] = previous


def submitted_files(data: Path) -> dict[str, object]:
    """The ledger sheet's rows (Excel, director) and the PDF's text of the submitted period."""
    from dia.data import project
    from dia.export import ledger as ledger_export
    from dia.policy import Role, viewer_for

    with using(data):
        cal = project.calendar()
        report = ledger_export.prepare(PERIOD, "nl", cal, is_sample=project.is_sample())
        book = openpyxl.load_workbook(
            io.BytesIO(ledger_export.excel_bytes(report, viewer_for(Role.DIRECTOR, ["OE"])))
        )
        pdf = PdfReader(io.BytesIO(ledger_export.pdf_bytes(report)))
    return {
        "sheets": {
            sheet.title: [[c.value for c in row] for row in sheet.iter_rows()]
            for sheet in book.worksheets
        },
        "pdf": [page.extract_text() for page in pdf.pages],
    }


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_etl(data, "report", *args, timeout=300)


def warehouse(data: Path) -> duckdb.DuckDBPyConnection:
    name = (data / "warehouse" / "CURRENT").read_text().strip()
    return duckdb.connect(str(data / "warehouse" / name), read_only=True)


def live_values(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str, str], float]:
    rows = con.execute("SELECT code, period, side, value FROM indicator_value").fetchall()
    return {(c, p, s): float(v) for c, p, s, v in rows}


@dataclass(frozen=True)
class Scenario:
    data: Path
    submitted: dict[str, object]  # `report show --json` right after submitting
    files_before: dict[str, object]  # the submitted report's files, made before the rebuild
    removed_activity: str
    removed_participation: tuple[str, str]  # activity, company
    expected_rco081: dict[str, float]  # side → change
    expected_rco115: dict[str, float]


def _remove_rows(path: Path, activity: str, participation: tuple[str, str, str]) -> None:
    """Delete ``activity`` from the activities sheet with all its participant rows, and the
    participant row (activity, company reference, company name) of another activity."""
    book = openpyxl.load_workbook(path)
    activities, participants = book["Activiteiten"], book["Deelnames"]
    doomed = [
        r for r in range(1, activities.max_row + 1) if activities.cell(r, 1).value == activity
    ]
    assert len(doomed) == 1
    activities.delete_rows(doomed[0])
    rows = [
        r
        for r in range(1, participants.max_row + 1)
        if participants.cell(r, 1).value == activity
        or tuple(participants.cell(r, c).value for c in (1, 2, 3)) == participation
    ]
    assert len(rows) > 1
    for r in reversed(rows):
        participants.delete_rows(r)
    book.save(path)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    data = tmp_path_factory.mktemp("reporting")
    build = run_etl(data, "build", "--samples")
    assert build.returncode == 0, build.stderr
    assert cli(data, "submit", PERIOD, "--by", "tester").returncode == 0
    shown = cli(data, "show", PERIOD, "--json")
    assert shown.returncode == 0, shown.stderr
    files_before = submitted_files(data)
    with warehouse(data) as con:
        # Activity A: held in the period, its participants only in the OE records workbook.
        activity, venue_side = con.execute(
            """
            SELECT a.activity_id,
                   CASE WHEN a.format = 'digital' OR r.country IS NULL THEN 'NL-DE'
                        ELSE r.country END
            FROM activity a JOIN activity_sides s USING (activity_id)
            LEFT JOIN region r USING (region_id)
            JOIN reporting_period p ON a.date BETWEEN p.starts_on AND p.ends_on
            WHERE p.period = ? AND s.is_cross_border
              AND NOT EXISTS (SELECT 1 FROM participation x
                              WHERE x.activity_id = a.activity_id AND x.file <> ?)
            ORDER BY a.date LIMIT 1
            """,
            [PERIOD, RECORDS],
        ).fetchone()
        persons_a = dict(
            con.execute(
                """SELECT c.country, sum(p.persons) FROM participation p JOIN company c
                   USING (company_id) WHERE p.activity_id = ? GROUP BY 1""",
                [activity],
            ).fetchall()
        )
        # Participation P: of the period's largest other activity (it stays cross-border).
        other, company, ref, country, persons = con.execute(
            """
            SELECT p.activity_id, p.company_id, p.company_ref, c.country, p.persons
            FROM participation p JOIN company c USING (company_id)
            JOIN activity a USING (activity_id)
            JOIN reporting_period r ON a.date BETWEEN r.starts_on AND r.ends_on
            WHERE r.period = ? AND p.activity_id <> ? AND p.file = ?
            ORDER BY (SELECT count(*) FROM participation q WHERE q.activity_id = p.activity_id)
                     DESC, p.activity_id, p.row_number
            LIMIT 1
            """,
            [PERIOD, activity, RECORDS],
        ).fetchone()
    # RCO081 counts persons per company country; RCO115 one event per cross-border activity.
    expected_rco081 = {side: -float(n) for side, n in persons_a.items()}
    expected_rco081[country] = expected_rco081.get(country, 0.0) - float(persons)
    inbox = data / "inbox"
    shutil.copytree(data / "samples", inbox)
    book = openpyxl.load_workbook(inbox / RECORDS)["Deelnames"]
    reference = next(
        (book.cell(r, 2).value, book.cell(r, 3).value)
        for r in range(1, book.max_row + 1)
        if book.cell(r, 1).value == other and str(book.cell(r, 2).value) == ref
    )
    _remove_rows(inbox / RECORDS, activity, (other, *reference))
    rebuilt = run_etl(data, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    yield Scenario(
        data=data,
        submitted=json.loads(shown.stdout),
        files_before=files_before,
        removed_activity=activity,
        removed_participation=(other, company),
        expected_rco081=expected_rco081,
        expected_rco115={venue_side: -1.0},
    )


def test_submitted_values_survive_the_rebuild(scenario: Scenario) -> None:
    again = cli(scenario.data, "show", PERIOD, "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout) == scenario.submitted
    with warehouse(scenario.data) as con:
        live = live_values(con)
    # The rebuilt data does disagree with what was submitted…
    assert (
        live[("RCO115", PERIOD, next(iter(scenario.expected_rco115)))]
        != (
            scenario.submitted["values"]["RCO115"][next(iter(scenario.expected_rco115))]  # type: ignore[index]
        )
    )
    listed = cli(scenario.data, "list")
    assert listed.returncode == 0 and PERIOD in listed.stdout and "tester" in listed.stdout


def test_resubmitting_is_refused(scenario: Scenario) -> None:
    result = cli(scenario.data, "submit", PERIOD)
    assert result.returncode == 1
    assert "already" in result.stderr or "submitted" in result.stderr
    assert cli(scenario.data, "submit", "2031-H1").returncode == 2
    assert json.loads(cli(scenario.data, "show", PERIOD, "--json").stdout) == scenario.submitted


def test_correction_in_the_next_report_with_its_evidence(scenario: Scenario) -> None:
    done = reports.submissions(scenario.data / "reports")
    assert [s.period for s in done] == [PERIOD]
    with warehouse(scenario.data) as con:
        live = live_values(con)
        periods = [
            p
            for (p,) in con.execute(
                "SELECT period FROM reporting_period ORDER BY position"
            ).fetchall()
        ]
        evidence = reports.evidence_items(
            con.execute(
                """SELECT e.code, e.period, e.side, e.activity_id, e.company_id,
                          e.collaboration_id, e.amount
                   FROM indicator_evidence e JOIN reporting_period p USING (period)
                   WHERE p.position <= 4"""
            ).fetchall()
        )
    keys = {(c, s) for (c, _p, s) in live}
    lines = reports.ledger_lines(NEXT, periods, keys, live, done)
    for side, change in scenario.expected_rco081.items():
        assert lines[("RCO081", side)].correction == change
    for side, change in scenario.expected_rco115.items():
        assert lines[("RCO115", side)].correction == change
    # Previously reported = what was submitted; this period stays the live value.
    for code, sides in done[0].cumulative.items():
        for side, value in sides.items():
            assert lines[(code, side)].previous == value
            assert lines[(code, side)].this_period == live.get((code, NEXT, side), 0.0)
    # The submitted period itself still shows the submitted figures.
    frozen = reports.ledger_lines(PERIOD, periods, keys, live, done)
    assert frozen[("RCO115", "NL")].this_period == done[0].values["RCO115"]["NL"]
    # Evidence: the activity and the participant's company are what was removed.
    reported = reports.evidence_items(done[0].snapshot["evidence"])
    changes = {c.code: c for c in reports.evidence_changes(reported, evidence)}
    assert changes["RCO115"].ids("activity", added=False) == [scenario.removed_activity]
    assert changes["RCO115"].added == []
    removed_rco081 = {(i[3], i[4]) for i in changes["RCO081"].removed}
    assert scenario.removed_participation in removed_rco081
    assert {a for a, _c in removed_rco081} == {
        scenario.removed_activity,
        scenario.removed_participation[0],
    }


def test_digest_lists_the_removed_records(scenario: Scenario) -> None:
    activity = scenario.removed_activity
    other, company = scenario.removed_participation
    with warehouse(scenario.data) as con:
        for scope in ("version", "report"):
            rows = set(
                con.execute(
                    "SELECT kind, item_id, change FROM change_item WHERE scope = ?", [scope]
                ).fetchall()
            )
            assert ("activity", activity, "removed") in rows
            assert ("participation", f"{other} / {company}", "removed") in rows
            assert not any(kind == "member" for kind, _i, _c in rows)
            codes = {
                c
                for (c,) in con.execute(
                    "SELECT code FROM change_indicator WHERE scope = ?", [scope]
                ).fetchall()
            }
            assert {"RCO081", "RCO115"} <= codes
        basis = dict(con.execute("SELECT scope, reference FROM change_basis").fetchall())
    assert basis["report"] == PERIOD


def test_next_period_carries_the_correction_once(scenario: Scenario, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(scenario.data, data, ignore=shutil.ignore_patterns("samples"))
    assert cli(data, "submit", NEXT, "--by", "tester").returncode == 0
    done = reports.submissions(data / "reports")
    second = done[-1]
    assert second.corrections["RCO115"] == {
        side: scenario.expected_rco115.get(side, 0.0) for side in second.corrections["RCO115"]
    }
    # Reported cumulative = submitted cumulative + correction + this period.
    for code, sides in second.cumulative.items():
        for side, value in sides.items():
            assert value == (
                done[0].cumulative[code][side]
                + second.corrections[code][side]
                + second.values[code][side]
            )
    # An earlier period can no longer be submitted once a later one is.
    assert cli(data, "submit", "2022-H2").returncode == 1


def test_store_ignores_half_written_and_damaged_files(tmp_path: Path) -> None:
    store = tmp_path / "reports"
    first = reports.Submission(
        period="2022-H1",
        position=2,
        submitted_at="2022-07-15T10:00:00+00:00",
        submitted_by="a",
        data_version="v1",
        values={"X": {"NL": 3.0}},
        previous={"X": {"NL": 1.0}},
        corrections={"X": {"NL": 0.0}},
        cumulative={"X": {"NL": 4.0}},
        evidence_counts={},
    )
    reports.append(first, store)
    # A crash mid-write leaves a temporary file; a damaged copy holds half a JSON document.
    (store / ".2022-H2.123.tmp").write_text('{"period": "2022-H2", "val')
    (store / "2022-H2.json").write_text('{"period": "2022-H2", "val')
    found, bad = reports.read_all(store)
    assert [s.period for s in found] == ["2022-H1"]
    assert [b.path.name for b in bad] == ["2022-H2.json"]
    assert found[0] == first
    with pytest.raises(reports.AlreadySubmittedError):
        reports.append(first, store)
    assert json.loads((store / "2022-H1.json").read_text())["values"] == {"X": {"NL": 3.0}}


def test_submitted_report_files_come_back_with_the_same_figures(scenario: Scenario) -> None:
    after = submitted_files(scenario.data)
    assert after == scenario.files_before
    ledger = next(iter(after["sheets"].values()))  # type: ignore[attr-defined]
    header = next(row for row in ledger if row[0] == "Code")
    column = header.index("Deze periode")
    values = {row[0]: row[column] for row in ledger if row[0] in scenario.submitted["values"]}  # type: ignore[operator]
    submitted = scenario.submitted["values"]
    assert values == {
        code: sum(sides.values())
        for code, sides in submitted.items()  # type: ignore[attr-defined]
    }


def test_dashboard_ledger_freezes_and_corrects(scenario: Scenario) -> None:
    from dia.data import indicators, project, reporting

    with using(scenario.data):
        cal = project.calendar()
        frozen = indicators.ledger(PERIOD, "en", cal).set_index("code")
        following = indicators.ledger(NEXT, "en", cal).set_index("code")
        corrections = reporting.corrections(NEXT, cal, "en").set_index("code")["correction"]
        base, changes = reporting.correction_changes(NEXT, cal)
        with warehouse(scenario.data) as con:
            live = live_values(con)
    done = reports.submissions(scenario.data / "reports")[0]
    for code, sides in scenario.submitted["values"].items():  # type: ignore[attr-defined]
        assert frozen.loc[code, "this_period"] == sum(sides.values())
        assert following.loc[code, "previous"] == done.total("cumulative", code)
        live_cum = sum(v for (c, p, _s), v in live.items() if c == code and p <= NEXT)
        assert following.loc[code, "cumulative"] == live_cum
    assert corrections["RCO115"] == sum(scenario.expected_rco115.values())
    assert corrections["RCO081"] == sum(scenario.expected_rco081.values())
    assert following.loc["RCO115", "correction"] == -1
    # The evidence the page lists: exactly the removed activity for RCO115, nothing added.
    assert base is not None and base.period == PERIOD
    by_code = {c.code: c for c in changes}
    assert by_code["RCO115"].ids("activity", added=False) == [scenario.removed_activity]
    assert by_code["RCO115"].added == []
    assert set(by_code) <= {"CO01", "RCO081", "RCO115", "RCO085"}


def test_landing_and_reporting_pages_show_the_correction(
    scenario: Scenario, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    # ``data_dir`` first: the session's build must run before any app run in this worker (an
    # app run replaces ``__main__``, which the build's reader processes would then re-import).
    del data_dir
    from dia.auth import Role
    from tests.apptest import all_text, index_of, open_page

    monkeypatch.setenv("DIA_DATA_DIR", str(scenario.data))
    with warehouse(scenario.data) as con:
        title = con.execute(
            "SELECT label FROM change_item WHERE kind = 'activity' AND item_id = ?",
            [scenario.removed_activity],
        ).fetchone()[0]
    director = all_text(open_page(None, index_of(Role.DIRECTOR, "OE"), "en"))
    assert "Corrections to earlier reports" in director and "RCO115 −1" in director
    assert "Activities: 1 removed" in director
    funder_at = open_page(None, index_of(Role.FUNDER), "en")
    assert not funder_at.exception
    funder = all_text(funder_at)
    # An activity is a public event (its count is shown); the ledger's correction is a count.
    assert "Activities: 1 removed" in funder and "RCO115 −<5" in funder
    assert title not in funder
    admin_at = open_page("views/reports.py", index_of(Role.ADMIN), "en")
    assert not admin_at.exception
    admin = all_text(admin_at)
    assert scenario.removed_activity in admin and title in admin
    funder_reports = all_text(open_page("views/reports.py", index_of(Role.FUNDER), "en"))
    assert scenario.removed_activity not in funder_reports and title not in funder_reports
