-- Indicator $code up to period $period per map unit: NL gemeenten and the DE level $de_level (a
-- Gemeinde counts for its Samtgemeinde/Einheitsgemeinde). Evidence without a place, or placed
-- only at a higher level than the map shows, comes back with region_id NULL.
SELECT
    CASE
        WHEN r.level = 'gemeente' OR r.level = $de_level THEN r.region_id
        WHEN r.level = 'gemeinde' AND $de_level = 'verwaltungsgemeinschaft' THEN r.parent_id
    END AS region_id,
    sum(e.amount) AS counted
FROM indicator_evidence e
LEFT JOIN region r ON r.region_id = e.region_id
JOIN reporting_period p ON p.period = e.period
WHERE e.code = $code
  AND p.position <= (SELECT position FROM reporting_period WHERE period = $period)
GROUP BY ALL
