-- An activity ID names one activity: later rows with an ID already used are not loaded.
WITH numbered AS (
    SELECT *,
           first_value(file) OVER w AS first_file,
           first_value(sheet) OVER w AS first_sheet,
           first_value(row_number) OVER w AS first_row,
           row_number() OVER w AS occurrence
    FROM stg_activity
    WINDOW w AS (PARTITION BY activity_id ORDER BY file, sheet, row_number)
)
INSERT INTO stg_record_problem
SELECT 'activity', file, sheet, row_number, activity_id_column, activity_id, 'duplicate_id',
       first_file, first_sheet, first_row
FROM numbered
WHERE occurrence > 1;

-- A participation must name an activity of the activity list.
INSERT INTO stg_record_problem (kind, file, sheet, row_number, column_name, value, problem)
SELECT 'participation', p.file, p.sheet, p.row_number, p.activity_id_column, p.activity_id,
       'unknown_activity'
FROM stg_participation p
WHERE p.activity_id NOT IN (SELECT activity_id FROM stg_activity);
