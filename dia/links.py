"""Shareable links: the page (its url path), the filters, the language and the data version
travel in the URL.

Filters are written as stable keys (``measure=density``), not as their labels, so a link made
in Dutch opens in German too. (Streamlit's own ``bind="query-params"`` writes the translated
label and keeps the old-language label after a language switch.)

Opening a link restores the view inside the opener's own role: the router decides which pages
exist for the viewer, queries bind what the viewer may see, and a link never carries the role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Final, TypeVar
from urllib.parse import urlencode

import streamlit as st

from core.i18n import LANGS, N_, Lang, translate
from dia.render.source_words import fmt_build_time

T = TypeVar("T")
KEY: Final = attrgetter("key")  # options that carry a stable ``key`` are named by it
LANG_PARAM: Final = "lang"
DATA_PARAM: Final = "data"
_RESTORED: Final = "link_restored"
OTHER_VERSION = N_(
    "This link was made with the data of {then}; you see the current data of {now}, so numbers "
    "may differ."
)
SHARE = N_("Link to this view")
SHARE_HELP = N_(
    "Page, filters, language and data version are in the link. Whoever opens it sees the view "
    "within their own role."
)


def restore_language(lang_key: str) -> None:
    """On a session's first run, take the language from the link (before the switch is drawn)."""
    if st.session_state.get(_RESTORED):
        return
    wanted = st.query_params.get(LANG_PARAM)
    if wanted in LANGS:
        st.session_state[lang_key] = wanted


def notice(lang: Lang, version_id: str, version_label: str) -> None:
    """On a session's first run: say when the link was made with another data version than
    the one published now."""
    linked = st.query_params.get(DATA_PARAM)
    first_run = not st.session_state.get(_RESTORED)
    st.session_state[_RESTORED] = True
    if first_run and linked and linked != version_id:
        st.info(
            translate(lang, OTHER_VERSION, then=_version_date(linked, lang), now=version_label),
            icon=":material/history:",
        )


def keep(lang: Lang, version_id: str) -> None:
    """Write language and data version into the URL (after the page ran: the navigation
    rewrites the query string while it switches pages)."""
    if st.query_params.get(LANG_PARAM) != lang:
        st.query_params[LANG_PARAM] = lang
    if st.query_params.get(DATA_PARAM) != version_id:
        st.query_params[DATA_PARAM] = version_id


def _version_date(version_id: str, lang: Lang) -> str:
    """``dia-20261201T041011809527Z-ac9060`` → its build time as people read it."""
    stamp = version_id.removeprefix("dia-")[:15]
    try:
        built = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return version_id
    return fmt_build_time(built, lang)


def restore_filter(
    key: str, options: Sequence[T], slug: Callable[[T], str] = str, *, lang: str = ""
) -> str:
    """Before the widget for filter ``key`` is drawn: when it has no value yet, take the one
    the link names. Returns the widget's key; call :func:`keep_filter` after it.

    With ``lang`` the widget key is per language (``measure.de``): a widget whose option labels
    change under the same key keeps showing the old language's label (or none). After a
    language switch the new widget starts from the link, which holds the stable value."""
    widget = f"{key}.{lang}" if lang else key
    if widget not in st.session_state:
        wanted = st.query_params.get(key)
        for option in options:
            if slug(option) == wanted:
                st.session_state[widget] = option
                break
    return widget


def keep_filter(key: str, value: T, slug: Callable[[T], str] = str) -> None:
    if st.query_params.get(key) != slug(value):
        st.query_params[key] = slug(value)


def restore_filters(
    key: str, options: Sequence[T], slug: Callable[[T], str] = str, *, lang: str = ""
) -> str:
    """:func:`restore_filter` for a choice of several options, written in the link as
    ``status=active,completed`` (empty: none chosen). Options the link names that the page does
    not offer (to this viewer) are left out."""
    widget = f"{key}.{lang}" if lang else key
    if widget not in st.session_state and key in st.query_params:
        wanted = set(st.query_params.get(key, "").split(","))
        st.session_state[widget] = [option for option in options if slug(option) in wanted]
    return widget


def keep_filters(key: str, values: Sequence[T], slug: Callable[[T], str] = str) -> None:
    text = ",".join(slug(value) for value in values)
    if st.query_params.get(key) != text:
        st.query_params[key] = text


def current_link() -> str:
    base = st.context.url or ""
    query = urlencode(st.query_params.to_dict())
    return f"{base}?{query}" if query else base


def share_box(lang: Lang) -> None:
    with st.sidebar.popover(translate(lang, SHARE), icon=":material/link:", width="stretch"):
        st.caption(translate(lang, SHARE_HELP))
        st.code(current_link(), language=None, wrap_lines=True)
