-- ## changes
--
-- What changed, written by every build (`etl/changes.py`, `etl/harmonise/changes.py`) and
-- shown on the landing page: against the version published before (`scope = 'version'`) and
-- against the data of the latest submitted report (`scope = 'report'`, see
-- [reporting.md](reporting.md)).

-- What each scope was compared with. No row for a scope: nothing to compare with (first build,
-- no report yet).
CREATE TABLE change_basis (
    scope              VARCHAR PRIMARY KEY,   -- 'version' | 'report'
    reference          VARCHAR NOT NULL,      -- previous version id, or the report's period
    reference_version  VARCHAR,               -- the data version compared with
    compared_at        TIMESTAMPTZ NOT NULL   -- when
);

-- Members, activities, participations and collaborations that came or went. A member "left"
-- when its row is gone or its `member_until` has passed.
CREATE TABLE change_item (
    scope    VARCHAR NOT NULL,   -- 'version' | 'report'
    kind     VARCHAR NOT NULL,   -- member | activity | participation | collaboration
    grp      VARCHAR NOT NULL,   -- association (members), type (activities, collaborations), activity (participations)
    item_id  VARCHAR NOT NULL,   -- the member, activity or collaboration id
    label    VARCHAR NOT NULL,   -- name or title (never shown to funders)
    detail   VARCHAR NOT NULL,   -- date or activity title
    change   VARCHAR NOT NULL    -- joined | left | added | removed
);

-- Indicators whose total changed (scope `report`: the total up to the report's period, i.e.
-- the correction the next report carries).
CREATE TABLE change_indicator (
    scope   VARCHAR NOT NULL,  -- 'version' | 'report'
    code    VARCHAR NOT NULL,  -- the `indicator`
    before  DOUBLE NOT NULL,   -- total then
    after   DOUBLE NOT NULL    -- total now
);

-- Names of what the indicators count (activities, companies with their associations,
-- collaborations): kept with a submitted report, so a later correction can say what was added
-- or removed even after it left the records.
CREATE TABLE evidence_label (
    kind          VARCHAR NOT NULL,   -- activity | company | collaboration
    id            VARCHAR NOT NULL,   -- the activity, company or collaboration id
    date          VARCHAR,            -- activity date, collaboration start (ISO)
    type          VARCHAR,            -- activity/collaboration type; country of a company
    label         VARCHAR,            -- title or name (never shown to funders)
    associations  VARCHAR             -- companies: 'OE', 'WVE' or 'OE,WVE'
);
