"""A chart's numbers as a table and as .xlsx/.csv downloads with headers in the chosen language
and the sources beside them (a "sources" sheet; comment lines on top of the CSV)."""

from __future__ import annotations

import io

import pandas as pd
import plotly.graph_objects as go

from core.cells import safe_frame, safe_text
from core.i18n import N_, Lang, translate
from dia.export.exhibit import SAMPLE_MARK, Rendered
from dia.export.figure_data import BOLD_NAME, as_list, axis_title, chart_data, number, plain
from dia.export.spreadsheet import workbook_bytes
from dia.privacy import MASK, is_small

CATEGORY = N_("Category")
AREA = N_("Map area")
VALUE = N_("Value")
SOURCES = N_("Sources")
TITLE = N_("Title")
SAMPLE = N_("Sample data")
# Text a spreadsheet would run as a formula (CWE-1236): written with a leading apostrophe.


def chart_table(figure: go.Figure, lang: Lang, *, mask: bool = False) -> pd.DataFrame:
    """One row per category (or map area), one column per series; with ``mask`` counts of
    1–4 are "<5" as everywhere a funder looks."""
    data = chart_data(figure)
    if data is not None:
        axis = figure.layout.yaxis if data.kind == "bar" else figure.layout.xaxis
        header = axis_title(axis) if data.kind != "pie" else ""
        frame = data.frame(header or translate(lang, CATEGORY))
        frame.columns = [c if c.strip() else translate(lang, VALUE) for c in frame.columns]
    else:
        frame = _map_table(figure, lang)
    for column in frame.columns[1:]:
        values = pd.to_numeric(frame[column], errors="coerce")
        if values.notna().any() and (values.dropna() % 1 == 0).all():
            frame[column] = values.astype("Int64")  # counts read 12, not 12,0
    if data is not None:  # points the chart labels "<5" say so here too, never 0
        for column, series in zip(frame.columns[1:], data.series, strict=False):
            if any(series.masked):
                frame[column] = [
                    MASK if series.is_masked(i) else v for i, v in enumerate(frame[column])
                ]
    if mask:
        value_columns = frame.columns[1:]
        frame[value_columns] = frame[value_columns].map(
            lambda v: MASK if not isinstance(v, str) and not pd.isna(v) and is_small(v) else v
        )
    return frame


def _map_table(figure: go.Figure, lang: Lang) -> pd.DataFrame:
    rows: list[tuple[str, float | None]] = []
    header = translate(lang, VALUE)
    for trace in figure.data:
        if trace.type != "choropleth" or trace.showscale is False:
            continue
        title = plain(trace.colorbar.title.text) if trace.colorbar else ""
        header = title or header
        texts = as_list(trace.text) or as_list(trace.locations)
        for text, value in zip(texts, as_list(trace.z), strict=False):
            match = BOLD_NAME.search(str(text))
            rows.append((plain(match.group(1) if match else text), number(value)))
    return pd.DataFrame(rows, columns=[translate(lang, AREA), header])


def _sources_sheet(rendered: Rendered, lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        {
            translate(lang, TITLE): [rendered.title],
            translate(lang, SOURCES): [rendered.source_line],
            translate(lang, SAMPLE): [SAMPLE_MARK if rendered.is_sample else "–"],
        }
    )


def xlsx_bytes(rendered: Rendered, lang: Lang, *, mask: bool = False) -> bytes:
    notes = [rendered.title, rendered.source_line]
    return workbook_bytes(
        {
            translate(lang, VALUE): chart_table(rendered.figure, lang, mask=mask),
            translate(lang, SOURCES): _sources_sheet(rendered, lang),
        },
        notes=notes,
    )


def csv_bytes(rendered: Rendered, lang: Lang, *, mask: bool = False) -> bytes:
    """UTF-8 CSV (with BOM, for Excel) in the language's separators: "; " and decimal comma in
    NL and DE. Title and source lead as ``#`` lines."""
    frame = safe_frame(chart_table(rendered.figure, lang, mask=mask))
    decimal = "," if lang in ("nl", "de") else "."
    sep = ";" if decimal == "," else ","
    buffer = io.StringIO()
    for note in (rendered.title, rendered.source_line):
        buffer.write("# " + safe_text(str(note)).replace("\n", " ") + "\n")
    frame.to_csv(buffer, index=False, sep=sep, decimal=decimal)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
