-- Training and internships (docs/training.md, docs/warehouse.md "training"): education and
-- training figures as published, per programme or training occupation, mapped to ISCO-08.

-- One published figure (or its share) per region, period, measure and programme.
CREATE TABLE training_supply (
    country                   VARCHAR NOT NULL CHECK (country IN ('NL', 'DE')),
    region_code               VARCHAR NOT NULL,  -- as published: GM0114, 03454, AM04
    region_id                 VARCHAR,           -- our region, where the code is one
    region_name               VARCHAR,
    source_geography          VARCHAR,
    period                    VARCHAR NOT NULL,
    measure                   VARCHAR NOT NULL,  -- enrolled, training_places, internship_places, …
    level                     VARCHAR NOT NULL,  -- mbo, hbo, Ausbildung, Studium
    pathway                   VARCHAR,           -- BOL, BBL, dual, full-time, part-time
    programme_classification  VARCHAR NOT NULL,  -- CROHO, HS-FG, KldB2010, ISCO08
    programme_code            VARCHAR NOT NULL,
    programme_label           VARCHAR,
    isco_code                 VARCHAR,           -- ISCO-08 group (2–4 digits); NULL: no match
    isco_share                DOUBLE NOT NULL,
    value                     DOUBLE,            -- published value × isco_share
    symbol                    VARCHAR,           -- '<5' (DUO masking: a lower bound), '-', '.'
    rule                      VARCHAR NOT NULL,  -- how the programme was mapped to ISCO-08
    source_id                 VARCHAR NOT NULL,
    is_sample                 BOOLEAN NOT NULL
);
