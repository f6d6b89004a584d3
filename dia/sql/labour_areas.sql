-- The map regions behind every geography that has vacancy or job-seeker figures.
SELECT a.region_code, a.country, a.source_geography, a.name, a.municipalities, a.members,
       a.region_id, a.region_level, r.name AS region_name
FROM labour_area a
JOIN region r USING (region_id)
WHERE a.region_code IN (
    SELECT region_code FROM labour_market WHERE measure IN ('vacancies', 'job_seekers')
)
ORDER BY a.region_code, a.region_id
