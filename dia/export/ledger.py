"""The indicator ledger as files for the funders: an Excel workbook (openpyxl) and a PDF report
(fpdf2, charts drawn with matplotlib), in the user's language.

Every export masks counts of 1–4 as "<5", whoever downloads it; company names appear only in
the Excel evidence of roles allowed to see them, never for funders and never in the PDF. Sample
data is marked in a banner and in the document properties. Both libraries install from PyPI
alone (no browser, no kaleido).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

import matplotlib
import pandas as pd
import streamlit as st
from fpdf import FPDF
from fpdf.fonts import FontFace
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter
from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.cells import neutralise_workbook
from core.codes import SIDES
from core.i18n import N_, Lang, fmt_date, fmt_number, fmt_percent, translate
from core.reports import Submission
from dia.auth import Role, User
from dia.data import indicators, project, reporting
from dia.data.project import Calendar, period_label, period_short
from dia.data.warehouse import query, version
from dia.page import audited
from dia.policy import viewer_for
from dia.privacy import MASK, fmt_count, is_small, numeric_for_chart, published_frame
from dia.render.style import SIDE_COLOURS

TITLE = N_("DIA indicator ledger")
SAMPLE_BANNER: Final = "VOORBEELDDATA / BEISPIELDATEN / SAMPLE DATA"
NOT_REAL = N_("Generated sample data – not real project figures.")
FONT_DIR: Final = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT: Final = "DejaVu"
DARK: Final = (31, 78, 121)
RED: Final = (156, 0, 6)
ON_TRACK: Final = "#009E73"
BEHIND: Final = "#D55E00"
TABLE_FONT_SIZE: Final = 7.5
CELL_PADDING: Final = 1.0


@dataclass(frozen=True)
class Report:
    """Everything both files show, computed once."""

    period: str
    lang: Lang
    cal: Calendar
    ledger: pd.DataFrame
    series: pd.DataFrame
    is_sample: bool
    generated: dt.date
    sources: pd.DataFrame  # title, vintage, is_sample
    submitted: Submission | None = None  # the stored report, for a submitted period


def prepare(period: str, lang: Lang, cal: Calendar, *, is_sample: bool) -> Report:
    """The report of ``period``: for a submitted period exactly as it was submitted (from the
    store, whatever the warehouse holds now), else from today's records."""
    done = reporting.submission(period)
    if done is not None:
        frozen = reporting.snapshot_calendar(done)
        frame = reporting.snapshot_ledger(done, lang)
        return Report(
            period=period,
            lang=lang,
            cal=frozen,
            ledger=indicators.complete(frame, frozen, period),
            series=reporting.snapshot_series(done, frame),
            is_sample=bool(done.snapshot.get("is_sample")),
            generated=reporting.submitted_on(done).date(),
            sources=reporting.snapshot_sources(done),
            submitted=done,
        )
    ledger = indicators.ledger(period, lang, cal)
    return Report(
        period=period,
        lang=lang,
        cal=cal,
        ledger=ledger,
        series=reporting.series(cal, ledger),
        is_sample=is_sample,
        generated=dt.date.today(),
        sources=query("record_sources"),
    )


SERIES_COUNTS: Final = ("value", "side_nl", "side_de", "side_joint", "cumulative")


def published_report(report: Report) -> Report:
    """The report as a funder may have it: every count rounded as published (dia.privacy), and
    share and forecast derived from the published cumulative."""
    ledger = published_frame(report.ledger, list(indicators.COUNTS))
    ledger["share"] = report.ledger["share_published"]
    ledger["forecast"] = report.ledger["forecast_published"]
    return replace(
        report, ledger=ledger, series=published_frame(report.series, list(SERIES_COUNTS))
    )


def _t(report: Report, message: str, **params: object) -> str:
    return translate(report.lang, message, **params)


def _heading(report: Report) -> tuple[str, str]:
    start, end = report.cal.bounds(report.period)
    title = f"{_t(report, TITLE)} – {period_label(report.period, report.lang)}"
    subtitle = _t(
        report,
        N_("Reporting period {start} – {end} · records up to {as_of} · project {first} – {last}"),
        start=fmt_date(start, report.lang),
        end=fmt_date(end, report.lang),
        as_of=fmt_date(min(report.cal.data_as_of, end), report.lang),
        first=fmt_date(report.cal.project_start, report.lang),
        last=fmt_date(report.cal.project_end, report.lang),
    )
    if report.submitted is not None:
        subtitle += " · " + _t(
            report,
            N_("submitted on {date} by {who}"),
            date=fmt_date(report.generated, report.lang),
            who=report.submitted.submitted_by,
        )
    return title, subtitle


XLSX_MIME: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_name(period: str, suffix: str) -> str:
    sample = "_voorbeelddata" if project.is_sample() else ""
    return f"dia_indicatoren_{period}{sample}.{suffix}"


@st.cache_data(ttl=3600, max_entries=24, show_spinner=False)
def _file(
    version_id: str,
    kind: str,
    period: str,
    lang: Lang,
    role: str,
    association: str | None,
    submitted_at: str | None,
) -> bytes:
    """One export, cached per warehouse version, submission and everything that changes it."""
    report = prepare(period, lang, project.calendar(), is_sample=project.is_sample())
    if kind == "pdf":
        return pdf_bytes(report)
    user = viewer_for(role, [association] if association else [], name="export")
    return excel_bytes(report, user)


def _deferred(kind: str, period: str, lang: Lang, user: User) -> Callable[[], bytes]:
    """The file, made when the button is clicked (download_button runs it then, on another
    thread: everything it needs is bound now)."""
    version_id = version().version_id
    role, association = user.role.value, user.association
    done = reporting.submission(period)
    submitted_at = done.submitted_at if done else None
    return lambda: _file(version_id, kind, period, lang, role, association, submitted_at)


def excel_download(period: str, lang: Lang, user: User) -> Callable[[], bytes]:
    return _deferred("xlsx", period, lang, user)


def pdf_download(period: str, lang: Lang, user: User) -> Callable[[], bytes]:
    # The PDF names no company, so it is the same for every role.
    return _deferred("pdf", period, lang, viewer_for(Role.FUNDER, name="export"))


def download_buttons(period: str, lang: Lang, user: User, *, prefix: str) -> None:
    """The ledger workbook and the PDF report side by side, made on click and written to the
    audit log as "<prefix> ledger <period> xlsx" / "<prefix> report <period> pdf"."""
    key = "ledger" if prefix == "indicator" else prefix
    left, right, _spacer = st.columns([1, 1, 2])

    def button(
        label: str, data: Callable[[], bytes], what: str, suffix: str, *, mime: str, icon: str
    ) -> None:
        st.download_button(
            translate(lang, label),
            data=audited(data, user, f"{prefix} {what} {period} {suffix}", kind="ledger"),
            file_name=download_name(period, suffix),
            mime=mime,
            on_click="ignore",
            icon=icon,
            key=f"{key}_{suffix}",
        )

    with left:
        button(
            N_("Ledger as Excel (.xlsx)"),
            excel_download(period, lang, user),
            "ledger",
            "xlsx",
            mime=XLSX_MIME,
            icon=":material/table_view:",
        )
    with right:
        button(
            N_("Report as PDF"),
            pdf_download(period, lang, user),
            "report",
            "pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
        )


# --- Excel ----------------------------------------------------------------------------------


_COUNT_TEXT: Final = re.compile(r"\d{1,3}(?:[.,\u202f\xa0]\d{3})*")


def _cell_value(value: object, *, masked: bool) -> object:
    """A number stays a number in Excel (also a count the tables formatted as text, "1.234");
    a masked count becomes the text "<5"."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str) and _COUNT_TEXT.fullmatch(value):
        value = int(re.sub(r"\D", "", value))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if masked and is_small(value):
        return MASK
    return round(value, 6) if isinstance(value, float) else value


def _banner(sheet: Worksheet, report: Report, width: int) -> int:
    """Sample banner (if any), title and subtitle on top of a sheet; returns the next row."""
    row = 1
    if report.is_sample:
        sheet.cell(row=1, column=1, value=f"{SAMPLE_BANNER} – {_t(report, NOT_REAL)}")
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))
        banner = sheet.cell(row=1, column=1)
        banner.font = Font(bold=True, color="FFFFFF", size=12)
        banner.fill = PatternFill("solid", fgColor="9C0006")
        banner.alignment = Alignment(horizontal="center")
        row = 2
    title, subtitle = _heading(report)
    sheet.cell(row=row, column=1, value=title).font = Font(bold=True, size=14)
    sheet.cell(row=row + 1, column=1, value=subtitle).font = Font(italic=True, color="555555")
    return row + 3


def _table(sheet: Worksheet, top: int, headers: list[str], rows: list[list[object]]) -> int:
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=top, column=column, value=text)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=top + offset, column=column, value=value)
            if isinstance(value, str) and value == MASK:
                cell.alignment = Alignment(horizontal="right")
    return top + len(rows) + 1


def _ledger_sheet(sheet: Worksheet, report: Report, mask: bool) -> None:
    keys = list(indicators.COLUMNS)
    headers = [_t(report, indicators.COLUMNS[k]) for k in keys]
    top = _banner(sheet, report, len(keys))
    rows = []
    shown = indicators.masked_forecast_share(report.ledger, mask=mask)
    for row, small in zip(report.ledger.itertuples(index=False), ~shown, strict=True):
        values: list[object] = []
        for key in keys:
            value = getattr(row, key)
            if key in ("share", "forecast") and small:
                values.append(MASK)
            elif key in indicators.COUNTS or key == "share":
                values.append(_cell_value(value, masked=mask and key != "share"))
            elif key == "programme_period" and not value:
                values.append(_t(report, indicators.PROJECT_SPECIFIC))
            else:
                values.append(_cell_value(value, masked=False))
        rows.append(values)
    end = _table(sheet, top, headers, rows)
    share_column = keys.index("share") + 1
    for line in range(top + 1, end):
        sheet.cell(row=line, column=share_column).number_format = "0%"
        for key in indicators.COUNTS:
            sheet.cell(row=line, column=keys.index(key) + 1).number_format = "#,##0"
    notes = [
        _t(report, indicators.FORECAST_METHOD),
        _t(report, indicators.MASK_NOTE),
        _t(report, N_("NL–DE jointly: counted for both sides together (see the definitions).")),
        indicators.ACKNOWLEDGEMENT,
    ]
    for offset, note in enumerate(notes, start=1):
        sheet.cell(row=end + offset, column=1, value=note).font = Font(italic=True, size=9)
    widths = {"code": 10, "name": 46, "unit": 16}
    for column, key in enumerate(keys, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(key, 13)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=3)


def _periods_sheet(sheet: Worksheet, report: Report, mask: bool) -> None:
    headers = [
        _t(report, N_("Code")),
        _t(report, N_("Indicator")),
        _t(report, N_("Period")),
        _t(report, N_("From")),
        _t(report, N_("To")),
        _t(report, N_("NL")),
        _t(report, N_("DE")),
        _t(report, N_("NL–DE jointly")),
        _t(report, N_("Total")),
        _t(report, N_("Cumulative")),
    ]
    top = _banner(sheet, report, len(headers))
    names = dict(zip(report.ledger["code"], report.ledger["name"], strict=True))
    rows = [
        [
            r.code,
            names.get(r.code, r.code),
            period_label(r.period, report.lang),
            r.starts_on,
            r.ends_on,
            _cell_value(r.side_nl, masked=mask),
            _cell_value(r.side_de, masked=mask),
            _cell_value(r.side_joint, masked=mask),
            _cell_value(r.value, masked=mask),
            _cell_value(r.cumulative, masked=mask),
        ]
        for r in report.series.itertuples(index=False)
        if r.position <= _position(report)
    ]
    end = _table(sheet, top, headers, rows)
    for line in range(top + 1, end):
        for column in (4, 5):
            sheet.cell(row=line, column=column).number_format = "DD-MM-YYYY"
    for column, width in enumerate((10, 46, 22, 12, 12, 10, 10, 14, 10, 12), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _position(report: Report) -> int:
    periods = report.cal.periods
    return int(periods.loc[periods["period"] == report.period, "position"].iloc[0])


def _evidence_sheets(book: Workbook, report: Report, user: User) -> None:
    """Activities behind each indicator (every role, counts masked) and, for roles allowed to
    see members, the companies (names of their own association's members only)."""
    activities: list[pd.DataFrame] = []
    companies: list[pd.DataFrame] = []
    if report.submitted is not None:  # as submitted: the counted items kept with the report
        names = frozenset(user.visible_associations())
        frozen = reporting.snapshot_evidence(report.submitted, report.lang, names_of=names)
        activities = [frozen.activities] if not frozen.activities.empty else []
        if not user.mask_small_counts() and not frozen.companies.empty:
            companies = [frozen.companies]
    for code in report.ledger["code"] if report.submitted is None else []:
        found = indicators.evidence(code, report.period, report.lang, user, exported=True)
        if found.activities is not None:
            activities.append(found.activities.assign(**{_t(report, N_("Code")): code}))
        if found.companies is not None and not user.mask_small_counts():
            companies.append(found.companies.assign(**{_t(report, N_("Code")): code}))
    for title, frames in (
        (_t(report, N_("Evidence – activities")), activities),
        (_t(report, N_("Evidence – companies")), companies),
    ):
        if not frames:
            continue
        frame = pd.concat(frames, ignore_index=True)
        frame = frame[[frame.columns[-1], *frame.columns[:-1]]]
        sheet = book.create_sheet(title[:31])
        top = _banner(sheet, report, len(frame.columns))
        _table(
            sheet,
            top,
            [str(c) for c in frame.columns],
            [
                [_cell_value(v, masked=user.mask_small_counts()) for v in row]
                for row in frame.itertuples(index=False)
            ],
        )
        for column in range(1, len(frame.columns) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 18
        sheet.column_dimensions["D"].width = 48


def _definitions_sheet(sheet: Worksheet, report: Report) -> None:
    headers = [
        _t(report, N_("Code")),
        _t(report, N_("Indicator")),
        _t(report, N_("Unit")),
        _t(report, N_("Kind")),
        _t(report, N_("Definition")),
        _t(report, N_("Computation")),
    ]
    top = _banner(sheet, report, len(headers))
    rows: list[list[object]] = [
        [
            r.code,
            r.name,
            r.unit,
            indicators.framework(r.code, report.lang),
            r.definition,
            f"etl/sql/indicators/{r.computation}.sql",
        ]
        for r in report.ledger.itertuples(index=False)
    ]
    end = _table(sheet, top, headers, rows)
    for line in range(top + 1, end):
        sheet.cell(row=line, column=5).alignment = Alignment(wrap_text=True, vertical="top")
    sources = report.sources
    source_top = end + 2
    sheet.cell(row=source_top, column=1, value=_t(report, N_("Sources"))).font = Font(bold=True)
    end = _table(
        sheet,
        source_top + 1,
        [_t(report, N_("Source")), _t(report, N_("As of")), _t(report, N_("Sample data"))],
        [
            [s.title, s.vintage, _t(report, N_("yes")) if s.is_sample else _t(report, N_("no"))]
            for s in sources.itertuples(index=False)
        ],
    )
    notes = [
        _t(report, indicators.FORECAST_METHOD),
        _t(report, indicators.MASK_NOTE),
        _t(report, FINAL),
        indicators.ACKNOWLEDGEMENT,
    ]
    for offset, note in enumerate(notes, start=1):
        sheet.cell(row=end + offset, column=1, value=note).font = Font(italic=True, size=9)
    for column, width in enumerate((10, 40, 16, 18, 90, 44), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


FINAL = N_(
    "Figures of submitted reporting periods are final: a later change to the records appears as "
    "a correction in the next report, never as a changed figure of a submitted period."
)


def excel_bytes(report: Report, user: User) -> bytes:
    book = Workbook()
    ledger_sheet = book.active
    assert ledger_sheet is not None
    ledger_sheet.title = _t(report, N_("Ledger"))[:31]
    # Funders get the published numbers (small counts masked, the rest rounded); everyone else
    # the exact numbers they see on screen.
    mask = user.mask_small_counts()
    if mask:
        report = published_report(report)
    _ledger_sheet(ledger_sheet, report, mask)
    _periods_sheet(book.create_sheet(_t(report, N_("Per period"))[:31]), report, mask)
    _evidence_sheets(book, report, user)
    _definitions_sheet(book.create_sheet(_t(report, N_("Sources and definitions"))[:31]), report)
    title, subtitle = _heading(report)
    book.properties.title = title
    book.properties.subject = subtitle
    book.properties.creator = "DIA Monitor"
    book.properties.description = indicators.ACKNOWLEDGEMENT
    if report.is_sample:
        book.properties.keywords = f"{SAMPLE_BANNER}; sample data"
        book.properties.title = f"{title} ({SAMPLE_BANNER})"
    book.custom_doc_props.append(
        StringProperty(name="Sample data", value="yes" if report.is_sample else "no")
    )
    neutralise_workbook(book)  # titles and names from the records stay text, never formulas
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- charts for the PDF ---------------------------------------------------------------------


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=200, bbox_inches="tight")
    return buffer.getvalue()


def overview_chart(report: Report) -> bytes:
    """Share of each target reached, coloured by whether the forecast reaches the target, with
    the forecast at the end (masked below 5)."""
    frame = report.ledger
    lang = report.lang
    figure = Figure(figsize=(7.5, 0.45 * len(frame) + 1.3))
    axes = figure.add_subplot()
    small = ~indicators.masked_forecast_share(frame, mask=True)
    share = (frame["share"] * 100).where(~small, 0)
    expected = (frame["forecast"] / frame["target"] * 100).where(~small)
    positions = list(range(len(frame)))
    axes.barh(
        positions,
        share,
        color=[ON_TRACK if ok else BEHIND for ok in frame["on_track"]],
        height=0.6,
    )
    axes.scatter(expected, positions, marker="|", s=400, linewidths=3, color="#333333", zorder=3)
    for y, value, masked in zip(positions, share, small, strict=True):
        text = MASK if masked else fmt_percent(value / 100, lang)
        axes.text(value + 1, y, text, va="center", fontsize=8)
    axes.axvline(100, color="#444444", linestyle="--", linewidth=1)
    axes.set_yticks(positions, [f"{r.code} · {r.name}" for r in frame.itertuples()], fontsize=8)
    axes.invert_yaxis()
    axes.tick_params(axis="x", labelsize=8)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{fmt_number(v, lang)} %"))
    axes.set_xlabel(_t(report, N_("Share of target")), fontsize=8)
    axes.set_title(_t(report, N_("Progress towards the targets")), loc="left", fontsize=11)
    end = fmt_date(report.cal.project_end, lang)
    axes.legend(
        handles=[
            Patch(
                color=ON_TRACK,
                label=_t(report, N_("Reached so far; the forecast reaches the target")),
            ),
            Patch(
                color=BEHIND,
                label=_t(report, N_("Reached so far; the forecast stays below the target")),
            ),
            Line2D(
                [],
                [],
                color="#333333",
                marker="|",
                linestyle="",
                markersize=12,
                markeredgewidth=3,
                label=_t(report, N_("Forecast at end {date}"), date=end),
            ),
        ],
        loc="upper center",
        bbox_to_anchor=(0.35, -0.16),
        ncol=2,
        fontsize=7.5,
        frameon=False,
    )
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def indicator_charts(report: Report) -> bytes:
    """Small multiples: each indicator's value per period and its cumulative against the
    target (values below 5 masked: no bar, the label "<5")."""
    lang = report.lang
    codes = list(report.ledger["code"])
    columns = 3
    rows = (len(codes) + columns - 1) // columns
    figure = Figure(figsize=(12, 3.4 * rows))
    series = report.series[report.series["position"] <= _position(report)]
    for index, code in enumerate(codes):
        axes = figure.add_subplot(rows, columns, index + 1)
        part = series[series["code"] == code]
        row = report.ledger[report.ledger["code"] == code].iloc[0]
        labels = ["\n".join(period_short(p, lang).rsplit(" ", 1)) for p in part["period"]]
        values = part["value"].fillna(0)
        small = values.map(is_small)
        axes.bar(
            labels,
            numeric_for_chart(values, mask=True).fillna(0),
            color="#8fb3d9",
            width=0.6,
            label=_t(report, N_("This period")),
        )
        cumulative = part["cumulative"]
        for x, masked, total in zip(labels, small, cumulative, strict=True):
            if masked and not is_small(total):  # else the cumulative's label says "<5" already
                axes.annotate(
                    MASK, (x, 0), textcoords="offset points", xytext=(0, 3), ha="center", fontsize=7
                )
        # A "<5" cumulative gets no point and its label sits on the axis: drawn at its true
        # height, the point would tell the count the label hides.
        cumulative = numeric_for_chart(part["cumulative"], mask=True)
        axes.plot(
            labels,
            cumulative,
            color=SIDE_COLOURS["DE"],
            marker="o",
            linewidth=1.8,
            label=_t(report, N_("Cumulative")),
        )
        for x, value, height in zip(labels, part["cumulative"], cumulative.fillna(0), strict=True):
            axes.annotate(
                fmt_count(value, lang, mask=True),
                (x, height),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=7,
            )
        target = float(row["target"])
        axes.axhline(target, color="#444444", linestyle="--", linewidth=1)
        axes.annotate(
            _t(report, N_("Target {value}"), value=fmt_number(target, lang)),
            (0, target),
            xycoords=("axes fraction", "data"),
            textcoords="offset points",
            xytext=(2, 3),
            fontsize=7,
        )
        axes.set_ylim(
            0, max(target, float(cumulative.max() if cumulative.notna().any() else 0)) * 1.15
        )
        axes.set_title(
            "\n".join(textwrap.wrap(f"{code} · {row['name']}", 52)), loc="left", fontsize=8.5
        )
        axes.tick_params(labelsize=7)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, lang)))
        axes.spines[["top", "right"]].set_visible(False)
    handles, names = figure.axes[0].get_legend_handles_labels()
    figure.legend(handles, names, loc="upper center", ncol=2, fontsize=8, frameon=False)
    figure.tight_layout(rect=(0, 0, 1, 0.96))
    return _png(figure)


def split_chart(report: Report) -> bytes:
    """Each indicator's cumulative split over NL, DE and NL–DE jointly (masked below 5)."""
    lang = report.lang
    frame = report.ledger
    figure = Figure(figsize=(8.5, 0.4 * len(frame) + 1.3))
    axes = figure.add_subplot()
    names = [f"{r.code}" for r in frame.itertuples()]
    left = pd.Series(0.0, index=frame.index)
    for side, column in indicators.SIDE_COLUMNS.items():
        values = frame[column].fillna(0)
        shares = (values / frame["cumulative"].where(frame["cumulative"] > 0)).fillna(0) * 100
        hidden = values.map(is_small)
        shares = shares.where(~hidden, 0)
        axes.barh(
            names,
            shares,
            left=left,
            color=SIDE_COLOURS[side],
            label=translate(lang, SIDES[side]),
            height=0.6,
        )
        for y, (start, width, value, masked) in enumerate(
            zip(left, shares, values, hidden, strict=True)
        ):
            if width >= 8 or masked:
                axes.text(
                    start + width / 2 if not masked else start + 1,
                    y,
                    fmt_count(value, lang, mask=True),
                    va="center",
                    ha="center" if not masked else "left",
                    fontsize=8,
                    color="white" if not masked else "black",
                )
        left = left + shares
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{fmt_number(v, lang)} %"))
    axes.set_title(_t(report, N_("Cumulative by side of the border")), loc="left", fontsize=11)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=8, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


# --- PDF ------------------------------------------------------------------------------------


class _LedgerPDF(FPDF):
    def __init__(self, report: Report) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.report = report
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
        self.set_auto_page_break(auto=True, margin=22)
        self.set_margins(12, 12, 12)

    def header(self) -> None:
        report = self.report
        if report.is_sample:
            self.set_fill_color(*RED)
            self.set_text_color(255, 255, 255)
            self.set_font(FONT, "B", 10)
            self.cell(0, 7, f"{SAMPLE_BANNER} – {_t(report, NOT_REAL)}", align="C", fill=True)
            self.ln(9)
        self.set_text_color(*DARK)
        self.set_font(FONT, "B", 9)
        self.cell(0, 5, "DIA Monitor · Ondernemend Emmen · Wirtschaftsverband Emsland")
        self.set_font(FONT, "", 9)
        self.cell(0, 5, period_label(report.period, report.lang), align="R")
        self.ln(7)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font(FONT, "I", 7)
        self.set_text_color(80, 80, 80)
        self.multi_cell(0, 3.5, indicators.ACKNOWLEDGEMENT, align="C")
        self.set_font(FONT, "", 7)
        self.cell(0, 4, f"{self.page_no()} / {{nb}}", align="C")


def pdf_bytes(report: Report) -> bytes:
    """The funders' report (the same for every role): published numbers only."""
    report = published_report(report)
    pdf = _LedgerPDF(report)
    title, subtitle = _heading(report)
    pdf.set_title(title + (f" ({SAMPLE_BANNER})" if report.is_sample else ""))
    pdf.set_subject(subtitle)
    pdf.set_author("DIA Monitor")
    pdf.set_creator("DIA Monitor")
    pdf.set_keywords(f"DIA; Interreg; {SAMPLE_BANNER}" if report.is_sample else "DIA; Interreg")
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(80, 80, 80)
    pdf.multi_cell(0, 5, subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    _pdf_ledger(pdf, report)
    pdf.ln(2)
    pdf.set_font(FONT, "I", 8)
    for note in (
        indicators.FORECAST_METHOD,
        indicators.MASK_NOTE,
        N_("NL–DE jointly: counted for both sides together (see the definitions)."),
        FINAL,
    ):
        pdf.multi_cell(0, 4, _t(report, note), new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.image(io.BytesIO(overview_chart(report)), w=175, x=(pdf.w - 175) / 2)
    pdf.ln(3)
    pdf.image(io.BytesIO(split_chart(report)), w=150, x=(pdf.w - 150) / 2)
    pdf.add_page()
    pdf.image(io.BytesIO(indicator_charts(report)), w=255, x=(pdf.w - 255) / 2)
    pdf.add_page()
    _pdf_definitions(pdf, report)
    pdf.alias_nb_pages()
    return bytes(pdf.output())


def _column_widths(pdf: FPDF, table: pd.DataFrame, name_column: int) -> list[float]:
    """Each column as wide as its longest word (header in bold, values in regular type), so no
    word is broken; the indicator's name takes the rest of the line and wraps."""
    padding = 2 * CELL_PADDING + 1.5
    widths = []
    for column in table.columns:
        pdf.set_font(FONT, "B", TABLE_FONT_SIZE)
        header = max(pdf.get_string_width(word) for word in str(column).split())
        pdf.set_font(FONT, "", TABLE_FONT_SIZE)
        cells = max(
            (pdf.get_string_width(word) for v in table[column] for word in str(v).split()),
            default=0,
        )
        widths.append(max(header, cells) + padding)
    widths[name_column] = max(
        40.0, pdf.epw - sum(w for i, w in enumerate(widths) if i != name_column)
    )
    return widths


def _pdf_ledger(pdf: FPDF, report: Report) -> None:
    # Compact (the three sides in one column, units with the definitions): it fits the page.
    table = indicators.published_ledger_table(report.ledger, report.lang)
    # The programme period goes under the code (its own column would not fit the page).
    code, period = (_t(report, indicators.COLUMNS[key]) for key in ("code", "programme_period"))
    table = table.drop(columns=period)
    table[code] = [
        f"{c} {p}" if p else c
        for c, p in zip(table[code], report.ledger["programme_period"].fillna(""), strict=True)
    ]
    widths = _column_widths(pdf, table, name_column=1)
    pdf.set_font(FONT, "", TABLE_FONT_SIZE)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=DARK)
    with pdf.table(
        col_widths=widths,
        width=min(sum(widths), pdf.epw),  # the sum can pass the page by a rounding error
        headings_style=heading,
        line_height=4.2,
        padding=CELL_PADDING,
        text_align=("LEFT", "LEFT", "LEFT", *("RIGHT",) * (len(widths) - 3)),
        borders_layout="HORIZONTAL_LINES",
    ) as grid:
        grid.row([str(c) for c in table.columns])
        for values in table.itertuples(index=False):
            grid.row([str(v) for v in values])


def _pdf_definitions(pdf: FPDF, report: Report) -> None:
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 8, _t(report, N_("Definitions and sources")), new_x="LMARGIN", new_y="NEXT")
    for row in report.ledger.itertuples(index=False):
        pdf.set_font(FONT, "B", 9)
        pdf.multi_cell(
            0,
            5,
            f"{row.code} · {row.name} ({row.unit}; {indicators.framework(row.code, report.lang)})",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font(FONT, "", 8.5)
        pdf.multi_cell(0, 4.2, str(row.definition), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "I", 7.5)
        pdf.set_text_color(90, 90, 90)
        pdf.multi_cell(
            0,
            4,
            _t(
                report,
                N_("Computed by {file} from the warehouse tables."),
                file=f"etl/sql/indicators/{row.computation}.sql",
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1.5)
    pdf.ln(2)
    pdf.set_font(FONT, "B", 9)
    pdf.cell(0, 6, _t(report, N_("Sources")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8)
    for source in report.sources.itertuples(index=False):
        pdf.multi_cell(0, 4, f"{source.title} · {source.vintage}", new_x="LMARGIN", new_y="NEXT")
