-- Project records and the funders' indicator ledger (docs/warehouse.md, docs/indicators.md):
-- columns beyond the core contract, the project calendar and plan, and the evidence behind
-- every indicator value.

-- Where each record came from, so staff can find the row again.
ALTER TABLE activity ADD COLUMN file VARCHAR;
ALTER TABLE activity ADD COLUMN row_number INTEGER;
ALTER TABLE participation ADD COLUMN company_ref VARCHAR;
ALTER TABLE participation ADD COLUMN file VARCHAR;
ALTER TABLE participation ADD COLUMN row_number INTEGER;
ALTER TABLE collaboration ADD COLUMN file VARCHAR;
ALTER TABLE collaboration ADD COLUMN row_number INTEGER;
ALTER TABLE milestone ADD COLUMN file VARCHAR;
ALTER TABLE milestone ADD COLUMN row_number INTEGER;

ALTER TABLE indicator ADD COLUMN position INTEGER;
ALTER TABLE indicator ADD COLUMN kind VARCHAR;
ALTER TABLE indicator ADD COLUMN unit_nl VARCHAR;
ALTER TABLE indicator ADD COLUMN unit_de VARCHAR;
ALTER TABLE indicator ADD COLUMN definition_en VARCHAR;
ALTER TABLE indicator ADD COLUMN definition_nl VARCHAR;
ALTER TABLE indicator ADD COLUMN definition_de VARCHAR;
ALTER TABLE indicator ADD COLUMN computation VARCHAR;
ALTER TABLE indicator ADD COLUMN sides VARCHAR;

-- The project's runtime and how far the records go: data_as_of is the latest record date (an
-- activity held, a collaboration started, a milestone reached), not after the build date.
CREATE TABLE project_calendar (
    project_start  DATE NOT NULL,
    project_end    DATE NOT NULL,
    period_months  INTEGER NOT NULL,
    data_as_of     DATE NOT NULL,
    grace_days     INTEGER NOT NULL
);

CREATE TABLE reporting_period (
    period     VARCHAR PRIMARY KEY,
    position   INTEGER NOT NULL,
    starts_on  DATE NOT NULL,
    ends_on    DATE NOT NULL
);

CREATE TABLE work_package (
    work_package  VARCHAR PRIMARY KEY,
    position      INTEGER NOT NULL,
    name_en       VARCHAR NOT NULL,
    name_nl       VARCHAR NOT NULL,
    name_de       VARCHAR NOT NULL
);

CREATE TABLE activity_plan (
    period        VARCHAR PRIMARY KEY,
    activities    INTEGER NOT NULL,
    participants  INTEGER NOT NULL
);

-- One row per thing an indicator counts: a company, an activity, a participation or a
-- collaboration, on the date it counts, for one side, where it is, and how much (1, or the
-- persons of a participation). indicator_value adds these up per period and side.
CREATE TABLE indicator_evidence (
    code              VARCHAR NOT NULL,
    period            VARCHAR NOT NULL,
    occurred_on       DATE NOT NULL,
    side              VARCHAR NOT NULL,
    region_id         VARCHAR,
    activity_id       VARCHAR,
    company_id        VARCHAR,
    collaboration_id  VARCHAR,
    amount            DOUBLE NOT NULL
);

-- Who took part in each activity, per side of the border (etl/sql/records/070_activity_sides.sql).
CREATE TABLE activity_sides (
    activity_id      VARCHAR PRIMARY KEY,
    companies_nl     INTEGER NOT NULL,
    companies_de     INTEGER NOT NULL,
    persons_nl       INTEGER NOT NULL,
    persons_de       INTEGER NOT NULL,
    is_cross_border  BOOLEAN NOT NULL
);
