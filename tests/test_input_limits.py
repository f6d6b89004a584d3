"""Files that would hurt a parser are refused before parsing, with a located message; readers run
in a child process within time and memory limits; the registry is one ordered list."""

from __future__ import annotations

import io
import sys
import types
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from etl import limits, registry
from etl.build import log_run, logged_runs
from etl.intake import read_file
from etl.limits import Limits, load_limits, preflight
from etl.sandbox import read_limited


def workbook_bytes(cells: dict[str, object]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Leden"
    for ref, value in cells.items():
        sheet[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def far_cell(path: Path) -> Path:
    path.write_bytes(
        workbook_bytes({"A1": "Bedrijfsnaam", "B1": "Postcode", "C1": "Plaats", "XFD1048576": "x"})
    )
    return path


def zip_bomb(path: Path, unpacked: int = 150 * 1024 * 1024) -> Path:
    """A valid workbook whose sheet XML carries a comment of ``unpacked`` spaces."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes({"A1": "a"})))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", b"<!--" + b" " * unpacked + b"--></worksheet>")
            out.writestr(item.filename, data)
    return path


def test_far_cell_is_refused_with_the_sheet_and_the_cell(tmp_path: Path) -> None:
    result = read_file(far_cell(tmp_path / "leden.xlsx"))
    assert result.kind == "refused"
    (reject,) = result.rejects
    assert reject.sheet == "Leden"
    assert reject.reason == limits.SHEET_TOO_LARGE
    assert reject.params["cell"] == "XFD1048576"
    assert reject.params["rows"] == 1_048_576 and reject.params["columns"] == 16_384


def test_zip_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 2 * 1024 * 1024
    reject = preflight(path)
    assert reject is not None and reject.reason == limits.PART_TOO_LARGE
    assert reject.params["part"] == "xl/worksheets/sheet1.xml"


def test_packing_ratio_is_checked_below_the_size_limit(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "bomb.xlsx", unpacked=20 * 1024 * 1024)
    reject = preflight(path)
    assert reject is not None and reject.reason == limits.BOMB
    # 20 MB of spaces pack about a thousandfold; the limit is 100
    assert int(reject.params["ratio"]) > load_limits().max_ratio


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", limits.EMPTY),
        (b"%PDF-1.7\n...", limits.NOT_A_TABLE["pdf"]),
        (b"<!DOCTYPE html><html><body>Fehler</body></html>", limits.NOT_A_TABLE["html"]),
    ],
)
def test_not_a_table(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    reject = preflight(path)
    assert reject is not None and reject.reason == reason


def test_truncated_workbook_is_told_so(tmp_path: Path) -> None:
    data = workbook_bytes({"A1": "Firma", "B1": "PLZ", "C1": "Ort"})
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    result = read_file(path)
    assert [r.reason for r in result.rejects] == [limits.TRUNCATED]


def test_macro_workbook_is_refused(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes({"A1": "Firma"})))
    path = tmp_path / "makro.xlsm"
    with zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            out.writestr(item.filename, source.read(item.filename))
        out.writestr("xl/vbaProject.bin", b"\x00" * 64)
    assert [r.reason for r in read_file(path).rejects] == [limits.MACROS]


def test_symlink_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "passwd.csv"
    target.write_text("root:x:0:0\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = read_file(link)
    assert result.kind == "refused" and result.rejects[0].reason == limits.LINK
    assert result.accepted == 0


def test_long_line_is_located(tmp_path: Path) -> None:
    path = tmp_path / "lang.csv"
    path.write_text("Firma;PLZ;Ort\nA;49716;Meppen\nB;49716;" + "x" * 200_000 + "\n", "utf-8")
    reject = preflight(path)
    assert reject is not None and reject.reason == limits.LINE_TOO_LONG
    assert reject.row_number == 3


def test_child_process_stops_at_the_memory_limit(tmp_path: Path) -> None:
    """A reader that grows without end is stopped; the caller gets a reject, not a crash."""
    path = tmp_path / "members.csv"
    path.write_text("Firma;PLZ;Ort\nMuster GmbH;49716;Meppen\n", encoding="utf-8")
    tight = Limits(**{**load_limits().__dict__, "memory_mb": 1})
    result = read_limited(path, tight)
    assert result.kind == "unreadable"
    assert "memory" in result.rejects[0].message()


def test_child_process_reads_like_the_parent(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(
        "Firma;PLZ;Ort;Mitarbeiter\nMuster GmbH;49716;Meppen;12\nB GmbH;49716;Meppen;2147483648\n",
        encoding="utf-8",
    )
    child = read_limited(path)
    here = read_file(path)
    assert child.kind == here.kind == "members_wve"
    assert child.accepted == here.accepted == 1
    assert [(r.row_number, r.column_name) for r in child.rejects] == [(3, "Mitarbeiter")]


def test_registry_is_one_ordered_list_and_catches_detection_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [registry.reader_name(m) for m in registry.READERS]
    assert names[0] == "members" and names[-1] == "longformat"
    path = tmp_path / "x.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")

    def broken(_path: Path) -> str | None:
        raise ValueError("boom")

    monkeypatch.setattr(registry.READERS[0], "detect", broken)
    found = registry.detect(path)
    assert found.reader is None
    assert str(found.errors["members"]) == "boom"


def test_torn_history_line_does_not_break_later_builds(tmp_path: Path) -> None:
    log_run(tmp_path, {"run_id": "a", "started_at": "2026-01-01", "status": "published"})
    with (tmp_path / "runs.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"run_id": "b", "started_at": "2026-01-0')  # the disk was full
    log_run(tmp_path, {"run_id": "c", "started_at": "2026-01-03", "status": "failed"})
    assert [run["run_id"] for run in logged_runs(tmp_path)] == ["a", "c"]


def test_every_kind_a_reader_names_has_a_human_name() -> None:
    from core.filekinds import FILE_KINDS
    from etl.memberlist import kind_of
    from etl.memberlist.columns import load_config
    from etl.records import KIND as RECORDS

    kinds = {RECORDS, *(kind_of(association) for association in load_config())}
    for module in registry.READERS:
        kinds |= {
            value
            for name, value in vars(module).items()
            if name.startswith("KIND") and isinstance(value, str)
        }
    assert len(kinds) > 12
    assert sorted(kinds - FILE_KINDS.keys()) == []


def test_every_reader_and_step_module_is_registered() -> None:
    """A new module is listed in etl/registry.py, or it is never used."""
    import importlib
    import pkgutil

    import etl.harmonise
    import etl.readers

    def modules(package: object, attribute: str) -> set[str]:
        found = set()
        for info in pkgutil.iter_modules(package.__path__):  # type: ignore[attr-defined]
            module = importlib.import_module(f"{package.__name__}.{info.name}")  # type: ignore[attr-defined]
            if callable(getattr(module, attribute, None)):
                found.add(module.__name__)
        return found

    assert modules(etl.readers, "detect") == {m.__name__ for m in registry.READERS}
    assert modules(etl.harmonise, "run") == {m.__name__ for m in registry.STEPS}


def test_child_ignores_a_page_script_as_main(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # After a Streamlit page ran in this process, __main__ is that page; a child that re-imported
    # it would fail every read.
    page = tmp_path / "page.py"
    page.write_text("raise SystemExit(3)\n", encoding="utf-8")
    main = types.ModuleType("__main__")
    main.__file__ = str(page)
    monkeypatch.setitem(sys.modules, "__main__", main)
    path = tmp_path / "members.csv"
    path.write_text("Firma;PLZ;Ort;Mitarbeiter\nMuster GmbH;49716;Meppen;12\n", encoding="utf-8")
    assert read_limited(path).kind == "members_wve"


def test_sheet_extent_counts_every_cell_and_row_reference() -> None:
    # Cells out of order, a row tag beyond the last cell; attributes that only end in r
    # (``xr``, ``ref``), four column letters and eight row digits are no cell references.
    xml = (
        b'<sheetData><row r="3" spans="1:28"><c r="C3" t="s"/><c r="AB2"/></row><row r="70"/>'
        b'<c xr="ZZ999"/><mergeCell ref="A1:ZZ99"/><c r="ABCD1"/><c r="B12345678"/></sheetData>'
    )
    # Columns: AB = 1 × 26 + 2 = 28. Farthest cell by row × column: C3 = 9, AB2 = 2 × 28 = 56.
    assert limits.reference_extent(xml) == (70, 28, "AB2", 56)
    assert limits.reference_extent(b"<sheetData/>") == (0, 0, "", -1)
