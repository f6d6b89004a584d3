-- Installed capacity of every project-area unit (municipalities and the areas above them),
-- all years and technologies; a few hundred rows.
SELECT b.region_id, r.country, r.level, b.year, b.technology, b.capacity_mw, b.is_sample,
       b.municipalities, b.municipalities_in, b.source_ids
FROM energy_capacity_by_region b
JOIN region r USING (region_id)
ORDER BY b.region_id, b.year, b.technology
