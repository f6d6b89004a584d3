-- The activities behind indicator $code up to reporting period $period: how much each counted,
-- and who took part from each side. Titles (free text) only with $free_text.
SELECT e.period, a.activity_id, a.date, CASE WHEN $free_text THEN a.title END AS title, a.type, a.format, r.name AS venue,
       s.companies_nl, s.companies_de, s.persons_nl + s.persons_de AS persons,
       sum(e.amount) AS counted
FROM indicator_evidence e
JOIN activity a USING (activity_id)
JOIN activity_sides s USING (activity_id)
LEFT JOIN region r ON r.region_id = a.region_id
JOIN reporting_period p ON p.period = e.period
WHERE e.code = $code
  AND p.position <= (SELECT position FROM reporting_period WHERE period = $period)
GROUP BY ALL
ORDER BY a.date, a.activity_id
