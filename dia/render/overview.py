"""The overview page's map, drawn from ``overview.map_frame``."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from core.i18n import Lang, translate
from dia.data.overview import Measure
from dia.render.maps import area_map


def overview_map(frame: pd.DataFrame, measure: Measure, lang: Lang) -> go.Figure:
    return area_map(frame, lang, colourbar_title=translate(lang, measure.unit))
