"""The four kinds of project record and their columns (etl/config/record_columns.toml).

A sheet is one kind of record when its header names that kind's identifying columns; the other
required columns must be there too, else the sheet is rejected as a whole with the missing
column named.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from core.i18n import N_
from etl.memberlist.columns import AssociationColumns, Header, find_header, load_config
from etl.memberlist.grid import Row

CONFIG_FILE: Final = Path(__file__).resolve().parents[1] / "config" / "record_columns.toml"
# Two columns suffice to recognise a participation list (activity and company).
MIN_FIELDS: Final = 2


@dataclass(frozen=True)
class Kind:
    name: str  # section of the alias file = staging table stg_<name>
    label: str  # msgid
    identity: tuple[str, ...]  # columns that make a sheet this kind of record
    required: tuple[str, ...]  # columns the sheet must have (a value may still be optional)
    fields: tuple[str, ...]  # all columns, in template order


KINDS: Final[dict[str, Kind]] = {
    kind.name: kind
    for kind in (
        Kind(
            "activity",
            N_("Activities"),
            identity=("activity_id", "date", "title"),
            required=("activity_id", "date", "title", "type", "format", "theme", "organiser"),
            fields=(
                "activity_id",
                "date",
                "title",
                "type",
                "format",
                "theme",
                "region",
                "organiser",
            ),
        ),
        Kind(
            "participation",
            N_("Participations"),
            identity=("activity_id", "company"),
            required=("activity_id", "company"),
            fields=("activity_id", "company", "company_name", "persons"),
        ),
        Kind(
            "collaboration",
            N_("Collaborations"),
            identity=("company_nl", "company_de"),
            required=(
                "collaboration_id",
                "company_nl",
                "company_de",
                "collaboration_type",
                "status",
            ),
            fields=(
                "collaboration_id",
                "company_nl",
                "name_nl",
                "company_de",
                "name_de",
                "collaboration_type",
                "started_on",
                "status",
                "evidence",
            ),
        ),
        Kind(
            "milestone",
            N_("Milestones"),
            identity=("work_package", "milestone"),
            required=("work_package", "milestone", "planned_on"),
            fields=(
                "work_package",
                "milestone",
                "planned_on",
                "done_on",
                "milestone_nl",
                "milestone_de",
                "milestone_en",
            ),
        ),
    )
}

# Every field of any kind, in template order (each kind's section in the alias file lists its own).
FIELDS: Final[tuple[str, ...]] = tuple(
    dict.fromkeys(name for kind in KINDS.values() for name in kind.fields)
)

# What to write in each column, for the templates' instructions and the docs (msgids).
FIELD_HELP: Final[dict[str, str]] = {
    "activity_id": N_("Required. Your own unique code of the activity, e.g. A-2022-07."),
    "date": N_("Required. Date of the activity (first day if it lasted longer), e.g. 03-11-2021."),
    "title": N_("Required. Title of the activity as announced."),
    "type": N_(
        "Required. Matchmaking, workshop, webinar, company visit, trade fair, network meeting or "
        "training (pick from the list)."
    ),
    "format": N_("Required. Physical, digital or hybrid."),
    "theme": N_(
        "Required. Digitalisation, innovation, exchange, energy, labour market or skills and "
        "training."
    ),
    "region": N_(
        "Municipality of the venue (name or code, e.g. Emmen or Lingen (Ems)); empty for online "
        "events."
    ),
    "organiser": N_("Required. OE, WVE or both."),
    "company": N_(
        "Required. KvK number, Handelsregister number (HRB 123456) or member number of the "
        "company; write OE 1042 or WVE 20069 when a number could be either association's."
    ),
    "company_name": N_("Company name (for your overview only; the number identifies it)."),
    "persons": N_("Number of persons the company sent (1 if empty)."),
    "collaboration_id": N_("Required. Your own unique code of the collaboration, e.g. S-014."),
    "company_nl": N_("Required. KvK or member number of the Dutch partner."),
    "name_nl": N_("Name of the Dutch partner (for your overview only)."),
    "company_de": N_("Required. Handelsregister or member number of the German partner."),
    "name_de": N_("Name of the German partner (for your overview only)."),
    "collaboration_type": N_(
        "Required. Knowledge exchange, joint project, supplier relation or internship exchange."
    ),
    "started_on": N_("Date the collaboration began; required unless it is still planned."),
    "status": N_("Required. Planned, active, completed or stopped."),
    "evidence": N_(
        "Where the proof is filed: agreement, order, internship contract, minutes (no personal "
        "data)."
    ),
    "work_package": N_("Required. Work package of the plan: WP1 to WP5."),
    "milestone": N_("Required. The milestone as worded in the approved work plan."),
    "milestone_nl": N_(
        "The milestone in Dutch, shown on Dutch pages and decks; empty: the work plan's wording."
    ),
    "milestone_de": N_(
        "The milestone in German, shown on German pages and decks; empty: the work plan's wording."
    ),
    "milestone_en": N_(
        "The milestone in English, shown on English pages; empty: the work plan's wording."
    ),
    "planned_on": N_("Required. Date the milestone is due according to the work plan."),
    "done_on": N_("Date the milestone was reached; empty while it is open."),
}


def columns_config() -> dict[str, AssociationColumns]:
    """The header aliases of each kind."""
    return load_config(CONFIG_FILE, FIELDS)


def headers(kind: str, lang: str) -> dict[str, str]:
    """The template header of each of the kind's fields: the first, second or third alias
    for NL, DE or EN."""
    position = {"nl": 0, "de": 1, "en": 2}[lang]
    aliases = columns_config()[kind].aliases
    return {name: aliases[name][position] for name in KINDS[kind].fields}


def _identified(header: Header) -> bool:
    return set(KINDS[header.association].identity) <= set(header.columns)


def find_record_header(rows: list[Row], hidden: frozenset[int] = frozenset()) -> Header | None:
    """The header of a sheet of project records; ``Header.association`` is the kind."""
    return find_header(
        rows, hidden, CONFIG_FILE, fields=FIELDS, complete=_identified, min_fields=MIN_FIELDS
    )
