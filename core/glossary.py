"""The product's glossary (core/glossary.toml): one source of terms in English, Dutch and German.

Catalogs, indicator names, templates, reject messages and exports use these words; the test suite
checks every catalog against the variants each term lists as "avoid". The glossary page shows the
terms, their definitions and sources, and the false friends between Dutch and German.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from core.i18n import Lang

GLOSSARY_FILE: Final = Path(__file__).with_name("glossary.toml")


@dataclass(frozen=True)
class Term:
    id: str
    topic: str
    words: dict[str, str]  # lang → the term ("long | short" where a label needs a short form)
    definitions: dict[str, str]
    source: str
    avoid: dict[str, tuple[str, ...]]  # lang → variants not to use
    allow: frozenset[str]  # msgids in which an avoided variant is intended

    def word(self, lang: Lang) -> str:
        """The term in ``lang`` (its long form)."""
        return self.words[lang].split(" | ")[0]


@dataclass(frozen=True)
class FalseFriend:
    nl: str
    de: str
    notes: dict[str, str]  # lang → why the two are not the same


@dataclass(frozen=True)
class CommonIndicator:
    """An EU common output indicator with its official names (the regulation's annex)."""

    code: str  # CO01, RCO115 (as the warehouse stores it)
    period: str  # programme period: 2014–2020 or 2021–2027
    programme: str  # Interreg V, Interreg VI
    legal_basis: dict[str, str]  # lang → the regulation and annex
    names: dict[str, str]  # lang → official name
    units: dict[str, str]

    @property
    def official_code(self) -> str:
        """The code as the regulation writes it: CO01, RCO 115."""
        return re.sub(r"^RCO0*(\d+)$", r"RCO \1", self.code)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    false_friends: tuple[FalseFriend, ...]
    common_indicators: dict[str, CommonIndicator]

    def term(self, term_id: str) -> Term:
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(term_id)


def variant_pattern(variant: str) -> re.Pattern[str]:
    """A listed variant as a pattern: ``re:…`` is a regular expression, anything else a whole
    word or phrase matched case-insensitively."""
    if variant.startswith("re:"):
        return re.compile(variant[3:])
    return re.compile(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=2)
def load_glossary(path: Path = GLOSSARY_FILE) -> Glossary:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    terms = tuple(
        Term(
            id=str(entry["id"]),
            topic=str(entry["topic"]),
            words={lang: str(entry[lang]) for lang in ("en", "nl", "de")},
            definitions={lang: str(entry[f"def_{lang}"]) for lang in ("en", "nl", "de")},
            source=str(entry["source"]),
            avoid={lang: tuple(entry.get(f"avoid_{lang}", ())) for lang in ("nl", "de")},
            allow=frozenset(entry.get("allow", ())),
        )
        for entry in raw["term"]
    )
    ids = [term.id for term in terms]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path.name}: a term id is repeated")
    friends = tuple(
        FalseFriend(
            nl=str(entry["nl"]),
            de=str(entry["de"]),
            notes={lang: str(entry[f"{lang}_note"]) for lang in ("en", "nl", "de")},
        )
        for entry in raw.get("false_friend", [])
    )
    indicators = {
        normal_code(str(entry["code"])): CommonIndicator(
            code=normal_code(str(entry["code"])),
            period=str(entry["period"]),
            programme=str(entry["programme"]),
            legal_basis={lang: str(entry[f"legal_basis_{lang}"]) for lang in ("en", "nl", "de")},
            names={lang: str(entry[f"name_{lang}"]) for lang in ("en", "nl", "de")},
            units={lang: str(entry[f"unit_{lang}"]) for lang in ("en", "nl", "de")},
        )
        for entry in raw.get("common_indicator", [])
    }
    return Glossary(terms, friends, indicators)


def common_indicator(code: str) -> CommonIndicator | None:
    """The EU common indicator behind ``code`` (any spelling: RCO081, RCO 81), if it is one."""
    return load_glossary().common_indicators.get(normal_code(code))


def normal_code(code: str) -> str:
    """An indicator code without spaces or leading zeros: ``RCO 081`` → ``RCO81``."""
    compact = code.replace(" ", "").upper()
    return re.sub(r"^([A-Z]+)0*(\d)", r"\1\2", compact) if compact.startswith("RCO") else compact


@dataclass(frozen=True)
class Violation:
    catalog: str
    msgid: str
    term: str
    variant: str
    text: str


# Placeholders ({sheet}), code spans (`make run`) and commands (python -m etl build) are not words.
_NOT_WORDS: Final = re.compile(r"\{[^}]*\}|`[^`]*`|python -m [\w.]+(?: [\w-]+)?")


def violations(lang: str, catalogs: dict[str, dict[str, str]]) -> list[Violation]:
    """Every translation in ``catalogs`` (topic → msgid → msgstr) that uses an avoided variant."""
    found: list[Violation] = []
    catalogs = {
        topic: {msgid: _NOT_WORDS.sub(" ", text) for msgid, text in messages.items()}
        for topic, messages in catalogs.items()
    }
    for term in load_glossary().terms:
        for variant in term.avoid.get(lang, ()):
            pattern = variant_pattern(variant)
            for topic, messages in catalogs.items():
                for msgid, text in messages.items():
                    if msgid not in term.allow and pattern.search(text):
                        found.append(Violation(topic, msgid, term.id, variant, text.strip()))
    return found
