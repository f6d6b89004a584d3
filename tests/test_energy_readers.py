"""Energy readers: MaStR capacity, the long-format capacity template, the opportunity list and
the published-facts file — recognised by content, with rejects that name row and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from etl.energy import templates
from etl.intake import read_file
from etl.readers import energy_capacity, energy_opportunities, mastr
from etl.readers import reference_facts as facts_reader
from etl.registry import detect
from etl.samples import energy as energy_samples

ROOT = Path(__file__).resolve().parent.parent
MASTR_DIR = ROOT / "data" / "reference" / "inputs" / "energy_de"
FACTS_FILE = (
    ROOT / "data" / "reference" / "inputs" / "facts_web" / "regional_facts_from_web_pages.csv"
)
FIXTURES = Path(__file__).parent / "fixtures" / "energy"
FORMATS = Path(__file__).parent / "fixtures" / "formats"

# Published Emsland totals in MW (docs/energy.md): end 2021 and end 2023.
EMSLAND_MW = {
    2021: {"solar": 604.104, "wind": 1197.079, "biomass": 172.341, "hydro": 0.150},
    2023: {"solar": 778.898, "wind": 1135.044, "biomass": 183.721, "hydro": 0.150},
}


def mastr_file(year: int) -> Path:
    return MASTR_DIR / f"mastr_emsland_{year}.csv"


@pytest.mark.parametrize("year", [2021, 2023])
def test_mastr_kreis_total_equals_sum_of_gemeinden(year: int) -> None:
    result = read_file(mastr_file(year))
    assert result.kind == mastr.KIND
    assert not result.rejects
    gemeinden = result.tables["energy_capacity"]
    totals = result.tables["energy_capacity_total"]
    assert gemeinden["region_code"].nunique() == 60
    assert set(gemeinden["year"]) == {year}
    summed = gemeinden.groupby("technology")["capacity_mw"].sum()
    kreis = totals[totals["region_code"] == "03454"].set_index("technology")["capacity_mw"]
    for technology, expected in EMSLAND_MW[year].items():
        assert summed[technology] == pytest.approx(kreis[technology], abs=1e-6)
        assert summed[technology] == pytest.approx(expected, abs=0.001)
    # the Land and Germany rows are context, never Gemeinden
    assert set(totals["region_code"]) == {"03454", "03", "DG"}
    assert result.sources[0].attribution == "© Bundesnetzagentur, Marktstammdatenregister"
    assert result.sources[0].vintage == f"{year}-12-31"


def test_mastr_wind_decreases_as_published() -> None:
    """1,197 → 1,135 MW: kept as the register has it (the page says to check it)."""
    wind = {
        year: read_file(mastr_file(year))
        .tables["energy_capacity"]
        .query("technology == 'wind'")["capacity_mw"]
        .sum()
        for year in (2021, 2023)
    }
    assert round(wind[2021]) == 1197
    assert round(wind[2023]) == 1135


def test_mastr_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    renamed = tmp_path / "download 2023 (1).csv"
    shutil.copy(mastr_file(2023), renamed)
    found = detect(renamed)
    assert found.kind == mastr.KIND
    # without any year the file is rejected as a whole, with the reason
    nameless = tmp_path / "leistung.csv"
    shutil.copy(mastr_file(2023), nameless)
    result = read_file(nameless)
    assert result.accepted == 0
    assert [r.reason for r in result.rejects] == [mastr.REJECT_NO_YEAR]


def test_mastr_rejects_name_row_and_column() -> None:
    result = read_file(FIXTURES / "mastr_emsland_2023_defects.csv")
    assert result.kind == mastr.KIND
    where = {(r.row_number, r.column_name, r.value) for r in result.rejects}
    assert where == {
        (4, "ags", "03454099"),
        (5, "wind_on", "twelve"),
        (6, "pv", "-5"),
    }
    capacity = result.tables["energy_capacity"]
    # a Gemeinde key that lost its leading zero in Excel is restored (3454035 → Meppen)
    assert "03454035" in set(capacity["region_code"])
    # a dash is "no units": 0 kW, not a reject
    papenburg_hydro = capacity.query("region_code == '03454044' and technology == 'hydro'")
    assert papenburg_hydro["capacity_mw"].tolist() == [0.0]
    # rows outside the Kreis are left out on purpose, and said so
    assert result.skipped == 1 and result.notes


def test_capacity_template_rejects_name_row_and_column() -> None:
    result = read_file(FIXTURES / "energy_capacity_errors.csv")
    assert result.kind == energy_capacity.KIND
    where = {(r.row_number, r.column_name, r.reason) for r in result.rejects}
    assert where == {
        (3, "regiocode", energy_capacity.REJECT_REGION),
        (4, "regiocode", energy_capacity.REJECT_REGION),  # a Samtgemeinde: summed by the build
        (5, "jaar", energy_capacity.REJECT_YEAR),
        (6, "techniek", energy_capacity.REJECT_TECHNOLOGY),
        (7, "vermogen_mw", energy_capacity.REJECT_CAPACITY),
        (8, "bron", energy_capacity.REJECT_REQUIRED),
        (9, "regiocode", energy_capacity.REJECT_DUPLICATE),
    }
    rows = result.tables["energy_capacity"].set_index("region_code")
    assert rows.loc["GM0114", "capacity_mw"] == pytest.approx(301.5)  # decimal comma
    assert rows.loc["03454032", "technology"] == "biomass"
    assert not result.sources[0].is_sample


def test_sample_capacity_file_is_labelled_sample(tmp_path: Path) -> None:
    path = energy_samples.write_capacity(tmp_path / energy_samples.CAPACITY_FILE)
    result = read_file(path)
    assert result.kind == energy_capacity.KIND and not result.rejects
    assert all(source.is_sample for source in result.sources)
    assert "Voorbeelddata / Beispieldaten" in result.sources[0].title
    frame = result.tables["energy_capacity"]
    assert set(frame["region_code"]) == {"GM0114", "GM0109", "GM1681"}
    assert set(frame["year"]) == {2021, 2023}


def test_kw_column_is_converted(tmp_path: Path) -> None:
    path = tmp_path / "leistung.csv"
    path.write_text(
        "Regionalschlüssel;Jahr;Technologie;Leistung (kW);Quelle\n"
        "03454032;2024;Photovoltaik;48.500,5;Stadt Lingen\n",
        encoding="utf-8",
    )
    result = read_file(path)
    assert result.kind == energy_capacity.KIND, result.rejects
    assert result.tables["energy_capacity"]["capacity_mw"].tolist() == [pytest.approx(48.5005)]


def _fill(template: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook[templates.DATA_SHEET]
    for row in rows:
        sheet.append(row)
    workbook.save(template)
    return template


def test_opportunity_template_has_instructions_and_drop_downs(tmp_path: Path) -> None:
    path = templates.write_opportunity_template(tmp_path / templates.OPPORTUNITIES_FILE)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        templates.DATA_SHEET,
        templates.HELP_SHEET,
        templates.LISTS_SHEET,
    ]
    help_text = " ".join(
        str(cell.value) for row in workbook[templates.HELP_SHEET].iter_rows() for cell in row
    )
    assert "NL:" in help_text and "DE:" in help_text
    validated = {
        str(validation.sqref).split(":")[0][0]: validation.formula1
        for validation in workbook[templates.DATA_SHEET].data_validations.dataValidation
    }
    header = [cell.value for cell in workbook[templates.DATA_SHEET][1]]
    column = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(header)}
    assert "waterstof / Wasserstoff" in validated[column["technology"]]
    assert "OE" in validated[column["lead_association"]]
    assert templates.LISTS_SHEET in validated[column["region"]]
    # the blank template is recognised and reads as empty
    assert detect(path).kind == energy_opportunities.KIND
    # a byte-identical file when nothing changed
    again = templates.write_opportunity_template(tmp_path / "again.xlsx")
    assert again.read_bytes() == path.read_bytes()


def test_opportunity_rows_are_read_and_rejected_by_row_and_column(tmp_path: Path) -> None:
    path = _fill(
        templates.write_opportunity_template(tmp_path / templates.OPPORTUNITIES_FILE),
        [
            [
                "P1",
                "Zonnepark A",
                None,
                "GM0109 Coevorden",
                "zon / Solar",
                "bouw / Bau",
                12.5,
                2026,
                "Installateurs",
                "7411, 3113",
                "OE",
            ],
            [
                "P2",
                "Windpark B",
                None,
                "Lingen (Ems)",
                "wind",
                "Genehmigung",
                None,
                None,
                None,
                None,
                "WVE",
            ],
            [
                "P3",
                "Kernreactor",
                None,
                "GM0114",
                "kernenergie",
                "idee",
                None,
                None,
                None,
                None,
                "OE",
            ],
            ["P4", "Ergens", None, "Groningen", "wind", "idee", None, None, None, None, "OE"],
            ["P5", "Zonder fase", None, "GM0114", "zon", None, None, None, None, None, "OE"],
            [
                "P6",
                "Verkeerde trekker",
                None,
                "GM0114",
                "zon",
                "idee",
                None,
                None,
                None,
                None,
                "XYZ",
            ],
            ["P7", "Negatief", None, "GM0114", "zon", "idee", -5, None, None, None, "OE"],
            [
                "P8",
                "Rare beroepen",
                None,
                "GM0114",
                "warmte",
                "idee",
                None,
                None,
                None,
                "74x1; 7126",
                "OE",
            ],
            ["P1", "Dubbel", None, "GM0114", "zon", "idee", None, None, None, None, "OE"],
        ],
    )
    result = read_file(path)
    assert result.kind == energy_opportunities.KIND
    where = {(r.row_number, r.column_name, r.reason) for r in result.rejects}
    assert where == {
        (4, "technology", energy_opportunities.REJECT_TECHNOLOGY),
        (5, "region", energy_opportunities.REJECT_REGION),
        (6, "stage", energy_opportunities.REJECT_REQUIRED),
        (7, "lead_association", energy_opportunities.REJECT_ASSOCIATION),
        (8, "capacity_mw", energy_opportunities.REJECT_CAPACITY),
        (9, "skills", energy_opportunities.REJECT_SKILL),
        (10, "opportunity_id", energy_opportunities.REJECT_DUPLICATE_ID),
    }
    rows = result.tables["energy_opportunity"].set_index("opportunity_id")
    assert rows.loc["P1", "region_id"] == "GM0109"
    assert rows.loc["P1", "technology"] == "solar" and rows.loc["P1", "stage"] == "construction"
    assert rows.loc["P1", "skills"] == "7411;3113"
    # a name is enough; a Gemeinde wins over its Einheitsgemeinde of the same name
    assert rows.loc["P2", "region_id"] == "03454032"
    assert rows.loc["P2", "stage"] == "permitting"
    assert pd.isna(rows.loc["P2", "capacity_mw"])


def test_sample_project_lists_have_dutch_and_german_headers(tmp_path: Path) -> None:
    paths = energy_samples.generate(tmp_path)
    results = {path.name: read_file(path) for path in paths}
    oe = results[energy_samples.OE_FILE]
    wve = results[energy_samples.WVE_FILE]
    for result in (oe, wve):
        assert result.kind == energy_opportunities.KIND
        assert not result.rejects
        assert result.sources[0].is_sample
    assert set(oe.tables["energy_opportunity"]["lead_association"]) == {"OE"}
    assert set(wve.tables["energy_opportunity"]["lead_association"]) == {"WVE"}
    technologies = set(oe.tables["energy_opportunity"]["technology"]) | set(
        wve.tables["energy_opportunity"]["technology"]
    )
    assert technologies == {"wind", "solar", "hydrogen", "heat", "biogas", "grid_storage"}
    # deterministic
    again = energy_samples.generate(tmp_path / "again")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in paths]


def test_published_facts_keep_source_and_quote() -> None:
    result = read_file(FACTS_FILE)
    assert result.kind == facts_reader.KIND and not result.rejects
    frame = result.tables["reference_fact"]
    emmen = frame[
        (frame["region_code"] == "GM0114") & frame["indicator"].str.contains("solar")
    ].set_index("reference_date")
    assert emmen.loc["2018-12-31", "value"] == 55
    assert emmen.loc["2019-12-31", "value"] == 73
    assert "73 megawatt" in emmen.loc["2019-12-31", "quote"]
    assert emmen.loc["2019-12-31", "source_url"].startswith("https://")
    # a figure that is not one number is kept as text
    area = frame[frame["indicator"].str.startswith("area")]
    assert area["value"].isna().all() and area["value_text"].iloc[0].startswith("277.89")


@pytest.mark.parametrize(
    "path",
    [
        mastr_file(2021),
        FIXTURES / "energy_capacity_errors.csv",
        FACTS_FILE,
    ],
    ids=lambda p: p.name,
)
def test_energy_files_are_not_claimed_by_other_readers(path: Path) -> None:
    from etl.readers import genesis, longformat, members, statline

    for reader in (members, statline, genesis, longformat):
        assert reader.detect(path) is None, reader.__name__


def test_sample_workbooks_are_not_member_lists(tmp_path: Path) -> None:
    from etl.readers import members

    for path in energy_samples.generate(tmp_path):
        assert members.detect(path) is None, path.name


def test_statistics_files_are_not_claimed_by_energy_readers() -> None:
    for path in sorted(FORMATS.glob("*")):
        if path.suffix not in {".csv", ".xlsx"}:
            continue
        for reader in (mastr, energy_capacity, energy_opportunities, facts_reader):
            assert reader.detect(path) is None, (reader.__name__, path.name)
