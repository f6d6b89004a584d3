"""What a correct build makes of the generated samples, worked out from the generators' plans.

The generators only say which rows they wrote wrong and how (``defect``) or that a row repeats
a member (``duplicate``); the reasons and counts a build must arrive at are decided here, by the
tests, so a generator cannot agree with a bug in the code it is meant to test.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

# Member lists: a blank row in each workbook's main sheet, and a totals row under each of the
# three lists (OE's main sheet, WVE's workbook, WVE's CSV export).
MEMBER_ROWS_SKIPPED = 2 + 3


def member_reason(defect: tuple[str, Any]) -> str:
    """The reject reason (msgid) a member row with this single fault must get."""
    from etl import normalise
    from etl.memberlist.rows import NO_NAME
    from etl.places import OUTSIDE

    field, value = defect
    if field == "since":  # the date parser's own verdict on the text written
        return str(normalise.dates(pd.Series([value]))["error"].iloc[0])
    return {
        "name": NO_NAME,
        "postcode": OUTSIDE,
        "sector": normalise.BAD_SECTOR,
        "employees": normalise.BAD_EMPLOYEES,
        "register": normalise.BAD_REGISTER,
    }[field]


def members(scale: int = 1) -> dict[str, Any]:
    """Rows written, members after merging, companies, rejects by reason of ``plan(scale)``."""
    from etl.samples.members import plan

    p = plan(scale)
    lists = {"OE": p.oe_main + p.oe_new, "WVE": p.wve_main + p.wve_csv}
    rows = {a: len(r) for a, r in lists.items()}
    rejected = {a: sum(r.defect is not None for r in rows_) for a, rows_ in lists.items()}
    duplicates = {a: sum(r.duplicate for r in rows_) for a, rows_ in lists.items()}
    members_ = {a: rows[a] - rejected[a] - duplicates[a] for a in lists}
    reasons = Counter(
        member_reason(r.defect) for rows_ in lists.values() for r in rows_ if r.defect
    )
    return {
        "rows": rows,
        "members": members_,
        # a company in both lists is one company (Interreg CO01 rule)
        "companies": members_["OE"] + members_["WVE"] - p.both,
        "both": p.both,
        "duplicates": duplicates,
        "rejected_rows": dict(reasons),
        "skipped": MEMBER_ROWS_SKIPPED,
    }


def record_reasons(defect: str) -> list[str]:
    """The reject reasons (msgids) a project-record row with this fault must get; none for a
    company named twice for one activity, which is merged with a notice."""
    from etl.harmonise.records import PROBLEMS
    from etl.normalise import BAD_DATE
    from etl.records.values import BAD_PERSONS, NOT_IN_LIST

    return {
        "bad_date": [BAD_DATE],
        "unknown_type": [NOT_IN_LIST],
        "unknown_activity": [PROBLEMS["unknown_activity"]],
        "unknown_company": [PROBLEMS["unknown_company"]],
        "bad_persons": [BAD_PERSONS],
        # a German company in the Dutch partner's column, and so a Dutch one in the German's
        "swapped_sides": [PROBLEMS["not_dutch"], PROBLEMS["not_german"]],
        "twice": [],
    }[defect]


def records(folder: Path, scale: int = 1) -> dict[str, Any]:
    """Rows loaded per table, rows merged and rejects by reason of the records' plan."""
    from etl.samples.records import plan

    p = plan(folder, scale)

    def clean(rows: list[dict[str, Any]]) -> int:
        return sum("defect" not in row for row in rows)

    every = p.activities + p.participations_nl + p.participations_de + p.collaborations
    return {
        "activities": clean(p.activities),
        "participations": clean(p.participations_nl + p.participations_de),
        "collaborations": clean(p.collaborations),
        "milestones": len(p.milestones),
        "merged": sum(row.get("defect") == "twice" for row in every),
        "rejected": Counter(
            reason for row in every if "defect" in row for reason in record_reasons(row["defect"])
        ),
    }
