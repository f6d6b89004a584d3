-- Rows merged with a row of another file of the same association (duplicates inside one file
-- are reported by the reader already): the first such row of each later file.
WITH spread AS (
    SELECT association, company_key
    FROM stg_member_keyed
    GROUP BY association, company_key
    HAVING count(DISTINCT file) > 1
),
firsts AS (
    SELECT k.association, k.company_key, k.file, arg_min(k.sheet, k.ord) AS sheet,
           arg_min(k.row_number, k.ord) AS row_number, arg_min(k.name, k.ord) AS name,
           min(k.ord) AS ord
    FROM stg_member_keyed k
    JOIN spread USING (association, company_key)
    GROUP BY ALL
),
ranked AS (
    SELECT *,
           first_value(file) OVER g AS first_file,
           first_value(sheet) OVER g AS first_sheet,
           first_value(row_number) OVER g AS first_row
    FROM firsts
    WINDOW g AS (PARTITION BY association, company_key ORDER BY ord)
)
SELECT file, sheet, row_number, name, company_key, first_file, first_sheet, first_row
FROM ranked
WHERE file <> first_file
ORDER BY file, sheet, row_number;
