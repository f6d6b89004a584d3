"""Tables of the reporting page: the periods and their state, the corrections the next report
carries, and (for funders) the evidence of the corrections as counts."""

from __future__ import annotations

from typing import Final

import pandas as pd

from core.i18n import N_, Lang, fmt_date, translate
from core.reports import EvidenceChange, Submission
from dia.data.project import Calendar, period_label
from dia.data.reporting import KINDS, correction_counts, correction_table, submitted_on
from dia.policy import Viewer
from dia.privacy import fmt_count
from dia.render.status import signed

STATES: Final[dict[str, str]] = {
    "submitted": N_("submitted on {date} by {who}"),
    "open": N_("open"),
    "not begun": N_("not begun"),
}


def periods_table(cal: Calendar, done: list[Submission], lang: Lang) -> pd.DataFrame:
    by_period = {s.period: s for s in done}
    rows = []
    for p in cal.periods.itertuples(index=False):
        found = by_period.get(str(p.period))
        if found is not None:
            state = translate(
                lang,
                STATES["submitted"],
                date=fmt_date(submitted_on(found), lang),
                who=found.submitted_by,
            )
        else:
            state = translate(lang, STATES["open" if p.has_begun else "not begun"])
        rows.append(
            {
                translate(lang, N_("Reporting period")): period_label(str(p.period), lang),
                translate(lang, N_("From")): fmt_date(pd.Timestamp(p.starts_on).date(), lang),
                translate(lang, N_("To")): fmt_date(pd.Timestamp(p.ends_on).date(), lang),
                translate(lang, N_("State")): state,
                translate(lang, N_("Data version")): found.data_version if found else "",
            }
        )
    return pd.DataFrame(rows)


def corrections_table(frame: pd.DataFrame, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    mask = viewer.mask_small_counts()
    return pd.DataFrame(
        {
            translate(lang, N_("Code")): frame["code"].to_list(),
            translate(lang, N_("Indicator")): frame["name"].to_list(),
            translate(lang, N_("Correction")): [
                signed(v, lang, mask=mask) for v in frame["correction"]
            ],
        }
    )


def correction_counts_table(changes: list[EvidenceChange], lang: Lang) -> pd.DataFrame:
    counts = correction_counts(changes)
    return pd.DataFrame(
        {
            translate(lang, N_("Indicator")): counts["code"].to_list(),
            translate(lang, N_("What")): [translate(lang, KINDS[k]) for k in counts["kind"]],
            translate(lang, N_("added")): [fmt_count(n, lang, mask=True) for n in counts["added"]],
            translate(lang, N_("removed")): [
                fmt_count(n, lang, mask=True) for n in counts["removed"]
            ],
        }
    )


def correction_evidence(
    changes: list[EvidenceChange], base: Submission, lang: Lang, viewer: Viewer
) -> pd.DataFrame:
    """The evidence of the corrections as the viewer may see it: counts of what was added and
    removed for viewers of aggregates, else each changed record (names and free text as the
    policy allows)."""
    if viewer.mask_small_counts():
        return correction_counts_table(changes, lang)
    return correction_table(
        changes,
        base,
        lang,
        sees_names=viewer.visible_associations(),
        free_text=viewer.sees_free_text(),
    )
