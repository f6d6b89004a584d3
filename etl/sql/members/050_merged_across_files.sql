-- Rows merged with a row of another file of the same association (duplicates inside one file
-- are reported by the reader already): the first such row of each later file.
WITH groups AS (
    SELECT *,
           first_value(file) OVER g AS first_file,
           first_value(row_number) OVER g AS first_row,
           first_value(sheet) OVER g AS first_sheet,
           row_number() OVER (PARTITION BY association, company_key, file ORDER BY ord) AS in_file
    FROM stg_member_keyed
    WINDOW g AS (PARTITION BY association, company_key ORDER BY ord)
)
SELECT file, sheet, row_number, name, company_key, first_file, first_sheet, first_row
FROM groups
WHERE file <> first_file AND in_file = 1
ORDER BY file, sheet, row_number;
