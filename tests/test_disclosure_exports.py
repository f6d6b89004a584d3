"""The attacker against what a funder takes home: the PowerPoint deck (native chart series, their
data labels and the workbook embedded in each chart), the ledger PDF (its text) and the chart
data downloads (Excel, CSV). Every count must be published as on the page ("<5", or rounded),
none may be worked back from the relations between them, and with the protection switched off
the same attacker does recover counts. Directors and staff get their own exact numbers in the
deck instead.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from core.i18n import Lang
from dia import privacy
from dia.auth import Role
from tests.apptest import index_of, open_page
from tests.attacker import MASK, Attack
from tests.test_disclosure_attack import _consistent

SIZE_CLASSES = 5


@dataclass
class ChartSeries:
    name: str
    values: list[float | None]
    labels: list[str]  # a point's own data label ("<5"), "" where the value is shown


def _deck(role: Role, association: str | None, keys: list[str], lang: Lang = "en") -> bytes:
    """The deck the demo user makes from the members page's charts ``keys`` (in that order)."""
    at = open_page("views/members.py", index_of(role, association), lang)
    for key in keys:
        at.button(key=f"add_{key}").click().run()
    at.switch_page("views/presentation.py").run()
    make = {"en": "Make the deck", "nl": "Presentatie maken", "de": "Präsentation erstellen"}
    next(b for b in at.button if b.label == make[lang]).click().run()
    assert not at.exception
    _recipe, data = at.session_state["deck_file"]
    return bytes(data)


def _charts(data: bytes) -> list[dict[str, ChartSeries]]:
    """Each native chart's series: values, point labels, and the embedded workbook checked to
    hold exactly these values (a hidden exact number there would undo every mask)."""
    charts = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if not shape.has_chart:
                continue
            plot = shape.chart.plots[0]
            found: dict[str, ChartSeries] = {}
            for series in plot.series:
                values = list(series.values)
                labels = [
                    series.points[i].data_label.text_frame.text
                    if series.points[i].data_label.has_text_frame
                    else ""
                    for i in range(len(values))
                ]
                found[series.name] = ChartSeries(series.name, values, labels)
            book = openpyxl.load_workbook(
                io.BytesIO(shape.chart.part.chart_workbook.xlsx_part.blob)
            )
            sheet = book.worksheets[0]
            for column, chart_series in enumerate(found.values(), start=2):
                stored = [sheet.cell(row, column).value for row in range(2, 2 + len(values))]
                assert stored == chart_series.values, (chart_series.name, stored)
            charts.append(found)
    return charts


def attack_funder_deck(base: int) -> Attack:
    """Members by sector and by company size, as a funder's deck: per association the sum over
    the sectors = the sum over the size classes (both are all members)."""
    sector, size = _charts(_deck(Role.FUNDER, None, ["members_sector", "members_size"]))
    attack = Attack(base)
    for association in ("OE", "WVE"):
        parts = {}
        for title, chart in (("sector", sector), ("size", size)):
            series = chart[association]
            parts[title] = [
                attack.publish(
                    f"{association}.{title}.{i}",
                    MASK if label == MASK else (value if value is not None else 0),
                )
                for i, (value, label) in enumerate(zip(series.values, series.labels, strict=True))
            ]
        attack.equal(parts["sector"], parts["size"])
    return attack


def test_funder_deck_publishes_as_the_page_and_gives_nothing_away(data_dir: Path) -> None:
    attack = attack_funder_deck(privacy.ROUNDING_BASE)
    masked = [c for c in attack.cells.values() if c.masked]
    assert masked, "the funder's deck carries <5 points"
    for cell in attack.cells.values():  # every shown count is on the grid: 0 or rounded to 10
        assert cell.masked or cell.lo == cell.hi == 0 or cell.hi - cell.lo == 9, cell
    assert attack.solve() == []
    _consistent(attack)


def test_unprotected_deck_leaks(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy, "ROUNDING_BASE", 1)
    attack = attack_funder_deck(1)
    recovered = attack.solve()
    _consistent(attack)
    assert recovered, "with exact numbers beside the <5 points, a sum gives one away"


def test_director_and_staff_decks_carry_their_exact_numbers(data_dir: Path) -> None:
    from dia.data import members
    from dia.data.warehouse import query

    exact = query("members_by_size", as_of=members.today())
    for role, own in ((Role.DIRECTOR, "OE"), (Role.STAFF, "WVE")):
        (size,) = _charts(_deck(role, own, ["members_size"], lang="nl"))
        counts = (
            exact[exact["association"] == own]
            .set_index("size_class")["members"]
            .reindex(members.SIZE_ORDER)
            .fillna(0)
        )
        shown = size[own]
        assert MASK not in shown.labels
        assert [v for v in shown.values if v] == [float(v) for v in counts.to_list() if v]
        assert any(v % 10 for v in counts), "the sample has counts that rounding would change"


# --- chart data downloads (Excel, CSV) -----------------------------------------------------


def attack_chart_downloads(base: int, monkeypatch: pytest.MonkeyPatch) -> Attack:
    """The members page's "by sector" and "by company size" data as a funder downloads them,
    CSV and Excel: per association the sum over sectors = the sum over size classes, and the
    CSV and the Excel file publish the same cells."""
    import streamlit as st

    seen: dict[str, object] = {}
    original = st.download_button

    def spy(label: str, data: object = None, *args: object, **kwargs: object) -> object:
        seen[str(kwargs.get("key"))] = data
        return original(label, data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(st, "download_button", spy)
    at = open_page("views/members.py", index_of(Role.FUNDER), "en")
    assert not at.exception
    attack = Attack(base)
    for association in ("OE", "WVE"):
        parts: dict[str, list[str]] = {}
        for key in ("members_sector", "members_size"):
            text = seen[f"csv_{key}"]().decode("utf-8-sig")  # type: ignore[operator]
            table = "\n".join(x for x in text.splitlines() if not x.startswith("# "))
            csv = pd.read_csv(io.StringIO(table), dtype=str)
            book = openpyxl.load_workbook(io.BytesIO(seen[f"xlsx_{key}"]()))  # type: ignore[operator]
            rows = list(book.worksheets[0].iter_rows(values_only=True))
            top = next(i for i, r in enumerate(rows) if association in r)
            column = rows[top].index(association)
            in_book = ["" if r[column] is None else str(r[column]) for r in rows[top + 1 :]]
            in_csv = csv[association].fillna("").to_list()
            assert [v.removesuffix(".0") for v in in_book] == in_csv, (key, association)
            parts[key] = [
                attack.publish(f"{association}.{key}.{i}", value or 0)
                for i, value in enumerate(in_csv)
            ]
        attack.equal(parts["members_sector"], parts["members_size"])
    return attack


def test_chart_downloads_give_nothing_away(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attack = attack_chart_downloads(privacy.ROUNDING_BASE, monkeypatch)
    assert any(c.masked for c in attack.cells.values()), "the downloads carry <5 cells"
    assert attack.solve() == []
    _consistent(attack)


def test_unprotected_chart_downloads_leak(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy, "ROUNDING_BASE", 1)
    attack = attack_chart_downloads(1, monkeypatch)
    recovered = attack.solve()
    _consistent(attack)
    assert recovered


# --- the ledger PDF -------------------------------------------------------------------------


def _figures(line: str) -> list[str]:
    """The published figures of a ledger line: numbers, "<5", "−<5", "–" (no such side)."""
    tokens = [t.rstrip("%") for t in line.split()]
    return [t for t in tokens if t and (t[-1].isdigit() or t == "–")]


def _pdf_ledgers(base: int) -> Attack:
    """The funder PDF of every begun period, read back as text (pdftotext -layout): per row
    cumulative = previously reported + correction + this period = NL + DE + jointly, and a
    period's "previously reported" = the period before's cumulative."""
    from dia.data import project
    from dia.export import ledger

    cal = project.calendar()
    attack = Attack(base)
    before: dict[str, str] = {}
    for period in cal.reported:
        report = ledger.prepare(period, "en", cal, is_sample=project.is_sample())
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"],
            input=ledger.pdf_bytes(report),
            capture_output=True,
            check=True,
        ).stdout.decode()
        now: dict[str, str] = {}
        for code in report.ledger["code"]:
            lines = text.splitlines()
            at = next(i for i, x in enumerate(lines) if x.split()[:1] == [code])
            line = next(x for x in lines[at : at + 3] if len(_figures(x)) >= 11)
            tokens = [t for t in line.split() if t not in ("%",)]
            figures = tokens[
                -11:
            ]  # baseline target previous correction this cumulative share forecast NL DE joint
            previous, correction, this, cumulative = figures[2:6]
            sides = figures[8:11]
            cells = {
                "previous": attack.publish(f"{period}.{code}.previous", previous),
                "correction": attack.publish_change(f"{period}.{code}.correction", correction),
                "this": attack.publish(f"{period}.{code}.this", this),
                "cumulative": attack.publish(f"{period}.{code}.cumulative", cumulative),
            }
            attack.equal(
                [cells["cumulative"]], [cells["previous"], cells["correction"], cells["this"]]
            )
            named = [
                attack.publish(f"{period}.{code}.side{i}", side)
                for i, side in enumerate(sides)
                if side != "–"
            ]
            attack.equal([cells["cumulative"]], named)
            if code in before:
                attack.equal([cells["previous"]], [before[code]])
            now[code] = cells["cumulative"]
        before = now
    return attack


def test_ledger_pdf_text_gives_nothing_away(data_dir: Path) -> None:
    attack = _pdf_ledgers(privacy.ROUNDING_BASE)
    assert any(c.masked for c in attack.cells.values()), "the PDFs publish <5 cells"
    assert attack.solve() == []
    _consistent(attack)


def test_unprotected_ledger_pdf_leaks(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy, "ROUNDING_BASE", 1)
    attack = _pdf_ledgers(1)
    recovered = attack.solve()
    _consistent(attack)
    assert recovered


def test_ledger_pdf_charts_draw_no_masked_count(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chart geometry of the PDF: every bar, line point and label the count charts put in data
    coordinates is at 0 or at a published (rounded) height — never where a "<5" really is."""
    from matplotlib.axes import Axes

    from dia.data import project
    from dia.export import ledger

    drawn: list[float] = []
    real_bar, real_plot, real_annotate = Axes.bar, Axes.plot, Axes.annotate

    def bar(self: Axes, x: object, height: object, *args: object, **kwargs: object) -> object:
        drawn.extend(float(h) for h in height)  # type: ignore[attr-defined]
        return real_bar(self, x, height, *args, **kwargs)  # type: ignore[arg-type]

    def plot(self: Axes, x: object, y: object, *args: object, **kwargs: object) -> object:
        drawn.extend(float(v) for v in y)  # type: ignore[attr-defined]
        return real_plot(self, x, y, *args, **kwargs)  # type: ignore[arg-type]

    def annotate(
        self: Axes, text: str, xy: tuple[object, float], *args: object, **kw: object
    ) -> object:
        if kw.get("xycoords", "data") == "data":
            drawn.append(float(xy[1]))
        return real_annotate(self, text, xy, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Axes, "bar", bar)
    monkeypatch.setattr(Axes, "plot", plot)
    monkeypatch.setattr(Axes, "annotate", annotate)
    cal = project.calendar()
    for period in cal.reported:
        report = ledger.prepare(period, "en", cal, is_sample=project.is_sample())
        ledger.indicator_charts(ledger.published_report(report))
    assert drawn
    off_grid = [v for v in drawn if v == v and v != 0 and v % privacy.ROUNDING_BASE]
    assert not off_grid, f"drawn at exact heights: {sorted(set(off_grid))[:10]}"
