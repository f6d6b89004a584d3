-- Population and area per map unit: NL gemeenten plus the chosen DE level.
SELECT region_id, country, level, code, name, parent_id, population, population_year,
       population_source, area_km2, vwg_type,
       population / NULLIF(area_km2, 0) AS density
FROM region
WHERE NOT is_context
  AND (level = 'gemeente' OR level = $de_level)
ORDER BY country DESC, name
