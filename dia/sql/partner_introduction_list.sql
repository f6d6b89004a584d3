-- Introductions made on the partner page, newest first: both partners' municipalities, and
-- their names only for the associations in $visible.
SELECT k.collaboration_id, k.type, k.status, k.started_on,
       nl.name AS nl_municipality, de.name AS de_municipality,
       (SELECT first(m.name ORDER BY m.association) FROM member m
        WHERE m.company_id = k.company_id_nl AND list_contains($visible, m.association))
           AS nl_company,
       (SELECT first(m.name ORDER BY m.association) FROM member m
        WHERE m.company_id = k.company_id_de AND list_contains($visible, m.association))
           AS de_company,
       k.is_sample
FROM collaboration k
JOIN company cn ON cn.company_id = k.company_id_nl
JOIN company cd ON cd.company_id = k.company_id_de
LEFT JOIN region nl ON nl.region_id = cn.region_id
LEFT JOIN region de ON de.region_id = cd.region_id
WHERE k.collaboration_id LIKE 'INTRO-%'
ORDER BY k.collaboration_id
