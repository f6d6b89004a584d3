"""Codes the energy tables use, and the Dutch, German and English words staff write for them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from etl.normalise import text_key

# Installed capacity as registers and statistics publish it (MaStR, CBS).
CAPACITY_TECHNOLOGIES: Final = ("solar", "wind", "biomass", "hydro")
# What energy projects and opportunities are about.
OPPORTUNITY_TECHNOLOGIES: Final = ("wind", "solar", "hydrogen", "heat", "biogas", "grid_storage")
STAGES: Final = ("idea", "feasibility", "permitting", "construction", "operation")
ASSOCIATIONS: Final = ("OE", "WVE")

# Drop-down entries of the templates: one bilingual entry per code, "NL / DE".
TECHNOLOGY_CHOICES: Final[dict[str, str]] = {
    "solar": "zon / Solar",
    "wind": "wind / Wind",
    "biomass": "biomassa / Biomasse",
    "hydro": "waterkracht / Wasserkraft",
    "hydrogen": "waterstof / Wasserstoff",
    "heat": "warmte / Wärme",
    "biogas": "biogas / Biogas",
    "grid_storage": "net en opslag / Netz und Speicher",
}
STAGE_CHOICES: Final[dict[str, str]] = {
    "idea": "idee / Idee",
    "feasibility": "haalbaarheid / Machbarkeit",
    "permitting": "vergunning / Genehmigung",
    "construction": "bouw / Bau",
    "operation": "in bedrijf / in Betrieb",
}

_TECHNOLOGY_WORDS: Final[dict[str, str]] = {
    "solar": "solar pv photovoltaic photovoltaik zon zonne-energie zonnestroom zonnepanelen "
    "zonnepark solarpark solarenergie sonne",
    "wind": "wind onshore-wind wind-onshore wind_on windenergie windkraft wind-an-land "
    "windpark windturbines",
    "biomass": "biomass biomassa biomasse bio-energie bioenergie",
    "hydro": "hydro water waterkracht wasserkraft hydropower",
    "hydrogen": "hydrogen h2 waterstof wasserstoff electrolysis elektrolyse",
    "heat": "heat warmte wärme heat-network warmtenet wärmenetz geothermie geothermal "
    "restwarmte abwärme",
    "biogas": "biogas groengas green-gas biomethaan biomethan vergister vergärung",
    "grid_storage": "grid storage grid-storage grid/storage grid-and-storage net opslag "
    "net-en-opslag netz speicher netz-und-speicher batterij batterie battery",
}
_STAGE_WORDS: Final[dict[str, str]] = {
    "idea": "idea idee verkenning sondierung",
    "feasibility": "feasibility haalbaarheid haalbaarheidsstudie machbarkeit machbarkeitsstudie",
    "permitting": "permitting permit planning vergunning vergunningen genehmigung planung",
    "construction": "construction bouw realisatie bau errichtung",
    "operation": "operation operational in-bedrijf in-betrieb betrieb operationeel",
}


def _index(words: dict[str, str], choices: dict[str, str]) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, spelled in words.items():
        for word in [*spelled.split(), code, choices.get(code, "")]:
            if word:
                index[text_key(word.replace("-", " "))] = code
    return index


_TECHNOLOGIES: Final = _index(_TECHNOLOGY_WORDS, TECHNOLOGY_CHOICES)
_STAGES: Final = _index(_STAGE_WORDS, STAGE_CHOICES)


def _lookup(index: dict[str, str], text: str) -> str | None:
    """A code from a cell: the whole text, else each part of a bilingual "NL / DE" entry."""
    key = text_key(text.replace("-", " "))
    if key in index:
        return index[key]
    parts = {index.get(text_key(part.replace("-", " "))) for part in text.split("/")}
    parts.discard(None)
    return parts.pop() if len(parts) == 1 else None


def technology_code(text: str) -> str | None:
    return _lookup(_TECHNOLOGIES, text)


def stage_code(text: str) -> str | None:
    return _lookup(_STAGES, text)


def is_sample_marker(text: object) -> bool:
    """Sample files say so above their header: "Voorbeelddata / Beispieldaten" (as the member
    lists do)."""
    key = text_key(text) if isinstance(text, str) else ""
    return any(word in key for word in ("voorbeelddata", "beispieldaten", "sample data"))


_YES: Final = frozenset({"ja", "yes", "j", "y", "1", "true", "waar", "wahr", "x"})


def is_yes(text: str) -> bool:
    return text_key(text) in _YES


@dataclass(frozen=True)
class ProjectRegion:
    region_id: str
    country: str
    level: str
    name: str


@lru_cache(maxsize=1)
def project_regions() -> dict[str, ProjectRegion]:
    """Every region of the project area (not the grey context), keyed by its code."""
    from etl.reference import region_frame

    frame = region_frame()
    frame = frame[~frame["is_context"].astype(bool)]
    return {
        row.region_id: ProjectRegion(row.region_id, row.country, row.level, row.name)
        for row in frame.itertuples(index=False)
    }


# Capacity is stored per municipality; larger units are sums the build computes.
MUNICIPAL_LEVELS: Final = frozenset({"gemeente", "gemeinde"})
_LEVEL_ORDER: Final = {"gemeente": 0, "gemeinde": 0, "verwaltungsgemeinschaft": 1}


def region_by_text(text: str) -> ProjectRegion | None:
    """A project region from its code (``GM0114``, ``03454032``, also ``GM0114 Emmen``) or its
    unique name; where a Gemeinde and its Einheitsgemeinde share the name, the Gemeinde."""
    regions = project_regions()
    cleaned = text.strip()
    head = cleaned.split()[0].upper() if cleaned else ""
    if head in regions:
        return regions[head]
    key = text_key(cleaned)
    named = [region for region in regions.values() if text_key(region.name) == key]
    named.sort(key=lambda region: _LEVEL_ORDER.get(region.level, 9))
    return named[0] if named else None
