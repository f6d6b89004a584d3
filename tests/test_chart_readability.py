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
            return array.reshape(value["shape"]).tolist() if "shape" in value else array.tolist()
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
