"""Which column holds what: header aliases per association (etl/config/member_columns.toml)
and finding the header row of a member list among title rows."""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal, get_args

from core.i18n import N_
from etl.memberlist.grid import Row
from etl.model import Notice
from etl.normalise import text_key

CONFIG_FILE: Final = Path(__file__).resolve().parents[1] / "config" / "member_columns.toml"
HEADER_SEARCH_ROWS: Final = 20

Field = Literal[
    "member_number",
    "name",
    "register",
    "street",
    "postcode",
    "city",
    "sector",
    "employees",
    "since",
    "until",
    "person",
    "email",
    "phone",
    "training_company",
    "internship_places",
]
FIELDS: Final[tuple[Field, ...]] = get_args(Field)
# What each field means, for the templates' instructions and the docs.
FIELD_LABELS: Final[dict[str, str]] = {
    "member_number": N_("Member number"),
    "name": N_("Company name"),
    "register": N_("Trade register number"),
    "street": N_("Street and number"),
    "postcode": N_("Postcode"),
    "city": N_("Place"),
    "sector": N_("Sector (SBI/WZ 2008 code)"),
    "employees": N_("Employees"),
    "since": N_("Member since"),
    "until": N_("Member until"),
    "person": N_("Contact person"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "training_company": N_("Recognised training company"),
    "internship_places": N_("Internship and training places"),
}
MIN_FIELDS: Final = 3


@dataclass(frozen=True)
class AssociationColumns:
    association: str
    label: str
    country: str
    aliases: dict[str, tuple[str, ...]]

    def header(self, name: str) -> str:
        """The header the templates use for a field: its first alias."""
        return self.aliases[name][0]


@lru_cache(maxsize=8)
def load_config(
    path: Path = CONFIG_FILE, fields: tuple[str, ...] = FIELDS
) -> dict[str, AssociationColumns]:
    """The alias file's sections; other spreadsheets (project records, etl/records) reuse the
    format with their own ``fields``, one section per kind of sheet and no country."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    config = {}
    for association, entry in raw.items():
        unknown = set(entry) - {"label", "country", *fields}
        if unknown:
            raise ValueError(f"{path.name} [{association}]: unknown fields {sorted(unknown)}")
        config[association] = AssociationColumns(
            association=association,
            label=str(entry["label"]),
            country=str(entry.get("country", "")),
            aliases={name: tuple(entry.get(name, ())) for name in fields},
        )
    return config


@lru_cache(maxsize=8)
def alias_index(
    path: Path = CONFIG_FILE, fields: tuple[str, ...] = FIELDS
) -> dict[str, list[tuple[str, str]]]:
    """Header key → every (association, field) it may mean."""
    index: dict[str, list[tuple[str, str]]] = {}
    for association, columns in load_config(path, fields).items():
        for name, aliases in columns.aliases.items():
            for alias in aliases:
                entry = index.setdefault(text_key(alias), [])
                if (association, name) not in entry:
                    entry.append((association, name))
    return index


@dataclass
class Header:
    """The header row of a member list and the column of each field found in it."""

    row: int  # 0-based index into the sheet's rows
    association: str
    columns: dict[str, int]  # field → 0-based column index
    labels: dict[str, str]  # field → header as written in the file
    ignored: list[tuple[int, str, str]] = field(default_factory=list)  # (column, header, reason)

    def ignored_notices(self, file: str, sheet: str | None) -> list[Notice]:
        """Columns left out on purpose (hidden, repeated), told to staff rather than dropped."""
        return [
            Notice(
                file=file,
                reason=reason,
                sheet=sheet,
                row_number=self.row + 1,
                column_name=text,
                params={"column": text},
            )
            for _column, text, reason in self.ignored
        ]


HIDDEN = N_("Column {column} is hidden and was ignored")
DUPLICATE = N_("Column {column} repeats an earlier column and was ignored")


def _cell_key(cell: object) -> str:
    return text_key(cell) if isinstance(cell, str) else ""


def _row_fields(row: Row, index: dict[str, list[tuple[str, str]]]) -> Counter[str]:
    """How many distinct fields of each association the cells of ``row`` name."""
    seen: dict[str, set[str]] = {}
    for cell in row:
        for association, name in index.get(_cell_key(cell), ()):
            seen.setdefault(association, set()).add(name)
    return Counter({association: len(names) for association, names in seen.items()})


def find_header(
    rows: list[Row],
    hidden: frozenset[int] = frozenset(),
    path: Path = CONFIG_FILE,
    *,
    fields: tuple[str, ...] = FIELDS,
    complete: Callable[[Header], bool] | None = None,
    min_fields: int = MIN_FIELDS,
) -> Header | None:
    """The first row within ``HEADER_SEARCH_ROWS`` that reads as a member list's header.

    It needs a name column, a postcode or city column and ``MIN_FIELDS`` known columns. The
    association is the one whose aliases match more of its headers; a tie is decided by the
    headers only one association uses, and stays undecided (None) if those tie too.
    Other alias files pass their ``fields``, the test ``complete`` of a usable header and
    their ``min_fields``; ``Header.association`` is then the section (kind of sheet) matched.
    """
    index = alias_index(path, fields)
    for row_index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        scores = _row_fields(row, index)
        if not scores or max(scores.values()) < min_fields:
            continue
        association = _winner(row, scores, index)
        if association is None:
            continue
        header = _map_columns(row_index, row, association, hidden, index)
        if (complete or _is_member_list)(header):
            return header
    return None


def _is_member_list(header: Header) -> bool:
    found = set(header.columns)
    return "name" in found and bool(found & {"postcode", "city"})


def _winner(row: Row, scores: Counter[str], index: dict[str, list[tuple[str, str]]]) -> str | None:
    ranked = scores.most_common()
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    exclusive: Counter[str] = Counter()
    for cell in row:
        meanings = {association for association, _ in index.get(_cell_key(cell), ())}
        if len(meanings) == 1:
            exclusive[meanings.pop()] += 1
    tied = [association for association, score in ranked if score == ranked[0][1]]
    best = sorted(tied, key=lambda a: -exclusive[a])
    if len(best) > 1 and exclusive[best[0]] == exclusive[best[1]]:
        return None
    return best[0]


def _map_columns(
    row_index: int,
    row: Row,
    association: str,
    hidden: frozenset[int],
    index: dict[str, list[tuple[str, str]]],
) -> Header:
    header = Header(row=row_index, association=association, columns={}, labels={})
    for column, cell in enumerate(row):
        names = [name for assoc, name in index.get(_cell_key(cell), ()) if assoc == association]
        if not names:
            continue
        name = names[0]
        label = str(cell).strip()
        if column in hidden:
            header.ignored.append((column, label, HIDDEN))
        elif name in header.columns:
            header.ignored.append((column, label, DUPLICATE))
        else:
            header.columns[name] = column
            header.labels[name] = label
    return header


def is_sample_title(rows: list[Row]) -> bool:
    """Sample files say so above their header: "Voorbeelddata / Beispieldaten"."""
    for row in rows:
        for cell in row:
            if isinstance(cell, str):
                key = text_key(cell)
                if "voorbeelddata" in key or "beispieldaten" in key:
                    return True
    return False
