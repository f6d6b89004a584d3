"""The "same company" rule has one implementation (etl/sql/members/005_company_key_rule.sql);
the reader (inside a sheet) and the build (across files) both key rows with it."""

from __future__ import annotations

import duckdb
import pandas as pd

from etl.harmonise.members import SQL_DIR
from etl.memberlist.rows import COMPANY_KEY_RULE, company_keys

# name_key, postcode_key, region_id, register_id
ROWS = [
    ("bakker", "7811", "GM0114", None),  # 0: same name and postcode as 1, which has a register
    ("bakker", "7811", "GM0114", "KvK 11111111"),  # 1
    ("bakker", "7811", "GM0114", "KvK 00000001"),  # 2: a second register: the smallest wins for 0
    ("bakker", None, "GM0114", None),  # 3: place only: the region stands in for the postcode
    ("bakker", "7812", "GM0114", None),  # 4: another postcode: another company
    ("müller", "49808", "03454032", "HRB 1"),  # 5: the register decides ...
    ("mueller", "26871", "03454001", "HRB 1"),  # 6: ... whatever the name and place
]
# Worked out by hand from the rule.
EXPECTED = [
    "KvK 00000001",
    "KvK 11111111",
    "KvK 00000001",
    "bakker|GM0114",
    "bakker|7812",
    "HRB 1",
    "HRB 1",
]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=["name_key", "postcode_key", "region_id", "register_id"])


def test_reader_keys_follow_the_rule() -> None:
    frame = _frame().set_index(pd.Index(range(10, 17)))  # keys keep the frame's index
    keys = company_keys(frame)
    assert keys.to_list() == EXPECTED
    assert keys.index.to_list() == list(range(10, 17))


def test_build_keys_follow_the_same_rule() -> None:
    staged = _frame().assign(  # noqa: F841 - read by DuckDB
        file=["a.xlsx"] * 4 + ["b.csv"] * 3,
        sheet=["Leden"] * 4 + [None] * 3,
        row_number=[2, 3, 4, 5, 2, 3, 4],
    )
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE stg_member AS SELECT * FROM staged")
    for name in ("005_company_key_rule.sql", "010_company_keys.sql"):
        con.execute((SQL_DIR / name).read_text(encoding="utf-8"))
    keyed = con.execute(
        "SELECT company_key FROM stg_member_keyed ORDER BY file, row_number"
    ).fetchall()
    assert [key for (key,) in keyed] == EXPECTED


def test_the_reader_runs_the_build_s_file() -> None:
    assert COMPANY_KEY_RULE == SQL_DIR / "005_company_key_rule.sql"
    assert "company_keyed" in COMPANY_KEY_RULE.read_text(encoding="utf-8")
