"""Presentation: the charts and maps added from the pages, in order, and the deck built from
them in Dutch or German (whatever the interface language)."""

import streamlit as st

from core.i18n import LANG_NAMES
from dia import presentation
from dia.exhibits import viewer
from dia.export.exhibit import render
from dia.page import _, audited, header, page_setup
from dia.widget_text import plot_config

user, lang = page_setup(__file__)
items = presentation.basket(viewer(user))

header(
    _("Presentation"),
    _(
        "Add charts and maps with “Add to presentation” under each of them; their filters come "
        "along. The deck has native, editable charts, a source on every slide and speaker notes "
        "in Dutch and German."
    ),
)


def editor() -> None:
    """Order, remove and preview the items; choose the language; make the deck."""
    left, right = st.columns(2)
    with left:
        deck_lang = st.radio(
            _("Language of the slides"),
            presentation.DECK_LANGS,
            index=1 if lang == "de" else 0,
            format_func=LANG_NAMES.__getitem__,
            horizontal=True,
            key="deck_lang",
        )
    with right:
        definitions = st.toggle(_("Add a slide with the definitions of the indicators shown"))

    for index, item in enumerate(items):
        with st.container(border=True):
            text, buttons = st.columns([5, 2], vertical_alignment="center")
            with text:
                st.markdown(f"**{index + 1}. {item.title}**")
                if item.filters:
                    st.caption(" · ".join(f"{name}: {value}" for name, value in item.filters))
            with buttons:
                up, down, delete = st.columns(3)
                up.button(
                    "",
                    icon=":material/arrow_upward:",
                    key=f"up_{index}",
                    help=_("Move up"),
                    disabled=index == 0,
                    on_click=presentation.move,
                    args=(index, -1),
                )
                down.button(
                    "",
                    icon=":material/arrow_downward:",
                    key=f"down_{index}",
                    help=_("Move down"),
                    disabled=index == len(items) - 1,
                    on_click=presentation.move,
                    args=(index, 1),
                )
                delete.button(
                    "",
                    icon=":material/delete:",
                    key=f"remove_{index}",
                    help=_("Remove"),
                    on_click=presentation.remove,
                    args=(index,),
                )
            with st.expander(_("Preview")):
                shown = render(item.exhibit, deck_lang)
                st.markdown(f"**{shown.title}**")
                st.plotly_chart(
                    shown.figure,
                    width="stretch",
                    key=f"preview_{index}",
                    config=plot_config(lang),
                    theme=None,
                )
                st.caption(shown.source_line)

    # A made deck is offered only while the basket and choices it was made from stay the same.
    recipe = (deck_lang, definitions, tuple(item.identity for item in items))
    if st.button(_("Make the deck"), type="primary", icon=":material/slideshow:"):
        with st.spinner(_("Making the slides …")):
            st.session_state["deck_file"] = (
                recipe,
                presentation.deck_bytes(
                    items,
                    deck_lang,
                    user,
                    definitions=definitions,
                ),
            )
    made = st.session_state.get("deck_file")
    if made is not None and made[0] == recipe:
        st.download_button(
            _("Download the deck (PowerPoint)"),
            data=audited(made[1], user, f"presentation deck {deck_lang}", kind="presentation"),
            file_name=presentation.file_name(deck_lang),
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            icon=":material/download:",
        )


if items:
    editor()
else:
    # No st.stop(): the router still draws the footer after the page.
    st.info(_("The presentation is empty: add charts or maps from the other pages."))
