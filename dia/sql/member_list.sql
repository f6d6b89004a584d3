-- The member list of one association ($association), labelled in $lang; no rows unless the
-- association is in $visible (the associations whose members the viewer may see, dia.policy).
SELECT
    m.member_id,
    m.member_number,
    m.name,
    m.register_id,
    m.street,
    m.postcode,
    m.city,
    r.name AS municipality,
    m.country,
    m.nace_section,
    CASE $lang WHEN 'nl' THEN s.short_nl WHEN 'de' THEN s.short_de ELSE s.short_en END AS sector,
    m.nace_division,
    CASE $lang WHEN 'nl' THEN d.label_nl WHEN 'de' THEN d.label_de ELSE d.label_en END AS division,
    m.size_class,
    m.employees,
    m.member_since,
    m.member_until,
    m.region_flag,
    other.member_id IS NOT NULL AS in_both
FROM member m
LEFT JOIN region r ON r.region_id = m.region_id
LEFT JOIN nace_section s ON s.section = m.nace_section
LEFT JOIN nace_division d ON d.division = m.nace_division
LEFT JOIN member other ON other.company_id = m.company_id AND other.association <> m.association
WHERE m.association = $association AND list_contains($visible::VARCHAR[], m.association)
ORDER BY m.name
