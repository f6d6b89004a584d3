"""KldB 2010 / BRC 2014 → ISCO-08 and SBI/WZ/NACE → section crosswalks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from etl import crosswalks

RAW = Path("/work/shared/data/raw/crosswalks")


def test_isco_groups_file_is_complete() -> None:
    with crosswalks.ISCO_GROUPS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["code", "level", "label_en", "label_nl", "label_de"]
    majors = [row for row in rows if row["level"] == "major"]
    sub_majors = [row for row in rows if row["level"] == "sub-major"]
    assert [row["code"] for row in majors] == [str(digit) for digit in range(10)]
    assert len(sub_majors) == 43
    assert all(row["code"][0] in {m["code"] for m in majors} for row in sub_majors)
    assert all(row["label_en"] and row["label_nl"] and row["label_de"] for row in rows)
    assert crosswalks.isco_label("7", "en") == "Craft and related trades workers"
    assert crosswalks.isco_label("7", "de") == "Handwerks- und verwandte Berufe"
    assert crosswalks.isco_label("7", "nl") == "Ambachtslieden"
    assert crosswalks.isco_label("25", "en") == (
        "Information and communications technology professionals"
    )


def test_every_kldb_code_maps_to_a_known_isco_unit_group() -> None:
    sub_majors = set(crosswalks.isco_groups("sub-major"))
    brc_isco = {isco for group in crosswalks.brc_groups() for isco in crosswalks.brc_to_isco(group)}
    codes = crosswalks.kldb_codes()
    assert len(codes) == 1301
    for code in codes:
        matches = crosswalks.kldb_to_isco(code)
        assert matches, code
        for isco, _rank in matches:
            assert len(isco) == 4 and isco.isdigit()
            assert crosswalks.isco_group(isco, 2) in sub_majors
            assert isco in brc_isco  # every target is in CBS's ISCO-08 list as well


def test_kldb_coverage() -> None:
    cover = crosswalks.coverage()
    print(f"crosswalk coverage: {cover}")
    assert cover["kldb_codes"] == 1301
    assert cover["kldb_with_rank1"] == 1.0  # every Berufsgattung has a BA-recommended match
    assert cover["kldb_isco_in_brc"] == 1.0
    assert cover["brc_groups"] == 114
    assert cover["brc_with_specified_isco"] == pytest.approx(113 / 114)


def test_kldb_five_digit_keeps_ba_ranks() -> None:
    # 52122 Berufskraftfahrer (Güterverkehr) – fachlich: BA recommends 8332 heavy truck drivers
    assert crosswalks.kldb_to_isco("52122") == [("8332", 1), ("8331", 2)]
    assert crosswalks.kldb_to_isco("01104") == [("0110", 1)]
    assert crosswalks.kldb_to_isco("99999") == []
    with pytest.raises(ValueError):
        crosswalks.kldb_to_isco("5212A")


def test_kldb_coarser_levels_aggregate_by_prefix() -> None:
    four = crosswalks.kldb_to_isco("5212")
    assert four[0] == ("8332", 1)
    assert [rank for _isco, rank in four] == list(range(1, len(four) + 1))
    whole_area = crosswalks.kldb_to_isco("5")
    members = {
        isco
        for code in crosswalks.kldb_codes()
        if code.startswith("5")
        for isco, _rank in crosswalks.kldb_to_isco(code)
    }
    assert {isco for isco, _rank in whole_area} == members
    # rank 1 of a group is the unit group recommended for most of its Berufsgattungen
    top = whole_area[0][0]
    recommended = [
        crosswalks.kldb_to_isco(code)[0][0]
        for code in crosswalks.kldb_codes()
        if code.startswith("5")
    ]
    assert recommended.count(top) == max(recommended.count(isco) for isco in set(recommended))


def test_every_brc_group_maps_to_isco() -> None:
    groups = crosswalks.brc_groups()
    assert len(groups) == 114
    for group in groups:
        assert crosswalks.brc_to_isco(group), group
    # Only "Managers z.n.d." consists of fill codes alone.
    empty = [g for g in groups if not crosswalks.brc_to_isco(g, specified_only=True)]
    assert empty == ["0551"]
    assert "7112" in crosswalks.brc_to_isco("0731")
    assert crosswalks.isco_to_brc("8332") == "1214"
    assert len(crosswalks.brc_to_isco("07")) > len(crosswalks.brc_to_isco("073"))


def test_isco_group_levels() -> None:
    assert crosswalks.isco_group("7112", 1) == "7"
    assert crosswalks.isco_group("7112", "major") == "7"
    assert crosswalks.isco_group("7112", 2) == "71"
    assert crosswalks.isco_group("0110", "sub-major") == "01"
    assert crosswalks.isco_group("1000", 1) == "1"
    for code, level in (("9999", 1), ("1000", 2), ("7", 2), ("71a2", 1)):
        with pytest.raises(ValueError):
            crosswalks.isco_group(code, level)
    with pytest.raises(ValueError):
        crosswalks.isco_group("7112", 3)


def test_every_nace_division_maps_to_a_section() -> None:
    divisions = crosswalks.nace_divisions()
    sbi = crosswalks.nace_divisions(sbi_only=True)
    assert len(sbi) == 86 and len(divisions) == 88
    assert set(divisions) - set(sbi) == {"05", "07"}
    sections = {crosswalks.nace_section(division) for division in divisions}
    assert sections == set("ABCDEFGHIJKLMNOPQRSTU")
    assert all(1 <= int(division) <= 99 for division in divisions)
    assert crosswalks.nace_section("05") == crosswalks.nace_section("07") == "B"


@pytest.mark.parametrize(
    ("code", "section"),
    [("62.01", "J"), ("6201", "J"), (62, "J"), ("01.13.1", "A"), (2, "A"), ("C", "C"), ("99", "U")],
)
def test_nace_section_accepts_usual_spellings(code: str | int, section: str) -> None:
    assert crosswalks.nace_section(code) == section


def test_nace_section_rejects_unknown() -> None:
    for code in ("04", "XX", "00"):
        with pytest.raises(ValueError):
            crosswalks.nace_section(code)


@pytest.mark.skipif(not RAW.exists(), reason="shared raw data not mounted")
def test_crosswalk_files_are_unchanged_copies() -> None:
    for name in (
        "kldb10_5d_to_isco08.csv",
        "labels_kldb10_1d_en.csv",
        "labels_kldb10_2d_en.csv",
        "labels_kldb10_3d_en.csv",
        "labels_kldb10_5d_en.csv",
        "brc2014_isco08_brc_crosswalk.csv",
    ):
        assert (crosswalks.CROSSWALK_DIR / name).read_bytes() == (RAW / name).read_bytes(), name


def test_crosswalk_sources_documented() -> None:
    text = (crosswalks.CROSSWALK_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert "© Statistik der Bundesagentur für Arbeit" in text
    assert "CC BY 4.0" in text
