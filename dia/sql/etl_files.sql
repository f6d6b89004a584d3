-- The files read by the build that made the published version.
SELECT f.file, f.kind, f.accepted, f.rejected, f.skipped
FROM etl_file f
WHERE f.run_id = (SELECT max(run_id) FROM etl_file)
ORDER BY f.file
