"""Formula injection: names and titles starting with = + - @ tab or CR, written through every
Excel and CSV export of the dashboard, come out as text, never as a formula."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from core.cells import FORMULA_STARTS
from core.versions import POINTER_NAME, Version
from dia.auth import Role
from dia.policy import viewer_for

ATTACKS = [
    '=HYPERLINK("http://evil.example","klik")',
    "=cmd|' /C calc'!A0",
    "+31 Bakkerij",
    "-2+3 GmbH",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture(scope="module")
def poisoned(published: Version, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the sample warehouse whose members, companies, activities and evidence notes
    carry the attack strings."""
    folder = tmp_path_factory.mktemp("dia-poisoned")
    warehouse = folder / "warehouse"
    warehouse.mkdir()
    target = warehouse / "dia-poisoned-formulas.duckdb"
    shutil.copy(published.path, target)
    with duckdb.connect(str(target)) as con:
        for table, column, key in (
            ("member", "name", "member_id"),
            ("company", "name", "company_id"),
            ("activity", "title", "activity_id"),
            ("collaboration", "evidence", "collaboration_id"),
        ):
            keys = [
                r[0] for r in con.execute(f"SELECT {key} FROM {table} ORDER BY {key}").fetchall()
            ]
            for index, value in enumerate(keys):
                attack = ATTACKS[index % len(ATTACKS)]
                con.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", [attack, value])
        con.execute("CHECKPOINT")
    (warehouse / POINTER_NAME).write_text(target.name, encoding="utf-8")
    yield folder


@pytest.fixture
def in_poisoned(poisoned: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DIA_DATA_DIR", str(poisoned))
    return poisoned


def _xlsx_cells(data: bytes) -> list[openpyxl.cell.Cell]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


def _assert_safe_xlsx(data: bytes, *, expect_attacks: bool = True) -> None:
    cells = _xlsx_cells(data)
    formulas = [c.coordinate for c in cells if c.data_type == "f"]
    assert not formulas, f"formula cells: {formulas[:5]}"
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(FORMULA_STARTS)]
    if expect_attacks:
        assert any(t.startswith("'=") for t in texts), "the attack strings reached the file"


def _assert_safe_csv(data: bytes) -> None:
    text = data.decode("utf-8-sig")
    delimiter = ";" if text.count(";") >= text.count(",") else ","
    fields = [
        f for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for f in row
    ]
    assert not [f for f in fields if f.startswith(FORMULA_STARTS)]
    assert any(f.startswith("'") for f in fields), "the attack strings reached the file"


def test_member_list_workbooks(in_poisoned: Path) -> None:
    from dia.data import members

    for viewer in (viewer_for(Role.STAFF, ["OE"]), viewer_for(Role.ADMIN)):
        # the page hands the download button a maker; the file is made when it is called
        data = members.member_workbook("OE", "nl", viewer, is_sample=True)()
        _assert_safe_xlsx(data)


def test_ledger_workbooks(in_poisoned: Path) -> None:
    from dia.data import project
    from dia.export import ledger

    cal = project.calendar()
    report = ledger.prepare(cal.current, "de", cal, is_sample=True)
    _assert_safe_xlsx(ledger.excel_bytes(report, viewer_for(Role.DIRECTOR, ["OE"])))
    # The funder's workbook names nothing and no title: still no formula anywhere.
    _assert_safe_xlsx(ledger.excel_bytes(report, viewer_for(Role.FUNDER)), expect_attacks=False)


def test_upload_reports(in_poisoned: Path) -> None:
    from dia import uploads

    rejects = pd.DataFrame({"Blatt": ["Leden"] * len(ATTACKS), "Wert": ATTACKS})
    notices = pd.DataFrame({"Hinweis": ATTACKS})
    _assert_safe_xlsx(uploads.report_workbook(rejects, notices, "de", ATTACKS[0]))


def test_chart_data_downloads() -> None:
    from dia.export.exhibit import Rendered
    from dia.export.tables import csv_bytes, xlsx_bytes

    figure = go.Figure(go.Bar(x=ATTACKS, y=list(range(10, 10 + len(ATTACKS))), name="=1+1"))
    figure.update_layout(title={"text": "=TITLE()"})
    rendered = Rendered(figure=figure, title="=TITLE()", source_line="@source", is_sample=True)
    _assert_safe_csv(csv_bytes(rendered, "nl"))
    _assert_safe_xlsx(xlsx_bytes(rendered, "nl"))


def test_activity_table_download(in_poisoned: Path) -> None:
    from dia.data import cooperation

    data = cooperation.activity_csv("en", viewer_for(Role.DIRECTOR, ["OE"]))
    _assert_safe_csv(data)
    funder = cooperation.activity_csv("en", viewer_for(Role.FUNDER)).decode("utf-8-sig")
    assert "=cmd" not in funder and "HYPERLINK" not in funder, "funders get no titles"
