-- Company references of participations and collaborations → company_id. A register number is
-- tried first; else the member number (of the association written before it, if any). A
-- reference must name exactly one company.
CREATE TEMP TABLE stg_record_ref AS
SELECT 'participation' AS kind, file, sheet, row_number, 'company' AS side, company_ref AS ref,
       register_id, member_number, association, company_column AS column_name
FROM stg_participation
UNION ALL
SELECT 'collaboration', file, sheet, row_number, 'nl', ref_nl, register_id_nl, member_number_nl,
       association_nl, company_nl_column
FROM stg_collaboration
UNION ALL
SELECT 'collaboration', file, sheet, row_number, 'de', ref_de, register_id_de, member_number_de,
       association_de, company_de_column
FROM stg_collaboration;

CREATE TEMP TABLE stg_record_ref_resolved AS
WITH by_register AS (
    SELECT r.kind, r.file, r.sheet, r.row_number, r.side, list(DISTINCT c.company_id) AS ids
    FROM stg_record_ref r
    JOIN stg_company_ref c ON c.ref_kind = 'register' AND c.ref = r.register_id
    GROUP BY ALL
),
by_member AS (
    SELECT r.kind, r.file, r.sheet, r.row_number, r.side, list(DISTINCT c.company_id) AS ids
    FROM stg_record_ref r
    JOIN stg_company_ref c
      ON c.ref_kind = 'member'
     AND c.ref = upper(r.member_number)
     AND (r.association IS NULL OR c.association = r.association)
    GROUP BY ALL
)
SELECT r.*, coalesce(b.ids, m.ids, []) AS candidates,
       CASE WHEN len(coalesce(b.ids, m.ids, [])) = 1 THEN coalesce(b.ids, m.ids)[1] END AS company_id
FROM stg_record_ref r
LEFT JOIN by_register b USING (kind, file, sheet, row_number, side)
LEFT JOIN by_member m USING (kind, file, sheet, row_number, side);

INSERT INTO stg_record_problem (kind, file, sheet, row_number, column_name, value, problem)
SELECT kind, file, sheet, row_number, column_name, ref,
       CASE WHEN len(candidates) = 0 THEN 'unknown_company' ELSE 'ambiguous_company' END
FROM stg_record_ref_resolved
WHERE company_id IS NULL;
