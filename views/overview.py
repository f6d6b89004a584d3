"""Overview: the whole region on one map, with headline figures."""

import streamlit as st

from core.i18n import fmt_number
from dia import overview
from dia.regions import DE_LEVEL_LABELS, DE_LEVELS
from dia.ui import _, current_lang, kpi, map_attribution, page_user, translated

lang = current_lang()
st.title(_("DIA Monitor: Zuidoost-Drenthe and Emsland"))
st.caption(
    _("Digitalisation, Innovation, Exchange: Ondernemend Emmen and Wirtschaftsverband Emsland")
)

facts = overview.headline()
cols = st.columns(4)
with cols[0]:
    kpi(
        _("Inhabitants Zuidoost-Drenthe"),
        fmt_number(facts.population_nl, lang),
        _("CBS, 1 January 2021"),
    )
with cols[1]:
    kpi(_("Inhabitants Emsland"), fmt_number(facts.population_de, lang), _("Zensus 2022"))
with cols[2]:
    kpi(_("Area"), fmt_number(facts.area_km2, lang) + " km²")
with cols[3]:
    kpi(
        _("Municipalities"),
        f"{facts.municipalities_nl} NL · {facts.municipalities_de} DE",
    )

left, right = st.columns([3, 2])
with left:
    measure = st.radio(
        _("Measure"),
        overview.MEASURES,
        format_func=translated(lambda m: m.label),
        horizontal=True,
    )
with right:
    de_level = st.radio(
        _("German units"),
        DE_LEVELS,
        format_func=translated(DE_LEVEL_LABELS.__getitem__),
        horizontal=True,
        help=_("Samtgemeinden and Einheitsgemeinden are closest in size to a Dutch gemeente."),
    )

st.subheader(_("{measure} per municipality", measure=_(measure.label)))
user = page_user()
st.plotly_chart(
    overview.overview_map(measure, de_level, lang, mask=user.aggregates_only),
    width="stretch",
    key="overview_map",
)
map_attribution()
