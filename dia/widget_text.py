"""Streamlit's own English on widgets, replaced by our words in the reader's language.

Widgets with a parameter for the text get it (``placeholder``). The file uploader has none for its
button and its "20MB per file • XLSX" line: our label already names the file types and the limit,
so that line is hidden and the button reads our word instead, by CSS scoped to the one widget
(its key's container class ``st-key-<key>``), never to widgets we do not know."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import streamlit as st
from babel.dates import get_day_names, get_month_names
from streamlit.runtime.uploaded_file_manager import UploadedFile

from core.i18n import N_, Lang, babel_locale, translate

# Plotly's own tooltips on the chart toolbar, by the English text plotly.js looks up.
MODEBAR_TEXTS: Final = (
    N_("Zoom"),
    N_("Pan"),
    N_("Zoom in"),
    N_("Zoom out"),
    N_("Autoscale"),
    N_("Reset axes"),
    N_("Reset"),
    N_("Reset view"),
    N_("Double-click to zoom back out"),
    N_("Toggle Spike Lines"),
    N_("Show closest data on hover"),
    N_("Compare data on hover"),
    N_("Toggle show closest data on hover"),
)
PLOT_BUTTONS_REMOVED: Final = ["toImage", "select2d", "lasso2d"]
# What an empty cell shows; Streamlit's own default is the English word "None".
NO_VALUE: Final = "–"


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes, backslashes and line breaks escaped)."""
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def uploader_style(key: str, button: str) -> str:
    """The CSS that relabels the uploader with key ``key``: button text, no size/type line."""
    scope = f".st-key-{key} [data-testid=stFileUploaderDropzone]"
    return (
        "<style>"
        f"{scope} [data-testid=stFileUploaderDropzoneInstructions] {{ display: none; }}"
        f"{scope} [data-testid=stBaseButton-secondary] [data-testid=stMarkdownContainer]"
        " { display: none; }"
        f"{scope} [data-testid=stBaseButton-secondary] span[data-has-shortcut]::after"
        f" {{ content: {css_string(button)}; }}"
        "</style>"
    )


def file_uploader(
    label: str, *, key: str, types: Sequence[str], max_mb: int, lang: Lang
) -> UploadedFile | None:
    """A one-file uploader whose every visible word is ours: ``label`` must name the accepted
    types and the size limit, since Streamlit's own line saying so is hidden."""
    uploaded = st.file_uploader(label, type=list(types), max_upload_size=max_mb, key=key)
    st.html(uploader_style(key, translate(lang, N_("Choose a file"))))
    return uploaded


def table(frame: Any, **options: Any) -> None:
    """A table as every page shows one: no index, full width, empty cells as "–"."""
    st.dataframe(frame, hide_index=True, width="stretch", placeholder=NO_VALUE, **options)


def plot_config(lang: Lang) -> dict[str, Any]:
    """Plotly's config for a chart on a page in ``lang``: our buttons only (the camera saved
    pictures without source), and its toolbar tooltips and month and day names in ``lang``."""
    config: dict[str, Any] = {"displaylogo": False, "modeBarButtonsToRemove": PLOT_BUTTONS_REMOVED}
    if lang == "en":
        return config
    locale = babel_locale(lang)
    months = get_month_names("wide", locale=locale)
    short_months = get_month_names("abbreviated", locale=locale)
    days = get_day_names("wide", locale=locale)  # 0 = Monday; plotly starts on Sunday
    short_days = get_day_names("abbreviated", locale=locale)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]
    config["locale"] = lang
    config["locales"] = {
        lang: {
            "dictionary": {text: translate(lang, text) for text in MODEBAR_TEXTS},
            "format": {
                "months": [months[m] for m in range(1, 13)],
                "shortMonths": [short_months[m] for m in range(1, 13)],
                "days": [days[d] for d in sunday_first],
                "shortDays": [short_days[d] for d in sunday_first],
            },
        }
    }
    return config
