"""Streamlit's own English on widgets, replaced by our words in the reader's language.

Widgets with a parameter for the text get it (``placeholder``). The file uploader has none for its
button and its "20MB per file • XLSX" line: our label already names the file types and the limit,
so that line is hidden and the button reads our word instead, by CSS scoped to the one widget
(its key's container class ``st-key-<key>``), never to widgets we do not know."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from core.i18n import N_, Lang, translate


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
