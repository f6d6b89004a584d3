"""The access policy, role mapping, the demo/setup decision, the audit log and formula-safe cells."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from core import audit
from core.access import LOADED_TABLES, read_secrets, real_row_counts, sign_in_configured
from core.cells import FORMULA_STARTS, csv_bytes, neutralise_workbook, safe_frame, safe_text
from dia.auth import role_for
from dia.navigation import PAGES
from dia.policy import EXPORT_KINDS, PAGE_ROLES, Role, allowed, viewer_for

FUNDER = viewer_for(Role.FUNDER)
ADMIN = viewer_for(Role.ADMIN)
DIRECTOR_OE = viewer_for(Role.DIRECTOR, ["OE"])
STAFF_WVE = viewer_for(Role.STAFF, ["WVE"])


def test_every_navigation_page_has_a_rule() -> None:
    assert {page.url_path for page in PAGES} <= set(PAGE_ROLES)
    assert ADMIN.pages() == list(PAGE_ROLES)


@pytest.mark.parametrize(
    ("viewer", "open_pages", "closed_pages"),
    [
        (FUNDER, {"overview", "indicators"}, {"data", "progress", "partners"}),
        (DIRECTOR_OE, {"progress", "indicators", "partners"}, {"data"}),
        (STAFF_WVE, {"data", "members", "partners"}, {"progress", "indicators"}),
    ],
)
def test_pages_per_role(viewer, open_pages: set[str], closed_pages: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert all(viewer.may_open(page) for page in open_pages)
    assert not any(viewer.may_open(page) for page in closed_pages)
    assert not viewer.may_open("no-such-page")


def test_names_contacts_and_free_text() -> None:
    assert FUNDER.visible_associations() == ()
    assert not FUNDER.sees_free_text()
    assert FUNDER.mask_small_counts()
    assert DIRECTOR_OE.visible_associations() == ("OE",)
    assert DIRECTOR_OE.sees_names("OE") and not DIRECTOR_OE.sees_names("WVE")
    assert not DIRECTOR_OE.sees_contacts("OE"), "contacts are for staff, not directors"
    assert STAFF_WVE.contact_associations() == ("WVE",)
    assert ADMIN.visible_associations() == ("OE", "WVE")
    assert ADMIN.contact_associations() == ("OE", "WVE")
    # Staff and directors get exact figures for their own association only.
    assert DIRECTOR_OE.exact_counts_for("OE") and not DIRECTOR_OE.exact_counts_for("WVE")
    assert not DIRECTOR_OE.exact_counts_for(None)
    assert not FUNDER.exact_counts_for("OE") and ADMIN.exact_counts_for(None)


def test_a_funder_cannot_claim_an_association() -> None:
    assert viewer_for(Role.FUNDER, ["OE"]).visible_associations() == ()
    assert viewer_for(Role.DIRECTOR, ["XYZ"]).visible_associations() == ()


def test_exports_and_uploads() -> None:
    assert set(EXPORT_KINDS) >= {"members", "contacts", "ledger", "table", "audit"}
    assert not FUNDER.may_export("members") and FUNDER.may_export("ledger")
    assert DIRECTOR_OE.may_export("members") and not DIRECTOR_OE.may_export("contacts")
    assert not STAFF_WVE.may_export("unknown-kind")
    assert STAFF_WVE.may_upload("members", "WVE") and STAFF_WVE.may_upload("records", None)
    assert not STAFF_WVE.may_upload("members", "OE")
    assert not DIRECTOR_OE.may_upload("members", "OE")
    assert ADMIN.may_upload("members", "OE")
    assert allowed(ADMIN, "audit") and not allowed(STAFF_WVE, "audit")
    assert not allowed(None, "open", "overview")
    assert allowed(FUNDER, "open", "overview") and not allowed(FUNDER, "names", "OE")


def test_cache_scope_differs_between_viewers_that_see_different_rows() -> None:
    scopes = {v.scope_key() for v in (FUNDER, ADMIN, DIRECTOR_OE, STAFF_WVE)}
    assert len(scopes) == 4
    assert viewer_for(Role.DIRECTOR, ["OE"], lang="de").scope_key() == DIRECTOR_OE.scope_key()


MAPPING = {
    "users": {
        "Boss@Ondernemend-Emmen.nl": {"role": "admin"},
        "j.jansen@ondernemend-emmen.nl": {"role": "director", "association": "OE"},
        "nobody@wirtschaftsverband-emsland.de": {"role": "unknown-role"},
    },
    "domains": {
        "ondernemend-emmen.nl": {"role": "staff", "association": "OE"},
        "interreg.example.eu": {"role": "funder"},
        "broken.example": {"role": "staff"},
    },
}


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("boss@ondernemend-emmen.nl", (Role.ADMIN, ())),
        ("J.Jansen@ondernemend-emmen.nl", (Role.DIRECTOR, ("OE",))),
        ("someone@ondernemend-emmen.nl", (Role.STAFF, ("OE",))),  # by domain
        ("anyone@interreg.example.eu", (Role.FUNDER, ())),
        ("nobody@wirtschaftsverband-emsland.de", None),  # an address entry wins, and is bad
        ("x@broken.example", None),  # staff without an association
        ("stranger@example.org", None),
        ("", None),
        ("ondernemend-emmen.nl", None),  # not an address
    ],
)
def test_role_mapping_by_address_and_domain(email: str, expected: object) -> None:
    assert role_for(email, MAPPING) == expected


def test_sign_in_configured_needs_provider_and_people(tmp_path: Path) -> None:
    auth = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "s",
        "client_id": "c",
        "client_secret": "x",
        "server_metadata_url": "http://localhost/.well-known/openid-configuration",
    }
    assert sign_in_configured({"auth": auth, "dia": MAPPING})
    assert not sign_in_configured({"auth": auth})
    assert not sign_in_configured({"dia": MAPPING})
    assert not sign_in_configured({"auth": auth, "dia": {"users": {}}})
    partial = {k: v for k, v in auth.items() if k != "cookie_secret"}
    assert not sign_in_configured({"auth": partial, "dia": MAPPING})
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[auth]\nredirect_uri="r"\ncookie_secret="s"\nclient_id="c"\nclient_secret="x"\n'
        'server_metadata_url="m"\n[dia.domains]\n"a.nl" = { role = "funder" }\n',
        encoding="utf-8",
    )
    assert sign_in_configured(read_secrets([secrets, tmp_path / "missing.toml"]))


def test_real_rows_are_counted_per_loaded_table(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for table in LOADED_TABLES:
        con.execute(f"CREATE TABLE {table} (is_sample BOOLEAN)")
        con.execute(f"INSERT INTO {table} VALUES (true), (true)")
    assert sum(real_row_counts(con).values()) == 0
    con.execute("INSERT INTO member VALUES (false)")
    assert real_row_counts(con)["member"] == 1
    con.execute("DROP TABLE milestone")  # an older file without the table still answers
    assert sum(real_row_counts(con).values()) == 1


def test_sample_warehouse_has_no_real_rows(published) -> None:  # type: ignore[no-untyped-def]
    with duckdb.connect(str(published.path), read_only=True) as con:
        counts = real_row_counts(con)
    assert set(counts) == set(LOADED_TABLES)
    assert sum(counts.values()) == 0


# --- audit log --------------------------------------------------------------------------------


def test_audit_log_appends_and_survives_torn_lines(tmp_path: Path) -> None:
    path = tmp_path / "audit" / "audit.jsonl"
    audit.record("sign_in", "a@b.nl", who="a@b.nl", role="admin", version="v1", path=path)
    with path.open("ab") as handle:
        handle.write(b'{"at": "2026-12-01T00:00:00", "event": "exp')  # a crash mid-write
    audit.record("export", "ledger xlsx", who="f@x.eu", role="funder", version="v1", path=path)
    log = audit.read(path)
    assert [e["event"] for e in log.entries] == ["sign_in", "export"]
    assert log.unreadable_lines == 1
    assert log.entries[1]["who"] == "f@x.eu" and log.entries[1]["version"] == "v1"
    with pytest.raises(ValueError):
        audit.record("delete_everything", "x", path=path)


def test_audit_log_concurrent_writers_do_not_interleave(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"

    def write(n: int) -> None:
        for i in range(50):
            audit.record("export", f"w{n}-{i}" + "x" * 3000, version="v", path=path)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    log = audit.read(path)
    assert len(log.entries) == 200 and log.unreadable_lines == 0
    for line in path.read_text(encoding="utf-8").splitlines():
        json.loads(line)


def test_audit_log_defaults_to_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv(audit.ACTOR_ENV, "staff@oe.nl")
    entry = audit.record("build", "published")
    assert entry["who"] == "staff@oe.nl" and entry["version"] is None
    assert (tmp_path / "audit" / "audit.jsonl").is_file()


# --- formula-safe cells -----------------------------------------------------------------------

ATTACKS = [
    '=HYPERLINK("http://x")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_safe_text_neutralises_formula_starts(text: str) -> None:
    assert text.startswith(FORMULA_STARTS)
    assert safe_text(text) == "'" + text
    assert safe_text("Bakkerij de Vries") == "Bakkerij de Vries"
    assert safe_text(" =1") == "' =1"


def test_csv_and_openpyxl_writers_keep_text(tmp_path: Path) -> None:
    frame = pd.DataFrame({"name": ATTACKS, "count": range(len(ATTACKS))})
    assert list(safe_frame(frame)["count"]) == list(range(len(ATTACKS)))
    text = csv_bytes(frame, notes=["=note"]).decode("utf-8-sig")
    fields = [f for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") for f in row]
    assert "'=note" in fields and "'\r=1" in fields
    assert not [f for f in fields if f.startswith(FORMULA_STARTS)]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row, value in enumerate(ATTACKS, start=1):
        sheet.cell(row=row, column=1, value=value)
    assert sheet.cell(row=1, column=1).data_type == "f"  # what openpyxl does by itself
    assert neutralise_workbook(book) == len(ATTACKS)
    buffer = io.BytesIO()
    book.save(buffer)
    reopened = load_workbook(io.BytesIO(buffer.getvalue()))
    cells = [c for row in reopened.active.iter_rows() for c in row]  # type: ignore[union-attr]
    assert [c.data_type for c in cells] == ["s"] * len(ATTACKS)
    assert [c.value for c in cells] == ["'" + a for a in ATTACKS]


def test_downloads_are_audited_and_refused_without_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dia.page import audited

    monkeypatch.setenv("DIA_DATA_DIR", str(tmp_path))
    director = viewer_for(Role.DIRECTOR, ["OE"], email="d@oe.nl")
    produce = audited(lambda: b"xlsx-bytes", director, "member list OE xlsx", kind="members")
    assert produce() == b"xlsx-bytes"
    refused = audited(b"secret", director, "member list OE xlsx", kind="contacts")
    with pytest.raises(PermissionError):
        refused()
    entries = audit.read().entries
    assert [(e["event"], e["who"], e["role"]) for e in entries] == [
        ("export", "d@oe.nl", "director"),
        ("denied", "d@oe.nl", "director"),
    ]
    assert entries[0]["details"] == {"kind": "members", "bytes": 10}


def test_admins_see_the_audit_log_on_the_data_page(data_dir: Path) -> None:
    from tests.apptest import index_of, open_page

    audit.record("build", "published: test", who="os:test", version="v-test")
    admin = open_page("views/data.py", index_of(Role.ADMIN), "en")
    assert not admin.exception
    assert "Audit log" in [tab.label for tab in admin.tabs]
    assert any("os:test" in frame.value.to_csv() for frame in admin.dataframe)
    staff = open_page("views/data.py", index_of(Role.STAFF, "OE"), "en")
    assert "Audit log" not in [tab.label for tab in staff.tabs]
