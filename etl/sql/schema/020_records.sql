-- ## Project records
--
-- DIA's activities, who took part, the collaborations that followed and the work plan's
-- milestones ([records.md](records.md)): read by `etl/readers/records.py`, resolved to the
-- member companies by `etl/harmonise/records.py` (`etl/sql/records/*.sql`) after the members
-- step. Staging (`stg_activity`, `stg_participation`, `stg_collaboration`, `stg_milestone`)
-- never reaches the published file. Every record table carries `source_id, is_sample` and the
-- `file` and `row_number` it was read from, so staff can find the row again. The codes are
-- English; the dashboard labels them in the user's language (`core/codes.py`).

-- One row per activity (event) of the project.
CREATE TABLE activity (
    activity_id  VARCHAR PRIMARY KEY,  -- the staff's own ID, upper case (`DIA-2022-07`); unique
    date         DATE NOT NULL,        -- (first) day of the activity
    title        VARCHAR NOT NULL,     -- as announced
    type         VARCHAR NOT NULL,     -- `matchmaking`, `workshop`, `webinar`, `company visit`,
                                       -- `trade fair`, `network meeting`, `training`
    format       VARCHAR NOT NULL,     -- `physical`, `digital`, `hybrid`
    theme        VARCHAR NOT NULL,     -- `digitalisation`, `innovation`, `exchange`, `energy`,
                                       -- `labour market`, `training`
    region_id    VARCHAR,              -- venue: gemeente or Gemeinde; NULL online or outside the
                                       -- project area
    organiser    VARCHAR NOT NULL,     -- `OE`, `WVE` or `both`
    source_id    VARCHAR NOT NULL,
    is_sample    BOOLEAN NOT NULL,
    file         VARCHAR,              -- the file it was read from
    row_number   INTEGER               -- its row there
);

-- Per activity who took part from each side (etl/sql/records/070_activity_sides.sql): the
-- basis of RCO115 and RCO081.
CREATE TABLE activity_sides (
    activity_id      VARCHAR PRIMARY KEY,
    companies_nl     INTEGER NOT NULL,  -- Dutch companies that took part
    companies_de     INTEGER NOT NULL,  -- German companies that took part
    persons_nl       INTEGER NOT NULL,  -- their persons
    persons_de       INTEGER NOT NULL,
    is_cross_border  BOOLEAN NOT NULL   -- companies from both NL and DE
);

-- One row per activity and company. A company named twice for one activity is one row (the
-- larger number of persons).
CREATE TABLE participation (
    activity_id  VARCHAR NOT NULL,  -- the `activity`
    company_id   VARCHAR NOT NULL,  -- a `company`, found by register or member number
    persons      INTEGER NOT NULL,  -- ≥ 1
    source_id    VARCHAR NOT NULL,
    is_sample    BOOLEAN NOT NULL,
    company_ref  VARCHAR,           -- the number as written
    file         VARCHAR,           -- the file it was read from
    row_number   INTEGER            -- its row there
);

-- Cross-border collaborations of a Dutch and a German company. Those with an id `INTRO-…` are
-- introductions made on the partner page ([partners.md](partners.md)): status `planned`, no
-- start date, loaded from `<DIA_DATA_DIR>/introductions/`.
CREATE TABLE collaboration (
    collaboration_id  VARCHAR PRIMARY KEY,  -- the staff's own ID; unique
    company_id_nl     VARCHAR NOT NULL,     -- the Dutch partner (`company`; its country is checked)
    company_id_de     VARCHAR NOT NULL,     -- the German partner
    type              VARCHAR NOT NULL,     -- `knowledge exchange`, `joint project`,
                                            -- `supplier relation`, `internship exchange`
    started_on        DATE,                 -- start date; NULL only while `planned`
    status            VARCHAR NOT NULL,     -- `planned`, `active`, `completed`, `stopped`
    evidence          VARCHAR,              -- where the proof is filed (free text; shown only to
                                            -- roles that may see both partners)
    source_id         VARCHAR NOT NULL,
    is_sample         BOOLEAN NOT NULL,
    file              VARCHAR,              -- the file it was read from
    row_number        INTEGER               -- its row there
);

-- The work plan's milestones.
CREATE TABLE milestone (
    work_package  VARCHAR NOT NULL,  -- a `work_package`
    milestone     VARCHAR NOT NULL,  -- as worded in the work plan
    milestone_nl  VARCHAR,           -- its name in Dutch, German, English (NULL: the wording
    milestone_de  VARCHAR,           -- above is shown in that language)
    milestone_en  VARCHAR,
    planned_on    DATE,  -- due date in the work plan
    done_on       DATE,              -- NULL while open
    source_id     VARCHAR NOT NULL,
    is_sample     BOOLEAN NOT NULL,
    file          VARCHAR,           -- the file it was read from
    row_number    INTEGER            -- its row there
);

-- The work packages of the work plan (`etl/config/project_plan.toml`).
CREATE TABLE work_package (
    work_package  VARCHAR PRIMARY KEY,  -- `WP1` …
    position      INTEGER NOT NULL,     -- order on the pages
    name_en       VARCHAR NOT NULL,
    name_nl       VARCHAR NOT NULL,
    name_de       VARCHAR NOT NULL
);

-- The work plan's planned activities and participants per reporting period.
CREATE TABLE activity_plan (
    period        VARCHAR PRIMARY KEY,  -- a `reporting_period`
    activities    INTEGER NOT NULL,     -- activities planned
    participants  INTEGER NOT NULL      -- persons planned
);
