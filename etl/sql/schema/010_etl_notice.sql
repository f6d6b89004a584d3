-- Remarks of the last build that are not rejects (duplicate rows merged, hidden columns
-- ignored), located and translated like etl_reject.
CREATE TABLE etl_notice (
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
