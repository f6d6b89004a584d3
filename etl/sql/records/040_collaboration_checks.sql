-- A collaboration ID names one collaboration: later rows with an ID already used are not loaded.
WITH numbered AS (
    SELECT *,
           first_value(file) OVER w AS first_file,
           first_value(sheet) OVER w AS first_sheet,
           first_value(row_number) OVER w AS first_row,
           row_number() OVER w AS occurrence
    FROM stg_collaboration
    WINDOW w AS (PARTITION BY collaboration_id ORDER BY file, sheet, row_number)
)
INSERT INTO stg_record_problem
SELECT 'collaboration', file, sheet, row_number, collaboration_id_column, collaboration_id,
       'duplicate_id', first_file, first_sheet, first_row
FROM numbered
WHERE occurrence > 1;

-- Cross-border means a Dutch partner in the NL column and a German one in the DE column (the
-- company's country is that of its register, etl/sql/members/030_company.sql).
INSERT INTO stg_record_problem (kind, file, sheet, row_number, column_name, value, problem)
SELECT r.kind, r.file, r.sheet, r.row_number, r.column_name, r.ref,
       CASE r.side WHEN 'nl' THEN 'not_dutch' ELSE 'not_german' END
FROM stg_record_ref_resolved r
JOIN company c USING (company_id)
WHERE r.kind = 'collaboration'
  AND c.country <> CASE r.side WHEN 'nl' THEN 'NL' ELSE 'DE' END;

-- A milestone of a work package is recorded once: later rows repeating it are not loaded.
WITH numbered AS (
    SELECT *,
           first_value(file) OVER w AS first_file,
           first_value(sheet) OVER w AS first_sheet,
           first_value(row_number) OVER w AS first_row,
           row_number() OVER w AS occurrence
    FROM stg_milestone
    WINDOW w AS (
        PARTITION BY work_package, lower(milestone) ORDER BY file, sheet, row_number
    )
)
INSERT INTO stg_record_problem
SELECT 'milestone', file, sheet, row_number, NULL, milestone, 'duplicate_milestone',
       first_file, first_sheet, first_row
FROM numbered
WHERE occurrence > 1;
