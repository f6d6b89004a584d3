-- The Kreis total the register publishes equals the sum of its Gemeinden (to 1 kW), so no
-- Gemeinde was lost or counted twice on the way.
SELECT t.region_code, t.year, t.technology, t.capacity_mw AS published_mw,
       b.capacity_mw AS summed_mw
FROM energy_capacity_total t
JOIN region r ON r.region_id = t.region_code AND r.level = 'kreis'
LEFT JOIN energy_capacity_by_region b
       ON b.region_id = t.region_code AND b.year = t.year AND b.technology = t.technology
WHERE (b.capacity_mw IS NULL AND t.capacity_mw > 0.001)
   OR abs(t.capacity_mw - coalesce(b.capacity_mw, 0)) > 0.001;
