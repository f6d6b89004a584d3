-- Collaborations of the given $statuses between map units: the NL gemeente of the Dutch partner
-- and the DE unit ($de_level) of the German partner, per collaboration type. A partner placed
-- only at a higher level than the map shows comes back with that side's region NULL.
WITH placed AS (
    SELECT k.collaboration_id, k.type, nl.region_id AS nl_region,
           CASE
               WHEN r.level = $de_level THEN r.region_id
               WHEN r.level = 'gemeinde' AND $de_level = 'verwaltungsgemeinschaft' THEN r.parent_id
           END AS de_region
    FROM collaboration k
    JOIN company nl ON nl.company_id = k.company_id_nl
    JOIN company de ON de.company_id = k.company_id_de
    LEFT JOIN region r ON r.region_id = de.region_id
    WHERE list_contains($statuses, k.status)
)
SELECT nl_region, de_region, type, count(*) AS collaborations
FROM placed
GROUP BY ALL
ORDER BY nl_region, de_region, type
