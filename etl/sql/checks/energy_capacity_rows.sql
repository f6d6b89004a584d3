-- One figure per municipality, year and technology, for a municipality of the project area,
-- with a known technology and no negative capacity.
SELECT 'repeated' AS problem, region_id, year, technology
FROM energy_capacity
GROUP BY region_id, year, technology
HAVING count(*) > 1
UNION ALL
SELECT 'not a municipality', e.region_id, e.year, e.technology
FROM energy_capacity e
LEFT JOIN region r ON r.region_id = e.region_id
WHERE r.level IS NULL OR r.level NOT IN ('gemeente', 'gemeinde') OR r.is_context
UNION ALL
SELECT 'unknown technology or negative', region_id, year, technology
FROM energy_capacity
WHERE technology NOT IN ('solar', 'wind', 'biomass', 'hydro') OR capacity_mw < 0;
