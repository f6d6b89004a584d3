"""Kinds of input file, as ``etl`` detects them, with the names people read.

Shared by ``etl`` (the ``check --json`` output) and the dashboard's Data page, which only
talks to ``etl`` through its command line.
"""

from __future__ import annotations

from typing import Final

from core.i18n import N_, Lang, translate

MEMBER_KINDS: Final[dict[str, str]] = {"members_oe": "OE", "members_wve": "WVE"}

FILE_KINDS: Final[dict[str, str]] = {
    "members_oe": N_("Member list Ondernemend Emmen (OE)"),
    "members_wve": N_("Member list Wirtschaftsverband Emsland (WVE)"),
    "project_records": N_("Project records (activities, participants, cooperation)"),
    "energy_capacity_longformat": N_("Energy capacity table"),
    "energy_opportunities": N_("Energy opportunities list"),
    "mastr_capacity": N_("Marktstammdatenregister extract"),
    "reference_facts": N_("Reference facts table"),
    "genesis_werte": N_("GENESIS table (values CSV)"),
    "genesis_ffcsv_2024": N_("GENESIS table (flat file CSV, 2024)"),
    "genesis_flat_2025": N_("GENESIS table (flat CSV, 2025)"),
    "statline_flat": N_("CBS StatLine table (CSV)"),
    "statline_pivoted": N_("CBS StatLine table (pivoted)"),
    "statline_table_en": N_("CBS StatLine table (English CSV)"),
    "statistics_longformat": N_("Statistics template (long table)"),
    "duo_hbo": N_("DUO table of higher-education students"),
    "unsupported": N_("File type not supported"),
    "unrecognised": N_("Content not recognised"),
    "unreadable": N_("Unreadable file"),
    "refused": N_("Refused file"),
}


def kind_label(kind: str | None, lang: Lang) -> str:
    """The name of a kind in ``lang``; the key itself for a kind this list does not know."""
    if not kind:
        return "–"
    label = FILE_KINDS.get(kind)
    return translate(lang, label) if label else kind


def association_of(kind: str | None) -> str | None:
    """``members_oe`` → ``OE``; None for kinds that belong to no association by content."""
    return MEMBER_KINDS.get(kind or "")
