-- Labour market (docs/labour-market.md, docs/warehouse.md): columns beyond the core contract,
-- the crosswalk rows actually applied, ISCO-08 group labels and the areas behind each
-- published geography. Filled by etl/harmonise/labour.py.

ALTER TABLE labour_market ADD COLUMN country VARCHAR;
ALTER TABLE labour_market ADD COLUMN region_code VARCHAR;
ALTER TABLE labour_market ADD COLUMN region_name VARCHAR;
ALTER TABLE labour_market ADD COLUMN source_classification VARCHAR;
ALTER TABLE labour_market ADD COLUMN source_code VARCHAR;
ALTER TABLE labour_market ADD COLUMN source_label VARCHAR;
ALTER TABLE labour_market ADD COLUMN isco_share DOUBLE;
ALTER TABLE labour_market ADD COLUMN breakdown VARCHAR;
ALTER TABLE labour_market ADD COLUMN breakdown_code VARCHAR;
ALTER TABLE labour_market ADD COLUMN breakdown_label VARCHAR;
ALTER TABLE labour_market ADD COLUMN symbol VARCHAR;
ALTER TABLE labour_market ADD COLUMN basis VARCHAR;
ALTER TABLE labour_market ADD COLUMN series_break BOOLEAN;

-- How each published occupation or industry code became ISCO-08 / a NACE section.
CREATE TABLE classification_map (
    classification  VARCHAR NOT NULL,
    code            VARCHAR NOT NULL,
    isco_code       VARCHAR,
    nace_section    VARCHAR,
    share           DOUBLE NOT NULL,
    rule            VARCHAR NOT NULL
);

CREATE TABLE isco_group (
    code      VARCHAR PRIMARY KEY,
    level     VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL,
    label_nl  VARCHAR NOT NULL,
    label_de  VARCHAR NOT NULL
);

-- Published geography → the map regions it covers (an arbeidsmarktregio, a Kreis, …).
CREATE TABLE labour_area (
    region_code       VARCHAR NOT NULL,
    country           VARCHAR NOT NULL,
    source_geography  VARCHAR NOT NULL,
    name              VARCHAR NOT NULL,
    municipalities    INTEGER NOT NULL,
    members           VARCHAR,
    region_id         VARCHAR NOT NULL,
    region_level      VARCHAR NOT NULL
);
