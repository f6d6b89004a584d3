-- The sources behind the energy page, per use: capacity, opportunities, published figures.
SELECT DISTINCT u.used_for, s.source_id, s.title, s.publisher, s.licence, s.attribution,
       s.vintage, s.is_sample
FROM (
    SELECT 'capacity' AS used_for, source_id FROM energy_capacity
    UNION ALL SELECT 'opportunity', source_id FROM energy_opportunity
    UNION ALL SELECT 'fact', source_id FROM reference_fact WHERE topic = 'energy'
) u
JOIN source s USING (source_id)
ORDER BY u.used_for, s.is_sample, s.vintage, s.title
