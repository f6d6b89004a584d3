"""The one style vocabulary of charts, maps, tables and exports: colours and shared labels."""

from __future__ import annotations

from typing import Final

from core.i18n import N_

# The line drawn between the two countries on every map, and its legend entry.
BORDER_LABEL: Final = N_("National border NL–DE")
