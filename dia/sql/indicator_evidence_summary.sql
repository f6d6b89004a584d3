-- Aggregates of the evidence of indicator $code up to period $period, for every role: per side
-- and NACE section of the companies (labels in $lang), how many companies and how much counted.
SELECT e.side,
       coalesce(c.nace_section, '?') AS section,
       CASE $lang WHEN 'nl' THEN s.short_nl WHEN 'de' THEN s.short_de ELSE s.short_en END AS sector,
       count(DISTINCT e.company_id) AS companies,
       sum(e.amount) AS counted
FROM indicator_evidence e
JOIN company c USING (company_id)
LEFT JOIN nace_section s ON s.section = c.nace_section
JOIN reporting_period p ON p.period = e.period
WHERE e.code = $code
  AND p.position <= (SELECT position FROM reporting_period WHERE period = $period)
GROUP BY ALL
ORDER BY e.side, section
