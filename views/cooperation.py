"""Cooperation: DIA's activities over time, who takes part from each side of the border, and the
collaborations that followed, on one map."""

import streamlit as st

from core.codes import STATUSES
from core.i18n import fmt_date, fmt_number
from dia.data import cooperation, project
from dia.data.regions import DE_LEVEL_LABELS, DE_LEVELS
from dia.page import _, kpi, map_attribution, page_setup, sources_caption, translated
from dia.privacy import fmt_count

user, lang = page_setup(__file__)
mask = user.aggregates_only

st.title(_("Cooperation across the border"))
if not project.has_records():
    st.info(_("No project records have been loaded yet; see the Data page or docs/records.md."))
    st.stop()
cal = project.calendar()
sources = project.record_sources(lang, cal.data_as_of)
st.caption(
    _(
        "Activities, participants and collaborations of DIA from {start}; records up to {date}.",
        start=fmt_date(cal.project_start, lang),
        date=fmt_date(cal.data_as_of, lang),
    )
)
if mask:
    st.info(_("Aggregates only: no company names, and counts below 5 are shown as <5."))

facts = cooperation.headline()
cols = st.columns(5)
with cols[0]:
    kpi(
        _("Activities"),
        fmt_number(facts.activities, lang),
        _(
            "{count} of them with companies from both sides of the border",
            count=fmt_number(facts.cross_border_activities, lang),
        ),
    )
with cols[1]:
    kpi(
        _("Companies NL"),
        fmt_count(facts.companies_nl, lang, mask=mask),
        _("Companies taking part; each counts once, however often it took part."),
    )
with cols[2]:
    kpi(
        _("Companies DE"),
        fmt_count(facts.companies_de, lang, mask=mask),
        _("Companies taking part; each counts once, however often it took part."),
    )
with cols[3]:
    kpi(_("Persons taking part"), fmt_count(facts.persons, lang, mask=mask))
with cols[4]:
    kpi(
        _("Collaborations"),
        fmt_count(facts.collaborating, lang, mask=mask),
        _(
            "Active or completed; besides {planned} planned and {stopped} stopped.",
            planned=fmt_count(facts.planned, lang, mask=mask),
            stopped=fmt_count(facts.stopped, lang, mask=mask),
        ),
    )

st.subheader(_("Activities over time"))
breakdown = st.radio(
    _("Colour by"),
    list(cooperation.BREAKDOWNS),
    format_func=translated(cooperation.BREAKDOWNS.__getitem__),
    horizontal=True,
)
st.plotly_chart(
    cooperation.activity_timeline(
        breakdown,
        project.milestones(lang),
        lang,
        project=(cal.project_start, cal.project_end),
    ),
    width="stretch",
    key="coop_timeline",
)
sources_caption(sources)

st.subheader(_("Who takes part: the Netherlands and Germany"))
measure = st.radio(
    _("Count"),
    list(cooperation.PARTICIPANT_MEASURES),
    format_func=translated(cooperation.PARTICIPANT_MEASURES.__getitem__),
    horizontal=True,
)
st.plotly_chart(
    cooperation.participants_figure(
        measure, lang, mask=mask, project=(cal.project_start, cal.project_end)
    ),
    width="stretch",
    key="coop_participants",
)
st.plotly_chart(cooperation.funnel_figure(lang, mask=mask), width="stretch", key="coop_funnel")
sources_caption(sources)

st.subheader(_("Collaborations across the border"))
left, right = st.columns([3, 2])
with left:
    statuses = st.multiselect(
        _("Status"),
        list(STATUSES),
        default=list(cooperation.COLLABORATING),
        format_func=translated(STATUSES.__getitem__),
    )
with right:
    de_level = st.radio(
        _("German units"),
        DE_LEVELS,
        format_func=translated(DE_LEVEL_LABELS.__getitem__),
        horizontal=True,
    )
if not statuses:
    st.info(_("Choose at least one status."))
else:
    figure, unplaced = cooperation.link_figure(de_level, statuses, lang, mask=mask)
    st.caption(
        _(
            "Lines join the municipalities of the Dutch and the German partner: the wider, the "
            "more collaborations; the colour says what kind."
        )
    )
    st.plotly_chart(figure, width="stretch", key="coop_map")
    if unplaced:
        st.caption(
            _(
                "{count} collaborations are not on this map: a partner's postcode names no single municipality at this level.",
                count=fmt_count(unplaced, lang, mask=mask),
            )
        )
    map_attribution()
    sources_caption(sources)
    st.plotly_chart(
        cooperation.sector_matrix_figure(statuses, lang, mask=mask),
        width="stretch",
        key="coop_sectors",
    )
    sources_caption(sources)

with st.expander(_("All activities")):
    st.dataframe(cooperation.activity_table(lang, mask=mask), hide_index=True, width="stretch")
    sources_caption(sources)
