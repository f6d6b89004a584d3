-- The companies behind indicator $code up to period $period, with the associations they are
-- members of. The name only for companies that are members of an association in $visible.
WITH counted AS (
    SELECT c.company_id, c.name, c.country, r.name AS municipality,
           CASE $lang WHEN 'nl' THEN s.short_nl WHEN 'de' THEN s.short_de ELSE s.short_en END AS sector,
           (SELECT list(DISTINCT m.association ORDER BY m.association) FROM member m
             WHERE m.company_id = c.company_id) AS associations,
           min(e.occurred_on) AS first_counted,
           sum(e.amount) AS counted
    FROM indicator_evidence e
    JOIN company c USING (company_id)
    LEFT JOIN region r ON r.region_id = c.region_id
    LEFT JOIN nace_section s ON s.section = c.nace_section
    JOIN reporting_period p ON p.period = e.period
    WHERE e.code = $code
      AND p.position <= (SELECT position FROM reporting_period WHERE period = $period)
    GROUP BY ALL
)
SELECT company_id,
       CASE WHEN list_has_any(associations, $visible::VARCHAR[]) THEN name END AS name,
       country, municipality, sector, associations, first_counted, counted
FROM counted
ORDER BY country, name
