"""Values of the project records as staff type them: list values in Dutch, German or English,
company references (register or member numbers), work packages and numbers of persons.

Like etl.normalise, each function takes a column and returns normalised values plus an
``error`` column (a msgid, or None where the value was readable or empty).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Final

import pandas as pd

from core.codes import CODE_LISTS
from core.i18n import N_, translate
from etl import normalise as norm

VALUES_FILE: Final = Path(__file__).resolve().parents[1] / "config" / "record_values.toml"

NOT_IN_LIST = N_("{value} is not one of the values of this column (see the template's list)")
BAD_COMPANY = N_(
    "{value} is neither a KvK or Handelsregister number nor a member number (such as OE 1042)"
)
BAD_PERSONS = N_("Persons {value} must be a whole number of at least 1")
BAD_WORK_PACKAGE = N_("Work package {value} is not in the work plan")


@lru_cache(maxsize=1)
def _extra_spellings() -> dict[str, dict[str, list[str]]]:
    with VALUES_FILE.open("rb") as handle:
        raw: dict[str, dict[str, list[str]]] = tomllib.load(handle)
    for column, entries in raw.items():
        unknown = set(entries) - set(CODE_LISTS[column])
        if unknown:
            raise ValueError(f"{VALUES_FILE.name} [{column}]: unknown codes {sorted(unknown)}")
    return raw


@lru_cache(maxsize=len(CODE_LISTS))
def spellings(column: str) -> dict[str, str]:
    """Text key of every accepted spelling → code, for one list column (``type``, ``status``…):
    the code, its label in English, Dutch and German, and the extra spellings of the config."""
    index: dict[str, str] = {}
    for code, message in CODE_LISTS[column].items():
        words = [code, message, translate("nl", message), translate("de", message)]
        words += _extra_spellings().get(column, {}).get(code, [])
        for word in words:
            index.setdefault(norm.text_key(word), code)
    return index


def codes(values: pd.Series, column: str) -> pd.DataFrame:
    """Codes of a list column; returns ``code`` and ``error``."""
    keys = norm.text_keys(norm.clean_text(values))
    code = keys.map(spellings(column))
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(keys.notna() & code.isna(), NOT_IN_LIST)
    return pd.DataFrame({"code": code.where(code.notna(), None), "error": error})


_ASSOCIATION_RE: Final = r"^(?P<association>OE|WVE)\b\s*[-:.#]?\s*(?P<number>.+)$"
_MEMBER_NUMBER_RE: Final = r"^[A-Z0-9][A-Z0-9\-./]{0,19}$"
_REGISTER_WORDS_RE: Final = r"KVK|KAMER|HRA|HRB|GNR|GENR|AMTSGERICHT|HANDELSREGISTER"


def company_refs(values: pd.Series) -> pd.DataFrame:
    """How a spreadsheet names a member company: ``register_id`` (``KvK 01234567`` /
    ``HRB 123456``, as etl.normalise.register_ids writes it) and, for anything that may be a
    member number, ``member_number`` with the ``association`` if written before it
    (``OE 1042``). An 8-digit number reads as a KvK number and as a member number; the build
    tries the register first. Returns those columns and ``error``."""
    text = norm.clean_text(values)
    upper = text.str.upper()
    register = norm.register_ids(values)
    prefixed = upper.str.extract(_ASSOCIATION_RE)
    number = prefixed["number"].str.strip().fillna(upper)
    looks_like_member = number.str.fullmatch(_MEMBER_NUMBER_RE).fillna(False)
    names_register = upper.str.contains(_REGISTER_WORDS_RE, regex=True).fillna(False)
    member_number = number.where(looks_like_member & ~names_register, None)
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(names_register & register["register_id"].isna(), norm.BAD_REGISTER)
    unusable = text.notna() & register["register_id"].isna() & member_number.isna()
    error = error.mask(unusable & error.isna(), BAD_COMPANY)
    return pd.DataFrame(
        {
            "register_id": register["register_id"],
            "member_number": member_number,
            "association": prefixed["association"].where(member_number.notna(), None),
            "error": error,
        }
    )


def persons(values: pd.Series) -> pd.DataFrame:
    """Persons per participation: a whole number of at least 1; empty means one person."""
    text = norm.clean_text(values)
    number = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    whole = number.notna() & (number >= 1) & (number == number.round())
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(text.notna() & ~whole, BAD_PERSONS)
    count = number.where(whole).fillna(1).astype("int64")
    return pd.DataFrame({"persons": count, "error": error})


_WORK_PACKAGE_RE: Final = re.compile(
    r"^(?:wp|ap|werkpakket|arbeitspaket|workpackage)?\s*[-.:]?\s*0*(?P<number>\d{1,2})\b"
)


def work_packages(values: pd.Series, known: frozenset[str]) -> pd.DataFrame:
    """``WP2``, ``WP 2``, ``Werkpakket 2``, ``Arbeitspaket 2``, ``AP2`` and ``2`` (text after
    the number is allowed: ``WP2 Matchmaking``) → ``WP2``, if the work plan has it."""
    text = norm.clean_text(values)
    number = text.str.lower().str.extract(_WORK_PACKAGE_RE)["number"]
    code = ("WP" + number).where(("WP" + number).isin(known), None)
    error = pd.Series(None, index=values.index, dtype=object)
    error = error.mask(text.notna() & code.isna(), BAD_WORK_PACKAGE)
    return pd.DataFrame({"work_package": code, "error": error})
