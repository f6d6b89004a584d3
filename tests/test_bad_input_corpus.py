"""A corpus of generated bad files through ``etl check`` and ``etl build``, as staff would upload
them: every file gets a located answer in three languages, nothing crashes (no traceback), every
file is read in under 30 s and 1 GiB, and a build that refuses keeps the published version."""

from __future__ import annotations

import io
import json
import os
import random
import resource
import string
import subprocess
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

import pytest
from openpyxl import Workbook

from core.versions import current_version
from tests.etl_cli import run_etl

ROOT: Final = Path(__file__).resolve().parents[1]
OE_HEADER: Final = "Bedrijfsnaam;Postcode;Plaats;Aantal medewerkers;Lid sinds"
GOOD_ROW: Final = "Hofstra Metaal B.V.;7811 AB;Emmen;12;1-3-2019"
MAX_SECONDS: Final = 30
MAX_MB: Final = 1024


def xlsx(
    rows: list[list[object]], cells: dict[str, object] | None = None, hidden: bool = False
) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Leden"
    for row in rows:
        sheet.append(row)
    for ref, value in (cells or {}).items():
        sheet[ref] = value
    if hidden:
        sheet.sheet_state = "hidden"
        book.create_sheet("Leeg")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rezip(
    data: bytes, change: Callable[[str, bytes], bytes], extra: dict[str, bytes] | None = None
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item.filename)))
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def padded_sheet(size: int) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(b"</worksheet>", b"<!--" + b" " * size + b"--></worksheet>")
        return data

    return change


def csv(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


OE_ROWS: Final = [
    ["Bedrijfsnaam", "Postcode", "Plaats"],
    ["Hofstra Metaal B.V.", "7811 AB", "Emmen"],
]
RANDOM: Final = random.Random(11)
LONG_TEXT: Final = "".join(RANDOM.choices(string.ascii_letters, k=10 * 1024 * 1024))
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# name → (content, where the answer must point: "file", "row" or "sheet")
CORPUS: Final[dict[str, tuple[bytes, str]]] = {
    "far_cell.xlsx": (xlsx(OE_ROWS, {"XFD1048576": "x"}), "sheet"),
    "far_row.xlsx": (xlsx(OE_ROWS, {"A900000": "x"}), "sheet"),
    "zip_bomb.xlsx": (rezip(xlsx(OE_ROWS), padded_sheet(150 * 1024 * 1024)), "file"),
    "zip_ratio.xlsx": (rezip(xlsx(OE_ROWS), padded_sheet(30 * 1024 * 1024)), "file"),
    "huge_numbers.csv": (
        csv(
            OE_HEADER,
            GOOD_ROW,
            "A B.V.;7811 AB;Emmen;2147483648;1-3-2019",
            "B B.V.;7811 AB;Emmen;1e12;1-3-2019",
            "C B.V.;7811 AB;Emmen;-5;1-3-2019",
            "D B.V.;7811 AB;Emmen;1e400;1-3-2019",
        ),
        "row",
    ),
    "huge_numbers.xlsx": (
        xlsx(
            [
                ["Bedrijfsnaam", "Postcode", "Plaats", "Aantal medewerkers"],
                ["Hofstra Metaal B.V.", "7811 AB", "Emmen", 12],
                ["A B.V.", "7811 AB", "Emmen", 1e12],
                ["B B.V.", "7811 AB", "Emmen", 2147483648],
            ]
        ),
        "row",
    ),
    "misspelled_headers.csv": (csv("Bedrijfsnam;Postcod;Plaats;Medewerkers", GOOD_ROW), "row"),
    "french_headers.csv": (
        csv("Nom de l'entreprise;Code postal;Ville", "Hofstra;7811 AB;Emmen"),
        "row",
    ),
    "french_headers.xlsx": (
        xlsx([["Nom de l'entreprise", "Code postal", "Ville"], ["Hofstra", "7811 AB", "Emmen"]]),
        "row",
    ),
    "cell_10mb.csv": (csv(OE_HEADER, GOOD_ROW, f"{LONG_TEXT};7811 AB;Emmen;3;1-3-2019"), "row"),
    "cell_10mb.xlsx": (xlsx([*OE_ROWS, [LONG_TEXT, "7811 AB", "Emmen"]]), "row"),
    "truncated.xlsx": (xlsx(OE_ROWS)[:3000], "file"),
    "encrypted.xlsx": (
        OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(2000),
        "file",
    ),
    "macros.xlsm": (
        rezip(xlsx(OE_ROWS), lambda _n, d: d, {"xl/vbaProject.bin": bytes(512)}),
        "file",
    ),
    "nul_byte.csv": (csv(OE_HEADER, GOOD_ROW, "A B.V.;7811\x00AB;Emmen;3;1-3-2019"), "row"),
    "utf16_no_bom.csv": (
        csv(OE_HEADER, GOOD_ROW, "Café Zuid B.V.;7811 AB;Emmen;3;1-3-2019", encoding="utf-16-le"),
        "",
    ),
    "utf16_bom.csv": (csv(OE_HEADER, GOOD_ROW, encoding="utf-16"), ""),
    "utf8_bom.csv": (csv(OE_HEADER, GOOD_ROW, encoding="utf-8-sig"), ""),
    "cp1252.csv": (
        csv("Firma;PLZ;Ort", "Müller Straßenbau GmbH;49716;Meppen", encoding="cp1252"),
        "",
    ),
    "mixed_delimiters.csv": (csv(OE_HEADER, GOOD_ROW, "A B.V.,7811 AB,Emmen,3,1-3-2019"), "row"),
    "unclosed_quote.csv": (
        csv(
            OE_HEADER,
            GOOD_ROW,
            '"A B.V.;7811 AB;Emmen;3;1-3-2019',
            GOOD_ROW.replace("Hofstra", "Bos"),
        ),
        "row",
    ),
    "empty.csv": (b"", "file"),
    "blank_lines.csv": (b"\n \n\t\n", "file"),
    "pdf_renamed.xlsx": (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "file"),
    "png_renamed.csv": (b"\x89PNG\r\n\x1a\n" + bytes(100), "file"),
    "html_error.csv": (b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "file"),
    "json_api.csv": (b'{"value": [{"Bedrijfsnaam": "Hofstra"}]}', "file"),
    "docx_renamed.xlsx": (
        rezip(xlsx(OE_ROWS), lambda _n, d: d, {"word/document.xml": b"<w/>"}).replace(
            b"xl/workbook.xml", b"xl/workbook.xmm"
        ),
        "file",
    ),
    "ods_renamed.xlsx": (
        rezip(
            xlsx(OE_ROWS),
            lambda _n, d: d,
            {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
        ).replace(b"xl/workbook.xml", b"xl/workbook.xmm"),
        "file",
    ),
    "random_binary.xls": (OLE_MAGIC + RANDOM.randbytes(4096), "file"),
    "random_noise.csv": (RANDOM.randbytes(4096), "file"),
    "zip_not_office.xlsx": (
        rezip(xlsx(OE_ROWS), lambda _n, d: d).replace(b"xl/workbook.xml", b"xl/workbook.xmm"),
        "file",
    ),
    "header_only.csv": (csv(OE_HEADER), "note"),
    "too_many_columns.csv": (
        csv(";".join(f"k{i}" for i in range(2000)), ";".join("1" for _ in range(2000))),
        "row",
    ),
    "too_many_rows.csv": (csv("a;b", *(["1;2"] * 250_000)), "file"),
    "members.pdf": (b"%PDF-1.4", "file"),
    "garbage_dates.csv": (
        csv(OE_HEADER, "A B.V.;7811 AB;Emmen;3;31-02-2022", "B B.V.;7811 AB;Emmen;3;gisteren"),
        "row",
    ),
    "hidden_sheet_only.xlsx": (xlsx(OE_ROWS, hidden=True), "sheet"),
    "formula_text.csv": (
        csv(OE_HEADER, "=SUM(A1:A2);7811 AB;Emmen;3;1-3-2019", GOOD_ROW),
        "",
    ),
    "duplicate_headers.csv": (
        csv("Bedrijfsnaam;Bedrijfsnaam;Postcode;Plaats", "A;B;7811 AB;Emmen"),
        "",
    ),
    "semicolon_in_name.csv": (csv(OE_HEADER, '"Bos; Zn B.V.";7811 AB;Emmen;3;1-3-2019'), ""),
    "postcode_outside.csv": (csv(OE_HEADER, "A B.V.;1012 AB;Amsterdam;3;1-3-2019"), "row"),
    "ole_empty.xls": (OLE_MAGIC + bytes(600), "file"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, (content, _where) in CORPUS.items():
        (folder / name).write_bytes(content)
    (folder / "link_to_passwd.csv").symlink_to("/etc/passwd")
    os.mkfifo(folder / "pipe.csv")
    return folder


def etl(*args: str, data: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = run_etl(data, *args)
    return done, time.monotonic() - started


@pytest.fixture(scope="module")
def checked(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict]]:
    data = tmp_path_factory.mktemp("check-data")
    files = sorted(str(p) for p in corpus.iterdir())
    done, _seconds = etl("check", "--json", *files, data=data)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr + done.stdout
    # the checking process itself stays small; each file's reader reports its own peak below
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 < MAX_MB
    yield {item["file"]: item for item in json.loads(done.stdout)["files"]}


def test_corpus_is_large_enough(checked: dict[str, dict]) -> None:
    assert len(checked) >= 40


@pytest.mark.parametrize("name", [*sorted(CORPUS), "link_to_passwd.csv", "pipe.csv"])
def test_every_file_gets_a_located_answer_in_three_languages(
    checked: dict[str, dict], name: str
) -> None:
    result = checked[name]
    where = CORPUS.get(name, (b"", "file"))[1]
    assert result["seconds"] is None or result["seconds"] < MAX_SECONDS
    assert result["peak_mb"] is None or result["peak_mb"] < MAX_MB
    assert result["kind_label"]["nl"] and result["kind_label"]["de"]
    if not where:  # a good file in an unusual form: everything loads
        assert result["accepted"] > 0 and result["rejects"] == [], result["rejects"]
        return
    if where == "note":  # nothing wrong, nothing to load: said in a note
        assert result["accepted"] == 0 and result["notices"], result
        assert result["notices"][0]["reason"]["de"] != result["notices"][0]["reason"]["en"]
        return
    assert result["rejects"], f"{name}: no answer"
    for reject in result["rejects"]:
        assert reject["file"] == name
        for lang in ("en", "nl", "de"):
            text = reject["reason"][lang]
            assert text and "Traceback" not in text and "{" not in text, (lang, text)
        assert reject["reason"]["nl"] != reject["reason"]["en"], "untranslated"
    first = result["rejects"][0]
    if where == "row":
        assert any(r["row_number"] for r in result["rejects"]), result["rejects"]
    if where == "sheet":
        assert first["sheet"] == "Leden"


def test_specific_answers(checked: dict[str, dict]) -> None:
    def reasons(name: str) -> str:
        return " | ".join(r["reason"]["en"] for r in checked[name]["rejects"])

    assert "XFD1048576" in reasons("far_cell.xlsx")
    assert "zip bomb" in reasons("zip_ratio.xlsx")
    assert "unpacks to" in reasons("zip_bomb.xlsx")
    assert "password" in reasons("encrypted.xlsx")
    assert "macros" in reasons("macros.xlsm")
    assert "damaged or incomplete" in reasons("truncated.xlsx")
    assert "NUL byte" in reasons("nul_byte.csv")
    assert "never closed" in reasons("unclosed_quote.csv")
    assert "“,”" in reasons("mixed_delimiters.csv")
    assert "link" in reasons("link_to_passwd.csv")
    assert "regular file" in reasons("pipe.csv")
    assert "more than 1,000,000" in reasons("huge_numbers.csv")
    assert "more than 1,000,000" in reasons("huge_numbers.xlsx")
    assert "Word document" in reasons("docx_renamed.xlsx")
    assert "OpenDocument" in reasons("ods_renamed.xlsx")
    # the file's own headers are quoted, and the near miss is named
    assert "“Bedrijfsnam”" in reasons("misspelled_headers.csv")
    assert "member list of OE" in reasons("misspelled_headers.csv")
    assert "“Nom de l'entreprise”" in reasons("french_headers.xlsx")
    assert {r["column_name"] for r in checked["huge_numbers.csv"]["rejects"]} == {
        "Aantal medewerkers"
    }
    # the rows around a broken one still load
    assert checked["unclosed_quote.csv"]["accepted"] == 2
    assert checked["nul_byte.csv"]["accepted"] == 1
    assert checked["mixed_delimiters.csv"]["accepted"] == 1
    assert checked["utf16_no_bom.csv"]["accepted"] == 2


def test_build_refuses_the_corpus_and_keeps_the_published_version(
    corpus: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "leden.csv").write_bytes(csv(OE_HEADER, GOOD_ROW))
    done, _ = etl("build", "--json", "--inbox", str(inbox), data=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    published = current_version(tmp_path / "warehouse")
    assert published is not None
    before = published.path.read_bytes()
    done, _seconds = etl(
        "build", "--json", "--inbox", str(inbox), "--inbox", str(corpus), data=tmp_path
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    answer = json.loads(done.stdout)
    assert answer["published"] is None and "publish gate" in answer["error"]
    assert "far_cell.xlsx" in answer["gate"]["unreadable"]
    assert "link_to_passwd.csv" in answer["gate"]["unreadable"]
    assert current_version(tmp_path / "warehouse") == published
    assert published.path.read_bytes() == before
    # rows of a file with rejects still load: check and build agree
    done, _ = etl(
        "build",
        "--json",
        "--inbox",
        str(inbox),
        "--inbox",
        str(corpus / "huge_numbers.csv"),
        data=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    files = {f["file"]: f for f in json.loads(done.stdout)["files"]}
    assert files["huge_numbers.csv"]["accepted"] == 1
