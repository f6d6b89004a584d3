"""Reporting periods: which are submitted (final) and which are open, each submitted report's
files as they were submitted, the correction the next report carries with its evidence, and —
for administrators — submitting a period."""

import streamlit as st

from core.i18n import fmt_date
from dia.data import indicators, project, reporting
from dia.export import ledger as ledger_export
from dia.page import _, header, page_setup, project_calendar
from dia.render import reporting as view

user, lang = page_setup(__file__)

header(
    _("Reporting periods"),
    _(
        "A submitted report is final: its figures never change. When the records change later, "
        "the difference appears as a correction in the next report."
    ),
)
cal = project_calendar()
done, unreadable = reporting.store()


def translated_period(period: str) -> str:
    return project.period_label(period, lang)


for bad in unreadable:
    st.error(_("Unreadable report file: {file}", file=f"{bad.path} ({bad.reason})"))

st.dataframe(view.periods_table(cal, done, lang), hide_index=True, width="stretch")

if done:
    st.subheader(_("Submitted reports"))
    submitted_periods: list[str] = [s.period for s in done]
    period = str(
        st.selectbox(
            _("Reporting period"),
            submitted_periods,
            index=len(done) - 1,
            format_func=translated_period,
            key="reports_submitted",
        )
    )
    chosen = reporting.submission(period)
    assert chosen is not None
    st.caption(
        _(
            "Submitted on {date} by {who}, from data version {version}.",
            date=fmt_date(reporting.submitted_on(chosen), lang),
            who=chosen.submitted_by,
            version=chosen.data_version,
        )
    )
    frozen = indicators.complete(
        reporting.snapshot_ledger(chosen, lang), reporting.snapshot_calendar(chosen), period
    )
    st.table(indicators.ledger_table(frozen, lang, user), hide_index=True)
    ledger_export.download_buttons(period, lang, user, prefix="submitted")

upcoming = reporting.next_report(cal)
if upcoming is not None:
    st.subheader(
        _("Corrections for the next report ({period})", period=project.period_label(upcoming, lang))
    )
    base, changes = reporting.correction_changes(upcoming, cal)
    corrected = reporting.corrections(upcoming, cal, lang)
    if base is None:
        st.caption(_("No report has been submitted yet, so there is nothing to correct."))
    elif corrected.empty and not changes:
        st.caption(
            _(
                "The records agree with the report for {period}: no corrections.",
                period=project.period_label(base.period, lang),
            )
        )
    else:
        st.markdown(
            _(
                "The records now differ from what was reported up to {period}. The report for "
                "{next} carries the difference as a correction:",
                period=project.period_label(base.period, lang),
                next=project.period_label(upcoming, lang),
            )
        )
        st.dataframe(view.corrections_table(corrected, lang, user), hide_index=True)
        st.markdown("##### " + _("Evidence of the corrections"))
        st.dataframe(
            view.correction_evidence(changes, base, lang, user), hide_index=True, width="stretch"
        )

if user.may_submit_reports():
    st.subheader(_("Submit a reporting period"))
    open_periods = reporting.submittable(cal)
    if not open_periods:
        st.caption(_("Every reporting period that has begun is submitted."))
    else:
        with st.form("submit_period"):
            to_submit = str(
                st.selectbox(_("Reporting period"), open_periods, format_func=translated_period)
            )
            sure = st.checkbox(
                _("I have checked the figures; the report becomes final and cannot be changed.")
            )
            if st.form_submit_button(_("Submit"), type="primary", disabled=False):
                if not sure:
                    st.warning(_("Please confirm first."))
                else:
                    outcome = reporting.submit(
                        to_submit, user.name or user.email or "admin", user.email or "demo"
                    )
                    (st.success if outcome.ok else st.error)(outcome.message)
