-- Energy transition (docs/energy.md, docs/warehouse.md "energy"). energy_capacity itself is a
-- core table (000_core.sql): one row per municipality (gemeente, Gemeinde), year, technology.

-- Every map unit and its larger areas: the municipalities' capacity summed up the region tree
-- (Gemeinde → Einheits-/Samtgemeinde → Kreis; gemeente → CR08).
CREATE TABLE energy_capacity_by_region (
    region_id          VARCHAR NOT NULL,
    year               INTEGER NOT NULL,
    technology         VARCHAR NOT NULL,
    capacity_mw        DOUBLE NOT NULL,
    is_sample          BOOLEAN NOT NULL,  -- any of the summed figures is sample data
    municipalities     INTEGER NOT NULL,  -- municipalities with a figure
    municipalities_in  INTEGER NOT NULL,  -- municipalities the area has
    source_ids         VARCHAR NOT NULL,  -- ';'-joined
    PRIMARY KEY (region_id, year, technology)
);

-- Totals as the source published them (MaStR: Kreis, Land, Germany; CBS: province), for
-- checks and context; never summed with energy_capacity.
CREATE TABLE energy_capacity_total (
    region_code  VARCHAR NOT NULL,
    region_name  VARCHAR,
    year         INTEGER NOT NULL,
    technology   VARCHAR NOT NULL,
    capacity_mw  DOUBLE NOT NULL,
    source_id    VARCHAR NOT NULL
);

CREATE TABLE energy_opportunity (
    opportunity_id    VARCHAR PRIMARY KEY,
    title             VARCHAR NOT NULL,
    description       VARCHAR,
    region_id         VARCHAR NOT NULL,
    country           VARCHAR NOT NULL CHECK (country IN ('NL', 'DE')),
    technology        VARCHAR NOT NULL,
    stage             VARCHAR NOT NULL,
    capacity_mw       DOUBLE,
    start_year        INTEGER,
    partners_sought   VARCHAR,
    lead_association  VARCHAR NOT NULL CHECK (lead_association IN ('OE', 'WVE')),
    file              VARCHAR NOT NULL,
    sheet             VARCHAR,
    row_number        INTEGER NOT NULL,
    source_id         VARCHAR NOT NULL,
    is_sample         BOOLEAN NOT NULL
);

-- Occupations an opportunity needs, ISCO-08 (2 to 4 digits).
CREATE TABLE energy_opportunity_skill (
    opportunity_id  VARCHAR NOT NULL,
    isco_code       VARCHAR NOT NULL,
    PRIMARY KEY (opportunity_id, isco_code)
);

-- etl/config/energy_nace.toml: which NACE divisions or sections can take part in a
-- technology, and in which role.
CREATE TABLE energy_nace_rule (
    technology  VARCHAR NOT NULL,
    nace_code   VARCHAR NOT NULL,  -- section letter or 2-digit division
    role        VARCHAR NOT NULL,
    PRIMARY KEY (technology, nace_code)
);

-- etl/config/energy_skills.toml: labour_market measures counted as demand or supply.
CREATE TABLE energy_labour_measure (
    measure  VARCHAR PRIMARY KEY,  -- lower case
    side     VARCHAR NOT NULL CHECK (side IN ('demand', 'supply')),
    rank     INTEGER NOT NULL      -- position in the list: the first one present is used
);

-- Member companies on the other side of the border whose activity fits an opportunity.
CREATE TABLE energy_match (
    opportunity_id  VARCHAR NOT NULL,
    company_id      VARCHAR NOT NULL,
    role            VARCHAR NOT NULL,
    nace_code       VARCHAR NOT NULL,  -- the rule's code that matched
    nace_division   VARCHAR,
    region_id       VARCHAR,
    country         VARCHAR NOT NULL,
    associations    VARCHAR NOT NULL,  -- 'OE', 'WVE' or 'OE,WVE'
    is_sample       BOOLEAN NOT NULL,
    PRIMARY KEY (opportunity_id, company_id)
);

-- Demand and supply of the needed occupations per side, latest period (empty while
-- labour_market is).
CREATE TABLE energy_skill_gap (
    opportunity_id  VARCHAR NOT NULL,
    isco_code       VARCHAR NOT NULL,
    country         VARCHAR NOT NULL,
    area            VARCHAR NOT NULL,  -- the published area(s) the figures are for
    demand          DOUBLE,
    demand_period   VARCHAR,
    supply          DOUBLE,
    supply_period   VARCHAR,
    is_sample       BOOLEAN NOT NULL,
    source_ids      VARCHAR NOT NULL
);

-- Single published figures with their source and quote (context, not a time series).
CREATE TABLE reference_fact (
    region_code         VARCHAR NOT NULL,
    region_id           VARCHAR,
    region_name         VARCHAR NOT NULL,
    topic               VARCHAR NOT NULL,  -- energy, labour, region
    indicator           VARCHAR NOT NULL,
    value               DOUBLE,            -- NULL where the figure is not one number
    value_text          VARCHAR NOT NULL,  -- as given
    unit                VARCHAR,
    reference_date      VARCHAR NOT NULL,
    approximate         BOOLEAN NOT NULL,  -- reported as "bijna"/"ruim"
    original_publisher  VARCHAR NOT NULL,
    source_url          VARCHAR,
    quote               VARCHAR,
    source_id           VARCHAR NOT NULL
);
