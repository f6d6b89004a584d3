-- ## indicator
--
-- The funders' ledger ([indicators.md](indicators.md)), computed by
-- `etl/harmonise/indicators.py` from `etl/config/indicators.toml` and
-- `etl/sql/indicators/*.sql`.

-- The indicators: Interreg programme outputs and the project's own. A common indicator's names,
-- unit and programme period are the official ones from `core/glossary.toml`.
CREATE TABLE indicator (
    code           VARCHAR PRIMARY KEY,  -- `CO01`, `RCO081`, …
    name_nl        VARCHAR NOT NULL,
    name_de        VARCHAR NOT NULL,
    name_en        VARCHAR NOT NULL,
    unit           VARCHAR NOT NULL,     -- English
    baseline       DOUBLE,  -- value at the project's start
    target         DOUBLE,  -- value the project promised
    position       INTEGER,              -- order on the pages
    kind           VARCHAR,              -- `programme output` / `project-specific`
    unit_nl        VARCHAR,
    unit_de        VARCHAR,
    definition_en  VARCHAR,
    definition_nl  VARCHAR,
    definition_de  VARCHAR,
    computation    VARCHAR,              -- the SQL file's name
    sides          VARCHAR,              -- comma-separated: `NL`, `DE`, `NL-DE`
    official_code  VARCHAR,  -- as the regulation writes it: `CO01`, `RCO 115`
    programme_period VARCHAR,  -- `2014–2020` (CO), `2021–2027` (RCO); empty if project-specific
    legal_basis    VARCHAR   -- the regulation's annex (English); empty if project-specific
);

-- The indicator's value in one reporting period and side, for every period that has begun by
-- `project_calendar.data_as_of` and every side of the indicator (zero included). Values are per
-- period, not cumulative: the cumulative is their running sum.
CREATE TABLE indicator_value (
    code    VARCHAR NOT NULL,  -- the `indicator`
    period  VARCHAR NOT NULL,  -- a `reporting_period`
    side    VARCHAR NOT NULL,  -- `NL`, `DE` or `NL-DE`
    value   DOUBLE NOT NULL  -- the period's value (not cumulative)
);

-- What each value is made of: one row per thing an indicator counts (a company, an activity, a
-- participation or a collaboration) on the date it counts, for one side, where it is, and how
-- much. `indicator_value.value` is the sum of `amount` per code, period and side (a quality
-- check holds the build to it).
CREATE TABLE indicator_evidence (
    code              VARCHAR NOT NULL,  -- the `indicator`
    period            VARCHAR NOT NULL,  -- the `reporting_period` it counts in
    occurred_on       DATE NOT NULL,     -- the date it counts
    side              VARCHAR NOT NULL,  -- `NL`, `DE` or `NL-DE`
    region_id         VARCHAR,           -- where it is
    activity_id       VARCHAR,
    company_id        VARCHAR,
    collaboration_id  VARCHAR,
    amount            DOUBLE NOT NULL    -- 1, or the persons of a participation
);

-- The reporting periods (`2022-H1`, …).
CREATE TABLE reporting_period (
    period     VARCHAR PRIMARY KEY,  -- `2022-H1`, …
    position   INTEGER NOT NULL,  -- 1 for the first period
    starts_on  DATE NOT NULL,  -- first day
    ends_on    DATE NOT NULL  -- last day
);

-- The project's runtime and how far the records go; one row.
CREATE TABLE project_calendar (
    project_start  DATE NOT NULL,  -- first day of the project
    project_end    DATE NOT NULL,  -- last day of the project
    period_months  INTEGER NOT NULL,  -- length of a reporting period
    data_as_of     DATE NOT NULL,     -- the latest record date (activity held, collaboration
                                      -- started, milestone reached), not after the build date:
                                      -- what "records up to" means on the pages
    grace_days     INTEGER NOT NULL   -- days a milestone may be late before its work package
                                      -- counts as behind schedule
);
