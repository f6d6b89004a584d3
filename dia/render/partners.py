"""The partner page's figure: what each suggestion's score is made of."""

from __future__ import annotations

from typing import Final

import pandas as pd
import plotly.graph_objects as go

from core.i18n import N_, Lang, translate
from dia.data.partner_score import COMPONENTS, Anchor, Weights
from dia.render.charts import layout

COMPONENT_LABELS: Final[dict[str, str]] = {
    "sector": N_("Sector"),
    "distance": N_("Distance"),
    "activity": N_("Same activities"),
    "shortage": N_("Shared shortages"),
    "size": N_("Size"),
}
# One colour per reason, the same on every chart of the page.
COMPONENT_COLOURS: Final[dict[str, str]] = {
    "sector": "#1f5f8b",
    "distance": "#6baed6",
    "activity": "#e6850e",
    "shortage": "#c0392b",
    "size": "#7f8c8d",
}
TITLE = N_("What the score of each suggestion is made of")
AXIS = N_("Score (0–100)")


def contributions(table: pd.DataFrame, anchor: Anchor, weights: Weights) -> pd.DataFrame:
    """Points each reason adds to each suggestion's score (they sum to the score)."""
    used = [c for c in anchor.components if weights.weights[c] > 0]
    total = sum(weights.weights[c] for c in used)
    factor = (
        table["cooperation"]
        .isin(["planned", "active", "completed"])
        .map({True: weights.cooperating_factor, False: 1.0})
    )
    return pd.DataFrame(
        {c: 100 * weights.weights[c] * table[f"c_{c}"] / total * factor for c in used},
        index=table.index,
    )


def score_figure(names: list[str], parts: pd.DataFrame, lang: Lang) -> go.Figure:
    """Horizontal stacked bars, best suggestion on top."""
    figure = go.Figure()
    for component in COMPONENTS:
        if component not in parts:
            continue
        figure.add_bar(
            y=names,
            x=parts[component].round(1),
            orientation="h",
            name=translate(lang, COMPONENT_LABELS[component]),
            marker_color=COMPONENT_COLOURS[component],
            hovertemplate="%{y}<br>%{fullData.name}: %{x:.1f}<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title=translate(lang, AXIS), range=[0, 100])
    return layout(figure, lang, translate(lang, TITLE), height=120 + 32 * len(names))
