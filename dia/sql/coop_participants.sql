-- Companies and persons taking part per quarter and side (a company counts once per quarter).
SELECT date_trunc('quarter', a.date)::DATE AS quarter, c.country AS side,
       count(DISTINCT p.company_id) AS companies, sum(p.persons) AS persons
FROM participation p
JOIN activity a USING (activity_id)
JOIN company c USING (company_id)
GROUP BY ALL
ORDER BY quarter, side
