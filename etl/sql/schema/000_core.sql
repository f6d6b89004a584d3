-- Warehouse tables (the contract in docs/warehouse.md). Created empty in every build; loaders fill them.

CREATE TABLE source (
    source_id    VARCHAR PRIMARY KEY,
    title        VARCHAR NOT NULL,
    publisher    VARCHAR NOT NULL,
    licence      VARCHAR NOT NULL,
    attribution  VARCHAR NOT NULL,
    vintage      VARCHAR NOT NULL,
    is_sample    BOOLEAN NOT NULL
);

CREATE TABLE region (
    region_id          VARCHAR PRIMARY KEY,
    country            VARCHAR NOT NULL CHECK (country IN ('NL', 'DE')),
    level              VARCHAR NOT NULL,
    code               VARCHAR NOT NULL,
    name               VARCHAR NOT NULL,
    parent_id          VARCHAR,
    population         BIGINT,
    population_year    INTEGER,
    population_source  VARCHAR,
    area_km2           DOUBLE,
    vwg_type           VARCHAR,
    is_context         BOOLEAN NOT NULL,
    geometry_geojson   VARCHAR NOT NULL
);

CREATE TABLE postcode_nl (pc4 VARCHAR PRIMARY KEY, region_id VARCHAR NOT NULL, place VARCHAR, population BIGINT, alt_places VARCHAR);
CREATE TABLE postcode_de (plz VARCHAR NOT NULL, region_id VARCHAR NOT NULL, name VARCHAR, PRIMARY KEY (plz, region_id));

CREATE TABLE company (
    company_id    VARCHAR PRIMARY KEY,
    country       VARCHAR NOT NULL,
    register_id   VARCHAR,
    name          VARCHAR NOT NULL,
    region_id     VARCHAR,
    nace_section  VARCHAR
);

CREATE TABLE member (
    member_id      VARCHAR PRIMARY KEY,
    association    VARCHAR NOT NULL CHECK (association IN ('OE', 'WVE')),
    company_id     VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    postcode       VARCHAR,
    region_id      VARCHAR,
    nace_section   VARCHAR,
    nace_division  VARCHAR,
    size_class     VARCHAR,
    employees      INTEGER,
    member_since   DATE,
    member_until   DATE,
    region_flag    VARCHAR,
    source_id      VARCHAR NOT NULL,
    is_sample      BOOLEAN NOT NULL
);

-- Personal data lives apart from the member table; only permitted roles query it.
CREATE TABLE member_contact (
    member_id  VARCHAR PRIMARY KEY,
    person     VARCHAR,
    email      VARCHAR,
    phone      VARCHAR
);

CREATE TABLE activity (
    activity_id  VARCHAR PRIMARY KEY,
    date         DATE NOT NULL,
    title        VARCHAR NOT NULL,
    type         VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,
    theme        VARCHAR NOT NULL,
    region_id    VARCHAR,
    organiser    VARCHAR NOT NULL,
    source_id    VARCHAR NOT NULL,
    is_sample    BOOLEAN NOT NULL
);

CREATE TABLE participation (
    activity_id  VARCHAR NOT NULL,
    company_id   VARCHAR NOT NULL,
    persons      INTEGER NOT NULL,
    source_id    VARCHAR NOT NULL,
    is_sample    BOOLEAN NOT NULL
);

CREATE TABLE collaboration (
    collaboration_id  VARCHAR PRIMARY KEY,
    company_id_nl     VARCHAR NOT NULL,
    company_id_de     VARCHAR NOT NULL,
    type              VARCHAR NOT NULL,
    started_on        DATE,
    status            VARCHAR NOT NULL,
    evidence          VARCHAR,
    source_id         VARCHAR NOT NULL,
    is_sample         BOOLEAN NOT NULL
);

CREATE TABLE milestone (
    work_package  VARCHAR NOT NULL,
    milestone     VARCHAR NOT NULL,
    planned_on    DATE,
    done_on       DATE,
    source_id     VARCHAR NOT NULL,
    is_sample     BOOLEAN NOT NULL
);

-- Any published statistic as read (region as published, symbol kept where the value is missing).
CREATE TABLE statistic (
    region_code       VARCHAR NOT NULL,
    region_id         VARCHAR,
    region_name       VARCHAR,
    source_geography  VARCHAR,
    period            VARCHAR NOT NULL,
    measure           VARCHAR NOT NULL,
    measure_label     VARCHAR,
    classification    VARCHAR,
    class_code        VARCHAR,
    class_label       VARCHAR,
    value             DOUBLE,
    symbol            VARCHAR,
    unit              VARCHAR,
    source_id         VARCHAR NOT NULL,
    is_sample         BOOLEAN NOT NULL
);

CREATE TABLE labour_market (
    region_id         VARCHAR,
    source_geography  VARCHAR NOT NULL,
    period            VARCHAR NOT NULL,
    measure           VARCHAR NOT NULL,
    isco_code         VARCHAR,
    nace_section      VARCHAR,
    value             DOUBLE,
    source_id         VARCHAR NOT NULL,
    is_sample         BOOLEAN NOT NULL
);

CREATE TABLE energy_capacity (
    region_id    VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    technology   VARCHAR NOT NULL,
    capacity_mw  DOUBLE NOT NULL,
    source_id    VARCHAR NOT NULL,
    is_sample    BOOLEAN NOT NULL
);

CREATE TABLE indicator (
    code      VARCHAR PRIMARY KEY,
    name_nl   VARCHAR NOT NULL,
    name_de   VARCHAR NOT NULL,
    name_en   VARCHAR NOT NULL,
    unit      VARCHAR NOT NULL,
    baseline  DOUBLE,
    target    DOUBLE
);

CREATE TABLE indicator_value (
    code    VARCHAR NOT NULL,
    period  VARCHAR NOT NULL,
    side    VARCHAR NOT NULL,
    value   DOUBLE NOT NULL
);

CREATE TABLE etl_run (
    run_id       VARCHAR PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    status       VARCHAR NOT NULL,
    version      VARCHAR,
    inputs       INTEGER,
    rows_loaded  BIGINT,
    rows_rejected BIGINT
);

CREATE TABLE etl_file (
    run_id       VARCHAR NOT NULL,
    file         VARCHAR NOT NULL,
    kind         VARCHAR,
    accepted     BIGINT NOT NULL,
    rejected     BIGINT NOT NULL,
    skipped      BIGINT NOT NULL
);

CREATE TABLE etl_reject (
    run_id       VARCHAR NOT NULL,
    file         VARCHAR NOT NULL,
    sheet        VARCHAR,
    row_number   INTEGER,
    column_name  VARCHAR,
    value        VARCHAR,
    reason       VARCHAR NOT NULL,
    reason_nl    VARCHAR NOT NULL,
    reason_de    VARCHAR NOT NULL
);
