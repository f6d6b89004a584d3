"""Energy transition: capacity on both sides of the border, its growth and mix, and the
projects that look for partners and skills across the border."""

from functools import partial

import streamlit as st

from core.i18n import fmt_number, translate
from dia import exhibits, links
from dia.data import energy
from dia.data.regions import DE_LEVEL_LABELS
from dia.page import (
    _,
    aggregates_note,
    choice,
    german_units,
    header,
    kpi,
    page_setup,
    sources_caption,
)
from dia.render import energy as draw

user, lang = page_setup(__file__)

header(
    _("Energy transition"),
    _(
        "Where renewable capacity grows on both sides of the border, which projects look for "
        "partners and skills, and which member companies across the border could take part."
    ),
)

period = energy.growth_years()
if period is None:
    st.info(_("No capacity figures for two years have been loaded yet."))
else:
    start, end = period
    for column, region_id in zip(st.columns(2), (energy.KREIS, energy.COROP), strict=True):
        with column:
            sample = energy.total(region_id, energy.ALL, start, end).is_sample
            heading = [f"**{energy.SIDE_NAMES[region_id]}**", _("end of {year}", year=end)]
            if sample:
                heading.append(_("sample figures"))
            st.markdown(" · ".join(heading))
            for kpi_column, technology in zip(st.columns(2), ("solar", "wind"), strict=True):
                item = energy.total(region_id, technology, start, end)
                with kpi_column:
                    kpi(
                        energy.technology_label(technology, lang) + " (MW)",
                        fmt_number(item.end_mw, lang),
                        _("End of {end}; change since the end of {start}", end=end, start=start),
                        energy.change_text(item, lang),
                    )

    st.subheader(_("Installed capacity per municipality"))
    left, middle, right = st.columns(3)
    with left:
        technology = choice(
            _("Technology"),
            energy.TECHNOLOGY_CHOICES,
            energy.TECHNOLOGY_LABELS.__getitem__,
            link="technology",
            select=True,
        )
        year = st.segmented_control(_("End of year"), energy.years(), default=end, required=True)
    with middle:
        measure = choice(
            _("Measure"),
            energy.MEASURES,
            energy.measure_label,
            link="measure",
            slug=links.KEY,
            horizontal=False,
        )
    with right:
        de_level = german_units()
    sample_capacity = energy.has_sample_capacity()
    chosen = {
        _("Technology"): _(energy.TECHNOLOGY_LABELS[technology]),
        _("End of year"): str(year),
        _("German units"): _(DE_LEVEL_LABELS[de_level]),
    }
    exhibits.chart(
        "energy_map",
        lambda in_lang: draw.capacity_map(
            energy.map_frame(measure, technology, int(year), de_level, in_lang), measure, in_lang
        ),
        lambda in_lang: [*exhibits.map_sources(in_lang), *energy.sources("capacity", in_lang)],
        user,
        lang,
        title=lambda in_lang: translate(in_lang, "Installed capacity per municipality"),
        filters={_("Measure"): _(energy.measure_label(measure)), **chosen},
        is_sample=sample_capacity,
        is_map=True,
    )
    if energy.has_sample_capacity():
        st.caption(
            _(
                "Dotted outline and hatched bars: sample figures (voorbeelddata / Beispieldaten), "
                "not real data. A real figure, once loaded, replaces the sample one."
            )
        )

    st.subheader(
        _(
            "{technology}: growth from the end of {start} to the end of {end}",
            technology=energy.technology_label(technology, lang),
            start=start,
            end=end,
        )
    )
    exhibits.chart(
        "energy_growth",
        lambda in_lang: draw.growth_figure(
            energy.growth(technology, de_level, start, end, in_lang), in_lang
        ),
        partial(energy.sources, "capacity"),
        user,
        lang,
        title=lambda in_lang: translate(
            in_lang,
            "{technology}: growth from the end of {start} to the end of {end}",
            technology=energy.technology_label(technology, in_lang),
            start=start,
            end=end,
        ),
        filters=chosen,
        is_sample=sample_capacity,
    )
    for note in energy.decreases(start, end, lang):
        st.info(note, icon=":material/fact_check:")

    st.subheader(_("Technology mix per municipality, end of {year}", year=int(year)))
    exhibits.chart(
        "energy_mix",
        lambda in_lang: draw.mix_figure(energy.mix(int(year), de_level, in_lang), in_lang),
        partial(energy.sources, "capacity"),
        user,
        lang,
        title=lambda in_lang: translate(
            in_lang, "Technology mix per municipality, end of {year}", year=int(year)
        ),
        filters={_("End of year"): str(year), _("German units"): _(DE_LEVEL_LABELS[de_level])},
        is_sample=sample_capacity,
    )

facts = energy.facts(lang)
if facts:
    st.subheader(_("Published figures for the region"))
    st.caption(_("Single figures as published, with their source: reference points, not a series."))
    for fact in facts:
        st.markdown(fact.markdown(_("source")))

st.subheader(_("Energy projects and cross-border partners"))
st.caption(
    _(
        "Member companies located on the other side of the border whose activity (NACE) fits "
        "the project's technology: the partners DIA could introduce."
    )
)
projects = energy.opportunities(user)
if projects.empty:
    st.info(_("No energy projects have been loaded yet."))
else:
    st.dataframe(energy.opportunity_table(projects, user, lang), hide_index=True, width="stretch")
    sources_caption(energy.sources("opportunity", lang))
    aggregates_note(energy.SMALL_COUNTS, caption=True)

    index = st.selectbox(
        _("Project"),
        range(len(projects)),
        format_func=lambda i: energy.opportunity_label(projects.iloc[i], lang),
    )
    project = projects.iloc[index]
    if isinstance(project["description"], str):
        st.write(project["description"])
    partners_sought = _("Partners sought")
    st.markdown(f"**{partners_sought}:** {project['partners_sought'] or '–'}")
    partners = energy.partners(project["opportunity_id"], user, lang)
    if partners.by_role.empty:
        st.info(_("No member companies across the border match this project yet."))
    else:
        st.dataframe(partners.by_role, hide_index=True, width="stretch")
        if not partners.named.empty:
            with st.expander(
                _("Your members that fit this project ({count})", count=len(partners.named))
            ):
                st.dataframe(partners.named, hide_index=True, width="stretch")
        if partners.own_only:
            st.caption(
                _(
                    "Names are shown for your own association's members; the other "
                    "association can introduce its members."
                )
            )

    skills_heading = _("Skills gap of the occupations needed")
    st.markdown(f"**{skills_heading}**")
    if not energy.labour_figures_loaded():
        st.info(
            _(
                "No labour-market figures by occupation have been loaded yet, so the skills "
                "gap cannot be shown."
            )
        )
    else:
        gap, notes = energy.skill_gap(project["opportunity_id"], lang)
        if gap.empty:
            st.info(_("This project names no occupations."))
        else:
            st.dataframe(gap, hide_index=True, width="stretch")
            if notes:
                st.caption(_("Labour market") + ": " + " · ".join(notes))
            else:
                st.caption(_("No labour-market figures for these occupations yet."))
