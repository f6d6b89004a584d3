"""Data and uploads: check a spreadsheet, load it, see what was rejected and the build history."""

import streamlit as st

from core.i18n import fmt_number
from dia import uploads
from dia.page import _, kpi, page_setup
from etl.memberlist.templates import template_bytes, template_name

user, lang = page_setup(__file__)

st.title(_("Data and uploads"))
st.caption(
    _(
        "Check a spreadsheet before loading it; loading builds and publishes a new warehouse version from all files in the inbox."
    )
)
upload_tab, rejects_tab, history_tab, templates_tab = st.tabs(
    [_("Upload"), _("Rejected rows"), _("Build history"), _("Templates")]
)

with upload_tab:
    uploaded = st.file_uploader(
        _("Spreadsheet (.xlsx, .xls or .csv, at most {limit} MB)", limit=uploads.MAX_UPLOAD_MB),
        type=list(uploads.ACCEPTED_TYPES),
        max_upload_size=uploads.MAX_UPLOAD_MB,
        key="upload",
    )
    if uploaded is not None:
        data = uploaded.getvalue()
        with st.spinner(_("Checking {file} …", file=uploaded.name)):
            report = uploads.check_upload(uploaded.name, data)
        st.subheader(_("Dry run: {file}", file=report.file))
        recognised = _("Recognised as")
        st.markdown(f"**{recognised}:** {uploads.kind_label(report.kind, lang)}")
        cols = st.columns(3)
        with cols[0]:
            kpi(_("Rows accepted"), fmt_number(report.accepted, lang))
        with cols[1]:
            kpi(_("Rows rejected"), fmt_number(report.rejected_rows, lang))
        with cols[2]:
            kpi(_("Rows skipped (blank or totals)"), fmt_number(report.skipped, lang))
        rejects = uploads.report_frame(report.rejects, lang)
        notices = uploads.report_frame(report.notices, lang)
        if report.rejects:
            st.dataframe(rejects, hide_index=True, width="stretch")
        else:
            st.success(_("Every row can be loaded."))
        if report.notices:
            with st.expander(_("Notes ({count})", count=len(report.notices))):
                st.dataframe(notices, hide_index=True, width="stretch")
        st.download_button(
            _("Download the report (.xlsx)"),
            data=uploads.report_workbook(
                rejects, notices, lang, _("Dry run: {file}", file=report.file)
            ),
            file_name=f"report_{uploads.safe_name(report.file)}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="download_dry_run",
        )
        problem = uploads.permission_problem(user, report, lang)
        if problem:
            st.error(problem)
        elif not report.loadable:
            st.error(_("Nothing in this file can be loaded."))
        else:
            replace = st.checkbox(
                _("It replaces the earlier files of this kind in the inbox"),
                value=report.association is not None,
                help=_(
                    "A member list is a complete list: the previous one is moved to the archive."
                ),
            )
            if uploads.inbox_kinds().empty:
                st.warning(
                    _(
                        "The dashboard shows sample data now. After loading, it shows the files in the inbox only."
                    )
                )
            if st.button(_("Load into the warehouse"), type="primary", key="load"):
                with st.status(_("Building a new warehouse version …"), expanded=False) as status:
                    uploads.save_to_inbox(
                        uploaded.name, data, report.kind, replace_same_kind=replace
                    )
                    outcome = uploads.run_build()
                    st.code(outcome.output or "–")
                    status.update(
                        label=_("Published") if outcome.ok else _("Not published"),
                        state="complete" if outcome.ok else "error",
                    )
                if outcome.ok:
                    st.success(_("A new warehouse version is published; every page shows it now."))
                else:
                    st.error(_("The build failed; the published version did not change."))

    with st.expander(_("Files in the inbox")):
        inbox = uploads.inbox_kinds()
        if inbox.empty:
            st.write(_("The inbox is empty: the dashboard shows the sample data."))
        else:
            inbox["kind"] = inbox["kind"].map(lambda k: uploads.kind_label(k, lang))
            st.dataframe(
                inbox.rename(
                    columns={
                        "file": _("File"),
                        "kind": _("Kind"),
                        "size_kb": _("Size (KB)"),
                        "modified": _("Modified"),
                    }
                ),
                hide_index=True,
                width="stretch",
            )

with rejects_tab:
    st.write(_("Rows the published warehouse version could not use, and why."))
    rejected = uploads.warehouse_report("etl_rejects", user, lang)
    noted = uploads.warehouse_report("etl_notices", user, lang)
    st.dataframe(rejected, hide_index=True, width="stretch")
    with st.expander(_("Notes ({count})", count=len(noted))):
        st.dataframe(noted, hide_index=True, width="stretch")
    st.download_button(
        _("Download the reject report (.xlsx)"),
        data=uploads.report_workbook(rejected, noted, lang, _("Rejected rows")),
        file_name="reject_report.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download_rejects",
    )

with history_tab:
    st.subheader(_("Files of the published version"))
    st.dataframe(uploads.build_files(user, lang), hide_index=True, width="stretch")
    st.subheader(_("Builds"))
    st.dataframe(uploads.build_history(lang), hide_index=True, width="stretch")

with templates_tab:
    st.write(
        _(
            "Blank member lists with the headers the dashboard reads, drop-down lists and instructions in Dutch and German."
        )
    )
    for association in ("OE", "WVE"):
        st.download_button(
            _("Template member list {association} (.xlsx)", association=association),
            data=template_bytes(association),
            file_name=template_name(association),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"template_{association}",
        )
