-- What a data version holds, item by item, for the "what changed" digest: members per
-- association (and whether they have left), activities, participations and collaborations.
SELECT 'member' AS kind, m.association AS grp, m.member_id AS item_id, m.name AS label,
       strftime(m.member_since, '%Y-%m-%d') AS detail,
       CASE WHEN m.member_until IS NOT NULL
                 AND m.member_until <= (SELECT max(data_as_of) FROM project_calendar)
            THEN 'left' ELSE 'active' END AS state
FROM member m
UNION ALL
SELECT 'activity', a.type, a.activity_id, a.title, strftime(a.date, '%Y-%m-%d'), 'active'
FROM activity a
UNION ALL
SELECT 'participation', p.activity_id, p.activity_id || ' / ' || p.company_id,
       coalesce(c.name, p.company_id), coalesce(a.title, p.activity_id), 'active'
FROM participation p
LEFT JOIN company c USING (company_id)
LEFT JOIN activity a USING (activity_id)
UNION ALL
SELECT 'collaboration', k.type, k.collaboration_id, nl.name || ' – ' || de.name,
       strftime(k.started_on, '%Y-%m-%d'), 'active'
FROM collaboration k
LEFT JOIN company nl ON nl.company_id = k.company_id_nl
LEFT JOIN company de ON de.company_id = k.company_id_de
