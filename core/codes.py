"""The project records' code lists: activity types, formats, themes, organisers, collaboration
types and statuses. The warehouse stores the English codes; people read the labels in their
language, and the spreadsheets accept a code in any of the three languages (etl/records).
"""

from __future__ import annotations

from typing import Final

from core.i18n import N_, Lang, translate

ACTIVITY_TYPES: Final[dict[str, str]] = {
    "matchmaking": N_("Matchmaking"),
    "workshop": N_("Workshop"),
    "webinar": N_("Webinar"),
    "company visit": N_("Company visit"),
    "trade fair": N_("Trade fair"),
    "network meeting": N_("Network meeting"),
    "training": N_("Training course"),
}
FORMATS: Final[dict[str, str]] = {
    "physical": N_("Physical"),
    "digital": N_("Digital"),
    "hybrid": N_("Hybrid"),
}
THEMES: Final[dict[str, str]] = {
    "digitalisation": N_("Digitalisation"),
    "innovation": N_("Innovation"),
    "exchange": N_("Exchange"),
    "energy": N_("Energy"),
    "labour market": N_("Labour market"),
    "training": N_("Skills and training"),
}
ORGANISERS: Final[dict[str, str]] = {
    "OE": N_("Ondernemend Emmen (OE)"),
    "WVE": N_("Wirtschaftsverband Emsland (WVE)"),
    "both": N_("OE and WVE together"),
}
COLLABORATION_TYPES: Final[dict[str, str]] = {
    "knowledge exchange": N_("Knowledge exchange"),
    "joint project": N_("Joint project"),
    "supplier relation": N_("Supplier relation"),
    "internship exchange": N_("Internship exchange"),
}
STATUSES: Final[dict[str, str]] = {
    "planned": N_("Planned"),
    "active": N_("Active"),
    "completed": N_("Completed"),
    "stopped": N_("Stopped"),
}
# The side an indicator value is attributed to (indicator_value.side).
SIDES: Final[dict[str, str]] = {
    "NL": N_("Netherlands"),
    "DE": N_("Germany"),
    "NL-DE": N_("NL and DE jointly"),
}

# Which list a spreadsheet column's values come from.
CODE_LISTS: Final[dict[str, dict[str, str]]] = {
    "type": ACTIVITY_TYPES,
    "format": FORMATS,
    "theme": THEMES,
    "organiser": ORGANISERS,
    "collaboration_type": COLLABORATION_TYPES,
    "status": STATUSES,
}


def label(codes: dict[str, str], code: str, lang: Lang) -> str:
    """The label of ``code`` in ``lang``; an unknown code is shown as it is."""
    message = codes.get(code)
    return translate(lang, message) if message else code
