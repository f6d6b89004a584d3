"""Project progress: milestones planned and reached, activities and participants per reporting
period against the work plan, and whether each work package is on track."""

import streamlit as st

from core.i18n import fmt_date
from dia import exhibits
from dia.data import progress, project
from dia.page import _, choice, kpi_row, page_setup, project_records
from dia.render import progress as draw

user, lang = page_setup(__file__)

st.title(_("Project progress"))
cal, _sources, record_sources = project_records()
st.caption(
    _(
        "DIA's work plan from {start} to {end}; records up to {date}.",
        start=fmt_date(cal.project_start, lang),
        end=fmt_date(cal.project_end, lang),
        date=fmt_date(cal.data_as_of, lang),
    )
)

milestones = project.milestones(lang)
summary = progress.summary(milestones)
kpi_row(
    (
        _("Milestones reached"),
        f"{summary.reached} / {summary.total}",
        _("{late} of them later than planned", late=summary.reached_late),
    ),
    (
        _("Overdue milestones"),
        str(summary.overdue),
        _(
            "Open more than {days} days after the planned date.",
            days=cal.grace_days,
        ),
    ),
    (
        _("Activities vs. plan"),
        f"{summary.activities} / {summary.planned_activities}",
        _("Held so far, against the plan for the periods begun."),
    ),
    (
        _("Participants vs. plan"),
        f"{summary.participants} / {summary.planned_participants}",
        _("Persons taking part so far, against the plan for the periods begun."),
    ),
)

st.subheader(_("Work packages"))
st.dataframe(
    draw.work_package_table(progress.work_packages(milestones, lang), lang),
    hide_index=True,
    width="stretch",
)
st.caption(
    _(
        "Behind schedule: a milestone is open more than {days} days after its planned date. "
        "Completed: every milestone is reached.",
        days=cal.grace_days,
    )
)

exhibits.chart(
    "progress_milestones",
    lambda in_lang: draw.milestone_figure(
        project.milestones(in_lang), in_lang, as_of=cal.data_as_of
    ),
    record_sources,
    user,
    lang,
    summary=lambda in_lang: progress.milestone_summary(project.milestones(in_lang), in_lang),
)

st.subheader(_("Activities and participants per reporting period"))
measure = choice(
    _("Measure"),
    list(progress.PLAN_MEASURES),
    progress.PLAN_MEASURES.__getitem__,
    link="measure",
)
st.caption(_("The plan is part of the approved work plan."))
exhibits.chart(
    "progress_plan",
    lambda in_lang: draw.plan_figure(progress.plan_periods(measure, in_lang), measure, in_lang),
    record_sources,
    user,
    lang,
    filters={_("Measure"): _(progress.PLAN_MEASURES[measure])},
)
