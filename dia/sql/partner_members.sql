-- Current members of both associations as partner candidates and anchors: place, sector, size,
-- the kinds of DIA activity (and themes) the company took part in. Names only for the
-- associations in $visible.
WITH took_part AS (
    SELECT p.company_id,
           list(DISTINCT a.type ORDER BY a.type) AS activity_types,
           list(DISTINCT a.theme ORDER BY a.theme) AS activity_themes
    FROM participation p
    JOIN activity a USING (activity_id)
    GROUP BY p.company_id
)
SELECT
    m.member_id,
    m.association,
    m.company_id,
    m.country,
    CASE WHEN list_contains($visible, m.association) THEN m.name END AS name,
    m.region_id,
    r.name AS municipality,
    m.nace_section,
    m.nace_division,
    CASE $lang WHEN 'nl' THEN d.label_nl WHEN 'de' THEN d.label_de ELSE d.label_en END AS division_label,
    m.size_class,
    coalesce(t.activity_types, []) AS activity_types,
    coalesce(t.activity_themes, []) AS activity_themes,
    m.is_sample
FROM member m
LEFT JOIN region r ON r.region_id = m.region_id
LEFT JOIN nace_division d ON d.division = m.nace_division
LEFT JOIN took_part t ON t.company_id = m.company_id
WHERE m.member_until IS NULL OR m.member_until > current_date
ORDER BY m.association, m.name, m.member_id
