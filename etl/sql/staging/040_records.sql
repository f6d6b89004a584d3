-- Project records as the records reader normalised them (etl/records), one row per sheet row.
-- Company references are resolved to `company` by the build (etl/sql/records/); the *_column
-- fields keep the header as written, so a reject can point at the cell.
CREATE TEMP TABLE stg_activity (
    file               VARCHAR NOT NULL,
    sheet              VARCHAR,
    row_number         INTEGER NOT NULL,
    activity_id        VARCHAR NOT NULL,
    date               DATE NOT NULL,
    title              VARCHAR NOT NULL,
    type               VARCHAR NOT NULL,
    format             VARCHAR NOT NULL,
    theme              VARCHAR NOT NULL,
    region_id          VARCHAR,
    organiser          VARCHAR NOT NULL,
    source_id          VARCHAR NOT NULL,
    activity_id_column VARCHAR
);

CREATE TEMP TABLE stg_participation (
    file               VARCHAR NOT NULL,
    sheet              VARCHAR,
    row_number         INTEGER NOT NULL,
    activity_id        VARCHAR NOT NULL,
    company_ref        VARCHAR NOT NULL,
    register_id        VARCHAR,
    member_number      VARCHAR,
    association        VARCHAR,
    company_name       VARCHAR,
    persons            INTEGER NOT NULL,
    source_id          VARCHAR NOT NULL,
    activity_id_column VARCHAR,
    company_column     VARCHAR
);

CREATE TEMP TABLE stg_collaboration (
    file                    VARCHAR NOT NULL,
    sheet                   VARCHAR,
    row_number              INTEGER NOT NULL,
    collaboration_id        VARCHAR NOT NULL,
    ref_nl                  VARCHAR NOT NULL,
    register_id_nl          VARCHAR,
    member_number_nl        VARCHAR,
    association_nl          VARCHAR,
    name_nl                 VARCHAR,
    ref_de                  VARCHAR NOT NULL,
    register_id_de          VARCHAR,
    member_number_de        VARCHAR,
    association_de          VARCHAR,
    name_de                 VARCHAR,
    type                    VARCHAR NOT NULL,
    started_on              DATE,
    status                  VARCHAR NOT NULL,
    evidence                VARCHAR,
    source_id               VARCHAR NOT NULL,
    collaboration_id_column VARCHAR,
    company_nl_column       VARCHAR,
    company_de_column       VARCHAR
);

CREATE TEMP TABLE stg_milestone (
    file          VARCHAR NOT NULL,
    sheet         VARCHAR,
    row_number    INTEGER NOT NULL,
    work_package  VARCHAR NOT NULL,
    milestone     VARCHAR NOT NULL,
    milestone_nl  VARCHAR,
    milestone_de  VARCHAR,
    milestone_en  VARCHAR,
    planned_on    DATE NOT NULL,
    done_on       DATE,
    source_id     VARCHAR NOT NULL
);
