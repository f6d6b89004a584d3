-- Energy rows point to a known region, opportunity and company (their sources: source_refs.sql).
SELECT 'energy_opportunity region' AS tbl, region_id AS ref FROM energy_opportunity WHERE region_id NOT IN (SELECT region_id FROM region)
UNION ALL SELECT 'energy_opportunity_skill', opportunity_id FROM energy_opportunity_skill WHERE opportunity_id NOT IN (SELECT opportunity_id FROM energy_opportunity)
UNION ALL SELECT 'energy_match opportunity', opportunity_id FROM energy_match WHERE opportunity_id NOT IN (SELECT opportunity_id FROM energy_opportunity)
UNION ALL SELECT 'energy_match company', company_id FROM energy_match WHERE company_id NOT IN (SELECT company_id FROM company);
