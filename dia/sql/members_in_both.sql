-- Companies that are members of both associations on $as_of (names: only for roles that may
-- see members of both sides; others get the count from members_headline).
SELECT
    c.company_id,
    c.name,
    c.city,
    c.country,
    CASE $lang WHEN 'nl' THEN s.short_nl WHEN 'de' THEN s.short_de ELSE s.short_en END AS sector,
    oe.member_since AS oe_since,
    wve.member_since AS wve_since
FROM company c
JOIN member oe ON oe.company_id = c.company_id AND oe.association = 'OE'
JOIN member wve ON wve.company_id = c.company_id AND wve.association = 'WVE'
LEFT JOIN nace_section s ON s.section = c.nace_section
WHERE (oe.member_until IS NULL OR oe.member_until > $as_of)
  AND (wve.member_until IS NULL OR wve.member_until > $as_of)
ORDER BY c.name
