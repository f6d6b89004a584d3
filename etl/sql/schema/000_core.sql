-- # The warehouse
--
-- Each build writes one DuckDB file `data/warehouse/dia-<UTC timestamp>-<random>.duckdb`; the
-- text file `data/warehouse/CURRENT` names the published one (`python -m etl current` prints
-- its path). A published file never changes. Open it read-only — the dashboard does, and so
-- should analysts:
--
-- ```bash
-- duckdb -readonly "$(.venv/bin/python -m etl current)" "SELECT level, count(*) FROM region GROUP BY level"
-- ```
--
-- Rules that hold for every table:
-- - `source_id` names a row of `source` (publisher, licence, attribution, vintage); the build
--   fails if one does not.
-- - `is_sample` is true for generated sample data; the dashboard and every export label such
--   rows.
-- - Region ids are the official codes: NL gemeente `GM0114`, COROP `CR08`, province `PV22`; DE
--   Gemeinde AGS `03454032` (8 digits), Einheits-/Samtgemeinde ARS prefix `034545401`
--   (9 digits), Kreis `03454`.
--
-- This page is generated from the schema (`etl/sql/schema/*.sql`, one `CREATE TABLE` per
-- table, a comment per column) by `python -m etl docs`; a test keeps it current.
--
-- ## Core tables
--
-- Sources, the region tree, postcodes, statistics as published, and the build's own log.

-- Where figures come from; every fact table row points to one.
CREATE TABLE source (
    source_id    VARCHAR PRIMARY KEY,  -- short stable id, e.g. `zensus_2022`, `bkg_vg5000_2021`
    title        VARCHAR NOT NULL,     -- as published
    publisher    VARCHAR NOT NULL,     -- as published
    licence      VARCHAR NOT NULL,     -- as published
    attribution  VARCHAR NOT NULL,     -- the exact credit line to show next to the data
    vintage      VARCHAR NOT NULL,     -- reference date or period of the data
    is_sample    BOOLEAN NOT NULL      -- generated sample data
);

-- Every map unit and its larger areas, with the simplified boundary.
CREATE TABLE region (
    region_id          VARCHAR PRIMARY KEY,  -- official code (see above); `region_id` = `code`
    country            VARCHAR NOT NULL CHECK (country IN ('NL', 'DE')),  -- `NL` or `DE`
    level              VARCHAR NOT NULL,  -- `gemeente`, `corop`, `province` (NL); `gemeinde`,
                                          -- `verwaltungsgemeinschaft`, `kreis` (DE); `context`
                                          -- (grey neighbours on the map)
    code               VARCHAR NOT NULL,  -- official code
    name               VARCHAR NOT NULL,  -- official name
    parent_id          VARCHAR,           -- the next level up (gemeente → CR08; Gemeinde → its
                                          -- Einheits-/Samtgemeinde → 03454)
    population         BIGINT,            -- NL: CBS PC4 file 1-1-2021 summed per gemeente; DE:
                                          -- Zensus 2022 (15-5-2022) per Gemeinde, summed upwards
    population_year    INTEGER,           -- year of `population`
    population_source  VARCHAR,           -- the `source` of `population`
    area_km2           DOUBLE,            -- official total area (CBS 2015, Destatis
                                          -- Gemeindeverzeichnis 2019)
    vwg_type           VARCHAR,           -- `Samtgemeinde` or `Einheitsgemeinde` for DE groupings
    is_context         BOOLEAN NOT NULL,  -- true for the province outline and the grey neighbours
    geometry_geojson   VARCHAR NOT NULL   -- simplified WGS84 geometry; all neighbours share their
                                          -- borders exactly
);

-- PC4 → gemeente.
CREATE TABLE postcode_nl (
    pc4         VARCHAR PRIMARY KEY,  -- four digits
    region_id   VARCHAR NOT NULL,     -- the gemeente
    place       VARCHAR,              -- main place name
    population  BIGINT,               -- inhabitants (CBS PC4 file)
    alt_places  VARCHAR               -- other place names in the area
);

-- PLZ → Gemeinde; a PLZ may belong to several Gemeinden.
CREATE TABLE postcode_de (
    plz        VARCHAR NOT NULL,  -- five digits
    region_id  VARCHAR NOT NULL,  -- a Gemeinde the PLZ area lies in
    name       VARCHAR,           -- place name
    PRIMARY KEY (plz, region_id)
);

-- Any published figure as read from a CBS StatLine or GENESIS / Regionaldatenbank file (or the
-- long-format statistics template): region as published, symbol kept where the value is missing.
CREATE TABLE statistic (
    region_code       VARCHAR NOT NULL,  -- as published
    region_id         VARCHAR,           -- where the code is one of ours
    region_name       VARCHAR,           -- as published
    source_geography  VARCHAR,           -- `gemeente`, `kreis`, `arbeidsmarktregio`, …
    period            VARCHAR NOT NULL,  -- ISO date or year, `2024-Q4`
    measure           VARCHAR NOT NULL,  -- the source's measure code
    measure_label     VARCHAR,           -- as published
    classification    VARCHAR,           -- the breakdown's classification (`BRC2014`, `KldB2010`, …)
    class_code        VARCHAR,           -- code within the classification
    class_label       VARCHAR,           -- as published
    value             DOUBLE,            -- NULL when the source printed a symbol
    symbol            VARCHAR,           -- the symbol kept: `.`, `-`, `x`, `/`, `...`
    unit              VARCHAR,           -- as published
    source_id         VARCHAR NOT NULL,
    is_sample         BOOLEAN NOT NULL
);

-- Every build, published or failed (failed ones are carried into the next published version).
CREATE TABLE etl_run (
    run_id         VARCHAR PRIMARY KEY,  -- the build's id (also its version id)
    started_at     TIMESTAMPTZ NOT NULL,  -- when the build began
    finished_at    TIMESTAMPTZ,  -- when it ended
    status         VARCHAR NOT NULL,     -- `published` or `failed`
    version        VARCHAR,              -- the version published, if any
    inputs         INTEGER,              -- input files read
    rows_loaded    BIGINT,               -- rows accepted over all files
    rows_rejected  BIGINT                -- rows rejected over all files
);

-- Per input file of this build.
CREATE TABLE etl_file (
    run_id    VARCHAR NOT NULL,
    file      VARCHAR NOT NULL,  -- file name
    kind      VARCHAR,           -- the kind detected from its content (`members_oe`, …)
    accepted  BIGINT NOT NULL,   -- rows loaded
    rejected  BIGINT NOT NULL,   -- rows rejected (see `etl_reject`)
    skipped   BIGINT NOT NULL    -- rows skipped on purpose (blank, totals)
);

-- Every value the build could not use, with its exact place and the reason in three languages.
-- Nothing is dropped silently: a row is accepted, skipped on purpose (blank, totals), or here.
CREATE TABLE etl_reject (
    run_id       VARCHAR NOT NULL,
    file         VARCHAR NOT NULL,  -- file name
    sheet        VARCHAR,           -- sheet name (workbooks)
    row_number   INTEGER,           -- row as the spreadsheet numbers it
    column_name  VARCHAR,           -- the column's header as written
    value        VARCHAR,           -- the value as written
    reason       VARCHAR NOT NULL,  -- English
    reason_nl    VARCHAR NOT NULL,  -- Dutch
    reason_de    VARCHAR NOT NULL   -- German
);

-- Like `etl_reject`, for what the build did on purpose: duplicate rows merged (inside a file or
-- across files), hidden columns and sheets ignored, sheets that are no member list.
CREATE TABLE etl_notice (
    run_id       VARCHAR NOT NULL,
    file         VARCHAR NOT NULL,  -- file name
    sheet        VARCHAR,           -- sheet name (workbooks)
    row_number   INTEGER,           -- row as the spreadsheet numbers it
    column_name  VARCHAR,           -- the column's header as written
    value        VARCHAR,           -- the value as written
    reason       VARCHAR NOT NULL,  -- English
    reason_nl    VARCHAR NOT NULL,  -- Dutch
    reason_de    VARCHAR NOT NULL   -- German
);
