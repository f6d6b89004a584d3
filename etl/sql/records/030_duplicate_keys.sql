-- A record's key names one record: later rows with a key already used are not loaded. The keys:
-- an activity's ID, a collaboration's ID, a work package's milestone (in any letter case).
WITH keyed AS (
    SELECT 'activity' AS kind, file, sheet, row_number, activity_id_column AS column_name,
           activity_id AS value, activity_id AS key, NULL AS subkey, 'duplicate_id' AS problem
    FROM stg_activity
    UNION ALL
    SELECT 'collaboration', file, sheet, row_number, collaboration_id_column, collaboration_id,
           collaboration_id, NULL, 'duplicate_id'
    FROM stg_collaboration
    UNION ALL
    SELECT 'milestone', file, sheet, row_number, NULL, milestone,
           work_package, lower(milestone), 'duplicate_milestone'
    FROM stg_milestone
),
numbered AS (
    SELECT *,
           first_value(file) OVER w AS first_file,
           first_value(sheet) OVER w AS first_sheet,
           first_value(row_number) OVER w AS first_row,
           row_number() OVER w AS occurrence
    FROM keyed
    WINDOW w AS (PARTITION BY kind, key, subkey ORDER BY file, sheet, row_number)
)
INSERT INTO stg_record_problem
SELECT kind, file, sheet, row_number, column_name, value, problem,
       first_file, first_sheet, first_row
FROM numbered
WHERE occurrence > 1;
