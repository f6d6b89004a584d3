-- Where the project records come from (shown under every chart of them).
SELECT DISTINCT s.title, s.vintage, s.is_sample
FROM source s
WHERE s.source_id IN (
    SELECT source_id FROM activity
    UNION SELECT source_id FROM participation
    UNION SELECT source_id FROM collaboration
    UNION SELECT source_id FROM milestone
)
ORDER BY s.title
