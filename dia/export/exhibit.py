"""An exhibit: one chart or map as the page shows it, rebuildable in any language.

A page describes each figure once (key, how to build it for a language, its title and
sources); the screen, the presentation basket, the picture downloads and the deck all render
from that description, so a deck in German from a Dutch screen shows the same filters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import plotly.graph_objects as go

from core.i18n import Lang, translate
from dia.export.figure_data import plain
from dia.render.map_labels import label_map
from dia.render.source_words import dates

SAMPLE_MARK = "voorbeelddata / Beispieldaten"

Sources = list[tuple[str, str]]  # (source in words, vintage) as the captions show them


@dataclass(frozen=True)
class Exhibit:
    key: str  # unique across the app, e.g. "progress.plan"
    page: str  # url_path of the page it comes from
    build: Callable[[Lang], go.Figure]
    sources: Callable[[Lang], Sources]
    is_sample: bool
    title: Callable[[Lang], str] | None = None  # default: the figure's own title
    filters: Mapping[str, str] = field(default_factory=dict)  # readable, for the basket list
    is_map: bool = False
    # Values are counts of companies or persons: masked below 5 for funders in every export.
    counts: bool = False
    indicators: tuple[str, ...] = ()  # indicator codes shown (for the definitions slide)
    # What the figure shows in words, where reading it back from the traces says too little.
    summary: Callable[[Lang], str] | None = None


@dataclass(frozen=True)
class Rendered:
    """An exhibit built in one language."""

    figure: go.Figure
    title: str
    source_line: str
    is_sample: bool


def source_line(sources: Sources, lang: Lang, *, is_sample: bool) -> str:
    """ "Source: … · as of …", with the bilingual sample label where it applies."""
    text = (
        translate(lang, "Source")
        + ": "
        + " | ".join(
            f"{title} · {dates(vintage, lang)}" if vintage else title for title, vintage in sources
        )
    )
    if is_sample and SAMPLE_MARK not in text:
        text += f" · {SAMPLE_MARK}"
    return text


def render(exhibit: Exhibit, lang: Lang) -> Rendered:
    figure = exhibit.build(lang)
    if exhibit.is_map:
        figure = label_map(figure, lang)
    title = exhibit.title(lang) if exhibit.title else plain(figure.layout.title.text)
    return Rendered(
        figure=figure,
        title=title,
        source_line=source_line(exhibit.sources(lang), lang, is_sample=exhibit.is_sample),
        is_sample=exhibit.is_sample,
    )
