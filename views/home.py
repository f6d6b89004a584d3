"""Are we on track? The first page of every role: indicators against their targets with the
forecast to the project end, milestones, member development, the latest activities, reporting,
what changed and how fresh the data is; each tile links to its page."""

import streamlit as st

from core.i18n import fmt_date
from dia.data import indicators, members, reporting, status
from dia.page import _, page_setup, project_calendar, sources_caption
from dia.render import indicators as draw
from dia.render import status as tiles
from dia.widget_text import plot_config

user, lang = page_setup(__file__)

st.title(_("Are we on track?"))
cal = project_calendar()
built = status.last_build()
st.caption(
    _(
        "Records up to {date}; project {start} – {end}; data loaded on {built}.",
        date=fmt_date(cal.data_as_of, lang),
        start=fmt_date(cal.project_start, lang),
        end=fmt_date(cal.project_end, lang),
        built=fmt_date(built, lang) if built else "–",
    )
)

ledger = indicators.ledger(cal.current, lang, cal)
left, right = st.columns([3, 2])
with left, st.container(border=True):
    st.subheader(_("Indicators: progress and forecast"))
    st.markdown(tiles.on_track_line(ledger, lang, user))
    st.plotly_chart(
        draw.overview_figure(
            indicators.overview_bars(ledger, lang, user), lang, end=cal.project_end
        ),
        width="stretch",
        key="home_indicators",
        theme=None,
        config=plot_config(lang),
    )
    st.caption(_(indicators.FORECAST_METHOD))
    tiles.link(user, "views/indicators.py", _("Indicator ledger"))
with right, st.container(border=True):
    st.subheader(_("Reporting"))
    tiles.reporting_tile(cal, lang, user)
    tiles.link(user, "views/reports.py", _("Reporting periods"))
with right, st.container(border=True):
    st.subheader(_("Milestones"))
    tiles.milestone_tile(status.milestone_status(lang, cal), lang, cal)
    tiles.link(user, "views/progress.py", _("Project progress"))

cols = st.columns([1.25, 1.3, 1.25])
with cols[0], st.container(border=True):
    st.subheader(_("Member development"))
    tiles.member_tile(status.member_development(members.today()), lang, user)
    sources_caption(members.sources(lang))
    tiles.link(user, "views/members.py", _("Members"))
with cols[1], st.container(border=True):
    st.subheader(_("Latest activities"))
    st.table(status.latest_activities(lang, titles=user.sees_free_text()), hide_index=True)
    tiles.link(user, "views/cooperation.py", _("Cooperation"))
with cols[2], st.container(border=True):
    st.subheader(_("How fresh is the data?"))
    st.table(status.freshness(lang), hide_index=True)
    tiles.link(user, "views/data.py", _("Data and uploads"))

with st.container(border=True):
    st.subheader(_("What changed"))
    since_version, since_report = st.columns(2)
    with since_version:
        tiles.digest_tile(status.digest("version", lang), lang, user)
    with since_report:
        tiles.digest_tile(
            status.digest("report", lang), lang, user, reported=reporting.last_submitted()
        )
