"""Statistics readers on real CBS StatLine and GENESIS downloads and the long-format template."""

from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from etl.explain import explain_statistics
from etl.model import ReadResult
from etl.readers import genesis, longformat, statline, textfile
from etl.readers.textfile import STATISTIC_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
READERS: tuple[ModuleType, ...] = (statline, genesis, longformat)

# Every real fixture file and the kind its content must be detected as.
REAL_FILES: dict[str, str] = {
    "SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv": "statline_flat",
    "Nabijheid_voorzieningen__afstand_locatie__wijk__en_buurtcijfers_2021_17012023_183355.csv": (
        "statline_pivoted"
    ),
    "table__85231ENG.csv": "statline_table_en",
    "12411-01-01-4.csv": "genesis_werte",
    "12411-01-01-4_ffcsv_2024-06_legacy_de.csv": "genesis_ffcsv_2024",
    "13111-01-03-4_ffcsv_2024-06_legacy_de.csv": "genesis_ffcsv_2024",
    "AI-N-01-2-5_ffcsv_2024-06_legacy_de.csv": "genesis_ffcsv_2024",
    "11111-02-01-4_1773174974558_de_flat.csv": "genesis_flat_2025",
    "12411-01-01-4_1773175772751_de_flat.csv": "genesis_flat_2025",
    "13111-01-03-4_1749623409083_de_flat.csv": "genesis_flat_2025",
    "61511-01-03-4_1773175078131_de_flat.csv": "genesis_flat_2025",
    "73111-01-01-4_1773175092845_de_flat.csv": "genesis_flat_2025",
    "AI-N-01-2-5_1773175147935_de_flat.csv": "genesis_flat_2025",
    "1000A-0000_1773175153999_de_flat.csv": "genesis_flat_2025",
}
LONGFORMAT_FILES = (
    "longformat_nl.csv",
    "longformat_nl_cp1252.csv",
    "longformat_nl_comma.csv",
    "longformat_errors.csv",
    "longformat_de.xlsx",
)
KIND_READER = {
    "statline": statline,
    "genesis": genesis,
    "statistics": longformat,
}


def reader_for(kind: str) -> ModuleType:
    return KIND_READER[kind.split("_")[0]]


_cache: dict[str, ReadResult] = {}


def read(name: str) -> ReadResult:
    if name not in _cache:
        kind = REAL_FILES.get(name, "statistics_longformat")
        _cache[name] = reader_for(kind).read(FIXTURES / name)
    return _cache[name]


def frame(name: str) -> pd.DataFrame:
    return read(name).tables["statistic"]


def one(frame: pd.DataFrame, **where: object) -> pd.Series:
    """The single row matching ``where``; ``None`` in ``where`` means a missing value."""
    mask = pd.Series(True, index=frame.index)
    for column, expected in where.items():
        mask &= frame[column].isna() if expected is None else frame[column] == expected
    rows = frame[mask]
    assert len(rows) == 1, f"{len(rows)} rows match {where}"
    return rows.iloc[0]


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(("name", "kind"), sorted(REAL_FILES.items()))
def test_real_file_detected_by_exactly_one_reader(name: str, kind: str) -> None:
    path = FIXTURES / name
    found = {reader.__name__: reader.detect(path) for reader in READERS}
    assert [value for value in found.values() if value] == [kind], found


@pytest.mark.parametrize("name", LONGFORMAT_FILES)
def test_longformat_file_detected_only_as_longformat(name: str) -> None:
    path = FIXTURES / name
    assert longformat.detect(path) == "statistics_longformat"
    assert statline.detect(path) is None
    assert genesis.detect(path) is None


def test_fixtures_are_the_complete_real_set() -> None:
    csvs = {path.name for path in FIXTURES.glob("*.csv") if not path.name.startswith("long")}
    assert csvs == set(REAL_FILES)


def test_registry_routes_statistics_files_to_these_readers() -> None:
    from etl.registry import detect

    for name, kind in REAL_FILES.items():
        assert detect(FIXTURES / name).kind == kind, name


def test_detect_none_for_binary_empty_and_foreign_files(tmp_path: Path) -> None:
    binary = tmp_path / "random.csv"
    binary.write_bytes(random.Random(7).randbytes(8192))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.csv"
    blank.write_text("\n\n  \n", encoding="utf-8")
    members = tmp_path / "members.csv"
    members.write_text("Firma;PLZ;Ort;Umsatz (EUR)\nMuster GmbH;49716;Meppen;12\n", "utf-8")
    zipped = tmp_path / "download.csv"
    zipped.write_bytes(b"PK\x03\x04" + bytes(200))
    for path in (binary, empty, blank, members, zipped, tmp_path / "missing.csv"):
        for reader in READERS:
            assert reader.detect(path) is None, (path.name, reader.__name__)


def test_detect_reads_only_the_head(tmp_path: Path) -> None:
    # A huge tail after a GENESIS flat header must not be read by detect.
    path = tmp_path / "big.csv"
    source = (FIXTURES / "11111-02-01-4_1773174974558_de_flat.csv").read_bytes()
    path.write_bytes(source + b"x" * 5_000_000)
    assert genesis.detect(path) == "genesis_flat_2025"


def test_excel_without_template_headers_is_not_longformat(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Firma", "PLZ", "Ort"])
    sheet.append(["Muster GmbH", "49716", "Meppen"])
    path = tmp_path / "members.xlsx"
    workbook.save(path)
    assert longformat.detect(path) is None
    assert "Excel file without the template's headers" in explain_statistics(path)


# --------------------------------------------------------------------------- every real file


@pytest.mark.parametrize("name", sorted(REAL_FILES))
def test_real_file_parses_without_rejects(name: str) -> None:
    result = read(name)
    statistic = result.tables["statistic"]
    assert result.kind == REAL_FILES[name]
    assert result.rejects == []
    assert list(statistic.columns) == list(STATISTIC_COLUMNS)
    assert len(statistic) > 0
    assert statistic["value"].dtype == "float64"
    # Every figure has a value or a published symbol, and points to a declared source.
    assert (statistic["value"].notna() | statistic["symbol"].notna()).all()
    assert set(statistic["source_id"]) == {source.source_id for source in result.sources}
    # Codes and names are stripped; totals have neither classification nor code.
    for column in ("region_code", "region_name", "measure"):
        assert (statistic[column] == statistic[column].str.strip()).all()
    assert (statistic["classification"].isna() == statistic["class_code"].isna()).all()
    assert not statistic["period"].str.contains(r"\.", regex=True).any()


@pytest.mark.parametrize("name", sorted(n for n, k in REAL_FILES.items() if "genesis" in k))
def test_genesis_sources_carry_licence_and_attribution(name: str) -> None:
    (source,) = read(name).sources
    assert source.licence.endswith("(dl-de/by-2-0)")
    assert source.attribution.startswith(
        "© Statistische Ämter des Bundes und der Länder, Deutschland, 20"
    )
    assert source.title.endswith(")") and source.vintage


@pytest.mark.parametrize("name", sorted(n for n, k in REAL_FILES.items() if "statline" in k))
def test_cbs_sources_carry_licence_and_attribution(name: str) -> None:
    (source,) = read(name).sources
    assert (source.licence, source.attribution) == ("CC BY 4.0", "Bron: CBS")
    assert source.publisher.startswith("Centraal Bureau voor de Statistiek")


# --------------------------------------------------------------------------- GENESIS figures


def test_population_2024_flat_2025() -> None:
    rows = frame("12411-01-01-4_1773175772751_de_flat.csv")
    emsland = rows[(rows.region_code == "03454") & (rows.measure == "BEVSTD")]
    assert one(emsland, class_code=None)["value"] == 334_539
    assert one(emsland, class_code="GESM")["value"] == 169_840
    assert one(emsland, class_code="GESW")["value"] == 164_699
    row = one(emsland, class_code="GESW")
    assert (row.classification, row.period, row.source_geography) == (
        "sex",
        "2024-12-31",
        "kreis",
    )
    assert (row.region_name, row.unit) == ("Emsland, Landkreis", "Anzahl")


def test_population_2022_ffcsv_2024() -> None:
    rows = frame("12411-01-01-4_ffcsv_2024-06_legacy_de.csv")
    total = one(rows, region_code="03454", class_code=None)
    assert (total.value, total.period, total.measure) == (338_052, "2022-12-31", "BEVSTD")
    assert total.region_name == "Emsland, Landkreis"  # the file indents it with spaces
    assert set(rows.source_geography) == {"staat", "bundesland", "kreis"}


def test_population_2015_werte_csv() -> None:
    result = read("12411-01-01-4.csv")
    rows = result.tables["statistic"]
    emsland = rows[rows.region_code == "03454"]
    assert one(emsland, class_code=None)["value"] == 319_488
    assert one(emsland, class_code="GESM")["value"] == 162_482
    assert one(emsland, class_code="GESW")["value"] == 157_006
    assert set(emsland.period) == {"2015-12-31"}
    assert one(rows, region_code="DG", class_code=None)["value"] == 82_175_684
    assert one(rows, region_code="01003", class_code=None)["region_name"] == (
        "Lübeck, Hansestadt, Kreisfreie Stadt"  # ISO-8859-1 decoded
    )
    # Dissolved Kreise: "-" kept as symbol, no value.
    goettingen = one(rows, region_code="03159", class_code=None)
    assert pd.isna(goettingen.value) and goettingen.symbol == "-"
    (source,) = result.sources
    assert source.attribution == "© Statistische Ämter des Bundes und der Länder, Deutschland, 2017"
    assert source.vintage == "2015-12-31 (Stand 2017-12-14)"
    assert source.title == "Bevölkerungsstand: Bevölkerung nach Geschlecht (12411-01-01-4)"
    assert result.skipped == 4  # "__________", footnote, ©, Stand
    assert any("Zensus 2011" in note for note in result.notes)
    assert set(rows.source_geography) == {
        "staat",
        "bundesland",
        "regierungsbezirk",
        "kreis",
        "gemeinde",
    }
    # Kreis-level table, yet three cities appear with their 8-digit Gemeinde code.
    assert set(rows[rows.source_geography == "gemeinde"].region_code) == {
        "03241001",  # Hannover (Region Hannover)
        "05334002",  # Aachen (Städteregion Aachen)
        "10041100",  # Saarbrücken (Regionalverband Saarbrücken)
    }


def test_employment_2023_ffcsv_2024() -> None:
    rows = frame("13111-01-03-4_ffcsv_2024-06_legacy_de.csv")
    emsland = rows[(rows.region_code == "03454") & (rows.measure == "ERW032")]
    assert one(emsland, class_code=None)["value"] == 151_373
    assert one(emsland, class_code="GESM")["value"] == 89_947
    assert one(emsland, class_code="GESW")["value"] == 61_426
    foreign = one(emsland, class_code="NATA")
    assert (foreign.value, foreign.classification) == (20_972, "nationality")
    assert set(emsland.period) == {"2023-06-30"}


def test_employment_2024_flat_2025() -> None:
    rows = frame("13111-01-03-4_1749623409083_de_flat.csv")
    emsland = rows[rows.region_code == "03454"]
    assert one(emsland, class_code=None)["value"] == 153_133
    assert one(emsland, class_code="GESM")["value"] == 90_284
    assert one(emsland, class_code="GESW")["value"] == 62_849
    assert one(emsland, class_code="NATA")["value"] == 22_207
    # Two breakdowns at once become one combined classification.
    both = one(emsland, class_code="NATA|GESM")
    assert (both.classification, both.class_label) == ("nationality|sex", "ausländisch|männlich")
    assert one(rows, region_code="DG", class_code=None)["source_geography"] == "staat"
    assert one(rows, region_code="03", class_code=None)["source_geography"] == "bundesland"


def test_number_of_gemeinden() -> None:
    row = one(frame("11111-02-01-4_1773174974558_de_flat.csv"), region_code="03454")
    assert (row.value, row.measure, row.period) == (60, "GEM001", "2024-12-31")


def test_zensus_gemeinden_use_eight_digit_ags() -> None:
    rows = frame("1000A-0000_1773175153999_de_flat.csv")
    gemeinden = rows[rows.source_geography == "gemeinde"]
    assert len(gemeinden) == 60
    assert gemeinden.value.sum() == 328_946
    assert gemeinden.region_code.str.fullmatch(r"03454\d{3}").all()
    # 034545405017 (Samtgemeinde Lengerich 5405) → AGS 03454017
    assert one(gemeinden, region_code="03454017")["region_name"] == "Handrup"
    assert one(rows, region_code="DG")["value"] == 82_719_540
    (source,) = read("1000A-0000_1773175153999_de_flat.csv").sources
    assert source.publisher.endswith("(Zensus 2022)")


def test_building_land_prices_with_decimal_comma_and_symbols() -> None:
    rows = frame("61511-01-03-4_1773175078131_de_flat.csv")
    emsland = rows[(rows.region_code == "03454") & (rows.measure == "BAU004")]
    assert one(emsland, class_code=None)["value"] == pytest.approx(55.71)
    ready = one(emsland, class_code="BAUNW101")
    assert ready.value == pytest.approx(113.06)
    assert (ready.unit, ready.class_label) == ("EUR", "baureifes Land")
    missing = rows[rows.symbol.notna()]
    assert len(missing) > 0
    assert set(missing.symbol) == {"."} and missing.value.isna().all()
    delmenhorst = one(rows, region_code="03401", measure="BAU002", class_code="BAUNW101")
    assert pd.isna(delmenhorst.value) and delmenhorst.symbol == "."


def test_income_tax_2021() -> None:
    rows = frame("73111-01-01-4_1773175092845_de_flat.csv")
    assert one(rows, region_code="03454", measure="LSNW01")["value"] == 163_511
    income = one(rows, region_code="03454", measure="EKF002")
    assert (income.value, income.unit) == (7_247_771, "Tsd. EUR")  # €7.25 bn


def test_regionalatlas_gemeinden() -> None:
    flat = frame("AI-N-01-2-5_1773175147935_de_flat.csv")
    assert flat.region_code.nunique() == 60
    assert set(flat.source_geography) == {"gemeinde"}
    assert one(flat, region_code="03454037", measure="AI0111")["value"] == pytest.approx(12.8)
    assert one(flat, region_code="03454038", measure="AI0112")["value"] == pytest.approx(-0.4)
    legacy = frame("AI-N-01-2-5_ffcsv_2024-06_legacy_de.csv")
    kreis = one(legacy, region_code="03454", measure="AI0111")
    assert (kreis.value, kreis.unit, kreis.period) == (13.8, "Prozent", "2022")
    assert legacy.region_code.nunique() == 61


# --------------------------------------------------------------------------- CBS figures


def test_cbs_flat_values_and_symbols() -> None:
    rows = frame("SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv")
    # "2019";"Amsterdam";"GM0363    ";"  457400";"    20.8";…;"  -0.100";"   1.010"
    amsterdam = rows[rows.region_code == "GM0363"]
    assert one(amsterdam, measure="particuliere_huishoudens")["value"] == 457_400
    score = one(amsterdam, measure="ses_woa_totaalscore_gemiddelde_score")
    assert (score.value, score.unit, score.measure_label) == (
        -0.1,
        "Getal",
        "SES-WOA/Totaalscore/Gemiddelde score",
    )
    low = one(amsterdam, measure="opleidingsniveau_laag_waarde")
    assert (low.value, low.unit, low.period) == (20.8, "%", "2019")
    # "BU03630100" Stationsplein e.o.: "       ." → no value, symbol kept
    station = one(rows, region_code="BU03630100", measure="opleidingsniveau_laag_waarde")
    assert pd.isna(station.value) and station.symbol == "."
    assert station.region_name == "Stationsplein e.o."
    assert dict(rows.drop_duplicates("region_code").source_geography.value_counts()) == {
        "buurt": 479,
        "wijk": 99,
        "gemeente": 1,
    }
    assert len(rows) == 579 * 6


def test_cbs_pivoted_values_and_symbols() -> None:
    result = read(
        "Nabijheid_voorzieningen__afstand_locatie__wijk__en_buurtcijfers_2021_17012023_183355.csv"
    )
    rows = result.tables["statistic"]
    doctor = "Gezondheid en welzijn|Huisartsenpraktijk|Afstand tot huisartsenpraktijk"
    # …;"km";"1,0";"2,5";"0,9";…
    aa_en_hunze = one(rows, region_code="GM1680", measure_label=doctor)
    assert (aa_en_hunze.value, aa_en_hunze.unit, aa_en_hunze.period) == (2.5, "km", "2021")
    assert (aa_en_hunze.region_name, aa_en_hunze.source_geography) == ("Aa en Hunze", "gemeente")
    assert one(rows, region_code="NL00", measure_label=doctor)["source_geography"] == "land"
    # "Afstand tot brandweerkazerne";"km";"2,1";…
    assert one(rows, region_code="NL00", measure_label="Afstand tot brandweerkazerne").value == 2.1
    post = rows[rows.measure_label.str.endswith("Afstand tot huisartsenpost")]
    assert len(post) == 8 and post.value.isna().all() and set(post.symbol) == {"."}
    assert rows.region_code.nunique() == 8
    assert result.skipped == 1  # "Bron: CBS"
    assert result.sources[0].title.startswith("Nabijheid voorzieningen; afstand locatie")


def test_cbs_english_table_without_codes_or_period() -> None:
    result = read("table__85231ENG.csv")
    rows = result.tables["statistic"]
    assert len(rows) == 100
    assert (rows.region_code == "").all() and (rows.period == "").all()
    assert one(rows, region_name="Netherlands")["symbol"] == "."
    annen = one(rows, region_name="Wijk 00 Annen")
    assert (annen.value, annen.source_geography, annen.unit) == (1.0, "wijk", "code")
    assert any("no period column" in note for note in result.notes)
    assert result.sources[0].source_id == "cbs:85231ENG"


# --------------------------------------------------------------------------- broken copies


def test_genesis_rejects_carry_line_and_column(tmp_path: Path) -> None:
    werte = (FIXTURES / "12411-01-01-4.csv").read_bytes()
    path = tmp_path / "werte.csv"
    path.write_bytes(werte.replace(b"Emsland, Landkreis;319488;", b"Emsland, Landkreis;31948a;"))
    (bad,) = genesis.read(path).rejects
    assert (bad.row_number, bad.column_name, bad.value) == (
        71,
        "Bevölkerungsstand / Insgesamt / 2015-12-31",
        "31948a",
    )
    lines = (FIXTURES / "13111-01-03-4_1749623409083_de_flat.csv").read_text("utf-8-sig")
    broken = lines.splitlines()
    broken[3] = broken[3].replace(";9150;", ";91x50;")
    broken[5] = broken[5].replace("2024-06-30", "2024-13-30")
    path = tmp_path / "flat.csv"
    path.write_text("\n".join(broken) + "\n", encoding="utf-8-sig")
    result = genesis.read(path)
    found = [(r.row_number, r.column_name, r.value) for r in result.rejects]
    assert found == [(4, "value", "91x50"), (6, "time", "2024-13-30")]
    assert len(result.tables["statistic"]) == 114 - 2


def test_genesis_werte_with_measure_header_row(tmp_path: Path) -> None:
    text = (
        "GENESIS-Tabelle: 82111-01-05-4\n"
        "Erwerbstätige und Arbeitnehmer;;;;\n"
        "regionale Tiefe: Kreise und krfr. Städte;;;;\n"
        ";;Jahr;Jahr;Jahr\n"
        ";;2021;2021;2022\n"
        ";;Erwerbstätige (1000 Personen);Arbeitnehmer (1000 Personen);Erwerbstätige (1000 Personen)\n"
        "03454;      Emsland, Landkreis;185,3;x;187,0\n"
        "__________\n"
        '"© Statistische Ämter des Bundes und der Länder, Deutschland, 2024."\n'
    )
    path = tmp_path / "multi.csv"
    path.write_bytes(text.encode("cp1252"))
    assert genesis.detect(path) == "genesis_werte"
    rows = genesis.read(path).tables["statistic"]
    assert list(zip(rows.period, rows.measure_label, rows.value.fillna(-1), strict=True)) == [
        ("2021", "Erwerbstätige", 185.3),
        ("2021", "Arbeitnehmer", -1),
        ("2022", "Erwerbstätige", 187.0),
    ]
    assert set(rows.unit) == {"1000 Personen"}


def test_cbs_provisional_period_and_bad_number(tmp_path: Path) -> None:
    text = (FIXTURES / "SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv").read_text(
        "utf-8-sig"
    )
    text = text.replace('"2019";"Amsterdam"', '"2022*";"Amsterdam"').replace(
        '"BU03630000";"     700"', '"BU03630000";"   7o0"'
    )
    path = tmp_path / "ses.csv"
    path.write_text(text, encoding="utf-8")
    result = statline.read(path)
    amsterdam = one(
        result.tables["statistic"], region_code="GM0363", measure="particuliere_huishoudens"
    )
    assert (amsterdam.period, amsterdam.symbol) == ("2022", "*")
    (bad,) = result.rejects
    assert (bad.row_number, bad.column_name, bad.value) == (
        4,
        "Particuliere huishoudens (Aantal)",
        "   7o0",
    )


# --------------------------------------------------------------------------- long format


def test_longformat_rows() -> None:
    rows = frame("longformat_nl.csv")
    assert len(rows) == 6
    total = one(rows, region_code="GM0114", class_code=None)
    assert (total.value, total.classification, total.period) == (1234, None, "2024-Q2")
    brc = one(rows, region_code="GM0114", class_code="0731")
    assert (brc.classification, brc.class_label, brc.unit) == (
        "BRC2014",
        "Bouwarbeiders ruwbouw",
        "aantal",
    )
    missing = one(rows, region_code="GM0109")
    assert pd.isna(missing.value) and missing.symbol == "."
    assert one(rows, region_code="GM1681")["value"] == 1.75
    kreis = one(rows, region_code="03454")
    assert (kreis.value, kreis.period, kreis.source_geography) == (12345.5, "2023-06-30", "kreis")
    assert one(rows, region_code="03454032")["source_geography"] == "gemeinde"
    (source,) = read("longformat_nl.csv").sources
    assert source.title.startswith("Testbestand") and source.vintage == "2023 – 2024-Q2"


@pytest.mark.parametrize("variant", ["longformat_nl_cp1252.csv", "longformat_nl_comma.csv"])
def test_longformat_encoding_and_delimiter_variants_parse_the_same(variant: str) -> None:
    pd.testing.assert_frame_equal(frame(variant), frame("longformat_nl.csv"))
    assert read(variant).rejects == []


def test_longformat_rejects_carry_row_and_column() -> None:
    result = read("longformat_errors.csv")
    found = [(r.row_number, r.column_name, r.value) for r in result.rejects]
    assert found == [
        (3, "classificatie", "SOC2010"),
        (4, "waarde", "twaalf"),
        (5, "periode", "Q5 2024"),
        (6, "regiocode", "XX99"),
        (7, "code", "ABC"),
        (10, "waarde", ""),
    ]
    assert result.rejects[0].message() == (
        "Classification 'SOC2010' is not one of BRC2014, KldB2010, ISCO08, NACE"
    )
    assert "{" in result.rejects[1].reason and result.rejects[1].params["column"] == "waarde"
    assert len(result.tables["statistic"]) == 2  # lines 2 and 9
    assert result.skipped == 1  # the blank line 8


def test_longformat_excel_with_german_headers() -> None:
    result = read("longformat_de.xlsx")
    rows = result.tables["statistic"]
    assert len(rows) == 4
    assert one(rows, class_code=None)["period"] == "2023-06-30"  # a date cell
    # 3454032 stored as a number: the leading zero is restored, with a note
    kldb = one(rows, class_code="52122")
    assert (kldb.region_code, kldb.classification, kldb.value) == ("03454032", "KldB2010", 310)
    assert one(rows, class_code="8332")["value"] == 12.5  # "12,5" as text, "ISCO-08" alias
    nace = one(rows, class_code="49.41")
    assert (nace.classification, nace.symbol) == ("NACE", "x")  # "WZ 2008" alias
    (bad,) = result.rejects
    assert (bad.sheet, bad.row_number, bad.column_name, bad.value) == (
        "Daten",
        6,
        "Zeitraum",
        "31.13.2023",
    )
    assert result.notes and "leading zero" in result.notes[0]


def test_template_is_written_and_read_back(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = longformat.write_template(tmp_path / "template.xlsx")
    assert longformat.detect(path) == "statistics_longformat"
    result = longformat.read(path)
    assert result.rejects == [] and result.accepted == 0
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Data", "Instructies - Anleitung"]
    validations = workbook["Data"].data_validations.dataValidation
    assert any("BRC2014,KldB2010,ISCO08,NACE" in (v.formula1 or "") for v in validations)
    # the shipped template is exactly what write_template() produces (fixed timestamps)
    assert Path(longformat.TEMPLATE_PATH).read_bytes() == path.read_bytes()


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("  457400", ".", 457400.0),
        ("  -0.100", ".", -0.1),
        ("2882,07", ",", 2882.07),
        ("1.234", ",", 1234.0),
        ("1.234,5", None, 1234.5),
        ("1,234.5", None, 1234.5),
        (" 10 199", ",", 10199.0),
        ("12,5", None, 12.5),
    ],
)
def test_parse_number(text: str, decimal: str | None, expected: float) -> None:
    assert textfile.parse_number(text, decimal) == expected


@pytest.mark.parametrize("text", ["12a", "1,5", "1.2.3", "", "-", "e5"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        textfile.parse_number(text, ".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("       .", (None, ".")),
        ("x", (None, "x")),
        ("...", (None, "...")),
        ("/", (None, "/")),
        ("123p", (123.0, "p")),
        ("", (None, None)),
    ],
)
def test_parse_value_symbols(text: str, expected: tuple[float | None, str | None]) -> None:
    assert textfile.parse_value(text, ",") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.12.2022", "2022-12-31"),
        ("2024-12-31", "2024-12-31"),
        ("2021", "2021"),
        ("2021JJ00", "2021"),
        ("2023MM06", "2023-06"),
        ("2023KW02", "2023-Q2"),
        ("2023 Q2", "2023-Q2"),
        ("2023 2e kwartaal", "2023-Q2"),
        ("2023 juni", "2023-06"),
    ],
)
def test_parse_period(text: str, expected: str) -> None:
    assert textfile.parse_period(text) == expected


def test_region_codes() -> None:
    assert textfile.ars_to_ags("034545405017") == "03454017"
    assert textfile.normalise_region_code("GM0363    ") == "GM0363"
    geography = {
        code: textfile.region_geography(code)
        for code in ("DG", "03", "034", "03454", "03454032", "034545405", "GM0114", "WK011400")
    }
    assert geography == {
        "DG": "staat",
        "03": "bundesland",
        "034": "regierungsbezirk",
        "03454": "kreis",
        "03454032": "gemeinde",
        "034545405": "gemeindeverband",
        "GM0114": "gemeente",
        "WK011400": "wijk",
    }


def test_encoding_sniffing() -> None:
    assert textfile.sniff_encoding("Bevölkerung".encode("cp1252")) == "cp1252"
    assert textfile.sniff_encoding("Bevölkerung".encode()) == "utf-8"
    assert textfile.sniff_encoding(b"\xef\xbb\xbfBev") == "utf-8-sig"
    # a multi-byte character cut at the end of a head is still UTF-8
    assert textfile.sniff_encoding("Stä".encode()[:-1]) == "utf-8"


# --------------------------------------------------------------------------- unsupported files


def test_explain_unsupported(tmp_path: Path) -> None:
    def explain(name: str, content: bytes) -> str:
        path = tmp_path / name
        path.write_bytes(content)
        return explain_statistics(path)

    assert explain("empty.csv", b"") == "empty file"
    assert "binary file" in explain("noise.csv", random.Random(1).randbytes(512))
    assert "ZIP archive" in explain("table.csv", b"PK\x03\x04" + bytes(100))
    genesis_head = "GENESIS-Tabelle: 12411-01-01-4\nBevölkerungsstand;;;;\n".encode("cp1252")
    assert "looks like a GENESIS table but has no value columns" in explain("g.csv", genesis_head)
    ffcsv_head = b"Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code\n"
    assert "GENESIS flat file but has no value columns" in explain("f.csv", ffcsv_head)
    partial = b"regiocode;periode;maatstaf;waarde\nGM0114;2024;x;1\n"
    assert "lacks column(s): classification, code, source" in explain("l.csv", partial)
    assert "JSON" in explain("odata.csv", b'{"value": []}')
    assert "no statistics format" in explain("other.csv", b"a;b;c\n1;2;3\n")
    supported = explain_statistics(FIXTURES / "12411-01-01-4.csv")
    assert supported == "the file is a supported format (genesis_werte)"


def test_werte_csv_with_the_period_in_the_rows_reads_like_the_header_layout(
    tmp_path: Path,
) -> None:
    """The "Stichtag" layout (date; code; name; values) of a classic GENESIS download: the real
    12411-01-01-4 table rewritten with its reference date in the rows instead of a header row
    gives the same figures."""
    lines = (FIXTURES / "12411-01-01-4.csv").read_text(encoding="cp1252").splitlines()
    rewritten = []
    data = False
    for line in lines:
        if line.startswith(";;31.12.2015"):
            continue  # the period header row goes into the rows
        if line.startswith(";;Insgesamt"):
            rewritten.append(";" + line)
            data = True
        elif data and line and not line.startswith("__") and line[0] != ";":
            rewritten.append("31.12.2015;" + line)
        else:
            data = data and not line.startswith("__")
            rewritten.append(line)
    path = tmp_path / "12411-01-01-4_stichtag.csv"
    path.write_text("\n".join(rewritten) + "\n", encoding="cp1252")
    assert genesis.detect(path) == "genesis_werte"
    original = genesis.read(FIXTURES / "12411-01-01-4.csv").tables["statistic"]
    rows_layout = genesis.read(path)
    assert rows_layout.rejects == []
    frame = rows_layout.tables["statistic"]
    columns = ["region_code", "period", "class_code", "value"]

    def figures(table: pd.DataFrame) -> list[tuple[object, ...]]:
        return sorted(map(tuple, table[columns].fillna("").astype(str).to_numpy().tolist()))

    assert len(frame) == len(original) > 1000
    assert figures(frame) == figures(original)
    emsland = frame[(frame["region_code"] == "03454") & frame["class_code"].isna()]
    assert emsland["value"].tolist() == [319488.0]


def test_statline_columns_in_another_order_give_the_same_figures(tmp_path: Path) -> None:
    """CBS lets users arrange a download's columns: region first, period last, measures between."""
    source = FIXTURES / "SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv"
    text = source.read_text(encoding="utf-8-sig")
    rows = [textfile.split_line(line, ";") for line in text.splitlines() if line.strip()]
    width = len(rows[0])
    order = [2, 1, *range(3, width), 0]  # code, name, measures…, period
    lines = [";".join(f'"{row[i]}"' if i < len(row) else "" for i in order) for row in rows]
    moved = tmp_path / "ses_reordered.csv"
    moved.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert statline.detect(moved) == "statline_flat"
    columns = ["region_code", "period", "measure", "value"]

    def figures(path: Path) -> list[tuple[object, ...]]:
        frame = statline.read(path).tables["statistic"][columns]
        return sorted(map(tuple, frame.fillna("").astype(str).to_numpy().tolist()))

    original = figures(source)
    assert len(original) > 100
    assert figures(moved) == original
