-- ## energy
--
-- Installed renewable capacity, energy projects and their cross-border partners
-- ([energy.md](energy.md)). Capacity and projects are read by
-- `etl/readers/{mastr,energy_capacity,energy_opportunities}.py` and
-- `etl/sql/transform/030_energy.sql`; matches and skills gaps are built by
-- `etl/harmonise/energy.py` after the member step.

-- One figure per municipality (`gemeente`, `gemeinde`), year and technology — never for larger
-- areas (those are sums, in `energy_capacity_by_region`).
CREATE TABLE energy_capacity (
    region_id    VARCHAR NOT NULL,  -- gemeente `GM0114` or Gemeinde `03454032`
    year         INTEGER NOT NULL,  -- capacity at the end of this year
    technology   VARCHAR NOT NULL,  -- `solar`, `wind` (onshore), `biomass`, `hydro`
    capacity_mw  DOUBLE NOT NULL,   -- installed gross capacity, MW
    source_id    VARCHAR NOT NULL,  -- MaStR `mastr_2023`, CBS `cbs:85005NED:…`, template
                                    -- `energy_template:…`; real figures replace sample ones
    is_sample    BOOLEAN NOT NULL
);

-- `energy_capacity` summed up the region tree (Gemeinde → Einheits-/Samtgemeinde → Kreis
-- `03454`; gemeente → CR08): every map unit and its larger areas. Use this table for areas; do
-- not sum it over levels.
CREATE TABLE energy_capacity_by_region (
    region_id          VARCHAR NOT NULL,  -- any region of ours
    year               INTEGER NOT NULL,  -- capacity at the end of this year
    technology         VARCHAR NOT NULL,  -- as in `energy_capacity`
    capacity_mw        DOUBLE NOT NULL,   -- sum over the area's municipalities, MW
    is_sample          BOOLEAN NOT NULL,  -- any of the summed figures is sample data
    municipalities     INTEGER NOT NULL,  -- municipalities with a figure
    municipalities_in  INTEGER NOT NULL,  -- municipalities the area has
    source_ids         VARCHAR NOT NULL,  -- ';'-joined
    PRIMARY KEY (region_id, year, technology)
);

-- Totals as the source published them, for checks and context (MaStR: Kreis `03454`,
-- Niedersachsen `03`, Germany `DG`; a CBS province if a download has one); never summed with
-- `energy_capacity`. The build fails when the MaStR Kreis total differs from the sum of its
-- Gemeinden by more than 1 kW.
CREATE TABLE energy_capacity_total (
    region_code  VARCHAR NOT NULL,  -- as published
    region_name  VARCHAR,           -- as published
    year         INTEGER NOT NULL,  -- capacity at the end of this year
    technology   VARCHAR NOT NULL,  -- as in `energy_capacity`
    capacity_mw  DOUBLE NOT NULL,   -- MW
    source_id    VARCHAR NOT NULL
);

-- Energy projects looking for partners and skills.
CREATE TABLE energy_opportunity (
    opportunity_id    VARCHAR PRIMARY KEY,  -- the staff's own ID
    title             VARCHAR NOT NULL,  -- as the association names it
    description       VARCHAR,  -- free text
    region_id         VARCHAR NOT NULL,     -- where the project is
    country           VARCHAR NOT NULL CHECK (country IN ('NL', 'DE')),  -- `NL` or `DE`
    technology        VARCHAR NOT NULL,     -- `wind`, `solar`, `hydrogen`, `heat`, `biogas`,
                                            -- `grid_storage`
    stage             VARCHAR NOT NULL,     -- `idea`, `feasibility`, `permitting`,
                                            -- `construction`, `operation`
    capacity_mw       DOUBLE,               -- planned capacity, MW
    start_year        INTEGER,  -- planned start
    partners_sought   VARCHAR,              -- as written
    lead_association  VARCHAR NOT NULL CHECK (lead_association IN ('OE', 'WVE')),  -- `OE`/`WVE`
    file              VARCHAR NOT NULL,     -- the file it was read from
    sheet             VARCHAR,              -- its sheet
    row_number        INTEGER NOT NULL,     -- its row there
    source_id         VARCHAR NOT NULL,
    is_sample         BOOLEAN NOT NULL
);

-- Occupations an opportunity needs, ISCO-08 (2 to 4 digits).
CREATE TABLE energy_opportunity_skill (
    opportunity_id  VARCHAR NOT NULL,  -- the `energy_opportunity`
    isco_code       VARCHAR NOT NULL,  -- ISCO-08, 2 to 4 digits
    PRIMARY KEY (opportunity_id, isco_code)
);

-- etl/config/energy_nace.toml: which NACE divisions or sections can take part in a
-- technology, and in which role.
CREATE TABLE energy_nace_rule (
    technology  VARCHAR NOT NULL,  -- as in `energy_opportunity`
    nace_code   VARCHAR NOT NULL,  -- section letter or 2-digit division
    role        VARCHAR NOT NULL,  -- the part such companies can play
    PRIMARY KEY (technology, nace_code)
);

-- etl/config/energy_skills.toml: labour_market measures counted as demand or supply.
CREATE TABLE energy_labour_measure (
    measure  VARCHAR PRIMARY KEY,  -- lower case
    side     VARCHAR NOT NULL CHECK (side IN ('demand', 'supply')),  -- `demand` or `supply`
    rank     INTEGER NOT NULL      -- position in the list: the first one present is used
);

-- Member companies on the other side of the border whose activity fits an opportunity: one row
-- per opportunity and company. Names are in `member`; the dashboard shows them only to the
-- company's own association.
CREATE TABLE energy_match (
    opportunity_id  VARCHAR NOT NULL,
    company_id      VARCHAR NOT NULL,
    role            VARCHAR NOT NULL,  -- the matching rule's role
    nace_code       VARCHAR NOT NULL,  -- the rule's code that matched
    nace_division   VARCHAR,           -- the company's division
    region_id       VARCHAR,           -- the company's site across the border
    country         VARCHAR NOT NULL,  -- the company's country
    associations    VARCHAR NOT NULL,  -- 'OE', 'WVE' or 'OE,WVE'
    is_sample       BOOLEAN NOT NULL,
    PRIMARY KEY (opportunity_id, company_id)
);

-- Demand and supply of the needed occupations per opportunity, ISCO code and country, latest
-- period. Empty while `labour_market` has no figures by occupation.
CREATE TABLE energy_skill_gap (
    opportunity_id  VARCHAR NOT NULL,
    isco_code       VARCHAR NOT NULL,  -- a needed occupation
    country         VARCHAR NOT NULL,
    area            VARCHAR NOT NULL,  -- the published area(s) the figures are for
    demand          DOUBLE,            -- vacancies
    demand_period   VARCHAR,  -- period of `demand`
    supply          DOUBLE,            -- job seekers
    supply_period   VARCHAR,  -- period of `supply`
    is_sample       BOOLEAN NOT NULL,
    source_ids      VARCHAR NOT NULL   -- ';'-joined
);

-- Single published figures with their source and quote, for reference points next to charts
-- (context, not a time series).
CREATE TABLE reference_fact (
    region_code         VARCHAR NOT NULL,  -- as published
    region_id           VARCHAR,           -- where it is one of ours
    region_name         VARCHAR NOT NULL,  -- as published
    topic               VARCHAR NOT NULL,  -- energy, labour, region
    indicator           VARCHAR NOT NULL,  -- what the figure measures
    value               DOUBLE,            -- NULL where the figure is not one number
    value_text          VARCHAR NOT NULL,  -- as given
    unit                VARCHAR,  -- as published
    reference_date      VARCHAR NOT NULL,  -- the date or period the figure is for
    approximate         BOOLEAN NOT NULL,  -- reported as "bijna"/"ruim"
    original_publisher  VARCHAR NOT NULL,  -- who published the figure first
    source_url          VARCHAR,           -- where it was read
    quote               VARCHAR,           -- the sentence it was taken from
    source_id           VARCHAR NOT NULL
);
