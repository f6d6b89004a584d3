"""Normalisers of member-list values: each spelling people really type, as a table of cases."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from etl import normalise as norm
from etl.nace import classify
from etl.places import (
    FLAG_CITY,
    FLAG_CITY_ONLY,
    FLAG_SAMTGEMEINDE,
    NO_PLACE,
    NO_POSTCODE,
    OUTSIDE,
    locate,
    smallest_common_region,
)


def one(frame: pd.DataFrame) -> dict[str, object]:
    row = frame.iloc[0].to_dict()
    return {k: (None if v is None or v is pd.NA or v != v else v) for k, v in row.items()}


@pytest.mark.parametrize(
    ("cell", "country", "postcode", "key", "city"),
    [
        ("7811 AB", "NL", "7811 AB", "7811", None),
        ("7811ab", "NL", "7811 AB", "7811", None),
        ("7811 ab", "NL", "7811 AB", "7811", None),
        ("NL-7811 AB", "NL", "7811 AB", "7811", None),
        ("7811", "NL", "7811", "7811", None),
        (7811.0, "NL", "7811", "7811", None),
        ("7811 AB Emmen", "NL", "7811 AB", "7811", "Emmen"),
        ("49716", "DE", "49716", "49716", None),
        (49716, "DE", "49716", "49716", None),
        (49716.0, "DE", "49716", "49716", None),
        ("D-49716", "DE", "49716", "49716", None),
        ("DE 49716", "DE", "49716", "49716", None),
        ("49716 Meppen", "DE", "49716", "49716", "Meppen"),
    ],
)
def test_postcode_spellings(
    cell: object, country: str, postcode: str, key: str, city: str | None
) -> None:
    got = one(norm.postcodes(pd.Series([cell], dtype=object)))
    assert (got["country"], got["postcode"], got["key"], got["city_hint"], got["error"]) == (
        country,
        postcode,
        key,
        city,
        None,
    )


@pytest.mark.parametrize("cell", ["abc", "781", "0591 123456", "12 34"])
def test_unreadable_postcodes(cell: str) -> None:
    assert one(norm.postcodes(pd.Series([cell])))["error"] == norm.BAD_POSTCODE


@pytest.mark.parametrize("cell", [None, "", "  ", "-", "n.b.", "k. A."])
def test_empty_postcode_is_no_error(cell: object) -> None:
    got = one(norm.postcodes(pd.Series([cell], dtype=object)))
    assert got["key"] is None and got["error"] is None


@pytest.mark.parametrize(
    ("cell", "division", "section"),
    [
        ("62.01", "62", "J"),
        ("6201", "62", "J"),
        ("62010", "62", "J"),
        ("C 25.62", "25", "C"),
        ("C25.62", "25", "C"),
        ("25.62.0", "25", "C"),
        ("25,62", "25", "C"),
        (62.01, "62", "J"),
        (2562, "25", "C"),
        (1.11, "01", "A"),  # 01.11 in a number cell
        ("111", "01", "A"),  # 0111 in a number cell
        ("01.13.1", "01", "A"),
        ("25 – Vervaardiging van producten van metaal", "25", "C"),  # template drop-down
        ("Kunststof", "22", "C"),
        ("Maschinenbau", "28", "C"),
        ("Logistik", "52", "H"),
        ("Bouw", None, "F"),
        ("Verarbeitendes Gewerbe", None, "C"),
        ("Information and communication", None, "J"),
        ("C", None, "C"),
        ("f", None, "F"),
    ],
)
def test_sector_codes_and_names(cell: object, division: str | None, section: str) -> None:
    got = one(classify(pd.Series([cell], dtype=object)))
    assert (got["division"], got["section"], got["error"]) == (division, section, None)


@pytest.mark.parametrize(
    ("cell", "error"),
    [
        ("6Z.01", norm.BAD_SECTOR),
        ("62.O1", norm.BAD_SECTOR),
        ("00.00", norm.BAD_SECTOR),
        ("04", norm.BAD_SECTOR),  # no division 04 in NACE Rev. 2
        ("Kunstofverwerking", norm.BAD_SECTOR),
        ("C 62.01", norm.SECTOR_MISMATCH),
    ],
)
def test_unreadable_sectors(cell: str, error: str) -> None:
    got = one(classify(pd.Series([cell])))
    assert got["error"] == error and got["section"] is None


TODAY = dt.date(2025, 6, 30)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.date(2019, 3, 1), "2019-03-01"),
        (dt.datetime(2019, 3, 1), "2019-03-01"),
        (43525, "2019-03-01"),  # Excel serial in a number cell
        (43525.0, "2019-03-01"),
        ("43525", "2019-03-01"),
        ("1-3-2019", "2019-03-01"),
        ("01-03-2019", "2019-03-01"),
        ("01.03.2019", "2019-03-01"),
        ("1.3.2019", "2019-03-01"),
        ("2019-03-01", "2019-03-01"),
        ("1/3/2019", "2019-03-01"),
        ("1-3-19", "2019-03-01"),
        ("1-3-85", "1985-03-01"),
        ("1 maart 2019", "2019-03-01"),
        ("1. März 2019", "2019-03-01"),
        ("März 2019", "2019-03-01"),
        ("03/2019", "2019-03-01"),
        ("2019", "2019-01-01"),
        (2019, "2019-01-01"),
    ],
)
def test_date_spellings(cell: object, expected: str) -> None:
    got = one(norm.dates(pd.Series([cell], dtype=object), TODAY))
    assert pd.Timestamp(got["date"]).date().isoformat() == expected
    assert got["error"] is None


@pytest.mark.parametrize(
    ("cell", "error"),
    [
        ("31-02-2019", norm.BAD_DATE),
        ("2019-13-01", norm.BAD_DATE),
        ("00-00-2016", norm.BAD_DATE),
        ("voorjaar 2018", norm.BAD_DATE),
        ("Frühjahr 2017", norm.BAD_DATE),
        ("1850-01-01", norm.IMPLAUSIBLE_DATE),
        ("2099-01-01", norm.IMPLAUSIBLE_DATE),
    ],
)
def test_unreadable_dates(cell: str, error: str) -> None:
    got = one(norm.dates(pd.Series([cell]), TODAY))
    assert got["error"] == error and got["date"] is None


@pytest.mark.parametrize(
    ("cell", "register", "court"),
    [
        ("12345678", "KvK 12345678", None),
        ("KvK 12345678", "KvK 12345678", None),
        ("KVK-nr: 1234 5678", "KvK 12345678", None),
        ("1234.5678", "KvK 12345678", None),
        (4123456, "KvK 04123456", None),  # leading zero lost to a number cell
        (12345678.0, "KvK 12345678", None),
        ("HRB 123456", "HRB 123456", None),
        ("HRB123456", "HRB 123456", None),
        ("HR B 123456", "HRB 123456", None),
        ("HRA 204711", "HRA 204711", None),
        ("GnR 123", "GnR 123", None),
        ("VR 200123", "VR 200123", None),
        ("Amtsgericht Osnabrück HRB 123456", "HRB 123456", "Osnabrück"),
        ("HRB 123456 AG Osnabrück", "HRB 123456", "Osnabrück"),
        ("HRB 123456, Osnabrück", "HRB 123456", "Osnabrück"),
    ],
)
def test_register_numbers(cell: object, register: str, court: str | None) -> None:
    got = one(norm.register_ids(pd.Series([cell], dtype=object)))
    assert (got["register_id"], got["court"], got["error"]) == (register, court, None)


@pytest.mark.parametrize("cell", ["123456", "aangevraagd", "KvK 123", "HRB", "beantragt"])
def test_unreadable_register_numbers(cell: str) -> None:
    assert one(norm.register_ids(pd.Series([cell])))["error"] == norm.BAD_REGISTER


@pytest.mark.parametrize(
    ("cell", "employees", "size"),
    [
        (0, 0, "micro"),
        (9, 9, "micro"),
        (10, 10, "small"),
        (49, 49, "small"),
        (50, 50, "medium"),
        (249, 249, "medium"),
        (250, 250, "large"),
        ("12", 12, "small"),
        (12.4, 12, "small"),
        ("12,5", 12, "small"),
        ("1.200", 1200, "large"),
        ("ca. 20", 20, "small"),
        ("20 fte", 20, "small"),
        ("10-49", None, "small"),
        ("10 bis 49", None, "small"),
        ("50 tot 249", None, "medium"),
        ("<10", None, "micro"),
        ("250+", None, "large"),
        ("> 250", None, "large"),
    ],
)
def test_employees_and_size_classes(cell: object, employees: int | None, size: str) -> None:
    got = one(norm.employee_counts(pd.Series([cell], dtype=object)))
    assert (got["employees"], got["size_class"], got["error"]) == (employees, size, None)


@pytest.mark.parametrize("cell", ["veel", "50+", "10-99", "-3", "ca. zwanzig"])
def test_unreadable_employees(cell: str) -> None:
    assert one(norm.employee_counts(pd.Series([cell])))["error"] == norm.BAD_EMPLOYEES


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Schulte Kunststofftechnik GmbH & Co. KG", "Schulte Kunststofftechnik GmbH"),
        ("Hofstra Metaal B.V.", "HOFSTRA METAAL BV"),
        ("Müller Logistik GmbH", "Muller Logistik"),
        ("Straßenbau Emsland GmbH", "Strassenbau Emsland"),
        ("Bakker & Zn. V.O.F.", "Bakker & Zn"),
        ("Drentec Holding B.V.", "Drentec"),
    ],
)
def test_name_keys_ignore_legal_form_case_accents(left: str, right: str) -> None:
    keys = norm.name_keys(pd.Series([left, right]))
    assert keys.iloc[0] == keys.iloc[1]


def test_name_keys_keep_words_that_only_look_like_forms() -> None:
    keys = norm.name_keys(pd.Series(["TotalEnergies Nederland", "Emsag Energie"]))
    assert keys.tolist() == ["totalenergiesnederland", "emsagenergie"]


def test_text_is_cleaned_once() -> None:
    text = norm.clean_text(pd.Series([" a  b ", "-", "n.b.", None, 3.0, "", "x\ty", "a\xa0b"]))
    assert text.fillna("∅").tolist() == ["a b", "∅", "∅", "∅", "3", "∅", "x y", "a b"]


def locate_one(postcode: object, city: str | None) -> dict[str, object]:
    codes = norm.postcodes(pd.Series([postcode], dtype=object))
    return one(locate(codes, norm.clean_text(pd.Series([city], dtype=object))))


@pytest.mark.parametrize(
    ("postcode", "city", "region", "flag"),
    [
        ("7811 AB", None, "GM0114", None),  # Emmen
        ("7741", "Coevorden", "GM0109", None),
        ("9531", None, "GM1681", None),  # Borger
        ("49716", "Meppen", "03454035", None),
        ("49808", None, "03454032", None),  # Lingen (Ems)
        ("49832", "Freren", "03454012", FLAG_CITY),  # PLZ of five Gemeinden: the city decides
        ("49832", "Beesten", "03454003", FLAG_CITY),
        ("49832", None, "034545402", FLAG_SAMTGEMEINDE),  # else Samtgemeinde Freren
        ("49832", "Lingen", "034545402", FLAG_SAMTGEMEINDE),
        (None, "Emmen", "GM0114", FLAG_CITY_ONLY),
        (None, "Haren (Ems)", "03454018", FLAG_CITY_ONLY),
        (None, "Haren", "03454018", FLAG_CITY_ONLY),
    ],
)
def test_postcode_to_region(postcode: object, city: str | None, region: str, flag: str) -> None:
    got = locate_one(postcode, city)
    assert (got["region_id"], got["region_flag"], got["error"]) == (region, flag, None)


@pytest.mark.parametrize(
    ("postcode", "city", "error"),
    [
        ("9712 CP", "Groningen", OUTSIDE),
        ("49074", "Osnabrück", OUTSIDE),
        (None, "Berlin", NO_PLACE),
        (None, None, NO_POSTCODE),
    ],
)
def test_addresses_outside_the_project_area(postcode: object, city: str | None, error: str) -> None:
    got = locate_one(postcode, city)
    assert got["region_id"] is None and got["error"] == error


def test_country_follows_the_address() -> None:
    assert locate_one("7811 AB", None)["country"] == "NL"
    assert locate_one("49716", None)["country"] == "DE"


def test_smallest_common_region_climbs_to_the_kreis() -> None:
    parents = {"g1": "sg1", "g2": "sg1", "g3": "sg2", "sg1": "kreis", "sg2": "kreis"}
    assert smallest_common_region(["g1", "g2"], parents) == "sg1"
    assert smallest_common_region(["g1", "g3"], parents) == "kreis"
    assert smallest_common_region(["g1"], parents) == "g1"


def test_distinct_values_are_read_once() -> None:
    calls: list[int] = []

    def count(values: pd.Series) -> pd.DataFrame:
        calls.append(len(values))
        return norm.postcodes(values)

    column = pd.Series(["7811 AB", "49716", "7811 AB", None] * 50)
    result = norm.on_uniques(column, count)
    assert calls == [3]  # two postcodes and the empty cell
    assert result["key"].fillna("").tolist() == ["7811", "49716", "7811", ""] * 50
    assert result.index.equals(column.index)
