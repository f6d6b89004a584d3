"""Occupation and industry crosswalks: KldB 2010 and BRC 2014 → ISCO-08, SBI/WZ/NACE → section.

The tables live in ``data/crosswalks/`` (publisher, licence and attribution in its
SOURCES.md); ISCO-08 major and sub-major groups with NL/DE/EN labels in
``data/reference/isco08_groups.csv``. ISCO-08 is the bridge between the German KldB 2010 and
the Dutch BRC 2014: KldB → ISCO (BA Umsteigeschlüssel) and ISCO → BRC (CBS).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Final

DATA_DIR: Final = Path(__file__).resolve().parents[1] / "data"
CROSSWALK_DIR: Final = DATA_DIR / "crosswalks"
ISCO_GROUPS_FILE: Final = DATA_DIR / "reference" / "isco08_groups.csv"

KLDB_TO_ISCO_FILE: Final = CROSSWALK_DIR / "kldb10_5d_to_isco08.csv"
BRC_ISCO_FILE: Final = CROSSWALK_DIR / "brc2014_isco08_brc_crosswalk.csv"
NACE_DIVISIONS_FILE: Final = CROSSWALK_DIR / "sbi2008_division_to_nace_section.csv"
KLDB_LABEL_FILES: Final = {
    length: CROSSWALK_DIR / f"labels_kldb10_{length}d_en.csv" for length in (1, 2, 3, 5)
}

ISCO_LEVELS: Final[dict[int | str, int]] = {
    1: 1,
    2: 2,
    "major": 1,
    "sub-major": 2,
    "sub_major": 2,
    "submajor": 2,
}
ISCO_UNKNOWN: Final = "9999"  # CBS's "Onbekend" in the BRC table, not an ISCO-08 code
_KLDB_RE: Final = re.compile(r"^\d{1,5}$")
_ISCO_RE: Final = re.compile(r"^\d{1,4}$")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --------------------------------------------------------------------------- KldB 2010


@lru_cache(maxsize=1)
def _kldb_table() -> dict[str, list[tuple[str, int]]]:
    table: dict[str, list[tuple[str, int]]] = {}
    for row in _rows(KLDB_TO_ISCO_FILE):
        table.setdefault(row["kldb2010_5d"], []).append(
            (row["isco08_4d"], int(row["rank_in_kldb"]))
        )
    return {code: sorted(pairs, key=lambda pair: pair[1]) for code, pairs in table.items()}


def kldb_codes() -> list[str]:
    """Every 5-digit KldB 2010 Berufsgattung in the BA crosswalk."""
    return sorted(_kldb_table())


def kldb_to_isco(code: str) -> list[tuple[str, int]]:
    """ISCO-08 unit groups for a KldB 2010 code as ``(isco4, rank)``, best first.

    A 5-digit Berufsgattung gets the BA Umsteigeschlüssel as published: rank 1 is BA's
    recommended match, further ranks are alternatives.

    A coarser code (1–4 digits: Berufsbereich, -hauptgruppe, -gruppe, -untergruppe) gets
    every ISCO unit group any of its Berufsgattungen (the 5-digit codes starting with it)
    maps to, re-ranked 1, 2, … by: how many of those Berufsgattungen have it as rank-1
    match, then how many link to it at any rank, then the ISCO code. So rank 1 is the
    unit group BA recommends most often within the group.

    Unknown codes give ``[]``; anything but 1–5 digits raises ``ValueError``.
    """
    cleaned = str(code).strip()
    if not _KLDB_RE.match(cleaned):
        raise ValueError(f"not a KldB 2010 code: {code!r}")
    table = _kldb_table()
    if len(cleaned) == 5:
        return list(table.get(cleaned, []))
    recommended: Counter[str] = Counter()
    linked: Counter[str] = Counter()
    for kldb, pairs in table.items():
        if not kldb.startswith(cleaned):
            continue
        for isco, rank in pairs:
            linked[isco] += 1
            if rank == 1:
                recommended[isco] += 1
    ordered = sorted(linked, key=lambda isco: (-recommended[isco], -linked[isco], isco))
    return [(isco, position) for position, isco in enumerate(ordered, start=1)]


@lru_cache(maxsize=1)
def _kldb_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for length, path in KLDB_LABEL_FILES.items():
        for row in _rows(path):
            labels[row[f"kldb2010_{length}d"]] = row["label_en"]
    return labels


def kldb_label(code: str) -> str | None:
    """English BA label of a 1-, 2-, 3- or 5-digit KldB 2010 code."""
    return _kldb_labels().get(str(code).strip())


# --------------------------------------------------------------------------- BRC 2014


@lru_cache(maxsize=1)
def _brc_table() -> dict[str, list[tuple[str, bool]]]:
    """BRC beroepsgroep → [(ISCO code, is a real ISCO-08 unit group)]."""
    table: dict[str, list[tuple[str, bool]]] = {}
    for row in _rows(BRC_ISCO_FILE):
        isco = row["ISCO2008unitgroup"]
        # CBS fills coarser ISCO levels to 4 digits ("z.n.d." = not further specified) and
        # uses 9999 for unknown; those are not ISCO-08 unit groups.
        specified = "z.n.d." not in row["ISCO2008unitgrouplabel"] and isco != ISCO_UNKNOWN
        table.setdefault(row["BRC2014beroepsgroep"], []).append((isco, specified))
    return table


def brc_groups() -> list[str]:
    """Every BRC 2014 beroepsgroep (4 digits) in the CBS table."""
    return sorted(_brc_table())


def brc_to_isco(brc_code: str, *, specified_only: bool = False) -> list[str]:
    """ISCO-08 codes that make up a BRC 2014 beroepsgroep (4 digits) or, for a 2- or
    3-digit code, beroepsklasse/-segment (all groups starting with it).

    CBS also lists its "z.n.d." fill codes (``1000`` managers n.f.s., ``2260``, …) and
    ``9999`` unknown; ``specified_only`` leaves those out (then BRC 0551 "Managers z.n.d."
    maps to nothing). Unknown codes give ``[]``.
    """
    cleaned = str(brc_code).strip()
    if not re.match(r"^\d{2,4}$", cleaned):
        raise ValueError(f"not a BRC 2014 code: {brc_code!r}")
    found: list[str] = []
    for group, pairs in sorted(_brc_table().items()):
        if group.startswith(cleaned):
            found.extend(isco for isco, specified in pairs if specified or not specified_only)
    return sorted(set(found))


def isco_to_brc(isco_code: str) -> str | None:
    """The BRC 2014 beroepsgroep a 4-digit ISCO-08 code belongs to (CBS: exactly one)."""
    cleaned = str(isco_code).strip()
    for group, pairs in _brc_table().items():
        if any(isco == cleaned for isco, _specified in pairs):
            return group
    return None


# --------------------------------------------------------------------------- ISCO-08 groups


@lru_cache(maxsize=1)
def _isco_groups() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _rows(ISCO_GROUPS_FILE)}


def isco_group(isco_code: str, level: int | str) -> str:
    """The major (level 1 / ``"major"``) or sub-major (2 / ``"sub-major"``) group of an ISCO-08
    code: ``isco_group("7112", 2) == "71"``.

    Raises ``ValueError`` for malformed codes, CBS's ``9999`` (unknown), and codes whose group
    at that level is not an ISCO-08 group (``1000``, CBS's "managers n.f.s.", has major
    group 1 but no sub-major group)."""
    cleaned = str(isco_code).strip()
    width = ISCO_LEVELS.get(level)
    if width is None:
        raise ValueError(f"ISCO level must be 1/'major' or 2/'sub-major', not {level!r}")
    if not _ISCO_RE.match(cleaned) or len(cleaned) < width or cleaned == ISCO_UNKNOWN:
        raise ValueError(f"not an ISCO-08 code at that level: {isco_code!r}")
    group = cleaned[:width]
    if group not in _isco_groups():
        raise ValueError(f"{isco_code!r} has no ISCO-08 group at level {level!r}")
    return group


def isco_label(group: str, language: str = "en") -> str:
    """Label of an ISCO-08 major or sub-major group in ``en``, ``nl`` or ``de``."""
    return _isco_groups()[str(group).strip()][f"label_{language}"]


def isco_groups(level: int | str | None = None) -> list[str]:
    """Major and/or sub-major group codes from ``isco08_groups.csv``."""
    width = ISCO_LEVELS.get(level) if level is not None else None
    return [code for code in _isco_groups() if width is None or len(code) == width]


# --------------------------------------------------------------------------- NACE


@lru_cache(maxsize=1)
def _nace_divisions() -> dict[str, str]:
    return {row["division_2d"]: row["nace_section"] for row in _rows(NACE_DIVISIONS_FILE)}


def nace_divisions(*, sbi_only: bool = False) -> list[str]:
    """2-digit divisions with a section; ``sbi_only`` leaves out 05 and 07 (WZ/NACE only)."""
    rows = _rows(NACE_DIVISIONS_FILE)
    return [row["division_2d"] for row in rows if not sbi_only or row["in_sbi"] == "true"]


def nace_section(division: str | int) -> str:
    """NACE Rev. 2 section (A–U) of an SBI 2008 / WZ 2008 / NACE code: the division is its
    first two digits (``"62.01"``, ``"6201"``, ``62`` → ``"J"``). A single digit (an Excel
    number that lost its zero) is a division 01–09; a section letter is returned as is.
    Raises ``ValueError`` for codes without a known division."""
    text = f"{division:02d}" if isinstance(division, int) else str(division).strip().upper()
    if re.match(r"^[A-U]$", text):
        return text
    digits = text.replace(".", "").replace(" ", "")
    if not digits.isdigit():
        raise ValueError(f"not an SBI/WZ/NACE code: {division!r}")
    key = digits.zfill(2)[:2] if len(digits) == 1 else digits[:2]
    section = _nace_divisions().get(key)
    if section is None:
        raise ValueError(f"unknown NACE division {key!r} (from {division!r})")
    return section


# --------------------------------------------------------------------------- coverage


def coverage() -> dict[str, float]:
    """Shares that describe how complete the crosswalks are (reported by the tests)."""
    kldb = _kldb_table()
    brc = _brc_table()
    isco_in_brc = {isco for pairs in brc.values() for isco, _specified in pairs}
    kldb_isco = {isco for pairs in kldb.values() for isco, _rank in pairs}
    return {
        "kldb_codes": float(len(kldb)),
        "kldb_with_rank1": sum(any(rank == 1 for _i, rank in p) for p in kldb.values()) / len(kldb),
        "kldb_isco_in_brc": len(kldb_isco & isco_in_brc) / len(kldb_isco),
        "brc_groups": float(len(brc)),
        "brc_with_specified_isco": sum(any(s for _i, s in p) for p in brc.values()) / len(brc),
    }
