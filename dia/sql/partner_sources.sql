-- The sources behind partner suggestions: member lists, project records, and the labour market
-- figures by occupation that decide which occupations are in shortage.
SELECT DISTINCT s.title, s.vintage, s.is_sample
FROM source s
WHERE s.source_id IN (
    SELECT source_id FROM member
    UNION SELECT source_id FROM activity
    UNION SELECT source_id FROM collaboration
    UNION SELECT source_id FROM labour_market WHERE isco_code IS NOT NULL
)
ORDER BY s.is_sample, s.title
