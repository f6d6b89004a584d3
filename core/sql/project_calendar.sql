-- The project's runtime, reporting periods and how far the records go (one row per period).
SELECT c.project_start, c.project_end, c.data_as_of, c.grace_days,
       p.period, p.position, p.starts_on, p.ends_on,
       p.starts_on <= c.data_as_of AS has_begun
FROM project_calendar c
CROSS JOIN reporting_period p
ORDER BY p.position
