-- Participations merged with an earlier row of the same activity and company (reported as
-- notices, nothing was lost).
SELECT file, sheet, row_number, company_column, company_ref, first_file, first_sheet, first_row
FROM stg_participation_ok
WHERE occurrence > 1
ORDER BY file, sheet, row_number
