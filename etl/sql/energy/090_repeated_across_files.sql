-- Opportunity rows left out because another file (or a real list) has the same project id.
SELECT s.file, s.sheet, s.row_number, s.opportunity_id, o.file AS first_file,
       o.sheet AS first_sheet, o.row_number AS first_row
FROM stg_energy_opportunity s
JOIN energy_opportunity o USING (opportunity_id)
WHERE NOT (s.file = o.file AND s.row_number = o.row_number)
ORDER BY s.file, s.row_number;
