"""Postcode (and city) → region of the project area, from the shipped reference tables.

NL: a PC4 lies in exactly one gemeente. DE: a PLZ may cover several Gemeinden; the city
name then decides, else the address is placed in the smallest region containing every
candidate (the Samtgemeinde, else the Kreis) and flagged, so maps can say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

import pandas as pd

from core.i18n import N_
from core.paths import REFERENCE_DIR
from etl.normalise import replace, text_key, text_keys
from etl.reference import region_frame

OUTSIDE = N_("Postcode {value} lies outside Zuidoost-Drenthe and Emsland")
NO_PLACE = N_("No postcode, and the place {value} is not in Zuidoost-Drenthe or Emsland")
NO_POSTCODE = N_("Postcode and place are missing")

# member.region_flag values: how the region was found when the postcode alone did not say.
FLAG_CITY: Final = "plz_city"  # PLZ of several Gemeinden, decided by the city
FLAG_SAMTGEMEINDE: Final = "plz_samtgemeinde"  # placed in the Samtgemeinde of all candidates
FLAG_KREIS: Final = "plz_kreis"  # candidates in several Samtgemeinden: placed in the Kreis
FLAG_CITY_ONLY: Final = "city_only"  # no postcode; placed by the city name
REGION_FLAGS: Final[dict[str, str]] = {
    FLAG_CITY: N_("Postcode covers several municipalities; placed by the city name"),
    FLAG_SAMTGEMEINDE: N_("Postcode covers several municipalities; placed in their Samtgemeinde"),
    FLAG_KREIS: N_("Postcode covers several municipalities; placed in the Landkreis only"),
    FLAG_CITY_ONLY: N_("No postcode; placed by the city name"),
}


def place_key(name: object) -> str:
    """A place name for matching: ``Haren (Ems)`` and ``Haren`` give the same key."""
    return text_key(str(name).split("(")[0])


@dataclass(frozen=True)
class Gazetteer:
    pc4: dict[str, str]
    plz_region: dict[str, str]  # plz → its Gemeinde, or the region holding all its Gemeinden
    plz_flag: dict[str, str]  # plz → flag, for a PLZ of several Gemeinden
    plz_city: dict[str, str]  # "plz|place key" → region_id, for PLZ of several Gemeinden
    places: dict[str, str]  # place key → region_id (unambiguous names only)
    country: dict[str, str]  # region_id → NL/DE


def _ancestors(region_id: str, parents: dict[str, str | None]) -> list[str]:
    chain = [region_id]
    while (parent := parents.get(chain[-1])) is not None:
        chain.append(parent)
    return chain


def smallest_common_region(candidates: list[str], parents: dict[str, str | None]) -> str | None:
    """The lowest region that contains every candidate (following ``parent_id``)."""
    chains = [_ancestors(candidate, parents) for candidate in candidates]
    common = set(chains[0]).intersection(*chains[1:])
    return next((region for region in chains[0] if region in common), None)


def build_gazetteer(reference_dir: Path = REFERENCE_DIR) -> Gazetteer:
    regions = region_frame(reference_dir)
    regions = regions[~regions["is_context"]]
    parents = {
        row.region_id: (row.parent_id if isinstance(row.parent_id, str) else None)
        for row in regions.itertuples(index=False)
    }
    levels = dict(zip(regions["region_id"], regions["level"], strict=True))
    pc4 = pd.read_csv(reference_dir / "pc4_gemeente.csv", dtype=str, keep_default_na=False)
    plz = pd.read_csv(reference_dir / "plz_gemeinde.csv", dtype=str, keep_default_na=False)

    plz_default: dict[str, tuple[str, str | None]] = {}
    plz_city: dict[str, str] = {}
    for code, group in plz.groupby("plz"):
        candidates = sorted(group["region_id"])
        if len(candidates) == 1:
            plz_default[str(code)] = (candidates[0], None)
            continue
        for row in group.itertuples(index=False):
            plz_city[f"{code}|{place_key(row.name)}"] = row.region_id
        common = smallest_common_region(candidates, parents)
        if common is None:
            continue
        flag = FLAG_KREIS if levels.get(common) == "kreis" else FLAG_SAMTGEMEINDE
        plz_default[str(code)] = (common, flag)

    names: dict[str, set[str]] = {}
    for row in pc4.itertuples(index=False):
        for name in [row.place, *str(row.alt_places).split(";")]:
            if name:
                names.setdefault(place_key(name), set()).add(row.region_id)
    for row in plz.itertuples(index=False):
        names.setdefault(place_key(row.name), set()).add(row.region_id)
    for row in regions.itertuples(index=False):
        if row.level in ("gemeente", "verwaltungsgemeinschaft"):
            names.setdefault(place_key(row.name), set()).add(row.region_id)
    places = {}
    for key, found in names.items():
        # "Lingen" names the Gemeinde and its Einheitsgemeinde: take the smallest region.
        region = found.pop() if len(found) == 1 else _only_nested(found, parents)
        if region:
            places[key] = region

    return Gazetteer(
        pc4=dict(zip(pc4["pc4"], pc4["region_id"], strict=True)),
        plz_region={code: region for code, (region, _flag) in plz_default.items()},
        plz_flag={code: flag for code, (_region, flag) in plz_default.items() if flag},
        plz_city=plz_city,
        places=places,
        country=dict(zip(regions["region_id"], regions["country"], strict=True)),
    )


def _only_nested(found: set[str], parents: dict[str, str | None]) -> str | None:
    """The one region of ``found`` inside all the others, if the names nest."""
    for region in found:
        if all(other in _ancestors(region, parents) for other in found):
            return region
    return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return build_gazetteer()


def locate(postcodes: pd.DataFrame, cities: pd.Series) -> pd.DataFrame:
    """Region of each address.

    ``postcodes`` is ``etl.normalise.postcodes`` of the postcode column, ``cities`` the city
    column (cleaned text, missing where empty). Returns
    ``region_id``, ``region_flag``, ``country`` and ``error`` (msgid) per row.
    """
    g = gazetteer()
    index = postcodes.index
    key = postcodes["key"]
    city = cities.fillna(postcodes["city_hint"])
    city_key = text_keys(replace(city, r"\s*\(.*$", ""))
    is_nl = postcodes["country"] == "NL"
    is_de = postcodes["country"] == "DE"
    region = pd.Series(None, index=index, dtype=object)
    flag = pd.Series(None, index=index, dtype=object)

    region = region.mask(is_nl, key.map(g.pc4))
    de_key = key.where(is_de)
    region = region.mask(is_de, de_key.map(g.plz_region))
    flag = flag.mask(is_de, de_key.map(g.plz_flag))
    by_city = (key + "|" + city_key).where(is_de & flag.notna()).map(g.plz_city)
    region = region.mask(by_city.notna(), by_city)
    flag = flag.mask(by_city.notna(), FLAG_CITY)
    no_code = key.isna() & postcodes["error"].isna()
    placed = city_key.where(no_code).map(g.places)
    region = region.mask(placed.notna(), placed)
    flag = flag.mask(placed.notna(), FLAG_CITY_ONLY)

    error = pd.Series(None, index=index, dtype=object)
    has_code = key.notna()
    error = error.mask(has_code & region.isna(), OUTSIDE)
    no_code = ~has_code & postcodes["error"].isna()
    city_given = city.notna()
    error = error.mask(no_code & region.isna() & city_given, NO_PLACE)
    error = error.mask(no_code & ~city_given, NO_POSTCODE)
    return pd.DataFrame(
        {
            "region_id": region,
            "region_flag": flag.where(region.notna(), None),
            "country": region.map(g.country),
            "error": error,
        }
    )
