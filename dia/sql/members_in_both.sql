-- Companies that are members of both associations on $as_of, for a viewer who may see the members
-- of the associations in $visible (dia.policy): a company is a member of each, so its name shows
-- for either; each association's member-since date only for that association. Nobody else gets
-- rows (the count is in members_headline).
SELECT
    c.company_id,
    c.name,
    c.city,
    c.country,
    CASE $lang WHEN 'nl' THEN s.short_nl WHEN 'de' THEN s.short_de ELSE s.short_en END AS sector,
    CASE WHEN list_contains($visible::VARCHAR[], 'OE') THEN oe.member_since END AS oe_since,
    CASE WHEN list_contains($visible::VARCHAR[], 'WVE') THEN wve.member_since END AS wve_since
FROM company c
JOIN member oe ON oe.company_id = c.company_id AND oe.association = 'OE'
JOIN member wve ON wve.company_id = c.company_id AND wve.association = 'WVE'
LEFT JOIN nace_section s ON s.section = c.nace_section
WHERE len($visible::VARCHAR[]) > 0
  AND (oe.member_until IS NULL OR oe.member_until > $as_of)
  AND (wve.member_until IS NULL OR wve.member_until > $as_of)
ORDER BY c.name
