"""The landing page's figures, "are we on track?": milestones due, late and overdue; member
development of both associations; the latest activities; how fresh each kind of data is; and
what changed since the version before and since the last submitted report.

Funders see counts only: activity titles, member and company names stay out of what they get.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from typing import Final

import pandas as pd

from core.codes import ACTIVITY_TYPES, COLLABORATION_TYPES, label
from core.i18n import N_, Lang, fmt_date, translate
from dia.data.project import Calendar, milestones
from dia.data.warehouse import query

DUE_DAYS: Final = 90  # "due": open, planned within this many days after the records' date
LATEST: Final = 5
TOPICS: Final[dict[str, str]] = {
    "records": N_("Project records"),
    "members": N_("Member lists"),
    "labour": N_("Labour market statistics"),
    "energy": N_("Energy capacity"),
}
DIGEST_KINDS: Final[dict[str, str]] = {
    "member": N_("Members"),
    "activity": N_("Activities"),
    "participation": N_("Participations"),
    "collaboration": N_("Collaborations"),
}
# Kinds whose counts say nothing about companies or persons (no "<5" for funders).
PUBLIC_KINDS: Final = frozenset({"activity"})
DIGEST_CHANGES: Final[dict[str, str]] = {
    "joined": N_("joined"),
    "left": N_("left"),
    "added": N_("added"),
    "removed": N_("removed"),
}


# --- milestones -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneStatus:
    due: pd.DataFrame  # open, planned within DUE_DAYS after the records' date
    overdue: pd.DataFrame  # open past the planned date and the grace days
    late: pd.DataFrame  # reached, later than planned plus the grace days
    reached: int
    total: int


def milestone_status(lang: Lang, cal: Calendar) -> MilestoneStatus:
    frame = milestones(lang)
    planned = pd.to_datetime(frame["planned_on"]).dt.date
    horizon = cal.data_as_of + dt.timedelta(days=DUE_DAYS)
    is_open = frame["state"] == "open"
    due = frame[is_open & (planned <= horizon)]
    return MilestoneStatus(
        due=due.sort_values("planned_on"),
        overdue=frame[frame["state"] == "overdue"].sort_values("planned_on"),
        late=frame[frame["state"] == "done late"].sort_values("planned_on"),
        reached=int(frame["done_on"].notna().sum()),
        total=len(frame),
    )


def milestone_lines(frame: pd.DataFrame, lang: Lang, *, limit: int = 4) -> list[str]:
    """ "WP2 · name (date)" for the first ``limit`` milestones of ``frame``."""
    return [
        f"{row.work_package} · {row.milestone} ({fmt_date(pd.Timestamp(row.planned_on).date(), lang)})"
        for row in frame.head(limit).itertuples(index=False)
    ]


# --- members --------------------------------------------------------------------------------


def member_development(today: dt.date) -> pd.DataFrame:
    """Per association: members on the member lists' latest date (``as_of``), a year earlier,
    and who joined and left in between."""
    return query("home_members", today=today)


# --- activities -----------------------------------------------------------------------------


def latest_activities(lang: Lang, *, titles: bool, limit: int = LATEST) -> pd.DataFrame:
    """The latest activities held: date and type for everyone, the title only with ``titles``."""
    frame = query("home_activities", limit=limit)
    out = pd.DataFrame(
        {
            translate(lang, N_("Date")): [
                fmt_date(pd.Timestamp(d).date(), lang) for d in frame["date"]
            ],
            translate(lang, N_("Type")): [label(ACTIVITY_TYPES, t, lang) for t in frame["type"]],
        }
    )
    if titles:
        out[translate(lang, N_("Activity"))] = [
            textwrap.shorten(t, 60, placeholder=" …") for t in frame["title"]
        ]
    return out


# --- data freshness -------------------------------------------------------------------------


def freshness(lang: Lang) -> pd.DataFrame:
    """Per kind of data: how many sources, the newest vintage, and for the project records the
    date they go up to; sample data is marked."""
    frame = query("home_freshness")
    sample = translate(lang, N_("sample data"))
    return pd.DataFrame(
        {
            translate(lang, N_("Data")): [
                translate(lang, TOPICS.get(t, t)) + (f" ({sample})" if s else "")
                for t, s in zip(frame["topic"], frame["is_sample"], strict=True)
            ],
            translate(lang, N_("Sources")): frame["sources"].astype(int).to_list(),
            translate(lang, N_("Up to")): [
                fmt_date(pd.Timestamp(r).date(), lang) if pd.notna(r) else _vintage(str(n), lang)
                for r, n in zip(frame["records_up_to"], frame["newest"], strict=True)
            ],
        }
    )


def _vintage(text: str, lang: Lang) -> str:
    """A source's vintage as written there; an ISO date in the language's format."""
    try:
        return fmt_date(dt.date.fromisoformat(text), lang)
    except ValueError:
        return text


def last_build() -> dt.datetime | None:
    frame = query("build_info")
    if frame.empty:
        return None
    return pd.Timestamp(frame["finished_at"].iloc[0]).to_pydatetime()


# --- what changed ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Digest:
    scope: str  # 'version' | 'report'
    reference: str | None  # the version or report period compared with; None: nothing to compare
    items: pd.DataFrame  # kind, grp, item_id, label, detail, change
    indicators: pd.DataFrame  # code, position, name, before, after

    @property
    def empty(self) -> bool:
        return self.items.empty and self.indicators.empty


def digest(scope: str, lang: Lang) -> Digest:
    basis = query("change_basis")
    row = basis[basis["scope"] == scope]
    reference = None if row.empty else str(row["reference"].iloc[0])
    return Digest(
        scope=scope,
        reference=reference,
        items=query("change_items", scope=scope),
        indicators=query("change_indicators", scope=scope, lang=lang),
    )


def digest_counts(found: Digest) -> pd.DataFrame:
    """What changed, counted: per kind, group (association for members) and change."""
    items = found.items
    groups = items["grp"].where(items["kind"] == "member", "")
    return (
        items.assign(grp=groups)
        .groupby(["kind", "grp", "change"], sort=False)
        .size()
        .rename("count")
        .reset_index()
    )


def digest_list(
    found: Digest, lang: Lang, *, names_of: frozenset[str], free_text: bool, all_names: bool
) -> pd.DataFrame:
    """Every changed record for the download: members named only for associations in
    ``names_of``, titles only with ``free_text``, companies of participations only with
    ``all_names`` (their association is not part of the comparison)."""
    rows = []
    for item in found.items.itertuples(index=False):
        if item.kind == "member":
            name = item.label if item.grp in names_of else ""
        elif item.kind == "activity":
            name = item.label if free_text else label(ACTIVITY_TYPES, item.grp, lang)
        elif item.kind == "collaboration":
            name = label(COLLABORATION_TYPES, item.grp, lang)
            if all_names:
                name += f" · {item.label}"
        else:  # participation: company at an activity
            name = (item.label + " · " if all_names else "") + (
                item.detail if free_text else item.grp
            )
        rows.append(
            {
                translate(lang, N_("What")): translate(
                    lang, DIGEST_KINDS.get(item.kind, item.kind)
                ),
                translate(lang, N_("Change")): translate(
                    lang, DIGEST_CHANGES.get(item.change, item.change)
                ),
                translate(lang, N_("Association")): item.grp if item.kind == "member" else "",
                "ID": item.item_id if item.kind != "member" or item.grp in names_of else "",
                translate(lang, N_("Name or title")): name,
                translate(lang, N_("Date")): item.detail if item.kind != "participation" else "",
            }
        )
    return pd.DataFrame(rows)
