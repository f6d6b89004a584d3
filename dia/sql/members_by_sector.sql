-- Memberships on $as_of per NACE section and association, labelled in $lang.
SELECT
    m.association,
    coalesce(m.nace_section, '?') AS section,
    CASE $lang WHEN 'nl' THEN s.short_nl WHEN 'de' THEN s.short_de ELSE s.short_en END AS label,
    CASE $lang WHEN 'nl' THEN s.label_nl WHEN 'de' THEN s.label_de ELSE s.label_en END AS full_label,
    count(*) AS members
FROM member m
LEFT JOIN nace_section s ON s.section = m.nace_section
WHERE (m.member_since IS NULL OR m.member_since <= $as_of)
  AND (m.member_until IS NULL OR m.member_until > $as_of)
GROUP BY ALL
ORDER BY section, association
