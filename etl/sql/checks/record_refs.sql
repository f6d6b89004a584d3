-- Project records point to known activities and companies, collaborations cross the border,
-- and milestones belong to a work package of the plan (rejected rows never get here).
SELECT 'participation without activity' AS problem, activity_id AS ref
FROM participation WHERE activity_id NOT IN (SELECT activity_id FROM activity)
UNION ALL
SELECT 'participation without company', company_id
FROM participation WHERE company_id NOT IN (SELECT company_id FROM company)
UNION ALL
SELECT 'participation repeated', activity_id || ' ' || company_id
FROM participation GROUP BY activity_id, company_id HAVING count(*) > 1
UNION ALL
SELECT 'collaboration partner unknown', collaboration_id
FROM collaboration
WHERE company_id_nl NOT IN (SELECT company_id FROM company)
   OR company_id_de NOT IN (SELECT company_id FROM company)
UNION ALL
SELECT 'collaboration not cross-border', k.collaboration_id
FROM collaboration k
JOIN company nl ON nl.company_id = k.company_id_nl
JOIN company de ON de.company_id = k.company_id_de
WHERE nl.country <> 'NL' OR de.country <> 'DE'
UNION ALL
SELECT 'collaboration begun without start date', collaboration_id
FROM collaboration WHERE status <> 'planned' AND started_on IS NULL
UNION ALL
SELECT 'milestone of unknown work package', work_package
FROM milestone WHERE work_package NOT IN (SELECT work_package FROM work_package);
