-- Names of what the indicators count (see the table evidence_label in schema/070_changes.sql).
INSERT INTO evidence_label
SELECT 'activity' AS kind, a.activity_id AS id, strftime(a.date, '%Y-%m-%d') AS date, a.type,
       a.title AS label, NULL AS associations
FROM activity a
UNION ALL
SELECT 'company', c.company_id, NULL, c.country, c.name,
       (SELECT string_agg(DISTINCT m.association, ',' ORDER BY m.association) FROM member m
         WHERE m.company_id = c.company_id)
FROM company c
WHERE c.company_id IN (SELECT company_id FROM indicator_evidence)
UNION ALL
SELECT 'collaboration', k.collaboration_id, strftime(k.started_on, '%Y-%m-%d'), k.type,
       nl.name || ' – ' || de.name, NULL
FROM collaboration k
JOIN company nl ON nl.company_id = k.company_id_nl
JOIN company de ON de.company_id = k.company_id_de
ORDER BY ALL
