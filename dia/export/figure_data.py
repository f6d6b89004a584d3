"""What a plotly figure holds, read back from its traces: the series of a bar, line or pie
chart (for native PowerPoint charts and data downloads) and a plain-language summary of it.

Reading the figure rather than asking each page for its frame keeps one source of truth: the
slide, the picture and the spreadsheet show exactly the numbers of the chart on screen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.i18n import N_, Lang, fmt_number, translate
from dia.privacy import MASK
from dia.render.source_words import dates

ChartKind = Literal["bar", "column", "line", "pie"]
_TAGS = re.compile(r"<[^>]+>")
BOLD_NAME = re.compile(r"<b>(.*?)</b>")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    # Points the chart labels "<5" (drawn as nothing): no value, in every export the same "<5".
    masked: tuple[bool, ...] = ()

    def is_masked(self, index: int) -> bool:
        return index < len(self.masked) and self.masked[index]


@dataclass(frozen=True)
class ChartData:
    """A chart PowerPoint can draw natively: categories and one or more series over them."""

    kind: ChartKind
    stacked: bool
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_title: str = ""

    def frame(self, category_header: str) -> pd.DataFrame:
        data: dict[str, list[Any]] = {category_header: list(self.categories)}
        for series in self.series:
            data[series.name or category_header + " "] = list(series.values)
        return pd.DataFrame(data)


def plain(text: object) -> str:
    """Chart text without plotly's HTML tags and entities, on one line."""
    return " ".join(html.unescape(_TAGS.sub(" ", str(text or ""))).split())


def _label(value: object) -> str:
    if isinstance(value, list | tuple | np.ndarray):
        return " ".join(_label(v) for v in value)
    if isinstance(value, pd.Timestamp | np.datetime64):
        return str(pd.Timestamp(value).date())
    return plain(value)


def _tick_names(axis: Any) -> dict[str, str]:
    """Categories an axis names with its own tick texts (quarters drawn at their middle day
    are called "Q4 2021", not 2021-11-15)."""
    values, texts = as_list(axis.tickvals), as_list(axis.ticktext)
    if not values or len(values) != len(texts):
        return {}
    return {
        _label(v): plain(str(t).replace("<br>", " ")) for v, t in zip(values, texts, strict=True)
    }


def number(value: object) -> float | None:
    if value is None:
        return None
    try:
        found = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if found != found else found


def as_list(values: Any) -> list[Any]:
    if values is None:
        return []
    if isinstance(values, np.ndarray) and values.ndim == 2:
        # plotly multi-category axes: one row per level
        return [" ".join(_label(v) for v in column) for column in values.T]
    return list(values)


def _single_axes(figure: go.Figure) -> bool:
    layout = figure.to_plotly_json()["layout"]
    extra = [k for k in layout if re.fullmatch(r"[xy]axis\d+", k)]
    return not extra and not layout.get("grid")


def axis_title(axis: Any) -> str:
    title = getattr(axis, "title", None)
    return plain(getattr(title, "text", "") if title is not None else "")


def chart_data(figure: go.Figure) -> ChartData | None:
    """The figure as native chart data, or None when it is not a plain bar, line or pie chart
    (maps, heatmaps, timelines, reference lines, mixed traces, subplots: those go as pictures,
    since a native chart would lose part of what they show)."""
    traces = [t for t in figure.data if t.visible is not False]
    if not traces or not _single_axes(figure):
        return None
    if figure.layout.shapes:
        return None
    types = {t.type for t in traces}
    if types == {"pie"} and len(traces) == 1:
        pie = traces[0]
        labels = [_label(v) for v in as_list(pie.labels)]
        return ChartData(
            "pie",
            False,
            tuple(labels),
            (Series(plain(pie.name), tuple(number(v) for v in as_list(pie.values))),),
        )
    if types == {"bar"}:
        horizontal = {t.orientation == "h" for t in traces}
        if len(horizontal) != 1:
            return None
        is_h = horizontal.pop()
        stacked = figure.layout.barmode in ("stack", "relative")
        pairs = [
            (as_list(t.y), as_list(t.x)) if is_h else (as_list(t.x), as_list(t.y)) for t in traces
        ]
        kind: ChartKind = "bar" if is_h else "column"
        axis = figure.layout.xaxis if is_h else figure.layout.yaxis
        names = _tick_names(figure.layout.yaxis if is_h else figure.layout.xaxis)
        pairs = [([names.get(_label(c), c) for c in cats], values) for cats, values in pairs]
        return _aligned(kind, stacked, traces, pairs, axis_title(axis))
    if types == {"scatter"} and all("lines" in (t.mode or "lines") for t in traces):
        pairs = [(as_list(t.x), as_list(t.y)) for t in traces]
        return _aligned("line", False, traces, pairs, axis_title(figure.layout.yaxis))
    return None


def _aligned(
    kind: ChartKind,
    stacked: bool,
    traces: Sequence[Any],
    pairs: Sequence[tuple[list[Any], list[Any]]],
    value_title: str,
) -> ChartData | None:
    categories: dict[str, None] = {}
    for cats, values in pairs:
        if len(cats) != len(values):
            return None
        for cat in cats:
            categories.setdefault(_label(cat), None)
    order = list(categories)
    if kind == "line" and all(_is_time(c) for c in order):
        order.sort()
    series = []
    for trace, (cats, values) in zip(traces, pairs, strict=True):
        # one text for all points (a string) marks none; per-point texts may be any array
        texts = [] if isinstance(trace.text, str) else as_list(trace.text)
        hidden = {_label(c) for c, t in zip(cats, texts, strict=False) if t == MASK}
        by_cat = {_label(c): number(v) for c, v in zip(cats, values, strict=True)}
        series.append(
            Series(
                plain(trace.name),
                tuple(None if c in hidden else by_cat.get(c) for c in order),
                tuple(c in hidden for c in order),
            )
        )
    return ChartData(kind, stacked, tuple(order), tuple(series), value_title)


def _is_time(label: str) -> bool:
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", label))


# --- plain-language summary ----------------------------------------------------------------

LARGEST = N_("Largest values: {items}.")
LARGEST_TOTAL = N_("Largest totals: {items}.")
CHANGE = N_("{series}: from {first} ({start}) to {last} ({end}).")
SHARES = N_("Largest shares: {items}.")
MAP_HIGHEST = N_("Highest on the map: {items}.")
MAP_LOWEST = N_("Lowest: {items}.")
NO_VALUES = N_("The chart shows no values.")


def _fmt(value: float, lang: Lang) -> str:
    return fmt_number(value, lang, 0 if float(value).is_integer() else 1)


def _top(pairs: list[tuple[str, float]], lang: Lang, n: int = 3) -> str:
    ranked = sorted(pairs, key=lambda p: p[1], reverse=True)[:n]
    return ", ".join(f"{dates(name, lang)} ({_fmt(value, lang)})" for name, value in ranked)


def summary(figure: go.Figure, lang: Lang) -> str:
    """A few sentences on what the figure shows: largest values, change over time."""
    data = chart_data(figure)
    if data is not None:
        return _chart_summary(data, lang)
    return _trace_summary(figure, lang)


def _chart_summary(data: ChartData, lang: Lang) -> str:
    if data.kind == "pie":
        values = [v or 0.0 for v in data.series[0].values]
        total = sum(values) or 1.0
        ranked = sorted(zip(data.categories, values, strict=True), key=lambda p: -p[1])[:3]
        items = ", ".join(f"{n} ({fmt_number(100 * v / total, lang)} %)" for n, v in ranked)
        return translate(lang, SHARES, items=items)
    if data.kind == "line":
        sentences = []
        for series in data.series:
            points = [
                (c, v) for c, v in zip(data.categories, series.values, strict=True) if v is not None
            ]
            if len(points) >= 2:
                (start, first), (end, last) = points[0], points[-1]
                sentences.append(
                    translate(
                        lang,
                        CHANGE,
                        series=series.name or "–",
                        first=_fmt(first, lang),
                        start=dates(start, lang),
                        last=_fmt(last, lang),
                        end=dates(end, lang),
                    )
                )
        return " ".join(sentences) or translate(lang, NO_VALUES)
    if data.stacked or len(data.series) == 1:
        totals = [
            (cat, sum(s.values[i] or 0.0 for s in data.series))
            for i, cat in enumerate(data.categories)
        ]
        if not any(v for _, v in totals):
            return translate(lang, NO_VALUES)
        message = LARGEST_TOTAL if len(data.series) > 1 else LARGEST
        return translate(lang, message, items=_top(totals, lang))
    pairs = [
        (f"{cat} – {s.name}" if s.name else cat, v)
        for s in data.series
        for cat, v in zip(data.categories, s.values, strict=True)
        if v is not None
    ]
    return (
        translate(lang, LARGEST, items=_top(pairs, lang)) if pairs else translate(lang, NO_VALUES)
    )


def _trace_summary(figure: go.Figure, lang: Lang) -> str:
    """Maps and other pictures: the highest and lowest shaded areas, named from their hover."""
    pairs: list[tuple[str, float]] = []
    for trace in figure.data:
        if trace.type not in ("choropleth", "choroplethmap") or trace.showscale is False:
            continue
        texts = as_list(trace.text) or as_list(trace.locations)
        for text, value in zip(texts, as_list(trace.z), strict=False):
            found = number(value)
            if found is None:
                continue
            match = BOLD_NAME.search(str(text))
            pairs.append((plain(match.group(1) if match else text), found))
    if pairs:
        lowest = sorted(pairs, key=lambda p: p[1])[:2]
        return (
            translate(lang, MAP_HIGHEST, items=_top(pairs, lang))
            + " "
            + translate(
                lang,
                MAP_LOWEST,
                items=", ".join(f"{n} ({_fmt(v, lang)})" for n, v in lowest),
            )
        )
    bars = [t for t in figure.data if t.type == "bar"]
    if bars:
        horizontal = bars[0].orientation == "h"
        bar_values = [
            (_label(c), v)
            for t in bars
            for c, raw in zip(
                as_list(t.y if horizontal else t.x),
                as_list(t.x if horizontal else t.y),
                strict=False,
            )
            if (v := number(raw)) is not None
        ]
        if bar_values:
            return translate(lang, LARGEST, items=_top(bar_values, lang))
    return translate(lang, NO_VALUES)
