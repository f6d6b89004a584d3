-- A participation must name an activity of the activity list.
INSERT INTO stg_record_problem (kind, file, sheet, row_number, column_name, value, problem)
SELECT 'participation', p.file, p.sheet, p.row_number, p.activity_id_column, p.activity_id,
       'unknown_activity'
FROM stg_participation p
WHERE p.activity_id NOT IN (SELECT activity_id FROM stg_activity);

-- Cross-border means a Dutch partner in the NL column and a German one in the DE column (the
-- company's country is that of its register, etl/sql/members/030_company.sql).
INSERT INTO stg_record_problem (kind, file, sheet, row_number, column_name, value, problem)
SELECT r.kind, r.file, r.sheet, r.row_number, r.column_name, r.ref,
       CASE r.side WHEN 'nl' THEN 'not_dutch' ELSE 'not_german' END
FROM stg_record_ref_resolved r
JOIN company c USING (company_id)
WHERE r.kind = 'collaboration'
  AND c.country <> CASE r.side WHEN 'nl' THEN 'NL' ELSE 'DE' END;
