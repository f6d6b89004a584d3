-- Energy rows point to a known source, region, opportunity and company.
SELECT 'energy_capacity_total' AS tbl, source_id AS ref FROM energy_capacity_total
    WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'energy_opportunity', source_id FROM energy_opportunity
    WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'reference_fact', source_id FROM reference_fact
    WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'energy_opportunity region', region_id FROM energy_opportunity
    WHERE region_id NOT IN (SELECT region_id FROM region)
UNION ALL SELECT 'energy_opportunity_skill', opportunity_id FROM energy_opportunity_skill
    WHERE opportunity_id NOT IN (SELECT opportunity_id FROM energy_opportunity)
UNION ALL SELECT 'energy_match opportunity', opportunity_id FROM energy_match
    WHERE opportunity_id NOT IN (SELECT opportunity_id FROM energy_opportunity)
UNION ALL SELECT 'energy_match company', company_id FROM energy_match
    WHERE company_id NOT IN (SELECT company_id FROM company);
