"""The warehouse schema as documentation: ``python -m etl docs`` writes docs/warehouse.md.

Each file of ``etl/sql/schema/`` is one section: its opening comment block is the section's
text (Markdown), the comment block above each ``CREATE TABLE`` describes the table, and the
``--`` comment after each column (continued on comment-only lines below it) says what the
column means. Types and NOT NULL come from DuckDB itself, by running the schema in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import duckdb

SCHEMA_DIR: Final = Path(__file__).with_name("sql") / "schema"
DOCS_FILE: Final = Path(__file__).resolve().parent.parent / "docs" / "warehouse.md"
# Columns every fact table has; the rules at the top of the page say what they mean.
GENERIC: Final = {
    "source_id": "the `source` of the row",
    "is_sample": "generated sample data",
    "run_id": "the build (`etl_run`)",
    "country": "`NL` or `DE`",
    "activity_id": "the `activity`",
    "company_id": "the `company`",
    "collaboration_id": "the `collaboration`",
    "opportunity_id": "the `energy_opportunity`",
}
LANGUAGES: Final = {"nl": "Dutch", "de": "German", "en": "English"}
_CREATE: Final = re.compile(r"^CREATE TABLE (\w+) \($")
_COLUMN: Final = re.compile(r"^\s+(\w+)\s+[A-Z]")
_NOT_COLUMNS: Final = frozenset({"PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT"})


@dataclass
class Column:
    name: str
    meaning: str = ""
    type: str = ""
    not_null: bool = False


@dataclass
class Table:
    name: str
    description: str
    columns: list[Column] = field(default_factory=list)


@dataclass
class Section:
    file: str
    text: str
    tables: list[Table] = field(default_factory=list)


def _comment(line: str) -> str:
    return line.strip().removeprefix("--").removeprefix(" ").rstrip()


def parse(path: Path) -> Section:
    """The section, tables and column comments of one schema file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header: list[str] = []
    while lines and lines[0].startswith("--"):
        header.append(_comment(lines.pop(0)))
    section = Section(path.name, "\n".join(header).strip())
    block: list[str] = []
    table: Table | None = None
    for line in lines:
        stripped = line.strip()
        if table is None:
            created = _CREATE.match(line)
            if created:
                table = Table(created.group(1), " ".join(block).strip())
                section.tables.append(table)
                block = []
            elif stripped.startswith("--"):
                block.append(_comment(line))
            else:  # a blank line or another statement ends a comment block
                block = []
            continue
        if stripped.startswith(");"):
            table = None
            continue
        code, _, comment = line.partition("--")
        column = _COLUMN.match(code)
        if column and column.group(1) not in _NOT_COLUMNS:
            table.columns.append(Column(column.group(1), comment.strip()))
        elif not code.strip() and comment and table.columns:
            table.columns[-1].meaning += " " + comment.strip()
    return section


def sections(folder: Path = SCHEMA_DIR) -> list[Section]:
    """Every schema file, in the order a build runs them, with DuckDB's own column types."""
    paths = sorted(folder.glob("*.sql"))
    found = [parse(path) for path in paths]
    con = duckdb.connect()
    for path in paths:
        con.execute(path.read_text(encoding="utf-8"))
    types = {
        (table, column): (data_type, not nullable)
        for table, column, data_type, nullable in con.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns()"
        ).fetchall()
    }
    con.close()
    for section in found:
        for table in section.tables:
            for column in table.columns:
                column.type, column.not_null = types[(table.name, column.name)]
                column.meaning = column.meaning or _generic(column.name)
    return found


def _generic(name: str) -> str:
    """What a column of a common name means: ``label_nl`` is the label in Dutch."""
    base, _, language = name.rpartition("_")
    if base and language in LANGUAGES:
        return f"{base.replace('_', ' ')} in {LANGUAGES[language]}"
    return GENERIC.get(name, "")


def markdown(found: list[Section] | None = None) -> str:
    """docs/warehouse.md."""
    out: list[str] = []
    for section in found if found is not None else sections():
        out += [section.text, ""]
        for table in section.tables:
            out += [f"### `{table.name}`", table.description, ""]
            out += ["| column | type | meaning |", "|---|---|---|"]
            for c in table.columns:
                kind = c.type + (", not null" if c.not_null else "")
                meaning = c.meaning.replace("|", "\\|")
                out.append(f"| {c.name} | {kind} | {meaning} |")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def write(path: Path = DOCS_FILE) -> Path:
    path.write_text(markdown(), encoding="utf-8")
    return path
