"""``check`` and ``build`` agree: whatever the dry run accepts, the build loads, row for row, and
whatever it rejects is in ``etl_reject`` — for generated member rows, including values far out of
range. (A value the check passed but the warehouse could not hold would break the build.)"""

from __future__ import annotations

from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.build import build
from etl.intake import read_file
from tests.etl_cli import data_folder

POSTCODES = ["7811 AB", "7822 HG", "7741 AA", "49716", "49808", "1012 AB", "99999", "", "x"]
EMPLOYEES = st.one_of(
    st.integers(min_value=-10, max_value=10**13).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", "12", "ca. 20", "10-49", "250+", "2147483648", "1e12", "12,5", "-"]),
)
DATES = st.one_of(
    st.dates().map(lambda d: d.strftime("%d-%m-%Y")),
    st.sampled_from(["", "31-02-2022", "1-1-1850", "01.01.2001", "2019-12-31", "gisteren"]),
)
ROW = st.tuples(
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters=';\n\r"\x00'), max_size=30),
    st.sampled_from(POSTCODES),
    EMPLOYEES,
    DATES,
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(ROW, min_size=1, max_size=25))
def test_build_loads_exactly_what_check_accepts(
    rows: list[tuple[str, str, str, str]], tmp_path_factory: object
) -> None:
    folder = Path(tmp_path_factory.mktemp("agree"))  # type: ignore[attr-defined]
    inbox = folder / "inbox"
    inbox.mkdir()
    lines = ["Bedrijfsnaam;Postcode;Plaats;Aantal medewerkers;Lid sinds"]
    for index, (name, postcode, employees, since) in enumerate(rows):
        # a distinct name per row, so no two rows are merged as one company
        label = f"{name} {index}" if name.strip() else ""
        lines.append(f"{label};{postcode};Emmen;{employees};{since}")
    path = inbox / "leden.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    checked = read_file(path)
    with data_folder(folder):
        report = build([inbox])
    assert report.version is not None
    with duckdb.connect(str(report.version.path), read_only=True) as con:
        (members,) = con.execute("SELECT count(*) FROM member").fetchone()  # type: ignore[misc]
        (rejected,) = con.execute(  # type: ignore[misc]
            "SELECT count(*) FROM etl_reject WHERE file = 'leden.csv'"
        ).fetchone()
        employees = con.execute("SELECT max(employees) FROM member").fetchone()[0]  # type: ignore[index]
    assert members == checked.accepted
    assert rejected == len(checked.rejects)
    assert employees is None or 0 <= employees <= 1_000_000
