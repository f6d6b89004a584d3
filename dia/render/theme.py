"""One chart style for screen and export: the plotly template ``dia``, the default of every
figure. Pages draw figures with Streamlit's theme switched off (``theme=None``), so what staff
see on screen is what the PNG, SVG and slide show."""

from __future__ import annotations

from typing import Final

import plotly.graph_objects as go
import plotly.io as pio

from dia.render.style import CODE_COLOURS, GUIDE_GREY

NAME: Final = "dia"
FONT: Final = '"Source Sans", "Source Sans Pro", sans-serif'  # the page's own font
TEXT: Final = "#31333f"  # Streamlit's text colour: charts read like the page around them
GRID: Final = "#e6e6e6"
# Okabe–Ito, the order codes without a colour of their own take.
COLOURWAY: Final = [CODE_COLOURS[c] for c in ("physical", "digital", "hybrid", "joint project")] + [
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    GUIDE_GREY,
]


def _template() -> go.layout.Template:
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.update(
        font={"family": FONT, "size": 13, "color": TEXT},
        title={"font": {"size": 15, "color": TEXT}},
        colorway=COLOURWAY,
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel={"font": {"family": FONT, "size": 13}},
        legend={"font": {"size": 12}},
    )
    # Axes make room for their labels, on screen as on paper (names are never cut off).
    axis = {
        "gridcolor": GRID,
        "zerolinecolor": "#bbbbbb",
        "linecolor": "#bbbbbb",
        "automargin": True,
    }
    template.layout.xaxis.update(axis)
    template.layout.yaxis.update(axis)
    return template


def use() -> None:
    """Register the template and make it every new figure's default (idempotent)."""
    if NAME not in pio.templates:
        pio.templates[NAME] = _template()
    pio.templates.default = NAME


use()
