-- RCO087 Organisations cooperating across borders: each company that is a partner in a
-- collaboration with status active or completed counts once, on the start date of its first
-- such collaboration in the project, for the country of the company.
WITH partners AS (
    SELECT collaboration_id, company_id_nl AS company_id, started_on, status FROM collaboration
    UNION ALL
    SELECT collaboration_id, company_id_de, started_on, status FROM collaboration
)
SELECT min(p.started_on) AS occurred_on,
       c.country AS side,
       c.region_id,
       NULL AS activity_id,
       c.company_id,
       arg_min(p.collaboration_id, strftime(p.started_on, '%Y-%m-%d') || p.collaboration_id)
           AS collaboration_id,
       1 AS amount
FROM partners p
JOIN company c USING (company_id)
JOIN project_calendar cal ON p.started_on BETWEEN cal.project_start AND cal.data_as_of
WHERE p.status IN ('active', 'completed')
GROUP BY c.company_id, c.country, c.region_id
