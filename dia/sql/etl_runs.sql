-- Every build this warehouse knows of (the history is carried from version to version).
SELECT run_id, started_at, finished_at, status, version, inputs, rows_loaded, rows_rejected
FROM etl_run
ORDER BY started_at DESC
