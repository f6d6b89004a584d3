-- What changed (etl/changes.py): against the version published before this one (scope
-- 'version') and against the data of the latest submitted report (scope 'report').
CREATE TABLE change_basis (
    scope              VARCHAR PRIMARY KEY,   -- 'version' | 'report'
    reference          VARCHAR NOT NULL,      -- previous version id, or the report's period
    reference_version  VARCHAR,               -- the data version compared with
    compared_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE change_item (
    scope    VARCHAR NOT NULL,
    kind     VARCHAR NOT NULL,   -- member | activity | participation | collaboration
    grp      VARCHAR NOT NULL,   -- association (members), type (activities, collaborations), activity (participations)
    item_id  VARCHAR NOT NULL,
    label    VARCHAR NOT NULL,   -- name or title (never shown to funders)
    detail   VARCHAR NOT NULL,   -- date or activity title
    change   VARCHAR NOT NULL    -- joined | left | added | removed
);

CREATE TABLE change_indicator (
    scope   VARCHAR NOT NULL,
    code    VARCHAR NOT NULL,
    before  DOUBLE NOT NULL,
    after   DOUBLE NOT NULL
);
