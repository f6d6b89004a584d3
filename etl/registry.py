"""Every reader and every harmonisation step, registered explicitly and in order.

A file's kind is detected from its content: the readers are asked in the order of ``READERS``
(the more specific format first) and the first whose ``detect`` names a kind reads the file.
A reader's ``detect`` may raise on bytes it does not expect; that is caught here, once, and
kept, so a file no reader claims is told what went wrong rather than "not recognised".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Final

from etl.harmonise import changes as changes_step
from etl.harmonise import energy as energy_step
from etl.harmonise import indicators as indicators_step
from etl.harmonise import labour as labour_step
from etl.harmonise import members as members_step
from etl.harmonise import records as records_step
from etl.harmonise import training as training_step
from etl.readers import (
    duo_hbo,
    energy_capacity,
    energy_opportunities,
    genesis,
    longformat,
    mastr,
    members,
    records,
    reference_facts,
    statline,
)

READERS: Final[tuple[ModuleType, ...]] = (
    members,  # recognised by their headers alone
    records,  # a member list never has an activity or partner column
    energy_capacity,
    energy_opportunities,
    mastr,
    reference_facts,
    duo_hbo,
    genesis,
    statline,
    longformat,  # the general long table: last
)

# Run in this order after staging: the records resolve companies against the members, the
# indicators count records, training needs the labour market's ISCO groups, the changes
# compare the finished tables.
STEPS: Final[tuple[ModuleType, ...]] = (
    members_step,
    records_step,
    indicators_step,
    labour_step,
    training_step,
    energy_step,
    changes_step,
)


@dataclass
class Detection:
    """What the readers made of a file: the kind and reader that claim it, and the errors of
    the readers that failed on it (reader name → error)."""

    kind: str | None = None
    reader: ModuleType | None = None
    errors: dict[str, Exception] = field(default_factory=dict)


def reader_name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def detect(path: Path) -> Detection:
    found = Detection()
    for module in READERS:
        try:
            kind = module.detect(path)
        except Exception as exc:  # the bytes of an uploaded file can break any parser
            found.errors[reader_name(module)] = exc
            continue
        if kind:
            found.kind, found.reader = kind, module
            return found
    return found
