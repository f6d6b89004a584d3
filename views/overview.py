"""Overview: the whole region on one map, with headline figures."""

import streamlit as st

from core.i18n import fmt_number, translate
from dia import exhibits, links
from dia.data import overview
from dia.data.regions import DE_LEVEL_LABELS
from dia.export.exhibit import Exhibit
from dia.page import _, choice, german_units, header, kpi_row, page_setup
from dia.render import overview as draw

user, lang = page_setup(__file__)
header(
    _("DIA Monitor: Zuidoost-Drenthe and Emsland"),
    _("Digitalisation, Innovation, Exchange: Ondernemend Emmen and Wirtschaftsverband Emsland"),
)

facts = overview.headline()
kpi_row(
    (
        _("Inhabitants Zuidoost-Drenthe"),
        fmt_number(facts.population_nl, lang),
        _("CBS, 1 January 2021"),
    ),
    (_("Inhabitants Emsland"), fmt_number(facts.population_de, lang), _("Zensus 2022")),
    (_("Area"), fmt_number(facts.area_km2, lang) + " km²"),
    (_("Municipalities"), f"{facts.municipalities_nl} NL · {facts.municipalities_de} DE"),
)

left, right = st.columns([3, 2])
with left:
    measure = choice(
        _("Measure"),
        overview.MEASURES,
        lambda m: m.label,
        link="measure",
        slug=links.KEY,
    )
with right:
    de_level = german_units()

st.subheader(_("{measure} per municipality", measure=_(measure.label)))
exhibits.show(
    Exhibit(
        key="overview_map",
        page="overview",
        build=lambda in_lang: draw.overview_map(
            overview.map_frame(measure, de_level, in_lang, user), measure, in_lang
        ),
        title=lambda in_lang: translate(
            in_lang, "{measure} per municipality", measure=translate(in_lang, measure.label)
        ),
        sources=lambda in_lang: exhibits.map_sources(
            in_lang, members=measure.is_count, population=not measure.is_count
        ),
        is_sample=measure.is_count and exhibits.members_are_sample(),
        filters={_("Measure"): _(measure.label), _("German units"): _(DE_LEVEL_LABELS[de_level])},
        is_map=True,
        counts=measure.is_count,
    ),
    user,
    lang,
)
