-- Rows (or files) the published version could not use, with the kind of file they came from.
SELECT r.file, f.kind, r.sheet, r.row_number, r.column_name, r.value,
       r.reason AS reason_en, r.reason_nl, r.reason_de
FROM etl_reject r
LEFT JOIN etl_file f ON f.run_id = r.run_id AND f.file = r.file
ORDER BY r.file, r.sheet NULLS FIRST, r.row_number NULLS FIRST
