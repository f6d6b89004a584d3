-- Cross-border partners of one opportunity. The name is given only for companies that are
-- members of an association in $visible (dia.policy), and then as that association keeps it.
WITH visible AS (SELECT unnest($visible::VARCHAR[]) AS association)
SELECT m.role, m.nace_code, m.nace_division, m.region_id, r.name AS region_name, m.country,
       m.associations, m.is_sample,
       (SELECT min(mb.name) FROM member mb JOIN visible v ON v.association = mb.association
        WHERE mb.company_id = m.company_id) AS name
FROM energy_match m
LEFT JOIN region r ON r.region_id = m.region_id
WHERE m.opportunity_id = $opportunity_id
ORDER BY m.role, name NULLS LAST, region_name
