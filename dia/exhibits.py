"""A chart or map on a page with what travels with it: the source line in words, "add to
presentation" with the current filters, and downloads (PNG, SVG with title, source and sample
label drawn in; the numbers as Excel or CSV with headers in the language and the sources)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Final

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.i18n import N_, Lang, fmt_date, translate
from dia import presentation
from dia.data import members as member_data
from dia.data.warehouse import query
from dia.export import images, tables
from dia.export.exhibit import Exhibit, Rendered, Sources, render
from dia.page import audited
from dia.policy import Viewer
from dia.render.source_words import dates, named
from dia.widget_text import plot_config

ADD = N_("Add to presentation")
ADDED = N_("In the presentation")
ADDED_TOAST = N_("Added to the presentation: {title}")
DOWNLOAD = N_("Download")
PNG = N_("Picture (PNG)")
SVG = N_("Drawing (SVG)")
XLSX = N_("Data (Excel)")
CSV = N_("Data (CSV)")
XLSX_MIME: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SAMPLE_WORD: Final = "voorbeelddata"


BOUNDARIES = N_(
    "Boundaries: BKG administrative areas VG5000 (© GeoBasis-DE / BKG 2021, data changed) "
    "and CBS/Kadaster municipal boundaries"
)
POPULATION_NL = N_("Population NL: CBS, population per municipality")
POPULATION_DE = N_(
    "Population DE: Zensus 2022, Statistical Offices of the Federation and the Länder"
)


def map_sources(lang: Lang, *, population: bool = False, members: bool = False) -> Sources:
    """The map's own sources (boundaries; population where it is shown) and, with
    ``members``, the member lists behind member counts."""
    found: Sources = [(translate(lang, BOUNDARIES), "2021 · 2015")]
    if population:
        found.append((translate(lang, POPULATION_NL), fmt_date(dt.date(2021, 1, 1), lang)))
        found.append((translate(lang, POPULATION_DE), fmt_date(dt.date(2022, 5, 15), lang)))
    if members:
        found.extend(member_data.sources(lang))
    return found


def register_sources(frame: pd.DataFrame) -> Callable[[Lang], Sources]:
    """Rows of the source register (``title``, ``publisher``, ``vintage``) as captions in
    words: publisher and table, the vintage in the reader's date format."""
    rows = list(frame[["title", "publisher", "vintage"]].itertuples(index=False))

    def in_words(lang: Lang) -> Sources:
        found: Sources = []
        for title, publisher, vintage in rows:
            found.append((named(title, publisher, lang), dates(vintage, lang)))
        return list(dict.fromkeys(found))

    return in_words


def members_are_sample() -> bool:
    return bool(query("member_sources")["is_sample"].any())


def viewer(user: Viewer) -> tuple[str, ...]:
    """Who the basket belongs to: the role and what it may see."""
    return (str(user.role), *user.scope_key())


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:60] or "chart"


def _add(exhibit: Exhibit, title: str, lang: Lang) -> None:
    presentation.add(exhibit, title, lang)
    st.toast(translate(lang, ADDED_TOAST, title=title), icon=":material/slideshow:")


def chart(
    key: str,
    build: Callable[[Lang], go.Figure],
    sources: Callable[[Lang], Sources],
    user: Viewer,
    lang: Lang,
    *,
    title: Callable[[Lang], str] | None = None,
    filters: Mapping[str, str] | None = None,
    is_sample: bool | None = None,
    is_map: bool = False,
    counts: bool = False,
    indicators: tuple[str, ...] = (),
    summary: Callable[[Lang], str] | None = None,
) -> Rendered:
    """Describe and show one exhibit. ``is_sample`` defaults to whether its sources say
    "voorbeelddata" (every sample source is named so)."""
    if is_sample is None:
        is_sample = any(
            SAMPLE_WORD in f"{name} {vintage}".lower() for name, vintage in sources("nl")
        )
    exhibit = Exhibit(
        key=key,
        page="",
        build=build,
        sources=sources,
        is_sample=is_sample,
        title=title,
        filters=dict(filters or {}),
        is_map=is_map,
        counts=counts,
        indicators=indicators,
        summary=summary,
    )
    return show(exhibit, user, lang)


def show(exhibit: Exhibit, user: Viewer, lang: Lang) -> Rendered:
    """Draw the exhibit with its caption and actions; returns what was drawn."""
    rendered = render(exhibit, lang)
    st.plotly_chart(
        rendered.figure, width="stretch", key=exhibit.key, config=plot_config(lang), theme=None
    )
    st.caption(rendered.source_line)
    actions(exhibit, rendered, user, lang)
    return rendered


def actions(exhibit: Exhibit, rendered: Rendered, user: Viewer, lang: Lang) -> None:
    presentation.basket(viewer(user))
    # Exports follow the policy: exact for the viewer's own numbers, funder rules for funders.
    mask = exhibit.counts and not user.exact_counts_for(user.association)
    name = _slug(rendered.title)
    # One row sized to its labels: fixed columns cut "Zur Präsentation" and "Download" to "…"
    # under charts that share the page width.
    row = st.container(horizontal=True, gap="medium", vertical_alignment="center")
    if user.may_export("presentation"):
        added = presentation.contains(exhibit)
        row.button(
            translate(lang, ADDED if added else ADD),
            key=f"add_{exhibit.key}",
            icon=":material/check:" if added else ":material/add_to_queue:",
            disabled=added,
            on_click=_add,
            args=(exhibit, rendered.title, lang),
            type="tertiary",
        )
    if not user.may_export("chart"):
        return
    with row, st.popover(translate(lang, DOWNLOAD), icon=":material/download:", type="tertiary"):
        # Callables: a file is made only when someone asks for it.
        files: tuple[tuple[str, str, str, Callable[[], bytes]], ...] = (
            (PNG, "png", "image/png", lambda: images.picture(rendered, "png")),
            (SVG, "svg", "image/svg+xml", lambda: images.picture(rendered, "svg")),
            (XLSX, "xlsx", XLSX_MIME, lambda: tables.xlsx_bytes(rendered, lang, mask=mask)),
            (CSV, "csv", "text/csv", lambda: tables.csv_bytes(rendered, lang, mask=mask)),
        )
        for label, suffix, mime, make in files:
            st.download_button(
                translate(lang, label),
                data=audited(make, user, f"{exhibit.key} {suffix}", kind="chart"),
                file_name=f"{name}.{suffix}",
                mime=mime,
                key=f"{suffix}_{exhibit.key}",
                on_click="ignore",
            )
