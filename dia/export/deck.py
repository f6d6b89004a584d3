"""The PowerPoint deck: a title slide, one slide per exhibit, optionally the definitions of
the indicators shown.

Bar, column, stacked, line and pie charts become native PowerPoint charts whose data can be
edited in PowerPoint; maps and other figures become pictures at slide resolution. Every slide
has a source and vintage footnote (with "voorbeelddata / Beispieldaten" where it applies) and
speaker notes in Dutch and German with a plain-language summary, which is also the alt text.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import plotly.graph_objects as go
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from core.i18n import N_, Lang, translate
from dia.export.exhibit import SAMPLE_MARK, Rendered
from dia.export.figure_data import ChartData, chart_data, summary
from dia.export.images import SLIDE_SCALE, SLIDE_WIDTH, export_ready, height_of, to_image
from dia.privacy import MASK, is_small

WIDTH: Final = Inches(13.333)
HEIGHT: Final = Inches(7.5)
MARGIN: Final = Inches(0.5)
CONTENT_TOP: Final = Inches(1.15)
CONTENT_HEIGHT: Final = Inches(5.5)
FOOT_TOP: Final = Inches(6.8)
TEXT_COLOUR: Final = RGBColor(0x22, 0x22, 0x22)
MUTED: Final = RGBColor(0x55, 0x55, 0x55)
SAMPLE_COLOUR: Final = RGBColor(0x9C, 0x4A, 0x00)
NOTES_LANGS: Final[tuple[Lang, ...]] = ("nl", "de")

DEFINITIONS = N_("Definitions of the indicators shown")
PERIOD = N_("Project period: {period}")
DATA_VERSION = N_("Data version: {version}")

_TYPES: Final = {
    ("column", False): XL_CHART_TYPE.COLUMN_CLUSTERED,
    ("column", True): XL_CHART_TYPE.COLUMN_STACKED,
    ("bar", False): XL_CHART_TYPE.BAR_CLUSTERED,
    ("bar", True): XL_CHART_TYPE.BAR_STACKED,
    ("line", False): XL_CHART_TYPE.LINE_MARKERS,
    ("pie", False): XL_CHART_TYPE.PIE,
}


@dataclass(frozen=True)
class DeckInfo:
    """The title slide, in the deck's language."""

    title: str
    subtitle: str
    period: str
    version: str
    is_sample: bool


@dataclass(frozen=True)
class DeckItem:
    """One exhibit built in the deck's language, plus its summaries for the notes."""

    rendered: Rendered
    summaries: dict[Lang, str]  # nl and de
    counts: bool = False


def item(
    rendered: Rendered,
    by_lang: dict[Lang, go.Figure],
    *,
    counts: bool = False,
    summarise: Callable[[Lang], str] | None = None,
) -> DeckItem:
    """``by_lang``: the same exhibit built in NL and DE, summarised each in its language
    (by ``summarise`` where the exhibit words it itself)."""
    return DeckItem(
        rendered,
        {
            lang: summarise(lang) if summarise else summary(figure, lang)
            for lang, figure in by_lang.items()
        },
        counts,
    )


def _text(
    slide: Any,
    text: str,
    left: int,
    top: int,
    width: int,
    height: int,
    *,
    size: int,
    bold: bool = False,
    colour: RGBColor = TEXT_COLOUR,
    align: Any = PP_ALIGN.LEFT,
) -> Any:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour
    return box


def _colour(value: object) -> RGBColor | None:
    if isinstance(value, str) and value.startswith("#") and len(value) == 7:
        return RGBColor.from_string(value[1:].upper())
    return None


def _trace_colours(figure: go.Figure) -> list[RGBColor | None]:
    colours = []
    for trace in figure.data:
        marker = getattr(trace, "marker", None)
        line = getattr(trace, "line", None)
        colour = getattr(marker, "color", None) if marker is not None else None
        if colour is None and line is not None:
            colour = getattr(line, "color", None)
        colours.append(_colour(colour))
    return colours


def _native_chart(slide: Any, data: ChartData, figure: go.Figure, *, mask: bool) -> Any:
    chart_data_ = CategoryChartData(number_format="#,##0.##")
    chart_data_.categories = list(data.categories)
    hidden: list[tuple[int, int]] = []
    for s_index, series in enumerate(data.series):
        values: list[float | None] = []
        for p_index, value in enumerate(series.values):
            if series.is_masked(p_index) or (mask and is_small(value)):
                hidden.append((s_index, p_index))
                values.append(None)
            else:
                values.append(value)
        chart_data_.add_series(series.name or " ", values)
    frame = slide.shapes.add_chart(
        _TYPES[(data.kind, data.stacked)],
        MARGIN,
        CONTENT_TOP,
        WIDTH - 2 * MARGIN,
        CONTENT_HEIGHT,
        chart_data_,
    )
    chart = frame.chart
    chart.has_title = False
    chart.font.size = Pt(12)
    chart.has_legend = len(data.series) > 1 or data.kind == "pie"
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = "0%" if data.kind == "pie" else "#,##0.##"
    labels.number_format_is_linked = False
    labels.font.size = Pt(10 if data.stacked else 11)
    if data.kind == "pie":
        labels.show_percentage = True
        labels.show_value = False
    if data.kind != "pie":
        plot.vary_by_categories = False
        value_axis = chart.value_axis
        value_axis.has_major_gridlines = True
        value_axis.tick_labels.number_format = "#,##0.##"
        value_axis.tick_labels.number_format_is_linked = False
        if data.value_title:
            value_axis.has_title = True
            value_axis.axis_title.text_frame.text = data.value_title
            value_axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        for series, colour in zip(plot.series, _trace_colours(figure), strict=False):
            if colour is None:
                continue
            if data.kind == "line":
                series.format.line.color.rgb = colour
                series.smooth = False
            else:
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = colour
    for s_index, p_index in hidden:
        point = plot.series[s_index].points[p_index]
        point.data_label.text_frame.text = MASK
    return frame


def _set_alt_text(shape: Any, text: str) -> None:
    """PowerPoint's alt text: the ``descr`` of the shape's non-visual properties."""
    element = shape._element
    for c_nv_pr in element.iter(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr"
    ):
        c_nv_pr.set("descr", text)
        return
    for c_nv_pr in element.iter():
        if c_nv_pr.tag.endswith("}cNvPr"):
            c_nv_pr.set("descr", text)
            return


def _picture(slide: Any, figure: go.Figure) -> Any:
    # A tall chart keeps its own height (rows never squeezed into each other) and is scaled
    # down to the slide as a whole.
    width_px, height_px = SLIDE_WIDTH, height_of(figure, most=1600)
    shown = export_ready(figure)
    # The slide names the chart: its title goes, the room above the plot for it too, but not
    # the room panel titles need.
    top = figure.layout.margin.t if figure.layout.margin.t is not None else 60
    if figure.layout.title.text:
        top -= 30
    shown.update_layout(title=None, margin={"t": max(30, top)})
    png = to_image(shown, "png", (width_px, height_px), scale=SLIDE_SCALE)
    box_width = WIDTH - 2 * MARGIN
    box_height = int(box_width * height_px / width_px)
    if box_height > CONTENT_HEIGHT:
        box_height = CONTENT_HEIGHT
        box_width = int(box_height * width_px / height_px)
    left = int((WIDTH - box_width) / 2)
    return slide.shapes.add_picture(
        io.BytesIO(png), left, CONTENT_TOP, width=Emu(box_width), height=Emu(box_height)
    )


def _footnote(slide: Any, rendered: Rendered) -> None:
    _text(
        slide,
        rendered.source_line,
        MARGIN,
        FOOT_TOP,
        WIDTH - 2 * MARGIN - (Inches(2.6) if rendered.is_sample else 0),
        Inches(0.5),
        size=10,
        colour=MUTED,
    )
    if rendered.is_sample:
        _text(
            slide,
            SAMPLE_MARK,
            WIDTH - MARGIN - Inches(2.5),
            FOOT_TOP,
            Inches(2.5),
            Inches(0.4),
            size=11,
            bold=True,
            colour=SAMPLE_COLOUR,
            align=PP_ALIGN.RIGHT,
        )


def notes_text(summaries: dict[Lang, str], title_by_lang: dict[Lang, str] | None = None) -> str:
    parts = []
    for lang in NOTES_LANGS:
        if lang in summaries:
            heading = (title_by_lang or {}).get(lang)
            prefix = f"{lang.upper()}: " + (f"{heading}. " if heading else "")
            parts.append(prefix + summaries[lang])
    return "\n\n".join(parts)


def build_deck(
    info: DeckInfo,
    items: Sequence[DeckItem],
    lang: Lang,
    *,
    mask: bool = False,
    definitions: Sequence[tuple[str, str]] = (),
) -> bytes:
    """The .pptx file. ``mask``: funder rules (counts of 1–4 carry no value, only "<5")."""
    deck = Presentation()
    deck.slide_width = WIDTH
    deck.slide_height = HEIGHT
    blank = deck.slide_layouts[6]

    title_slide = deck.slides.add_slide(blank)
    _text(
        title_slide,
        info.title,
        MARGIN,
        Inches(2.0),
        WIDTH - 2 * MARGIN,
        Inches(1),
        size=40,
        bold=True,
    )
    _text(title_slide, info.subtitle, MARGIN, Inches(3.1), WIDTH - 2 * MARGIN, Inches(0.8), size=22)
    _text(
        title_slide,
        translate(lang, PERIOD, period=info.period),
        MARGIN,
        Inches(4.2),
        WIDTH - 2 * MARGIN,
        Inches(0.5),
        size=16,
        colour=MUTED,
    )
    _text(
        title_slide,
        translate(lang, DATA_VERSION, version=info.version),
        MARGIN,
        Inches(4.7),
        WIDTH - 2 * MARGIN,
        Inches(0.5),
        size=16,
        colour=MUTED,
    )
    if info.is_sample:
        _text(
            title_slide,
            SAMPLE_MARK,
            MARGIN,
            Inches(5.5),
            WIDTH - 2 * MARGIN,
            Inches(0.5),
            size=16,
            bold=True,
            colour=SAMPLE_COLOUR,
        )
    title_slide.notes_slide.notes_text_frame.text = f"{info.title} – {info.subtitle}"

    for entry in items:
        rendered = entry.rendered
        slide = deck.slides.add_slide(blank)
        _text(
            slide,
            rendered.title,
            MARGIN,
            Inches(0.35),
            WIDTH - 2 * MARGIN,
            Inches(0.8),
            size=24,
            bold=True,
        )
        data = chart_data(rendered.figure)
        shape = (
            _native_chart(slide, data, rendered.figure, mask=mask and entry.counts)
            if data is not None
            else _picture(slide, rendered.figure)
        )
        alt = entry.summaries.get(lang) or next(iter(entry.summaries.values()), "")
        _set_alt_text(shape, f"{rendered.title}. {alt}")
        _footnote(slide, rendered)
        slide.notes_slide.notes_text_frame.text = notes_text(entry.summaries)

    if definitions:
        slide = deck.slides.add_slide(blank)
        _text(
            slide,
            translate(lang, DEFINITIONS),
            MARGIN,
            Inches(0.35),
            WIDTH - 2 * MARGIN,
            Inches(0.8),
            size=24,
            bold=True,
        )
        box = slide.shapes.add_textbox(MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, CONTENT_HEIGHT)
        frame = box.text_frame
        frame.word_wrap = True
        for index, (term, text) in enumerate(definitions):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.space_after = Pt(8)
            head = paragraph.add_run()
            head.text = term + ": "
            head.font.bold = True
            head.font.size = Pt(14)
            body = paragraph.add_run()
            body.text = text
            body.font.size = Pt(14)
        sources = sorted({entry.rendered.source_line for entry in items})
        _text(
            slide,
            " | ".join(sources),
            MARGIN,
            FOOT_TOP,
            WIDTH - 2 * MARGIN,
            Inches(0.5),
            size=10,
            colour=MUTED,
        )
        slide.notes_slide.notes_text_frame.text = translate(lang, DEFINITIONS)

    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
