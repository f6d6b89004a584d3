"""The glossary page's content in the viewer's language: the terms of core/glossary.toml with
their definitions and sources, the false friends between Dutch and German, the official names of
the common indicators, and the one explanation of the municipal levels on the maps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pandas as pd

from core.glossary import load_glossary
from core.i18n import LANG_NAMES, N_, Lang, fmt_number, translate
from dia.data.warehouse import query

TOPICS: Final[dict[str, str]] = {
    "programme": N_("Programme and reporting"),
    "project": N_("Project and members"),
    "region": N_("Regions"),
    "labour": N_("Labour market"),
    "statistics": N_("Official statistics"),
    "energy": N_("Energy"),
    "data": N_("Data and files"),
    "roles": N_("Roles"),
}
DEFINITION: Final = N_("Definition")
SOURCE: Final = N_("Source")


def languages(lang: Lang) -> list[Lang]:
    """The viewer's language first, then the other two in the order NL, DE, EN."""
    others: list[Lang] = [other for other in ("nl", "de", "en") if other != lang]
    return [lang, *others]


def terms(topic: str, lang: Lang) -> pd.DataFrame:
    """The terms of ``topic``: the word in each language (viewer's first), the definition in the
    viewer's language and the official source."""
    rows = [
        {
            **{
                LANG_NAMES[other]: term.words[other].replace(" | ", " · ")
                for other in languages(lang)
            },
            translate(lang, DEFINITION): term.definitions[lang],
            translate(lang, SOURCE): term.source,
        }
        for term in load_glossary().terms
        if term.topic == topic
    ]
    return pd.DataFrame(rows)


def as_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The first column as the row label, so a static table shows no running number and long
    definitions wrap instead of being cut off."""
    return frame.set_index(frame.columns[0])


def false_friends(lang: Lang) -> pd.DataFrame:
    """Words that look alike across the border but do not mean the same thing."""
    return pd.DataFrame(
        [
            {
                LANG_NAMES["nl"]: friend.nl,
                LANG_NAMES["de"]: friend.de,
                translate(lang, N_("Why they differ")): friend.notes[lang],
            }
            for friend in load_glossary().false_friends
        ]
    )


def indicator_names(lang: Lang) -> pd.DataFrame:
    """The official names of the EU common indicators, with their programme period and legal
    basis, as the regulations word them."""
    return pd.DataFrame(
        [
            {
                translate(lang, N_("Code")): indicator.official_code,
                translate(lang, N_("Programme period")): indicator.period,
                **{LANG_NAMES[other]: indicator.names[other] for other in languages(lang)},
                translate(lang, N_("Legal basis")): indicator.legal_basis[lang],
            }
            for indicator in load_glossary().common_indicators.values()
        ]
    )


@dataclass(frozen=True)
class Levels:
    gemeenten: int
    gemeinden: int
    samtgemeinden: int
    einheitsgemeinden: int
    gemeente_median: float
    gemeinde_median: float
    vwg_median: float
    smallest_gemeinde: str
    smallest_population: float


def levels() -> Levels:
    row = query("region_levels").iloc[0]
    return Levels(**{field: row[field] for field in Levels.__dataclass_fields__})


def levels_text(lang: Lang) -> str:
    """The one explanation of gemeente, Gemeinde, Samtgemeinde and Einheitsgemeinde (the map
    hovers name the level without explaining it)."""
    found = levels()
    return translate(
        lang,
        N_(
            "**Zuidoost-Drenthe** has {gemeenten} gemeenten, each with its own council "
            "(median {gemeente_median} inhabitants). **Landkreis Emsland** has {gemeinden} "
            "Gemeinden (median {gemeinde_median} inhabitants; the smallest, {smallest}, has "
            "{smallest_population}). They form {units} units: {einheit} Einheitsgemeinden – towns "
            "that belong to no Samtgemeinde, such as Lingen (Ems) or Meppen – and {samt} "
            "Samtgemeinden, municipal bodies of several member Gemeinden with their own council "
            "and administration (median {vwg_median} inhabitants per unit). A Dutch gemeente "
            "compares with a Samtgemeinde or Einheitsgemeinde, not with a single Gemeinde: the "
            "maps therefore show these units unless you choose the Gemeinden."
        ),
        gemeenten=found.gemeenten,
        gemeente_median=fmt_number(found.gemeente_median, lang),
        gemeinden=found.gemeinden,
        gemeinde_median=fmt_number(found.gemeinde_median, lang),
        smallest=found.smallest_gemeinde,
        smallest_population=fmt_number(found.smallest_population, lang),
        units=found.samtgemeinden + found.einheitsgemeinden,
        einheit=found.einheitsgemeinden,
        samt=found.samtgemeinden,
        vwg_median=fmt_number(found.vwg_median, lang),
    )
