-- Energy projects as anchors: place, lead association, the NACE divisions of their technology
-- and the occupations they need. Titles are free text: not for funders ($text).
SELECT o.opportunity_id,
       CASE WHEN $text THEN o.title END AS title,
       o.region_id, r.name AS municipality, o.country, o.technology, o.lead_association,
       o.is_sample,
       coalesce((SELECT list(DISTINCT n.nace_code ORDER BY n.nace_code) FROM energy_nace_rule n
                 WHERE n.technology = o.technology), []) AS nace_codes,
       coalesce((SELECT list(DISTINCT left(s.isco_code, 2) ORDER BY 1)
                 FROM energy_opportunity_skill s
                 WHERE s.opportunity_id = o.opportunity_id), []) AS occupations
FROM energy_opportunity o
LEFT JOIN region r ON r.region_id = o.region_id
ORDER BY o.lead_association, o.opportunity_id
