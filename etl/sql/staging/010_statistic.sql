-- Staging tables: what readers produce, before harmonisation. Dropped before publishing.

CREATE TEMP TABLE stg_statistic (
    region_code       VARCHAR,
    region_name       VARCHAR,
    source_geography  VARCHAR,
    period            VARCHAR,
    measure           VARCHAR,
    measure_label     VARCHAR,
    classification    VARCHAR,
    class_code        VARCHAR,
    class_label       VARCHAR,
    value             DOUBLE,
    symbol            VARCHAR,
    unit              VARCHAR,
    source_id         VARCHAR
);
