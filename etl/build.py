"""``etl build``: read every input, harmonise, check, and publish a new warehouse version."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
from tqdm import tqdm

from core import audit
from core.access import read_secrets, real_row_counts, sign_in_configured
from core.i18n import translate
from core.paths import (
    INTRODUCTIONS_FILE,
    INTRODUCTIONS_SAMPLE_FILE,
    REFERENCE_DIR,
    inbox_dir,
    introductions_dir,
    samples_dir,
    warehouse_dir,
)
from core.versions import Version, current_version
from etl import gate as gate_mod
from etl import publish, registry
from etl.build_report import BuildReport
from etl.harmonise.records import KINDS as RECORD_KINDS
from etl.model import ReadResult, Reject, SourceInfo
from etl.reference import load_reference
from etl.sandbox import read_in_background

SQL_DIR = Path(__file__).with_name("sql")
# Real statistics shipped with the project, loaded by every build.
REFERENCE_INPUTS = REFERENCE_DIR / "inputs"


class QualityGateError(RuntimeError):
    """A check failed; the new version is discarded and the published one stays."""


class PublishGateError(RuntimeError):
    """An input could not be read, or a table shrank beyond the threshold: not published."""

    def __init__(self, report: BuildReport) -> None:
        gate = report.gate
        parts = []
        if gate.unreadable:
            parts.append("could not read " + ", ".join(gate.unreadable))
        parts.extend(
            f"{s.table}{f' ({s.association})' if s.association else ''} {s.before} → {s.after}"
            for s in gate.shrinks
        )
        super().__init__("; ".join(parts))
        self.report = report


def input_files(folders: Iterable[Path]) -> list[Path]:
    """Every entry of the folders that is not a folder: links, pipes and devices too, so that
    reading refuses them with a message rather than skipping them unseen. Links to folders are
    not followed; names starting with ``.`` (records, partial uploads) or ``~$`` (Office lock
    files) are not inputs."""
    files: list[Path] = []
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink():
            files.append(folder)
            continue
        for root, dirs, names in os.walk(folder, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            base = Path(root)
            links = [d for d in dirs if (base / d).is_symlink()]
            for name in [*names, *links]:
                if not name.startswith((".", "~$")):
                    files.append(base / name)
    return sorted(files)


def resolve_inputs(inboxes: list[Path], use_samples: bool) -> list[Path]:
    """Explicit inboxes win; else ``data/inbox`` if it has files; else the generated samples.
    Introductions made on the dashboard come last (the real ones with real inputs, the sample
    ones with the samples)."""
    if inboxes:
        return input_files(inboxes) + introductions(sample=False)
    inbox = inbox_dir()
    if not use_samples and inbox.is_dir() and input_files([inbox]):
        return input_files([inbox]) + introductions(sample=False)
    from etl.samples import ensure_samples

    return input_files([ensure_samples(samples_dir())]) + introductions(sample=True)


def introductions(sample: bool) -> list[Path]:
    path = introductions_dir() / (INTRODUCTIONS_SAMPLE_FILE if sample else INTRODUCTIONS_FILE)
    return [path] if path.is_file() else []


def run_sql_folder(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Run ``etl/sql/<name>/*.sql`` in file-name order."""
    for path in sorted((SQL_DIR / name).glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


@contextmanager
def reading(files: list[Path]) -> Iterator[Callable[[], list[ReadResult]]]:
    """The files read in child processes while the block runs (the warehouse is set up
    meanwhile); the block gets a function that waits for the results."""
    progress = tqdm(total=len(files), desc="read", unit="file", file=sys.stderr, disable=None)
    try:
        with read_in_background(files, done=lambda _path: progress.update()) as results:
            yield results
    finally:
        progress.close()


def load_sources(con: duckdb.DuckDBPyConnection, sources: Iterable[SourceInfo]) -> None:
    seen = {row[0] for row in con.execute("SELECT source_id FROM source").fetchall()}
    for info in sources:
        if info.source_id in seen:
            continue
        seen.add(info.source_id)
        con.execute(
            "INSERT INTO source VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                info.source_id,
                info.title,
                info.publisher,
                info.licence,
                info.attribution,
                info.vintage,
                info.is_sample,
            ],
        )


def stage(con: duckdb.DuckDBPyConnection, results: list[ReadResult]) -> None:
    """Insert every reader's rows into the staging tables, then let go of the frames: only
    the project records' rows are read again (the records step takes its rejects out)."""
    for result in results:
        load_sources(con, result.sources)
        for table, frame in list(result.tables.items()):
            if not frame.empty:
                con.register("incoming", frame)
                con.execute(f"INSERT INTO stg_{table} BY NAME SELECT * FROM incoming")
                con.unregister("incoming")
            if table not in RECORD_KINDS:
                result.release(table)


def reject_rows(run_id: str, rejects: Iterable[Reject]) -> pd.DataFrame:
    rows = [
        {
            "run_id": run_id,
            "file": r.file,
            "sheet": r.sheet,
            "row_number": r.row_number,
            "column_name": r.column_name,
            "value": r.value,
            "reason": r.message(),
            "reason_nl": translate("nl", r.reason, **r.params),
            "reason_de": translate("de", r.reason, **r.params),
        }
        for r in rejects
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "run_id",
            "file",
            "sheet",
            "row_number",
            "column_name",
            "value",
            "reason",
            "reason_nl",
            "reason_de",
        ],
    )


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    failed = {}
    for path in sorted((SQL_DIR / "checks").glob("*.sql")):
        frame = con.execute(path.read_text(encoding="utf-8")).df()
        if not frame.empty:
            failed[path.stem] = frame
    return failed


def runs_log(directory: Path) -> Path:
    return directory / "runs.jsonl"


def log_run(directory: Path, record: dict[str, object]) -> None:
    """Append one run as one line, written with one call; a line a crash or full disk left
    unfinished is closed first, so it cannot swallow this one."""
    path = runs_log(directory)
    line = json.dumps(record, default=str).encode() + b"\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size:
            with path.open("rb") as handle:
                handle.seek(size - 1)
                if handle.read(1) != b"\n":
                    line = b"\n" + line
        os.write(fd, line)
    finally:
        os.close(fd)


def logged_runs(directory: Path) -> list[dict[str, object]]:
    """Every complete run of the log; torn or foreign lines are skipped."""
    path = runs_log(directory)
    if not path.exists():
        return []
    runs = []
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        try:
            run = json.loads(line)
        except ValueError:
            continue
        if isinstance(run, dict) and {"run_id", "started_at", "status"} <= run.keys():
            runs.append(run)
    return runs


def record_runs(
    con: duckdb.DuckDBPyConnection,
    directory: Path,
    report: BuildReport,
    started: datetime,
    files: int,
) -> None:
    """Carry the build history forward: every logged run plus this one."""
    for run in logged_runs(directory):
        con.execute(
            "INSERT OR IGNORE INTO etl_run VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                run["run_id"],
                run["started_at"],
                run.get("finished_at"),
                run["status"],
                run.get("version"),
                run.get("inputs"),
                run.get("rows_loaded"),
                run.get("rows_rejected"),
            ],
        )
    con.execute(
        "INSERT INTO etl_run VALUES (?, ?, ?, 'published', ?, ?, ?, ?)",
        [
            report.run_id,
            started,
            datetime.now(UTC),
            report.run_id,
            files,
            report.accepted,
            report.rejected,
        ],
    )
    files_frame = pd.DataFrame(  # noqa: F841 - read by DuckDB
        [
            {
                "run_id": report.run_id,
                "file": r.file,
                "kind": r.kind,
                "accepted": r.accepted,
                "rejected": len(r.rejects),
                "skipped": r.skipped,
            }
            for r in report.results
        ],
        columns=["run_id", "file", "kind", "accepted", "rejected", "skipped"],
    )
    con.execute("INSERT INTO etl_file SELECT * FROM files_frame")


def build(
    inboxes: list[Path] | None = None,
    use_samples: bool = False,
    *,
    accept_shrink: bool = False,
    dry_run: bool = False,
) -> BuildReport:
    """Build a new version from the inputs and publish it if every check and the publish gate
    pass. ``dry_run`` builds and compares but never publishes."""
    directory = warehouse_dir()
    directory.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    with publish.build_lock(directory):
        publish.cleanup(directory)
        version_id = publish.new_version_id(started)
        report = BuildReport(run_id=version_id)
        files = resolve_inputs(inboxes or [], use_samples)
        reference_files = input_files([REFERENCE_INPUTS]) if REFERENCE_INPUTS.is_dir() else []
        staged = publish.staging_path(directory, version_id)
        status = "failed"
        try:
            with reading(reference_files + files) as results, duckdb.connect(str(staged)) as con:
                steps = tqdm(total=6, desc="build", unit="step", file=sys.stderr, disable=None)
                run_sql_folder(con, "schema")
                run_sql_folder(con, "staging")
                load_reference(con)
                steps.update()
                report.results = results()
                steps.update()
                stage(con, report.results)
                run_sql_folder(con, "transform")
                steps.update()
                for step in registry.STEPS:
                    step.run(con, report)
                steps.update()
                rejects = reject_rows(  # noqa: F841 - read by DuckDB
                    version_id, (r for res in report.results for r in res.rejects)
                )
                con.execute("INSERT INTO etl_reject SELECT * FROM rejects")
                notices = reject_rows(  # noqa: F841 - read by DuckDB
                    version_id, (n for res in report.results for n in res.notices)
                )
                con.execute("INSERT INTO etl_notice SELECT * FROM notices")
                report.failed_checks = run_checks(con)
                steps.update()
                if report.failed_checks:
                    raise QualityGateError(", ".join(report.failed_checks))
                report.gate = gate_mod.compare(con, published_path(directory))
                report.gate.unreadable = gate_mod.unreadable(report.results)
                if dry_run:
                    return report
                if report.gate.unreadable or (report.gate.shrinks and not accept_shrink):
                    raise PublishGateError(report)
                for (table,) in con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stg\\_%' ESCAPE '\\'"
                ).fetchall():
                    con.execute(f"DROP TABLE {table}")
                record_runs(con, directory, report, started, len(files))
                con.execute("CHECKPOINT")
                steps.update()
                steps.close()
            if not dry_run:
                report.version = publish.publish(directory, staged, version_id)
                status = "published"
        finally:
            if status != "published":
                staged.unlink(missing_ok=True)
                Path(str(staged) + ".wal").unlink(missing_ok=True)
            if not dry_run:
                log_run(
                    directory,
                    {
                        "run_id": version_id,
                        "started_at": started.isoformat(),
                        "finished_at": datetime.now(UTC).isoformat(),
                        "status": status,
                        "version": version_id if status == "published" else None,
                        "inputs": len(files),
                        "rows_loaded": report.accepted,
                        "rows_rejected": report.rejected,
                        "pid": os.getpid(),
                    },
                )
                audit.record(
                    "build",
                    f"{status}: {len(files)} input files",
                    version=version_id if status == "published" else None,
                    details={"rows_loaded": report.accepted, "rows_rejected": report.rejected},
                )
        return report


def real_data_without_sign_in(version: Version) -> int:
    """Real member and project rows in ``version`` when no sign-in is configured (else 0): the
    dashboard then shows no data at all, only how to set up sign-in."""
    if sign_in_configured(read_secrets()):
        return 0
    with duckdb.connect(str(version.path), read_only=True) as con:
        return sum(real_row_counts(con).values())


def published() -> Version | None:
    return current_version(warehouse_dir())


def published_path(directory: Path) -> Path | None:
    version = current_version(directory)
    return version.path if version else None
