-- Totals as published by the source (MaStR: Kreis, Niedersachsen, Germany), for context.
SELECT region_code, region_name, year, technology, capacity_mw, source_id
FROM energy_capacity_total
ORDER BY region_code, year, technology
