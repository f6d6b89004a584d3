-- How the counted activities, companies and collaborations are named, so a later correction can
-- say what was added or removed even after it left the records.
SELECT 'activity' AS kind, a.activity_id AS id, strftime(a.date, '%Y-%m-%d') AS date, a.type,
       a.title AS label
FROM activity a
UNION ALL
SELECT 'company', c.company_id, NULL, c.country, c.name
FROM company c
WHERE c.company_id IN (SELECT company_id FROM indicator_evidence)
UNION ALL
SELECT 'collaboration', k.collaboration_id, strftime(k.started_on, '%Y-%m-%d'), k.type,
       nl.name || ' – ' || de.name
FROM collaboration k
JOIN company nl ON nl.company_id = k.company_id_nl
JOIN company de ON de.company_id = k.company_id_de
ORDER BY ALL
