-- ## training
--
-- Education and training figures per programme or training occupation, mapped to ISCO-08
-- ([training.md](training.md)). Built by `etl/harmonise/training.py` from `statistic`
-- (measures mapped in `etl/config/training.toml`).

-- One published figure (or its share) per region, period, measure and programme.
CREATE TABLE training_supply (
    country                   VARCHAR NOT NULL CHECK (country IN ('NL', 'DE')),
    region_code               VARCHAR NOT NULL,  -- as published: GM0114, 03454, AM04
    region_id                 VARCHAR,           -- our region, where the code is one
    region_name               VARCHAR,           -- as published
    source_geography          VARCHAR,           -- `gemeente`, `kreis`, …
    period                    VARCHAR NOT NULL,  -- school year (NL, `2024` = 2024/25) or report
                                                 -- year (DE, `2024` = 2023/24); `2023-10` =
                                                 -- winter semester 2023/24
    measure                   VARCHAR NOT NULL,  -- `enrolled`, `graduates`, `training_places`,
                                                 -- `applicants`, `unfilled_places`,
                                                 -- `unplaced_applicants`, `new_contracts`,
                                                 -- `internship_places`, `recognised_companies`
    level                     VARCHAR NOT NULL,  -- `mbo`, `hbo`, `Ausbildung` (dual vocational
                                                 -- training), `Studium`
    pathway                   VARCHAR,           -- `BOL`, `BBL`, `dual`, `full-time`, `part-time`;
                                                 -- NULL for all pathways together
    programme_classification  VARCHAR NOT NULL,  -- `CROHO`, `HS-FG`, `KldB2010`, `ISCO08`
    programme_code            VARCHAR NOT NULL,  -- `34280`, `26212`, `HS-FG08`
    programme_label           VARCHAR,           -- *B Werktuigbouwkunde*, …
    isco_code                 VARCHAR,           -- ISCO-08 group (2–4 digits); NULL: no match
    isco_share                DOUBLE NOT NULL,   -- share of the figure in that group
    value                     DOUBLE,            -- published value × isco_share
    symbol                    VARCHAR,           -- '<5' (DUO masking: a lower bound), '-', '.'
    rule                      VARCHAR NOT NULL,  -- how the programme was mapped to ISCO-08
    source_id                 VARCHAR NOT NULL,
    is_sample                 BOOLEAN NOT NULL
);
