"""The one style vocabulary of charts, maps, tables and exports: colours and shared labels."""

from __future__ import annotations

from typing import Final

from core.i18n import N_

# The line drawn between the two countries on every map, and its legend entry.
BORDER_LABEL: Final = N_("National border NL–DE")

# The two sides (and both together) look the same on every chart, map and export.
SIDE_COLOURS: Final[dict[str, str]] = {"NL": "#e66100", "DE": "#1f4e79", "NL-DE": "#7f7f7f"}
# An association is drawn in the colour of its side.
ASSOCIATION_COLOURS: Final[dict[str, str]] = {"OE": SIDE_COLOURS["NL"], "WVE": SIDE_COLOURS["DE"]}
# Lines between collaborating places: a colour that belongs to neither side.
LINK_COLOUR: Final = "#6a3d9a"
# Thin guides (dates, breaks in a series) that must not compete with the data.
GUIDE_GREY: Final = "#9a9a9a"

# Colour-blind safe (Okabe–Ito), so the same code has the same colour on every chart.
CODE_COLOURS: Final[dict[str, str]] = {
    "physical": "#0072B2",
    "digital": "#E69F00",
    "hybrid": "#009E73",
    "digitalisation": "#0072B2",
    "innovation": "#E69F00",
    "exchange": "#009E73",
    "energy": "#F0E442",
    "labour market": "#CC79A7",
    "training": "#56B4E9",
    "knowledge exchange": "#0072B2",
    "joint project": "#D55E00",
    "supplier relation": "#009E73",
    "internship exchange": "#CC79A7",
    **SIDE_COLOURS,
}

# A milestone's state, its words and its colour on every chart (diamonds, lines, legends).
MILESTONE_STATES: Final[dict[str, str]] = {
    "done": N_("Reached on time"),
    "done late": N_("Reached late"),
    "overdue": N_("Overdue"),
    "open": N_("Planned"),
}
MILESTONE_STATE_COLOURS: Final[dict[str, str]] = {
    "done": "#009E73",
    "done late": "#E69F00",
    "overdue": "#D55E00",
    "open": "#ffffff",
}
MILESTONE_COLOUR: Final = "#444444"  # outline of the diamonds
