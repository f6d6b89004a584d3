-- Population, area and member companies per map unit: NL gemeenten plus the chosen DE level.
-- Members: companies with a current membership, counted once (at the company's address); a
-- Gemeinde's count rolls up into its Samtgemeinde/Einheitsgemeinde.
WITH active_companies AS (
    SELECT DISTINCT c.company_id, c.region_id
    FROM company c
    JOIN member m USING (company_id)
    WHERE (m.member_since IS NULL OR m.member_since <= current_date)
      AND (m.member_until IS NULL OR m.member_until > current_date)
),
members AS (
    SELECT CASE WHEN r.level = 'gemeinde' AND $de_level = 'verwaltungsgemeinschaft'
                THEN r.parent_id ELSE r.region_id END AS region_id,
           count(*) AS members
    FROM active_companies a
    JOIN region r USING (region_id)
    GROUP BY ALL
)
SELECT r.region_id, r.country, r.level, r.code, r.name, r.parent_id, r.population,
       r.population_year, r.population_source, r.area_km2, r.vwg_type,
       r.population / NULLIF(r.area_km2, 0) AS density,
       coalesce(m.members, 0) AS members
FROM region r
LEFT JOIN members m USING (region_id)
WHERE NOT r.is_context
  AND (r.level = 'gemeente' OR r.level = $de_level)
ORDER BY r.country DESC, r.name
