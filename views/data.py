"""Data and uploads: check a spreadsheet, load it, see what was rejected and the build history.

Every check and load runs ``python -m etl`` in a child process (dia/uploads.py)."""

import streamlit as st

from core import audit
from core.i18n import fmt_number
from dia import uploads, widget_text
from dia.page import _, audited, header, kpi, page_setup

user, lang = page_setup(__file__)

header(
    _("Data and uploads"),
    _(
        "Check a spreadsheet before loading it; loading builds and publishes a new warehouse version from all files in the inbox."
    ),
)
tab_names = [_("Upload"), _("Inbox"), _("Rejected rows"), _("Build history"), _("Templates")]
if user.sees_audit_log():
    tab_names.append(_("Audit log"))
upload_tab, inbox_tab, rejects_tab, history_tab, templates_tab, *audit_tab = st.tabs(tab_names)

with upload_tab:
    uploaded = widget_text.file_uploader(
        _("Spreadsheet (.xlsx, .xls or .csv, at most {limit} MB)", limit=uploads.MAX_UPLOAD_MB),
        key="upload",
        types=uploads.ACCEPTED_TYPES,
        max_mb=uploads.MAX_UPLOAD_MB,
        lang=lang,
    )
    if uploaded is not None:
        data = uploaded.getvalue()
        with st.spinner(_("Checking {file} …", file=uploaded.name)):
            report = uploads.check_upload(uploaded.name, data)
        st.subheader(_("Dry run: {file}", file=report.file))
        recognised = _("Recognised as")
        st.markdown(f"**{recognised}:** {report.label(lang)}")
        cols = st.columns(3)
        with cols[0]:
            kpi(_("Rows accepted"), fmt_number(report.accepted, lang))
        with cols[1]:
            kpi(_("Rows rejected"), fmt_number(report.rejected_rows, lang))
        with cols[2]:
            kpi(_("Rows skipped (blank or totals)"), fmt_number(report.skipped, lang))
        rejects = uploads.report_frame(report.rejects, lang)
        notices = uploads.report_frame(report.notices, lang)
        if not report.loadable and report.rejects:
            st.error(report.rejects[0]["reason"].get(lang) or report.rejects[0]["reason"]["en"])
        if report.rejects:
            widget_text.table(rejects)
        else:
            st.success(_("Every row can be loaded."))
        if report.notices:
            with st.expander(_("Notes ({count})", count=len(report.notices))):
                widget_text.table(notices)
        st.download_button(
            _("Download the report (.xlsx)"),
            data=audited(
                uploads.report_workbook(
                    rejects, notices, lang, _("Dry run: {file}", file=report.file)
                ),
                user,
                f"dry-run report {report.file}",
                kind="report",
            ),
            file_name=f"report_{uploads.safe_name(report.file)}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="download_dry_run",
        )
        problem = uploads.permission_problem(user, report, lang)
        if problem:
            st.error(problem)
        elif not report.loadable:
            if not report.rejects:  # else the first reject above says why
                st.error(_("Nothing in this file can be loaded."))
        else:
            mode = st.radio(
                _("How does this file relate to the files in the inbox?"),
                uploads.MODES,
                format_func=lambda m: {
                    "add": _("It adds to them (an addendum or another list)"),
                    "replace": _(
                        "It replaces the earlier files of this kind of {owner}",
                        owner=uploads.owner_for(user, report),
                    ),
                }[m],
                key=f"mode_{report.digest}",
            )
            replaced = uploads.outdated_by(user, report, uploaded.name, mode)
            if replaced:
                st.info(
                    _("Moves to the archive: {files}", files=", ".join(f.name for f in replaced))
                )
            preview_key = f"preview_{report.digest}_{mode}"
            if st.button(_("Preview what loading changes"), key=f"preview_button_{mode}"):
                with st.spinner(_("Building a trial version …")):
                    st.session_state[preview_key] = uploads.preview_load(
                        user, uploaded.name, data, report, mode
                    )
            preview = st.session_state.get(preview_key)
            if preview is not None:
                if preview.unreadable:
                    st.error(
                        _(
                            "These files cannot be read; nothing is published while they are in the inbox: {files}",
                            files=", ".join(preview.unreadable),
                        )
                    )
                elif preview.error and not preview.shrinks:
                    st.error(_("The trial build failed: {error}", error=preview.error))
                if preview.shrinks:
                    st.warning(_("Loading would remove more rows than allowed from these tables:"))
                    widget_text.table(uploads.shrink_table(preview, lang))
                if preview.disappearing:
                    st.warning(
                        _("{count} members would disappear:", count=len(preview.disappearing))
                    )
                    widget_text.table(uploads.disappearing_table(preview, lang))
                if not (preview.shrinks or preview.disappearing or preview.unreadable):
                    st.success(_("Nothing disappears."))
                confirmed = True
                if preview.shrinks or preview.disappearing:
                    confirmed = st.checkbox(
                        _("I have checked the list: these rows should disappear"),
                        key=f"confirm_{preview_key}",
                    )
                if not preview.unreadable and st.button(
                    _("Load into the warehouse"), type="primary", key="load", disabled=not confirmed
                ):
                    with st.status(
                        _("Building a new warehouse version …"), expanded=False
                    ) as status:
                        uploads.save_to_inbox(user, uploaded.name, data, report, mode)
                        outcome = uploads.run_build(user, accept_shrink=bool(preview.shrinks))
                        status.update(
                            label=_("Published") if outcome.ok else _("Not published"),
                            state="complete" if outcome.ok else "error",
                        )
                    st.session_state.pop(preview_key, None)
                    if outcome.ok:
                        st.success(
                            _("A new warehouse version is published; every page shows it now.")
                        )
                    else:
                        st.error(
                            _(
                                "The build failed; the published version did not change: {error}",
                                error=outcome.error or outcome.returncode,
                            )
                        )

with inbox_tab:
    st.write(_("Files every build reads, kept per association."))
    files = uploads.inbox_files()
    if not files:
        st.write(_("The inbox is empty: the dashboard shows the sample data."))
    else:
        widget_text.table(uploads.inbox_table(lang))
        own = [f for f in files if uploads.may_manage(user, f)]
        if own:
            chosen = st.selectbox(
                _("Move a file of your association to the archive"),
                own,
                format_func=lambda f: f"{f.owner}/{f.name}",
                index=None,
                placeholder=_("Choose a file"),
                key="archive_choice",
            )
            if chosen is not None and st.button(_("Move to the archive"), key="archive"):
                uploads.archive_file(user, chosen)
                st.success(
                    _("{file} is in the archive; the next build leaves it out.", file=chosen.name)
                )

with rejects_tab:
    st.write(_("Rows the published warehouse version could not use, and why."))
    rejected = uploads.warehouse_report("etl_rejects", user, lang)
    noted = uploads.warehouse_report("etl_notices", user, lang)
    widget_text.table(rejected)
    with st.expander(_("Notes ({count})", count=len(noted))):
        widget_text.table(noted)
    st.download_button(
        _("Download the reject report (.xlsx)"),
        data=audited(
            uploads.report_workbook(rejected, noted, lang, _("Rejected rows")),
            user,
            "reject report",
            kind="report",
        ),
        file_name="reject_report.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download_rejects",
    )

with history_tab:
    st.subheader(_("Files of the published version"))
    widget_text.table(uploads.build_files(user, lang))
    st.subheader(_("Builds"))
    widget_text.table(uploads.build_history(lang))

with templates_tab:
    st.write(
        _(
            "Blank templates with the headers the dashboard reads, drop-down lists and instructions in Dutch and German."
        )
    )
    for label, name, content in uploads.templates():
        st.download_button(
            _(label),
            data=audited(content, user, f"template {name}", kind="template"),
            file_name=name,
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"template_{name}",
        )

for tab in audit_tab:  # administrators only
    with tab:
        log = audit.read(limit=1000)
        st.caption(
            _(
                "Sign-ins, uploads, loads, builds and exports, newest first; the log lives outside the warehouse and survives every rebuild."
            )
        )
        if log.unreadable_lines:
            st.warning(
                _(
                    "{count} damaged lines in the audit log were skipped.",
                    count=log.unreadable_lines,
                )
            )
        widget_text.table(uploads.audit_table(log.entries, lang))
