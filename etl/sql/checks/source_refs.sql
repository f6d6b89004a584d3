-- Every fact row names a source that exists (attribution is shown from there).
SELECT 'member' AS tbl, source_id FROM member WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'activity', source_id FROM activity WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'participation', source_id FROM participation WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'collaboration', source_id FROM collaboration WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'milestone', source_id FROM milestone WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'statistic', source_id FROM statistic WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'labour_market', source_id FROM labour_market WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'energy_capacity', source_id FROM energy_capacity WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'energy_capacity_total', source_id FROM energy_capacity_total WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'energy_opportunity', source_id FROM energy_opportunity WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'reference_fact', source_id FROM reference_fact WHERE source_id NOT IN (SELECT source_id FROM source)
UNION ALL SELECT 'region', population_source FROM region
    WHERE population_source IS NOT NULL AND population_source NOT IN (SELECT source_id FROM source);
