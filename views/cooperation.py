"""Cooperation: DIA's activities over time, who takes part from each side of the border, and the
collaborations that followed, on one map."""

import streamlit as st

from core.codes import STATUSES
from core.i18n import N_, fmt_date, fmt_number, translate
from dia import exhibits
from dia.data import cooperation, partners, project
from dia.data.regions import DE_LEVEL_LABELS
from dia.page import (
    _,
    aggregates_note,
    audited,
    choice,
    choices,
    count,
    german_units,
    kpi_row,
    not_on_map,
    page_setup,
    project_records,
    sources_caption,
)
from dia.render import cooperation as draw

user, lang = page_setup(__file__)

st.title(_("Cooperation across the border"))
cal, sources, record_sources = project_records()
st.caption(
    _(
        "Activities, participants and collaborations of DIA from {start}; records up to {date}.",
        start=fmt_date(cal.project_start, lang),
        date=fmt_date(cal.data_as_of, lang),
    )
)
aggregates_note()

facts = cooperation.headline()
kpi_row(
    (
        _("Activities"),
        fmt_number(facts.activities, lang),
        _(
            "{count} of them with companies from both sides of the border",
            count=fmt_number(facts.cross_border_activities, lang),
        ),
    ),
    (
        _("Companies NL"),
        count(facts.companies_nl),
        _("Companies taking part; each counts once, however often it took part."),
    ),
    (
        _("Companies DE"),
        count(facts.companies_de),
        _("Companies taking part; each counts once, however often it took part."),
    ),
    (_("Persons taking part"), count(facts.persons)),
    (
        _("Collaborations"),
        count(facts.collaborating),
        _(
            "Active or completed; besides {planned} planned and {stopped} stopped.",
            planned=count(facts.planned),
            stopped=count(facts.stopped),
        ),
    ),
)

st.subheader(_("Activities over time"))
breakdown = choice(
    _("Colour by"),
    list(cooperation.BREAKDOWNS),
    cooperation.BREAKDOWNS.__getitem__,
    link="colour",
)
exhibits.chart(
    "coop_timeline",
    lambda in_lang: draw.activity_timeline(
        cooperation.activities_per_quarter(breakdown, in_lang),
        breakdown,
        project.milestones(in_lang),
        in_lang,
        project=(cal.project_start, cal.project_end),
    ),
    record_sources,
    user,
    lang,
    filters={_("Colour by"): _(cooperation.BREAKDOWNS[breakdown])},
)

st.subheader(_("Who takes part: the Netherlands and Germany"))
measure = choice(
    _("Count"),
    list(cooperation.PARTICIPANT_MEASURES),
    cooperation.PARTICIPANT_MEASURES.__getitem__,
    link="count",
)
exhibits.chart(
    "coop_participants",
    lambda in_lang: draw.participants_figure(
        cooperation.participants(measure, in_lang, user),
        measure,
        in_lang,
        project=(cal.project_start, cal.project_end),
    ),
    record_sources,
    user,
    lang,
    filters={_("Count"): _(cooperation.PARTICIPANT_MEASURES[measure])},
    counts=True,
)
exhibits.chart(
    "coop_funnel",
    lambda in_lang: draw.funnel_figure(cooperation.funnel(in_lang, user), in_lang),
    record_sources,
    user,
    lang,
    counts=True,
)

st.subheader(_("Collaborations across the border"))
left, right = st.columns([3, 2])
with left:
    statuses = choices(
        _("Status"),
        list(STATUSES),
        STATUSES.__getitem__,
        link="status",
        default=list(cooperation.COLLABORATING),
        placeholder=_("Choose one or more statuses"),
    )
with right:
    de_level = german_units()
if not statuses:
    st.info(_("Choose at least one status."))
else:
    *_frames, unplaced = cooperation.link_frames(de_level, statuses, lang, user)
    status_filter = {
        _("Status"): ", ".join(_(STATUSES[status]) for status in statuses),
        _("German units"): _(DE_LEVEL_LABELS[de_level]),
    }
    st.caption(
        _(
            "One line joins the municipalities of the Dutch and the German partners: the "
            "wider, the more collaborations (see the legend). The dot in its middle lists them "
            "by kind."
        )
    )
    exhibits.chart(
        "coop_map",
        lambda in_lang: draw.link_figure(
            *cooperation.link_frames(de_level, statuses, in_lang, user)[:2], in_lang
        ),
        lambda in_lang: [*exhibits.map_sources(in_lang), *record_sources(in_lang)],
        user,
        lang,
        title=lambda in_lang: translate(in_lang, "Collaborations across the border"),
        filters=status_filter,
        is_map=True,
        counts=True,
    )
    not_on_map(
        N_(
            "{count} collaborations are not on this map: a partner's postcode names no single municipality at this level."
        ),
        unplaced,
    )
    exhibits.chart(
        "coop_sectors",
        lambda in_lang: draw.sector_matrix_figure(
            cooperation.sector_matrix(statuses, in_lang, user), in_lang
        ),
        record_sources,
        user,
        lang,
        filters=status_filter,
        counts=True,
    )

introduced = partners.introduced(user, lang)
if introduced.listed:
    st.subheader(_("Introductions from the partner suggestions"))
    if introduced.table is None:
        st.caption(
            _(
                "{count} introductions made on the partner page, now planned collaborations or "
                "further.",
                count=introduced.count,
            )
        )
    else:
        st.dataframe(introduced.table, hide_index=True, width="stretch")
        sources_caption(sources)

with st.expander(_("All activities")):
    st.dataframe(cooperation.activity_table(lang, user), hide_index=True, width="stretch")
    sources_caption(sources)
    st.download_button(
        _("Download the activities (.csv)"),
        data=audited(
            lambda: cooperation.activity_csv(lang, user), user, "activities csv", kind="table"
        ),
        file_name="dia_activities.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key="activities_csv",
    )
