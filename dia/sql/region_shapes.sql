-- Shapes of the regions drawn on the cross-border map (project area and grey context).
SELECT region_id, country, level, geometry_geojson, level = 'context' AS is_context
FROM region
WHERE level IN ('context', 'gemeente', 'gemeinde', 'verwaltungsgemeinschaft')
