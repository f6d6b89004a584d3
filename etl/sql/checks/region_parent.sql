-- Every parent reference resolves.
SELECT r.region_id, r.parent_id
FROM region r
LEFT JOIN region p ON p.region_id = r.parent_id
WHERE r.parent_id IS NOT NULL AND p.region_id IS NULL AND NOT r.is_context;
