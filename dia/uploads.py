"""The data page's work: check an upload, keep the inbox per association, preview what a load
changes, and build a new warehouse version — all through ``python -m etl`` in a child process.

The dashboard never imports ``etl``: a hostile file is parsed by a process that may die without
taking the server (and every other session) with it. ``etl`` itself reads each file in a further
child with time and memory limits and answers in JSON (``check --json``, ``build --json``).

The inbox keeps every association's files apart (``inbox/OE``, ``inbox/WVE``, ``inbox/shared``),
each with a small record beside it (``.<name>.json``: owner, uploader, kind, time), so a file of
one association never displaces another's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Literal

import pandas as pd
import streamlit as st

from core import audit
from core.filekinds import association_of, kind_label
from core.i18n import N_, Lang, translate
from core.paths import PROJECT_ROOT, TEMPLATES_DIR, data_dir, inbox_dir
from dia.data.warehouse import query
from dia.export.spreadsheet import workbook_bytes
from dia.policy import Role, Viewer

MAX_UPLOAD_MB: Final = 20
MAX_UPLOAD_BYTES: Final = MAX_UPLOAD_MB * 1024 * 1024
CHECK_TIMEOUT_SECONDS: Final = 300
BUILD_TIMEOUT_SECONDS: Final = 900
ACCEPTED_TYPES: Final = ("xlsx", "xls", "csv")
SHARED: Final = "shared"  # owner of files of no association uploaded by an administrator
Mode = Literal["add", "replace"]
MODES: Final[tuple[Mode, ...]] = ("add", "replace")

TOO_LARGE = N_("The file is larger than {limit} MB.")
OTHER_ASSOCIATION = N_(
    "This is a member list of {kind}. Staff of {own} can load member lists of {own} only."
)
NOT_ALLOWED = N_("Only staff and administrators can load files.")
CHECK_FAILED = N_("The file could not be checked: {error}")
REPORT_COLUMNS: Final[dict[str, str]] = {
    "file": N_("File"),
    "sheet": N_("Sheet"),
    "row_number": N_("Row"),
    "column_name": N_("Column"),
    "value": N_("Value"),
    "reason": N_("Reason"),
}


# --- running etl ----------------------------------------------------------------------------


def _etl(args: list[str], timeout: int, actor: str | None = None) -> tuple[int, dict[str, Any]]:
    """``python -m etl <args> --json``: its exit code and its JSON answer."""
    env = {**os.environ, "DIA_DATA_DIR": str(data_dir())}
    if actor:
        env[audit.ACTOR_ENV] = actor
    try:
        done = subprocess.run(
            [sys.executable, "-m", "etl", *args, "--json"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, {"error": f"no answer within {timeout} s"}
    try:
        answer = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return done.returncode, {"error": f"exit {done.returncode}: {tail[0][:300]}"}
    return done.returncode, answer


def _actor(viewer: Viewer) -> str:
    return viewer.email or viewer.name or viewer.role.value


# --- dry run --------------------------------------------------------------------------------


@dataclass
class CheckReport:
    """What loading one uploaded file would do, as ``etl check --json`` says (picklable)."""

    file: str
    digest: str
    kind: str
    labels: dict[str, str] = field(default_factory=dict)
    accepted: int = 0
    rejected_rows: int = 0
    skipped: int = 0
    rejects: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)

    @property
    def association(self) -> str | None:
        return association_of(self.kind)

    @property
    def loadable(self) -> bool:
        return self.accepted > 0

    def label(self, lang: Lang) -> str:
        return self.labels.get(lang) or kind_label(self.kind, lang)


def safe_name(name: str) -> str:
    """A file name without folders or odd characters (keeps the extension)."""
    stem, dot, suffix = Path(name).name.rpartition(".")
    stem = re.sub(r"[^\w.\- ]+", "_", stem or suffix).strip(" .") or "upload"
    return f"{stem}.{suffix.lower()}" if dot else stem


def _file_problem(name: str, digest: str, reason: str, **params: object) -> CheckReport:
    item = {
        "file": name,
        "reason": {lang: translate(lang, reason, **params) for lang in ("en", "nl", "de")},
    }
    return CheckReport(name, digest, "unreadable", rejects=[item])


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def check_upload(name: str, data: bytes) -> CheckReport:
    """Dry run of an uploaded file: ``etl check --json`` in a child process."""
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_UPLOAD_BYTES:
        return _file_problem(name, digest, TOO_LARGE, limit=MAX_UPLOAD_MB)
    with tempfile.TemporaryDirectory(prefix="dia-upload-") as folder:
        path = Path(folder) / safe_name(name)
        path.write_bytes(data)
        _code, answer = _etl(["check", str(path)], CHECK_TIMEOUT_SECONDS)
    files = answer.get("files") or []
    if not files:
        return _file_problem(name, digest, CHECK_FAILED, error=answer.get("error") or "–")
    result = files[0]
    return CheckReport(
        file=result["file"],
        digest=digest,
        kind=result["kind"],
        labels=result["kind_label"],
        accepted=result["accepted"],
        rejected_rows=result["rejected_rows"],
        skipped=result["skipped"],
        rejects=result["rejects"],
        notices=result["notices"],
    )


def permission_problem(viewer: Viewer, report: CheckReport, lang: Lang) -> str | None:
    """Why this viewer may not load this file, or None (the access policy decides)."""
    if viewer.may_upload(report.kind, report.association):
        return None
    if viewer.role is not Role.STAFF:
        return translate(lang, NOT_ALLOWED)
    own = ", ".join(sorted(viewer.associations))
    return translate(lang, OTHER_ASSOCIATION, kind=report.label(lang), own=own)


def report_frame(items: list[dict[str, Any]], lang: Lang) -> pd.DataFrame:
    """Rejects or notices (as ``etl`` reports them) as a table with headers in ``lang``."""
    frame = pd.DataFrame(
        {
            "file": [i.get("file") for i in items],
            "sheet": [i.get("sheet") for i in items],
            "row_number": pd.array([i.get("row_number") for i in items], dtype="Int64"),
            "column_name": [i.get("column_name") for i in items],
            "value": [i.get("value") or "" for i in items],
            "reason": [i["reason"].get(lang) or i["reason"]["en"] for i in items],
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


# --- the inbox ------------------------------------------------------------------------------


@dataclass(frozen=True)
class InboxFile:
    path: Path
    owner: str
    kind: str | None
    uploader: str
    uploaded_at: str

    @property
    def name(self) -> str:
        return self.path.name


def archive_dir() -> Path:
    return data_dir() / "archive"


def owner_for(viewer: Viewer, report: CheckReport) -> str:
    """The association a new file belongs to: the one it is a member list of, else the
    uploader's own; an administrator's file of no association is shared."""
    if report.association:
        return report.association
    if viewer.role is Role.STAFF and len(viewer.associations) == 1:
        return next(iter(viewer.associations))
    return SHARED


def _record_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.json")


def inbox_files() -> list[InboxFile]:
    """The inbox's files with their owner and the record written when they were uploaded."""
    inbox = inbox_dir()
    files = []
    for path in sorted(inbox.rglob("*")) if inbox.is_dir() else []:
        if path.name.startswith((".", "~$")) or path.is_dir():
            continue
        owner = path.parent.name if path.parent != inbox else SHARED
        record: dict[str, Any] = {}
        with contextlib.suppress(OSError, ValueError):  # a file put there by hand has none
            record = json.loads(_record_path(path).read_text(encoding="utf-8"))
        files.append(
            InboxFile(
                path=path,
                owner=str(record.get("owner") or owner),
                kind=record.get("kind"),
                uploader=str(record.get("uploader") or "–"),
                uploaded_at=str(record.get("uploaded_at") or ""),
            )
        )
    return files


def inbox_table(lang: Lang) -> pd.DataFrame:
    rows = [
        {
            translate(lang, N_("File")): f.name,
            translate(lang, N_("Association")): f.owner,
            translate(lang, N_("Kind")): kind_label(f.kind, lang),
            translate(lang, N_("Uploaded by")): f.uploader,
            translate(lang, N_("Uploaded")): f.uploaded_at[:16].replace("T", " "),
        }
        for f in inbox_files()
    ]
    return pd.DataFrame(rows)


def may_manage(viewer: Viewer, file: InboxFile) -> bool:
    """Staff replace and archive only their own association's files."""
    association = None if file.owner == SHARED else file.owner
    return viewer.may_upload(file.kind or "", association) and (
        viewer.role is Role.ADMIN or file.owner in viewer.associations
    )


def outdated_by(viewer: Viewer, report: CheckReport, name: str, mode: Mode) -> list[InboxFile]:
    """The files a new upload moves to the archive: the owner's file of the same name, and in
    ``replace`` mode the owner's other files of the same kind."""
    owner = owner_for(viewer, report)
    target = safe_name(name)
    return [
        f
        for f in inbox_files()
        if f.owner == owner
        and may_manage(viewer, f)
        and (f.name == target or (mode == "replace" and f.kind == report.kind))
    ]


def archive(files: list[InboxFile]) -> Path | None:
    """Move ``files`` (and their records) into a new folder of the archive; never overwrites."""
    if not files:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = archive_dir() / files[0].owner / f"{stamp}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True, exist_ok=False)
    for file in files:
        shutil.move(str(file.path), folder / file.name)
        record = _record_path(file.path)
        if record.exists():
            shutil.move(str(record), folder / record.name)
    return folder


def archive_file(viewer: Viewer, file: InboxFile) -> Path | None:
    if not may_manage(viewer, file):
        return None
    folder = archive([file])
    audit.record(
        "replace", f"archived {file.owner}/{file.name}", who=_actor(viewer), role=viewer.role
    )
    return folder


def save_to_inbox(viewer: Viewer, name: str, data: bytes, report: CheckReport, mode: Mode) -> Path:
    """Put the file into its owner's inbox folder; what it replaces goes to the archive."""
    owner = owner_for(viewer, report)
    folder = inbox_dir() / owner
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_name(name)
    replaced = outdated_by(viewer, report, name, mode)
    archive(replaced)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(data)
    partial.replace(target)
    record = {
        "owner": owner,
        "uploader": _actor(viewer),
        "uploaded_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "kind": report.kind,
        "sha256": report.digest,
    }
    _record_path(target).write_text(json.dumps(record), encoding="utf-8")
    details = {"kind": report.kind, "rows": report.accepted, "mode": mode}
    audit.record(
        "upload", f"{owner}/{target.name}", who=_actor(viewer), role=viewer.role, details=details
    )
    if replaced:
        audit.record(
            "replace",
            f"{owner}/{target.name} replaces " + ", ".join(f.name for f in replaced),
            who=_actor(viewer),
            role=viewer.role,
        )
    return target


# --- loading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildOutcome:
    ok: bool
    returncode: int
    error: str | None = None
    gate: dict[str, Any] = field(default_factory=dict)
    files: list[dict[str, Any]] = field(default_factory=list)

    @property
    def shrinks(self) -> list[dict[str, Any]]:
        return list(self.gate.get("shrinks") or [])

    @property
    def disappearing(self) -> list[dict[str, Any]]:
        return list(self.gate.get("disappearing") or [])

    @property
    def unreadable(self) -> list[str]:
        return list(self.gate.get("unreadable") or [])


def _outcome(code: int, answer: dict[str, Any]) -> BuildOutcome:
    return BuildOutcome(
        ok=code == 0,
        returncode=code,
        error=answer.get("error"),
        gate=answer.get("gate") or {},
        files=answer.get("files") or [],
    )


def preview_load(
    viewer: Viewer, name: str, data: bytes, report: CheckReport, mode: Mode
) -> BuildOutcome:
    """What loading would change, without publishing: a dry-run build of the inbox as it would
    be after this upload, compared with the published version."""
    replaced = {f.path for f in outdated_by(viewer, report, name, mode)}
    keep = [f.path for f in inbox_files() if f.path not in replaced]
    with tempfile.TemporaryDirectory(prefix="dia-preview-") as folder:
        upload = Path(folder) / safe_name(name)
        upload.write_bytes(data)
        args = ["build", "--dry-run"]
        for path in [*keep, upload]:
            args += ["--inbox", str(path)]
        code, answer = _etl(args, BUILD_TIMEOUT_SECONDS, _actor(viewer))
    return _outcome(code, answer)


def run_build(viewer: Viewer, *, accept_shrink: bool = False) -> BuildOutcome:
    """``python -m etl build --inbox <inbox>`` in its own process (the dashboard only reads)."""
    args = ["build", "--inbox", str(inbox_dir())]
    if accept_shrink:
        args.append("--accept-shrink")
    code, answer = _etl(args, BUILD_TIMEOUT_SECONDS, _actor(viewer))
    audit.record(
        "load",
        "published" if code == 0 else f"not published: {answer.get('error') or code}",
        who=_actor(viewer),
        role=viewer.role,
        details={"accept_shrink": accept_shrink},
    )
    return _outcome(code, answer)


def shrink_table(outcome: BuildOutcome, lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        {
            translate(lang, N_("Table")): [s["table"] for s in outcome.shrinks],
            translate(lang, N_("Association")): [s["association"] or "–" for s in outcome.shrinks],
            translate(lang, N_("Rows now")): [s["before"] for s in outcome.shrinks],
            translate(lang, N_("Rows after loading")): [s["after"] for s in outcome.shrinks],
        }
    )


def disappearing_table(outcome: BuildOutcome, lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        {
            translate(lang, N_("Association")): [m["association"] for m in outcome.disappearing],
            translate(lang, N_("Company name")): [m["name"] for m in outcome.disappearing],
            translate(lang, N_("Postcode")): [m["postcode"] for m in outcome.disappearing],
        }
    )


# --- templates ------------------------------------------------------------------------------

TEMPLATES: Final[dict[str, str]] = {
    "members_oe.xlsx": N_("Template member list OE (.xlsx)"),
    "members_wve.xlsx": N_("Template member list WVE (.xlsx)"),
    "records_nl.xlsx": N_("Template project records, Dutch (.xlsx)"),
    "records_de.xlsx": N_("Template project records, German (.xlsx)"),
    "statistics_longformat.xlsx": N_("Template statistics, long table (.xlsx)"),
    "energy_capacity.xlsx": N_("Template energy capacity (.xlsx)"),
    "energy_opportunities.xlsx": N_("Template energy opportunities (.xlsx)"),
}


def templates() -> list[tuple[str, str, bytes]]:
    """The shipped blank templates (data/templates): label msgid, file name, bytes."""
    return [
        (label, name, (TEMPLATES_DIR / name).read_bytes())
        for name, label in TEMPLATES.items()
        if (TEMPLATES_DIR / name).is_file()
    ]


# --- the published version's report ---------------------------------------------------------


def _visible(frame: pd.DataFrame, viewer: Viewer) -> pd.DataFrame:
    """Staff see reports of their own member lists and of every other kind of file."""
    if viewer.role is Role.ADMIN or frame.empty:
        return frame
    other = frame["kind"].map(lambda k: association_of(k) if isinstance(k, str) else None)
    return frame[other.isna() | other.isin(list(viewer.associations))]


def warehouse_report(name: str, viewer: Viewer, lang: Lang) -> pd.DataFrame:
    """``etl_rejects`` or ``etl_notices`` of the published version, as the viewer may see it."""
    frame = _visible(query(name), viewer)
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


def build_files(viewer: Viewer, lang: Lang) -> pd.DataFrame:
    frame = _visible(query("etl_files"), viewer)
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


def audit_table(entries: list[dict[str, object]], lang: Lang) -> pd.DataFrame:
    """The audit log as admins read it: newest first, headers in ``lang``."""
    frame = pd.DataFrame(
        list(reversed(entries)), columns=["at", "event", "who", "role", "what", "version"]
    )
    headers = {
        "at": N_("When (UTC)"),
        "event": N_("Event"),
        "who": N_("Who"),
        "role": N_("Role"),
        "what": N_("What"),
        "version": N_("Data version"),
    }
    frame["event"] = frame["event"].map(lambda e: _named(AUDIT_EVENTS, e, lang))
    frame["role"] = frame["role"].map(lambda r: _named(ROLE_NAMES, r, lang))
    return frame.rename(columns={key: translate(lang, label) for key, label in headers.items()})


# The audit log stores keys; people read them in their language.
AUDIT_EVENTS: Final[dict[str, str]] = {
    "sign_in": N_("sign-in"),
    "sign_out": N_("sign-out"),
    "upload": N_("upload"),
    "load": N_("load"),
    "replace": N_("replace"),
    "build": N_("build"),
    "export": N_("export"),
    "denied": N_("access denied"),
    "submit": N_("report submitted"),
}
ROLE_NAMES: Final[dict[str, str]] = {
    "director": N_("Director"),
    "staff": N_("Staff"),
    "funder": N_("Funder"),
    "admin": N_("Administrator"),
}


def _named(names: dict[str, str], key: object, lang: Lang) -> str:
    """The name of a stored key in ``lang``; the key itself when the list does not know it."""
    if not isinstance(key, str) or not key:
        return "–"
    return translate(lang, names[key]) if key in names else key
