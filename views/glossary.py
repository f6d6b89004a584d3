"""Glossary: the words of DIA in Dutch, German and English, with their official sources."""

import streamlit as st

from dia.data import glossary
from dia.page import _, header, page_setup

user, lang = page_setup(__file__)
header(
    _("Glossary"),
    _(
        "The words the dashboard, its exports and its slides use, in Dutch, German and English, "
        "each with a short definition and the official source."
    ),
)

st.subheader(_("Municipal levels on the maps"))
st.markdown(glossary.levels_text(lang))

st.subheader(_("False friends"))
st.caption(_("Words that look alike across the border but do not mean the same thing."))
st.table(glossary.as_table(glossary.false_friends(lang)))

st.subheader(_("Official indicator names"))
st.caption(
    _(
        "CO codes are the common indicators of 2014–2020, RCO codes those of 2021–2027: the "
        "programme period says which framework a figure belongs to."
    )
)
st.table(glossary.as_table(glossary.indicator_names(lang)))

st.subheader(_("Terms"))
for tab, topic in zip(
    st.tabs([_(label) for label in glossary.TOPICS.values()]), glossary.TOPICS, strict=True
):
    with tab:
        st.table(glossary.as_table(glossary.terms(topic, lang)))
