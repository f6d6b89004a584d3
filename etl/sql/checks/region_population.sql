-- Every project municipality carries population and area (densities and per-capita figures need them).
SELECT region_id, name, population, area_km2
FROM region
WHERE NOT is_context AND level IN ('gemeente', 'gemeinde', 'verwaltungsgemeinschaft', 'kreis')
  AND (population IS NULL OR population <= 0 OR area_km2 IS NULL OR area_km2 <= 0);
