SELECT run_id, started_at, finished_at, inputs, rows_loaded, rows_rejected
FROM etl_run
WHERE status = 'published'
ORDER BY finished_at DESC
LIMIT 1
