"""Charts people can read: labels that keep clear of reference lines and of each other,
every colour and symbol in a legend, totals only where they are totals. Checked on the plotly
figures the pages draw."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dia.auth import Role
from tests.apptest import index_of, open_page


def _plain(value: Any) -> Any:
    """Plotly's typed arrays (``{"dtype": "f8", "bdata": …}``) as lists, recursively."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            shape = str(value.get("shape", len(array)))  # "10, 9" for a grid
            return array.reshape([int(n) for n in shape.split(",")]).tolist()
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _specs(at: Any) -> list[dict[str, Any]]:
    return [_plain(json.loads(element.proto.spec)) for element in at.get("plotly_chart")]


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_tension_labels_keep_clear_of_the_reference_line(data_dir: Path, lang: str) -> None:
    at = open_page("views/labour.py", index_of(Role.STAFF, "OE"), lang)
    assert not at.exception
    tension = next(
        spec
        for spec in _specs(at)
        if any(s.get("line", {}).get("dash") == "dot" for s in spec["layout"].get("shapes", []))
        and all(t.get("type") == "bar" for t in spec["data"])
    )
    references = {
        shape["xref"]: shape["x0"]
        for shape in tension["layout"]["shapes"]
        if shape.get("line", {}).get("dash") == "dot"
    }
    assert set(references) == {"x", "x2"}  # one line per side
    bars: dict[tuple[str, str], float] = {}
    for trace in tension["data"]:
        assert "text" not in trace or not trace["text"], "labels are drawn once, as annotations"
        for value, name in zip(trace["x"], trace["y"], strict=True):
            bars[(trace.get("xaxis", "x"), name)] = value if value is not None else 0.0
    labels = [a for a in tension["layout"]["annotations"] if a.get("xref") in references]
    assert len(labels) == len(bars)
    for label in labels:
        reference = references[label["xref"]]
        # Anchored at its left edge, a few pixels right of both the bar's end and the line.
        assert label["xanchor"] == "left" and label["xshift"] > 0
        assert label["x"] >= reference - 1e-9, label["text"]
        assert label["x"] >= bars[(label["xref"], label["y"])] - 1e-9, label["text"]
    # The axis leaves room for the longest bar's label.
    for axis, reference in references.items():
        layout_axis = tension["layout"]["xaxis" + axis[1:]]
        longest = max(v for (a, _name), v in bars.items() if a == axis)
        assert layout_axis["range"][1] >= 1.5 * max(longest, reference)


@pytest.mark.parametrize("role", [Role.STAFF, Role.FUNDER])
def test_cooperation_map_draws_one_line_per_pair_with_a_width_legend(
    published: Any, role: Role
) -> None:
    from dia.data import cooperation
    from dia.data.warehouse import query
    from dia.policy import viewer_for
    from dia.render.cooperation import link_figure

    viewer = viewer_for(role, ["OE"] if role == Role.STAFF else [])
    statuses = ["active", "completed", "planned", "stopped"]
    regions, links, _unplaced = cooperation.link_frames(
        "verwaltungsgemeinschaft", statuses, "nl", viewer
    )
    figure = link_figure(regions, links, "nl")
    raw = query("coop_links", de_level="verwaltungsgemeinschaft", statuses=statuses).dropna()
    pairs = raw.groupby(["nl_region", "de_region"])["collaborations"].sum()
    assert len(pairs) > 10 and len(links) == len(pairs)  # one line per pair, not per kind
    lines = [
        t for t in figure.data if t.type == "scattergeo" and t.mode == "lines" and t.legendgroup
    ]
    lines = [t for t in lines if t.legendgroup in set(links["group"])]
    in_legend = [t for t in lines if t.showlegend is not False]
    # Every width drawn has its own legend entry, widest first, named by its numbers.
    assert {t.line.width for t in lines} == {t.line.width for t in in_legend}
    widths = [t.line.width for t in in_legend]
    assert widths == sorted(widths, reverse=True) and len(set(widths)) == len(widths)
    assert len(widths) >= (2 if role == Role.STAFF else 1)
    names = [t.name for t in in_legend]
    assert all("samenwerking" in name for name in names), names
    steps = cooperation.WIDTH_STEPS_MASKED if role == Role.FUNDER else cooperation.WIDTH_STEPS
    for (nl, de), total in pairs.items():
        row = links[(links["from_id"] == nl) & (links["to_id"] == de)].iloc[0]
        *_bounds, width = next(
            s for s in steps if total >= s[0] and (s[1] is None or total <= s[1])
        )
        assert row["width"] == width and row["collaborations"] == total
    middles = [t for t in figure.data if t.type == "scattergeo" and t.mode == "markers"]
    assert sum(len(t.lon) for t in middles if t.legendgroup in set(links["group"])) == len(pairs)
    if role == Role.FUNDER:  # a funder's legend does not tell counts below 5 apart
        assert "minder dan 5 samenwerkingen" in names and "1 samenwerking" not in names


@pytest.mark.parametrize("role", [Role.STAFF, Role.FUNDER])
def test_stacked_bars_label_segments_inside_and_totals_on_top(published: Any, role: Role) -> None:
    """Segment labels never shrink (too small: hidden, value on hover); the only label above a
    stack is the period's total, and it is the sum of the segments."""
    from dia.data import indicators, project
    from dia.policy import viewer_for
    from dia.render.indicators import progress_figure

    viewer = viewer_for(role, ["OE"] if role == Role.STAFF else [])
    cal = project.calendar()
    codes = list(indicators.ledger(cal.current, "nl", cal)["code"])
    seen_stacked = False
    for code in codes:
        series = indicators.period_series(code, "nl", cal, viewer)
        figure = progress_figure(series, "nl")
        bars = [t for t in figure.data if t.type == "bar"]
        heights = np.sum([np.asarray(t.y, dtype=float) for t in bars], axis=0)
        assert figure.layout.uniformtext.mode == "hide"
        assert figure.layout.uniformtext.minsize >= 11
        assert all(t.textfont.size >= figure.layout.uniformtext.minsize for t in bars)
        if len(bars) == 1:  # one side: the value above the bar is the total
            assert bars[0].textposition == "outside"
            continue
        seen_stacked = True
        assert {t.textposition for t in bars} == {"inside"}
        (totals,) = [t for t in figure.data if t.type == "scatter" and t.mode == "text"]
        assert np.allclose(np.asarray(totals.y, dtype=float), heights)
        assert list(totals.text) == list(series.periods["total_text"])
        if role == Role.STAFF:  # exact numbers: the label says the sum of the segments
            sums = [
                sum(int(str(t.text[i]).replace(".", "")) for t in bars)
                for i in range(len(totals.text))
            ]
            assert [int(str(x).replace(".", "")) for x in totals.text] == sums
    assert seen_stacked


def test_one_chart_style_on_screen_and_in_exports(data_dir: Path) -> None:
    """Every chart of a page is drawn with the dashboard's template and without Streamlit's
    theme on top, and a picture for a slide uses the same template."""
    import plotly.graph_objects as go

    from dia.export.images import export_ready
    from dia.render import theme

    at = open_page("views/cooperation.py", index_of(Role.STAFF, "OE"), "nl")
    assert not at.exception
    charts = list(at.get("plotly_chart"))
    assert len(charts) >= 4
    for chart in charts:
        assert chart.proto.theme != "streamlit"
        template = json.loads(chart.proto.spec)["layout"]["template"]["layout"]
        assert template["font"]["family"] == theme.FONT
        assert template["yaxis"]["automargin"] is True
    picture = export_ready(go.Figure(go.Bar(x=[1], y=[2])))
    assert picture.layout.template.layout.font.family == theme.FONT


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_landing_page_indicator_tile_keeps_title_legend_and_names_apart(
    data_dir: Path, lang: str
) -> None:
    from dia.render.indicators import NAME_WIDTH

    at = open_page("views/home.py", index_of(Role.DIRECTOR, "OE"), lang)
    assert not at.exception
    chart = next(c for c in at.get("plotly_chart") if c.proto.spec and "home" in c.key)
    assert chart.proto.theme != "streamlit"
    spec = _plain(json.loads(chart.proto.spec))
    legend = spec["layout"]["legend"]
    # The legend hangs under the plot: it cannot run into the title at the top.
    assert legend["y"] < 0 and legend["yanchor"] == "top"
    bars = [t for t in spec["data"] if t["type"] == "bar"]
    names = [name for t in bars for name in t["y"]]
    assert names and all("…" not in name for name in names)
    assert all(len(line) <= NAME_WIDTH for name in names for line in name.split("<br>"))
    assert all(t.get("textangle") == 0 for t in bars)  # "67 %" is never turned on its side
    lines = max(name.count("<br>") + 1 for name in names)
    assert spec["layout"]["height"] >= len(names) * 17 * lines  # rows tall enough for the names


def _unexplained_marks(spec: dict[str, Any]) -> list[tuple[str, object, object]]:
    """Marker symbol/colour pairs and line colours drawn without a legend entry that shows
    them the same way (neutral greys of guides and open rows excepted)."""
    neutral = {"#bbbbbb", "#9a9a9a"}
    shown_marks: set[tuple[object, object]] = set()
    shown_lines: set[object] = set()
    drawn_marks: set[tuple[object, object]] = set()
    drawn_lines: set[object] = set()
    for trace in spec["data"]:
        if trace.get("type") != "scatter":
            continue
        mode = trace.get("mode", "")
        marker, line = trace.get("marker", {}), trace.get("line", {})
        if trace.get("showlegend", True) and trace.get("name"):
            if "markers" in mode:
                shown_marks.add((marker.get("symbol", "circle"), marker.get("color")))
            if "lines" in mode:
                shown_lines.add(line.get("color"))
            continue
        points = [x for x in trace.get("x", []) if x is not None]
        if not points:
            continue
        if "markers" in mode:
            symbols, colours = marker.get("symbol", "circle"), marker.get("color")
            count = len(trace["x"])
            symbols = symbols if isinstance(symbols, list) else [symbols] * count
            colours = colours if isinstance(colours, list) else [colours] * count
            drawn_marks |= set(zip(symbols, colours, strict=True))
        if "lines" in mode and line.get("color") not in neutral:
            drawn_lines.add(line.get("color"))
    return [("marker", s, c) for s, c in drawn_marks - shown_marks] + [
        ("line", c, None) for c in drawn_lines - shown_lines
    ]


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_every_milestone_mark_is_in_a_legend(data_dir: Path, lang: str) -> None:
    progress = open_page("views/progress.py", index_of(Role.DIRECTOR, "OE"), lang)
    cooperation = open_page("views/cooperation.py", index_of(Role.STAFF, "OE"), lang)
    assert not progress.exception and not cooperation.exception
    milestone_chart = next(s for s in _specs(progress) if "diamond" in json.dumps(s))
    timeline = next(s for s in _specs(cooperation) if "diamond" in json.dumps(s))
    for spec in (milestone_chart, timeline):
        assert _unexplained_marks(spec) == []
    # The sample has milestones on time, late, overdue and ahead: all four are explained.
    states = {"done", "done late", "overdue", "open"}
    names = {t.get("name") for t in timeline["data"] if t.get("legendgroup") == "milestones"}
    assert len(names) == len(states)
    # Milestones still ahead are drawn visibly (dark outline), not white on white.
    marks = next(t for t in timeline["data"] if t.get("name") and "diamond-open" in json.dumps(t))
    assert "#ffffff" not in json.dumps(marks.get("marker", {}).get("color"))


def test_native_chart_names_quarters_as_the_axis_does(published: Any) -> None:
    """A chart whose bars stand at a quarter's middle day goes to the deck with the quarter's
    name as category (as on the axis), not the ISO date."""
    from dia.data import cooperation, project
    from dia.export.figure_data import chart_data
    from dia.policy import viewer_for
    from dia.render.cooperation import participants_figure

    cal = project.calendar()
    frame = cooperation.participants("companies", "de", viewer_for(Role.STAFF, ["OE"]))
    figure = participants_figure(
        frame, "companies", "de", project=(cal.project_start, cal.project_end)
    )
    data = chart_data(figure)
    assert data is not None and data.categories
    assert all(c.startswith("Q") and c[-4:].isdigit() and "-" not in c for c in data.categories)
