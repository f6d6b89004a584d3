-- What the published build merged or ignored on purpose (duplicates, hidden columns).
SELECT n.file, f.kind, n.sheet, n.row_number, n.column_name, n.value,
       n.reason AS reason_en, n.reason_nl, n.reason_de
FROM etl_notice n
LEFT JOIN etl_file f ON f.run_id = n.run_id AND f.file = n.file
ORDER BY n.file, n.sheet NULLS FIRST, n.row_number NULLS FIRST
