-- ## labour_market
--
-- Vacancies, job seekers, population and employment per published geography, period and
-- occupation ([labour-market.md](labour-market.md)). Built by `etl/harmonise/labour.py` from
-- `statistic` (measures mapped in `etl/config/labour.toml`; SQL in `etl/sql/labour/`).

-- Sum `value` over `isco_code` (e.g. `left(isco_code, 2)` for sub-major groups) within one
-- `region_code`, `period` and `measure`; never add NL and DE figures or compare their levels.
CREATE TABLE labour_market (
    region_id              VARCHAR,           -- our region (`region.region_id`) when the published
                                              -- code is one; NULL for e.g. an arbeidsmarktregio
    source_geography       VARCHAR NOT NULL,  -- `arbeidsmarktregio`, `kreis`, `gemeente`,
                                              -- `bundesland`, …
    period                 VARCHAR NOT NULL,  -- ISO: `2024-Q4`, `2024-12-31`, `2024`
    measure                VARCHAR NOT NULL,  -- `vacancies`, `job_seekers`, `population`,
                                              -- `employees_svb`
    isco_code              VARCHAR,           -- ISCO-08 unit group (4 digits) the figure (or its
                                              -- share) belongs to; NULL for totals and
                                              -- non-occupation rows
    nace_section           VARCHAR,           -- NACE Rev. 2 section where the figure is by industry
    value                  DOUBLE,            -- the published value × `isco_share`; NULL when only
                                              -- a symbol was published
    source_id              VARCHAR NOT NULL,
    is_sample              BOOLEAN NOT NULL,
    country                VARCHAR,           -- `NL` or `DE`
    region_code            VARCHAR,           -- the geography as published (`AM04`
                                              -- arbeidsmarktregio Drenthe, `03454`, `DG`) — always
                                              -- kept
    region_name            VARCHAR,           -- as published
    source_classification  VARCHAR,           -- the occupation or industry classification as
                                              -- published (`BRC2014`, `KldB2010`)
    source_code            VARCHAR,           -- its code (`0742`, `24422`)
    source_label           VARCHAR,           -- its label
    isco_share             DOUBLE,            -- share of the published figure in this row: 1, or
                                              -- 1/n when a BRC group is split over n ISCO unit
                                              -- groups
    breakdown              VARCHAR,           -- other breakdowns as published: `sex`,
                                              -- `nationality`, `nationality|sex`
    breakdown_code         VARCHAR,           -- `GESM`, `NATA`, …
    breakdown_label        VARCHAR,           -- as published
    symbol                 VARCHAR,           -- the published symbol or quality flag
    basis                  VARCHAR,           -- the basis of a series with a break: population
                                              -- `Zensus 2011` / `Zensus 2022`
    series_break           BOOLEAN            -- true on the first figure of a series on a new basis
);

-- How each published occupation or industry code became ISCO-08 / a NACE section. Only codes
-- that occur in the data.
CREATE TABLE classification_map (
    classification  VARCHAR NOT NULL,  -- `BRC2014`, `KldB2010`, …
    code            VARCHAR NOT NULL,  -- as published
    isco_code       VARCHAR,           -- ISCO-08 unit group
    nace_section    VARCHAR,           -- NACE Rev. 2 section
    share           DOUBLE NOT NULL,   -- share of the code's figure that goes to this row
    rule            VARCHAR NOT NULL   -- KldB: BA Umsteigeschlüssel rank 1; BRC: equal split over
                                       -- its ISCO-08 unit groups
);

-- ISCO-08 major and sub-major groups.
CREATE TABLE isco_group (
    code      VARCHAR PRIMARY KEY,  -- ISCO-08 code (1 or 2 digits)
    level     VARCHAR NOT NULL,  -- `major`, `sub-major`
    label_en  VARCHAR NOT NULL,
    label_nl  VARCHAR NOT NULL,
    label_de  VARCHAR NOT NULL
);

-- Which map regions a published geography (an arbeidsmarktregio, a Kreis, …) covers. Our
-- regions cover everything below them; other geographies come from
-- `data/reference/labour_areas.csv`.
CREATE TABLE labour_area (
    region_code       VARCHAR NOT NULL,  -- the geography as published
    country           VARCHAR NOT NULL,
    source_geography  VARCHAR NOT NULL,  -- `arbeidsmarktregio`, `kreis`, …
    name              VARCHAR NOT NULL,  -- the area's name
    municipalities    INTEGER NOT NULL,  -- how many the area has in total
    members           VARCHAR,           -- their names, for areas that are not regions of ours
    region_id         VARCHAR NOT NULL,  -- a map region it covers
    region_level      VARCHAR NOT NULL   -- that region's level
);
