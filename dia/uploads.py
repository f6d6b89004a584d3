"""The data page's work: check an uploaded spreadsheet (dry run), save it into the inbox and
build a new warehouse version in a separate process, and report rejects in the user's language.

The dashboard never writes DuckDB itself: ``python -m etl build`` runs as a subprocess and
publishes a new version; the next rerun of any page reads it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import pandas as pd
import streamlit as st

from core.i18n import N_, Lang, translate
from core.paths import PROJECT_ROOT, data_dir, inbox_dir
from dia.auth import Role, User
from dia.data.warehouse import query
from dia.export.spreadsheet import workbook_bytes
from etl.check import check_files
from etl.memberlist import association_of
from etl.model import ReadResult, Reject

MAX_UPLOAD_MB: Final = 20
MAX_UPLOAD_BYTES: Final = MAX_UPLOAD_MB * 1024 * 1024
BUILD_TIMEOUT_SECONDS: Final = 900
ACCEPTED_TYPES: Final = ("xlsx", "xls", "csv")

TOO_LARGE = N_("The file is larger than {limit} MB.")
OTHER_ASSOCIATION = N_(
    "This is a member list of {kind}. Staff of {own} can load member lists of {own} only."
)
NOT_READABLE = N_("Nothing in this file can be loaded.")
KIND_LABELS: Final[dict[str, str]] = {
    "members_oe": N_("Member list Ondernemend Emmen (OE)"),
    "members_wve": N_("Member list Wirtschaftsverband Emsland (WVE)"),
    "unsupported": N_("File type not supported"),
    "unrecognised": N_("Content not recognised"),
    "unreadable": N_("Unreadable file"),
}
REPORT_COLUMNS: Final[dict[str, str]] = {
    "file": N_("File"),
    "sheet": N_("Sheet"),
    "row_number": N_("Row"),
    "column_name": N_("Column"),
    "value": N_("Value"),
    "reason": N_("Reason"),
}


def kind_label(kind: str | None, lang: Lang) -> str:
    if not kind:
        return "–"
    label = KIND_LABELS.get(kind)
    return translate(lang, label) if label else kind


# --- dry run --------------------------------------------------------------------------------


@dataclass
class CheckReport:
    """What loading one uploaded file would do (picklable, so it can be cached)."""

    file: str
    digest: str
    kind: str
    accepted: int
    rejected_rows: int
    skipped: int
    rejects: list[Reject] = field(default_factory=list)
    notices: list[Reject] = field(default_factory=list)

    @property
    def association(self) -> str | None:
        return association_of(self.kind)

    @property
    def loadable(self) -> bool:
        return self.accepted > 0


def safe_name(name: str) -> str:
    """A file name without folders or odd characters (keeps the extension)."""
    stem, dot, suffix = Path(name).name.rpartition(".")
    stem = re.sub(r"[^\w.\- ]+", "_", stem or suffix).strip(" .") or "upload"
    return f"{stem}.{suffix.lower()}" if dot else stem


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def check_upload(name: str, data: bytes) -> CheckReport:
    """Dry run of an uploaded file: what ``etl check`` says about it."""
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_UPLOAD_BYTES:
        reject = Reject(file=name, reason=TOO_LARGE, params={"limit": MAX_UPLOAD_MB})
        return CheckReport(name, digest, "unreadable", 0, 0, 0, rejects=[reject])
    with tempfile.TemporaryDirectory(prefix="dia-upload-") as folder:
        path = Path(folder) / safe_name(name)
        path.write_bytes(data)
        result: ReadResult = check_files([path])[0]
    return CheckReport(
        file=result.file,
        digest=digest,
        kind=result.kind,
        accepted=result.accepted,
        rejected_rows=len({(r.sheet, r.row_number) for r in result.rejects}),
        skipped=result.skipped,
        rejects=list(result.rejects),
        notices=list(result.notices),
    )


def permission_problem(user: User, report: CheckReport, lang: Lang) -> str | None:
    """Why this user may not load this file, or None. Staff load only their own member lists."""
    if user.role is Role.ADMIN:
        return None
    if user.role is not Role.STAFF:
        return translate(lang, N_("Only staff and administrators can load files."))
    association = report.association
    if association is not None and association != user.association:
        return translate(
            lang,
            OTHER_ASSOCIATION,
            kind=kind_label(report.kind, lang),
            own=user.association or "",
        )
    return None


def report_frame(items: list[Reject], lang: Lang) -> pd.DataFrame:
    """Rejects or notices as a table with headers and reasons in ``lang``."""
    frame = pd.DataFrame(
        {
            "file": [i.file for i in items],
            "sheet": [i.sheet for i in items],
            "row_number": pd.array([i.row_number for i in items], dtype="Int64"),
            "column_name": [i.column_name for i in items],
            "value": [i.value or "" for i in items],
            "reason": [translate(lang, i.reason, **i.params) for i in items],
        }
    )
    return frame.rename(columns={k: translate(lang, v) for k, v in REPORT_COLUMNS.items()})


def report_workbook(rejects: pd.DataFrame, notices: pd.DataFrame, lang: Lang, title: str) -> bytes:
    """The reject report as .xlsx: rejected rows and notes on their own sheets."""
    return workbook_bytes(
        {
            translate(lang, N_("Rejected rows")): rejects,
            translate(lang, N_("Notes")): notices,
        },
        [title],
    )


# --- loading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildOutcome:
    ok: bool
    returncode: int
    output: str


def archive_dir() -> Path:
    return data_dir() / "archive"


@st.cache_data(max_entries=256, show_spinner=False)
def _kind_of(path: str, mtime_ns: int, size: int) -> str | None:
    """The detected kind of one file (cached while the file is unchanged)."""
    from etl.memberlist.grid import forget
    from etl.registry import detect

    try:
        return detect(Path(path)).kind
    finally:
        forget()  # detection keeps the parsed workbook for a read that does not follow here


def inbox_kinds() -> pd.DataFrame:
    """Files in the inbox with their detected kind, size and time."""
    rows = []
    inbox = inbox_dir()
    for path in sorted(inbox.glob("*")) if inbox.is_dir() else []:
        if not path.is_file() or path.name.startswith("."):
            continue
        stat = path.stat()
        rows.append(
            {
                "file": path.name,
                "kind": _kind_of(str(path), stat.st_mtime_ns, stat.st_size),
                "size_kb": round(stat.st_size / 1024, 1),
                "modified": datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None),
            }
        )
    return pd.DataFrame(rows, columns=["file", "kind", "size_kb", "modified"])


def save_to_inbox(name: str, data: bytes, kind: str, *, replace_same_kind: bool) -> Path:
    """Put the file into the inbox. The file it replaces (same name, or with
    ``replace_same_kind`` every earlier file of the same kind) moves to ``archive/<time>/``."""
    inbox = inbox_dir()
    inbox.mkdir(parents=True, exist_ok=True)
    target = inbox / safe_name(name)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    outdated = [target] if target.exists() else []
    if replace_same_kind:
        current = inbox_kinds()
        outdated += [inbox / f for f in current.loc[current["kind"] == kind, "file"]]
    for path in dict.fromkeys(outdated):
        if path.exists():
            folder = archive_dir() / stamp
            folder.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), folder / path.name)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(data)
    partial.replace(target)
    return target


def run_build(data_folder: Path | None = None) -> BuildOutcome:
    """``python -m etl build --inbox <inbox>`` in its own process (the dashboard only reads)."""
    folder = data_folder or data_dir()
    env = {**os.environ, "DIA_DATA_DIR": str(folder)}
    command = [sys.executable, "-m", "etl", "build", "--inbox", str(folder / "inbox")]
    try:
        done = subprocess.run(
            command,
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        return BuildOutcome(False, -1, f"timeout after {exc.timeout} s")
    output = (done.stdout + "\n" + done.stderr).strip()
    return BuildOutcome(done.returncode == 0, done.returncode, output[-4000:])


# --- the published version's report ---------------------------------------------------------


def _visible(frame: pd.DataFrame, user: User) -> pd.DataFrame:
    """Staff see reports of their own member lists and of every other kind of file."""
    if user.role is Role.ADMIN or frame.empty:
        return frame
    other = frame["kind"].map(lambda k: association_of(k) if isinstance(k, str) else None)
    return frame[other.isna() | (other == user.association)]


def warehouse_report(name: str, user: User, lang: Lang) -> pd.DataFrame:
    """``etl_rejects`` or ``etl_notices`` of the published version, as the user may see it."""
    frame = _visible(query(name), user)
    reason = frame[f"reason_{lang}"] if lang in ("nl", "de") else frame["reason_en"]
    out = pd.DataFrame(
        {
            "file": frame["file"],
            "sheet": frame["sheet"],
            "row_number": frame["row_number"].astype("Int64"),
            "column_name": frame["column_name"],
            "value": frame["value"],
            "reason": reason,
        }
    )
    return out.rename(columns={k: translate(lang, v) for k, v in REPORT_COLUMNS.items()})


def build_history(lang: Lang) -> pd.DataFrame:
    frame = query("etl_runs")
    status = {"published": N_("published"), "failed": N_("failed")}
    return pd.DataFrame(
        {
            translate(lang, N_("Build")): frame["run_id"],
            translate(lang, N_("Started")): frame["started_at"].map(_local),
            translate(lang, N_("Finished")): frame["finished_at"].map(_local),
            translate(lang, N_("Status")): frame["status"].map(
                lambda s: translate(lang, status.get(str(s), str(s)))
            ),
            translate(lang, N_("Files")): frame["inputs"],
            translate(lang, N_("Rows loaded")): frame["rows_loaded"],
            translate(lang, N_("Rows rejected")): frame["rows_rejected"],
        }
    )


def build_files(user: User, lang: Lang) -> pd.DataFrame:
    frame = _visible(query("etl_files"), user)
    return pd.DataFrame(
        {
            translate(lang, N_("File")): frame["file"],
            translate(lang, N_("Kind")): frame["kind"].map(lambda k: kind_label(k, lang)),
            translate(lang, N_("Rows loaded")): frame["accepted"],
            translate(lang, N_("Rejected")): frame["rejected"],
            translate(lang, N_("Skipped (blank or totals)")): frame["skipped"],
        }
    )


def _local(value: object) -> str:
    if value is None or value is pd.NaT:
        return ""
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if stamp is pd.NaT:
        return ""
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("Europe/Amsterdam")
    return stamp.strftime("%Y-%m-%d %H:%M")
