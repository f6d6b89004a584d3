-- Per reporting period: activities held, companies and persons taking part, and the plan.
WITH held AS (
    SELECT p.period, count(*) AS activities,
           sum(s.persons_nl + s.persons_de) AS participants,
           sum(s.companies_nl + s.companies_de) AS participations
    FROM activity a
    JOIN activity_sides s USING (activity_id)
    JOIN reporting_period p ON a.date BETWEEN p.starts_on AND p.ends_on
    CROSS JOIN project_calendar c
    WHERE a.date <= c.data_as_of
    GROUP BY p.period
)
SELECT p.period, p.position, p.starts_on, p.ends_on,
       p.starts_on <= c.data_as_of AS has_begun,
       p.ends_on <= c.data_as_of AS has_ended,
       coalesce(h.activities, 0) AS activities,
       coalesce(h.participants, 0) AS participants,
       coalesce(h.participations, 0) AS participations,
       a.activities AS planned_activities,
       a.participants AS planned_participants
FROM reporting_period p
CROSS JOIN project_calendar c
LEFT JOIN held h USING (period)
LEFT JOIN activity_plan a USING (period)
ORDER BY p.position
