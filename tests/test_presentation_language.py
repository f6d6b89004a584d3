"""What a reader sees is in the reader's language: milestone names, period labels, file kinds
and source titles in NL, DE and EN."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from core.versions import Version
from etl.intake import read_file
from etl.samples.records import MILESTONE_NAMES, MILESTONES


def test_milestone_name_columns_are_read_and_optional(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Meilensteine"
    for row in (
        ["Arbeitspaket", "Meilenstein", "Geplant am", "Erreicht am", "Meilenstein (NL)", "Milestone English"],
        ["AP 2", "Matchmaking erprobt", dt.date(2022, 3, 31), None, "Matchmaking beproefd", "Matchmaking tested"],
        ["AP 3", "KI-Werkstatt", dt.date(2023, 6, 30), None, "", None],
    ):  # fmt: skip
        sheet.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    frame = read_file(path).tables["milestone"]
    names = frame[["milestone_nl", "milestone_de", "milestone_en"]].astype(object)
    names = names.where(names.notna(), None)
    assert names["milestone_nl"].tolist() == ["Matchmaking beproefd", None]
    assert names["milestone_en"].tolist() == ["Matchmaking tested", None]
    assert names["milestone_de"].tolist() == [None, None]  # no such column in the sheet


@pytest.mark.usefixtures("published")
def test_milestones_are_named_in_the_readers_language(published: Version) -> None:
    from dia.data.project import milestones

    german = {text for _, text, _, _ in MILESTONES}
    by_lang = {lang: set(milestones(lang)["milestone"]) for lang in ("nl", "de", "en")}
    assert by_lang["nl"] == {MILESTONE_NAMES[text][0] for text in german}
    assert by_lang["en"] == {MILESTONE_NAMES[text][1] for text in german}
    # The sample sheet leaves the German column empty: German pages show the work plan's words.
    assert by_lang["de"] == german
    assert not by_lang["nl"] & (german - {"Energiekansenkaart Zuidoost-Drenthe/Emsland"})


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", "2e helft\n2021"), ("de", "2. Halbjahr\n2021"), ("en", "H2\n2021")],
)
def test_ledger_pdf_names_its_periods_in_the_report_language(
    published: Version, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str
) -> None:
    from matplotlib.figure import Figure

    from dia.data import project
    from dia.export import ledger

    seen: list[str] = []

    def keep_ticks(figure: Figure) -> bytes:
        seen.extend(t.get_text() for axes in figure.axes for t in axes.get_xticklabels())
        return b""

    monkeypatch.setattr(ledger, "_png", keep_ticks)
    cal = project.calendar()
    report = ledger.prepare(cal.current, lang, cal, is_sample=project.is_sample())  # type: ignore[arg-type]
    ledger.indicator_charts(report)
    assert expected in seen  # the project's first period, 2021-H2
    assert not [label for label in seen if "-H" in label or label.startswith("20")]


def test_every_kind_of_file_and_audit_entry_has_a_name_in_each_language() -> None:
    """The Data page shows names, not the keys ``etl`` and the audit log store."""
    from core import audit
    from core.filekinds import FILE_KINDS, kind_label
    from dia.uploads import audit_table
    from etl import records, registry
    from etl.memberlist import KIND_PREFIX

    declared = {
        value
        for module in registry.READERS
        for name, value in vars(module).items()
        if name.startswith("KIND") and isinstance(value, str) and name != "KIND_PREFIX"
    } | {records.KIND, f"{KIND_PREFIX}oe", f"{KIND_PREFIX}wve"}
    assert len(declared) >= 12
    assert declared - set(FILE_KINDS) == set()
    for kind in declared:
        assert kind_label(kind, "de") not in (kind, kind_label(kind, "en"))
    entries = [
        {"at": "2026-12-01T07:00:00+00:00", "event": event, "who": "a", "role": "staff",
         "what": "", "version": ""}
        for event in audit.EVENTS
    ]  # fmt: skip
    for lang in ("nl", "de"):
        table = audit_table(entries, lang)  # type: ignore[arg-type]
        events, roles = table.iloc[:, 1].tolist(), set(table.iloc[:, 3])
        assert not set(events) & set(audit.EVENTS) - {"export", "upload"}, events
        assert roles == {"Medewerker" if lang == "nl" else "Mitarbeitende"}


def test_every_source_title_of_the_warehouse_has_names_in_each_language(
    published: Version,
) -> None:
    """Titles are looked up in one register (``source_words.TITLES``) or are known texts; a
    title that is neither would reach German pages in Dutch (or the other way round)."""
    import duckdb

    from dia.render.source_words import SAMPLE_MARKER, SOURCE_TEXTS, TITLES, title

    with duckdb.connect(str(published.path), read_only=True) as con:
        titles = [row[0] for row in con.execute("SELECT DISTINCT title FROM source").fetchall()]
    assert len(titles) > 20
    for stored in titles:
        bare = SAMPLE_MARKER.sub("", stored)
        known = bare in TITLES or bare in SOURCE_TEXTS
        known = known or any(k.endswith(":") and bare.startswith(k) for k in TITLES)
        assert known, f"source title without names per language: {stored!r}"
        names = {lang: title(stored, lang) for lang in ("nl", "de")}
        if bare != stored:  # sample sources say so in the reader's words
            assert names["nl"].endswith("(voorbeelddata)") and "Voorbeelddata /" not in names["nl"]
            assert names["de"].endswith("(Beispieldaten)")


@pytest.mark.parametrize(
    ("lang", "foreign", "own"),
    [
        ("de", ("gegenereerd", "Ingeschrevenen", "Bron:", "Voorbeelddata /"), "(Beispieldaten)"),
        ("nl", ("generiert", "Studierende", "Quelle:", "Voorbeelddata /"), "(voorbeelddata)"),
    ],
)
def test_training_page_names_its_sources_in_the_readers_language(
    published: Version, lang: str, foreign: tuple[str, ...], own: str
) -> None:
    from dia.policy import Role
    from tests.apptest import index_of, open_page

    at = open_page("views/training.py", index_of(Role.STAFF, "OE"), lang)
    assert not at.exception
    captions = [c.value for c in at.caption]
    lines = [c for c in captions if c.startswith(("Bron:", "Quelle:"))]
    assert lines, captions
    assert own in lines[0]
    text = "\n".join(captions)
    assert not [word for word in foreign if word in text], text
