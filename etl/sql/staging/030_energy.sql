-- Energy rows as the readers produced them (etl/readers/mastr.py, energy_capacity.py,
-- energy_opportunities.py, reference_facts.py). Dropped before publishing.

CREATE TEMP TABLE stg_energy_capacity (
    region_code  VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    technology   VARCHAR NOT NULL,
    capacity_mw  DOUBLE NOT NULL,
    priority     INTEGER NOT NULL,  -- where sources overlap: 1 register/statistics, 2 template
    file         VARCHAR NOT NULL,
    sheet        VARCHAR,
    row_number   INTEGER NOT NULL,
    source_id    VARCHAR NOT NULL
);

CREATE TEMP TABLE stg_energy_capacity_total (
    region_code  VARCHAR NOT NULL,
    region_name  VARCHAR,
    year         INTEGER NOT NULL,
    technology   VARCHAR NOT NULL,
    capacity_mw  DOUBLE NOT NULL,
    source_id    VARCHAR NOT NULL
);

CREATE TEMP TABLE stg_energy_opportunity (
    opportunity_id    VARCHAR NOT NULL,
    title             VARCHAR NOT NULL,
    description       VARCHAR,
    region_id         VARCHAR NOT NULL,
    technology        VARCHAR NOT NULL,
    stage             VARCHAR NOT NULL,
    capacity_mw       DOUBLE,
    start_year        INTEGER,
    partners_sought   VARCHAR,
    skills            VARCHAR,  -- ';'-joined ISCO-08 codes
    lead_association  VARCHAR NOT NULL,
    file              VARCHAR NOT NULL,
    sheet             VARCHAR,
    row_number        INTEGER NOT NULL,
    source_id         VARCHAR NOT NULL
);

CREATE TEMP TABLE stg_reference_fact (
    region_code         VARCHAR NOT NULL,
    region_name         VARCHAR NOT NULL,
    indicator           VARCHAR NOT NULL,
    value               DOUBLE,
    value_text          VARCHAR NOT NULL,
    unit                VARCHAR,
    reference_date      VARCHAR NOT NULL,
    approximate         BOOLEAN NOT NULL,
    original_publisher  VARCHAR NOT NULL,
    source_url          VARCHAR,
    quote               VARCHAR,
    source_id           VARCHAR NOT NULL
);
