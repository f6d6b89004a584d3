-- Every way a record may name a member company: a register number (KvK / Handelsregister) as
-- in the member lists or the merged company, or an association's member number.
CREATE TEMP TABLE stg_company_ref AS
SELECT DISTINCT 'register' AS ref_kind, NULL::VARCHAR AS association, register_id AS ref, company_id
FROM member
WHERE register_id IS NOT NULL
UNION
SELECT 'register', NULL, register_id, company_id
FROM company
WHERE register_id IS NOT NULL
UNION
SELECT 'member', association, upper(member_number), company_id
FROM member
WHERE member_number IS NOT NULL;

-- Problems found while resolving the records; rows listed here are not loaded (reason keys are
-- turned into translated rejects by etl/harmonise/records.py).
CREATE TEMP TABLE stg_record_problem (
    kind         VARCHAR NOT NULL,
    file         VARCHAR NOT NULL,
    sheet        VARCHAR,
    row_number   INTEGER NOT NULL,
    column_name  VARCHAR,
    value        VARCHAR,
    problem      VARCHAR NOT NULL,
    first_file   VARCHAR,
    first_sheet  VARCHAR,
    first_row    INTEGER
);
