"""The presentation basket and the deck built from it.

Every chart and map can be added with its current filters; the basket keeps the exhibit (which
can rebuild itself in any language), so the deck's language is chosen on the Presentation page,
independent of the interface language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd
import streamlit as st

from core.i18n import N_, Lang, fmt_date, translate
from dia.data import project
from dia.data.warehouse import query
from dia.export import deck
from dia.export.exhibit import Exhibit, render
from dia.policy import Viewer
from dia.render.source_words import fmt_build_time

BASKET_KEY: Final = "presentation_basket"
OWNER_KEY: Final = "presentation_basket_owner"
DECK_LANGS: Final[tuple[Lang, ...]] = ("nl", "de")
SUBTITLE = N_(
    "Digitalisation, Innovation, Exchange: Ondernemend Emmen and Wirtschaftsverband Emsland"
)


@dataclass(frozen=True)
class BasketItem:
    exhibit: Exhibit
    title: str  # in the language it was added in
    filters: tuple[tuple[str, str], ...]
    added_in: Lang

    @property
    def identity(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        return self.exhibit.key, self.filters


def basket(viewer: tuple[str, ...] | None = None) -> list[BasketItem]:
    """The session's basket. Items are built with the viewer's rights (funders: masked); when
    the viewer changes (role preview), the basket starts empty, so a deck never carries what
    the current viewer may not see."""
    if viewer is not None and st.session_state.get(OWNER_KEY) != viewer:
        st.session_state[OWNER_KEY] = viewer
        st.session_state[BASKET_KEY] = []
    items: list[BasketItem] = st.session_state.setdefault(BASKET_KEY, [])
    return items


def add(exhibit: Exhibit, title: str, lang: Lang) -> None:
    item = BasketItem(exhibit, title, tuple(exhibit.filters.items()), lang)
    items = basket()
    if all(existing.identity != item.identity for existing in items):
        items.append(item)


def contains(exhibit: Exhibit) -> bool:
    identity = (exhibit.key, tuple(exhibit.filters.items()))
    return any(item.identity == identity for item in basket())


def remove(index: int) -> None:
    items = basket()
    if 0 <= index < len(items):
        del items[index]


def move(index: int, step: int) -> None:
    items = basket()
    target = index + step
    if 0 <= index < len(items) and 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]


def version_label(lang: Lang) -> str:
    """The published data version as people read it: its build time in the project's zone."""
    info = query("build_info")
    if info.empty:
        return "–"
    finished = pd.Timestamp(info.iloc[0]["finished_at"])
    if finished.tzinfo is None:
        finished = finished.tz_localize("UTC")
    return fmt_build_time(finished.to_pydatetime(), lang)


def _definitions(items: Sequence[BasketItem], lang: Lang) -> list[tuple[str, str]]:
    codes = list(dict.fromkeys(code for item in items for code in item.exhibit.indicators))
    if not codes:
        return []
    frame = query("indicator_definitions", lang=lang)
    frame = frame[frame["code"].isin(codes)]
    return [(f"{row.code} {row.name}", str(row.definition)) for row in frame.itertuples()]


def deck_info(lang: Lang, is_sample: bool) -> deck.DeckInfo:
    period = "–"
    if project.has_records():
        cal = project.calendar()
        period = f"{fmt_date(cal.project_start, lang)} – {fmt_date(cal.project_end, lang)}"
    return deck.DeckInfo(
        title="DIA Monitor",
        subtitle=translate(lang, SUBTITLE),
        period=period,
        version=version_label(lang),
        is_sample=is_sample,
    )


def deck_bytes(
    items: Sequence[BasketItem], lang: Lang, viewer: Viewer, *, definitions: bool
) -> bytes:
    """The deck in ``lang`` for ``viewer``: funder rules for every count unless the policy
    gives the viewer exact numbers (directors and staff their own, admins all)."""
    mask = not viewer.exact_counts_for(viewer.association)
    deck_items = []
    for entry in items:
        exhibit = entry.exhibit
        rendered = render(exhibit, lang)
        by_lang = {
            other: rendered.figure if other == lang else exhibit.build(other)
            for other in DECK_LANGS
        }
        deck_items.append(
            deck.item(rendered, by_lang, counts=exhibit.counts, summarise=exhibit.summary)
        )
    return deck.build_deck(
        deck_info(lang, any(entry.exhibit.is_sample for entry in items)),
        deck_items,
        lang,
        mask=mask,
        definitions=_definitions(items, lang) if definitions else (),
    )


def file_name(lang: Lang, today: dt.date | None = None) -> str:
    return f"DIA-Monitor-{lang.upper()}-{(today or dt.date.today()).isoformat()}.pptx"
