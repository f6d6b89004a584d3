"""The landing page's tiles: short lines, metrics and links, each drawn from a frame of
dia/data/status.py or dia/data/reporting.py. Counts go through the "<5" rule for funders."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.i18n import N_, Lang, fmt_date, translate
from core.reports import Submission
from dia import navigation
from dia.auth import User
from dia.data import reporting, status
from dia.data.project import Calendar, period_label
from dia.data.warehouse import version
from dia.export.spreadsheet import workbook_bytes
from dia.page import audited
from dia.privacy import fmt_change, fmt_count, is_small


def link(user: User, script: str, label: str) -> None:
    """A link to the page ``script`` — only if the user may open it (else nothing)."""
    page = next((p for p in navigation.pages_for(user) if p.script == script), None)
    if page is not None:
        st.page_link(str(page.path), label=label, icon=":material/arrow_forward:")


def signed(value: float, lang: Lang, *, mask: bool) -> str:
    """A change with its sign; with ``mask`` published like a count ("+<5", "−10")."""
    return fmt_change(value, lang, mask=mask)


def on_track_line(ledger: pd.DataFrame, lang: Lang, user: User) -> str:
    mask = user.mask_small_counts()
    shown = ~ledger["cumulative"].map(is_small) if mask else pd.Series(True, index=ledger.index)
    on_track = int((ledger["on_track"] & shown).sum())
    return translate(
        lang,
        N_(
            "**{count} of {total}** indicators are forecast to reach their target by the project end."
        ),
        count=on_track,
        total=len(ledger),
    )


def reporting_tile(cal: Calendar, lang: Lang, user: User) -> None:
    mask = user.mask_small_counts()
    done, unreadable = reporting.store()
    last = done[-1] if done else None
    if last is None:
        st.markdown(translate(lang, N_("No reporting period has been submitted yet.")))
    else:
        st.markdown(
            translate(
                lang,
                N_("Last report: **{period}**, submitted on {date} by {who}."),
                period=period_label(last.period, lang),
                date=fmt_date(pd.Timestamp(last.submitted_at).date(), lang),
                who=last.submitted_by,
            )
        )
    upcoming = reporting.next_report(cal)
    if upcoming is not None:
        st.markdown(
            translate(lang, N_("Next report: **{period}**."), period=period_label(upcoming, lang))
        )
        corrected = reporting.corrections(upcoming, cal, lang)
        if corrected.empty:
            st.caption(translate(lang, N_("No corrections to earlier reports.")))
        else:
            st.warning(
                translate(lang, N_("Corrections to earlier reports:"))
                + " "
                + ", ".join(
                    f"{row.code} {signed(row.correction, lang, mask=mask)}"
                    for row in corrected.itertuples(index=False)
                ),
                icon=":material/edit_note:",
            )
    for bad in unreadable:
        st.error(translate(lang, N_("Unreadable report file: {file}"), file=bad.path.name))


def milestone_tile(found: status.MilestoneStatus, lang: Lang, cal: Calendar) -> None:
    cols = st.columns(3)
    cols[0].metric(translate(lang, N_("Overdue")), len(found.overdue))
    cols[1].metric(translate(lang, N_("Due in {days} days"), days=status.DUE_DAYS), len(found.due))
    cols[2].metric(translate(lang, N_("Reached late")), len(found.late))
    for title, frame in (
        (N_("Overdue"), found.overdue),
        (N_("Due next"), found.due),
    ):
        lines = status.milestone_lines(frame, lang)
        if lines:
            st.markdown(f"**{translate(lang, title)}**  \n" + "  \n".join(lines))
    st.caption(
        translate(
            lang,
            N_(
                "{reached} of {total} milestones reached; overdue: open more than {days} days after the planned date."
            ),
            reached=found.reached,
            total=found.total,
            days=cal.grace_days,
        )
    )


def member_tile(frame: pd.DataFrame, lang: Lang, user: User) -> None:
    mask = user.mask_small_counts()
    cols = st.columns(max(len(frame), 1))
    for col, row in zip(cols, frame.itertuples(index=False), strict=False):
        change = int(row.members) - int(row.members_year_ago)
        col.metric(
            row.association,
            fmt_count(int(row.members), lang, mask=mask),
            delta=signed(change, lang, mask=mask),
            delta_color="off",
        )
        col.caption(
            translate(
                lang,
                N_("{joined} joined, {left} left"),
                joined=fmt_count(int(row.joined), lang, mask=mask),
                left=fmt_count(int(row.left_), lang, mask=mask),
            )
        )
    if not frame.empty:
        st.caption(
            translate(
                lang,
                N_("Members on {date}, and the change over the twelve months before."),
                date=fmt_date(pd.Timestamp(frame["as_of"].iloc[0]).date(), lang),
            )
        )


def _digest_lines(found: status.Digest, lang: Lang, *, mask: bool) -> list[str]:
    lines = []
    counts = status.digest_counts(found)
    for (kind, grp), part in counts.groupby(["kind", "grp"], sort=False):
        name = translate(lang, status.DIGEST_KINDS.get(str(kind), str(kind)))
        if grp:
            name = f"{name} {grp}"
        # Activities are public events, not companies: their counts need no "<5".
        masked = mask and kind not in status.PUBLIC_KINDS
        changes = ", ".join(
            f"{fmt_count(int(n), lang, mask=masked)} "
            + translate(lang, status.DIGEST_CHANGES.get(str(c), str(c)))
            for c, n in zip(part["change"], part["count"], strict=True)
        )
        lines.append(f"{name}: {changes}")
    for row in found.indicators.itertuples(index=False):
        lines.append(
            f"{row.code}: {fmt_count(row.before, lang, mask=mask)} → "
            f"{fmt_count(row.after, lang, mask=mask)}"
        )
    return lines


def digest_tile(
    found: status.Digest, lang: Lang, user: User, *, reported: Submission | None = None
) -> None:
    mask = user.mask_small_counts()
    if found.scope == "version":
        st.markdown("**" + translate(lang, N_("Since the data version before")) + "**")
        if found.reference is None:
            st.caption(translate(lang, N_("Nothing to compare with: this is the first version.")))
            return
    else:
        if reported is None:
            st.markdown("**" + translate(lang, N_("Since the last report")) + "**")
            st.caption(translate(lang, N_("No reporting period has been submitted yet.")))
            return
        st.markdown(
            "**"
            + translate(
                lang,
                N_("Since the report for {period}"),
                period=period_label(reported.period, lang),
            )
            + "**"
        )
        # Submitted after this version was built: it was made from exactly this data.
        if found.reference != reported.period and reported.data_version == version().version_id:
            st.caption(translate(lang, N_("No changes.")))
            return
    lines = _digest_lines(found, lang, mask=mask)
    if not lines:
        st.caption(translate(lang, N_("No changes.")))
        return
    st.markdown("\n".join(f"- {line}" for line in lines))
    names_of = frozenset(a for a in ("OE", "WVE") if user.sees_names(a))
    if mask:
        counts = status.digest_counts(found)
        table = pd.DataFrame(
            {
                translate(lang, N_("What")): [
                    translate(lang, status.DIGEST_KINDS.get(k, k)) for k in counts["kind"]
                ],
                translate(lang, N_("Association")): counts["grp"].to_list(),
                translate(lang, N_("Change")): [
                    translate(lang, status.DIGEST_CHANGES.get(c, c)) for c in counts["change"]
                ],
                translate(lang, N_("Count")): [
                    fmt_count(int(n), lang, mask=k not in status.PUBLIC_KINDS)
                    for k, n in zip(counts["kind"], counts["count"], strict=True)
                ],
            }
        )
    else:
        table = status.digest_list(
            found,
            lang,
            names_of=names_of,
            free_text=user.sees_free_text(),
            all_names=len(names_of) == 2,
        )
    sheets = {translate(lang, N_("Changes")): table}
    if not found.indicators.empty:
        indicators = found.indicators[["code", "name", "before", "after"]]
        for column in ("before", "after"):
            indicators = indicators.assign(
                **{column: [fmt_count(v, lang, mask=mask) for v in indicators[column]]}
            )
        sheets[translate(lang, N_("Indicators"))] = indicators
    st.download_button(
        translate(lang, N_("List of changes (.xlsx)")),
        data=audited(workbook_bytes(sheets), user, f"list of changes {found.scope}", kind="table"),
        file_name=f"dia_changes_{found.scope}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/download:",
        key=f"digest_{found.scope}",
    )
