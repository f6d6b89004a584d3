"""The warehouse schema: one CREATE TABLE per table, every column explained, and
docs/warehouse.md generated from it and current."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from etl import schema


def test_docs_are_generated_from_the_schema_and_current() -> None:
    assert schema.DOCS_FILE.read_text(encoding="utf-8") == schema.markdown(), (
        "docs/warehouse.md is out of date: run `python -m etl docs`"
    )


def test_each_table_is_created_once_and_never_altered() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in schema.SCHEMA_DIR.glob("*.sql")}
    created = Counter(
        name for text in texts.values() for name in re.findall(r"CREATE TABLE (\w+)", text)
    )
    assert created and all(n == 1 for n in created.values()), created
    assert not [name for name, text in texts.items() if re.search(r"\bALTER\s+TABLE", text)]
    numbers = Counter(name.split("_", 1)[0] for name in texts)
    assert all(n == 1 for n in numbers.values()), f"two schema files share a number: {numbers}"


def test_every_table_and_column_is_explained() -> None:
    found = schema.sections()
    tables = [t for s in found for t in s.tables]
    assert len(tables) > 30
    assert all(s.text.startswith("#") for s in found), "each file opens with a Markdown heading"
    assert [t.name for t in tables if not t.description] == []
    missing = [f"{t.name}.{c.name}" for t in tables for c in t.columns if not c.meaning]
    assert missing == []


def test_parser_reads_comments_and_continuations(tmp_path: Path) -> None:
    (tmp_path / "000_x.sql").write_text(
        "-- ## x\n--\n-- Section text.\n\n-- A table.\n-- Second line.\n"
        "CREATE TABLE t (\n"
        "    a  VARCHAR PRIMARY KEY,  -- first\n"
        "                             -- and more\n"
        "    b  INTEGER NOT NULL,\n"
        "    source_id VARCHAR,\n"
        "    label_de VARCHAR,\n"
        "    PRIMARY KEY (a)\n"
        ");\n".replace("    PRIMARY KEY (a)\n", "    UNIQUE (b)\n"),
        encoding="utf-8",
    )
    (section,) = schema.sections(tmp_path)
    assert section.text == "## x\n\nSection text."
    (table,) = section.tables
    assert table.description == "A table. Second line."
    assert [(c.name, c.meaning, c.type, c.not_null) for c in table.columns] == [
        ("a", "first and more", "VARCHAR", True),
        ("b", "", "INTEGER", True),
        ("source_id", schema.GENERIC["source_id"], "VARCHAR", False),
        ("label_de", "label in German", "VARCHAR", False),
    ]


@pytest.mark.usefixtures("data_dir")
def test_a_built_warehouse_has_exactly_the_documented_tables(published: object) -> None:
    from core.versions import Version

    assert isinstance(published, Version)
    documented = {(t.name, c.name) for s in schema.sections() for t in s.tables for c in t.columns}
    with duckdb.connect(str(published.path), read_only=True) as con:
        built = set(
            con.execute(
                "SELECT table_name, column_name FROM duckdb_columns()"
                " WHERE table_name IN (SELECT table_name FROM duckdb_tables() WHERE NOT internal)"
            ).fetchall()
        )
    assert built == documented
