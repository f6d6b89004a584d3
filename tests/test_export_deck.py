"""The PowerPoint deck, chart pictures and chart data: built from figures made here, opened
again with python-pptx, openpyxl and Pillow, and checked value by value."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import plotly.graph_objects as go
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from core.i18n import Lang
from dia.export import deck, images, tables
from dia.export.exhibit import SAMPLE_MARK, Exhibit, render
from dia.export.figure_data import chart_data, summary

SQUARES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": region,
            "properties": {},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[x, 52], [x + 0.5, 52], [x + 0.5, 52.5], [x, 52.5], [x, 52]]],
            },
        }
        for region, x in (("A", 6.5), ("B", 7.0), ("C", 7.5))
    ],
}


def stacked(lang: Lang) -> go.Figure:
    name = {"nl": "Leden", "de": "Mitglieder", "en": "Members"}[lang]
    figure = go.Figure(
        [
            go.Bar(x=["Emmen", "Lingen"], y=[12, 30], name=name + " OE", marker_color="#c2561a"),
            go.Bar(x=["Emmen", "Lingen"], y=[3, 8], name=name + " WVE", marker_color="#1f5c99"),
        ]
    )
    figure.update_layout(barmode="stack", title={"text": name})
    return figure


def line(lang: Lang) -> go.Figure:
    return go.Figure(
        go.Scatter(x=["2021", "2022", "2023"], y=[40, 55, 70], mode="lines+markers", name="MW"),
        layout={"title": {"text": {"nl": "Vermogen", "de": "Leistung", "en": "Capacity"}[lang]}},
    )


def pie(lang: Lang) -> go.Figure:
    return go.Figure(go.Pie(labels=["NL", "DE"], values=[25, 75], name="side"))


def region_map(lang: Lang) -> go.Figure:
    return go.Figure(
        go.Choropleth(
            geojson=SQUARES,
            locations=["A", "B", "C"],
            z=[100, 300, 200],
            text=["<b>Alpha</b><br>x", "<b>Beta</b><br>y", "<b>Gamma</b><br>z"],
            colorbar={"title": {"text": "inwoners"}},
        ),
        layout={"geo": {"fitbounds": "locations", "visible": False}},
    )


def exhibit(key: str, build, *, is_sample: bool = True, is_map: bool = False) -> Exhibit:  # type: ignore[no-untyped-def]
    return Exhibit(
        key=key,
        page="test",
        build=build,
        sources=lambda lang: [("CBS StatLine, tabel 03759ned", "2021-01-01")],
        is_sample=is_sample,
        title=(lambda lang: f"Kaart {lang}") if is_map else None,
        is_map=is_map,
    )


def test_chart_data_reads_series_back_from_the_figure() -> None:
    data = chart_data(stacked("nl"))
    assert data is not None
    assert (data.kind, data.stacked) == ("column", True)
    assert data.categories == ("Emmen", "Lingen")
    assert [s.values for s in data.series] == [(12.0, 30.0), (3.0, 8.0)]
    assert chart_data(region_map("nl")) is None
    with_reference = line("nl")
    with_reference.add_hline(y=50)
    assert chart_data(with_reference) is None  # a native chart would lose the reference line


def test_summary_names_largest_values_and_change_over_time() -> None:
    # Stacked: totals per category, Lingen 30 + 8 = 38 ahead of Emmen 12 + 3 = 15.
    assert "Lingen (38), Emmen (15)" in summary(stacked("nl"), "nl")
    assert "40 (2021)" in summary(line("de"), "de") and "70 (2023)" in summary(line("de"), "de")
    # Pie: 75 of 100 is 75 %.
    assert "DE (75 %)" in summary(pie("nl"), "nl")
    # Map: named from the bold name in the hover text, highest first.
    assert "Beta (300), Gamma (200), Alpha (100)" in summary(region_map("nl"), "nl")


@pytest.fixture(scope="module")
def built_deck() -> Presentation:
    exhibits = [
        exhibit("stacked", stacked),
        exhibit("line", line, is_sample=False),
        exhibit("pie", pie),
        exhibit("map", region_map, is_map=True),
    ]
    items = [
        deck.item(render(e, "de"), {lang: e.build(lang) for lang in ("nl", "de")}) for e in exhibits
    ]
    info = deck.DeckInfo("DIA Monitor", "Digitalisierung", "2021–2023", "1. Dez. 2026", True)
    data = deck.build_deck(info, items, "de", definitions=[("CO01", "Unternehmen …")])
    return Presentation(io.BytesIO(data))


def _texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_deck_has_title_one_slide_per_item_and_definitions(built_deck: Presentation) -> None:
    slides = list(built_deck.slides)
    assert len(slides) == 1 + 4 + 1
    title = " ".join(_texts(slides[0]))
    assert "DIA Monitor" in title and "2021–2023" in title and "1. Dez. 2026" in title
    assert SAMPLE_MARK in title
    assert "CO01" in " ".join(_texts(slides[-1]))


def test_bar_line_and_pie_are_native_charts_with_their_values(built_deck: Presentation) -> None:
    charts = [
        shape.chart for slide in built_deck.slides for shape in slide.shapes if shape.has_chart
    ]
    assert [c.chart_type for c in charts] == [
        XL_CHART_TYPE.COLUMN_STACKED,
        XL_CHART_TYPE.LINE_MARKERS,
        XL_CHART_TYPE.PIE,
    ]
    stacked_chart = charts[0]
    assert [s.name for s in stacked_chart.plots[0].series] == ["Mitglieder OE", "Mitglieder WVE"]
    assert [tuple(s.values) for s in stacked_chart.plots[0].series] == [(12, 30), (3, 8)]
    assert list(stacked_chart.plots[0].categories) == ["Emmen", "Lingen"]
    assert tuple(charts[1].plots[0].series[0].values) == (40, 55, 70)
    # The data behind each chart is an embedded workbook PowerPoint can edit.
    for chart in charts:
        workbook = openpyxl.load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
        assert workbook.active.max_row >= 3


def test_map_is_a_picture_with_alt_text(built_deck: Presentation) -> None:
    map_slide = list(built_deck.slides)[4]
    pictures = [s for s in map_slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1
    descr = pictures[0]._element.nvPicPr.cNvPr.get("descr")
    assert descr.startswith("Kaart de.") and "Beta (300)" in descr
    image = Image.open(io.BytesIO(pictures[0].image.blob))
    assert image.size[0] >= 2000  # slide resolution: 1230 px at scale 2


def test_every_item_slide_has_footnote_and_notes_in_both_languages(
    built_deck: Presentation,
) -> None:
    for index, slide in enumerate(list(built_deck.slides)[1:5]):
        texts = " ".join(_texts(slide))
        # the vintage in the deck's date format (2021-01-01 in German)
        assert "Quelle: CBS StatLine, tabel 03759ned · 01.01.2021" in texts
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith("NL: ") and "\n\nDE: " in notes
        has_sample = index != 1  # the line chart is from real data
        assert (SAMPLE_MARK in texts) is has_sample


def test_funder_deck_hides_small_counts() -> None:
    figure = go.Figure(go.Bar(x=["Emmen", "Coevorden"], y=[12, 3], name="n"))
    rendered = render(exhibit("small", lambda lang: figure), "nl")
    data = deck.build_deck(
        deck.DeckInfo("t", "s", "p", "v", False),
        [deck.DeckItem(rendered, {"nl": "a", "de": "b"}, counts=True)],
        "nl",
        mask=True,
    )
    chart = next(s.chart for s in Presentation(io.BytesIO(data)).slides[1].shapes if s.has_chart)
    assert tuple(chart.plots[0].series[0].values) == (12, None)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        embedded = [n for n in archive.namelist() if n.endswith(".xlsx")]
        book = openpyxl.load_workbook(io.BytesIO(archive.read(embedded[0])))
    cells = [c.value for row in book.active.iter_rows() for c in row]
    assert 3 not in cells  # the masked count is not hidden in the chart's workbook either
    xml = chart.part.blob.decode()
    assert "&lt;5" in xml


def test_png_and_svg_carry_title_source_and_sample_label() -> None:
    rendered = render(exhibit("stacked", stacked), "nl")
    png = images.picture(rendered, "png")
    assert Image.open(io.BytesIO(png)).format == "PNG"
    svg = images.picture(rendered, "svg").decode()
    assert svg.startswith("<svg")
    for text in ("Leden", "Bron: CBS StatLine, tabel 03759ned", SAMPLE_MARK):
        assert text in svg.replace("&nbsp;", " ") or json.dumps(text)[1:-1] in svg


def test_chart_data_downloads_have_translated_headers_and_sources() -> None:
    rendered = render(exhibit("stacked", stacked), "de")
    book = openpyxl.load_workbook(io.BytesIO(tables.xlsx_bytes(rendered, "de")))
    assert book.sheetnames == ["Wert", "Quellen"]
    rows = [[c.value for c in row] for row in book["Wert"].iter_rows()]
    header = rows.index(["Kategorie", "Mitglieder OE", "Mitglieder WVE"])
    assert rows[header + 1] == ["Emmen", 12, 3]
    sources = " ".join(str(c.value) for row in book["Quellen"].iter_rows() for c in row)
    assert "Quelle: CBS StatLine" in sources and SAMPLE_MARK in sources
    csv = tables.csv_bytes(rendered, "de").decode("utf-8-sig").splitlines()
    assert csv[0] == "# Mitglieder" and csv[2] == "Kategorie;Mitglieder OE;Mitglieder WVE"
    assert csv[3] == "Emmen;12;3"


def test_csv_writes_formula_like_text_as_text() -> None:
    figure = go.Figure(go.Bar(x=["=HYPERLINK(1)", "+1"], y=[1, 2], name="@x"))
    csv = tables.csv_bytes(render(exhibit("f", lambda lang: figure), "en"), "en").decode()
    assert "'=HYPERLINK(1)" in csv and "'+1" in csv and "'@x" in csv
