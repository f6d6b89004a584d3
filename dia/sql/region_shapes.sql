-- Shapes of the regions drawn on the cross-border map (project area and grey context).
SELECT region_id, country, level, geometry_geojson, is_context
FROM region
WHERE is_context OR level IN ('gemeente', 'gemeinde', 'verwaltungsgemeinschaft')
